"""The one answer model that every renderer (Telegram HTML, plain text, JSON) draws from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.answer.action import Action


class Kind(StrEnum):
    ANSWER = "answer"  # about one or more covered places
    CLARIFY = "clarify"  # ambiguous: the user is offered choices
    NOT_COVERED = "not_covered"  # a real place the knowledge base does not cover
    TOPIC = "topic"  # a general question ("What is a sanctuary city?")
    LIST = "list"  # which places are sanctuaries (optionally in one state)
    HELP = "help"  # greetings, thanks, "help": a short guide with examples
    NOT_UNDERSTOOD = "not_understood"  # empty, gibberish or off-topic


@dataclass(frozen=True)
class PlaceRef:
    """A place as the JSON interface shows it; id is None for a place the data lacks."""

    id: str | None
    name: str
    type: str  # city | county | state | district
    state: str | None
    stance: str | None
    as_of: str | None  # YYYY[-MM[-DD]]


@dataclass(frozen=True)
class SourceRef:
    id: str
    outlet: str
    title: str
    date: str  # YYYY[-MM[-DD]]
    url: str | None
    date_inferred: bool = False


@dataclass(frozen=True)
class QuoteView:
    text: str  # verbatim, never translated
    speaker: str
    role: str
    outlet: str
    date: str  # human, in the answer's language ("April 2017"; "approx. …" when inferred)
    source_id: str
    context: str | None = None  # where and how it was said, in the bot's words


@dataclass(frozen=True)
class Choice:
    """A button under an answer: its label and what pressing it does."""

    label: str
    action: Action


@dataclass(frozen=True)
class Answer:
    question: str
    kind: Kind
    language: str  # "en" | "es"
    bottom_line: str  # first thing a user reads, with its date
    places: tuple[PlaceRef, ...] = ()
    topic: str | None = None
    details: tuple[str, ...] = ()  # further paragraphs in the bot's own words
    quotes: tuple[QuoteView, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    caveats: tuple[str, ...] = ()  # how old the information is; not legal advice
    examples: tuple[str, ...] = ()  # example questions (help, not understood, not covered)
    choices: tuple[Choice, ...] = field(default=())  # offered as buttons where it helps
    aspect: str | None = None  # what the question asked for (an Aspect), when it led the answer
