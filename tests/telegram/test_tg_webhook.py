"""Webhook mode: the secret token is required, /healthz tells readiness, updates flow."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
import tornado.netutil
from telegram.ext import Application
from tg_engine import FakeEngine
from tg_fake_api import FakeBotAPI
from tg_harness import TOKEN
from tg_knowledge import write_knowledge
from tg_updates import BOB, text_update

from bot.settings import Settings
from bot.telegram.app import build_application
from bot.telegram.ratelimit import ChatRateLimiter
from bot.telegram.reload import LiveKnowledge
from bot.telegram.webhook import SECRET_HEADER, make_server, serve_webhook

SECRET = "s3cret_Token-for-tests"


def free_port() -> int:
    [sock] = tornado.netutil.bind_sockets(0, "127.0.0.1")
    port = sock.getsockname()[1]
    sock.close()
    return port


def application(server_url: str, tmp_path: Path) -> Application:
    knowledge = LiveKnowledge(write_knowledge(tmp_path / "k"), make_engine=FakeEngine)
    assert knowledge.load_now().ok
    settings = Settings(token=TOKEN, api_base_url=server_url, reload_interval=0)
    limiter = ChatRateLimiter(overall_max_rate=0, group_max_rate=0, chat_max_rate=0)
    return build_application(settings, knowledge, rate_limiter=limiter)


async def test_webhook_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    api = await FakeBotAPI(TOKEN).start()
    app = application(api.base_url, tmp_path)
    port, stop = free_port(), asyncio.Event()
    url = "https://bot.example.org/telegram/hook"
    task = asyncio.create_task(serve_webhook(app, stop, listen="127.0.0.1", port=port,
                                             url=url, secret=SECRET))  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        registered = await api.wait_call("setWebhook")
        assert registered.params["url"] == url
        assert registered.params["secret_token"] == SECRET
        assert registered.params["allowed_updates"] == ["message", "callback_query", "inline_query"]
        async with httpx.AsyncClient(base_url=base) as client:
            assert (await client.get("/healthz")).status_code == 200
            body = json.dumps({"update_id": 1, **text_update("Is Denver a sanctuary city?")})
            for headers in ({}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: SECRET + "x"}):
                refused = await client.post("/telegram/hook", content=body, headers=headers)
                assert refused.status_code == 403
            bad = await client.post("/telegram/hook", content="{not json",
                                    headers={SECRET_HEADER: SECRET})  # fmt: skip
            assert bad.status_code == 200  # dropped, not retried by Telegram
            ok = await client.post("/telegram/hook", content=body,
                                   headers={SECRET_HEADER: SECRET})  # fmt: skip
            assert ok.status_code == 200
            reply = await api.wait_call("sendMessage")
            assert reply.chat_id == BOB["id"]
            assert reply.text.startswith("<b>Denver: sanctuary")
            assert len(api.sent("sendMessage")) == 1
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        await api.stop()
    assert not app.running


async def test_healthz_is_503_until_the_bot_runs(tmp_path: Path) -> None:
    app = application("http://127.0.0.1:9/bot", tmp_path)
    server = make_server(app, "/hook", SECRET)
    port = free_port()
    server.listen(port, "127.0.0.1")
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            response = await client.get("/healthz")
            assert response.status_code == 503
            assert response.text == "not ready\n"
    finally:
        server.stop()
        await server.close_all_connections()
