"""The aspect table (tests/question_table_aspects.py): the fact asked for leads the reply.

The judging rule, one for every row:
- the question is read with the row's aspect;
- the reply is about the row's place (its first place), or, for a row with no place, names
  no covered place as the one it is about;
- the reply's first message — its bottom line and first paragraph — holds one of the row's
  `expect` texts (case-insensitive); for a row whose answer the sources lack (`missing`),
  it says so plainly: "My sources don't …" / "Mis fuentes no …".

Rows the data cannot answer yet run as strict expected failures (KNOWN_MISSES, each with its
reason): when one starts passing, the test says so and it must move out of the list.
"""

from __future__ import annotations

import re

import pytest
from question_table_aspects import ASPECT_CASES, AspectCase

from bot.answer.model import Answer
from bot.engine import Engine

SOURCES_DONT_SAY = re.compile(r"\bmy sources don't\b|\bmis fuentes no\b", re.IGNORECASE)
# question -> why the data cannot answer it yet.
KNOWN_MISSES: dict[str, str] = {}


def first_message(answer: Answer) -> str:
    """What a phone shows first: the bottom line and the first paragraph."""
    return "\n".join([answer.bottom_line, *answer.details[:1]])


def judge(engine: Engine, case: AspectCase) -> None:
    answer = engine.answer(case.question)
    assert answer.aspect == case.aspect
    assert answer.language == case.language
    if case.place is not None:
        assert answer.places and answer.places[0].id == case.place
    shown = first_message(answer)
    if case.missing:
        assert SOURCES_DONT_SAY.search(shown), shown
    else:
        assert any(e.casefold() in shown.casefold() for e in case.expect), shown
        assert not SOURCES_DONT_SAY.match(answer.bottom_line), shown


def _params() -> list[object]:
    return [
        pytest.param(
            case,
            marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[case.question])
            if case.question in KNOWN_MISSES
            else (),
            id=repr(case.question)[:60],
        )
        for case in ASPECT_CASES
    ]


@pytest.mark.parametrize("case", _params())
def test_aspect_question(engine: Engine, case: AspectCase) -> None:
    judge(engine, case)


def test_the_table_covers_every_aspect_in_both_languages() -> None:
    aspects = {case.aspect for case in ASPECT_CASES}
    assert len(ASPECT_CASES) >= 100
    assert {"money", "numbers", "police", "jails", "courts", "federal_funding", "laws"} <= aspects
    assert {"when", "who", "said", "ice_access", "services", "federal_list"} <= aspects
    assert sum(case.language == "es" for case in ASPECT_CASES) >= 15
    assert sum(case.missing for case in ASPECT_CASES) >= 5


def test_known_misses_are_rows_of_the_table() -> None:
    questions = {case.question for case in ASPECT_CASES}
    assert set(KNOWN_MISSES) <= questions
