"""The `run` and `health` sub-commands: read settings, load knowledge, start the bot.

`sanctuary-bot run` long-polls; `run --webhook` serves a webhook behind a reverse proxy.
Ctrl-C and SIGTERM stop it cleanly; SIGHUP reloads the knowledge base. python-telegram-bot
is imported only when one of these commands runs, so `ask` and `chat` start fast.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import secrets
import sqlite3
import sys
from typing import Any

from bot.settings import Settings, SettingsError


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = commands.add_parser(
        "run",
        help="run the Telegram bot (long polling, or --webhook behind a reverse proxy)",
        description="Run the Telegram bot. Settings come from the environment and .env.",
    )
    run.add_argument("--webhook", action="store_true", help="serve a webhook instead of polling")
    run.add_argument("--listen", metavar="ADDR", help="webhook listen address (WEBHOOK_LISTEN)")
    run.add_argument("--port", type=int, metavar="N", help="webhook port (WEBHOOK_PORT)")
    run.add_argument("--url", metavar="URL", help="public webhook URL (WEBHOOK_URL)")
    run.set_defaults(handler=run_command)

    health = commands.add_parser(
        "health",
        help="exit 0 if the bot is healthy (for a container HEALTHCHECK), else 1 with a reason",
        description="Check that the knowledge base loads and the running bot is alive.",
    )
    health.add_argument(
        "--webhook", action="store_true", help="ask the webhook server's /healthz instead"
    )
    health.add_argument("--max-age", type=float, default=90.0, metavar="SECONDS",
                        help="oldest acceptable heartbeat (default 90)")  # fmt: skip
    health.set_defaults(handler=health_command)


def _fail(message: str, code: int) -> int:
    print(f"sanctuary-bot: error: {message}", file=sys.stderr)
    return code


def run_command(args: argparse.Namespace) -> int:
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        return _fail(str(error), 2)
    url = args.url or settings.webhook_url
    if args.webhook and not url.startswith(("https://", "http://")):
        return _fail("--webhook needs WEBHOOK_URL (or --url), the public https:// URL", 2)

    from bot.logging_setup import setup_logging
    from bot.telegram.app import build_application
    from bot.telegram.ratelimit import ChatRateLimiter
    from bot.telegram.reload import LiveKnowledge

    secret = settings.webhook_secret or secrets.token_urlsafe(32)
    # Opt in to PTB's timedelta durations: otherwise every 429 (RetryAfter) warns.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    setup_logging(settings.log_level, secrets=(settings.token, secret))
    knowledge = LiveKnowledge(settings.knowledge_dir)
    result = knowledge.load_now()
    if not result.ok:
        for line in result.problems:
            print(line, file=sys.stderr)
        return _fail(f"the knowledge base in {knowledge.directory} does not load", 1)
    try:
        stats = _open_stats(settings)
    except (OSError, sqlite3.Error) as error:
        return _fail(f"cannot open SANCTUARY_STATS ({type(error).__name__})", 1)
    limiter = ChatRateLimiter(retry_for=settings.retry_for)
    application = build_application(settings, knowledge, stats=stats, rate_limiter=limiter)
    mode: dict[str, Any] = {"webhook": args.webhook}
    if args.webhook:
        mode.update(listen=args.listen or settings.webhook_listen,
                    port=args.port or settings.webhook_port, url=url, secret=secret)  # fmt: skip
    return _serve(application, settings, mode)


def _serve(application: Any, settings: Settings, mode: dict[str, Any]) -> int:
    """Run the bot until it stops. Every way out is one line on stderr and an exit status:
    2 for what a restart cannot fix (the token), 1 for the rest, so that systemd or compose
    restarts the bot."""
    from telegram.error import InvalidToken, TelegramError

    from bot.telegram.runner import PollingStoppedError
    from bot.telegram.runner import main as run_bot
    from bot.telegram.webhook import ListenError

    try:
        asyncio.run(run_bot(application, settings, mode))
    except InvalidToken:
        return _fail("Telegram rejected TELEGRAM_BOT_TOKEN", 2)
    except PollingStoppedError as error:
        return _fail(f"polling for updates stopped ({error})", 1)
    except ListenError as error:
        return _fail(str(error), 1)
    except TelegramError as error:
        return _fail(f"cannot reach the Bot API ({type(error).__name__})", 1)
    except OSError as error:
        doing = "listen for the webhook" if mode["webhook"] else "reach the Bot API"
        return _fail(f"cannot {doing} ({type(error).__name__})", 1)
    except Exception as error:  # the log has the frames (without messages); stderr one line
        logging.getLogger(__name__).error("The bot stopped", exc_info=error)
        return _fail(f"the bot stopped on an unexpected {type(error).__name__}", 1)
    return 0


def _open_stats(settings: Settings) -> Any:
    if settings.stats_path is None:
        return None
    from bot.stats import StatsRecorder

    return StatsRecorder.open(settings.stats_path)


def health_command(args: argparse.Namespace) -> int:
    from bot.telegram.health import check_endpoint, check_heartbeat, check_knowledge

    try:
        settings = Settings.from_env(require_token=False)
    except SettingsError as error:
        return _fail(str(error), 1)
    # Health is whether the running bot answers: its heartbeat, or its /healthz. Knowledge
    # files on disk that do not load are a warning only: the running bot keeps its last good
    # data, and restarting it would only stop it.
    if args.webhook:
        host = settings.webhook_listen
        if host in ("0.0.0.0", "::", ""):  # noqa: S104 - listening everywhere: ask locally
            host = "127.0.0.1"
        reason = check_endpoint(f"http://{host}:{settings.webhook_port}/healthz")
    else:
        reason = check_heartbeat(settings.health_file, args.max_age)
    logging.disable(logging.CRITICAL)  # one line of output, whatever the loader logs
    try:
        disk = check_knowledge(settings.knowledge_dir)
    finally:
        logging.disable(logging.NOTSET)
    if disk is not None:
        print(f"warning: {disk}", file=sys.stderr)
    if reason is not None:
        print(f"unhealthy: {reason}", file=sys.stderr)
        return 1
    print("healthy")
    return 0
