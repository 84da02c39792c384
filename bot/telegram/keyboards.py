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
from typing import NamedTuple

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answer.action import LANGUAGES, Action, Verb
from bot.answer.model import Answer, Choice
from bot.conversation import the_place
from bot.telegram import texts

MAX_CALLBACK_BYTES = 64
MAX_BUTTONS = 90  # Telegram allows 100 buttons in one keyboard
_CODES = {
    Verb.PLACE: "p",
    Verb.TOPIC: "t",
    Verb.QUOTES: "q",
    Verb.SOURCES: "s",
    Verb.LIST: "l",
    Verb.ASK: "a",
    Verb.BACK: "b",
    Verb.HISTORY: "H",
    Verb.LANGUAGE: "L",
}
_VERBS = {code: verb for verb, code in _CODES.items()}
_DIGEST = "h"  # the code of an action kept in the table of long ones


class Pressed(NamedTuple):
    """A decoded button: what it asks for, and the language of the answer it sat under."""

    action: Action
    language: str


class CallbackCodec:
    """Encodes an answer's actions as callback data and decodes them back."""

    def __init__(self, capacity: int = 4096) -> None:
        self._long: OrderedDict[str, Action] = OrderedDict()
        self._capacity = capacity

    def encode(self, action: Action, language: str) -> str:
        """Callback data of at most 64 bytes for `action`, answered in `language`."""
        language = language if language in LANGUAGES else "en"
        data = f"{_CODES[action.verb]}:{language}:{action.payload}"
        if len(data.encode()) <= MAX_CALLBACK_BYTES:
            return data
        digest = hashlib.blake2s(str(action).encode(), digest_size=12).hexdigest()
        self._long[digest] = action
        self._long.move_to_end(digest)
        while len(self._long) > self._capacity:
            self._long.popitem(last=False)
        return f"{_DIGEST}:{language}:{digest}"

    def decode(self, data: str | None) -> Pressed | None:
        """The button's action, or None for data this process cannot read (stale, foreign,
        malformed): callback data comes from the client and is checked like user input."""
        code, _, rest = (data or "").partition(":")
        language, _, payload = rest.partition(":")
        if language not in LANGUAGES:
            return None
        if code == _DIGEST:
            action = self._long.get(payload)
            return Pressed(action, language) if action else None
        if code not in _VERBS:
            return None
        try:
            return Pressed(Action(_VERBS[code], payload), language)
        except ValueError:
            return None


def _choice(label_key: str, language: str, verb: Verb, payload: str, **values: str) -> Choice:
    return Choice(texts.text(label_key, language, **values), Action(verb, payload))


def extra_choices(
    answer: Answer,
    *,
    more_quotes: bool,
    other_places_in_state: bool,
    view: str = "answer",
    history: bool = False,
) -> list[Choice]:
    """The buttons the transport adds under a single-place answer.

    `view` is "answer" (the place's answer), "quotes" (all its quotes), "sources" or
    "history" (its whole timeline, offered when `history`: the place has one).
    """
    pid = the_place(answer)
    if pid is None:
        return []
    lang = answer.language
    state = answer.places[0].state
    choices: list[Choice] = []
    if view != "answer":
        choices.append(_choice("button_back", lang, Verb.BACK, pid))
    if history and view not in ("history", "sources"):
        choices.append(_choice("button_history", lang, Verb.HISTORY, pid))
    if view != "sources":
        choices.append(_choice("button_sources", lang, Verb.SOURCES, pid))
    if view == "answer" and more_quotes:
        choices.append(_choice("button_quotes", lang, Verb.QUOTES, pid))
    if view == "answer" and other_places_in_state and state:
        choices.append(_choice("button_state", lang, Verb.LIST, state, state=state))
    return choices


def build_keyboard(
    choices: Iterable[Choice], language: str, codec: CallbackCodec
) -> InlineKeyboardMarkup | None:
    """One button per choice (two per row when labels are short); None without choices."""
    unique: dict[Action, str] = {}  # action -> label, first label wins
    for choice in choices:
        unique.setdefault(choice.action, choice.label)
    offered = list(unique.items())[:MAX_BUTTONS]
    if not offered:
        return None
    buttons = [
        InlineKeyboardButton(_label(label), callback_data=codec.encode(action, language))
        for action, label in offered
    ]
    short = all(len(label) <= 18 for _, label in offered) and len(offered) > 3
    width = 2 if short else 1
    return InlineKeyboardMarkup([buttons[i : i + width] for i in range(0, len(buttons), width)])


def language_keyboard(codec: CallbackCodec) -> InlineKeyboardMarkup:
    """/language: one button per language, each labelled in its own language."""
    names = {"en": "English", "es": "Español"}
    buttons = [
        InlineKeyboardButton(name, callback_data=codec.encode(Action(Verb.LANGUAGE, code), code))
        for code, name in names.items()
    ]
    return InlineKeyboardMarkup([buttons])


def _label(label: str) -> str:
    label = " ".join(label.split()) or "…"
    return label if len(label) <= 100 else label[:99] + "…"
