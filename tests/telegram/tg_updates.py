"""Small factories for the updates Telegram sends: messages, commands, buttons, inline."""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

from tg_fake_api import BOT_USER

ALICE = {"id": 90817263, "is_bot": False, "first_name": "Alicia", "last_name": "Quintanilla",
         "username": "alicia_q_private", "language_code": "es-MX"}  # fmt: skip
BOB = {"id": 55512345, "is_bot": False, "first_name": "Bartholomew", "last_name": "Zed",
       "username": "bart_zed_hidden", "language_code": "en"}  # fmt: skip
ADMIN = {"id": 31337000, "is_bot": False, "first_name": "Admina", "language_code": "en"}
GROUP = {"id": -1009876543210, "type": "supergroup", "title": "Neighbours Helping Neighbours"}
BOT_NAME = BOT_USER["username"]

_message_ids = itertools.count(1)
_query_ids = itertools.count(1)


def private_chat(user: dict[str, Any]) -> dict[str, Any]:
    return {"id": user["id"], "type": "private", "first_name": user["first_name"]}


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def entities_for(text: str) -> list[dict[str, Any]]:
    """bot_command at offset 0 for a /command, mention for each @name (UTF-16 offsets)."""
    entities = []
    if match := re.match(r"/[A-Za-z0-9_]+(@\w+)?", text):
        entities.append({"type": "bot_command", "offset": 0, "length": utf16(match.group())})
    for match in re.finditer(r"@\w{5,}", text):
        if match.start() and text[match.start() - 1] not in " \n":
            continue
        entities.append({"type": "mention", "offset": utf16(text[: match.start()]),
                         "length": utf16(match.group())})  # fmt: skip
    return entities


def message(
    text: str | None = None,
    *,
    user: dict[str, Any] = BOB,
    chat: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A message dict; text gets its command and mention entities."""
    msg: dict[str, Any] = {"message_id": next(_message_ids), "date": int(time.time()),
                           "chat": chat or private_chat(user), "from": user}  # fmt: skip
    if text is not None:
        msg["text"] = text
        if entities := entities_for(text):
            msg["entities"] = entities
    msg.update(extra)
    return msg


def text_update(text: str, **kwargs: Any) -> dict[str, Any]:
    return {"message": message(text, **kwargs)}


def callback_update(
    data: str, sent: dict[str, Any] | None, *, user: dict[str, Any] = BOB, inline_id: str = ""
) -> dict[str, Any]:
    """A button press on `sent` (a message dict the server returned) or an inline message."""
    query: dict[str, Any] = {"id": str(next(_query_ids)), "from": user, "data": data,
                             "chat_instance": "42"}  # fmt: skip
    if sent is not None:
        query["message"] = sent
    else:
        query["inline_message_id"] = inline_id or "inline-1"
    return {"callback_query": query}


def inline_update(query: str, *, user: dict[str, Any] = BOB) -> dict[str, Any]:
    return {"inline_query": {"id": str(next(_query_ids)), "from": user, "query": query,
                             "offset": ""}}  # fmt: skip


NON_TEXT = {
    "sticker": {"file_id": "S1", "file_unique_id": "s1", "width": 512, "height": 512,
                "is_animated": False, "is_video": False, "type": "regular"},
    "photo": [{"file_id": "P1", "file_unique_id": "p1", "width": 90, "height": 90}],
    "voice": {"file_id": "V1", "file_unique_id": "v1", "duration": 3},
    "location": {"latitude": 39.74, "longitude": -104.99},
    "contact": {"phone_number": "+1 303 555 0199", "first_name": "Alicia"},
}  # fmt: skip
