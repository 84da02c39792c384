"""The `sanctuary-bot` process under faults: one line on stderr and the right exit status.

A revoked token ends the process (exit 2) and its health check fails; a webhook port in
use, nonsense settings and output that cannot be written are one line each, never a
traceback.
"""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_tg_cli import ThreadedAPI
from tg_harness import TOKEN
from tg_knowledge import write_knowledge
from tg_updates import text_update

from bot.cli import main
from bot.logging_setup import setup_logging, teardown_logging
from bot.telegram.health import check_heartbeat

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def api() -> Iterator[ThreadedAPI]:
    server = ThreadedAPI()
    try:
        yield server
    finally:
        server.close()


def environment(tmp_path: Path, **settings: str) -> dict[str, str]:
    inherited = {k: v for k, v in os.environ.items()
                 if not k.startswith(("SANCTUARY_", "TELEGRAM_", "WEBHOOK_"))}  # fmt: skip
    return {**inherited, "PYTHONPATH": str(REPO), "TELEGRAM_BOT_TOKEN": TOKEN,
            "SANCTUARY_KNOWLEDGE": str(write_knowledge(tmp_path / "knowledge")),
            "SANCTUARY_RELOAD_INTERVAL": "0", **settings}  # fmt: skip


def run_bot(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - a fixed command
        [sys.executable, "-m", "bot", "run", *args], cwd=tmp_path, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def finish(process: subprocess.Popen[str], timeout: float) -> tuple[str, str]:
    try:
        return process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.communicate()


def test_a_token_revoked_at_runtime_ends_the_process_and_fails_health(
    api: ThreadedAPI, tmp_path: Path
) -> None:
    heartbeat = tmp_path / "heartbeat"
    env = environment(tmp_path, TELEGRAM_API_BASE_URL=api.api.base_url,
                      SANCTUARY_HEALTH_FILE=str(heartbeat))  # fmt: skip
    process = run_bot(tmp_path, env)
    try:
        api.run(api.api.wait_call("getUpdates", 19))
        api.api.fail_next("getUpdates", 401, "Unauthorized")
        api.run(api.api.push(text_update("Is Denver a sanctuary city?")))  # ends the long poll
        api.run(api.api.wait_call("sendMessage", 10))
    finally:
        out, err = finish(process, 20)
    assert process.returncode == 2, err
    assert err.splitlines()[-1] == "sanctuary-bot: error: Telegram rejected TELEGRAM_BOT_TOKEN"
    assert "Traceback" not in err
    assert check_heartbeat(heartbeat, 90) is not None
    assert TOKEN not in out + err


def test_a_webhook_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = environment(tmp_path, TELEGRAM_API_BASE_URL="http://127.0.0.1:9/bot",
                          WEBHOOK_URL="https://bot.example.org/telegram",
                          WEBHOOK_PORT=str(port))  # fmt: skip
        started = time.monotonic()
        process = run_bot(tmp_path, env, "--webhook")
        _, err = finish(process, 20)
    assert process.returncode == 1
    assert err.splitlines()[-1] == (
        f"sanctuary-bot: error: cannot listen on 127.0.0.1:{port}: address in use"
    )
    assert "Traceback" not in err
    assert time.monotonic() - started < 15


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [("SANCTUARY_FLOOD_MESSAGES", "inf", "must be a finite number"),
     ("SANCTUARY_FLOOD_WINDOW", "nan", "must be a finite number"),
     ("SANCTUARY_RELOAD_INTERVAL", "nan", "must be a finite number"),
     ("SANCTUARY_RELOAD_INTERVAL", "0.0001", "must be 0 or from 0.1 to 86400"),
     ("SANCTUARY_FLOOD_COOLDOWN", "-5", "must be from 0 to 86400"),
     ("SANCTUARY_STOP_DEADLINE", "1e9", "must be from 1 to 600")],
)  # fmt: skip
def test_nonsense_settings_are_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    name: str, value: str, message: str,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv(name, value)
    assert main(["run"]) == 2
    assert capsys.readouterr().err == f"sanctuary-bot: error: {name} {message}\n"


def test_negative_stale_years_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["validate", "--stale-years", "-5"])
    assert exit_.value.code == 2
    assert "--stale-years: must be from 0 to 100, not -5" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["ask", "Is Denver a sanctuary city?"], ["export"]])
def test_output_to_a_full_disk_is_one_line(tmp_path: Path, command: list[str]) -> None:
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device
        done = subprocess.run(  # noqa: S603 - a fixed command
            [sys.executable, "-m", "bot", *command], cwd=tmp_path, text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=full, stderr=subprocess.PIPE,
            check=False, timeout=60,
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == (
        "sanctuary-bot: error: cannot write the output (No space left on device)\n"
    )


def test_an_uncaught_exception_is_logged_without_its_message() -> None:
    stream = io.StringIO()
    secret = "-".join(["Bartholomew", "asked"])  # not in the source lines a traceback shows
    setup_logging("INFO", stream=stream)
    try:
        try:
            raise ValueError(secret)
        except ValueError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        teardown_logging()
    logged = stream.getvalue()
    assert "CRITICAL bot: Uncaught ValueError" in logged
    assert "builtins.ValueError" in logged and "Traceback" in logged
    assert secret not in logged
    assert sys.excepthook is sys.__excepthook__
