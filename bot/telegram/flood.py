"""A per-user flood guard: one short "slow down", then silence until the cooldown ends.

Counts are kept in memory only, per user, and forgotten once a window and cooldown pass.
"""

from __future__ import annotations

import functools
import time
from collections import deque
from collections.abc import Callable, Coroutine
from enum import Enum
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot.settings import FloodLimits
from bot.telegram import texts
from bot.telegram.services import services, user_language


class Verdict(Enum):
    ALLOW = "allow"
    WARN = "warn"  # over the limit just now: tell them once
    SILENT = "silent"  # still cooling down: ignore


class FloodGuard:
    def __init__(self, limits: FloodLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._recent: dict[int, deque[float]] = {}
        self._muted_until: dict[int, float] = {}
        self._checks = 0

    def check(self, key: int) -> Verdict:
        now = self._clock()
        self._checks += 1
        if self._checks % 1024 == 0:
            self._forget_idle(now)
        if self._muted_until.get(key, 0.0) > now:
            return Verdict.SILENT
        self._muted_until.pop(key, None)
        recent = self._recent.setdefault(key, deque())
        while recent and recent[0] <= now - self.limits.window:
            recent.popleft()
        if len(recent) >= self.limits.messages:
            recent.clear()
            self._muted_until[key] = now + self.limits.cooldown
            return Verdict.WARN
        recent.append(now)
        return Verdict.ALLOW

    def _forget_idle(self, now: float) -> None:
        idle = [k for k, r in self._recent.items() if not r or r[-1] <= now - self.limits.window]
        for key in idle:
            if self._muted_until.get(key, 0.0) <= now:
                self._recent.pop(key, None)
                self._muted_until.pop(key, None)

    def __len__(self) -> int:
        return len(self._recent)


# A handler's shape; PTB's handler classes want a coroutine function, not any awaitable.
Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def flood_guarded(callback: Handler) -> Handler:
    """Run `callback` only while the sender is within the flood limits."""

    @functools.wraps(callback)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user = update.effective_user
        verdict = services(context).flood.check(user.id) if user else Verdict.ALLOW
        if verdict is Verdict.ALLOW:
            await callback(update, context)
            return
        query = update.callback_query
        language = user_language(update, context)
        if verdict is Verdict.WARN and query:
            await query.answer(texts.text("slow_down", language))
        elif verdict is Verdict.WARN and update.message:
            await update.message.reply_text(texts.html("slow_down", language))
        elif query:  # every callback is answered, even while silent
            await query.answer()
        # An inline query over the limit gets no answer: Telegram shows nothing.

    return guarded
