"""The harness: a fake Bot API server and the real Application long-polling it."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application
from tg_engine import FakeEngine
from tg_fake_api import Call, FakeBotAPI
from tg_knowledge import write_knowledge
from tg_updates import ADMIN, BOB, message

from bot.knowledge.paths import default_knowledge_dir
from bot.settings import FloodLimits, Settings
from bot.telegram.app import build_application
from bot.telegram.ratelimit import ChatRateLimiter
from bot.telegram.reload import LiveKnowledge
from bot.telegram.runner import serve_polling

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


@dataclass
class Harness:
    """One running bot and its fake server; methods read as a conversation."""

    server: FakeBotAPI
    app: Application
    live: LiveKnowledge
    knowledge_dir: Path
    tmp: Path
    pushed: list[int] = field(default_factory=list)

    async def push(self, update: dict[str, Any]) -> int:
        update_id = await self.server.push(update)
        self.pushed.append(update_id)
        return update_id

    async def say(self, text: str | None, *, user: dict[str, Any] = BOB, **kwargs: Any) -> dict:
        """Send a message as `user` (private chat unless chat= is given); returns it."""
        msg = message(text, user=user, **kwargs)
        await self.push({"message": msg})
        return msg

    async def reply(self, within: float = 5.0, **where: Any) -> Call:
        """The next sendMessage the bot makes (optionally to a given chat_id)."""
        return await self.server.wait_call("sendMessage", within, **where)

    async def settle(self, pause: float = 0.15) -> None:
        """Until every pushed update was fetched, then a moment for handlers to finish."""
        if self.pushed:
            await self.server.wait_confirmed(self.pushed[-1])
        await asyncio.sleep(pause)

    @property
    def engine(self) -> FakeEngine:
        """The stand-in engine answering now (start_bot(real=True) has no stand-in)."""
        assert isinstance(self.live.engine, FakeEngine)
        return self.live.engine


StartBot = Callable[..., Awaitable[Harness]]


@pytest.fixture
async def start_bot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[StartBot]:
    """start_bot(**settings) runs a bot against a fresh fake server; stopped after the test."""
    stack = contextlib.AsyncExitStack()
    # As `sanctuary-bot run` does: without it every RetryAfter (429) warns, failing the test.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")

    async def start(
        *, real: bool = False, stats: Any = None, rate_limiter: Any = None, **overrides: Any
    ) -> Harness:
        """real=True: the real Engine on a copy of the bundled knowledge base."""
        server = await FakeBotAPI(TOKEN).start()
        stack.push_async_callback(server.stop)
        if real:
            directory = Path(shutil.copytree(default_knowledge_dir(), tmp_path / "knowledge"))
            live = LiveKnowledge(directory)
        else:
            directory = write_knowledge(tmp_path / "knowledge")
            live = LiveKnowledge(directory, make_engine=FakeEngine)
        assert live.load_now().ok
        settings = Settings(
            token=TOKEN,
            api_base_url=server.base_url,
            knowledge_dir=directory,
            admins=frozenset({ADMIN["id"]}),
            reload_interval=0.05,
            flood=FloodLimits(messages=50, window=10, cooldown=30),
        )
        settings = replace(settings, **overrides)
        limiter = rate_limiter or ChatRateLimiter(
            overall_max_rate=0, group_max_rate=0, chat_max_rate=0, max_retries=2
        )
        app = build_application(settings, live, stats=stats, rate_limiter=limiter)
        stop = asyncio.Event()
        task = asyncio.create_task(
            serve_polling(app, stop, poll_timeout=1, heartbeat=tmp_path / "heartbeat")
        )

        async def shutdown() -> None:
            stop.set()
            await asyncio.wait_for(task, 10)

        stack.push_async_callback(shutdown)
        await server.wait_call("getUpdates", within=10)
        while not app.running:  # noqa: ASYNC110 - PTB offers no event for this
            await asyncio.sleep(0.01)
        return Harness(server, app, live, directory, tmp_path)

    async with stack:
        yield start


@pytest.fixture
async def bot(start_bot: StartBot) -> Harness:
    return await start_bot()
