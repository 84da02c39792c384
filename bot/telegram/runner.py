"""Running the Application until a signal: long polling or the webhook server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

from telegram.ext import Application

from bot.settings import Settings
from bot.telegram.app import ALLOWED_UPDATES

log = logging.getLogger(__name__)
POLL_TIMEOUT = 30  # seconds Telegram holds a getUpdates request open


async def main(application: Application, settings: Settings, mode: dict[str, Any]) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if hasattr(signal, "SIGHUP"):
        loop.add_signal_handler(signal.SIGHUP, lambda: _reload_soon(application))
    if mode["webhook"]:
        from bot.telegram.webhook import serve_webhook

        await serve_webhook(application, stop, listen=mode["listen"], port=mode["port"],
                            url=mode["url"], secret=mode["secret"])  # fmt: skip
    else:
        await serve_polling(application, stop, heartbeat=settings.health_file)


_pending: set[asyncio.Task[None]] = set()


def _reload_soon(application: Application) -> None:
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


async def serve_polling(
    application: Application,
    stop: asyncio.Event,
    *,
    poll_timeout: float = POLL_TIMEOUT,
    poll_interval: float = 0.0,
    heartbeat: Any = None,
) -> None:
    """Run with long polling until `stop` is set, in run_polling's order, then shut down."""
    from bot.telegram.health import beat

    async with application:
        if application.post_init:
            await application.post_init(application)
        assert application.updater is not None  # noqa: S101 - built with an updater
        await application.updater.start_polling(
            poll_interval=poll_interval, timeout=int(poll_timeout), allowed_updates=ALLOWED_UPDATES
        )
        await application.start()
        beating = asyncio.create_task(beat(application, heartbeat)) if heartbeat else None
        log.info("Polling for updates")
        try:
            await stop.wait()
        finally:
            if beating is not None:
                beating.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await beating
            await application.updater.stop()
            await application.stop()
            if application.post_stop:
                await application.post_stop(application)
    if application.post_shutdown:
        await application.post_shutdown(application)
