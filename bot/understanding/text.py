"""Fold text the same way for questions, aliases and gazetteer names, so lookups are exact."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DOTTED_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # "L.A.", "D.C.", "L.A.P.D."
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Invisible characters that pasted or phone-typed text carries inside words: zero-width
# space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen. "Den\u200bver" is
# Denver, so they are removed before words are split.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# How Spanish is often typed on a phone ("k significa", "xq ay", "grasias"): read as written
# correctly. Only spellings that are not English words.
TEXTING_SPELLINGS = {
    "k": "que", "ke": "que", "q": "que", "xq": "por que", "xk": "por que", "pq": "por que",
    "porq": "por que", "ay": "hay", "siudad": "ciudad", "siudades": "ciudades",
    "sanctuario": "santuario", "santuaria": "santuario", "grasias": "gracias", "ola": "hola",
    "porfa": "por favor", "ase": "hace", "aser": "hacer", "tmb": "tambien",
    # ...and English ("ppl", "govt", "hed" for "he'd"/"he did").
    "ppl": "people", "govt": "government", "hed": "he",
}  # fmt: skip
# "w/o ICE", "w/ a warrant": the slash would split them into letters.
_WITH_SLASH = re.compile(r"\bw/o\b|\bw/(?=\s|\w)", re.IGNORECASE)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation as spaces: "¿Los Ángeles, CA?" -> "los angeles ca"."""
    return " ".join(token.norm for token in tokenize(text))


@dataclass(frozen=True)
class Token:
    raw: str  # as typed, accents and case kept
    norm: str  # folded
    after_comma: bool  # a comma stands between this token and the previous one

    @property
    def is_upper(self) -> bool:
        return self.raw.isupper()


def tokenize(text: str) -> list[Token]:
    """Split into words; "L.A." becomes one token "LA", "Chi-Town" two tokens."""
    text = _WITH_SLASH.sub(lambda m: " without " if m.group(0).lower() == "w/o" else " with ", text)
    text = _DOTTED_ABBREVIATION.sub(
        lambda m: m.group(0).replace(".", ""), text.translate(_INVISIBLE)
    )
    tokens: list[Token] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        between = text[previous_end : match.start()]
        raw = match.group(0)
        norm = strip_accents(raw).casefold()
        norm = TEXTING_SPELLINGS.get(norm, norm)
        if norm:
            tokens.append(Token(raw, norm, "," in between))
        previous_end = match.end()
    return tokens


def contains_phrase(folded_text: str, folded_phrase: str) -> bool:
    """Whole-word phrase test on folded text (both already folded)."""
    return f" {folded_phrase} " in f" {folded_text} "
