"""How one YAML record is checked: an Entry reads each kind of value, and every problem
becomes a `file:line: message` for a volunteer maintainer, collected rather than raised.

Which fields a record has is declared in model.py; this module knows how to read a text,
a date, a flag, a vocabulary value… Values are shown in messages by type or cut short
(`brief`), and messages are cut at LINE characters, so a hostile edit cannot flood a log.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal, TypeVar

from bot.knowledge.model import Localized, PartialDate

E = TypeVar("E", bound=StrEnum)
KeyPath = tuple[str | int, ...]  # keys and list indexes from a file's top to a value
Lines = dict[KeyPath, int]  # the line each key path is written on

LANGUAGES = ("en", "es")
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}

# Keys people plausibly write in the wrong record, with what to do instead.
MISPLACED = {
    "jurisdiction": {
        "id": "the id is the file name; remove this line",
        "state": "the state is the folder name; remove this line",
    },
    "quote": {"role": "a quote's role comes from its official; set it under officials:"},
}

US_STATES = frozenset((
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY",
))  # fmt: skip
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
DATE_FORMAT = "write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2017-04)"
BRIEF = 60  # most characters of a value quoted in a message
LINE = 200  # most characters of a problem's message: a hostile value cannot flood a log or chat


def close_match(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice `word` most likely misspells (ignoring case), if any is close."""
    if len(word) > BRIEF:  # nobody misspells a page of text; difflib would be slow on it
        return None
    options = {choice.casefold(): choice for choice in choices}
    close = difflib.get_close_matches(word.casefold(), list(options), n=1, cutoff=cutoff)
    return options[close[0]] if close else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """' — did you mean 'x'?' when a choice is close to `word`, else ''."""
    match = close_match(word, choices, cutoff)
    return f" — did you mean '{match}'?" if match else ""


def unknown_field(key: object, fields: Iterable[str], kind: str = "", prefix: str = "") -> str:
    """The message for a key the record kind does not have, with the likeliest intended one."""
    name = f"{prefix}{brief(key, quoted=False)}"
    fields = list(fields)
    special = MISPLACED.get(kind, {}).get(str(key))
    if special:
        return f"unknown field '{name}' — {special}"
    match = close_match(str(key), fields)
    if match:
        return f"unknown field '{name}' — did you mean '{prefix}{match}'?"
    return f"unknown field '{name}' — allowed: {', '.join(fields)}"


def describe(value: object) -> str:
    """What a wrongly typed value is, in words a maintainer knows."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__  # pragma: no cover - safe_load yields nothing else


def brief(value: object, quoted: bool = True) -> str:
    """A value as a message may show it: short text as written (cut to BRIEF characters),
    anything else by its type, so an aliased or huge value is never expanded into a message."""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return describe(value)
    if isinstance(value, int) and value.bit_length() > 3 * BRIEF:  # str() would be slow
        return describe(value)
    text = str(value)
    if len(text) > BRIEF:
        text = text[: BRIEF - 1] + "…"
    return f"'{text}'" if quoted else text


def check_id(value: str) -> str | None:
    """None if `value` is a valid id, else why not (with a suggestion)."""
    if _ID.fullmatch(value):
        return None
    return f"must be lower-case letters, digits and dashes, e.g. '{slug(value)}'"


def slug(text: str) -> str:
    """A valid id suggestion made from any text: 'New York' -> 'new-york'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "my-id"


def parse_date(value: object) -> PartialDate | str:
    """A PartialDate from 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', a date or a year; else why not."""
    if isinstance(value, dt.datetime):
        return f"is not a date: {brief(str(value))} — {DATE_FORMAT}, without a time"
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return PartialDate(value)
    text = str(value).strip() if isinstance(value, str | int | float) else ""
    match = _DATE.fullmatch(text)
    if not match:
        return f"is not a date: {brief(value)} — {DATE_FORMAT}"
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        return f"is not a real date: '{text}' — check the month and day"
    return PartialDate(year or 1, month, day)


def parse_choice(value: str, choices: type[E]) -> E | str:
    """The member of any StrEnum whose value is `value`, else a message listing the values."""
    try:
        return choices(value)
    except ValueError:
        allowed = ", ".join(member.value for member in choices)
        hint = did_you_mean(value, [member.value for member in choices])
        if hint and len(allowed) > 100:  # the hint matters more than a long list
            allowed = "the values in docs/knowledge.md"
        return f"must be one of {allowed}, not {brief(value)}{hint}"


def name_key(text: str) -> str:
    """Compare names case-, accent- and punctuation-insensitively: 'L.A.' == 'la'."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = (c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in "".join(letters).casefold() if c.isalnum())


@dataclass(frozen=True)
class Problem:
    """One thing a maintainer must fix (error) or should look at (warning); line 0: whole file."""

    file: str  # relative to the knowledge directory, '/'-separated
    line: int
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        return self.format(self.file)

    def sort_key(self) -> tuple[int, str, int]:
        """Files in reading order (sources, topics, jurisdictions by path), then lines."""
        rank = {".": 0, "sources.yaml": 1, "topics.yaml": 3}.get(self.file, 4)
        if self.file.startswith("sources/"):
            rank = 2
        return rank, self.file, self.line

    def format(self, file: str) -> str:
        """'file:line: message' ('file: message' for line 0), with the file shown as given."""
        where = f"{file}:{self.line}" if self.line else file
        prefix = "warning: " if self.severity == "warning" else ""
        message = self.message if len(self.message) <= LINE else self.message[: LINE - 1] + "…"
        return f"{where}: {prefix}{message}"


class Entry:
    """One record being read: its raw data, where it is, and the errors found in it.

    Getters return None (or an empty value) after reporting a problem, so one pass over a
    record reports everything wrong with it; `ok` then says whether to build the record.
    """

    def __init__(
        self,
        problems: list[Problem],
        file: str,
        lines: Lines,
        path: KeyPath,
        where: str,
        data: object,
        start: int | None = None,
    ) -> None:
        self.problems, self.file, self.lines, self.path = problems, file, lines, path
        self.where, self.data = where, data  # where: "source 'x': ", names the entry
        self.start = len(problems) if start is None else start

    @property
    def ok(self) -> bool:
        return len(self.problems) == self.start

    def line(self, *sub: str | int) -> int:
        """The line of path + sub, or of its nearest written ancestor."""
        path = self.path + sub
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def error(self, message: str, *sub: str | int) -> None:
        self.problems.append(Problem(self.file, self.line(*sub), self.where + message))

    def child(self, sub: KeyPath, where: str, data: object) -> Entry:
        return Entry(
            self.problems, self.file, self.lines, self.path + sub, self.where + where, data
        )

    def get(self, key: str) -> object:
        return self.data.get(key) if isinstance(self.data, dict) else None

    def mapping(self, fields: dict[str, bool], kind: str, shape: str, field: str = "") -> bool:
        """Check the record is a mapping with the required and no unknown keys.

        `field` names a nested mapping such as 'summary', whose keys read 'summary.es'.
        """
        prefix = f"{field}." if field else ""
        if not isinstance(self.data, dict):
            found = describe(self.data)
            what = f"'{field}' must have {shape}" if field else f"expected a mapping of {shape}"
            self.error(f"{what}, not {found}")
            return False
        misspelt = set()  # a missing field written with a typo gets one message, not two
        for key in self.data:
            if key not in fields:
                self.error(unknown_field(key, fields, kind, prefix), str(key))
                if str(key) not in MISPLACED.get(kind, {}):
                    misspelt.add(close_match(str(key), fields))
        for key, required in fields.items():
            if required and key not in self.data and key not in misspelt:
                self.error(f"missing required field '{prefix}{key}'")
        return True

    def text(self, key: str, required: bool = True, label: str = "", empty: str = "") -> Any:
        """A non-blank string (stripped); None if absent, or null where that is allowed."""
        label = label or key
        value = self.get(key)
        if value is None:
            if required and isinstance(self.data, dict) and key in self.data:
                self.error(f"'{label}' is empty: {empty or 'fill it in'}", key)
            return None
        if not isinstance(value, str):
            self.error(f"'{label}' must be text, not {describe(value)}", key)
            return None
        if not value.strip():
            todo = empty or ("fill it in" if required else "write it or remove the line")
            self.error(f"'{label}' is empty: {todo}", key)
            return None
        return value.strip()

    def flag(self, key: str) -> bool:
        value = self.get(key)
        if value is not None and not isinstance(value, bool):
            self.error(f"'{key}' must be true or false, not {brief(value)}", key)
        return value is True

    def date(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            return self.text(key)  # reports an empty required date
        parsed = parse_date(value)
        if isinstance(parsed, str):
            self.error(f"'{key}' {parsed}", key)
            return None
        return parsed

    def choice(self, key: str, choices: type[E], required: bool = True) -> E | None:
        """One value of the vocabulary `choices` (any StrEnum)."""
        value = self.text(key, required)
        parsed = parse_choice(value, choices) if value is not None else None
        if isinstance(parsed, choices) or parsed is None:
            return parsed
        self.error(f"'{key}' {parsed}", key)
        return None

    def choices(self, key: str, choices: type[E], required: bool = False) -> tuple[E, ...]:
        """A list of values of the vocabulary `choices`; `required`: at least one."""
        found = []
        for i, item in self.items(key):
            parsed = parse_choice(item, choices) if isinstance(item, str) else None
            if isinstance(parsed, choices):
                found.append(parsed)
            elif parsed is None:
                self.error(f"'{key}' item {i + 1} must be text, not {describe(item)}", key, i)
            else:
                self.error(f"'{key}' item {i + 1} {parsed}", key, i)
        if required and isinstance(self.data, dict) and key in self.data and not self.get(key):
            allowed = ", ".join(member.value for member in choices)
            self.error(f"'{key}' needs at least one of {allowed}", key)
        return tuple(found)

    def coordinates(self, key: str) -> tuple[float, float] | None:
        """[latitude, longitude] in degrees, or None."""
        value = self.get(key)
        if value is None:
            return None
        items = value if isinstance(value, list) else []
        pair = [v for v in items if isinstance(v, int | float) and not isinstance(v, bool)]
        if len(pair) != 2 or len(items) != 2:
            self.error(
                f"'{key}' must be [latitude, longitude], e.g. [39.74, -104.99], "
                f"not {describe(value)}",
                key,
            )
            return None
        lat, lon = float(pair[0]), float(pair[1])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            self.error(f"'{key}' is off the globe: latitude -90..90, longitude -180..180", key)
            return None
        return lat, lon

    def limit(self, value: str | None, limit: int | None, label: str, *sub: str | int) -> None:
        """Report text longer than `limit` characters: every text must fit a message."""
        if value is not None and limit is not None and len(value) > limit:
            self.error(
                f"'{label}' is {len(value):,} characters long: shorten it to {limit:,} or fewer",
                *sub,
            )

    def items(self, key: str, label: str = "") -> list[tuple[int, object]]:
        """The items of a list field; [] if absent or null (nothing to list)."""
        value = self.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            shape = "e.g. [A, B], or one '- ' line per item"
            self.error(f"'{label or key}' must be a list ({shape}), not {describe(value)}", key)
            return []
        return list(enumerate(value))

    def children(self, key: str, kind: str) -> Iterator[Entry]:
        """An Entry for each item of a list of records, named 'quote 2: ' and so on.

        Made one at a time, so each item's `ok` counts only its own problems.
        """
        for i, item in self.items(key):
            yield self.child((key, i), f"{kind} {i + 1}: ", item)

    def texts(self, key: str, label: str = "") -> Any:
        label = label or key
        found = []
        for i, item in self.items(key, label):
            if not isinstance(item, str):
                self.error(f"'{label}' item {i + 1} must be text, not {describe(item)}", key, i)
            elif not item.strip():
                self.error(f"'{label}' item {i + 1} is empty: remove it or fill it in", key, i)
            else:
                found.append(item.strip())
        return tuple(found)

    def localized(self, key: str, required: bool = True) -> Any:
        """English and Spanish wording of the same thing."""
        value = self.get(key)
        if value is None:
            return self.text(key, required)  # reports an empty required field
        c = self.child((key,), "", value)
        if not c.mapping(dict.fromkeys(LANGUAGES, True), "", "en: and es: texts", key):
            return None
        texts = [
            c.text(lang, label=f"{key}.{lang}", empty=f"write the {LANGUAGE_NAMES[lang]} text")
            for lang in LANGUAGES
        ]
        return Localized(*texts) if all(texts) else None
