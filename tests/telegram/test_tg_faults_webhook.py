"""Webhook mode under faults: redelivered updates, HEAD /healthz, a port in use, a backlog
at SIGTERM."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_tg_webhook import SECRET, application, free_port
from tg_fake_api import FakeBotAPI
from tg_harness import TOKEN
from tg_updates import BOB, message

from bot.telegram.app import CONCURRENT_UPDATES
from bot.telegram.runner import BACKLOG
from bot.telegram.webhook import SECRET_HEADER, ListenError, RecentIds, serve_webhook

URL = "https://bot.example.org/telegram"


@pytest.fixture
async def webhook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[FakeBotAPI, str, asyncio.Event, asyncio.Task[None]]]:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    api = await FakeBotAPI(TOKEN).start()
    app = application(api.base_url, tmp_path)
    port, stop = free_port(), asyncio.Event()
    task = asyncio.create_task(serve_webhook(app, stop, listen="127.0.0.1", port=port, url=URL,
                                             secret=SECRET, stop_deadline=1.0))  # fmt: skip
    await api.wait_call("setWebhook")
    try:
        yield api, f"http://127.0.0.1:{port}", stop, task
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        await api.stop()


def body(update_id: int, person: dict[str, Any] = BOB) -> str:
    return json.dumps({"update_id": update_id, "message": message("Denver?", user=person)})


async def test_an_update_delivered_twice_is_answered_once(webhook: Any) -> None:
    api, base, _, _ = webhook
    async with httpx.AsyncClient(base_url=base, headers={SECRET_HEADER: SECRET}) as client:
        for _ in range(2):
            assert (await client.post("/telegram", content=body(41))).status_code == 200
        assert (await client.post("/telegram", content=body(42))).status_code == 200
    await api.wait_call("sendMessage")
    await api.wait_call("sendMessage")
    await asyncio.sleep(0.2)
    assert len(api.sent("sendMessage", chat_id=BOB["id"])) == 2


async def test_head_healthz_answers_200(webhook: Any) -> None:
    _, base, _, _ = webhook
    async with httpx.AsyncClient(base_url=base) as client:
        response = await client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""


async def test_a_full_backlog_is_refused_and_sigterm_stops_within_the_deadline(
    webhook: Any,
) -> None:
    api, base, stop, task = webhook
    api.delay["sendMessage"] = 5.0  # 32 at a time: answering 132 would take 25 s
    async with httpx.AsyncClient(base_url=base, headers={SECRET_HEADER: SECRET}) as client:
        statuses = [
            (
                await client.post("/telegram", content=body(100 + n, {**BOB, "id": 6_000_000 + n}))
            ).status_code
            for n in range(150)
        ]
    assert set(statuses) == {200, 503}
    assert statuses.count(200) <= BACKLOG + CONCURRENT_UPDATES
    stopping = time.monotonic()
    stop.set()
    await asyncio.wait_for(task, 5)
    assert time.monotonic() - stopping < 1.0 + 2.0


async def test_a_port_in_use_is_a_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        app = application("http://127.0.0.1:9/bot", tmp_path)
        with pytest.raises(ListenError) as error:
            await serve_webhook(app, asyncio.Event(), listen="127.0.0.1", port=port, url=URL,
                                secret=SECRET)  # fmt: skip
    assert str(error.value) == f"cannot listen on 127.0.0.1:{port}: address in use"
    assert not app.running


def test_recent_ids_forget_the_oldest() -> None:
    recent = RecentIds(size=3)
    assert [recent.seen(n) for n in (1, 2, 1, 3, 4)] == [False, False, True, False, False]
    assert recent.seen(1) is False  # pushed out by 3 and 4
    assert recent.seen(4) is True
