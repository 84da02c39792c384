"""Logging that never identifies a person and never shows the bot token.

Three layers:
1. the bot's own code never logs message text, names or ids (tests check it);
2. third-party loggers (python-telegram-bot logs request parameters at DEBUG, httpx logs
   URLs holding the token at INFO) are capped at WARNING whatever LOG_LEVEL says;
3. `PrivacyFilter`, applied to every record as it is created (a log record factory, so
   any handler sees only the cleaned record) and again on the handler: third-party
   records keep their message template but lose their arguments (an exception argument
   shows only its type); every record has token-shaped strings, long digit runs (ids,
   phone numbers) and @usernames redacted; a traceback keeps its frames and exception
   types but drops exception messages.
An exception nobody caught goes through the same filter (sys.excepthook), so no raw
traceback with its messages reaches stderr.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from collections.abc import Callable, Iterable
from typing import IO, Any

THIRD_PARTY = ("telegram", "httpx", "httpcore", "apscheduler", "tornado", "aiolimiter", "hpack")
OWN = ("bot", "__main__")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_TOKEN = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,64}")
_PHONE = re.compile(r"\+\d[\d ().-]{6,}\d")
_DIGITS = re.compile(r"(?<![\w.])-?\d{6,}(?![\w.])")
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z]\w{3,31}")


class PrivacyFilter(logging.Filter):
    """Redacts what could identify a person, and the token, from every record it sees."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_privacy_checked", False):
            return True
        own = record.name in OWN or record.name.startswith(tuple(f"{n}." for n in OWN))
        message = record.getMessage() if own else _template_only(record)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redact(format_exception_safely(record.exc_info[1]))
        record.exc_info = None  # no handler may format the raw exception (its message)
        record.stack_info = None
        record._privacy_checked = True
        return True

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "<secret>")
        text = _TOKEN.sub("<token>", text)
        text = _PHONE.sub("<number>", text)
        text = _DIGITS.sub("<number>", text)
        return _HANDLE.sub("@<user>", text)


def _template_only(record: logging.LogRecord) -> str:
    """A third-party record's message with each argument replaced by a harmless stand-in."""
    if not record.args:
        return str(record.msg)
    args = record.args if isinstance(record.args, tuple) else (record.args,)
    safe = tuple(type(a).__name__ if isinstance(a, BaseException) else "…" for a in args)
    template = re.sub(
        r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]", "%s", str(record.msg)
    )
    try:
        return template % safe
    except (TypeError, ValueError):
        return str(record.msg)


def format_exception_safely(error: BaseException) -> str:
    """A traceback with frames and exception types, without exception messages (user text)."""
    lines: list[str] = []
    for exc in _chain(error):
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_tb(exc.__traceback__))
        lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}\n")
    return "".join(lines).rstrip("\n")


def _chain(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return chain[::-1]


def _log_uncaught(kind: type[BaseException], error: BaseException, tb: Any) -> None:
    """sys.excepthook: an uncaught exception, logged through the privacy filter."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    logging.getLogger("bot").critical("Uncaught %s", kind.__name__, exc_info=(kind, error, tb))


_installed: list[logging.Handler] = []
_factory: list[Callable[..., logging.LogRecord]] = []  # the record factory we replaced


def setup_logging(
    level: str = "INFO", *, secrets: Iterable[str] = (), stream: IO[str] | None = None
) -> logging.Handler:
    """Send logs to `stream` (stderr) through a PrivacyFilter; cap third-party loggers."""
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        numeric = logging.INFO
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    privacy = PrivacyFilter(secrets)
    handler.addFilter(privacy)
    if not _factory:
        _factory.append(logging.getLogRecordFactory())
    make_record = _factory[0]

    def clean_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        privacy.filter(record)
        return record

    logging.setLogRecordFactory(clean_record)
    sys.excepthook = _log_uncaught
    root = logging.getLogger()
    for old in _installed:
        root.removeHandler(old)
    _installed[:] = [handler]
    root.addHandler(handler)
    root.setLevel(numeric)
    for name in THIRD_PARTY:
        logging.getLogger(name).setLevel(max(logging.WARNING, numeric))
    return handler


def teardown_logging() -> None:
    """Remove the handler setup_logging installed (tests; a second run in one process)."""
    root = logging.getLogger()
    for old in _installed:
        root.removeHandler(old)
    _installed.clear()
    sys.excepthook = sys.__excepthook__
    if _factory:
        logging.setLogRecordFactory(_factory.pop())
