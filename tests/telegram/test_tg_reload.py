"""Knowledge hot reload and the admin commands that go with it."""

from __future__ import annotations

import asyncio
import copy
import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from tg_harness import Harness, StartBot
from tg_knowledge import PLACES
from tg_updates import ADMIN, BOB, BOT_NAME, GROUP

from bot.knowledge.model import PlaceType
from bot.stats import StatsRecorder
from bot.telegram.runner import _reload_soon

DENVER = "jurisdictions/co/denver.yaml"


def write_denver(bot: Harness, **changes: object) -> None:
    data = copy.deepcopy(PLACES["co/denver.yaml"]) | changes
    path: Path = bot.knowledge_dir / DENVER
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


async def until(condition: Callable[[], bool], within: float = 5.0) -> None:
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - polling what the bot loaded
            await asyncio.sleep(0.02)


async def denver_summary(bot: Harness) -> str:
    await bot.say("/city Denver", user=BOB)
    return (await bot.reply(chat_id=BOB["id"])).text.split("\n\n")[1]


async def test_edits_go_live_and_invalid_edits_are_rejected(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot")
    summary = {"en": "Denver edited: still welcoming.", "es": "Denver editado."}
    write_denver(bot, summary=summary)
    await until(lambda: "edited" in bot.live.knowledge.jurisdictions["denver"].summary.en)
    assert await denver_summary(bot) == "Denver edited: still welcoming."

    write_denver(bot, summary=summary, stance="sanctuaryy")
    notice = await bot.reply(chat_id=ADMIN["id"])
    assert notice.text.startswith("Knowledge base edit rejected; still answering")
    assert f"<pre>{DENVER}:3: " in notice.text and "sanctuaryy" in notice.text
    assert f"{DENVER}:3: " in caplog.text
    assert await denver_summary(bot) == "Denver edited: still welcoming."  # last good data

    write_denver(bot)
    fixed = await bot.reply(chat_id=ADMIN["id"])
    assert fixed.text == "The knowledge base is valid again and live: 5 places."
    assert await denver_summary(bot) == (
        "Denver's mayor said the city stays &lt;safe&gt; &amp; welcoming 🏔️."
    )


async def test_sighup_reloads_and_reports_to_admins(start_bot: StartBot) -> None:
    bot = await start_bot(reload_interval=0)  # no watching: only SIGHUP or /reload
    write_denver(bot, type="metropolis")
    _reload_soon(bot.app)
    notice = await bot.reply(chat_id=ADMIN["id"])
    assert "jurisdictions/co/denver.yaml:2: " in notice.text
    assert bot.live.knowledge.jurisdictions["denver"].type is PlaceType.CITY


async def test_admin_reload_command(bot: Harness) -> None:
    await bot.say("/reload", user=ADMIN)
    reply = await bot.reply(chat_id=ADMIN["id"])
    assert reply.text == "Knowledge base reloaded: 5 places, 1 topics, 2 sources."


async def test_admin_commands_do_not_exist_for_anyone_else(bot: Harness) -> None:
    await bot.say("/reload")
    await bot.say("/stats")
    replies = [await bot.reply(), await bot.reply()]
    unknown = "I don't know that command. Send /help to see what I can do."
    assert [r.text for r in replies] == [unknown, unknown]
    await bot.say(f"/reload@{BOT_NAME}", chat=GROUP)
    await bot.say("/stats", chat=GROUP)
    await bot.settle()
    assert bot.server.sent("sendMessage", chat_id=GROUP["id"]) == []


async def test_admin_stats_when_off(bot: Harness) -> None:
    await bot.say("/stats", user=ADMIN)
    reply = await bot.reply(chat_id=ADMIN["id"])
    assert reply.text == "Statistics are off (SANCTUARY_STATS is not set)."


async def test_admin_stats_count_answers_without_text(start_bot: StartBot, tmp_path: Path) -> None:
    bot = await start_bot(stats=StatsRecorder.open(tmp_path / "stats.sqlite"))
    await bot.say("Is Denver a sanctuary city?")
    await bot.reply()
    await bot.say("/stats", user=ADMIN)
    report = await bot.reply(chat_id=ADMIN["id"])
    assert report.text.startswith("<pre>") and report.text.endswith("</pre>")
    assert "denver: 1" in report.text
    assert "sanctuary city?" not in (tmp_path / "stats.sqlite").read_bytes().decode("latin-1")


def alias_bomb(depth: int) -> str:
    """The review's 3 KB file: each level repeats the one before nine times."""
    lines = ['x0: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijk"
    for level in range(1, depth + 1):
        refs = ",".join([f"*{names[level - 1]}"] * 9)
        lines.append(f"x{level}: &{names[level]} [{refs}]")
    return "\n".join(lines) + "\n"


def write_hostile(path: Path, hostile: str) -> None:
    """Spoil the file the way the review did."""
    good = path.read_text(encoding="utf-8")
    if hostile == "alias bomb in a date":
        spoilt = alias_bomb(8) + re.sub(r"(?m)^as_of: .*$", "as_of: *i", good, count=1)
    else:
        spoilt = good + "# " + "x" * 400_000 + "\n"
    path.write_text(spoilt, encoding="utf-8")


@pytest.mark.parametrize("hostile", ["alias bomb in a date", "oversized file"])
async def test_a_hostile_edit_is_rejected_while_questions_are_answered(
    bot: Harness, hostile: str
) -> None:
    path: Path = bot.knowledge_dir / DENVER
    write_hostile(path, hostile)
    notice = await bot.reply(chat_id=ADMIN["id"])
    assert notice.text.startswith("Knowledge base edit rejected; still answering")
    assert all(len(line) <= 600 for line in notice.text.splitlines())
    # The bot kept the last good data and answers at once.
    await bot.say("Is Denver a sanctuary city?", user=BOB)
    async with asyncio.timeout(5):
        answer = await bot.reply(chat_id=BOB["id"])
    assert "Denver" in answer.text
    write_denver(bot)  # the fix goes live
    fixed = await bot.reply(chat_id=ADMIN["id"])
    assert fixed.text.startswith("The knowledge base is valid again")
