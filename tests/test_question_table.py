"""Every case of the question table: kind, places, stance and language (and topic)."""

from __future__ import annotations

import pytest
from question_table import ADVICE_QUESTIONS, CASES, Case
from table_check import check

from bot.answer.phrases import say
from bot.engine import Engine


@pytest.mark.parametrize("case", CASES, ids=[repr(c.question)[:60] for c in CASES])
def test_question(engine: Engine, case: Case) -> None:
    check(engine.answer(case.question), case, engine.knowledge)


LISTS_OF_EVERY_PLACE = [c for c in CASES if c.kind == "list" and not c.places]


@pytest.mark.parametrize(
    "case", LISTS_OF_EVERY_PLACE, ids=[c.question for c in LISTS_OF_EVERY_PLACE]
)
def test_a_list_that_names_no_state_lists_every_place(engine: Engine, case: Case) -> None:
    assert len(engine.answer(case.question).places) == len(engine.knowledge.jurisdictions)


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
