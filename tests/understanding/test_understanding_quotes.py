"""Who said the words a question repeats."""

from __future__ import annotations

from bot.engine import Engine
from bot.understanding.quotes import QuoteFinder
from bot.understanding.text import fold


def some_quote(engine: Engine) -> tuple[str, str, str]:
    j = next(j for j in engine.knowledge.jurisdictions.values() if j.quotes)
    quote = j.quotes[0]
    words = " ".join(quote.text.split()[:8])
    return j.id, quote.speaker, words


def test_quoted_words_name_their_speaker(engine: Engine) -> None:
    jurisdiction, speaker, words = some_quote(engine)
    found = QuoteFinder(engine.knowledge).find_quoted(f'who said "{words}"?')
    assert found is not None
    assert (found[0].jurisdiction, found[0].speaker) == (jurisdiction, speaker)
    assert found[1] == fold(words)


def test_unquoted_words_of_a_quote_are_found_too(engine: Engine) -> None:
    _, speaker, words = some_quote(engine)
    found = QuoteFinder(engine.knowledge).find_words(f"who said {fold(words)}")
    assert found is not None and found.speaker == speaker


def test_quoted_words_no_source_has_are_nobody_s(engine: Engine) -> None:
    assert QuoteFinder(engine.knowledge).find_quoted('who said "purple elephants dance"') is None


def test_the_quoted_part_can_be_removed() -> None:
    assert "Washington" not in QuoteFinder.without_quoted('who said "a pen in Washington"?')
