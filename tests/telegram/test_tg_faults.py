"""Faults against the fake Bot API and the real Application: nothing asked is lost.

Send failures (5xx, dropped connections, 429s) end in the answer; an outage with a backlog
loses nothing; a revoked token ends polling; SIGTERM with a backlog stops within its
deadline and leaves what it did not answer unconfirmed, for the next process.
Backoffs and deadlines are small here; their production values are in settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from telegram.error import InvalidToken
from tg_engine import FakeEngine
from tg_fake_api import FakeBotAPI
from tg_harness import TOKEN, Harness
from tg_knowledge import write_knowledge
from tg_updates import message

from bot.settings import FloodLimits, Settings
from bot.telegram import admin, runner, send
from bot.telegram.app import build_application
from bot.telegram.health import check_heartbeat
from bot.telegram.ratelimit import ChatRateLimiter
from bot.telegram.reload import LiveKnowledge, ReloadResult
from bot.telegram.runner import serve_polling
from bot.telegram.send import MAX_PARTS

APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."


@dataclasses.dataclass
class Running:
    harness: Harness
    stop: asyncio.Event
    task: asyncio.Task[None]
    heartbeat: Path

    @property
    def server(self) -> FakeBotAPI:
        return self.harness.server

    def answered(self) -> Counter[int]:
        """How many delivered answers each chat got."""
        return Counter(c.chat_id for c in self.server.sent("sendMessage") if c.status == 200)


Start = Callable[..., Awaitable[Running]]


def user(n: int) -> dict[str, Any]:
    return {"id": 70_000_000 + n, "is_bot": False, "first_name": "U", "language_code": "en"}


@pytest.fixture
async def start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Start]:
    """start(**serve_polling options) runs a bot that retries fast; stopped after the test."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    stack = contextlib.AsyncExitStack()
    directory = write_knowledge(tmp_path / "knowledge")

    async def begin(server: FakeBotAPI | None = None, **options: Any) -> Running:
        if server is None:
            server = await FakeBotAPI(TOKEN).start()
            stack.push_async_callback(server.stop)
        knowledge = LiveKnowledge(directory, make_engine=FakeEngine)
        assert knowledge.load_now().ok
        flood = FloodLimits(messages=50, window=10)
        settings = Settings(token=TOKEN, api_base_url=server.base_url, knowledge_dir=directory,
                            reload_interval=0, flood=flood)  # fmt: skip
        limiter = ChatRateLimiter(overall_max_rate=0, group_max_rate=0, chat_max_rate=0,
                                  max_retries=2, retry_for=30, first_backoff=0.05,
                                  max_backoff=0.3)  # fmt: skip
        app = build_application(settings, knowledge, rate_limiter=limiter)
        stop = asyncio.Event()
        heartbeat = tmp_path / f"heartbeat-{len(server.calls)}"
        options = {"poll_timeout": 1, "heartbeat": heartbeat, "heartbeat_interval": 0.05,
                   "stop_deadline": 5.0} | options  # fmt: skip
        task = asyncio.create_task(serve_polling(app, stop, **options))

        async def end() -> None:
            stop.set()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(task, 10)

        stack.push_async_callback(end)
        await server.wait_call("getUpdates", within=10)
        harness = Harness(server, app, knowledge, directory, tmp_path)
        return Running(harness, stop, task, heartbeat)

    async with stack:
        yield begin


async def test_5xx_and_dropped_connections_on_send_end_in_the_answer(start: Start) -> None:
    bot = await start()
    bot.server.fail_next("sendMessage", 500, "Internal Server Error")
    bot.server.fail_next("sendMessage", 0, "")  # the connection drops: a network error
    bot.server.fail_next("sendMessage", 502, "Bad Gateway")
    await bot.harness.say("Is Denver a sanctuary city?")
    calls = [await bot.harness.reply() for _ in range(4)]
    assert [c.status for c in calls] == [500, 0, 502, 200]
    assert calls[-1].text.startswith("<b>Denver: sanctuary")
    await bot.harness.settle()
    assert [c.text for c in bot.server.sent("sendMessage")].count(APOLOGY) == 0


async def test_more_than_three_429s_in_a_row_end_in_the_answer(start: Start) -> None:
    bot = await start()
    for _ in range(5):
        bot.server.fail_next("sendMessage", 429, "Too Many Requests: retry after 0", retry_after=0)
    await bot.harness.say("Is Denver a sanctuary city?")
    calls = [await bot.harness.reply() for _ in range(6)]
    assert [c.status for c in calls] == [429] * 5 + [200]
    assert calls[-1].text.startswith("<b>Denver: sanctuary")


async def test_an_answer_that_cannot_be_sent_gets_no_apology(start: Start) -> None:
    # retry_for=30 in the fixture; a 403 (blocked by the user) is not retried at all.
    bot = await start()
    bot.server.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await bot.harness.say("Is Denver a sanctuary city?")
    refused = await bot.harness.reply()
    await bot.harness.settle(0.3)
    assert refused.status == 403
    assert len(bot.server.sent("sendMessage")) == 1


async def test_a_revoked_token_ends_polling_and_the_health_check_fails(start: Start) -> None:
    bot = await start()
    await bot.server.wait_until(bot.heartbeat.exists)
    assert check_heartbeat(bot.heartbeat, 10) is None
    bot.server.fail_next("getUpdates", 401, "Unauthorized")
    with pytest.raises(InvalidToken):
        await asyncio.wait_for(bot.task, 5)
    assert check_heartbeat(bot.heartbeat, 10) is not None
    assert not bot.harness.app.running


async def test_a_getupdates_reply_that_does_not_parse_is_retried(start: Start) -> None:
    bot = await start()
    bot.server.fail_next("getUpdates", 200, "", raw="x")  # a JSON string, not an object
    bot.server.fail_next("getUpdates", 200, "", raw=[1, 2])
    await bot.harness.say("Is Denver a sanctuary city?")
    reply = await bot.harness.reply()
    assert reply.text.startswith("<b>Denver: sanctuary")
    assert not bot.task.done()


async def test_polling_that_ends_for_another_reason_is_an_error(
    start: Start, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(self: runner.UpdatePump, updates: Any) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(runner.UpdatePump, "_accept", broken)
    bot = await start()
    await bot.harness.say("Is Denver a sanctuary city?")
    with pytest.raises(runner.PollingStoppedError, match="ValueError"):
        await asyncio.wait_for(bot.task, 5)


async def test_an_outage_with_a_backlog_loses_nothing(start: Start) -> None:
    bot = await start()
    bot.server.delay["sendMessage"] = 0.01
    users = [user(n) for n in range(100)]
    for person in users:
        await bot.harness.say("Is Denver a sanctuary city?", user=person)
    await bot.server.wait_until(lambda: len(bot.answered()) >= 20, within=10)
    await bot.server.go_down()
    await asyncio.sleep(1.5)
    assert len(bot.answered()) < len(users)  # the outage hit a backlog
    await bot.server.come_back()
    await bot.server.wait_until(lambda: len(bot.answered()) == len(users), within=20)
    assert set(bot.answered()) == {person["id"] for person in users}
    assert APOLOGY not in [c.text for c in bot.server.sent("sendMessage")]


async def test_the_backlog_in_memory_is_bounded(start: Start) -> None:
    bot = await start(workers=2)
    bot.server.delay["sendMessage"] = 0.02
    for n in range(400):
        await bot.harness.say("Is Denver a sanctuary city?", user=user(n))
    await asyncio.sleep(1.0)
    fetched = len(bot.server.delivered)
    assert 0 < fetched - sum(bot.answered().values()) <= runner.BACKLOG + 2
    assert fetched < 400  # the rest waits at Telegram


async def test_sigterm_with_a_backlog_stops_in_time_and_leaves_the_rest_to_telegram(
    start: Start,
) -> None:
    bot = await start(workers=2, stop_deadline=0.5)
    bot.server.delay["sendMessage"] = 0.05  # 40 answers a second: 200 take 5 s
    chat_of = {}
    for n in range(200):
        person = user(n)
        chat_of[await bot.harness.push({"message": message("Denver?", user=person)})] = person["id"]
    # Past the first batch of 100, so that getUpdates has been asked for more.
    await bot.server.wait_until(lambda: len(bot.answered()) >= 60, within=10)
    stopping = time.monotonic()
    bot.stop.set()
    await asyncio.wait_for(bot.task, 5)
    took = time.monotonic() - stopping
    assert took < 0.5 + 2.0  # answering all it had fetched would take over 3 s
    answered = bot.answered()
    confirmed = [update_id for update_id in chat_of if update_id < bot.server.offset]
    assert confirmed, "what was answered is confirmed"
    assert all(answered[chat_of[update_id]] for update_id in confirmed)
    assert len(answered) < 200  # not everything fitted in the deadline

    # The next process gets what was left, and answers it.
    await start(server=bot.server)
    await bot.server.wait_until(lambda: len(bot.answered()) == 200, within=20)
    twice = [chat for chat, n in bot.answered().items() if n > 1]
    assert len(twice) <= 2  # at most the updates in flight when the deadline cut them


async def test_a_second_signal_cuts_the_stop_deadline_short(start: Start) -> None:
    hurry = asyncio.Event()
    bot = await start(workers=2, stop_deadline=60.0, hurry=hurry)
    bot.server.delay["sendMessage"] = 0.2
    for n in range(50):
        await bot.harness.say("Is Denver a sanctuary city?", user=user(n))
    await bot.server.wait_until(lambda: len(bot.answered()) >= 2, within=10)
    bot.stop.set()
    await asyncio.sleep(0.3)
    assert not bot.task.done()  # still answering within its 60 s
    hurry.set()
    await asyncio.wait_for(bot.task, 3)
    assert len(bot.answered()) < 50


async def test_a_late_question_is_answered_with_an_apology_for_the_delay(start: Start) -> None:
    bot = await start()
    await bot.harness.say("Is Denver a sanctuary city?", date=int(time.time()) - 120)
    reply = await bot.harness.reply()
    assert reply.text.startswith("<i>Sorry for the delay.</i>\n\n<b>Denver: sanctuary")


async def test_a_question_older_than_max_age_is_dropped_and_counted(
    start: Start, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await start(max_age=300)
    await bot.harness.say("Is Denver a sanctuary city?", date=int(time.time()) - 301)
    await bot.harness.say("Is Chicago a sanctuary city?")
    reply = await bot.harness.reply()
    await bot.harness.settle()
    assert reply.text.startswith("<b>Chicago")
    assert len(bot.server.sent("sendMessage")) == 1
    assert "Dropped a question older than 300 s (1 so far)" in caplog.text


async def test_a_failure_while_stopping_is_one_line_and_stopping_goes_on(
    start: Start, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await start()
    app = bot.harness.app

    async def broken(_app: Any) -> None:
        raise RuntimeError("boom")

    app.post_stop = broken
    bot.stop.set()
    await asyncio.wait_for(bot.task, 5)
    assert "Stopping: post_stop failed (RuntimeError)" in caplog.text
    assert "still running" not in caplog.text
    assert not app.running


async def test_a_huge_answer_is_split_off_the_event_loop_and_capped(
    start: Start, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = await start()
    engine = bot.harness.live.engine
    normal = engine.answer("Is Denver a sanctuary city?", "en")
    huge = dataclasses.replace(normal, details=("lorem ipsum dolor sit amet " * 40_000,))
    engine.answer = lambda *args, **kwargs: huge
    splits = record_threads(monkeypatch, send, "split_html")
    await bot.harness.say("Is Denver a sanctuary city?")
    await bot.server.wait_until(lambda: len(bot.server.sent("sendMessage")) == MAX_PARTS)
    await bot.harness.settle(0.3)
    assert len(bot.server.sent("sendMessage")) == MAX_PARTS
    assert splits and all(thread is not threading.main_thread() for thread in splits)


def record_threads(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[Any]:
    """The thread each call of module.name runs in."""
    threads: list[Any] = []
    original = getattr(module, name)

    def recorded(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, recorded)
    return threads


async def test_a_huge_reload_report_is_built_off_the_event_loop_and_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = ReloadResult(ok=False, problems=("denver.yaml:3: " + "lol " * 2_000_000,) * 60)
    splits = record_threads(monkeypatch, admin, "split_html")
    parts = await admin.report_parts(result, "en")
    assert 1 <= len(parts) <= admin.MAX_REPORT_PARTS
    assert all(len(part) <= 4096 for part in parts)
    assert splits and all(thread is not threading.main_thread() for thread in splits)
