"""The live knowledge base: loaded once, reloaded on edits, SIGHUP or /reload.

A valid edit replaces the engine in one assignment; an invalid one is rejected with its
`file:line: message` problems (logged, and sent to admins by the caller) while the bot
keeps answering from the last good data. Loading runs in a worker thread.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.engine_api import AnswerEngine
from bot.knowledge.loader import KnowledgeError, load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.paths import default_knowledge_dir

if TYPE_CHECKING:
    from bot.engine import Engine

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


def _default_engine(knowledge: KnowledgeBase, previous: AnswerEngine | None = None) -> Engine:
    """A new Engine, keeping the gazetteer and the in-memory popularity counts of the last."""
    from bot.engine import Engine  # heavy (the gazetteer): only when a bot really loads

    if isinstance(previous, Engine):
        return Engine(knowledge, gazetteer=previous.gazetteer, asked=previous.asked)
    return Engine(knowledge)


def problem_lines(error: BaseException) -> tuple[str, ...]:
    """`file:line: message` for each problem a KnowledgeError carries, else the error type."""
    if isinstance(error, KnowledgeError) and error.problems:
        # each line bounded: it is logged and sent to admins
        return tuple(str(problem)[:MAX_PROBLEM_CHARS] for problem in error.problems)
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


class LiveKnowledge:
    """The knowledge base the bot answers from now, and its engine.

    `reload()` swaps both only when the new data is valid; until the first load succeeds
    both are None. `make_engine` lets tests answer with a stand-in engine.
    """

    def __init__(
        self,
        directory: Path | None = None,
        *,
        load: Callable[[Path], KnowledgeBase] = load_knowledge,
        make_engine: Callable[[KnowledgeBase], AnswerEngine] | None = None,
    ) -> None:
        self.directory = directory if directory is not None else default_knowledge_dir()
        self._load = load
        self._make_engine = make_engine
        self.engine: AnswerEngine | None = None
        self.last_result: ReloadResult | None = None
        self._lock = asyncio.Lock()
        self._snapshot: Snapshot = ()

    @property
    def ready(self) -> bool:
        return self.engine is not None

    @property
    def knowledge(self) -> KnowledgeBase | None:
        """The data the current engine answers from."""
        return self.engine.knowledge if self.engine is not None else None

    def load_now(self) -> ReloadResult:
        """Load synchronously (at start-up, before the event loop serves anyone)."""
        self._snapshot = snapshot(self.directory)
        return self._install(self._build())

    async def reload(self) -> ReloadResult:
        """Load in a worker thread; install if valid, otherwise keep the last good data."""
        async with self._lock:
            self._snapshot = await asyncio.to_thread(snapshot, self.directory)
            return self._install(await asyncio.to_thread(self._build))

    def _build(self) -> AnswerEngine | Exception:
        try:
            knowledge = self._load(self.directory)
            if self._make_engine is None:
                return _default_engine(knowledge, self.engine)
            return self._make_engine(knowledge)
        except Exception as error:  # any failure keeps the last good data
            return error

    def _install(self, built: AnswerEngine | Exception) -> ReloadResult:
        if isinstance(built, Exception):
            result = ReloadResult(ok=False, problems=problem_lines(built))
            log.warning("Knowledge base rejected (%d problem(s)); keeping the last good data",
                        len(result.problems))  # fmt: skip
            for line in result.problems:
                log.warning("  %s", line)
        else:
            self.engine = built  # the one assignment that makes the new data live
            knowledge = built.knowledge
            result = ReloadResult(
                ok=True,
                places=len(knowledge.jurisdictions),
                topics=len(knowledge.topics),
                sources=len(knowledge.sources),
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
