"""The bot's stop deadline fits in the stop window systemd and compose give it.

After SIGTERM the bot answers for at most SANCTUARY_STOP_DEADLINE seconds, then needs a
moment to confirm what it answered and close; the supervisor must not SIGKILL it first.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from test_systemd_unit import one

from bot.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SHUTDOWN_MARGIN = 5.0  # seconds after the deadline: the last getUpdates, closing, logging
DEADLINE = Settings(token="").stop_deadline


def seconds(value: str) -> float:
    match = re.fullmatch(r"(\d+)(s?)", value)
    assert match, f"not a number of seconds: {value!r}"
    return float(match.group(1))


def test_the_systemd_unit_waits_longer_than_the_deadline() -> None:
    assert one("KillSignal") == "SIGTERM"
    assert seconds(one("TimeoutStopSec")) >= DEADLINE + SHUTDOWN_MARGIN


def test_compose_waits_longer_than_the_deadline() -> None:
    compose = yaml.safe_load((REPO / "deploy" / "compose.yaml").read_text())
    bot = compose["x-bot"]
    assert bot["stop_signal"] == "SIGTERM"
    assert seconds(bot["stop_grace_period"]) >= DEADLINE + SHUTDOWN_MARGIN


def test_the_docs_state_the_same_numbers() -> None:
    text = (REPO / "docs" / "deploy.md").read_text()
    assert f"`SANCTUARY_STOP_DEADLINE` ({DEADLINE:g} s by default)" in text
    assert f"docker stop -t {seconds(one('TimeoutStopSec')):g}" in text
