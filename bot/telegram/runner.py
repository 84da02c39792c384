"""Running the Application until a signal: long polling or the webhook server.

Long polling is done here rather than by PTB's Updater, for three promises:
- **nothing is lost in memory:** getUpdates is called again only when every fetched update
  has been started by a worker, so an update is confirmed to Telegram (by asking for the
  ones after it) only once it is being answered; at most `BACKLOG` fetched updates wait for
  a worker, and the rest stay at Telegram;
- **shutdown fits the stop window:** on SIGTERM fetching stops at once, the workers answer
  what they can for `stop_deadline` seconds, and whatever was not started is left
  unconfirmed, so Telegram hands it to the next process;
- **a dead poller is not a zombie:** when getUpdates fails for good (a revoked token) or
  the polling task ends for any other reason, the bot stops and `serve_polling` raises, so
  the process exits non-zero and its supervisor restarts it or alerts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError

from bot.settings import Settings
from bot.telegram.app import ALLOWED_UPDATES, CONCURRENT_UPDATES
from bot.telegram.ratelimit import backoff, retry_after_seconds
from bot.telegram.services import BotApplication

log = logging.getLogger(__name__)
POLL_TIMEOUT = 30  # seconds Telegram holds a getUpdates request open
BACKLOG = 100  # fetched updates waiting for a worker, at most (getUpdates' own limit)
STOP_DEADLINE = 20.0  # seconds to keep answering after SIGTERM (under the 30 s stop window)
MAX_AGE = 600.0  # seconds: an older question is dropped, with a count in the log
CONFIRM_TIMEOUT = 3.0  # seconds for the last getUpdates, which confirms what was answered


class PollingStoppedError(RuntimeError):
    """Polling ended without being asked to: the process must exit non-zero."""


async def main(application: BotApplication, settings: Settings, mode: dict[str, Any]) -> None:
    stop, hurry = asyncio.Event(), asyncio.Event()

    def on_signal() -> None:
        """The first SIGTERM or SIGINT stops; a second one cuts the stop deadline short."""
        (hurry if stop.is_set() else stop).set()

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal)
    if hasattr(signal, "SIGHUP"):
        loop.add_signal_handler(signal.SIGHUP, lambda: _reload_soon(application))
    if mode["webhook"]:
        from bot.telegram.webhook import serve_webhook

        await serve_webhook(application, stop, listen=mode["listen"], port=mode["port"],
                            url=mode["url"], secret=mode["secret"],
                            stop_deadline=settings.stop_deadline, hurry=hurry,
                            max_age=settings.max_age)  # fmt: skip
    else:
        await serve_polling(application, stop, heartbeat=settings.health_file,
                            stop_deadline=settings.stop_deadline, hurry=hurry,
                            max_age=settings.max_age)  # fmt: skip


_pending: set[asyncio.Task[None]] = set()


def _reload_soon(application: BotApplication) -> None:
    """SIGHUP: reload the knowledge base, and tell admins if the edit was rejected."""
    from bot.telegram.admin import notify_admins
    from bot.telegram.services import SERVICES_KEY

    async def reload() -> None:
        service = application.bot_data[SERVICES_KEY].live
        previous = service.last_result
        await notify_admins(application, await service.reload(), previous)

    task = asyncio.get_running_loop().create_task(reload())
    _pending.add(task)
    task.add_done_callback(_pending.discard)


async def until_stopped(work: Awaitable[Any], stop: asyncio.Event) -> bool:
    """Run `work` unless `stop` is set first (then cancel it); True when it finished."""
    task = asyncio.ensure_future(work)
    stopping = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
    if not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return False
    task.result()  # re-raise its error
    return True


async def start_application(application: BotApplication) -> None:
    """initialize, post_init, start: what `async with application` and run_* do first."""
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.start()


async def stop_application(application: BotApplication, *, deadline: float | None = None) -> None:
    """stop (finishing updates already taken, for at most `deadline` seconds), post_stop,
    shutdown, post_shutdown; a step that fails is logged in one line and the next still
    runs, so one failure never hides behind "This Application is still running"."""

    async def stop() -> None:
        if application.running:
            await asyncio.wait_for(application.stop(), deadline)

    async def hook(callback: Callable[[BotApplication], Awaitable[None]] | None) -> None:
        if callback is not None:
            await callback(application)

    steps: list[tuple[str, Callable[[], Awaitable[None]]]] = [
        ("stop", stop),
        ("post_stop", lambda: hook(application.post_stop)),
        ("shutdown", application.shutdown),
        ("post_shutdown", lambda: hook(application.post_shutdown)),
    ]
    for name, step in steps:
        try:
            await step()
        except Exception as error:  # keep stopping: the rest must still run
            log.error("Stopping: %s failed (%s)", name, type(error).__name__)


@dataclass
class PumpCounts:
    fetched: int = 0
    handled: int = 0
    too_old: int = 0


class UpdatePump:
    """Updates into a bounded FIFO backlog, drained by a fixed pool of workers.

    In polling mode the pump fetches them itself (`start`); in webhook mode the server hands
    them over with `offer`."""

    def __init__(
        self,
        application: BotApplication,
        *,
        poll_timeout: float = POLL_TIMEOUT,
        workers: int = CONCURRENT_UPDATES,
        max_age: float = MAX_AGE,
        first_backoff: float = 0.5,
        max_backoff: float = 5.0,
    ) -> None:
        self.application = application
        self.poll_timeout = poll_timeout
        self.max_age = max_age
        self.counts = PumpCounts()
        self._first_backoff, self._max_backoff = first_backoff, max_backoff
        self._waiting: deque[Update] = deque()  # fetched, not started: unconfirmed
        self._running: dict[int, Update] = {}  # update_id -> update a worker is on
        self._next = 0  # the first update_id never fetched
        self._arrived = asyncio.Condition()
        self._room = asyncio.Event()
        self._room.set()
        self._idle = asyncio.Event()
        self._idle.set()
        self.fetching: asyncio.Task[None] | None = None
        self.last_success = time.monotonic()  # of getUpdates (or of the start)
        self._notifying: set[asyncio.Task[None]] = set()
        self._stopping = False
        self._workers = [asyncio.create_task(self._work(), name=f"worker-{n}")
                         for n in range(workers)]  # fmt: skip

    @property
    def offset(self) -> int:
        """What getUpdates confirms: everything before the first update not yet started."""
        return self._waiting[0].update_id if self._waiting else self._next

    @property
    def polling(self) -> bool:
        """The fetch task runs and getUpdates succeeded lately (a long poll returns at least
        every `poll_timeout` seconds): what the heartbeat stands for."""
        fetching = self.fetching
        if fetching is None or fetching.done():
            return False
        return time.monotonic() - self.last_success < 2 * self.poll_timeout + 30

    @property
    def unfinished(self) -> int:
        return len(self._waiting) + len(self._running)

    def offer(self, update: Update) -> bool:
        """Take an update from the webhook; False when the backlog is full (the server then
        answers 503 and Telegram delivers it again later), or once stopping has begun."""
        if self._stopping or len(self._waiting) >= BACKLOG:
            return False
        self._waiting.append(update)
        self._idle.clear()
        self._wake(1)
        return True

    def _wake(self, count: int) -> None:
        async def notify() -> None:
            async with self._arrived:
                self._arrived.notify(count)

        task = asyncio.get_running_loop().create_task(notify())
        self._notifying.add(task)
        task.add_done_callback(self._notifying.discard)

    def start(self) -> asyncio.Task[None]:
        self.fetching = asyncio.create_task(self._fetch(), name="getUpdates")
        return self.fetching

    async def _fetch(self) -> None:
        bot = self.application.bot
        failures = 0
        while True:
            await self._room.wait()
            try:
                updates = await bot.get_updates(
                    offset=self.offset or None,
                    limit=BACKLOG,
                    timeout=int(self.poll_timeout),
                    allowed_updates=ALLOWED_UPDATES,
                )
            except InvalidToken:
                raise
            except RetryAfter as error:
                delay = retry_after_seconds(error)
                log.warning("getUpdates: flood control, waiting %.0f s", delay)
                await asyncio.sleep(delay)
                continue
            except Exception as error:  # 5xx, network, 409, or a reply that does not parse
                failures += 1
                delay = backoff(failures, self._first_backoff, self._max_backoff)
                if isinstance(error, Conflict):
                    delay = max(delay, 1.0)
                log.warning("getUpdates failed (%s); retrying in %.1f s",
                            type(error).__name__, delay)  # fmt: skip
                await asyncio.sleep(delay)
                continue
            failures = 0
            self.last_success = time.monotonic()
            await self._accept(updates)

    async def _accept(self, updates: tuple[Update, ...]) -> None:
        fresh = [update for update in updates if update.update_id >= self._next]
        if not fresh:
            return
        self._next = fresh[-1].update_id + 1
        self._waiting.extend(fresh)
        self._room.clear()  # until every one of them has been started
        self._idle.clear()
        self.counts.fetched += len(fresh)
        async with self._arrived:
            self._arrived.notify(len(fresh))

    async def _work(self) -> None:
        while True:
            async with self._arrived:
                await self._arrived.wait_for(lambda: bool(self._waiting))
                update = self._waiting.popleft()
            if not self._waiting:
                self._room.set()
            self._running[update.update_id] = update
            try:
                if self._too_old(update):
                    self.counts.too_old += 1
                    log.warning("Dropped a question older than %.0f s (%d so far)",
                                self.max_age, self.counts.too_old)  # fmt: skip
                else:
                    await self.application.process_update(update)
            except Exception as error:  # process_update reports handler errors itself
                log.error("Update processing failed: %s", type(error).__name__)
            finally:
                self._running.pop(update.update_id, None)
                self.counts.handled += 1
                if not self.unfinished:
                    self._idle.set()

    def _too_old(self, update: Update) -> bool:
        message = update.message
        if message is None or not isinstance(message.date, datetime):
            return False
        return (datetime.now(UTC) - message.date).total_seconds() > self.max_age

    async def drain(self, deadline: float, hurry: asyncio.Event | None = None) -> None:
        """Stop fetching at once; keep answering until nothing waits, `deadline` passes or
        `hurry` is set; then cancel the workers and confirm what was started, leaving the
        rest unconfirmed."""
        self._stopping = True
        if self.fetching is not None and not self.fetching.done():
            self.fetching.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.fetching
        waits = {asyncio.create_task(event.wait()) for event in (self._idle, hurry) if event}
        await asyncio.wait(waits, timeout=deadline, return_when=asyncio.FIRST_COMPLETED)
        for waiting in waits:
            waiting.cancel()
        left = len(self._waiting) + len(self._running)
        offset = min((*self._running, self.offset), default=self.offset)
        for worker in self._workers:
            worker.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        if self.fetching is None:
            if left:
                log.warning("Stopped with %d acknowledged update(s) not answered", left)
            return
        if left:
            log.warning("Stopped with %d update(s) not answered; left for Telegram to resend",
                        left)  # fmt: skip
        if offset > 0:
            with contextlib.suppress(TelegramError, OSError, TimeoutError):
                # Confirms everything before `offset`; what comes after is sent again.
                await asyncio.wait_for(
                    self.application.bot.get_updates(offset=offset, limit=1, timeout=0),
                    CONFIRM_TIMEOUT,
                )


async def _beat(pump: UpdatePump, path: Path, interval: float) -> None:
    """Touch the heartbeat file while polling runs; remove it when the bot stops."""
    from bot.telegram.health import is_ready, write_heartbeat

    try:
        while True:
            if is_ready(pump.application) and pump.polling:
                try:
                    await asyncio.to_thread(write_heartbeat, path)
                except OSError as error:
                    log.warning("Cannot write the heartbeat file: %s", type(error).__name__)
            await asyncio.sleep(interval)
    finally:
        with contextlib.suppress(OSError):
            await asyncio.to_thread(path.unlink)


async def serve_polling(
    application: BotApplication,
    stop: asyncio.Event,
    *,
    poll_timeout: float = POLL_TIMEOUT,
    heartbeat: Path | None = None,
    heartbeat_interval: float = 15.0,
    stop_deadline: float = STOP_DEADLINE,
    hurry: asyncio.Event | None = None,
    max_age: float = MAX_AGE,
    workers: int = CONCURRENT_UPDATES,
) -> None:
    """Poll until `stop` is set, then stop within `stop_deadline`; raise PollingStoppedError
    (or InvalidToken) when polling ends on its own."""
    try:
        if not await until_stopped(start_application(application), stop):
            return
        if not await until_stopped(application.bot.delete_webhook(), stop):
            return
        pump = UpdatePump(application, poll_timeout=poll_timeout, workers=workers,
                          max_age=max_age)  # fmt: skip
        fetching = pump.start()
        beating = (
            asyncio.create_task(_beat(pump, heartbeat, heartbeat_interval)) if heartbeat else None
        )
        log.info("Polling for updates")
        stopping = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait({fetching, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
            if beating is not None:
                beating.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await beating
            await pump.drain(stop_deadline, hurry)
        if fetching.done() and not fetching.cancelled():
            error = fetching.exception()
            if isinstance(error, InvalidToken):
                raise error
            raise PollingStoppedError(type(error).__name__ if error else "it returned")
    finally:
        await stop_application(application)
