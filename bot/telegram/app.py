"""The one assembly function: settings and services in, a ready-to-run Application out."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    BaseHandler,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.settings import Settings
from bot.stats import StatsRecorder
from bot.telegram import admin, callbacks, handlers, inline, map_command, texts
from bot.telegram.errors import handle_error
from bot.telegram.flood import FloodGuard
from bot.telegram.keyboards import CallbackCodec
from bot.telegram.ratelimit import ChatRateLimiter
from bot.telegram.reload import LiveKnowledge, ReloadResult
from bot.telegram.services import SERVICES_KEY, BotApplication, Services
from bot.telegram.updates import SafeUpdatesRequest

log = logging.getLogger(__name__)
CONCURRENT_UPDATES = 32  # a slow group (20 messages a minute) must not hold up everyone else
LONG_POLL_READ_TIMEOUT = 10.0  # seconds on top of the getUpdates long-poll timeout

# Only what the bot answers: edits, reactions, member lists… are never even received.
ALLOWED_UPDATES = ["message", "callback_query", "inline_query"]


def build_application(
    settings: Settings,
    live: LiveKnowledge,
    *,
    stats: StatsRecorder | None = None,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    flood: FloodGuard | None = None,
    watch_knowledge: bool = True,
) -> BotApplication:
    """Build the Application: HTTP stack, defaults, services in bot_data, routing table."""
    application = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(settings.base_file_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,
            )
        )
        .rate_limiter(rate_limiter or ChatRateLimiter())
        .get_updates_request(SafeUpdatesRequest(connection_pool_size=1,
                                                read_timeout=LONG_POLL_READ_TIMEOUT))
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )  # fmt: skip
    application.bot_data[SERVICES_KEY] = Services(
        live=live,
        codec=CallbackCodec(),
        flood=flood or FloodGuard(settings.flood),
        admins=settings.admins,
        stats=stats,
    )
    application.bot_data["watch_interval"] = settings.reload_interval if watch_knowledge else 0

    admins_only = filters.User(user_id=settings.admins) if settings.admins else None
    new = handlers.NEW_MESSAGE

    # Routing table. Order matters: the first matching handler in a group wins.
    routes: list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]] = [
        # Commands (also /command@BotName in groups); edited messages are ignored.
        CommandHandler("start", handlers.start_command, filters=new),
        CommandHandler("help", handlers.help_command, filters=new),
        CommandHandler("city", handlers.city_command, filters=new),
        CommandHandler("list", handlers.list_command, filters=new),
        CommandHandler("topics", handlers.topics_command, filters=new),
        CommandHandler("sources", handlers.sources_command, filters=new),
        CommandHandler("about", handlers.about_command, filters=new),
        CommandHandler("language", handlers.language_command, filters=new),
        CommandHandler("map", map_command.map_command, filters=new),  # map-site: /map [STATE]
    ]
    if admins_only is not None:
        # Admin commands: only SANCTUARY_ADMINS reach them; anyone else falls through below.
        routes += [
            CommandHandler("reload", admin.reload_command, filters=new & admins_only),
            CommandHandler("stats", admin.stats_command, filters=new & admins_only),
        ]
    routes += [
        # map-site: "show me a map", "mapa de Texas" (same private/addressed rule as questions).
        MessageHandler(
            (handlers.PRIVATE_QUESTION | handlers.GROUP_QUESTION) & map_command.MAP_REQUEST,
            map_command.map_text,
        ),
        # Questions: any text in a private chat; in groups only when @mentioned or replied to.
        MessageHandler(handlers.PRIVATE_QUESTION | handlers.GROUP_QUESTION, handlers.ask_question),
        # Any other command in a private chat gets a pointer to /help; in groups, silence.
        MessageHandler(handlers.PRIVATE_UNKNOWN_COMMAND, handlers.unknown_command),
        # Stickers, photos, voice notes, locations… in a private chat: a short hint.
        MessageHandler(handlers.PRIVATE_NON_TEXT, handlers.hint_non_text),
        # Buttons under answers and the /language buttons.
        CallbackQueryHandler(callbacks.press_button),
        # Inline mode: @BotName denver in any chat.
        InlineQueryHandler(inline.answer_inline_query),
    ]
    application.add_handlers(routes)
    # Everything else (channel posts, edits, other update types) reaches no handler.
    application.add_error_handler(handle_error)
    return application


def menu(language: str) -> list[BotCommand]:
    return [BotCommand(name, label.get(language)) for name, label in texts.COMMANDS.items()]


async def _post_init(application: BotApplication) -> None:
    """Register the command menu in English and Spanish; start watching the knowledge files."""
    await application.bot.set_my_commands(menu("en"))
    await application.bot.set_my_commands(menu("es"), language_code="es")
    svc: Services = application.bot_data[SERVICES_KEY]
    interval = application.bot_data.get("watch_interval", 0)
    if interval:

        async def on_result(result: ReloadResult, previous: ReloadResult | None) -> None:
            await admin.notify_admins(application, result, previous)

        task = asyncio.create_task(svc.live.watch(interval, on_result), name="knowledge-watch")
        application.bot_data["watch_task"] = task
    log.info("Bot ready; %d admin(s) configured", len(svc.admins))


async def _post_stop(application: BotApplication) -> None:
    task = application.bot_data.pop("watch_task", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _post_shutdown(application: BotApplication) -> None:
    svc: Services = application.bot_data[SERVICES_KEY]
    if svc.stats is not None:
        svc.stats.close()
