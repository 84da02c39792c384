"""`sanctuary-bot run` and `health` as a container would run them."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
import tornado.netutil
from html_check import html_problems
from tg_fake_api import FakeBotAPI
from tg_harness import TOKEN
from tg_knowledge import write_knowledge
from tg_updates import BOB, text_update

from bot.cli import main
from bot.telegram.health import check_heartbeat, write_heartbeat
from bot.telegram.webhook import SECRET_HEADER

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in list(os.environ):
        if name.startswith(("TELEGRAM_", "SANCTUARY_", "WEBHOOK_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no stray .env
    return tmp_path


@pytest.mark.parametrize(
    ("token", "message"),
    [("", "TELEGRAM_BOT_TOKEN is not set"),
     ("not-a-token", "TELEGRAM_BOT_TOKEN does not look like a bot token"),
     ("12345:short", "TELEGRAM_BOT_TOKEN does not look like a bot token")],
)  # fmt: skip
def test_run_without_a_valid_token_is_a_one_line_error(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    token: str, message: str,
) -> None:  # fmt: skip
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    # An unreachable API: any network call would fail differently (and slowly).
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:9/bot")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"sanctuary-bot: error: {message}")
    if token:
        assert token not in err


def test_run_webhook_needs_a_url(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    assert main(["run", "--webhook"]) == 2
    assert "WEBHOOK_URL" in capsys.readouterr().err


def test_dotenv_is_read_and_the_environment_wins(clean_env: Path) -> None:
    from bot.settings import Settings

    (clean_env / ".env").write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nLOG_LEVEL=debug\n")
    os.environ["LOG_LEVEL"] = "WARNING"
    try:
        settings = Settings.from_env()
    finally:
        del os.environ["LOG_LEVEL"]
    assert settings.token == TOKEN and settings.log_level == "WARNING"
    assert TOKEN not in repr(settings)


def test_health(clean_env: Path, monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    knowledge = write_knowledge(clean_env / "knowledge")
    heartbeat = clean_env / "heartbeat"
    monkeypatch.setenv("SANCTUARY_KNOWLEDGE", str(knowledge))
    monkeypatch.setenv("SANCTUARY_HEALTH_FILE", str(heartbeat))
    assert main(["health"]) == 1
    assert (
        capsys.readouterr().err
        == f"unhealthy: no heartbeat file at {heartbeat} (is the bot running?)\n"
    )
    write_heartbeat(heartbeat, time.time() - 300)
    assert main(["health"]) == 1
    assert re.search(r"unhealthy: last heartbeat 30\ds ago", capsys.readouterr().err)
    write_heartbeat(heartbeat)
    assert main(["health"]) == 0
    assert capsys.readouterr().out == "healthy\n"
    # A bad edit on disk: the running bot keeps its last good data, so it stays healthy
    # (a restart would only stop it); the warning tells the maintainer.
    (knowledge / "jurisdictions/co/denver.yaml").write_text("name: [broken\n")
    assert main(["health"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "healthy\n"
    assert captured.err.startswith("warning: knowledge base does not load (1 problem(s)); first: ")
    assert "jurisdictions/co/denver.yaml:" in captured.err and captured.err.count("\n") == 1


class ThreadedAPI:
    """The fake server on its own event loop, for a bot running in another process."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.api = self.run(FakeBotAPI(TOKEN).start())

    def run(self, coroutine: Coroutine[Any, Any, Any], timeout: float = 20) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def close(self) -> None:
        self.run(self.api.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def threaded_api() -> Iterator[ThreadedAPI]:
    server = ThreadedAPI()
    try:
        yield server
    finally:
        server.close()


def test_run_polls_answers_and_stops_cleanly_on_sigterm(
    threaded_api: ThreadedAPI, tmp_path: Path
) -> None:
    api = threaded_api.api
    heartbeat = tmp_path / "heartbeat"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("SANCTUARY_", "TELEGRAM_"))},
           "PYTHONPATH": str(REPO), "TELEGRAM_BOT_TOKEN": TOKEN,
           "TELEGRAM_API_BASE_URL": api.base_url, "LOG_LEVEL": "DEBUG",
           "SANCTUARY_KNOWLEDGE": str(write_knowledge(tmp_path / "knowledge")),
           "SANCTUARY_HEALTH_FILE": str(heartbeat)}  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        threaded_api.run(api.wait_call("getUpdates", 30))
        assert [c.params.get("language_code") for c in api.sent("setMyCommands")] == [None, "es"]
        threaded_api.run(api.push(text_update("Is Denver a sanctuary city? I'm Bartholomew")))
        reply = threaded_api.run(api.wait_call("sendMessage", 20))
        assert reply.chat_id == BOB["id"]
        assert reply.params["parse_mode"] == "HTML"
        assert html_problems(reply.text) == []
        deadline = time.monotonic() + 10
        while check_heartbeat(heartbeat) is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert check_heartbeat(heartbeat) is None
        process.send_signal(signal.SIGHUP)  # reload: must not stop the bot
        time.sleep(0.3)
        assert process.poll() is None
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert not heartbeat.exists()
    assert "Knowledge base loaded" in err
    for secret in (TOKEN, "Bartholomew", str(BOB["id"]), "Is Denver"):
        assert secret not in err + out


def test_run_webhook_serves_updates_and_healthz(
    threaded_api: ThreadedAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    api = threaded_api.api
    [sock] = tornado.netutil.bind_sockets(0, "127.0.0.1")
    port = sock.getsockname()[1]
    sock.close()
    secret = "webhook-secret_for-the-test"
    settings = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
                "SANCTUARY_KNOWLEDGE": str(write_knowledge(tmp_path / "knowledge")),
                "WEBHOOK_PORT": str(port), "WEBHOOK_SECRET_TOKEN": secret,
                "WEBHOOK_URL": "https://bot.example.org/tg"}  # fmt: skip
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("SANCTUARY_", "TELEGRAM_"))},
           "PYTHONPATH": str(REPO), **settings}  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--webhook"], cwd=tmp_path, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        registered = threaded_api.run(api.wait_call("setWebhook", 30))
        assert registered.params["secret_token"] == secret
        update = json.dumps({"update_id": 7, **text_update("Is Denver a sanctuary city?")})
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/tg", data=update.encode(), method="POST",
            headers={"Content-Type": "application/json", SECRET_HEADER: secret},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - local
            assert response.status == 200
        reply = threaded_api.run(api.wait_call("sendMessage", 20))
        assert reply.chat_id == BOB["id"]
        for name, value in settings.items():
            monkeypatch.setenv(name, value)
        monkeypatch.chdir(tmp_path)
        assert main(["health", "--webhook"]) == 0
        assert capsys.readouterr().out == "healthy\n"
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert main(["health", "--webhook"]) == 1
    assert "unhealthy: http://127.0.0.1:" in capsys.readouterr().err
    assert secret not in err + out and TOKEN not in err + out
