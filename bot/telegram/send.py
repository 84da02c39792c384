"""Deliver an Answer: render it as HTML, split it, attach its keyboard, send or edit.

Every knowledge string is escaped by the renderer; if Telegram still refused the markup
("can't parse entities"), the answer is sent again as escaped plain text, so a user never
sees that error.

Rendering and splitting run in a worker thread, never on the event loop: an oversized
knowledge text must not stall every other chat. An answer is at most `MAX_PARTS` messages.
A question that waited more than `LATE_AFTER` seconds (an outage, a backlog) is answered
with a short apology for the delay above the answer.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
from datetime import UTC, datetime

from telegram import CallbackQuery, InlineKeyboardMarkup, Message
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.answer.action import Action, Verb
from bot.answer.model import Answer, Choice
from bot.answer.render import compact, render_html, render_text, shorten
from bot.conversation import the_place
from bot.telegram.keyboards import build_keyboard, extra_choices
from bot.telegram.services import services
from bot.telegram.split import MESSAGE_LIMIT, split_html, utf16_len

log = logging.getLogger(__name__)
MAX_PARTS = 10  # messages in one answer, at most: a bigger one is cut, with a warning
LATE_AFTER = 60.0  # seconds a question waited before its answer says sorry for the delay
DELAY_NOTE = {"en": "Sorry for the delay.", "es": "Perdón por la demora."}


def _cut(rendered: str, what: str) -> str:
    """At most about MAX_PARTS messages of HTML, cut at a space or line break outside any
    tag (never inside an entity); the splitter closes tags left open."""
    budget = MAX_PARTS * MESSAGE_LIMIT
    if len(rendered) <= budget:
        return rendered
    log.warning(
        "An answer (%s) is %d characters; sending the first %d", what, len(rendered), budget
    )
    cut = max(rendered.rfind("\n", 0, budget), rendered.rfind(" ", 0, budget), 0) or budget
    if rendered.rfind("<", 0, cut) > rendered.rfind(">", 0, cut):
        cut = rendered.rfind("<", 0, cut)
    return rendered[:cut]


def _split(rendered: str, what: str) -> list[str]:
    return split_html(_cut(rendered, what))[:MAX_PARTS]


def render_answer(answer: Answer, *, late: bool = False) -> str:
    """The answer's HTML (fast: the splitting is what costs), with the delay note if late."""
    rendered = render_html(answer)
    if late:
        note = DELAY_NOTE.get(answer.language, DELAY_NOTE["en"])
        rendered = f"<i>{html.escape(note)}</i>\n\n{rendered}"
    return rendered


def answer_parts(answer: Answer, *, late: bool = False) -> list[str]:
    """The answer as one or more HTML messages of at most 4096 characters."""
    parts = _split(render_answer(answer, late=late), answer.kind)
    return parts or [html.escape(answer.bottom_line or "…")]


def plain_parts(answer: Answer) -> list[str]:
    """The fallback: plain text, escaped, in the same HTML parse mode."""
    return _split(html.escape(render_text(answer)), answer.kind) or ["…"]


async def build_parts(answer: Answer, *, late: bool = False) -> list[str]:
    """`answer_parts`, splitting in a worker thread when there is anything to split: a long
    answer takes the splitter up to a second, which must not stall every other chat."""
    rendered = render_answer(answer, late=late)
    if utf16_len(rendered) <= MESSAGE_LIMIT:
        parts = split_html(rendered)
    else:
        parts = await asyncio.to_thread(_split, rendered, answer.kind)
    return parts or [html.escape(answer.bottom_line or "…")]


def is_late(message: Message, now: datetime | None = None) -> bool:
    """A person's message that waited more than LATE_AFTER seconds for its answer."""
    sender = message.from_user
    if sender is None or sender.is_bot or not isinstance(message.date, datetime):
        return False
    waited = ((now or datetime.now(UTC)) - message.date).total_seconds()
    return waited > LATE_AFTER


def answer_markup(
    answer: Answer, context: ContextTypes.DEFAULT_TYPE, view: str = "answer"
) -> InlineKeyboardMarkup | None:
    """The answer's own choices, its example questions, then Sources / More quotes / state."""
    svc = services(context)
    choices = list(answer.choices)
    if not choices and answer.examples:
        choices = [Choice(example, Action(Verb.ASK, example)) for example in answer.examples]
    more_quotes = other_places = history = False
    pid = the_place(answer)
    knowledge = svc.live.knowledge
    if pid and knowledge is not None and (place := knowledge.jurisdictions.get(pid)):
        more_quotes = len(place.quotes) > len(answer.quotes)
        history = bool(place.events)
        other_places = any(
            other.state == place.state and other.id != pid
            for other in knowledge.jurisdictions.values()
        )
    choices += extra_choices(
        answer,
        more_quotes=more_quotes,
        other_places_in_state=other_places,
        view=view,
        history=history,
    )
    return build_keyboard(choices, answer.language, svc.codec)


def _is_parse_error(error: BadRequest) -> bool:
    return "parse entities" in error.message.lower()


async def reply_answer(
    message: Message,
    answer: Answer,
    context: ContextTypes.DEFAULT_TYPE,
    *,
    quote: bool = False,
    view: str = "answer",
) -> None:
    """Send `answer` to the chat of `message`; in groups, shorter, and quoting the question."""
    if message.chat.type != ChatType.PRIVATE:
        answer = shorten(answer)  # never flood a group: "Sources" and "More quotes" expand
    elif view == "answer":
        answer = compact(answer)  # about 1,000 characters; History and Sources expand
    markup = answer_markup(answer, context, view)
    parts = await build_parts(answer, late=is_late(message))
    await _send_parts(message, parts, markup, quote=quote)


async def _send_parts(
    message: Message, parts: list[str], markup: InlineKeyboardMarkup | None, *, quote: bool
) -> None:
    """Send each part; a part Telegram refuses as HTML goes again as plain text, alone (the
    parts already sent are not repeated)."""
    for index, part in enumerate(parts):
        do_quote = quote and index == 0
        reply_markup = markup if index == len(parts) - 1 else None
        try:
            await message.reply_text(part, do_quote=do_quote, reply_markup=reply_markup)
        except BadRequest as error:
            if not _is_parse_error(error):
                raise
            log.error("Telegram rejected rendered HTML (part %d); sending it as text", index + 1)
            await message.reply_text(_as_text(part), do_quote=do_quote, reply_markup=reply_markup)


def _as_text(part: str) -> str:
    """An HTML part as escaped plain text, in the same parse mode."""
    return html.escape(html.unescape(re.sub(r"<[^>]*>", "", part))) or "…"


async def edit_answer(
    query: CallbackQuery, answer: Answer, context: ContextTypes.DEFAULT_TYPE, view: str
) -> None:
    """Show `answer` in place of the message the button was under (chat or inline message)."""
    if view == "answer":
        answer = compact(answer)  # "Back": the place's first message again
    markup = answer_markup(answer, context, view)
    try:
        await _edit_parts(query, await build_parts(answer), markup)
    except BadRequest as error:
        if "not modified" in error.message.lower():
            return  # the same button pressed twice
        if not _is_parse_error(error):
            raise
        log.error("Telegram rejected rendered HTML (%s); editing as plain text", answer.kind)
        await _edit_parts(query, await asyncio.to_thread(plain_parts, answer), markup)


async def _edit_parts(
    query: CallbackQuery, parts: list[str], markup: InlineKeyboardMarkup | None
) -> None:
    message = query.message if isinstance(query.message, Message) else None
    if message is None:  # an inline message: one part is all it can hold
        await query.edit_message_text(parts[0], reply_markup=markup)
        return
    await query.edit_message_text(parts[0], reply_markup=markup if len(parts) == 1 else None)
    for index, part in enumerate(parts[1:], start=2):
        last = index == len(parts)
        await message.reply_text(part, do_quote=False, reply_markup=markup if last else None)
