"""Word lists: ordinary words are never places or typos of places."""

from __future__ import annotations

from bot.understanding.vocabulary import NAME_PARTICLES, STOPWORDS, TITLES, lexicon


def test_common_words_are_known_in_either_language() -> None:
    words = lexicon()
    assert "start" in words
    assert "ciudad" in words
    assert "zorbleton" not in words


def test_spanish_words_lean_spanish() -> None:
    words = lexicon()
    assert words.spanishness("ciudad") > 0 > words.spanishness("city")
    assert words.spanishness("zorbleton") == 0.0


def test_lists_are_folded() -> None:
    for word in (*STOPWORDS, *NAME_PARTICLES, *TITLES):
        assert word == word.casefold() and word.isascii(), word
