"""Inline keyboard buttons: every callback query is answered, then acted on.

"Sources", "More quotes" and "Back" change the message they sit under; the other buttons
(a place, a topic, a state list, an example question) send a new answer, except under an
inline-mode message, which can only be edited.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.conversation import follow_up_context
from bot.telegram import texts
from bot.telegram.flood import flood_guarded
from bot.telegram.send import edit_answer, reply_answer
from bot.telegram.services import (
    last_place,
    record_answer,
    remember_language,
    remember_place,
    services,
    user_language,
)

_IN_PLACE = {"sources": "sources", "quotes": "quotes", "back": "answer"}


def _known(engine: object, kind: str, payload: str) -> bool:
    """Whether the id a button names exists for the engine that will answer it (a reload may
    have removed it)."""
    knowledge = getattr(engine, "knowledge", None)
    if knowledge is None:
        return False
    if kind in ("place", "sources", "quotes", "back"):
        return payload in knowledge.jurisdictions
    if kind == "topic":
        return payload in knowledge.topics
    return bool(payload)


@flood_guarded
async def press_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the callback query, then show what the pressed button asks for."""
    query = update.callback_query
    if query is None:
        return
    decoded = services(context).codec.decode(query.data)
    kind, _, payload = decoded[0].partition(":") if decoded else ("", "", "")
    engine = services(context).knowledge.engine  # taken once: a reload may swap it meanwhile
    if decoded is None or not (kind == "lang" or _known(engine, kind, payload)):
        await query.answer(texts.text("expired", user_language(update, context)))
        return
    language = decoded[1]
    if kind == "lang":
        remember_language(update, context, payload)
        await query.answer(texts.text("language_set", payload))
        await query.edit_message_text(texts.html("language_set", payload))
        return
    await query.answer()
    if kind in _IN_PLACE:
        if kind == "sources":
            answer = engine.place_sources(payload, language)
        else:
            answer = engine.place(payload, language, all_quotes=kind == "quotes")
        await edit_answer(query, answer, context, view=_IN_PLACE[kind])
        return
    if kind == "place":
        answer = engine.place(payload, language)
    elif kind == "topic":
        answer = engine.topic(payload, language)
    elif kind == "list":
        answer = engine.list_places(None if payload.upper() == "ALL" else payload, language)
    else:  # "ask": an example question
        answer = engine.answer(payload, language)
    # A follow-up question is now about this answer.
    remember_place(update, context, follow_up_context(answer, last_place(update, context)))
    message = query.message if isinstance(query.message, Message) else None
    if message is None:
        await edit_answer(query, answer, context, view="answer")
    else:
        await reply_answer(message, answer, context, quote=message.chat.type != "private")
    if kind in ("place", "ask"):
        await record_answer(context, answer)
