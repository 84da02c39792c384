"""The third question table (tests/question_table_held_out.py): singles and conversations."""

from __future__ import annotations

import pytest
from question_table_held_out import CASES, CONVERSATIONS
from table_check import check

from bot.engine import Engine, follow_up_context


@pytest.mark.parametrize("case", CASES, ids=[repr(case[0])[:60] for case in CASES])
def test_question(engine: Engine, case: tuple) -> None:
    question, *expected = case
    check(engine.answer(question), *expected)


@pytest.mark.parametrize(
    "conversation", CONVERSATIONS, ids=[repr(c[0][0])[:40] for c in CONVERSATIONS]
)
def test_conversation(engine: Engine, conversation: list[tuple]) -> None:
    previous = None
    for question, *expected in conversation:
        answer = engine.answer(question, previous=previous)
        check(answer, *expected)
        previous = follow_up_context(answer, previous)
