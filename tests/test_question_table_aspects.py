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

from pathlib import Path

import pytest
from question_table_aspects import ASPECT_CASES, AspectCase
from table_check import aspect_problems

from bot.engine import Engine

REPO = Path(__file__).resolve().parents[1]

# question -> why the data cannot answer it yet (strict: a row that starts passing fails).
KNOWN_MISSES: dict[str, str] = {
    "can trump cut san franciscos federal funding": (
        "the newest funding item leads (January 2026: Orrick let San Francisco's 2025 suit "
        "go forward); the April 2025 injunction that blocks the cuts is not in the first "
        "message"
    ),
}
# Rows only the 2026 knowledge (issue 9: events, tags, new places, the DOJ list) answers:
# expected failures while the bundled knowledge is the 2017 articles only.
HAS_2026_DATA = (REPO / "knowledge" / "sources" / "federal.yaml").exists()
NEEDS_2026_DATA = frozenset({
    'does baltimore police ask where people are from',
    'Does Philadelphia honor ICE detainers?',
    'does philly hold people for ice',
    'does denver jail hold people for ice',
    'does louisville honor ice detainers',
    'louisville jail ice detainers 2025',
    'does milwaukee county honor ice detainers',
    'la carcel de louisville respeta las ordenes de ice',
    'did the justice department sue chicago',
    'what happened to the lawsuit against illinois',
    'was denver sued',
    'did the doj sue los angeles',
    'what did the judge say about the LA lawsuit',
    'boston lawsuit doj outcome',
    'did trump sue new york city',
    'demanda contra chicago que paso',
    'demandaron a denver',
    'court ruling on texas sb4',
    'what did the court say about california sb 54',
    'what happened in court with rochester',
    'how much federal money does san francisco get',
    'is seattle losing federal grants',
    'what is california sb 54',
    'when did portland make sanctuary status city code',
    'when did oregon pass its sanctuary law',
    'what is the illinois trust act',
    'when did texas ban sanctuary cities',
    'cuando prohibio texas las ciudades santuario',
    'when did florida ban sanctuary cities',
    'whats the boston trust act',
    'What did Karl Racine say?',
    'what did racine say',
    'can ice go into rikers',
    'can ice use city property in new york',
    'can undocumented people get a drivers license in new york',
    'is denver on the doj list',
    'is boston on the sanctuary list',
    'is oakland on the justice department list',
    'was baltimore county removed from the list',
    'esta chicago en la lista del departamento de justicia',
    'is louisville on the list',
    'what happened in court?',
    'what did the courts say about sanctuary cities',
    'que paso en los tribunales',
    'which places are on the doj list',
})  # fmt: skip


def judge(engine: Engine, case: AspectCase) -> None:
    wrong = aspect_problems(engine.answer(case.question), case)
    assert not wrong, f"{case.question!r}: " + "; ".join(wrong)


def _marks(question: str) -> list[pytest.MarkDecorator]:
    if question in KNOWN_MISSES:
        return [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[question])]
    if question in NEEDS_2026_DATA:
        reason = "needs the 2026 knowledge (issue 9)"
        return [pytest.mark.xfail(not HAS_2026_DATA, strict=True, reason=reason)]
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
    assert questions >= NEEDS_2026_DATA
