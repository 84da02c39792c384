"""What the bot remembers about a conversation: in memory only, bounded and forgetful.

python-telegram-bot's `user_data` and `chat_data` keep an entry for every user and chat that
ever wrote, for as long as the process runs. The bot needs far less: a language someone chose
with /language, and the place a chat's follow-up question refers to. Both live here, capped
in size and forgotten after a while, so memory does not grow with every person who asks.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable


class ExpiringMemory:
    """A small least-recently-used map whose entries are forgotten after `ttl` seconds."""

    def __init__(
        self, max_items: int, ttl: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._items: OrderedDict[int, tuple[float, str]] = OrderedDict()
        self._max_items = max_items
        self._ttl = ttl
        self._clock = clock

    def get(self, key: int | None) -> str | None:
        if key is None or key not in self._items:
            return None
        stored_at, value = self._items[key]
        if self._clock() - stored_at > self._ttl:
            del self._items[key]
            return None
        return value

    def set(self, key: int | None, value: str | None) -> None:
        """Remember `value` for `key`; None forgets it."""
        if key is None:
            return
        self._items.pop(key, None)
        if value is None:
            return
        self._items[key] = (self._clock(), value)
        while len(self._items) > self._max_items:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


LANGUAGE_TTL = 30 * 24 * 3600.0  # a /language choice lasts a month of silence
FOLLOW_UP_TTL = 3600.0  # "what did the mayor say?" an hour later is a new conversation
MAX_PEOPLE = 50_000  # beyond this many, the least recently seen are forgotten first


class ConversationMemory:
    """Per user: the /language choice. Per chat: the last place answered about."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.languages = ExpiringMemory(MAX_PEOPLE, LANGUAGE_TTL, clock)
        self.last_places = ExpiringMemory(MAX_PEOPLE, FOLLOW_UP_TTL, clock)
