"""The bot's conversation memory is bounded and forgets; PTB's per-user stores stay empty."""

from __future__ import annotations

from tg_harness import Harness
from tg_updates import ALICE, BOB, GROUP, callback_update

from bot.telegram.memory import ExpiringMemory


def test_memory_forgets_after_its_ttl_and_beyond_its_size() -> None:
    now = [0.0]
    memory = ExpiringMemory(max_items=2, ttl=10, clock=lambda: now[0])
    memory.set(1, "en")
    memory.set(2, "es")
    memory.set(3, "es")  # the oldest (1) goes
    assert (memory.get(1), memory.get(2), memory.get(3), len(memory)) == (None, "es", "es", 2)
    now[0] = 11
    assert memory.get(2) is None and memory.get(3) is None
    memory.set(4, "en")
    memory.set(4, None)
    assert memory.get(4) is None and memory.get(None) is None


async def test_a_conversation_leaves_nothing_in_ptb_user_or_chat_data(bot: Harness) -> None:
    await bot.say("/language", user=ALICE)
    prompt = await bot.reply(chat_id=ALICE["id"])
    await bot.push(callback_update("L:es:es", prompt.result, user=ALICE))
    await bot.server.wait_call("answerCallbackQuery")
    for user in (ALICE, BOB):
        await bot.say("Is Chicago a sanctuary city?", user=user)
        await bot.reply(chat_id=user["id"])
    await bot.say("/city Denver", chat=GROUP)
    await bot.settle()
    assert len(bot.app.user_data) == 0 and len(bot.app.chat_data) == 0
