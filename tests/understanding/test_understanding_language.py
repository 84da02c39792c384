"""English or Spanish, from the words of the question."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.understanding.language import detect_language
from bot.understanding.text import tokenize


def language(text: str) -> str:
    return detect_language(text, tokenize(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is Denver a sanctuary city?", "en"),
        ("¿Es Denver una ciudad santuario?", "es"),
        ("es Denver sanctuary city?", "es"),  # borrowed English nouns do not outvote "es"
        ("what did the mayor say", "en"),
        ("que dijo el alcalde", "es"),
    ],
)
def test_the_words_decide(text: str, expected: str) -> None:
    assert language(text) == expected


def test_a_tie_is_english() -> None:
    assert language("Denver") == "en"


def test_a_place_named_the_spanish_way_votes_spanish(engine: Engine) -> None:
    assert engine.reader.read("Filadelfia").language == "es"
    assert engine.reader.read("Philadelphia").language == "en"
