"""Split Telegram HTML into messages of at most 4096 characters without breaking any markup.

Cuts fall on paragraph boundaries (blank lines) where possible, then on line breaks, then
between words, and only as a last resort inside a word. A tag open at a cut is closed at
the end of one part and reopened (with the same attributes) at the start of the next, and
an entity such as `&amp;` is never cut. Lengths are counted in UTF-16 code units of the
HTML source, which is never less than what Telegram counts after parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MESSAGE_LIMIT = 4096

_ATOM = re.compile(r"<[^<>]*>|&#?\w+;|\n\n+|\n|[ \t]+|[^<&\s]+|[<&]")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][\w-]*)")
_LONG_WORD = 64

# The tags open at a point, outermost first: (name, the opening tag as written).
Stack = tuple[tuple[str, str], ...]


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji is often two)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class _Atom:
    text: str
    size: int
    brk: int  # how good a cut right after this atom is: 3 paragraph, 2 line, 1 word, 0 none
    opens: str | None = None  # tag name this atom opens
    closes: str | None = None  # tag name this atom closes


def _atoms(html: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    for piece in _ATOM.findall(html):
        if piece.startswith("<") and len(piece) > 1:
            match = _TAG_NAME.match(piece)
            name = match.group(2).lower() if match else None
            closing = bool(match and match.group(1))
            atoms.append(
                _Atom(piece, utf16_len(piece), 0,
                      opens=None if closing or piece.endswith("/>") else name,
                      closes=name if closing else None)
            )  # fmt: skip
        elif piece.startswith("\n\n"):
            atoms.append(_Atom(piece, utf16_len(piece), 3))
        elif piece == "\n":
            atoms.append(_Atom(piece, 1, 2))
        elif piece[0] in " \t":
            atoms.append(_Atom(piece, len(piece), 1))
        elif len(piece) > _LONG_WORD:
            atoms.extend(_Atom(char, utf16_len(char), 0) for char in piece)
        else:
            atoms.append(_Atom(piece, utf16_len(piece), 0))
    return atoms


def _apply(stack: Stack, atom: _Atom) -> Stack:
    """The open-tag stack (name, opening tag text) after `atom`."""
    if atom.opens:
        return (*stack, (atom.opens, atom.text))
    if atom.closes:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == atom.closes:
                return stack[:depth] + stack[depth + 1 :]
    return stack


def _closing(stack: Stack) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _visible(html: str) -> bool:
    return bool(re.sub(r"<[^<>]*>", "", html).strip())


def split_html(html: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Parts of `html`, each well-formed and at most `limit` UTF-16 units; none empty."""
    html = html.strip()
    if utf16_len(html) <= limit:
        return [html] if _visible(html) else []
    atoms = _atoms(html)
    parts: list[str] = []
    stack: Stack = ()
    start = 0
    while start < len(atoms):
        reopen = "".join(tag for _, tag in stack)
        size, state = utf16_len(reopen), stack
        best: dict[int, tuple[int, Stack]] = {}
        end = start
        while end < len(atoms):
            after = _apply(state, atoms[end])
            if size + atoms[end].size + utf16_len(_closing(after)) > limit:
                break
            size, state, end = size + atoms[end].size, after, end + 1
            best[atoms[end - 1].brk] = (end, state)
        if end == len(atoms):
            cut, cut_state = end, state
        elif end == start:  # a single atom cannot fit: should not happen with sane limits
            raise ValueError(f"cannot split HTML into parts of {limit} characters")
        else:
            cut, cut_state = best[max(best)]
        body = "".join(atom.text for atom in atoms[start:cut])
        part = reopen + body.strip() + _closing(cut_state)
        if _visible(part):
            parts.append(part)
        start, stack = cut, cut_state
    return parts
