"""Privacy: a whole conversation logged at DEBUG leaves no trace of who asked what."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from tg_engine import BOOM
from tg_harness import TOKEN, Harness
from tg_updates import ALICE, BOB, BOT_NAME, GROUP, NON_TEXT, callback_update, inline_update

from bot.logging_setup import PrivacyFilter, setup_logging, teardown_logging

QUESTION = "Is Denver a sanctuary city? my cousin Xiomara lives at 12 Elm St"
SPANISH = "¿Es Chicago una ciudad santuario? pregunta de Quintanilla-Zeta"
PHONE = NON_TEXT["contact"]["phone_number"]


@pytest.fixture
def logs(
    caplog: pytest.LogCaptureFixture,
) -> Iterator[tuple[pytest.LogCaptureFixture, io.StringIO]]:
    stream = io.StringIO()
    setup_logging("DEBUG", secrets=[TOKEN], stream=stream)
    caplog.set_level(logging.DEBUG)
    try:
        yield caplog, stream
    finally:
        teardown_logging()
        for name in ("telegram", "httpx", "httpcore", "apscheduler", "tornado"):
            logging.getLogger(name).setLevel(logging.NOTSET)


def secrets_of_the_conversation() -> list[str]:
    strings = [QUESTION, "Xiomara", "12 Elm St", SPANISH, "Quintanilla-Zeta", PHONE, TOKEN,
               TOKEN.split(":")[1], BOOM, str(GROUP["id"]), GROUP["title"]]  # fmt: skip
    for user in (ALICE, BOB):
        strings += [str(user["id"]), user["first_name"], user["last_name"], user["username"]]
    return strings


async def test_a_whole_conversation_at_debug_logs_nothing_identifying(
    logs: tuple[pytest.LogCaptureFixture, io.StringIO], bot: Harness
) -> None:
    caplog, stream = logs
    bot.server.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    await bot.say(QUESTION, user=BOB)
    answer = await bot.reply()
    answer = await bot.reply()  # the retry after the 429
    await bot.say(SPANISH, user=ALICE)
    await bot.reply()
    await bot.say(f"@{BOT_NAME} {QUESTION}", user=ALICE, chat=GROUP)
    await bot.reply()
    await bot.say("chatter in the group by Xiomara", user=BOB, chat=GROUP)
    await bot.say(None, user=ALICE, contact=NON_TEXT["contact"])
    await bot.reply()
    await bot.push(callback_update("s:en:denver", answer.result, user=BOB))
    await bot.server.wait_call("editMessageText")
    await bot.push(inline_update("Denver Xiomara", user=ALICE))
    await bot.server.wait_call("answerInlineQuery")
    await bot.say(f"{BOOM} for Xiomara", user=BOB)
    await bot.reply()
    await bot.push({"message": {"message_id": 9, "text": QUESTION, "from": ALICE}})
    await bot.say("/reload", user=ALICE)
    await bot.reply()
    await bot.settle()

    captured = caplog.text + stream.getvalue()
    assert "Exception while handling an update: RuntimeError" in captured
    assert "Traceback" in captured  # frames are kept, the exception's message is not
    for secret in secrets_of_the_conversation():
        assert secret not in captured, f"{secret!r} reached the logs"


def test_the_filter_redacts_what_slips_through() -> None:
    privacy = PrivacyFilter([TOKEN])
    record = logging.LogRecord("bot.x", logging.INFO, __file__, 1,
                               "user %s (@%s, +1 303 555 0199) token %s in %s",
                               (ALICE["id"], ALICE["username"], TOKEN, f"/bot{TOKEN}/getMe"),
                               None)  # fmt: skip
    privacy.filter(record)
    message = record.getMessage()
    assert str(ALICE["id"]) not in message and ALICE["username"] not in message
    assert "555" not in message and TOKEN not in message
    assert "<token>" in message or "<secret>" in message


def test_third_party_records_keep_only_their_template() -> None:
    privacy = PrivacyFilter()
    record = logging.LogRecord("telegram.ext.Application", logging.DEBUG, __file__, 1,
                               "Processing update %s (%r) after %s", (QUESTION, {"a": 1},
                               ValueError(QUESTION)), None)  # fmt: skip
    privacy.filter(record)
    assert record.getMessage() == "Processing update … (…) after ValueError"


def test_tracebacks_lose_exception_messages() -> None:
    privacy = PrivacyFilter()
    try:
        try:
            raise KeyError(QUESTION)
        except KeyError as inner:
            raise RuntimeError(f"while answering {QUESTION}") from inner
    except RuntimeError as error:
        record = logging.LogRecord("bot.x", logging.ERROR, __file__, 1, "failed", None,
                                   (type(error), error, error.__traceback__))  # fmt: skip
    privacy.filter(record)
    assert record.exc_info is None
    assert "builtins.KeyError" in record.exc_text and "builtins.RuntimeError" in record.exc_text
    assert "Xiomara" not in record.exc_text
    assert "test_tracebacks_lose_exception_messages" in record.exc_text
