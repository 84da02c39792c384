"""What a button under an answer does: a verb and its payload, e.g. `place` + `denver`.

The answer layer offers actions as `Choice`s ("place:denver" is the written form); a
transport packs them its own way (Telegram: callback data of at most 64 bytes, see
`bot.telegram.keyboards.CallbackCodec`). An `Action` is checked when it is made, so data
that comes back from a client is either a well-formed action or rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

LANGUAGES = ("en", "es")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # jurisdiction and topic ids
_STATE = re.compile(r"[A-Z]{2}")
ALL_PLACES = "ALL"  # the payload of "list" for every covered place
MAX_QUESTION = 500  # an example question is short; anything longer is not one of ours


class Verb(StrEnum):
    PLACE = "place"  # a covered place's answer; payload: its jurisdiction id
    QUOTES = "quotes"  # every quote of a place
    SOURCES = "sources"  # every source and dated fact behind a place's answer
    HISTORY = "history"  # a place's whole dated timeline, newest first
    BACK = "back"  # from the quotes, sources or history back to the place's answer
    TOPIC = "topic"  # a general question; payload: its topic id
    LIST = "list"  # covered places; payload: a state code, or ALL
    ASK = "ask"  # an example question; payload: its text
    LANGUAGE = "lang"  # /language; payload: "en" or "es"


_PLACE_VERBS = frozenset({Verb.PLACE, Verb.QUOTES, Verb.SOURCES, Verb.HISTORY, Verb.BACK})


def _valid(verb: Verb, payload: str) -> bool:
    if verb in _PLACE_VERBS or verb is Verb.TOPIC:
        return bool(_ID.fullmatch(payload))
    if verb is Verb.LIST:
        return payload == ALL_PLACES or bool(_STATE.fullmatch(payload))
    if verb is Verb.LANGUAGE:
        return payload in LANGUAGES
    return 0 < len(payload.strip()) <= MAX_QUESTION  # Verb.ASK


@dataclass(frozen=True)
class Action:
    verb: Verb
    payload: str

    def __post_init__(self) -> None:
        if not _valid(self.verb, self.payload):
            raise ValueError(f"not a valid {self.verb} action: {self.payload[:40]!r}")

    def __str__(self) -> str:
        return f"{self.verb}:{self.payload}"

    @property
    def about_place(self) -> bool:
        """Whether the payload is a jurisdiction id (place, quotes, sources, history, back)."""
        return self.verb in _PLACE_VERBS

    @classmethod
    def parse(cls, text: str) -> Action:
        """The action written as "verb:payload"; raises ValueError if it is not one."""
        verb, _, payload = text.partition(":")
        return cls(Verb(verb), payload)
