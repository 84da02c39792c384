"""Telegram's flood limits, and retries of transient failures, for every request but getUpdates.

AIORateLimiter throttles the whole bot (about 30 messages a second) and each group
(20 a minute) and retries after a 429 with its `retry_after`. Telegram also asks for about
one message a second in any one chat; this subclass adds that for private chats, with a
small burst so an answer split into two or three messages is not held back.

Every request the bot makes, except getUpdates, passes through here, so this is also the
one place where transient failures are retried: a 5xx answer, a network error (connect,
read, timeout) or a 429 beyond AIORateLimiter's own retries is tried again with
exponential backoff and jitter, until `retry_for` seconds have passed since the first
attempt. A short outage of the Bot API therefore delays answers instead of losing them.
A timeout can mean that Telegram did deliver the message: the retry may then repeat it,
which is better than an answer lost for good.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)
MAX_RETRIES = 3  # AIORateLimiter's own retries after a 429, before ours
RETRY_FOR = 120.0  # seconds a failing request keeps being retried
FIRST_BACKOFF = 0.5
MAX_BACKOFF = 10.0

Result = bool | dict[str, Any] | list[dict[str, Any]]


def is_transient(error: BaseException) -> bool:
    """A failure that may go away on its own: 5xx, network error, timeout, 429."""
    if isinstance(error, RetryAfter):
        return True
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


def backoff(attempt: int, first: float = FIRST_BACKOFF, most: float = MAX_BACKOFF) -> float:
    """Seconds before retry number `attempt` (1, 2, …): doubling, capped, with full jitter
    on the upper half so that many waiting requests do not all retry at the same moment."""
    ceiling = min(most, first * 2 ** (attempt - 1))
    return random.uniform(ceiling / 2, ceiling)  # noqa: S311 - jitter, not a secret


def retry_after_seconds(error: RetryAfter) -> float:
    """How long Telegram asked to wait, plus a little."""
    value: Any = error.retry_after
    seconds = value.total_seconds() if isinstance(value, timedelta) else float(value)
    return seconds + 0.1


class ChatRateLimiter(AIORateLimiter):
    def __init__(
        self,
        *,
        chat_max_rate: float = 3,
        chat_time_period: float = 3,
        max_retries: int = MAX_RETRIES,
        retry_for: float = RETRY_FOR,
        first_backoff: float = FIRST_BACKOFF,
        max_backoff: float = MAX_BACKOFF,
        **limits: float,
    ) -> None:
        super().__init__(max_retries=max_retries, **limits)
        self._chat_max_rate = chat_max_rate
        self._chat_time_period = chat_time_period
        self._chat_limiters: dict[int, AsyncLimiter] = {}
        self.retry_for = retry_for
        self._first_backoff = first_backoff
        self._max_backoff = max_backoff

    def _chat_limiter(self, chat_id: int) -> AsyncLimiter:
        if len(self._chat_limiters) > 1024:  # forget chats that have been quiet
            for key, limiter in list(self._chat_limiters.items()):
                if limiter.has_capacity(limiter.max_rate):
                    del self._chat_limiters[key]
        if chat_id not in self._chat_limiters:
            self._chat_limiters[chat_id] = AsyncLimiter(self._chat_max_rate, self._chat_time_period)
        return self._chat_limiters[chat_id]

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        """Send with the flood limits; retry transient failures until `retry_for` is spent."""
        started = time.monotonic()
        attempt = 0
        while True:
            try:
                return await self._limited(callback, args, kwargs, endpoint, data, rate_limit_args)
            except (NetworkError, RetryAfter) as error:
                if not is_transient(error):
                    raise
                attempt += 1
                if isinstance(error, RetryAfter):
                    delay = retry_after_seconds(error)
                else:
                    delay = backoff(attempt, self._first_backoff, self._max_backoff)
                if time.monotonic() - started + delay > self.retry_for:
                    log.warning("%s failed after %d attempt(s): %s",
                                endpoint, attempt, type(error).__name__)  # fmt: skip
                    raise
                log.info("%s failed (%s); retry %d in %.1f s",
                         endpoint, type(error).__name__, attempt, delay)  # fmt: skip
                await asyncio.sleep(delay)

    async def _limited(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        chat_id = data.get("chat_id")
        if isinstance(chat_id, str) and chat_id.isdigit():
            chat_id = int(chat_id)
        if not (isinstance(chat_id, int) and chat_id > 0 and self._chat_max_rate):
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
        async with self._chat_limiter(chat_id):
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
