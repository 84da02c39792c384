"""Every setting the bot reads, in one registry, and the typed `Settings` built from them.

Values come from the environment, then from an optional `.env` file in the current
directory (the environment wins). `SETTINGS` is the single list of names, defaults and
descriptions: `.env.example` is written from it and a test keeps the two in step.
"""

from __future__ import annotations

import math
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DAY = 86_400.0


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, default (as written in .env.example) and purpose."""

    name: str
    default: str
    description: str
    required: bool = False
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("TELEGRAM_BOT_TOKEN", "", "Bot token from @BotFather; required by `run`.",
            required=True, secret=True),
    Setting("TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL,
            "Bot API base URL the token is appended to; e.g. http://127.0.0.1:8081/bot "
            "for a self-hosted Bot API server."),
    Setting("SANCTUARY_KNOWLEDGE", "",
            "Path to the knowledge base folder; empty means the bundled knowledge/."),
    Setting("SANCTUARY_ADMINS", "",
            "Comma-separated Telegram user ids allowed the admin commands /reload and /stats."),
    Setting("LOG_LEVEL", "INFO", "DEBUG, INFO, WARNING or ERROR; never logs who asked what."),
    Setting("SANCTUARY_STATS", "",
            "Path of the anonymous statistics file (SQLite); statistics are off when empty."),
    Setting("SANCTUARY_HEALTH_FILE", "",
            "Heartbeat file the polling bot touches for `sanctuary-bot health`; empty means "
            "sanctuary-bot.heartbeat in the temporary directory."),
    Setting("SANCTUARY_RELOAD_INTERVAL", "2",
            "Seconds between checks of the knowledge files for edits (at least 0.1); 0 turns "
            "watching off."),
    Setting("SANCTUARY_FLOOD_MESSAGES", "10",
            "Messages one person may send per flood window before being asked to slow down."),
    Setting("SANCTUARY_FLOOD_WINDOW", "30", "Length of the flood window, in seconds."),
    Setting("SANCTUARY_FLOOD_COOLDOWN", "60",
            "Seconds a flooding person is ignored after the one 'slow down' reply."),
    Setting("SANCTUARY_RETRY_FOR", "120",
            "Seconds a message Telegram failed to take (a 5xx answer, a network error, a 429) "
            "keeps being retried, with growing pauses, before it is given up."),
    Setting("SANCTUARY_MAX_AGE", "600",
            "Seconds after which a question still waiting (e.g. after an outage) is dropped, "
            "with a count in the log; a question over a minute old is answered with an apology "
            "for the delay."),
    Setting("SANCTUARY_STOP_DEADLINE", "20",
            "Seconds the bot keeps answering after SIGTERM before it exits; keep it under the "
            "supervisor's stop timeout (TimeoutStopSec, stop_grace_period: 30)."),
    Setting("WEBHOOK_LISTEN", "127.0.0.1",
            "Webhook mode: address the HTTP server listens on (0.0.0.0 inside a container)."),
    Setting("WEBHOOK_PORT", "8080", "Webhook mode: port the HTTP server listens on."),
    Setting("WEBHOOK_URL", "",
            "Webhook mode: public HTTPS URL the reverse proxy forwards to this server, "
            "e.g. https://bot.example.org/telegram."),
    Setting("WEBHOOK_SECRET_TOKEN", "",
            "Webhook mode: secret every update must carry (1-256 of A-Z a-z 0-9 _ -); "
            "empty means a random one per start.", secret=True),
)  # fmt: skip

_TOKEN = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,64}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message is one line and never shows a secret."""


@dataclass(frozen=True)
class FloodLimits:
    messages: int = 10
    window: float = 30.0
    cooldown: float = 60.0


@dataclass(frozen=True)
class Settings:
    token: str
    api_base_url: str = DEFAULT_API_BASE_URL
    knowledge_dir: Path | None = None  # None: the bundled knowledge base
    admins: frozenset[int] = frozenset()
    log_level: str = "INFO"
    stats_path: Path | None = None
    health_file: Path = Path(tempfile.gettempdir()) / "sanctuary-bot.heartbeat"
    reload_interval: float = 2.0
    flood: FloodLimits = FloodLimits()
    retry_for: float = 120.0
    max_age: float = 600.0
    stop_deadline: float = 20.0
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8080
    webhook_url: str = ""
    webhook_secret: str = ""

    def __repr__(self) -> str:  # never print the token or the webhook secret
        return f"Settings(api_base_url={self.api_base_url!r}, admins={len(self.admins)})"

    @property
    def base_file_url(self) -> str:
        """The file download URL matching `api_base_url` (…/bot → …/file/bot)."""
        base = self.api_base_url
        if base.endswith("/bot"):
            return base[: -len("/bot")] + "/file/bot"
        return base.rstrip("/") + "/file/bot"

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, require_token: bool = True
    ) -> Settings:
        """Read and check every setting; raise SettingsError naming the first bad one."""
        env = read_environment() if environ is None else dict(environ)

        def get(name: str) -> str:
            return env.get(name, "").strip() or _DEFAULTS[name]

        token = get("TELEGRAM_BOT_TOKEN")
        if require_token:
            check_token(token)
        return cls(
            token=token,
            api_base_url=_url(get("TELEGRAM_API_BASE_URL"), "TELEGRAM_API_BASE_URL"),
            knowledge_dir=Path(value).expanduser()
            if (value := get("SANCTUARY_KNOWLEDGE"))
            else None,
            admins=_admins(get("SANCTUARY_ADMINS")),
            log_level=_level(get("LOG_LEVEL")),
            stats_path=Path(value).expanduser() if (value := get("SANCTUARY_STATS")) else None,
            health_file=(
                Path(value).expanduser()
                if (value := get("SANCTUARY_HEALTH_FILE"))
                else cls.health_file
            ),
            reload_interval=_number(get, "SANCTUARY_RELOAD_INTERVAL", 0.1, DAY, off=True),
            flood=FloodLimits(
                messages=int(_number(get, "SANCTUARY_FLOOD_MESSAGES", 1, 1_000_000)),
                window=_number(get, "SANCTUARY_FLOOD_WINDOW", 0.1, DAY),
                cooldown=_number(get, "SANCTUARY_FLOOD_COOLDOWN", 0, DAY),
            ),
            retry_for=_number(get, "SANCTUARY_RETRY_FOR", 0, DAY),
            max_age=_number(get, "SANCTUARY_MAX_AGE", 60, DAY),
            stop_deadline=_number(get, "SANCTUARY_STOP_DEADLINE", 1, 600),
            webhook_listen=get("WEBHOOK_LISTEN"),
            webhook_port=_port(get("WEBHOOK_PORT")),
            webhook_url=get("WEBHOOK_URL"),
            webhook_secret=_secret(get("WEBHOOK_SECRET_TOKEN")),
        )


_DEFAULTS = {setting.name: setting.default for setting in SETTINGS}


def read_environment(dotenv: Path | None = Path(".env")) -> dict[str, str]:
    """os.environ over the optional `.env` file (which never overrides the environment)."""
    import os

    values: dict[str, str] = {}
    if dotenv is not None and dotenv.is_file():
        from dotenv import dotenv_values

        values.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
    values.update(os.environ)
    return values


def check_token(token: str) -> None:
    if not token:
        raise SettingsError("TELEGRAM_BOT_TOKEN is not set (get a token from @BotFather)")
    if not _TOKEN.fullmatch(token):
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token (expected digits:35 characters)"
        )


def _url(value: str, name: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise SettingsError(f"{name} must start with http:// or https://")
    return value


def _admins(value: str) -> frozenset[int]:
    ids = [part.strip() for part in value.replace(" ", ",").split(",") if part.strip()]
    if not all(re.fullmatch(r"\d{1,20}", part) for part in ids):
        raise SettingsError("SANCTUARY_ADMINS must be comma-separated numeric Telegram user ids")
    return frozenset(int(part) for part in ids)


def _level(value: str) -> str:
    level = value.upper()
    if level not in _LEVELS:
        raise SettingsError(f"LOG_LEVEL must be one of {', '.join(_LEVELS)}")
    return level


def _number(
    get: Callable[[str], str], name: str, low: float, high: float, *, off: bool = False
) -> float:
    """A finite number from `low` to `high` (or 0 when `off` allows turning it off)."""
    try:
        return number_in_range(get(name), low, high, off=off)
    except ValueError as error:
        raise SettingsError(f"{name} {error}") from None


def number_in_range(value: str, low: float, high: float, *, off: bool = False) -> float:
    """`value` as a finite number from `low` to `high`; ValueError says what is wrong.

    `inf`, `nan` and absurd values are refused: a reload interval of 0.0001 s would burn a
    core, and `nan` would silently turn a limit off."""
    try:
        number = float(value)
    except ValueError:
        raise ValueError("must be a number") from None
    if not math.isfinite(number):
        raise ValueError("must be a finite number")
    if off and number == 0:
        return number
    if not low <= number <= high:
        zero = "0 or " if off else ""
        raise ValueError(f"must be {zero}from {low:g} to {high:g}")
    return number


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse `type`: a whole number from `low` to `high` (e.g. `--stale-years`), so
    that a negative or absurd value is a one-line usage error (exit 2)."""
    import argparse

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, not {number}")
        return number

    return parse


def _port(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise SettingsError("WEBHOOK_PORT must be a port number (1-65535)")
    return int(value)


def _secret(value: str) -> str:
    if value and not _SECRET.fullmatch(value):
        raise SettingsError("WEBHOOK_SECRET_TOKEN may only hold A-Z, a-z, 0-9, _ and - (1-256)")
    return value
