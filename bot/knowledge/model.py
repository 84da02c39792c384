"""Typed, immutable knowledge-base records: what the loader produces and everything else reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import total_ordering


class Stance(StrEnum):
    """The fixed stance vocabulary; see docs/knowledge.md for when to use each."""

    SANCTUARY = "sanctuary"
    LIMITS_COOPERATION = "limits_cooperation"
    UNCLEAR = "unclear"
    UNKNOWN = "unknown"


class PlaceType(StrEnum):
    CITY = "city"
    COUNTY = "county"
    STATE = "state"
    DISTRICT = "district"


MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip


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

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; raise ValueError otherwise."""
        import datetime as _dt

        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
            raise ValueError(f"not a date: {text!r}")
        if len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
            raise ValueError(f"not a date: {text!r}")
        year, *rest = (int(p) for p in parts)
        month = rest[0] if rest else None
        day = rest[1] if len(rest) > 1 else None
        _dt.date(year, month or 1, day or 1)  # raises ValueError for month 13, day 31 in April…
        return cls(year, month, day)


@dataclass(frozen=True)
class Localized:
    """The bot's own wording, in English and Spanish. Quotes are never translated."""

    en: str
    es: str

    def get(self, language: str) -> str:
        return self.es if language == "es" else self.en


@dataclass(frozen=True)
class Source:
    id: str
    outlet: str
    title: str
    author: str | None
    date: PartialDate
    date_inferred: bool
    url: str | None
    text_file: str | None = None  # the article's plain text, for the verbatim check
    note: str | None = None  # what is known or doubtful about this source


@dataclass(frozen=True)
class Official:
    name: str
    role: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    text: str  # verbatim from the source, never edited
    speaker: str  # name of the person who said it
    role: str  # their role at the time, e.g. "Mayor of Denver"
    date: PartialDate  # of the statement where the source gives it, else the source's
    source: str  # Source.id
    date_inferred: bool = False
    joint_with: tuple[str, ...] = ()  # co-signers of a joint statement
    context: Localized | None = None  # where/how it was said, in the bot's words
    note: str | None = None  # ambiguity worth telling a maintainer (not shown to users)


@dataclass(frozen=True)
class Fact:
    text: Localized
    date: PartialDate
    source: str
    date_inferred: bool = False


@dataclass(frozen=True)
class Jurisdiction:
    id: str
    name: str  # the common English name
    type: PlaceType
    state: str  # two-letter USPS code; "DC" for Washington
    stance: Stance
    as_of: PartialDate
    summary: Localized
    aliases: tuple[str, ...] = ()
    name_es: str | None = None  # the Spanish name where it differs ("Filadelfia")
    officials: tuple[Official, ...] = ()
    quotes: tuple[Quote, ...] = ()
    facts: tuple[Fact, ...] = ()
    file: str = ""  # where it was loaded from, for messages to maintainers

    @property
    def source_ids(self) -> tuple[str, ...]:
        seen = dict.fromkeys(q.source for q in self.quotes)
        seen.update(dict.fromkeys(f.source for f in self.facts))
        return tuple(seen)


@dataclass(frozen=True)
class Topic:
    id: str
    question: Localized
    answer: Localized
    keywords_en: tuple[str, ...] = ()  # phrases that mark a question as about this topic
    keywords_es: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    sources: dict[str, Source] = field(default_factory=dict)
    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)  # by id, file order
    topics: dict[str, Topic] = field(default_factory=dict)  # by id, file order

    @property
    def newest_date(self) -> PartialDate | None:
        """The date of the newest source: how old the whole knowledge base is."""
        return max((s.date for s in self.sources.values()), default=None)
