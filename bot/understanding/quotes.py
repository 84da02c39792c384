"""Recognise words from a quote ("who said 'no stranger among us'?") and find who said them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from bot.knowledge.model import KnowledgeBase
from bot.understanding.text import fold
from bot.understanding.vocabulary import STOPWORDS

MIN_QUOTED_WORDS = 2  # words in quotation marks: "thumbing our nose at"
MIN_LOOSE_WORDS = 4  # words without quotation marks must run at least this long
MIN_CONTENT_WORDS = 2  # ...and hold this many words that are not function or domain words,
LONG_RUN = 5  # or only one in a run at least this long ("this city will not be bullied")
MAX_WORDS = 40  # of a long message, only the first words are searched
# Words in double quotes, or in single quotes that are not apostrophes ("you're").
_QUOTED = re.compile(
    r"[\"“”«»]([^\"“”«»]{3,300}?)[\"“”«»]"
    r"|(?<!\w)['‘]((?:[^'’]|(?<=\w)['’](?=\w)){3,300}?)['’](?!\w)"
)


@dataclass(frozen=True)
class QuoteSource:
    speaker: str
    jurisdiction: str | None  # None for a topic's quote (Jeff Sessions)
    topic: str | None


class QuoteFinder:
    """Every quote of one knowledge base, folded into one searchable string."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        parts: list[str] = []
        self._starts: list[int] = []
        self._sources: list[QuoteSource] = []
        offset = 0
        entries = [
            (q, QuoteSource(q.speaker, j.id, None))
            for j in knowledge.jurisdictions.values()
            for q in j.quotes
        ]
        entries += [
            (q, QuoteSource(q.speaker, None, t.id))
            for t in knowledge.topics.values()
            for q in t.quotes
        ]
        for quote, source in entries:
            text = f" {fold(quote.text)} "
            self._starts.append(offset)
            self._sources.append(source)
            parts.append(text)
            offset += len(text) + 1
        self._text = "|".join(parts)

    def find_quoted(self, text: str) -> tuple[QuoteSource, str] | None:
        """Who said the words `text` puts in quotation marks (and those words, folded)."""
        for match in _QUOTED.finditer(text):
            words = fold(match.group(1) or match.group(2))
            count = len(words.split())
            # "'sanctuary city'" is a term, not a quote: two or three quoted words need one of
            # their own ("no stranger among us"); four or more are a quote as they stand.
            telling = count >= MIN_LOOSE_WORDS or any(w not in STOPWORDS for w in words.split())
            if count >= MIN_QUOTED_WORDS and telling and (found := self._lookup(words)):
                return found, words
        return None

    @staticmethod
    def without_quoted(text: str) -> str:
        """`text` with its quoted words taken out."""
        return _QUOTED.sub(" ", text)

    def find_words(self, folded: str) -> QuoteSource | None:
        """Who said a run of at least four of the question's words (its first 40 words)."""
        words = folded.split()[:MAX_WORDS]
        for size in range(min(len(words), 8), MIN_LOOSE_WORDS - 1, -1):
            for start in range(len(words) - size + 1):
                window = words[start : start + size]
                content = sum(w not in STOPWORDS for w in window)
                # "no stranger among us"; "this city will not be bullied" (one rare word in 6)
                enough = content >= MIN_CONTENT_WORDS or (content and size >= LONG_RUN)
                if enough and (found := self._lookup(" ".join(window))):
                    return found
        return None

    def _lookup(self, words: str) -> QuoteSource | None:
        at = self._text.find(f" {words} ")
        if at < 0:
            return None
        return self._sources[bisect.bisect_right(self._starts, at) - 1]
