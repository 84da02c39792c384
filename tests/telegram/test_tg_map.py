"""/map through the real python-telegram-bot stack: a photo, a caption, a list button."""

from __future__ import annotations

import pytest
from html_check import visible_text
from tg_harness import Harness, StartBot
from tg_updates import ALICE, BOB, BOT_NAME, GROUP, callback_update

from bot.settings import FloodLimits


@pytest.fixture
async def real(start_bot: StartBot) -> Harness:
    return await start_bot(real=True, flood=FloodLimits(messages=1000, window=10, cooldown=1))


async def test_map_sends_a_png_with_a_short_caption_and_a_list_button(real: Harness) -> None:
    await real.say("/map", user=BOB)
    call = await real.server.wait_call("sendPhoto", within=15)
    assert call.params["photo"][:8] == b"\x89PNG\r\n\x1a\n"
    assert call.params["parse_mode"] == "HTML"
    caption = visible_text(call.params["caption"])
    assert len(caption) <= 1024
    newest = max(source.date for source in real.live.knowledge.sources.values())
    assert newest.human("en") in caption
    [[(_label, data)]] = call.buttons()
    # The button lists the same area: every covered place.
    await real.push(callback_update(data, call.result, user=BOB))
    listed = await real.reply(chat_id=BOB["id"])
    for place in real.live.knowledge.jurisdictions.values():
        names = {place.name, place.name_es} - {None}
        assert any(name in visible_text(listed.text) for name in names), place.id
    assert real.server.errors == []


async def test_a_second_map_reuses_the_uploaded_file(real: Harness) -> None:
    await real.say("/map", user=BOB)
    first = await real.server.wait_call("sendPhoto", within=15)
    await real.say("/map", user=BOB)
    second = await real.server.wait_call("sendPhoto", within=15)
    assert second.params["photo"] == first.result["photo"][-1]["file_id"]


async def test_map_of_a_state_in_spanish(real: Harness) -> None:
    await real.say("/map Nueva York", user=ALICE)
    call = await real.server.wait_call("sendPhoto", within=15)
    caption = visible_text(call.params["caption"])
    assert caption.startswith("Políticas santuario en ") and "Nueva York" in caption.split(",")[0]
    [[(label, data)]] = call.buttons()
    assert "Nueva York" in label
    await real.push(callback_update(data, call.result, user=ALICE))
    listed = await real.reply(chat_id=ALICE["id"])
    assert "Nueva York" in visible_text(listed.text)


async def test_free_text_asks_for_a_map(real: Harness) -> None:
    await real.say("mapa de Texas", user=BOB)
    call = await real.server.wait_call("sendPhoto", within=15)
    assert "Texas" in visible_text(call.params["caption"])


async def test_an_unknown_state_is_not_echoed(real: Harness) -> None:
    await real.say("/map Narnia", user=BOB)
    reply = await real.reply(chat_id=BOB["id"])
    assert "Narnia" not in reply.text and "/map California" in reply.text


async def test_groups_get_a_map_only_when_addressed(real: Harness) -> None:
    await real.say("show me a map", chat=GROUP, user=BOB)
    await real.say(f"@{BOT_NAME} show me a map", chat=GROUP, user=BOB)
    call = await real.server.wait_call("sendPhoto", within=15)
    await real.settle()
    assert [c.chat_id for c in real.server.sent("sendPhoto")] == [GROUP["id"]]
    assert call.params["reply_parameters"]["message_id"]


async def test_a_reload_draws_the_map_again(real: Harness) -> None:
    """A reloaded knowledge base may say something else: its map is drawn and uploaded anew."""
    await real.say("/map", user=BOB)
    first = await real.server.wait_call("sendPhoto", within=15)
    assert (await real.live.reload()).ok
    await real.say("/map", user=BOB)
    second = await real.server.wait_call("sendPhoto", within=15)
    assert isinstance(second.params["photo"], bytes)
    assert second.params["photo"] == first.params["photo"]  # same data, same picture
