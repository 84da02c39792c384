"""The transport with the real answer engine and the bundled knowledge base.

These tests assert what holds for any content: every reply and every edit is Telegram
HTML of at most 4096 characters, every button fits 64 bytes and leads somewhere without
an error. Pressing every button reachable from the commands and a few questions covers
each kind of answer the engine composes.
"""

from __future__ import annotations

import asyncio
from collections import deque
from pathlib import Path

import pytest
from html_check import html_problems
from tg_fake_api import Call
from tg_harness import Harness, StartBot
from tg_updates import ALICE, BOB, BOT_NAME, GROUP, callback_update, inline_update

from bot.settings import FloodLimits
from bot.stats import StatsRecorder
from bot.telegram import texts

STARTERS = ["/start", "/help", "/list", "/list CA", "/topics", "/sources", "/about",
            "/city Denver", "/start chicago", "Is Denver a sanctuary city?",
            "¿Es Houston una ciudad santuario?", "Portland", "What did the mayor of Chicago say?",
            "New York", "<b>Boston</b> & 🙂?", "x" * 5000]  # fmt: skip
APOLOGIES = {texts.html("apology", "en"), texts.html("apology", "es")}


@pytest.fixture
async def real(start_bot: StartBot) -> Harness:
    return await start_bot(real=True, flood=FloodLimits(messages=1000, window=10, cooldown=1))


def outputs(bot: Harness) -> list[Call]:
    return [c for c in bot.server.calls if c.method in ("sendMessage", "editMessageText")]


def assert_all_well_formed(bot: Harness) -> None:
    assert bot.server.errors == []
    for call in outputs(bot):
        assert call.params["parse_mode"] == "HTML"
        assert len(call.text) <= 4096
        assert html_problems(call.text) == [], call.text
        assert call.text not in APOLOGIES


async def test_every_reachable_button_works(real: Harness) -> None:
    for text in STARTERS:
        await real.say(text, user=BOB)
    await real.server.wait_until(lambda: len(outputs(real)) >= len(STARTERS), within=20)
    await real.settle()
    frontier = deque(c for c in outputs(real))
    pressed: set[str] = set()
    while frontier and len(pressed) < 80:
        call = frontier.popleft()
        for row in call.buttons():
            for _label, data in row:
                if data in pressed or call.result is True:
                    continue
                pressed.add(data)
                before = len(outputs(real))
                await real.push(callback_update(data, call.result, user=BOB))
                answered = await real.server.wait_call("answerCallbackQuery", 10)
                assert "text" not in answered.params, data  # not "expired"
                await real.server.wait_until(lambda b=before: len(outputs(real)) > b, within=10)
                await real.settle(0.05)
                frontier.extend(outputs(real)[before:])
    assert len(pressed) >= 20
    assert_all_well_formed(real)


async def test_spanish_question_is_answered_in_spanish(real: Harness) -> None:
    await real.say("¿Es Denver una ciudad santuario?", user=ALICE)
    reply = await real.reply()
    assert reply.text.startswith("<b>En parte — el 2 de mayo de 2025, Denver")
    assert [label for row in reply.buttons() for label, _ in row][:2] == ["Historia", "Fuentes"]
    assert_all_well_formed(real)


async def test_group_mention_and_inline_with_the_real_engine(real: Harness) -> None:
    await real.say(f"@{BOT_NAME} is Chicago a sanctuary city?", chat=GROUP)
    reply = await real.reply(chat_id=GROUP["id"])
    assert "Chicago" in reply.text
    await real.push(inline_update("denver"))
    cards = (await real.server.wait_call("answerInlineQuery")).params["results"]
    assert cards[0]["title"] == "Denver, CO"
    await real.push(inline_update(""))
    popular = (await real.server.wait_call("answerInlineQuery")).params["results"]
    assert len(popular) == 5
    await real.push(inline_update("qwxz zzkq"))
    assert (await real.server.wait_call("answerInlineQuery")).params["results"] == []
    for card in cards + popular:
        assert html_problems(card["input_message_content"]["message_text"]) == []
    assert_all_well_formed(real)


async def test_a_follow_up_is_about_the_last_place_in_that_chat(real: Harness) -> None:
    await real.say("Is Denver a sanctuary city?", user=BOB)
    await real.reply(chat_id=BOB["id"])
    await real.say("What did the mayor say?", user=BOB)
    follow_up = await real.reply(chat_id=BOB["id"])
    # What the mayor said leads (issue 10), then the place's standing.
    assert follow_up.text.startswith("<b>In May 2017 (date inferred), Michael Hancock (Mayor of")
    assert "Denver had policies that limit cooperation" in follow_up.text
    # Another person's chat has no last place: the same words are not understood there.
    await real.say("What did the mayor say?", user=ALICE)
    other = await real.reply(chat_id=ALICE["id"])
    assert "Denver" not in other.text.split("\n")[0]
    assert_all_well_formed(real)


async def test_stats_after_a_scripted_conversation_hold_no_typed_text(
    start_bot: StartBot, tmp_path: Path
) -> None:
    path = tmp_path / "stats.sqlite"
    recorder = StatsRecorder.open(path)
    bot = await start_bot(
        real=True, stats=recorder, flood=FloodLimits(messages=1000, window=10, cooldown=1)
    )
    script = [
        ("Is Denver a sanctuary city? my name is Zelda Quixotic 555-0199", BOB),
        ("¿Es Houston una ciudad santuario? vivo en la calle Xylofono 12", ALICE),
        ("What is ICE? asks Private Person Qwerty", BOB),
        ("blorptastic snazzlewhump", BOB),
        ("Is Denver a sanctuary city?", ALICE),
    ]
    for text, user in script:
        await bot.say(text, user=user)
        await bot.reply(chat_id=user["id"])
    for _ in range(100):  # statistics are written just after each reply is sent
        if recorder.report().total == len(script):
            break
        await asyncio.sleep(0.05)
    report = recorder.report()
    # Houston is answered from Texas law: the answer was about Texas, the question Houston.
    assert dict(report.covered_places) == {"denver": 2, "texas": 1}
    assert [(name, state) for name, state, _ in report.uncovered_places] == [("Houston", "TX")]
    assert dict(report.topics) == {"ice": 1}
    assert report.not_understood == 1
    recorder.close()
    stored = path.read_bytes().decode("latin-1").casefold()
    for typed in (
        "zelda",
        "quixotic",
        "555",
        "xylofono",
        "qwerty",
        "blorptastic",
        "vivo",
        "my name",
        str(BOB["id"]),
        str(ALICE["id"]),
        BOB["first_name"].casefold(),
    ):
        assert typed not in stored, typed
    assert "houston" in stored  # the one thing it keeps: the place names it counts


async def test_group_answers_are_short_and_expand_with_buttons(real: Harness) -> None:
    await real.say(f"@{BOT_NAME} is Chicago a sanctuary city?", chat=GROUP)
    reply = await real.reply(chat_id=GROUP["id"])
    assert reply.text.count("<blockquote>") == 1
    assert len(reply.text) < 1500
    labels = [label for row in reply.buttons() for label, _ in row]
    assert "More quotes" in labels and "Sources" in labels
    await real.say("Is Chicago a sanctuary city?", user=BOB)
    private = await real.reply(chat_id=BOB["id"])
    assert private.text.count("<blockquote>") == 1  # the first message stays short:
    labels = [label for row in private.buttons() for label, _ in row]
    assert "History" in labels and "More quotes" in labels  # the rest is behind buttons
    assert_all_well_formed(real)


async def test_a_follow_up_after_pressing_a_place_button(real: Harness) -> None:
    await real.say("/list CA", user=BOB)
    listing = await real.reply(chat_id=BOB["id"])
    button = next(data for row in listing.buttons() for label, data in row if label == "San Jose")
    await real.push(callback_update(button, listing.result, user=BOB))
    await real.server.wait_call("answerCallbackQuery")
    await real.reply(chat_id=BOB["id"])
    await real.say("what did the mayor say?", user=BOB)
    follow_up = await real.reply(chat_id=BOB["id"])
    first_line = follow_up.text.split("\n", 1)[0]
    assert first_line.startswith("<b>Sam Liccardo (Mayor of San Jose) said")  # the quote leads
    assert "San Jose had policies that limit cooperation" in follow_up.text
    assert_all_well_formed(real)
