"""Inline mode: `@BotName denver` in any chat offers answer cards for the best matches."""

from __future__ import annotations

from telegram import (
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.answer.model import Answer, Kind
from bot.answer.render import shorten
from bot.knowledge.model import KnowledgeBase, PlaceType
from bot.telegram.send import answer_markup, answer_parts
from bot.telegram.services import ready_engine, user_language

RESULTS = 8
CACHE_SECONDS = 300  # knowledge changes rarely; Telegram caches per query text and user
QUERY_LIMIT = 256  # Telegram's own limit on inline query text
_IN_A_STATE = frozenset({PlaceType.CITY, PlaceType.COUNTY})  # titled "Denver, CO"


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def title_of(answer: Answer, knowledge: KnowledgeBase) -> str:
    """A card's title: the place ("Denver, CO"; a state by its name), the topic's question,
    or the answer's first sentence."""
    if len(answer.places) == 1:
        place = answer.places[0]
        city_like = place.state and place.type in _IN_A_STATE
        return _one_line(f"{place.name}, {place.state}" if city_like else place.name, 64)
    if answer.topic and answer.topic in knowledge.topics:
        return _one_line(knowledge.topics[answer.topic].question.get(answer.language), 64)
    return _one_line(answer.bottom_line.split(". ")[0] or "…", 64)


def card(
    answer: Answer, index: int, knowledge: KnowledgeBase, context: ContextTypes.DEFAULT_TYPE
) -> InlineQueryResultArticle:
    """One answer as an inline result: title, one-line description, the answer as message."""
    key = answer.places[0].id if len(answer.places) == 1 else answer.topic or answer.kind
    return InlineQueryResultArticle(
        id=f"{index}-{key}"[:64],
        title=title_of(answer, knowledge),
        description=_one_line(answer.bottom_line, 120),
        input_message_content=InputTextMessageContent(
            # Cards are mostly shared into groups: the short form, as a group reply would be.
            answer_parts(shorten(answer))[0],
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        reply_markup=answer_markup(answer, context),
    )


# Not flood-guarded: inline queries come with every keystroke, Telegram throttles them itself,
# and the results are cached; they must not use up a person's budget for questions.
async def answer_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer cards for the best matches; an empty query offers the most asked-about places."""
    query = update.inline_query
    if query is None:
        return
    engine = await ready_engine(update, context)
    if engine is None:
        return
    language = user_language(update, context)
    answers = engine.suggest(query.query.strip()[:QUERY_LIMIT], language, RESULTS)
    answers = [answer for answer in answers if answer.kind != Kind.NOT_UNDERSTOOD][:RESULTS]
    results = [
        card(answer, index, engine.knowledge, context) for index, answer in enumerate(answers)
    ]
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=True)
