"""Typed, immutable knowledge-base records: what the loader produces and everything else reads.

Each record is declared once, here. A field's metadata (a `Spec`, made by `need` or `opt`)
says how it is written in YAML: whether it is required, what kind of value it holds, its
length limit and a doc line. The schema's field tables and the loader's per-field checks
are derived from these declarations, so a new field is one line here (plus its line in
docs/knowledge.md).
"""

# ruff: noqa: RUF009  (need/opt return dataclasses.field, which RUF009 does not know)
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, total_ordering
from typing import Any, Literal


class Stance(StrEnum):
    """The fixed stance vocabulary; see docs/knowledge.md for when to use each."""

    SANCTUARY = "sanctuary"
    LIMITS_COOPERATION = "limits_cooperation"
    BANS_SANCTUARY = "bans_sanctuary"
    UNCLEAR = "unclear"
    UNKNOWN = "unknown"


class PlaceType(StrEnum):
    CITY = "city"
    COUNTY = "county"
    STATE = "state"
    DISTRICT = "district"


class SourceKind(StrEnum):
    """What a source is; only an `article` (one of the five with a text file) may be quoted."""

    ARTICLE = "article"
    NEWS = "news"
    COURT = "court"
    GOVERNMENT = "government"
    REFERENCE = "reference"
    ADVOCACY = "advocacy"


class EventKind(StrEnum):
    """What a timeline event is."""

    LAW = "law"
    EXECUTIVE_ORDER = "executive_order"
    FEDERAL_LISTING = "federal_listing"
    FEDERAL_REMOVAL = "federal_removal"
    LAWSUIT = "lawsuit"
    RULING = "ruling"
    POLICY_CHANGE = "policy_change"
    STATEMENT = "statement"


class FederalListing(StrEnum):
    """A place's standing on the DOJ list of 5 August 2025 (absent: not named on it)."""

    LISTED = "listed"
    REMOVED = "removed"


class Aspect(StrEnum):
    """What a question asks about; facts, quotes, events and topics are tagged with these."""

    MONEY = "money"
    NUMBERS = "numbers"
    POLICE = "police"
    JAILS = "jails"
    COURTS = "courts"
    FEDERAL_FUNDING = "federal_funding"
    LAWS = "laws"
    WHEN = "when"
    WHO = "who"
    SAID = "said"
    ICE_ACCESS = "ice_access"
    SERVICES = "services"
    FEDERAL_LIST = "federal_list"


MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip

# How a field is written in YAML and read by the loader (see schema.Entry):
# text, date, flag, texts (a list of text), localized (en:/es:), choice (one enum value),
# choices (a list of enum values), source (a source id), sources (a list of source ids),
# coordinates ([lat, lon]); the rest are read by the record's own builder in records.py:
# id, records (a list of nested records).
Read = Literal[
    "text", "date", "flag", "texts", "localized", "choice", "choices", "source", "sources",
    "coordinates", "id", "records",
]  # fmt: skip
_NAME = "<name>"  # Spec.key's default: the YAML key is the field's own name


@dataclass(frozen=True)
class Spec:
    """How one field of a record is written in YAML; made by `need` and `opt`."""

    read: Read
    doc: str
    required: bool = False
    limit: int | None = None  # most characters (per language for en:/es: texts)
    vocabulary: type[StrEnum] | None = None  # for choice/choices
    key: str | None = _NAME  # the YAML key if not the field's name; None: not in the YAML
    only: str = ""  # written only in this kind of record ("topic": a topic quote's role)


_EMPTY = {"texts": (), "choices": (), "sources": (), "records": (), "flag": False}


def need(read: Read, doc: str, *, limit: int | None = None, **more: Any) -> Any:
    """A required field: no default, and the loader reports it when missing."""
    return _field(Spec(read, doc, True, limit, **more), dataclasses.MISSING)


def opt(read: Read, doc: str, *, limit: int | None = None, **more: Any) -> Any:
    """An optional field: empty (None, an empty tuple, False) when the YAML leaves it out."""
    return _field(Spec(read, doc, False, limit, **more), _EMPTY.get(read))


def _field(info: Spec, default: object) -> Any:
    return dataclasses.field(default=default, metadata={"spec": info})


@cache
def specs(record: type, only: str = "") -> dict[str, tuple[str, Spec]]:
    """YAML key -> (field name, Spec) of a record, in declaration order.

    `only` names the kind of record being read, e.g. "topic" for a topic's quotes.
    """
    found: dict[str, tuple[str, Spec]] = {}
    for f in dataclasses.fields(record):
        info = f.metadata.get("spec")
        if info is None or info.key is None or (info.only and info.only != only):
            continue
        key = f.name if info.key == _NAME else info.key
        found[key] = (f.name, info)
    return found


@cache
def defaults(record: type) -> dict[str, object]:
    """Field name -> default, for the fields that have one (an absent optional field)."""
    fields = dataclasses.fields(record)
    return {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}


def field_table(record: type, only: str = "") -> dict[str, bool]:
    """YAML key -> required?, derived from the declaration (the schema's field table)."""
    return {key: info.required for key, (_, info) in specs(record, only).items()}


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to a year, a month or a day: sources rarely give more than they give."""

    year: int
    month: int | None = None
    day: int | None = None

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def last_day(self) -> dt.date:
        """The latest day it can mean: 2017-04 is not over before 2017-04-30 is."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            first_of_next = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return first_of_next - dt.timedelta(days=1)
        return dt.date(self.year, self.month, self.day)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def human(self, language: str = "en") -> str:
        """'April 2017' / 'abril de 2017', '24 April 2017' / '24 de abril de 2017'."""
        if self.month is None:
            return str(self.year)
        if language == "es":
            month = MONTHS_ES[self.month - 1]
            text = f"{month} de {self.year}"
            return f"{self.day} de {text}" if self.day else text
        month = MONTHS_EN[self.month - 1]
        text = f"{month} {self.year}"
        return f"{month} {self.day}, {self.year}" if self.day else text


@dataclass(frozen=True)
class Localized:
    """The bot's own wording, in English and Spanish. Quotes are never translated."""

    en: str
    es: str

    def get(self, language: str) -> str:
        return self.es if language == "es" else self.en


# Length limits (characters; per language for en:/es: texts): each fits one message.
SUMMARY = 900  # summary, stance_basis, statewide, label_rejected
EVENT = 600  # event and fact texts
QUOTE = 900
ANSWER = 1800  # a topic's answer
NAME = 200  # names, roles, outlets: one line each
NOTE = 2000  # notes for maintainers, addresses


@dataclass(frozen=True, kw_only=True)
class Source:
    id: str = need("id", "lower-case letters, digits and dashes; unique in all source files")
    kind: SourceKind = need("choice", "what it is (Source kinds)", vocabulary=SourceKind)
    outlet: str = need("text", "where it was read (site or outlet)", limit=NAME)
    publisher: str | None = opt("text", "the original publisher of a repost", limit=NAME)
    title: str = need("text", "the headline or page title", limit=2 * NAME)
    author: str | None = opt("text", "null when the source names none", limit=NAME)
    date: PartialDate = need("date", "its publication date, to the precision known")
    date_inferred: bool = opt("flag", "the date was deduced, not read")
    url: str | None = opt("text", "where it was read (required unless an article)", limit=NOTE)
    text_file: str | None = opt("text", "an article's plain text, for --texts", limit=NAME)
    note: str | None = opt("text", "what is known or doubtful (for maintainers)", limit=NOTE)


@dataclass(frozen=True)
class Official:
    name: str = need("text", "the person's full name", limit=NAME)
    role: str = need("text", "their role at the time, e.g. Mayor of Denver", limit=NAME)
    role_es: str = need("text", "the role in Spanish, lower case", limit=NAME)
    aliases: tuple[str, ...] = opt("texts", "other names questions may use")


@dataclass(frozen=True)
class Quote:
    text: str = need("text", "verbatim from the source, never edited", limit=QUOTE)
    speaker: str = need("text", "who said it (a place's: one of its officials)", limit=NAME)
    role: str = need(
        "text", "the speaker's role (a place's: the official's)", limit=NAME, only="topic"
    )
    date: PartialDate = need("date", "of the remark if the source gives it, else the source's")
    source: str = need("source", "the id of an article source")
    aspects: tuple[Aspect, ...] = need("choices", "what it answers", vocabulary=Aspect)
    date_inferred: bool = opt("flag", "the date was deduced, not read")
    joint_with: tuple[str, ...] = opt("texts", "co-signers of a joint statement")
    context: Localized | None = opt("localized", "where/how it was said, in our words", limit=NAME)
    note: str | None = opt("text", "an ambiguity for maintainers (not shown)", limit=NOTE)
    role_es: str | None = opt(
        "text", "the role in Spanish (a place's: the official's)", limit=NAME, only="topic"
    )
    reported: bool = opt("flag", "the source does not date the remark: the date is the source's")
    date_from_notes: bool = opt("flag", "the date is from our source notes, not the article")


@dataclass(frozen=True, kw_only=True)
class Fact:
    text: Localized = need("localized", "what happened, in our words", limit=EVENT)
    date: PartialDate = need("date", "when it happened, to the precision known")
    source: str = need("source", "the id of the source that states it")
    date_inferred: bool = opt("flag", "the date was deduced, not read")
    aspects: tuple[Aspect, ...] = need("choices", "what it answers", vocabulary=Aspect)
    reported: bool = opt("flag", "the source does not date it: the date is the source's")
    date_from_notes: bool = opt("flag", "the date is from our source notes, not the article")


@dataclass(frozen=True, kw_only=True)
class Event:
    """One dated item of a place's timeline: a law, an order, a listing, a suit, a ruling."""

    date: PartialDate = need("date", "when it happened, to the precision known")
    kind: EventKind = need("choice", "what happened (Event kinds)", vocabulary=EventKind)
    text: Localized = need("localized", "1–2 sentences in our words", limit=EVENT)
    source: str = need("source", "the id of the best source for it")
    date_inferred: bool = opt("flag", "the date was deduced, not read")
    also: tuple[str, ...] = opt("sources", "more source ids that confirm it")
    aspects: tuple[Aspect, ...] = need("choices", "what it answers", vocabulary=Aspect)


@dataclass(frozen=True)
class Jurisdiction:
    id: str = need("id", "the file name", key=None)
    name: str = need("text", "the common English name", limit=NAME)
    type: PlaceType = need("choice", "city, county, state or district", vocabulary=PlaceType)
    state: str = need("id", "two-letter USPS code: the folder; DC for Washington", key=None)
    stance: Stance = need("choice", "today's stance (Stances)", vocabulary=Stance)
    as_of: PartialDate = need("date", "the date of the newest evidence the stance rests on")
    summary: Localized = need("localized", "the place today, in 2–4 sentences", limit=SUMMARY)
    stance_basis: Localized = need(
        "localized", "whose label or policy, and its date", limit=SUMMARY
    )
    aliases: tuple[str, ...] = opt("texts", "nicknames, abbreviations, other names")
    laws: tuple[str, ...] = opt("texts", "its own laws and orders by name: 'SB 54'")
    name_es: str | None = opt("text", "the Spanish name where it differs", limit=NAME)
    officials: tuple[Official, ...] = opt("records", "the people quoted")
    quotes: tuple[Quote, ...] = opt("records", "verbatim quotes from the articles")
    facts: tuple[Fact, ...] = opt("records", "dated facts from the articles, in our words")
    file: str = field(default="")  # where it was read from, for messages to maintainers
    label_rejected: Localized | None = opt(
        "localized", "who rejects the label, and when", limit=SUMMARY
    )
    federal_list: FederalListing | None = opt(
        "choice", "DOJ list of Aug 2025", vocabulary=FederalListing
    )
    statewide: Localized | None = opt(
        "localized", "states: what the law means for every place", limit=SUMMARY
    )
    coordinates: tuple[float, float] | None = opt("coordinates", "[lat, lon] if no gazetteer point")
    events: tuple[Event, ...] = opt("records", "the dated timeline (any order)")

    @property
    def timeline(self) -> tuple[Event, ...]:
        """The events, newest first (same-date events keep their written order)."""
        return tuple(sorted(self.events, key=lambda event: event.date, reverse=True))

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Every source the place cites, in order: quotes, facts, events (and their `also`)."""
        seen = dict.fromkeys(q.source for q in self.quotes)
        seen.update(dict.fromkeys(f.source for f in self.facts))
        for event in self.events:
            seen.update(dict.fromkeys((event.source, *event.also)))
        return tuple(seen)

    @property
    def newest_event(self) -> Event | None:
        return self.timeline[0] if self.events else None

    @property
    def dated_items(self) -> tuple[Quote | Fact | Event, ...]:
        """Quotes, facts and events whose date is their own, newest first.

        A reported quote or fact carries its source's date, not its own: it is left out.
        """
        remarks: list[Quote | Fact] = [*self.quotes, *self.facts]
        items = [*self.events, *(item for item in remarks if not item.reported)]
        return tuple(sorted(items, key=lambda item: item.date.last_day(), reverse=True))

    @property
    def newest_item(self) -> Quote | Fact | Event | None:
        return self.dated_items[0] if self.dated_items else None

    @property
    def newest_date(self) -> PartialDate:
        """The newest date the place's information rests on: as_of or its newest item."""
        newest = self.newest_item
        dates = [self.as_of] if newest is None else [self.as_of, newest.date]
        return max(dates, key=PartialDate.last_day)


@dataclass(frozen=True, kw_only=True)
class Topic:
    id: str = need("id", "lower-case letters, digits and dashes; unique")
    question: Localized = need("localized", "the question, in our words", limit=2 * NAME)
    answer: Localized = need("localized", "the answer, naming outlets and times", limit=ANSWER)
    keywords_en: tuple[str, ...] = opt(
        "texts", "phrases marking a question (en:/es:)", key="keywords"
    )
    keywords_es: tuple[str, ...] = opt("texts", "the Spanish ones, under keywords", key=None)
    quotes: tuple[Quote, ...] = opt("records", "verbatim quotes, speaker and role written out")
    sources: tuple[str, ...] = need("sources", "ids of the sources the answer rests on")
    aspects: tuple[Aspect, ...] = opt("choices", "what the topic answers", vocabulary=Aspect)


@dataclass(frozen=True)
class KnowledgeBase:
    sources: dict[str, Source] = field(default_factory=dict)
    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)  # by id, file order
    topics: dict[str, Topic] = field(default_factory=dict)  # by id, file order
