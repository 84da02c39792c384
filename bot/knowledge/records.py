"""Turning checked YAML entries into model records, with the checks that span entries.

Each record's fields are read generically from its declaration in model.py (`model.specs`):
the kind of value, whether it is required and its length limit. What spans entries stays
explicit here: ids and their uniqueness, references to sources, names claimed by two
places, a quote's role taken from its official, federal-list consistency with events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.knowledge import model, schema
from bot.knowledge.model import (
    Event,
    EventKind,
    Fact,
    FederalListing,
    Jurisdiction,
    Localized,
    Official,
    PlaceType,
    Quote,
    Source,
    SourceKind,
    Spec,
    Topic,
)
from bot.knowledge.schema import Entry, KeyPath, Problem

R = TypeVar("R")
SOURCE_FILES = "sources.yaml or sources/"

# A place on the federal list needs the event that says so.
_LIST_EVENTS = {
    FederalListing.LISTED: EventKind.FEDERAL_LISTING,
    FederalListing.REMOVED: EventKind.FEDERAL_REMOVAL,
}


@dataclass
class _Claim:
    """A name or alias a jurisdiction answers to."""

    key: str  # schema.name_key of the text
    kind: str  # "name" or "alias"
    owner: str  # jurisdiction id
    type: str
    file: str


@dataclass
class Records:
    """Builds records one entry at a time, remembering what the checks of later ones need."""

    problems: list[Problem]
    origins: dict[int, tuple[object, str, int]]  # id(record) -> (record, file, line)
    quotes: list[Quote]  # every valid quote, so the verbatim check can check them all
    source_ids: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (file, line)
    source_kinds: dict[str, SourceKind] = field(default_factory=dict)
    topic_ids: dict[str, tuple[str, int]] = field(default_factory=dict)
    files_by_id: dict[str, str] = field(default_factory=dict)  # jurisdiction id -> file
    claims: list[_Claim] = field(default_factory=list)
    check_references: bool = True  # False when sources.yaml itself could not be read

    def keep(self, e: Entry, record: R, line: int | None = None) -> R | None:
        """The record if its entry had no error: a half-valid record would mislead users."""
        if not e.ok:
            return None
        self.origins[id(record)] = (record, e.file, line or e.line())
        return record

    # -- reading fields from the declaration ---------------------------------------------

    def fields(
        self, e: Entry, record: type, given: dict[str, Any], only: str = ""
    ) -> dict[str, Any]:
        """Every declared field of `record` read from the entry, except those `given`."""
        values = dict(given)
        defaults = model.defaults(record)
        for key, (name, info) in model.specs(record, only).items():
            if name not in values:
                value = self.value(e, key, info)
                values[name] = defaults.get(name) if value is None else value
        return values

    def value(self, e: Entry, key: str, info: Spec) -> Any:
        """One field's value, checked as its Spec says (problems reported on the entry)."""
        read, required = info.read, info.required
        if read == "text":
            value = e.text(key, required)
            e.limit(value, info.limit, key, key)
            return value
        if read == "localized":
            value = e.localized(key, required)
            for lang in schema.LANGUAGES if isinstance(value, Localized) else ():
                e.limit(value.get(lang), info.limit, f"{key}.{lang}", key, lang)
            return value
        if read == "choice" and info.vocabulary is not None:
            return e.choice(key, info.vocabulary, required)
        if read == "choices" and info.vocabulary is not None:
            return e.choices(key, info.vocabulary, required)
        if read == "source":
            value = e.text(key)
            if value is not None:
                self.check_source(e, value, key)
            return value
        if read == "sources":
            values = e.texts(key)
            for i, sid in enumerate(values):
                self.check_source(e, sid, key, i)
            return values
        return self.plain_value(e, key, read)

    @staticmethod
    def plain_value(e: Entry, key: str, read: str) -> Any:
        readers = {"date": e.date, "flag": e.flag, "texts": e.texts, "coordinates": e.coordinates}
        if read not in readers:  # id and records: the record's builder passes them
            raise TypeError(f"field '{key}' ({read}) must be given by the record's builder")
        return readers[read](key)

    # -- ids and references --------------------------------------------------------------

    def record_id(self, e: Entry, seen: dict[str, tuple[str, int]], kind: str) -> str:
        """The entry's id, checked for form and uniqueness; names the entry in later messages."""
        rid: str | None = e.text("id")
        if rid is None:
            return ""
        e.where = f"{kind} {schema.brief(rid)}: "
        if why := schema.check_id(rid):
            e.error(f"id {schema.brief(rid)} {why}", "id")
        if rid in seen:
            file, line = seen[rid]
            where = f"on line {line}" if file == e.file else f"in {file}:{line}"
            e.error(f"id {schema.brief(rid)} is already used {where}: give each {kind} its own id")
        seen.setdefault(rid, (e.file, e.line("id")))  # even a malformed id: not a typo later
        return rid

    def check_source(self, e: Entry, sid: str, *path: str | int) -> None:
        if self.check_references and sid not in self.source_ids:
            # ids share their '-2017-04' tails, so only a near-identical one is a likely typo
            hint = schema.did_you_mean(sid, self.source_ids, 0.8) or ": add it there or fix the id"
            e.error(f"source {schema.brief(sid)} is not an id in {SOURCE_FILES}{hint}", *path)

    # -- records -------------------------------------------------------------------------

    def source(self, e: Entry) -> Source | None:
        table = model.field_table(Source)
        if not e.mapping(table, "source", "fields (id:, kind:, outlet:, title:, date:, ...)"):
            return None
        sid = self.record_id(e, self.source_ids, "source")
        values = self.fields(e, Source, {"id": sid})
        if values["kind"] not in (None, SourceKind.ARTICLE) and values["url"] is None:
            e.error("missing required field 'url': where the source was read", "url")
        if values["kind"] is not None:
            self.source_kinds[sid] = values["kind"]
        return self.keep(e, Source(**values))

    def topic(self, e: Entry) -> Topic | None:
        if not e.mapping(
            model.field_table(Topic), "topic", "fields (id:, question:, answer:, ...)"
        ):
            return None
        tid = self.record_id(e, self.topic_ids, "topic")
        keywords = e.child(("keywords",), "", e.get("keywords"))
        en = es = ()
        languages = dict.fromkeys(schema.LANGUAGES, False)
        if keywords.data is not None and keywords.mapping(
            languages, "", "en: and es: lists", "keywords"
        ):
            en, es = keywords.texts("en", "keywords.en"), keywords.texts("es", "keywords.es")
        if isinstance(e.data, dict) and "sources" in e.data and e.get("sources") in (None, []):
            e.error("'sources' is empty: list at least one source id", "sources")
        quotes = tuple(self.quote(q, None) for q in e.children("quotes", "quote"))
        given = {"id": tid, "keywords_en": en, "keywords_es": es, "quotes": quotes}
        return self.keep(e, Topic(**self.fields(e, Topic, given)))

    def quote(self, e: Entry, officials: dict[str, Official] | None) -> Quote | None:
        """A topic quote (officials None: the role is written out) or a jurisdiction's."""
        only = "topic" if officials is None else ""
        shape = "fields (text:, speaker:, date:, source:, ...)"
        if not e.mapping(model.field_table(Quote, only), "quote", shape):
            return None
        text = e.text("text", empty="copy the quote verbatim from its source")
        given = {"text": text, "speaker": e.text("speaker")}
        if officials is not None:  # a place's quote: the role is its official's
            given |= _role_of(e, given["speaker"], officials)
        values = self.fields(e, Quote, given, only)
        e.limit(text, model.QUOTE, "text", "text")
        kind = self.source_kinds.get(values["source"])
        if kind is not None and kind is not SourceKind.ARTICLE:
            why = f"is {kind.value}, not an article: quote only the five articles"
            e.error(f"source '{values['source']}' {why}", "source")
        if kept := self.keep(e, Quote(**values), e.line("text")):
            self.quotes.append(kept)
        return kept

    def place(self, rel: str) -> tuple[str, str]:
        """Check a jurisdiction's file name and folder; its (id, state)."""
        _, folder, filename = rel.split("/")
        jid = filename.removesuffix(".yaml")
        if schema.check_id(jid):
            todo = f"rename it to '{schema.slug(jid)}.yaml' (lower-case letters, digits, dashes)"
            self.problems.append(Problem(rel, 1, f"file name '{filename}' is not an id: {todo}"))
        if folder.upper() not in schema.US_STATES:
            todo = "move the file to the folder named after its state's two-letter code, e.g. co"
            message = f"folder '{folder}' is not a US state code: {todo}"
            self.problems.append(Problem(rel, 1, message))
        if jid in self.files_by_id:
            todo = f"rename one of the files, e.g. to '{jid}-{folder.lower()}.yaml'"
            message = f"id '{jid}' is also used by {self.files_by_id[jid]}: {todo}"
            self.problems.append(Problem(rel, 1, message))
        self.files_by_id.setdefault(jid, rel)
        return jid, folder.upper()

    def jurisdiction(self, e: Entry, jid: str, state: str) -> Jurisdiction | None:
        e.mapping(model.field_table(Jurisdiction), "jurisdiction", "")
        officials: dict[str, Official] = {}
        for child in e.children("officials", "official"):
            if official := self.official(child):
                officials[official.name] = official
        given = {
            "id": jid, "state": state, "file": e.file, "officials": tuple(officials.values()),
            "quotes": tuple(self.quote(q, officials) for q in e.children("quotes", "quote")),
            "facts": tuple(self.fact(f) for f in e.children("facts", "fact")),
            "events": tuple(self.event(v) for v in e.children("events", "event")),
        }  # fmt: skip
        values = self.fields(e, Jurisdiction, given)
        self.claim_names(
            e,
            jid,
            str(values["type"]),
            values["name"],
            values["aliases"],
            values["name_es"],
            values["laws"],
        )
        self.check_place(e, values)
        return self.keep(e, Jurisdiction(**values))

    @staticmethod
    def check_place(e: Entry, values: dict[str, Any]) -> None:
        """Checks across a place's fields: statewide text, federal list and its events."""
        if values["statewide"] is not None and values["type"] not in (None, PlaceType.STATE):
            e.error(
                "'statewide' is for states only: remove it or move it to the state's file",
                "statewide",
            )
        listing = values["federal_list"]
        needed = _LIST_EVENTS.get(listing) if listing is not None else None
        kinds = {event.kind for event in values["events"] if event is not None}
        if needed is not None and needed not in kinds:
            e.error(
                f"'federal_list: {listing.value}' needs an event of kind {needed.value}: "
                "add it under events:",
                "federal_list",
            )

    def official(self, e: Entry) -> Official | None:
        """The official, even with problems (they are reported and the place is not kept),
        so that its quotes are not also reported as quoting a stranger."""
        if not e.mapping(model.field_table(Official), "official", "fields (name:, role:, ...)"):
            return None
        official = Official(**self.fields(e, Official, {}))
        self.keep(e, official)
        return official if official.name else None

    def fact(self, e: Entry) -> Fact | None:
        if not e.mapping(model.field_table(Fact), "fact", "fields (text:, date:, source:)"):
            return None
        return self.keep(e, Fact(**self.fields(e, Fact, {})))

    def event(self, e: Entry) -> Event | None:
        if not e.mapping(
            model.field_table(Event), "event", "fields (date:, kind:, text:, source:, ...)"
        ):
            return None
        return self.keep(e, Event(**self.fields(e, Event, {})))

    def claim_names(
        self,
        e: Entry,
        jid: str,
        place_type: str,
        name: str | None,
        aliases: tuple[str, ...],
        name_es: str | None = None,
        laws: tuple[str, ...] = (),
    ) -> None:
        """Report a name or alias that would make a question ambiguous between two places.

        Two names may coincide only for places of different types (New York city and state).
        The Spanish name is matched like an alias, so it is claimed like one; so are the
        names of its laws ("SB 54"), which a question may use for the place.
        """
        texts: list[tuple[str, str, KeyPath]] = [("name", name, ("name",))] if name else []
        texts += [("alias", alias, ("aliases", i)) for i, alias in enumerate(aliases)]
        if name_es:
            texts.append(("Spanish name", name_es, ("name_es",)))
        texts += [("law", law, ("laws", i)) for i, law in enumerate(laws)]
        for kind, text, path in texts:
            claim = _Claim(schema.name_key(text), kind, jid, place_type, e.file)
            for other in self.claims:
                both_names = kind == other.kind == "name"
                if other.key != claim.key or other.owner == jid or not claim.key:
                    continue
                if both_names and other.type != place_type:
                    continue
                what = "the name" if other.kind == "name" else f"the {other.kind}"
                what = "an alias" if other.kind == "alias" else what
                message = (
                    f"{kind} {schema.brief(text)} is also {what} of {other.owner} ({other.file})"
                )
                if both_names:
                    message += f", another {place_type}: give one of them a distinct name"
                else:
                    message += ": a question using it would be ambiguous; remove one of them"
                e.error(message, *path)
                break
            self.claims.append(claim)


def _role_of(e: Entry, speaker: str | None, officials: dict[str, Official]) -> dict[str, Any]:
    """The quote's role and role_es, from the official who is its speaker."""
    official = officials.get(speaker) if speaker is not None else None
    if official is None and speaker is not None:
        hint = _alias_hint(speaker, officials) or schema.did_you_mean(speaker, officials)
        todo = hint or ": add them under officials: with name and role"
        message = f"speaker {schema.brief(speaker)} is not one of this file's officials{todo}"
        e.error(message, "speaker")
    return {
        "role": official.role if official else None,
        "role_es": official.role_es if official else None,
    }


def _alias_hint(speaker: str, officials: dict[str, Official]) -> str:
    for official in officials.values():
        if speaker in official.aliases:
            return f" — that is an alias: write the official's name, '{official.name}'"
    return ""
