"""The second question table (tests/question_table_more.py): kind, places, language, topic."""

from __future__ import annotations

import pytest
from question_table_more import CASES
from table_check import as_case, check

from bot.engine import Engine


@pytest.mark.parametrize("case", CASES, ids=[repr(case[0])[:60] for case in CASES])
def test_question(engine: Engine, case: tuple) -> None:
    row = as_case(case)
    check(engine.answer(row.question), row, engine.knowledge)
