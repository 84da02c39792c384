"""The 2026 table (tests/question_table_2026.py): questions about the present.

The judging rule, one row at a time, on the answer and its plain text (what the console and
`ask --json` give): the kind and language exactly; the row's places among the answer's
places, in that order (a city answered from its state lists the state, then the city with
no id); the stance of the first place when the row gives one; the topic of a topic answer;
at least one of `contains` in the text, case-insensitive; none of `absent` anywhere in it.
"""

from __future__ import annotations

import pytest
from question_table_2026 import CASES_2026, Case2026

from bot.answer.model import Answer
from bot.answer.render import render_text
from bot.engine import Engine

# Rows the 2026 data cannot answer as the table asks, each with its reason (strict: a row
# that starts passing must leave this list).
CANNOT_ANSWER: dict[str, str] = {}


def problems(answer: Answer, case: Case2026) -> list[str]:
    """What is wrong with `answer` for the row (nothing: it is right)."""
    text = render_text(answer).casefold()
    ids = [p.id for p in answer.places]
    wrong = []
    if (answer.kind, answer.language) != (case.kind, case.language):
        wrong.append(f"kind/language {answer.kind}/{answer.language}")
    remaining = iter(ids)
    if not all(place in remaining for place in case.places):
        wrong.append(f"places {ids}")
    if case.stance is not None and (not answer.places or answer.places[0].stance != case.stance):
        wrong.append(f"stance {answer.places[0].stance if answer.places else None}")
    if case.topic is not None and answer.topic != case.topic:
        wrong.append(f"topic {answer.topic}")
    if case.contains and not any(word.casefold() in text for word in case.contains):
        wrong.append(f"none of {case.contains}")
    wrong += [f"says {word!r}" for word in case.absent if word.casefold() in text]
    return wrong


def _param(case: Case2026) -> object:
    reason = CANNOT_ANSWER.get(case.question)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, marks=marks, id=repr(case.question)[:60])


@pytest.mark.parametrize("case", [_param(c) for c in CASES_2026])
def test_question_2026(engine: Engine, case: Case2026) -> None:
    wrong = problems(engine.answer(case.question), case)
    assert not wrong, f"{case.question!r}: " + "; ".join(wrong)


def test_the_table_covers_each_kind_of_present_day_question() -> None:
    kinds = {case.kind for case in CASES_2026}
    assert kinds == {"answer", "not_covered", "topic"}
    assert sum(case.language == "es" for case in CASES_2026) >= 10
    assert any(case.absent for case in CASES_2026)  # the cities answered from their state


def test_a_city_answered_from_its_state_is_never_a_covered_place(engine: Engine) -> None:
    for case in CASES_2026:
        if case.absent:  # via_state rows
            answer = engine.answer(case.question)
            assert [p.id for p in answer.places][1:] == [None], case.question
