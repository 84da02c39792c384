"""Inline mode: @BotName denver in any chat offers answer cards."""

from __future__ import annotations

from html_check import html_problems
from tg_harness import Harness
from tg_updates import ALICE, inline_update


async def test_inline_query_offers_answer_cards(bot: Harness) -> None:
    await bot.push(inline_update("denver"))
    answered = await bot.server.wait_call("answerInlineQuery")
    assert answered.params["cache_time"] == 300
    assert answered.params["is_personal"] is True
    [card] = answered.params["results"]
    assert card["type"] == "article"
    assert card["title"] == "Denver, CO"
    assert card["description"] == "Denver: sanctuary (as of May 2017)"
    content = card["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert content["link_preview_options"] == {"is_disabled": True}
    assert content["message_text"].startswith("<b>Denver: sanctuary (as of May 2017)</b>")
    assert html_problems(content["message_text"]) == []
    assert len(content["message_text"]) <= 4096
    buttons = [b["callback_data"] for row in card["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons == ["s:en:denver", "q:en:denver", "l:en:CO"]
    assert bot.server.errors == []


async def test_empty_inline_query_offers_places(bot: Harness) -> None:
    await bot.push(inline_update("", user=ALICE))
    answered = await bot.server.wait_call("answerInlineQuery")
    titles = [card["title"] for card in answered.params["results"]]
    assert titles == ["Boulder, CO", "Denver, CO", "Chicago, IL", "South Portland, ME",
                      "Portland, OR"]  # fmt: skip
    assert "as of mayo de 2017" in answered.params["results"][0]["description"]
    assert len({card["id"] for card in answered.params["results"]}) == 5


async def test_inline_query_without_matches_answers_empty(bot: Harness) -> None:
    await bot.push(inline_update("<b>atlantis</b> & 🐙"))
    answered = await bot.server.wait_call("answerInlineQuery")
    assert answered.params["results"] == []
