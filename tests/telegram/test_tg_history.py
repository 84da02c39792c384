"""The first message about a place stays short; the History button gives its whole timeline.

Through the real python-telegram-bot stack, the fake Bot API server and the real engine on
the bundled knowledge base.
"""

from __future__ import annotations

import re
from html import escape

import pytest
from html_check import html_problems
from tg_harness import Harness, StartBot
from tg_updates import BOB, callback_update

from bot.knowledge.model import KnowledgeBase
from bot.settings import FloodLimits

FIRST_MESSAGE = 1_600  # at most, the characters read before the buttons (most: about 1,000)


@pytest.fixture
async def real(start_bot: StartBot) -> Harness:
    return await start_bot(real=True, flood=FloodLimits(messages=1000, window=10, cooldown=1))


def visible(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def button(reply_buttons: list[list[tuple[str, str]]], label: str) -> str:
    return next(data for row in reply_buttons for text, data in row if text == label)


async def test_history_gives_the_whole_timeline_and_back_returns(
    real: Harness, knowledge: KnowledgeBase
) -> None:
    denver = knowledge.jurisdictions["denver"]
    await real.say("Is Denver a sanctuary city?", user=BOB)
    first = await real.reply(chat_id=BOB["id"])
    assert len(visible(first.text)) <= FIRST_MESSAGE
    assert "US Justice Department lists Denver" in first.text  # whose designation it is
    shown = sum(e.text.en.split(";")[0][:60] in first.text for e in denver.timeline)
    assert 0 < shown < len(denver.timeline)  # a short timeline; the rest behind History

    await real.push(callback_update(button(first.buttons(), "History"), first.result, user=BOB))
    await real.server.wait_call("answerCallbackQuery")
    history = await real.server.wait_call("editMessageText")
    assert html_problems(history.text) == []
    texts = [escape(e.text.en.strip(), quote=False) for e in denver.timeline]
    assert all(text in history.text for text in texts)  # every event, whole
    found = [history.text.index(text) for text in texts]
    assert found == sorted(found)  # newest first

    back = button(history.buttons(), "« Back to the answer")
    await real.push(callback_update(back, history.result, user=BOB))
    await real.server.wait_call("answerCallbackQuery")
    again = await real.server.wait_call("editMessageText")
    # The same answer again (its first line no longer answers a yes/no question).
    assert visible(again.text).split("\n", 1)[1] == visible(first.text).split("\n", 1)[1]


@pytest.mark.parametrize("question", ["Is Chicago a sanctuary city?", "¿Es Texas santuario?"])
async def test_the_first_message_about_a_place_stays_near_a_thousand_characters(
    real: Harness, question: str
) -> None:
    await real.say(question, user=BOB)
    first = await real.reply(chat_id=BOB["id"])
    assert len(visible(first.text)) <= FIRST_MESSAGE
    labels = [text for row in first.buttons() for text, _ in row]
    assert {"History", "Sources"} <= set(labels) or {"Historia", "Fuentes"} <= set(labels)
