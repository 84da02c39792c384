"""The blind 2026 table (tests/question_table_held_out_2026.py): how real people ask.

The table was written by someone who read the issues, the research brief and the data, but
not the bot's code or its other tables. The judging rule is
tests/table_check.py::held_out_2026_problems. Rows the bot still misses run as strict
expected failures with the reason (KNOWN_MISSES): a fix that makes one pass must move it
out of the list, and the benchmark counts them.
"""

from __future__ import annotations

import pytest
from question_table_held_out_2026 import HELD_OUT, HeldOut
from table_check import held_out_2026_problems

from bot.engine import Engine

# question -> why the bot misses it today (strict: a row that starts passing fails).
KNOWN_MISSES: dict[str, str] = {
    "is baltimore on the doj list": (
        "'Baltimore' is the city (not listed); the county's listing and removal are not named"
    ),
    "is new mexico on the sanctuary jurisdictions list": (
        "the answer says New Mexico is not listed but does not name Albuquerque, which is"
    ),
    "cuanto pago tennessee en honorarios": ("the $61,000 in fees is not the item that leads"),
    "cuantos anos de carcel en luisiana x no cumplir los detainers": (
        "read as a list request ('cuantos … en luisiana')"
    ),
    "minneapolis deja a ice usar estacionamientos?": (
        "the ice_access item on city lots does not lead"
    ),
    "do undocumented students in florida still get in-state tuition": (
        "the tuition detail is not the item that leads"
    ),
    "what day exactly was the boston lawsuit dismissed": (
        "the reply gives the dismissal without saying the sources lack its date up front"
    ),
    "cuanto dinero federal recibe denver": (
        "a neighbouring funding ruling leads instead of 'my sources don't say'"
    ),
    "cuando firmo lamont los cambios de 2025 a la ley trust": (
        "'Lamont' is read as Lamont, California (a gazetteer town)"
    ),
    "cuanto dinero dio san jose a la red de respuesta rapida": (
        "a neighbouring item leads instead of 'my sources don't say'"
    ),
    "cual es la lista de ciudades santuario del gobierno": (
        "read as a list of places, not the federal list topic"
    ),
    "washington es santuario?": (
        "the Spanish clarification writes 'Washington D. C.' (with a space)"
    ),
    "bay area sanctuary cities": ("answered as the three Bay Area cities, not as a list"),
}


def _params() -> list[object]:
    return [
        pytest.param(
            row,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[row.question])]
            if row.question in KNOWN_MISSES
            else [],
            id=repr(row.question)[:60],
        )
        for row in HELD_OUT
    ]


@pytest.mark.parametrize("row", _params())
def test_held_out_2026(engine: Engine, row: HeldOut) -> None:
    wrong = held_out_2026_problems(engine.answer(row.question), row)
    assert not wrong, f"{row.question!r}: " + "; ".join(wrong)


def test_known_misses_are_rows_of_the_table() -> None:
    assert set(KNOWN_MISSES) <= {row.question for row in HELD_OUT}
    assert len(KNOWN_MISSES) < len(HELD_OUT) // 5  # a held-out table mostly answered
