"""Inline keyboards: each button, answered first, within Telegram's limits."""

from __future__ import annotations

from html_check import html_problems
from tg_fake_api import Call
from tg_harness import Harness
from tg_updates import BOB, callback_update


async def ask_denver(bot: Harness) -> Call:
    await bot.say("Is Denver a sanctuary city?")
    return await bot.reply()


async def press(bot: Harness, data: str, under: Call | None, **kwargs: object) -> Call:
    """Press a button; the callback query is answered before anything else happens."""
    await bot.push(callback_update(data, under.result if under else None, **kwargs))
    return await bot.server.wait_call("answerCallbackQuery")


def assert_answered_first(bot: Harness, answered: Call, then: Call) -> None:
    assert bot.server.calls.index(answered) < bot.server.calls.index(then)


async def test_sources_button_edits_the_answer_into_its_sources(bot: Harness) -> None:
    answer = await ask_denver(bot)
    answered = await press(bot, "s:en:denver", answer)
    assert "text" not in answered.params
    edited = await bot.server.wait_call("editMessageText")
    assert_answered_first(bot, answered, edited)
    assert edited.chat_id == BOB["id"]
    assert edited.params["message_id"] == answer.result["message_id"]
    assert edited.params["parse_mode"] == "HTML"
    assert edited.text.startswith("<b>Sources for Denver</b>")
    assert html_problems(edited.text) == []
    assert "The &lt;Daily&gt; &amp; Co 🗞️" in edited.text
    assert edited.buttons() == [[("« Back to the answer", "b:en:denver")]]


async def test_back_button_restores_the_answer(bot: Harness) -> None:
    answer = await ask_denver(bot)
    await press(bot, "s:en:denver", answer)
    sources = await bot.server.wait_call("editMessageText")
    await press(bot, "b:en:denver", sources)
    back = await bot.server.wait_call("editMessageText")
    assert back.text == answer.text
    assert back.buttons() == answer.buttons()


async def test_more_quotes_splits_a_long_answer_without_breaking_html(bot: Harness) -> None:
    answer = await ask_denver(bot)
    await press(bot, "q:en:denver", answer)
    first = await bot.server.wait_call("editMessageText")
    rest = [await bot.reply()]
    while not rest[-1].buttons():
        rest.append(await bot.reply())
    parts = [first, *rest]
    for part in parts:
        assert len(part.text) <= 4096
        assert html_problems(part.text) == []
    assert first.text.startswith("<b>Denver: sanctuary")
    assert sum(part.text.count("(statement ") for part in parts) == 12
    # The keyboard sits under the last part only: Back and Sources, no "More quotes" again.
    assert len(parts) >= 2
    assert all(part.buttons() == [] for part in parts[:-1])
    assert rest[-1].buttons() == [[("« Back to the answer", "b:en:denver")],
                                  [("Sources", "s:en:denver")]]  # fmt: skip
    assert bot.server.errors == []


async def test_other_places_in_state_sends_the_list(bot: Harness) -> None:
    answer = await ask_denver(bot)
    await press(bot, "l:en:CO", answer)
    listing = await bot.reply()
    assert listing.text == "<b>2 covered places in CO.</b>"
    assert listing.buttons() == [[("Boulder", "p:en:boulder")], [("Denver", "p:en:denver")]]
    await press(bot, "p:en:boulder", listing)
    boulder = await bot.reply()
    assert boulder.text.startswith("<b>Boulder: limits_cooperation")
    # Boulder has one quote (shown), so no "More quotes"; Denver is in CO too.
    assert boulder.buttons() == [[("Sources", "s:en:boulder")], [("Other places in CO", "l:en:CO")]]


async def test_clarify_choices_answer_the_chosen_place(bot: Harness) -> None:
    await bot.say("Is Portland a sanctuary city?")
    clarify = await bot.reply()
    assert [row[0][1] for row in clarify.buttons()] == ["p:en:south-portland", "p:en:portland"]
    await press(bot, "p:en:south-portland", clarify)
    chosen = await bot.reply()
    assert chosen.text.startswith("<b>South Portland: unknown")


async def test_example_question_buttons_ask_them(bot: Harness) -> None:
    await bot.say("/start")
    welcome = await bot.reply()
    (_short, _), (long, long_data) = welcome.buttons()[0][0], welcome.buttons()[1][0]
    await press(bot, "a:en:Is Denver a sanctuary city?", welcome)
    assert (await bot.reply()).text.startswith("<b>Denver: sanctuary")
    await press(bot, long_data, welcome)
    assert (await bot.reply()).text.startswith("<b>There is no single legal definition")
    assert bot.engine.questions[-1] == (long, "en")


async def test_topic_button(bot: Harness) -> None:
    await bot.say("/topics")
    topics = await bot.reply()
    await press(bot, "t:en:what-is-sanctuary-city", topics)
    topic = await bot.reply()
    assert topic.text.startswith(
        "<b>There is no single legal definition &lt;not a tag&gt; &amp; it varies by place.</b>"
    )


async def test_stale_or_foreign_buttons_are_answered_with_a_notice(bot: Harness) -> None:
    answer = await ask_denver(bot)
    for data in ("h:en:0123456789abcdef01234567", "zz:top", "p:en:atlantis", ""):
        answered = await press(bot, data, answer)
        assert answered.params["text"] == "This button has expired. Please ask again."
    await bot.settle()
    assert bot.server.sent("editMessageText") == []


async def test_buttons_under_inline_messages_edit_them(bot: Harness) -> None:
    await press(bot, "s:es:denver", None, inline_id="AgAAAInline")
    edited = await bot.server.wait_call("editMessageText")
    assert edited.params["inline_message_id"] == "AgAAAInline"
    assert "chat_id" not in edited.params
    assert edited.buttons() == [[("« Volver a la respuesta", "b:es:denver")]]


async def test_every_button_fits_64_bytes(bot: Harness) -> None:
    await ask_denver(bot)
    await bot.say("/start")
    await bot.say("/list")
    for _ in range(2):
        await bot.reply()
    await bot.settle()
    for call in bot.server.sent("sendMessage"):
        for row in call.buttons():
            for _label, data in row:
                assert 0 < len(data.encode()) <= 64
