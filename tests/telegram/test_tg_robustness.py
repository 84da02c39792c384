"""Odd input, server errors and floods: the bot answers what it can and keeps running."""

from __future__ import annotations

import pytest
from html_check import html_problems
from tg_engine import BOOM
from tg_harness import Harness, StartBot
from tg_updates import ALICE, BOB, NON_TEXT

from bot.settings import FloodLimits
from bot.telegram.ratelimit import ChatRateLimiter


async def assert_still_answering(bot: Harness) -> None:
    await bot.say("Is Chicago a sanctuary city?")
    reply = await bot.reply()
    assert reply.text.startswith("<b>Chicago: sanctuary")


async def test_a_5000_character_question(bot: Harness) -> None:
    question = "Is Denver a sanctuary city? " + "x" * (5000 - 28)
    assert len(question) == 5000
    await bot.say(question)
    reply = await bot.reply()
    assert reply.text.startswith("<b>Denver: sanctuary")
    asked, _ = bot.engine.questions[-1]
    assert len(asked) == 1000


async def test_html_and_emoji_in_questions_are_harmless(bot: Harness) -> None:
    question = '<b>Is</b> <a href="x">Denver</a> & 🏳️‍🌈 a sanctuary city? </i>&amp;'
    await bot.say(question)
    reply = await bot.reply()
    assert html_problems(reply.text) == []
    assert reply.text.startswith("<b>Denver: sanctuary")
    assert "</i>&amp;" not in reply.text  # the question is never echoed
    assert bot.engine.questions[-1] == (question, "en")


@pytest.mark.parametrize("kind", sorted(NON_TEXT))
async def test_non_text_messages_get_a_hint_in_private(bot: Harness, kind: str) -> None:
    await bot.say(None, user=ALICE, **{kind: NON_TEXT[kind]})
    reply = await bot.reply()
    assert reply.chat_id == ALICE["id"]
    assert reply.text == (
        "Solo puedo leer mensajes de texto. Pregúnteme, por ejemplo: "
        "¿Es Denver una ciudad santuario?"
    )


async def test_malformed_and_unknown_updates_do_not_stop_the_bot(bot: Harness) -> None:
    await bot.push({"message": "not an object"})
    await bot.push({"message": {"message_id": 1}})  # no chat, no date, no sender
    await bot.push({"message": {"message_id": 2, "chat": {"id": 5}, "text": 42}})
    await bot.push({"callback_query": {"id": "1"}})
    await bot.push({"inline_query": {"id": "2", "query": None}})
    await bot.push({"brand_new_update_type": {"whatever": [1, 2, 3]}})
    await bot.push({})
    await assert_still_answering(bot)
    await bot.settle()
    assert [c.chat_id for c in bot.server.sent("sendMessage")] == [BOB["id"]]


async def test_429_is_retried_after_retry_after(bot: Harness) -> None:
    bot.server.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    await bot.say("Is Denver a sanctuary city?")
    refused = await bot.reply()
    delivered = await bot.reply()
    assert refused.status == 429
    assert delivered.status == 200
    assert delivered.text == refused.text
    assert delivered.at - refused.at >= 1.0


async def test_html_refused_by_telegram_is_resent_as_plain_text(bot: Harness) -> None:
    bot.server.fail_next("sendMessage", 400, "Bad Request: can't parse entities: bad tag")
    await bot.say("Is Denver a sanctuary city?")
    refused = await bot.reply()
    plain = await bot.reply()
    assert refused.text.startswith("<b>Denver")
    assert plain.text.startswith("Denver: sanctuary (as of May 2017)\n\n")
    assert "&lt;safe&gt; &amp; welcoming" in plain.text
    assert html_problems(plain.text) == []
    assert plain.buttons() == refused.buttons()


async def test_an_internal_error_gets_an_apology_and_the_bot_keeps_running(bot: Harness) -> None:
    await bot.say(f"please {BOOM}")
    apology = await bot.reply()
    assert apology.text == "Sorry, something went wrong on my side. Please try again in a moment."
    await assert_still_answering(bot)


async def test_a_flooding_user_is_told_once_then_ignored(start_bot: StartBot) -> None:
    bot = await start_bot(flood=FloodLimits(messages=3, window=60, cooldown=60))
    for _ in range(6):
        await bot.say("Is Denver a sanctuary city?")
    replies = [await bot.reply() for _ in range(4)]
    await bot.say("Is Chicago a sanctuary city?", user=ALICE)  # others are unaffected
    other = await bot.reply()
    await bot.settle()
    assert [r.text.startswith("<b>Denver") for r in replies] == [True, True, True, False]
    assert replies[3].text == (
        "You are sending messages very fast. Please wait a minute, then ask again."
    )
    assert other.chat_id == ALICE["id"]
    assert len(bot.server.sent("sendMessage", chat_id=BOB["id"])) == 4


async def test_messages_to_one_chat_are_paced(start_bot: StartBot) -> None:
    limiter = ChatRateLimiter(chat_max_rate=1, chat_time_period=0.3, max_retries=1)
    bot = await start_bot(rate_limiter=limiter)
    for _ in range(3):
        await bot.say("Is Chicago a sanctuary city?")
    replies = [await bot.reply() for _ in range(3)]
    assert replies[2].at - replies[0].at >= 0.5
