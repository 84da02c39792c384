"""Liveness for containers: a heartbeat file in polling mode, `GET /healthz` in webhook mode.

The heartbeat file holds one Unix timestamp and nothing else. `sanctuary-bot health`
passes (exit 0) when the knowledge base loads and the heartbeat is fresh, or, with
`--webhook`, when the running bot's /healthz answers 200.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.telegram.services import BotApplication, app_services

MAX_AGE_SECONDS = 90.0


def is_ready(application: BotApplication) -> bool:
    """The knowledge base is loaded and the application is processing updates."""
    svc = app_services(application)
    return bool(svc and svc.live.ready and application.running)


def write_heartbeat(path: Path, now: float | None = None) -> None:
    """Replace `path` with the current timestamp, atomically."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(f"{time.time() if now is None else now:.0f}\n", encoding="ascii")
    temporary.replace(path)


def check_heartbeat(path: Path, max_age: float = MAX_AGE_SECONDS) -> str | None:
    """None when the heartbeat is fresh, else a one-line reason."""
    try:
        stamp = float(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        return f"no heartbeat file at {path} (is the bot running?)"
    except (OSError, ValueError):
        return f"unreadable heartbeat file at {path}"
    age = time.time() - stamp
    if age > max_age:
        return f"last heartbeat {age:.0f}s ago (more than {max_age:.0f}s)"
    return None


def check_knowledge(directory: Path | None) -> str | None:
    """None when the knowledge base loads, else a one-line reason."""
    from bot.telegram.reload import LiveKnowledge

    result = LiveKnowledge(directory).load_now()
    if result.ok:
        return None
    first = result.problems[0] if result.problems else "unknown problem"
    return f"knowledge base does not load ({len(result.problems)} problem(s)); first: {first}"


def check_endpoint(url: str, timeout: float = 5.0) -> str | None:
    """None when `url` (the webhook server's /healthz) answers 200, else a one-line reason."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - local URL
            return None if response.status == 200 else f"{url} answered {response.status}"
    except urllib.error.HTTPError as error:
        return f"{url} answered {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return f"{url} unreachable ({type(error).__name__})"
