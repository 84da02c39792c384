"""The error handler: log the exception without user content, apologise, keep running.

The apology stands in for an answer that could not be built. When the answer was built but
Telegram could not be reached (the rate limiter has already retried it), an apology would
fail the same way, so the loss is only counted and logged.
"""

from __future__ import annotations

import logging

from telegram import Chat, Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import ContextTypes, filters

from bot.telegram import texts
from bot.telegram.handlers import ADDRESSED
from bot.telegram.ratelimit import is_transient
from bot.telegram.services import user_language

log = logging.getLogger(__name__)
undelivered = 0  # updates whose reply could not be sent, even after retries


def _spoken_to(update: Update) -> bool:
    """Whether the update is one the bot may answer in its chat: never unaddressed chatter."""
    chat = update.effective_chat
    if chat is None or chat.type == Chat.CHANNEL:
        return False
    if chat.type == Chat.PRIVATE or update.callback_query is not None:
        return True
    try:
        return bool(filters.COMMAND.check_update(update) or ADDRESSED.check_update(update))
    except Exception:  # a broken update is not one we were asked
        return False


async def handle_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the exception (type and traceback only) and send the user a short apology."""
    global undelivered
    if context.error is not None and (
        is_transient(context.error) or isinstance(context.error, Forbidden)
    ):
        undelivered += 1
        log.warning("Could not deliver a reply (%s); %d so far",
                    type(context.error).__name__, undelivered)  # fmt: skip
        return
    log.error(
        "Exception while handling an update: %s",
        type(context.error).__name__,
        exc_info=context.error,
    )
    if not isinstance(update, Update) or not _spoken_to(update):
        return
    language = user_language(update, context)
    try:
        if update.callback_query is not None and update.callback_query.message is None:
            await update.callback_query.answer(texts.text("apology", language))
        elif update.effective_chat is not None:
            await update.effective_chat.send_message(texts.html("apology", language))
    except TelegramError as error:
        log.warning("Could not send the apology: %s", type(error).__name__)
