"""A conversation's follow-ups: "what did the mayor say?" after a question about a place."""

from __future__ import annotations

import pytest

from bot.conversation import follow_up_context, the_place
from bot.engine import Engine


def converse(engine: Engine, questions: list[str]) -> list[tuple[str, list[str | None]]]:
    previous = None
    replies = []
    for question in questions:
        answer = engine.answer(question, previous=previous)
        previous = follow_up_context(answer, previous)
        replies.append((answer.kind.value, [p.id for p in answer.places]))
    return replies


def test_role_and_there_refer_to_the_last_place(engine: Engine) -> None:
    assert converse(
        engine,
        ["Is Denver a sanctuary city?", "What did the mayor say?", "is it safe there?",
         "What about Boulder?", "who is their mayor"],
    ) == [("answer", ["denver"])] * 3 + [("answer", ["boulder"])] * 2  # fmt: skip


def test_general_questions_stay_general(engine: Engine) -> None:
    assert converse(
        engine, ["Is Chicago a sanctuary city?", "What is ICE?", "Is it true Trump cuts funds?"]
    ) == [("answer", ["chicago"]), ("topic", []), ("topic", [])]


def test_spanish_follow_up(engine: Engine) -> None:
    answers = converse(engine, ["¿Es Los Ángeles una ciudad santuario?", "¿y el alcalde?"])
    assert answers == [("answer", ["los-angeles"])] * 2


@pytest.mark.parametrize("question", ["What did the mayor say?", "is it safe there?"])
def test_without_a_previous_place_a_follow_up_is_not_guessed(engine, question) -> None:
    answer = engine.answer(question)
    assert answer.places == () and answer.kind.value == "not_understood"


def test_the_place_of_a_comparison_is_none(engine: Engine) -> None:
    assert the_place(engine.answer("Denver vs Boulder")) is None
    assert the_place(engine.answer("Is Houston a sanctuary city?")) is None
