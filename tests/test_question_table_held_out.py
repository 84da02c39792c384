"""The third question table (tests/question_table_held_out.py): singles and conversations.

Its known misses run as strict expected failures: when one starts passing, the test says so.
"""

from __future__ import annotations

import pytest
from question_table_held_out import CASES, CONVERSATIONS, KNOWN_MISSES, MISSED_CONVERSATIONS
from table_check import as_case, check

from bot.conversation import follow_up_context
from bot.engine import Engine

MISS = pytest.mark.xfail(strict=True, reason="a known miss of the held-out tables")


def converse(engine: Engine, conversation: list[tuple]) -> None:
    previous = None
    for turn in conversation:
        row = as_case(turn)
        answer = engine.answer(row.question, previous=previous)
        check(answer, row, engine.knowledge)
        previous = follow_up_context(answer, previous)


@pytest.mark.parametrize(
    "case",
    [*CASES, *(pytest.param(case, marks=MISS) for case in KNOWN_MISSES)],
    ids=[repr(case[0])[:60] for case in (*CASES, *KNOWN_MISSES)],
)
def test_question(engine: Engine, case: tuple) -> None:
    row = as_case(case)
    check(engine.answer(row.question), row, engine.knowledge)


@pytest.mark.parametrize(
    "conversation",
    [*CONVERSATIONS, *(pytest.param(c, marks=MISS) for c in MISSED_CONVERSATIONS)],
    ids=[repr(c[0][0])[:40] for c in (*CONVERSATIONS, *MISSED_CONVERSATIONS)],
)
def test_conversation(engine: Engine, conversation: list[tuple]) -> None:
    converse(engine, conversation)
