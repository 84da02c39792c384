"""The live knowledge base: loaded once, reloaded on edits, SIGHUP or /reload.

A valid edit replaces the engine in one assignment; an invalid one is rejected with its
`file:line: message` problems (logged, and sent to admins by the caller) while the bot
keeps answering from the last good data. Loading runs in a worker thread.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge.paths import default_knowledge_dir

log = logging.getLogger(__name__)

Snapshot = tuple[tuple[str, int, int], ...]
MAX_PROBLEM_CHARS = 500


@dataclass(frozen=True)
class ReloadResult:
    ok: bool
    problems: tuple[str, ...] = ()
    places: int = 0
    topics: int = 0
    sources: int = 0


def _default_load(directory: Path) -> Any:
    from bot.knowledge.loader import load_knowledge

    return load_knowledge(directory)


def _default_engine(knowledge: Any, previous: Any = None) -> Any:
    """A new Engine, keeping the gazetteer and the in-memory popularity counts of the last."""
    from bot.engine import Engine

    return Engine(
        knowledge,
        gazetteer=getattr(previous, "gazetteer", None),
        asked=getattr(previous, "asked", None),
    )


def problem_lines(error: BaseException) -> tuple[str, ...]:
    """`file:line: message` for each problem a KnowledgeError carries, else the error type."""
    problems = getattr(error, "problems", None)
    if problems:  # each line bounded: it is logged and sent to admins
        return tuple(str(problem)[:MAX_PROBLEM_CHARS] for problem in problems)
    return (f"{type(error).__name__} while loading the knowledge base",)


def snapshot(directory: Path) -> Snapshot:
    """(path, mtime_ns, size) of every visible file under `directory`: cheap to compare."""
    entries: list[tuple[str, int, int]] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp")):
                continue
            path = Path(root) / name
            try:
                stat = path.stat()
            except OSError:
                continue
            entries.append((str(path.relative_to(directory)), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))


class KnowledgeService:
    """Holds the current engine; `reload()` swaps it only when the new data is valid."""

    def __init__(
        self,
        directory: Path | None = None,
        *,
        load: Callable[[Path], Any] = _default_load,
        make_engine: Callable[[Any], Any] | None = None,
    ) -> None:
        self.directory = directory if directory is not None else default_knowledge_dir()
        self._load = load
        self._make_engine = make_engine
        self.engine: Any = None
        self.knowledge: Any = None
        self.loaded_at: float | None = None
        self.last_result: ReloadResult | None = None
        self._lock = asyncio.Lock()
        self._snapshot: Snapshot = ()

    @property
    def ready(self) -> bool:
        return self.engine is not None

    def load_now(self) -> ReloadResult:
        """Load synchronously (at start-up, before the event loop serves anyone)."""
        self._snapshot = snapshot(self.directory)
        return self._install(*self._build())

    async def reload(self) -> ReloadResult:
        """Load in a worker thread; install if valid, otherwise keep the last good data."""
        async with self._lock:
            self._snapshot = await asyncio.to_thread(snapshot, self.directory)
            return self._install(*await asyncio.to_thread(self._build))

    def _build(self) -> tuple[Any, Any, BaseException | None]:
        try:
            knowledge = self._load(self.directory)
            if self._make_engine is None:
                return knowledge, _default_engine(knowledge, self.engine), None
            return knowledge, self._make_engine(knowledge), None
        except Exception as error:  # any failure keeps the last good data
            return None, None, error

    def _install(self, knowledge: Any, engine: Any, error: BaseException | None) -> ReloadResult:
        if error is not None:
            result = ReloadResult(ok=False, problems=problem_lines(error))
            log.warning("Knowledge base rejected (%d problem(s)); keeping the last good data",
                        len(result.problems))  # fmt: skip
            for line in result.problems:
                log.warning("  %s", line)
        else:
            self.knowledge, self.engine, self.loaded_at = knowledge, engine, time.time()
            result = ReloadResult(
                ok=True,
                places=len(getattr(knowledge, "jurisdictions", ())),
                topics=len(getattr(knowledge, "topics", ())),
                sources=len(getattr(knowledge, "sources", ())),
            )
            log.info("Knowledge base loaded: %d places, %d topics, %d sources",
                     result.places, result.topics, result.sources)  # fmt: skip
        self.last_result = result
        return result

    async def watch(
        self,
        interval: float,
        on_result: Callable[[ReloadResult, ReloadResult | None], Awaitable[None]],
    ) -> None:
        """Poll the files every `interval` seconds; reload after an edit settles."""
        while True:
            await asyncio.sleep(interval)
            try:
                current = await asyncio.to_thread(snapshot, self.directory)
                if current == self._snapshot:
                    continue
                while True:  # an editor may still be writing: wait until nothing moves
                    await asyncio.sleep(min(interval, 0.25))
                    settled = await asyncio.to_thread(snapshot, self.directory)
                    if settled == current:
                        break
                    current = settled
                previous = self.last_result
                await on_result(await self.reload(), previous)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("Knowledge watcher failed; it keeps watching")
