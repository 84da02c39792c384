"""Groups: the bot speaks only when addressed (commands, @mentions, replies to it)."""

from __future__ import annotations

from tg_fake_api import BOT_USER
from tg_harness import Harness
from tg_updates import ALICE, BOB, BOT_NAME, GROUP, NON_TEXT, callback_update, message


async def assert_silent_in_group(bot: Harness) -> None:
    """A private question sent afterwards is answered; the group got nothing meanwhile."""
    await bot.say("Is Chicago a sanctuary city?", user=ALICE)
    await bot.reply(chat_id=ALICE["id"])
    await bot.settle()
    assert bot.server.sent("sendMessage", chat_id=GROUP["id"]) == []


async def test_group_message_without_mention_is_ignored(bot: Harness) -> None:
    await bot.say("Is Denver a sanctuary city?", chat=GROUP)
    await bot.say("hello everyone, meeting at 6", chat=GROUP)
    await assert_silent_in_group(bot)
    assert ("Is Denver a sanctuary city?", None) not in bot.engine.questions


async def test_group_message_with_mention_is_answered_as_a_reply(bot: Harness) -> None:
    asked = await bot.say(f"@{BOT_NAME} is Denver a sanctuary city?", chat=GROUP)
    reply = await bot.reply(chat_id=GROUP["id"])
    assert reply.text.startswith("<b>Denver: sanctuary (as of May 2017)</b>")
    assert reply.params["reply_parameters"]["message_id"] == asked["message_id"]
    assert reply.params["reply_parameters"]["allow_sending_without_reply"] is True
    assert bot.engine.questions[-1] == ("is Denver a sanctuary city?", "en")


async def test_mention_alone_gets_the_help(bot: Harness) -> None:
    await bot.say(f"@{BOT_NAME}", chat=GROUP)
    reply = await bot.reply(chat_id=GROUP["id"])
    assert reply.text.startswith("<b>Ask me about a US city.</b>")


async def test_reply_to_the_bot_is_answered(bot: Harness) -> None:
    await bot.say(f"/city@{BOT_NAME} Boulder", chat=GROUP)
    first = await bot.reply(chat_id=GROUP["id"])
    await bot.say("and Chicago?", chat=GROUP, reply_to_message=first.result)
    second = await bot.reply(chat_id=GROUP["id"])
    assert second.text.startswith("<b>Chicago: sanctuary")


async def test_reply_to_someone_else_is_ignored(bot: Harness) -> None:
    other = message("Denver?", user=ALICE, chat=GROUP)
    await bot.say("and Chicago?", chat=GROUP, reply_to_message=other)
    await assert_silent_in_group(bot)


async def test_commands_work_with_and_without_the_bot_name(bot: Harness) -> None:
    await bot.say("/city Denver", chat=GROUP)
    plain = await bot.reply(chat_id=GROUP["id"])
    await bot.say(f"/city@{BOT_NAME} Denver", chat=GROUP)
    named = await bot.reply(chat_id=GROUP["id"])
    assert plain.text == named.text
    assert plain.text.startswith("<b>Denver: sanctuary")


async def test_commands_for_other_bots_and_unknown_commands_are_ignored(bot: Harness) -> None:
    await bot.say("/city@SomeOtherBot Denver", chat=GROUP)
    await bot.say("/frobnicate", chat=GROUP)
    await bot.say(f"/frobnicate@{BOT_NAME}", chat=GROUP)
    await assert_silent_in_group(bot)


async def test_non_text_and_other_bots_are_ignored_in_groups(bot: Harness) -> None:
    for kind, payload in NON_TEXT.items():
        await bot.say(None, chat=GROUP, **{kind: payload})
    other_bot = {"id": 999, "is_bot": True, "first_name": "Echo", "username": "EchoBot"}
    await bot.say(f"@{BOT_NAME} Denver?", user=other_bot, chat=GROUP)
    await bot.say(f"@{BOT_NAME} Denver?", chat=GROUP, via_bot=BOT_USER)
    await assert_silent_in_group(bot)


async def test_group_buttons_answer_in_the_group(bot: Harness) -> None:
    await bot.say(f"@{BOT_NAME} Portland?", chat=GROUP, user=BOB)
    clarify = await bot.reply(chat_id=GROUP["id"])
    assert clarify.text == "<b>Which place do you mean?</b>"
    assert clarify.buttons() == [
        [("South Portland, ME", "p:en:south-portland")],
        [("Portland, OR", "p:en:portland")],
    ]
    await bot.push(callback_update("p:en:portland", clarify.result, user=ALICE))
    await bot.server.wait_call("answerCallbackQuery")
    answer = await bot.reply(chat_id=GROUP["id"])
    assert answer.text.startswith("<b>Portland: sanctuary")
    assert answer.params["reply_parameters"]["message_id"] == clarify.result["message_id"]
