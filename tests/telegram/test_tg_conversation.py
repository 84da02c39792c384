"""End to end: commands and private questions, as a user would have the conversation."""

from __future__ import annotations

from html_check import html_problems
from tg_harness import Harness
from tg_updates import ALICE, BOB, callback_update, text_update


def assert_telegram_html(text: str) -> None:
    assert html_problems(text) == []
    assert len(text) <= 4096


async def test_start_registers_english_and_spanish_menus(bot: Harness) -> None:
    menus = bot.server.sent("setMyCommands")
    assert len(menus) == 2
    english, spanish = menus
    assert "language_code" not in english.params
    assert spanish.params["language_code"] == "es"
    names = [c["command"] for c in english.params["commands"]]
    assert names == ["start", "help", "city", "list", "map", "topics", "sources", "about",
                     "language"]  # fmt: skip
    assert [c["command"] for c in spanish.params["commands"]] == names
    assert spanish.params["commands"][1]["description"] == "Cómo hacer una pregunta"
    assert "reload" not in names and "stats" not in names


async def test_start_welcomes_with_example_questions_as_buttons(bot: Harness) -> None:
    await bot.say("/start")
    reply = await bot.reply()
    assert reply.chat_id == BOB["id"]
    assert reply.params["parse_mode"] == "HTML"
    assert reply.params["link_preview_options"] == {"is_disabled": True}
    assert reply.text.startswith("<b>Ask me about a US city.</b>")
    labels = [row[0][0] for row in reply.buttons()]
    assert labels == [
        "Is Denver a sanctuary city?",
        "What is a sanctuary city, and which cities in Colorado call themselves one?",
    ]
    assert reply.buttons()[0][0][1] == "a:en:Is Denver a sanctuary city?"
    assert reply.buttons()[1][0][1].startswith("h:en:")  # too long for 64 bytes: a digest


async def test_start_in_spanish_for_a_spanish_telegram_user(bot: Harness) -> None:
    await bot.say("/start", user=ALICE)
    reply = await bot.reply()
    assert reply.text.startswith("<b>Pregúnteme por una ciudad de EE. UU.</b>")
    assert reply.buttons()[0][0] == ("¿Es Denver una ciudad santuario?",
                                     "a:es:¿Es Denver una ciudad santuario?")  # fmt: skip


async def test_start_deep_link_answers_that_place(bot: Harness) -> None:
    await bot.say("/start denver")
    reply = await bot.reply()
    assert reply.text.startswith("<b>Denver: sanctuary (as of May 2017)</b>")
    assert_telegram_html(reply.text)


async def test_help(bot: Harness) -> None:
    await bot.say("/help")
    reply = await bot.reply()
    assert reply.text.startswith("<b>Ask me about a US city.</b>")
    assert "• Is Denver a sanctuary city?" in reply.text


async def test_city_answers_with_sources_quotes_and_state_buttons(bot: Harness) -> None:
    await bot.say("/city Denver")
    reply = await bot.reply()
    assert_telegram_html(reply.text)
    # Knowledge strings are escaped: "<safe> & welcoming" stays text, never markup.
    assert "the city stays &lt;safe&gt; &amp; welcoming 🏔️." in reply.text
    assert reply.buttons() == [
        [("Sources", "s:en:denver")],
        [("More quotes", "q:en:denver")],
        [("Other places in CO", "l:en:CO")],
    ]


async def test_city_without_a_name_explains_usage(bot: Harness) -> None:
    await bot.say("/city")
    reply = await bot.reply()
    assert reply.text == "Send /city followed by the name of a place, for example: /city Denver"


async def test_list_all_and_by_state(bot: Harness) -> None:
    await bot.say("/list")
    everything = await bot.reply()
    assert everything.text == "<b>5 covered places.</b>"
    await bot.say("/list co")
    colorado = await bot.reply()
    assert colorado.text == "<b>2 covered places in CO.</b>"
    assert colorado.buttons() == [[("Boulder", "p:en:boulder")], [("Denver", "p:en:denver")]]


async def test_topics_sources_about(bot: Harness) -> None:
    await bot.say("/topics")
    topics = await bot.reply()
    assert topics.buttons() == [[("What is a sanctuary city?", "t:en:what-is-sanctuary-city")]]
    await bot.say("/sources")
    sources = await bot.reply()
    assert_telegram_html(sources.text)
    assert '<a href="https://news.example.org/a?x=1&amp;y=&lt;2&gt;">' in sources.text
    await bot.say("/about")
    about = await bot.reply()
    assert "Nothing you write is stored." in about.text


async def test_language_buttons_switch_the_language(bot: Harness) -> None:
    await bot.say("/language")
    prompt = await bot.reply()
    assert prompt.buttons() == [[("English", "L:en:en"), ("Español", "L:es:es")]]
    await bot.push(callback_update("L:es:es", prompt.result))
    answered = await bot.server.wait_call("answerCallbackQuery")
    assert answered.params["text"] == "Responderé en español."
    edited = await bot.server.wait_call("editMessageText")
    assert edited.text == "Responderé en español."
    assert edited.params["message_id"] == prompt.result["message_id"]
    # An English Telegram user who chose Spanish gets Spanish from now on.
    await bot.say("Is Chicago a sanctuary city?")
    reply = await bot.reply()
    assert "Chicago sigue siendo una ciudad santuario." in reply.text
    assert bot.engine.questions[-1] == ("Is Chicago a sanctuary city?", "es")


async def test_private_question_in_english(bot: Harness) -> None:
    await bot.say("Is Chicago a sanctuary city?")
    reply = await bot.reply()
    assert reply.chat_id == BOB["id"]
    assert reply.text.startswith("<b>Chicago: sanctuary (as of May 2017)</b>")
    assert "reply_parameters" not in reply.params  # private chats: no quoting
    assert bot.engine.questions[-1] == ("Is Chicago a sanctuary city?", "en")


async def test_private_question_in_spanish(bot: Harness) -> None:
    await bot.say("¿Es Chicago una ciudad santuario?", user=ALICE)
    reply = await bot.reply()
    assert reply.text.startswith("<b>Chicago: sanctuary (as of mayo de 2017)</b>")
    assert "Chicago sigue siendo una ciudad santuario." in reply.text
    assert reply.buttons()[0] == [("Fuentes", "s:es:chicago")]


async def test_a_spanish_telegram_user_gets_spanish_even_for_a_bare_name(bot: Harness) -> None:
    await bot.say("Chicago", user=ALICE)  # language_code "es-MX"
    reply = await bot.reply()
    assert bot.engine.questions[-1] == ("Chicago", "es")
    assert "Chicago sigue siendo una ciudad santuario." in reply.text


async def test_unknown_command_points_to_help(bot: Harness) -> None:
    await bot.say("/frobnicate")
    reply = await bot.reply()
    assert reply.text == "I don't know that command. Send /help to see what I can do."


async def test_edited_messages_and_channel_posts_are_ignored(bot: Harness) -> None:
    edited = text_update("Is Denver a sanctuary city?")
    await bot.push({"edited_message": edited["message"]})
    post = text_update("/start", chat={"id": -100777, "type": "channel", "title": "News"})
    await bot.push({"channel_post": post["message"]})
    await bot.settle()
    assert bot.server.sent("sendMessage") == []
