"""Admin commands (/reload, /stats) and reload reports sent to admins.

The routing table only lets SANCTUARY_ADMINS reach these handlers; anyone else's /reload
is treated like any unknown command, so nothing reveals that admin commands exist.
"""

from __future__ import annotations

import asyncio
import logging
from html import escape

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.telegram import texts
from bot.telegram.reload import ReloadResult
from bot.telegram.services import BotApplication, app_services, services, user_language
from bot.telegram.split import split_html

log = logging.getLogger(__name__)
MAX_PROBLEMS = 40
MAX_LINE = 300  # characters of one problem line in a report
MAX_REPORT_PARTS = 4  # messages in one report


def reload_report(result: ReloadResult, language: str, *, fixed: bool = False) -> str:
    """HTML for admins: counts when the data went live, else every `file:line` problem."""
    counts = {"places": result.places, "topics": result.topics, "sources": result.sources}
    if result.ok:
        return texts.html("reload_fixed" if fixed else "reload_ok", language, **counts)
    problems = [line if len(line) <= MAX_LINE else line[:MAX_LINE] + "…"
                for line in result.problems[:MAX_PROBLEMS]]  # fmt: skip
    if len(result.problems) > MAX_PROBLEMS:
        problems.append(f"… {len(result.problems) - MAX_PROBLEMS} more")
    return (
        texts.html("reload_rejected", language) + f"\n<pre>{escape(chr(10).join(problems))}</pre>"
    )


async def report_parts(result: ReloadResult, language: str, *, fixed: bool = False) -> list[str]:
    """The report as messages, built and split in a worker thread (a hostile edit can make
    problem lines huge), at most MAX_REPORT_PARTS of them."""

    def build() -> list[str]:
        return split_html(reload_report(result, language, fixed=fixed))[:MAX_REPORT_PARTS]

    return await asyncio.to_thread(build)


async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reload the knowledge base now and say whether the new data went live."""
    result = await services(context).live.reload()
    if update.effective_message:
        for part in await report_parts(result, user_language(update, context)):
            await update.effective_message.reply_text(part)


async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the anonymous statistics report."""
    message = update.effective_message
    if message is None:
        return
    language = user_language(update, context)
    recorder = services(context).stats
    if recorder is None:
        await message.reply_text(texts.html("stats_off", language))
        return
    from bot.stats import format_report

    report = await asyncio.to_thread(recorder.report)
    for part in split_html(f"<pre>{escape(format_report(report, language))}</pre>"):
        await message.reply_text(part)


async def notify_admins(
    application: BotApplication, result: ReloadResult, previous: ReloadResult | None
) -> None:
    """After a reload nobody asked for: tell admins of a rejected edit, or of the fix."""
    svc = app_services(application)
    fixed = result.ok and previous is not None and not previous.ok
    if result.ok and not fixed:
        return
    parts = await report_parts(result, "en", fixed=fixed)
    for admin in sorted(svc.admins if svc else ()):
        try:
            for part in parts:
                await application.bot.send_message(admin, part)
        except TelegramError as error:  # e.g. the admin never opened a chat with the bot
            log.warning("Could not notify an admin: %s", type(error).__name__)
