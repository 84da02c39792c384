"""Command and message handlers: each turns an update into an engine call and a reply.

No handler logs or stores what a user wrote, nor who they are; user text is never echoed
back. Commands and questions run through the flood guard.
"""

from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.ext import ContextTypes, filters

from bot.answer.model import Answer
from bot.conversation import follow_up_context
from bot.telegram import texts
from bot.telegram.flood import flood_guarded
from bot.telegram.keyboards import language_keyboard
from bot.telegram.send import reply_answer
from bot.telegram.services import (
    caller_language,
    last_place,
    ready_engine,
    record_answer,
    remember_place,
    services,
    user_language,
)


class _AddressedToBot(filters.MessageFilter):
    """A group message that @mentions this bot or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        try:
            return self._addressed(message)
        except Exception:  # a malformed message is not addressed to us
            return False

    @staticmethod
    def _addressed(message: Message) -> bool:
        sender = message.from_user
        if sender is None or sender.is_bot:
            return False
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied and replied.from_user and replied.from_user.id == bot.id:
            return not replied.forum_topic_created
        username = (bot.username or "").lower()
        for entity, value in message.parse_entities(
            [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
        ).items():
            if entity.type == MessageEntity.MENTION and value[1:].lower() == username:
                return True
            if entity.user is not None and entity.user.id == bot.id:
                return True
        return False


ADDRESSED = _AddressedToBot(name="AddressedToBot")
NEW_MESSAGE = filters.UpdateType.MESSAGE & ~filters.VIA_BOT
PRIVATE_QUESTION = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND & NEW_MESSAGE
GROUP_QUESTION = filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND & NEW_MESSAGE & ADDRESSED
PRIVATE_UNKNOWN_COMMAND = filters.ChatType.PRIVATE & filters.COMMAND & NEW_MESSAGE
PRIVATE_NON_TEXT = (
    filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL & NEW_MESSAGE
)


def _in_group(message: Message) -> bool:
    return message.chat.type != message.chat.PRIVATE


async def _reply(update: Update, context: ContextTypes.DEFAULT_TYPE, answer: Answer) -> None:
    message = update.effective_message
    if message is not None:
        await reply_answer(message, answer, context, quote=_in_group(message))


async def _answer_question(
    update: Update, context: ContextTypes.DEFAULT_TYPE, question: str, language: str | None
) -> None:
    engine = await ready_engine(update, context)
    if engine is None:
        return
    question = question[: services(context).question_limit]
    previous = last_place(update, context)
    if question.strip():
        # A follow-up ("what did the mayor say?") is about this chat's last place: kept in
        # bounded memory only, like everything else about a conversation.
        answer = engine.answer(question, language, previous=previous)
    else:
        answer = engine.help(language or user_language(update, context))
    remember_place(update, context, follow_up_context(answer, previous))
    await _reply(update, context, answer)
    await record_answer(context, answer)


@flood_guarded
async def start_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome with example questions; a deep-link payload (/start denver) answers that place."""
    engine = await ready_engine(update, context)
    if engine is None:
        return
    language = user_language(update, context)
    payload = context.args[0] if context.args else ""
    if not payload:
        await _reply(update, context, engine.help(language))
        return
    if payload in engine.knowledge.jurisdictions:
        answer = engine.place(payload, language)
        remember_place(update, context, payload)
        await _reply(update, context, answer)
        await record_answer(context, answer)
        return
    await _answer_question(update, context, re.sub(r"[-_]+", " ", payload), language)


@flood_guarded
async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask, with example questions as buttons."""
    engine = await ready_engine(update, context)
    if engine is not None:
        await _reply(update, context, engine.help(user_language(update, context)))


@flood_guarded
async def city_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer about the place named after /city."""
    name = " ".join(context.args or ())
    if not name and update.effective_message:
        language = user_language(update, context)
        await update.effective_message.reply_text(texts.html("city_usage", language))
        return
    await _answer_question(update, context, name, user_language(update, context))


@flood_guarded
async def list_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List covered places by stance, optionally in one state (/list CA)."""
    engine = await ready_engine(update, context)
    if engine is None:
        return
    state = " ".join(context.args or ()).strip()[:40] or None
    if state and len(state) == 2:
        state = state.upper()
    await _reply(update, context, engine.list_places(state, user_language(update, context)))


@flood_guarded
async def topics_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the general questions the bot can answer."""
    engine = await ready_engine(update, context)
    if engine is not None:
        await _reply(update, context, engine.topics_overview(user_language(update, context)))


@flood_guarded
async def sources_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List every source the knowledge base cites."""
    engine = await ready_engine(update, context)
    if engine is not None:
        await _reply(update, context, engine.sources_overview(user_language(update, context)))


@flood_guarded
async def about_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what the data is, how old, that it is not legal advice, and the privacy promise."""
    engine = await ready_engine(update, context)
    if engine is not None:
        await _reply(update, context, engine.about(user_language(update, context)))


@flood_guarded
async def language_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer English / Español buttons."""
    if update.effective_message:
        await update.effective_message.reply_text(
            texts.html("language_prompt", user_language(update, context)),
            reply_markup=language_keyboard(services(context).codec),
            do_quote=_in_group(update.effective_message),
        )


@flood_guarded
async def ask_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer free text: any private message, or a group message addressed to the bot."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    question = message.text
    if _in_group(message):
        username = message.get_bot().username or ""
        question = re.sub(rf"@{re.escape(username)}\b", " ", question, flags=re.IGNORECASE)
    await _answer_question(update, context, question.strip(), caller_language(update, context))


@flood_guarded
async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Point to /help after a command the bot does not have (private chats only)."""
    if update.effective_message:
        await update.effective_message.reply_text(
            texts.html("unknown_command", user_language(update, context))
        )


@flood_guarded
async def hint_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tell a private sender of a sticker, photo, voice note or location to write instead."""
    if update.effective_message:
        await update.effective_message.reply_text(
            texts.html("non_text", user_language(update, context))
        )
