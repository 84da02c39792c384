"""The aspect table (tests/question_table_aspects.py): the fact asked for leads the reply.

The judging rule (tests/table_check.py, aspect_problems), one for every row:
- the reply carries the row's aspect (`Answer.aspect`) and language;
- the reply is about the row's place (its first place); a row with no place is general;
- the reply's first message — its bottom line and first paragraph — holds one of the row's
  `expect` texts (case-insensitive); for a row whose answer the sources lack (`missing`),
  it says so plainly: "My sources don't …" / "Mis fuentes no …".

Rows the data cannot answer yet run as strict expected failures (KNOWN_MISSES, each with its
reason): when one starts passing, the test says so and it must move out of the list.
"""

from __future__ import annotations

import pytest
from question_table_aspects import ASPECT_CASES, AspectCase
from table_check import aspect_problems

from bot.engine import Engine

# question -> why the data cannot answer it yet (strict: a row that starts passing fails).
KNOWN_MISSES: dict[str, str] = {
    "can trump cut san franciscos federal funding": (
        "the item sharing most words leads (January 2017: San Francisco sued over the "
        "order that threatened to 'cut federal funds'); the injunctions that block the cuts "
        "(2017, April 2025) are not in the first message"
    ),
}


def judge(engine: Engine, case: AspectCase) -> None:
    wrong = aspect_problems(engine.answer(case.question), case)
    assert not wrong, f"{case.question!r}: " + "; ".join(wrong)


def _marks(question: str) -> list[pytest.MarkDecorator]:
    if question in KNOWN_MISSES:
        return [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[question])]
    return []


def _params() -> list[object]:
    return [
        pytest.param(case, marks=_marks(case.question), id=repr(case.question)[:60])
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
