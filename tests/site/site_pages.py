"""Reading built pages back: links, ids and the html lang attribute, with the stdlib parser."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit


@dataclass
class PageInfo:
    lang: str | None = None
    links: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    scripts: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.info.lang = attributes.get("lang")
        if attributes.get("id"):
            self.info.ids.add(str(attributes["id"]))
        if tag == "a" and attributes.get("href"):
            self.info.links.append((str(attributes["href"]), attributes))
        if tag in ("link", "script") and (attributes.get("href") or attributes.get("src")):
            self.info.scripts.append(str(attributes.get("href") or attributes.get("src")))


def read_page(path: Path) -> PageInfo:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.info


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """(site path, fragment) of an internal link from `page`; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    target = (
        page
        if not parts.path
        else posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    )
    return target, parts.fragment
