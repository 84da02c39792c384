"""A strict checker for Telegram's HTML subset: allowed tags only, balanced, entities valid."""

from __future__ import annotations

from html.parser import HTMLParser

ALLOWED = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-spoiler",
    "span",
    "tg-emoji",
}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self.errors.append(f"tag <{tag}> is not allowed")
        if tag == "a" and not any(name == "href" for name, _ in attrs):
            self.errors.append("<a> without href")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()


def telegram_html_errors(text: str) -> list[str]:
    """Empty when Telegram would parse `text` with parse_mode=HTML."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    errors = checker.errors + [f"unclosed <{tag}>" for tag in checker.stack]
    bare = text.replace("&lt;", "").replace("&gt;", "").replace("&amp;", "").replace("&quot;", "")
    stripped = _strip_tags(bare)
    if "<" in stripped or ">" in stripped:
        errors.append("a bare < or > outside a tag")
    return errors


def _strip_tags(text: str) -> str:
    out, depth = [], 0
    for ch in text:
        if ch == "<":
            depth += 1
        elif ch == ">" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)
