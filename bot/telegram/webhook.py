"""Webhook mode: a small tornado server behind a reverse proxy, feeding the update queue.

It serves two paths: the webhook (POST, the path of the public WEBHOOK_URL), which
accepts an update only with the right `X-Telegram-Bot-Api-Secret-Token`, and
`GET /healthz` and `HEAD /healthz` (200 when the knowledge base is loaded and the bot is
running, else 503). Telegram may deliver an update twice (a retry after a slow answer): an
update_id seen in the last `SEEN_SIZE` updates is acknowledged and not handled again.
Updates are answered by the same bounded pump as in polling mode (bot.telegram.runner):
while its backlog is full, or before the bot has started, an update gets 503 and Telegram
delivers it again later.
No access log is written: request lines carry addresses, not anything useful.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hmac
import json
import logging
import socket
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlsplit

import tornado.httpserver
import tornado.web
from telegram import Update

from bot.telegram.app import ALLOWED_UPDATES
from bot.telegram.health import is_ready
from bot.telegram.runner import (
    MAX_AGE,
    STOP_DEADLINE,
    UpdatePump,
    start_application,
    stop_application,
    until_stopped,
)
from bot.telegram.services import BotApplication

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
MAX_BODY_BYTES = 1 << 20
SEEN_SIZE = 1024  # recent update_ids remembered to drop a redelivered update
Deliver = Callable[[Update], bool]


class ListenError(OSError):
    """The webhook server cannot listen; the message is one line for the operator."""


class RecentIds:
    """The last `size` update_ids, to recognise an update delivered twice."""

    def __init__(self, size: int = SEEN_SIZE) -> None:
        self._ids: OrderedDict[int, None] = OrderedDict()
        self._size = size

    def seen(self, update_id: int) -> bool:
        """Whether `update_id` was seen before; remembers it either way."""
        if update_id in self._ids:
            return True
        self._ids[update_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return False

    def forget(self, update_id: int) -> None:
        self._ids.pop(update_id, None)


class _Base(tornado.web.RequestHandler):
    def initialize(
        self, bot_application: BotApplication, secret: str, recent: RecentIds, deliver: Deliver
    ) -> None:
        self.bot_application = bot_application
        self.secret = secret
        self.recent = recent
        self.deliver = deliver

    def compute_etag(self) -> None:
        return None


class UpdateHandler(_Base):
    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            self.set_status(403)
            return
        try:
            data = json.loads(self.request.body)
            update = Update.de_json(data, self.bot_application.bot)
        except Exception as error:  # a malformed update is dropped, not retried
            log.warning("Dropped a webhook update that does not parse: %s", type(error).__name__)
            self.set_status(200)
            return
        if self.recent.seen(update.update_id):
            self.set_status(200)
            return
        if not self.deliver(update):
            self.recent.forget(update.update_id)
            self.set_status(503)  # too many waiting: Telegram sends it again later
            return
        self.set_status(200)


class HealthHandler(_Base):
    def get(self) -> None:
        ready = is_ready(self.bot_application)
        self.set_status(200 if ready else 503)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.write("ok\n" if ready else "not ready\n")

    def head(self) -> None:
        self.set_status(200 if is_ready(self.bot_application) else 503)


def webhook_path(url: str) -> str:
    """The path the proxy forwards to: that of the public URL ("/" if it has none)."""
    return urlsplit(url).path or "/"


def make_server(
    application: BotApplication, path: str, secret: str, deliver: Deliver | None = None
) -> tornado.httpserver.HTTPServer:
    """The server; `deliver` takes each accepted update (default: the application's queue)."""

    def enqueue(update: Update) -> bool:
        application.update_queue.put_nowait(update)
        return True

    kwargs = {"bot_application": application, "secret": secret, "recent": RecentIds(),
              "deliver": deliver or enqueue}  # fmt: skip
    routes = [("/healthz", HealthHandler, kwargs), (path, UpdateHandler, kwargs)]
    web = tornado.web.Application(routes, log_function=lambda _handler: None)
    return tornado.httpserver.HTTPServer(web, max_body_size=MAX_BODY_BYTES, xheaders=True)


def bind(server: tornado.httpserver.HTTPServer, port: int, address: str) -> None:
    """Listen on `address:port`, or raise ListenError saying why in one line.

    The socket is made here rather than by tornado, which leaves it open when bind fails."""
    try:
        family = socket.getaddrinfo(address or None, port, type=socket.SOCK_STREAM,
                                    flags=socket.AI_PASSIVE)[0][0]  # fmt: skip
        sock = socket.create_server((address, port), family=family, backlog=128)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            reason = "address in use"
        else:
            reason = (error.strerror or type(error).__name__).lower()
        raise ListenError(f"cannot listen on {address}:{port}: {reason}") from None
    sock.setblocking(False)
    server.add_sockets([sock])


async def serve_webhook(
    application: BotApplication,
    stop: asyncio.Event,
    *,
    listen: str,
    port: int,
    url: str,
    secret: str,
    stop_deadline: float = STOP_DEADLINE,
    hurry: asyncio.Event | None = None,
    max_age: float = MAX_AGE,
) -> None:
    """Run until `stop` is set: initialize, serve, set the webhook; on stop, answer what was
    acknowledged for at most `stop_deadline` seconds (until `hurry` is set), then shut down."""
    pump: UpdatePump | None = None

    def deliver(update: Update) -> bool:
        return pump is not None and pump.offer(update)

    server = make_server(application, webhook_path(url), secret, deliver)
    bound = False
    try:
        bind(server, port, listen)
        bound = True
        if not await until_stopped(start_application(application), stop):
            return
        pump = UpdatePump(application, max_age=max_age)
        setting = application.bot.set_webhook(
            url, secret_token=secret, allowed_updates=ALLOWED_UPDATES
        )
        if not await until_stopped(setting, stop):
            return
        log.info("Webhook server listening on %s:%d", listen, port)
        await stop.wait()
    finally:
        if bound:
            server.stop()
        if pump is not None:
            await pump.drain(stop_deadline, hurry)
        if bound:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.close_all_connections(), 1)
        await stop_application(application)
