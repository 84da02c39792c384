"""Every case of the question table: kind, places, stance and language (and topic)."""

from __future__ import annotations

import pytest
from question_table import ADVICE_QUESTIONS, CASES, Case

from bot.answer.phrases import say
from bot.engine import Engine


def place_labels(answer) -> list[str]:
    return [p.id if p.id else f"?{p.name}" for p in answer.places]


@pytest.mark.parametrize("case", CASES, ids=[repr(c.question)[:60] for c in CASES])
def test_question(engine: Engine, case: Case) -> None:
    answer = engine.answer(case.question)
    assert (answer.kind, answer.language) == (case.kind, case.language)
    labels = place_labels(answer)
    if case.kind == "list":
        if len(case.places) > 1:  # exactly these places
            assert sorted(labels) == sorted(case.places)
        elif case.places:
            state = engine.knowledge.jurisdictions[case.places[0]].state
            assert case.places[0] in labels
            assert {p.state for p in answer.places} == {state}
        else:
            assert len(labels) == len(engine.knowledge.jurisdictions)
    else:
        assert labels == list(case.places)
    if case.stance is not None:
        first = next(p for p in answer.places if p.id == case.places[0])
        assert first.stance == case.stance
    if case.kind == "topic":
        assert answer.topic == case.topic
    if case.kind == "not_covered":
        assert all(p.id is None and p.stance is None for p in answer.places)


def test_table_is_large_and_covers_every_category() -> None:
    kinds = {case.kind for case in CASES}
    assert len(CASES) >= 200
    assert kinds == {"answer", "clarify", "not_covered", "topic", "list", "help", "not_understood"}
    assert sum(case.language == "es" for case in CASES) >= 30


@pytest.mark.parametrize("question", ADVICE_QUESTIONS)
def test_asking_what_to_do_gets_a_not_legal_advice_line(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert say(answer.language, "legal") in answer.caveats


def test_no_uncovered_look_alike_becomes_a_covered_place(engine: Engine) -> None:
    for case in CASES:
        if case.kind == "not_covered":
            answer = engine.answer(case.question)
            assert all(p.id is None for p in answer.places), case.question
