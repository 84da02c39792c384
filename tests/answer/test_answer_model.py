"""The answer model: the kinds the JSON interface promises, and immutable answers."""

from __future__ import annotations

import dataclasses

import pytest

from bot.answer.model import Answer, Kind


def test_the_kinds_are_the_documented_ones() -> None:
    assert {k.value for k in Kind} == {
        "answer", "clarify", "not_covered", "topic", "list", "help", "not_understood",
    }  # fmt: skip


def test_an_answer_cannot_be_changed_in_place() -> None:
    answer = Answer("q", Kind.HELP, "en", "Hello")
    with pytest.raises(dataclasses.FrozenInstanceError):
        answer.bottom_line = "changed"  # type: ignore[misc]
    assert answer.places == answer.quotes == answer.choices == ()
