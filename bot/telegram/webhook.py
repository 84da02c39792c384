"""Webhook mode: a small tornado server behind a reverse proxy, feeding the update queue.

It serves two paths: the webhook (POST, the path of the public WEBHOOK_URL), which
accepts an update only with the right `X-Telegram-Bot-Api-Secret-Token`, and
`GET /healthz` (200 when the knowledge base is loaded and the bot is running, else 503).
No access log is written: request lines carry addresses, not anything useful.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from urllib.parse import urlsplit

import tornado.httpserver
import tornado.web
from telegram import Update
from telegram.ext import Application

from bot.telegram.app import ALLOWED_UPDATES
from bot.telegram.health import is_ready

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
MAX_BODY_BYTES = 1 << 20


class _Base(tornado.web.RequestHandler):
    def initialize(self, bot_application: Application, secret: str) -> None:
        self.bot_application = bot_application
        self.secret = secret

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
        await self.bot_application.update_queue.put(update)
        self.set_status(200)


class HealthHandler(_Base):
    def get(self) -> None:
        ready = is_ready(self.bot_application)
        self.set_status(200 if ready else 503)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.write("ok\n" if ready else "not ready\n")


def webhook_path(url: str) -> str:
    """The path the proxy forwards to: that of the public URL ("/" if it has none)."""
    return urlsplit(url).path or "/"


def make_server(application: Application, path: str, secret: str) -> tornado.httpserver.HTTPServer:
    kwargs = {"bot_application": application, "secret": secret}
    routes = [("/healthz", HealthHandler, kwargs), (path, UpdateHandler, kwargs)]
    web = tornado.web.Application(routes, log_function=lambda _handler: None)
    return tornado.httpserver.HTTPServer(web, max_body_size=MAX_BODY_BYTES, xheaders=True)


async def serve_webhook(
    application: Application,
    stop: asyncio.Event,
    *,
    listen: str,
    port: int,
    url: str,
    secret: str,
) -> None:
    """Run until `stop` is set: initialize, serve, set the webhook; then shut down cleanly."""
    server = make_server(application, webhook_path(url), secret)
    async with application:
        if application.post_init:
            await application.post_init(application)
        await application.start()
        server.listen(port, listen)
        try:
            await application.bot.set_webhook(
                url, secret_token=secret, allowed_updates=ALLOWED_UPDATES
            )
            log.info("Webhook server listening on %s:%d", listen, port)
            await stop.wait()
        finally:
            server.stop()
            await server.close_all_connections()
            await application.stop()
            if application.post_stop:
                await application.post_stop(application)
    if application.post_shutdown:
        await application.post_shutdown(application)
