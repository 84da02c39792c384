"""Telegram's flood limits: AIORateLimiter plus a limit per private chat.

AIORateLimiter throttles the whole bot (about 30 messages a second) and each group
(20 a minute) and retries after a 429 with its `retry_after`. Telegram also asks for about
one message a second in any one chat; this subclass adds that for private chats, with a
small burst so an answer split into two or three messages is not held back.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.ext import AIORateLimiter

MAX_RETRIES = 3


class ChatRateLimiter(AIORateLimiter):
    def __init__(
        self,
        *,
        chat_max_rate: float = 3,
        chat_time_period: float = 3,
        max_retries: int = MAX_RETRIES,
        **limits: float,
    ) -> None:
        super().__init__(max_retries=max_retries, **limits)
        self._chat_max_rate = chat_max_rate
        self._chat_time_period = chat_time_period
        self._chat_limiters: dict[int, AsyncLimiter] = {}

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
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
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
