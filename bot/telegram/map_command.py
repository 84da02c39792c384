"""/map, /map STATE and "show me a map": the stance map as a photo, with a caption and a
button that lists the same places.

The picture is drawn once per knowledge base (bot.map.cache); once Telegram has it, later
sends re-use its file_id, so a repeated /map uploads nothing.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from telegram import Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes, filters

from bot.answer.action import ALL_PLACES, Action, Verb
from bot.answer.model import Choice
from bot.knowledge.model import KnowledgeBase
from bot.map.cache import MAPS
from bot.map.caption import button_label, map_caption, say
from bot.map.request import find_state, parse_map_request
from bot.telegram.flood import flood_guarded
from bot.telegram.keyboards import build_keyboard
from bot.telegram.services import caller_language, services, user_language

log = logging.getLogger(__name__)

FILE_IDS_KEY = "map_file_ids"  # bot_data: {"knowledge": the KnowledgeBase, "ids": {...}}
_MENTION = re.compile(r"@\w+")


def _without_mentions(text: str) -> str:
    return _MENTION.sub(" ", text)


class _MapRequestFilter(filters.MessageFilter):
    """Free text that asks for a map ("show me a map", "mapa de Texas")."""

    def filter(self, message: Message) -> bool:
        text = message.text or ""
        return bool(text) and parse_map_request(_without_mentions(text)) is not None


MAP_REQUEST = _MapRequestFilter(name="MapRequest")


@flood_guarded
async def map_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/map: the whole country; /map California, /map TX, /map Nueva York: one state."""
    message = update.effective_message
    if message is None:
        return
    language = user_language(update, context)
    name = " ".join(context.args or ()).strip()[:60]
    state = find_state(name) if name else None
    if name and state is None:  # the user's text is never echoed back
        await message.reply_text(say(language, "unknown_state"), do_quote=_in_group(message))
        return
    await send_map(message, context, state, language)


@flood_guarded
async def map_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text asking for a map (private chats; in groups only when addressed)."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    request = parse_map_request(_without_mentions(message.text))
    if request is None:
        return
    language = caller_language(update, context)
    if language is None:  # the caller's app language is unknown: the request's own words
        language = "es" if re.search(r"\bmapas?\b", message.text, re.IGNORECASE) else "en"
    await send_map(message, context, request.state, language)


def _in_group(message: Message) -> bool:
    return message.chat.type != message.chat.PRIVATE


async def send_map(
    message: Message, context: ContextTypes.DEFAULT_TYPE, state: str | None, language: str
) -> None:
    knowledge = services(context).live.knowledge
    if knowledge is None:
        await message.reply_text(say(language, "not_ready"))
        return
    caption = map_caption(knowledge, state, language)
    choice = Choice(
        button_label(knowledge, state, language), Action(Verb.LIST, state or ALL_PLACES)
    )
    markup = build_keyboard([choice], language, services(context).codec)
    file_ids = _file_ids(context, knowledge)
    key = f"{state or 'ALL'}:{language}"
    options: dict[str, Any] = {
        "caption": caption,
        "reply_markup": markup,
        "do_quote": _in_group(message),
    }
    if key in file_ids:
        try:
            await message.reply_photo(file_ids[key], **options)
            return
        except BadRequest:  # a file_id Telegram no longer knows: upload the bytes again
            log.warning("Cached map file_id refused; uploading the picture again")
            file_ids.pop(key, None)
    png = await asyncio.to_thread(MAPS.get, knowledge, state, language)
    sent = await message.reply_photo(png, filename="map.png", **options)
    if sent.photo:
        file_ids[key] = sent.photo[-1].file_id


def _file_ids(context: ContextTypes.DEFAULT_TYPE, knowledge: KnowledgeBase) -> dict[str, str]:
    """This bot's file_ids for the current knowledge base's maps (emptied by a reload)."""
    held = context.bot_data.get(FILE_IDS_KEY)
    if not held or held["knowledge"] is not knowledge:
        held = {"knowledge": knowledge, "ids": {}}
        context.bot_data[FILE_IDS_KEY] = held
    ids: dict[str, str] = held["ids"]
    return ids
