"""The shared services every handler reads from `bot_data`, and the caller's language."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import ContextTypes

if TYPE_CHECKING:
    from bot.telegram.flood import FloodGuard
    from bot.telegram.keyboards import CallbackCodec
    from bot.telegram.reload import KnowledgeService

log = logging.getLogger(__name__)

SERVICES_KEY = "services"
LANGUAGE_KEY = "language"  # in context.user_data: memory only, never persisted


@dataclass
class Services:
    knowledge: KnowledgeService
    codec: CallbackCodec
    flood: FloodGuard
    admins: frozenset[int] = frozenset()
    stats: Any = None  # bot.stats.StatsRecorder when SANCTUARY_STATS is set
    question_limit: int = 1000  # longer questions are cut before the engine sees them


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.bot_data[SERVICES_KEY]  # type: ignore[no-any-return]


def user_language(update: object, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The language chosen with /language, else the caller's Telegram language (es* → es)."""
    chosen = context.user_data.get(LANGUAGE_KEY) if context.user_data is not None else None
    if chosen in ("en", "es"):
        return str(chosen)
    user = update.effective_user if isinstance(update, Update) else None
    code = (user.language_code or "") if user else ""
    return "es" if code.lower().startswith("es") else "en"


def caller_language(update: object, context: ContextTypes.DEFAULT_TYPE) -> str | None:
    """The caller's language for free text: /language, else Telegram's language_code when it
    is English or Spanish; None lets the engine detect the question's language."""
    chosen = context.user_data.get(LANGUAGE_KEY) if context.user_data is not None else None
    if chosen in ("en", "es"):
        return str(chosen)
    user = update.effective_user if isinstance(update, Update) else None
    code = ((user.language_code or "") if user else "").lower()
    return code[:2] if code[:2] in ("en", "es") else None


async def record_answer(context: ContextTypes.DEFAULT_TYPE, answer: Any) -> None:
    """Count an answer in the anonymous statistics, if on; never fails a reply."""
    recorder = services(context).stats
    if recorder is None:
        return
    try:
        await asyncio.to_thread(recorder.record, answer)
    except Exception as error:  # statistics must never cost a user an answer
        log.warning("Statistics not recorded: %s", type(error).__name__)
