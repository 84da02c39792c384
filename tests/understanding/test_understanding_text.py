"""Folding and tokenizing: the one normal form every lookup uses."""

from __future__ import annotations

import pytest

from bot.understanding.text import contains_phrase, fold, strip_accents, tokenize


def test_fold_lowercases_drops_accents_and_punctuation() -> None:
    assert fold("¿Los Ángeles, CA?") == "los angeles ca"


def test_dotted_abbreviations_are_one_token() -> None:
    assert [t.raw for t in tokenize("L.A. and D.C.")] == ["LA", "and", "DC"]


def test_a_hyphen_splits_words() -> None:
    assert fold("Chi-Town") == "chi town"


def test_texting_spellings_read_as_written_correctly() -> None:
    assert fold("k significa santuaria") == "que significa santuario"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_invisible_characters_inside_a_word_are_removed(invisible: str) -> None:
    assert fold(f"Den{invisible}ver") == "denver"


def test_a_comma_before_a_token_is_remembered() -> None:
    tokens = tokenize("Portland, OR")
    assert [t.after_comma for t in tokens] == [False, True]
    assert tokens[1].is_upper


def test_strip_accents_keeps_letters() -> None:
    assert strip_accents("José Ñandú") == "Jose Nandu"


def test_contains_phrase_matches_whole_words_only() -> None:
    assert contains_phrase("is it safe there", "safe there")
    assert not contains_phrase("unsafe there", "safe there")
