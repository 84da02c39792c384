"""Inline keyboard buttons: every callback query is answered, then acted on.

"Sources", "More quotes", "History" and "Back" change the message they sit under; the other buttons
(a place, a topic, a state list, an example question) send a new answer, except under an
inline-mode message, which can only be edited.
"""

from __future__ import annotations

from telegram import CallbackQuery, Message, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.answer.action import ALL_PLACES, Action, Verb
from bot.answer.model import Answer
from bot.conversation import follow_up_context
from bot.engine_api import AnswerEngine
from bot.knowledge.model import KnowledgeBase
from bot.telegram import texts
from bot.telegram.flood import flood_guarded
from bot.telegram.send import edit_answer, reply_answer
from bot.telegram.services import (
    last_place,
    ready_engine,
    record_answer,
    remember_language,
    remember_place,
    services,
    user_language,
)

# Buttons that change the message they sit under, and the view they show.
_IN_PLACE = {
    Verb.SOURCES: "sources",
    Verb.QUOTES: "quotes",
    Verb.HISTORY: "history",
    Verb.BACK: "answer",
}
# Buttons whose answer counts in the statistics (a person asked about a place or a question).
_RECORDED = frozenset({Verb.PLACE, Verb.ASK})


def _known(knowledge: KnowledgeBase, action: Action) -> bool:
    """Whether the id a button names exists for the engine that will answer it (a reload may
    have removed it)."""
    if action.about_place:
        return action.payload in knowledge.jurisdictions
    if action.verb is Verb.TOPIC:
        return action.payload in knowledge.topics
    return True


def _answer_for(engine: AnswerEngine, action: Action, language: str) -> Answer:
    """The answer a button asks for (any verb but LANGUAGE)."""
    payload = action.payload
    match action.verb:
        case Verb.PLACE | Verb.BACK:
            return engine.place(payload, language)
        case Verb.QUOTES:
            return engine.place(payload, language, all_quotes=True)
        case Verb.SOURCES:
            return engine.place_sources(payload, language)
        case Verb.HISTORY:
            return engine.history(payload, language)
        case Verb.TOPIC:
            return engine.topic(payload, language)
        case Verb.LIST:
            return engine.list_places(None if payload == ALL_PLACES else payload, language)
        case Verb.ASK:
            return engine.answer(payload, language)
    raise ValueError(f"{action.verb} buttons have no answer")


async def _set_language(
    update: Update, context: ContextTypes.DEFAULT_TYPE, query: CallbackQuery, language: str
) -> None:
    remember_language(update, context, language)
    await query.answer(texts.text("language_set", language))
    await query.edit_message_text(texts.html("language_set", language))


async def _show_new(
    update: Update, context: ContextTypes.DEFAULT_TYPE, query: CallbackQuery, answer: Answer
) -> None:
    """Send the answer as a new message; under an inline-mode message, which has no chat the
    bot can write to, edit that message instead."""
    # A follow-up question is now about this answer.
    remember_place(update, context, follow_up_context(answer, last_place(update, context)))
    message = query.message if isinstance(query.message, Message) else None
    if message is None:
        await edit_answer(query, answer, context, view="answer")
    else:
        await reply_answer(message, answer, context, quote=message.chat.type != ChatType.PRIVATE)


@flood_guarded
async def press_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the callback query, then show what the pressed button asks for."""
    query = update.callback_query
    if query is None:
        return
    pressed = services(context).codec.decode(query.data)
    if pressed is not None and pressed.action.verb is Verb.LANGUAGE:
        await _set_language(update, context, query, pressed.action.payload)
        return
    engine = await ready_engine(update, context)
    if engine is None:
        return
    if pressed is None or not _known(engine.knowledge, pressed.action):
        await query.answer(texts.text("expired", user_language(update, context)))
        return
    # Telegram shows a spinner on the button until the query is answered: answer first.
    await query.answer()
    action, language = pressed
    answer = _answer_for(engine, action, language)
    if action.verb in _IN_PLACE:
        await edit_answer(query, answer, context, view=_IN_PLACE[action.verb])
        return
    await _show_new(update, context, query, answer)
    if action.verb in _RECORDED:
        await record_answer(context, answer)
