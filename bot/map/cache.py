"""Rendered maps, kept per knowledge base: drawn once, then the same bytes every time.

The cache is keyed on the KnowledgeBase object itself: a reload builds a new one, so the
first request after a reload draws afresh and the old pictures are dropped.
"""

from __future__ import annotations

import threading
from typing import Literal

import resvg_py

from bot.knowledge.model import KnowledgeBase
from bot.map.render import draw_map

Format = Literal["png", "svg"]


def rasterise(svg: str) -> bytes:
    """SVG to PNG with resvg: a 1.4 MB wheel, no system libraries (fonts: the system's)."""
    return resvg_py.svg_to_bytes(svg_string=svg)


class MapCache:
    def __init__(self) -> None:
        self._knowledge: KnowledgeBase | None = None
        self._images: dict[tuple[str | None, str, Format], bytes] = {}
        self._lock = threading.Lock()  # renders run in worker threads

    def get(
        self, knowledge: KnowledgeBase, state: str | None, language: str, fmt: Format = "png"
    ) -> bytes:
        """The map of the country (state None) or one state, as PNG or SVG bytes."""
        key = (state, "es" if language == "es" else "en", fmt)
        with self._lock:
            if knowledge is not self._knowledge:
                self._knowledge, self._images = knowledge, {}
            if key not in self._images:
                svg = draw_map(knowledge, state=state, language=key[1]).svg
                self._images[key] = rasterise(svg) if fmt == "png" else svg.encode()
            return self._images[key]


MAPS = MapCache()  # one per process: the pictures depend on the knowledge base only
