"""Turning checked YAML entries into model records, with the checks that span entries.

Cross-entry checks (unknown source ids, duplicate ids, clashing place names) live here
because they need what earlier entries declared; single-value checks live in schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from bot.knowledge import schema
from bot.knowledge.model import Fact, Jurisdiction, Official, Quote, Source, Topic
from bot.knowledge.schema import Entry, Problem

R = TypeVar("R")


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
    source_ids: dict[str, int] = field(default_factory=dict)  # all ids in sources.yaml
    topic_ids: dict[str, int] = field(default_factory=dict)
    files_by_id: dict[str, str] = field(default_factory=dict)  # jurisdiction id -> file
    claims: list[_Claim] = field(default_factory=list)
    check_references: bool = True  # False when sources.yaml itself could not be read

    def keep(self, e: Entry, record: R, line: int | None = None) -> R | None:
        """The record if its entry had no error: a half-valid record would mislead users."""
        if not e.ok:
            return None
        self.origins[id(record)] = (record, e.file, line or e.line())
        return record

    def record_id(self, e: Entry, seen: dict[str, int], kind: str) -> str:
        """The entry's id, checked for form and uniqueness; names the entry in later messages."""
        rid = e.text("id")
        if rid is None:
            return ""
        e.where = f"{kind} '{rid}': "
        if why := schema.check_id(rid):
            e.error(f"id '{rid}' {why}", "id")
        if rid in seen:
            e.error(f"id '{rid}' is already used on line {seen[rid]}: give each {kind} its own id")
        seen.setdefault(rid, e.line("id"))  # even a malformed id: its references are not typos
        return rid

    def check_source(self, e: Entry, sid: str, *path: str | int) -> None:
        if self.check_references and sid not in self.source_ids:
            # ids share their '-2017-04' tails, so only a near-identical one is a likely typo
            hint = schema.did_you_mean(sid, self.source_ids, 0.8) or ": add it there or fix the id"
            e.error(f"source '{sid}' is not an id in sources.yaml{hint}", *path)

    def source(self, e: Entry) -> Source | None:
        if not e.mapping(schema.SOURCE, "source", "fields (id:, outlet:, title:, date:, ...)"):
            return None
        sid = self.record_id(e, self.source_ids, "source")
        optional = {key: e.text(key, required=False) for key in ("author", "url", "note")}
        source = Source(
            id=sid, outlet=e.text("outlet"), title=e.text("title"), date=e.date("date"),
            date_inferred=e.flag("date_inferred"), text_file=e.text("text_file", required=False),
            **optional,
        )  # fmt: skip
        return self.keep(e, source)

    def topic(self, e: Entry) -> Topic | None:
        if not e.mapping(schema.TOPIC, "topic", "fields (id:, question:, answer:, ...)"):
            return None
        tid = self.record_id(e, self.topic_ids, "topic")
        question, answer = e.localized("question"), e.localized("answer")
        keywords = e.child(("keywords",), "", e.get("keywords"))
        en = es = ()
        languages = dict.fromkeys(schema.LANGUAGES, False)
        if keywords.data is not None and keywords.mapping(
            languages, "", "en: and es: lists", "keywords"
        ):
            en, es = keywords.texts("en", "keywords.en"), keywords.texts("es", "keywords.es")
        sources = e.texts("sources")
        if isinstance(e.data, dict) and "sources" in e.data and e.get("sources") in (None, []):
            e.error("'sources' is empty: list at least one id from sources.yaml", "sources")
        for i, sid in enumerate(sources):
            self.check_source(e, sid, "sources", i)
        quotes = tuple(self.quote(q, None) for q in e.children("quotes", "quote"))
        topic = Topic(
            id=tid, question=question, answer=answer, keywords_en=en, keywords_es=es,
            quotes=quotes, sources=sources,  # type: ignore[arg-type]
        )  # fmt: skip
        return self.keep(e, topic)

    def quote(self, e: Entry, officials: dict[str, Official] | None) -> Quote | None:
        """A topic quote (officials None: the role is written out) or a jurisdiction's."""
        fields = schema.TOPIC_QUOTE if officials is None else schema.JURISDICTION_QUOTE
        if not e.mapping(fields, "quote", "fields (text:, speaker:, date:, source:, ...)"):
            return None
        text = e.text("text", empty="copy the quote verbatim from its source")
        speaker = e.text("speaker")
        role = e.text("role") if officials is None else None
        if officials is not None and speaker in officials:
            role = officials[speaker].role
        elif officials is not None and speaker is not None:
            hint = _alias_hint(speaker, officials) or schema.did_you_mean(speaker, officials)
            todo = hint or ": add them under officials: with name and role"
            e.error(f"speaker '{speaker}' is not one of this file's officials{todo}", "speaker")
        if (source := e.text("source")) is not None:
            self.check_source(e, source, "source")
        quote = Quote(
            text=text, speaker=speaker, role=role, date=e.date("date"), source=source,
            date_inferred=e.flag("date_inferred"), joint_with=e.texts("joint_with"),
            context=e.localized("context", required=False), note=e.text("note", required=False),
        )  # fmt: skip
        if kept := self.keep(e, quote, e.line("text")):
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
        e.mapping(schema.JURISDICTION, "jurisdiction", "")
        name, aliases = e.text("name"), e.texts("aliases")
        name_es = e.text("name_es", required=False)
        place_type = e.choice("type", schema.PlaceType)
        stance, as_of, summary = (
            e.choice("stance", schema.Stance),
            e.date("as_of"),
            e.localized("summary"),
        )
        officials: dict[str, Official] = {}
        for child in e.children("officials", "official"):
            if official := self.official(child):
                officials[official.name] = official
        quotes = tuple(self.quote(q, officials) for q in e.children("quotes", "quote"))
        facts = tuple(self.fact(f) for f in e.children("facts", "fact"))
        self.claim_names(e, jid, str(place_type), name, aliases, name_es)
        jurisdiction = Jurisdiction(
            id=jid, name=name, type=place_type, state=state, stance=stance, as_of=as_of,
            summary=summary, aliases=aliases, name_es=name_es,
            officials=tuple(officials.values()),
            quotes=quotes, facts=facts, file=e.file,  # type: ignore[arg-type]
        )  # fmt: skip
        return self.keep(e, jurisdiction)

    def official(self, e: Entry) -> Official | None:
        if not e.mapping(schema.OFFICIAL, "official", "fields (name:, role:, aliases:)"):
            return None
        return self.keep(e, Official(e.text("name"), e.text("role"), e.texts("aliases")))

    def fact(self, e: Entry) -> Fact | None:
        if not e.mapping(schema.FACT, "fact", "fields (text:, date:, source:)"):
            return None
        if (source := e.text("source")) is not None:
            self.check_source(e, source, "source")
        fact = Fact(
            text=e.localized("text"), date=e.date("date"), source=source,
            date_inferred=e.flag("date_inferred"),
        )  # fmt: skip
        return self.keep(e, fact)

    def claim_names(
        self,
        e: Entry,
        jid: str,
        place_type: str,
        name: str | None,
        aliases: tuple[str, ...],
        name_es: str | None = None,
    ) -> None:
        """Report a name or alias that would make a question ambiguous between two places.

        Two names may coincide only for places of different types (New York city and state).
        The Spanish name is matched like an alias, so it is claimed like one.
        """
        texts = [("name", name, ("name",))] if name else []
        texts += [("alias", alias, ("aliases", i)) for i, alias in enumerate(aliases)]
        if name_es:
            texts.append(("Spanish name", name_es, ("name_es",)))
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
                message = f"{kind} '{text}' is also {what} of {other.owner} ({other.file})"
                if both_names:
                    message += f", another {place_type}: give one of them a distinct name"
                else:
                    message += ": a question using it would be ambiguous; remove one of them"
                e.error(message, *path)
                break
            self.claims.append(claim)


def _alias_hint(speaker: str, officials: dict[str, Official]) -> str:
    for official in officials.values():
        if speaker in official.aliases:
            return f" — that is an alias: write the official's name, '{official.name}'"
    return ""
