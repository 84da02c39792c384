"""What each kind of YAML record may contain, and how one record is checked against it.

Kept apart from the loader so the format (docs/knowledge.md) reads in one place. Checks
report messages for a volunteer maintainer instead of raising: every problem, in one pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from bot.knowledge.model import Localized, PartialDate, PlaceType, Stance

# Fields per record kind: name -> required?  Order is the order shown in hints.
SOURCE = {
    "id": True, "outlet": True, "title": True, "author": False, "date": True,
    "date_inferred": False, "url": False, "text_file": False, "note": False,
}  # fmt: skip
TOPIC = {
    "id": True, "question": True, "answer": True, "keywords": False, "sources": True,
    "quotes": False,
}  # fmt: skip
TOPIC_QUOTE = {
    "text": True, "speaker": True, "role": True, "date": True, "date_inferred": False,
    "source": True, "joint_with": False, "context": False, "note": False,
}  # fmt: skip
JURISDICTION = {
    "name": True, "name_es": False, "type": True, "aliases": False, "stance": True,
    "as_of": True,
    "summary": True, "officials": False, "quotes": False, "facts": False,
}  # fmt: skip
JURISDICTION_QUOTE = {key: required for key, required in TOPIC_QUOTE.items() if key != "role"}
OFFICIAL = {"name": True, "role": True, "aliases": False}
FACT = {"text": True, "date": True, "date_inferred": False, "source": True}
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


def close_match(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice `word` most likely misspells (ignoring case), if any is close."""
    options = {choice.casefold(): choice for choice in choices}
    close = difflib.get_close_matches(word.casefold(), list(options), n=1, cutoff=cutoff)
    return options[close[0]] if close else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """' — did you mean 'x'?' when a choice is close to `word`, else ''."""
    match = close_match(word, choices, cutoff)
    return f" — did you mean '{match}'?" if match else ""


def unknown_field(key: object, fields: Iterable[str], kind: str = "", prefix: str = "") -> str:
    """The message for a key the record kind does not have, with the likeliest intended one."""
    name = f"{prefix}{key}"
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
        return f"is not a date: '{value}' — {DATE_FORMAT}, without a time"
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return PartialDate(value)
    text = str(value).strip() if isinstance(value, str | int | float) else ""
    match = _DATE.fullmatch(text)
    if not match:
        return f"is not a date: '{value}' — {DATE_FORMAT}"
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        return f"is not a real date: '{text}' — check the month and day"
    return PartialDate(year or 1, month, day)


def parse_choice(value: str, choices: type[Stance] | type[PlaceType]) -> Stance | PlaceType | str:
    """The enum member named `value`, else a message listing the allowed values."""
    try:
        return choices(value)
    except ValueError:
        allowed = ", ".join(member.value for member in choices)
        hint = did_you_mean(value, [member.value for member in choices])
        return f"must be one of {allowed}, not '{value}'{hint}"


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
        rank = {".": 0, "sources.yaml": 1, "topics.yaml": 2}.get(self.file, 3)
        return rank, self.file, self.line

    def format(self, file: str) -> str:
        """'file:line: message' ('file: message' for line 0), with the file shown as given."""
        where = f"{file}:{self.line}" if self.line else file
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"


class Entry:
    """One record being read: its raw data, where it is, and the errors found in it.

    Getters return None (or an empty value) after reporting a problem, so one pass over a
    record reports everything wrong with it; `ok` then says whether to build the record.
    """

    def __init__(
        self,
        problems: list[Problem],
        file: str,
        lines: dict[tuple, int],
        path: tuple,
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

    def child(self, sub: tuple, where: str, data: object) -> Entry:
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
            self.error(f"'{key}' must be true or false, not '{value}'", key)
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

    def choice(self, key: str, choices: type[Stance] | type[PlaceType]) -> Any:
        value = self.text(key)
        parsed = parse_choice(value, choices) if value is not None else None
        if isinstance(parsed, str) and not isinstance(parsed, Stance | PlaceType):
            self.error(f"'{key}' {parsed}", key)
            return None
        return parsed

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

    def children(self, key: str, kind: str) -> list[Entry]:
        """An Entry for each item of a list of records, named 'quote 2: ' and so on."""
        return [self.child((key, i), f"{kind} {i + 1}: ", item) for i, item in self.items(key)]

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
