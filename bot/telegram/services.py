"""The shared services every handler reads from `bot_data`, the caller's language, and the
one "is the engine ready?" guard."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import Application, ContextTypes, ExtBot, JobQueue

from bot.answer.model import Answer
from bot.engine import normalize_language
from bot.engine_api import AnswerEngine
from bot.telegram import texts
from bot.telegram.memory import ConversationMemory

if TYPE_CHECKING:
    from bot.stats import StatsRecorder
    from bot.telegram.flood import FloodGuard
    from bot.telegram.keyboards import CallbackCodec
    from bot.telegram.reload import LiveKnowledge

log = logging.getLogger(__name__)

SERVICES_KEY = "services"

# The Application that `Application.builder()...build()` returns, spelled out once for mypy.
BotApplication = Application[
    ExtBot[None],
    ContextTypes.DEFAULT_TYPE,
    dict[Any, Any],
    dict[Any, Any],
    dict[Any, Any],
    JobQueue[ContextTypes.DEFAULT_TYPE],
]


@dataclass
class Services:
    live: LiveKnowledge
    codec: CallbackCodec
    flood: FloodGuard
    admins: frozenset[int] = frozenset()
    stats: StatsRecorder | None = None  # only when SANCTUARY_STATS is set
    question_limit: int = 1000  # longer questions are cut before the engine sees them
    memory: ConversationMemory = field(default_factory=ConversationMemory)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    svc: Services = context.bot_data[SERVICES_KEY]
    return svc


def app_services(application: BotApplication) -> Services | None:
    """The services outside a handler (start-up, shutdown, health); None before they are set."""
    svc: Services | None = application.bot_data.get(SERVICES_KEY)
    return svc


async def ready_engine(update: Update, context: ContextTypes.DEFAULT_TYPE) -> AnswerEngine | None:
    """The engine to answer with, or None after telling the user the bot is starting up.

    Taken once per update: a reload may swap the live engine while a handler runs.
    """
    engine = services(context).live.engine
    if engine is not None:
        return engine
    language = user_language(update, context)
    if update.inline_query is not None:
        await update.inline_query.answer([], cache_time=5, is_personal=True)
    elif update.callback_query is not None:
        await update.callback_query.answer(texts.text("not_ready", language))
    elif update.effective_message is not None:
        await update.effective_message.reply_text(texts.html("not_ready", language))
    return None


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


async def record_answer(context: ContextTypes.DEFAULT_TYPE, answer: Answer) -> None:
    """Count an answer in the anonymous statistics, if on; never fails a reply."""
    recorder = services(context).stats
    if recorder is None:
        return
    try:
        await asyncio.to_thread(recorder.record, answer)
    except Exception as error:  # statistics must never cost a user an answer
        log.warning("Statistics not recorded: %s", type(error).__name__)
