"""Inline keyboards under answers, and callback data that always fits Telegram's 64 bytes.

Callback data is `<code>:<language>:<payload>`, e.g. `p:es:denver` for the action
`place:denver` answered in Spanish. A payload too long to fit (an example question) is kept
in a small in-memory table and the data carries its digest instead (`h:en:<digest>`);
after a restart such a button answers "expired". Nothing here is written to disk.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answer.model import Answer, Choice
from bot.conversation import the_place
from bot.telegram import texts

MAX_CALLBACK_BYTES = 64
MAX_BUTTONS = 90  # Telegram allows 100 buttons in one keyboard
_CODES = {"place": "p", "topic": "t", "quotes": "q", "sources": "s", "list": "l", "ask": "a",
          "back": "b", "lang": "L"}  # fmt: skip
_ACTIONS = {code: action for action, code in _CODES.items()}
_LANGUAGES = ("en", "es")


class CallbackCodec:
    """Encodes an answer's actions as callback data and decodes them back."""

    def __init__(self, capacity: int = 4096) -> None:
        self._long: OrderedDict[str, str] = OrderedDict()
        self._capacity = capacity

    def encode(self, action: str, language: str) -> str:
        """`action` is "kind:payload" as in Choice.action; raises ValueError if unknown."""
        kind, _, payload = action.partition(":")
        if kind not in _CODES:
            raise ValueError(f"unknown action kind: {kind}")
        language = language if language in _LANGUAGES else "en"
        data = f"{_CODES[kind]}:{language}:{payload}"
        if len(data.encode()) <= MAX_CALLBACK_BYTES:
            return data
        digest = hashlib.blake2s(action.encode(), digest_size=12).hexdigest()
        self._long[digest] = action
        self._long.move_to_end(digest)
        while len(self._long) > self._capacity:
            self._long.popitem(last=False)
        return f"h:{language}:{digest}"

    def decode(self, data: str | None) -> tuple[str, str] | None:
        """(action, language), or None for data this process cannot read (stale, foreign)."""
        if not data:
            return None
        code, _, rest = data.partition(":")
        language, _, payload = rest.partition(":")
        if language not in _LANGUAGES:
            return None
        if code == "h":
            action = self._long.get(payload)
            return (action, language) if action else None
        if code not in _ACTIONS:
            return None
        return f"{_ACTIONS[code]}:{payload}", language


def extra_choices(
    answer: Answer, *, more_quotes: bool, other_places_in_state: bool, view: str = "answer"
) -> list[Choice]:
    """The buttons the transport adds under a single-place answer.

    `view` is "answer" (the place's answer), "quotes" (all its quotes) or "sources".
    """
    pid = the_place(answer)
    if pid is None:
        return []
    lang = answer.language
    state = answer.places[0].state
    choices: list[Choice] = []
    if view != "answer":
        choices.append(Choice(texts.text("button_back", lang), f"back:{pid}"))
    if view != "sources":
        choices.append(Choice(texts.text("button_sources", lang), f"sources:{pid}"))
    if view == "answer" and more_quotes:
        choices.append(Choice(texts.text("button_quotes", lang), f"quotes:{pid}"))
    if view == "answer" and other_places_in_state and state:
        choices.append(Choice(texts.text("button_state", lang, state=state), f"list:{state}"))
    return choices


def build_keyboard(
    choices: Iterable[Choice], language: str, codec: CallbackCodec
) -> InlineKeyboardMarkup | None:
    """One button per choice (two per row when labels are short); None without choices."""
    unique: list[Choice] = []
    seen: set[str] = set()
    for choice in choices:
        if choice.action not in seen and choice.action.partition(":")[0] in _CODES:
            seen.add(choice.action)
            unique.append(choice)
    unique = unique[:MAX_BUTTONS]
    if not unique:
        return None
    buttons = [
        InlineKeyboardButton(
            _label(choice.label), callback_data=codec.encode(choice.action, language)
        )
        for choice in unique
    ]
    short = all(len(choice.label) <= 18 for choice in unique) and len(unique) > 3
    width = 2 if short else 1
    return InlineKeyboardMarkup([buttons[i : i + width] for i in range(0, len(buttons), width)])


def language_keyboard(codec: CallbackCodec) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[
            InlineKeyboardButton("English", callback_data=codec.encode("lang:en", "en")),
            InlineKeyboardButton("Español", callback_data=codec.encode("lang:es", "es")),
        ]]
    )  # fmt: skip


def _label(label: str) -> str:
    label = " ".join(label.split()) or "…"
    return label if len(label) <= 100 else label[:99] + "…"
