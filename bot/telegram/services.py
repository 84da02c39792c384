"""The shared services every handler reads from `bot_data`, and the caller's language."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import ContextTypes

from bot.engine import normalize_language
from bot.telegram.memory import ConversationMemory

if TYPE_CHECKING:
    from bot.telegram.flood import FloodGuard
    from bot.telegram.keyboards import CallbackCodec
    from bot.telegram.reload import KnowledgeService

log = logging.getLogger(__name__)

SERVICES_KEY = "services"


@dataclass
class Services:
    knowledge: KnowledgeService
    codec: CallbackCodec
    flood: FloodGuard
    admins: frozenset[int] = frozenset()
    stats: Any = None  # bot.stats.StatsRecorder when SANCTUARY_STATS is set
    question_limit: int = 1000  # longer questions are cut before the engine sees them
    memory: ConversationMemory = field(default_factory=ConversationMemory)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.bot_data[SERVICES_KEY]  # type: ignore[no-any-return]


def _user_id(update: object) -> int | None:
    user = update.effective_user if isinstance(update, Update) else None
    return user.id if user else None


def _chat_id(update: object) -> int | None:
    chat = update.effective_chat if isinstance(update, Update) else None
    return chat.id if chat else None


def remember_language(update: object, context: ContextTypes.DEFAULT_TYPE, code: str) -> None:
    """/language: kept in bounded memory only, never on disk."""
    services(context).memory.languages.set(_user_id(update), code)


def caller_language(update: object, context: ContextTypes.DEFAULT_TYPE) -> str | None:
    """The caller's language for free text: /language, else Telegram's language_code when it
    is English or Spanish; None lets the engine detect the question's language."""
    chosen = services(context).memory.languages.get(_user_id(update))
    if chosen is not None:
        return chosen
    user = update.effective_user if isinstance(update, Update) else None
    return normalize_language(user.language_code if user else None)


def user_language(update: object, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The caller's language for the bot's own messages: English unless known otherwise."""
    return caller_language(update, context) or "en"


def last_place(update: object, context: ContextTypes.DEFAULT_TYPE) -> str | None:
    """The place this chat's follow-up questions refer to."""
    return services(context).memory.last_places.get(_chat_id(update))


def remember_place(update: object, context: ContextTypes.DEFAULT_TYPE, place: str | None) -> None:
    services(context).memory.last_places.set(_chat_id(update), place)


async def record_answer(context: ContextTypes.DEFAULT_TYPE, answer: Any) -> None:
    """Count an answer in the anonymous statistics, if on; never fails a reply."""
    recorder = services(context).stats
    if recorder is None:
        return
    try:
        await asyncio.to_thread(recorder.record, answer)
    except Exception as error:  # statistics must never cost a user an answer
        log.warning("Statistics not recorded: %s", type(error).__name__)
