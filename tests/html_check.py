"""A checker for Telegram's HTML parse mode: only its tags, balanced, valid entities."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

ALLOWED = {
    "b": set(), "strong": set(), "i": set(), "em": set(), "u": set(), "ins": set(),
    "s": set(), "strike": set(), "del": set(), "a": {"href"}, "code": {"class"}, "pre": set(),
    "blockquote": {"expandable"}, "tg-spoiler": set(), "span": {"class"},
    "tg-emoji": {"emoji-id"},
}  # fmt: skip
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self.errors.append(f"tag <{tag}> is not allowed")
        for name, value in attrs:
            if name not in ALLOWED.get(tag, set()):
                self.errors.append(f"attribute {name} on <{tag}> is not allowed")
            if tag == "span" and name == "class" and value != "tg-spoiler":
                self.errors.append("span needs class=tg-spoiler")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> does not close {self.stack[-1:] or 'anything'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        self.text.append(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.text.append(unescape(f"&#{name};"))


def html_problems(html: str) -> list[str]:
    """Everything Telegram would refuse in `html` ([] when it would parse)."""
    problems: list[str] = []
    for match in re.finditer(r"&", html):
        if not _ENTITY.match(html, match.start()):
            problems.append(f"bare & at {match.start()}")
    outside = re.sub(r"<[^<>]*>", "", html)
    if "<" in outside or ">" in outside:
        problems.append("bare < or > outside a tag")
    checker = _Checker()
    checker.feed(html)
    checker.close()
    problems += checker.errors
    if checker.stack:
        problems.append(f"unclosed tags: {checker.stack}")
    return problems


def visible_text(html: str) -> str:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return "".join(checker.text)
