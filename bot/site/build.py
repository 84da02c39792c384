"""`sanctuary-bot site OUT_DIR`: the whole knowledge base as a static website.

Layout (every link relative, so any static host or a plain folder works):
    index.html                      language choice
    en/index.html, es/index.html    the map (inline SVG) and the table of places
    en/places/<id>.html             one page per place (es/ likewise)
    en/topics/<id>.html             one page per general question
    en/sources.html                 every source
    static/site.css, static/sort.js
The same knowledge gives the same bytes: no timestamps, every collection in a fixed order.
"""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from bot.answer.phrases import say
from bot.knowledge.model import (
    Fact,
    Jurisdiction,
    KnowledgeBase,
    Localized,
    PartialDate,
    Quote,
    Source,
)
from bot.map.caption import cited_sources
from bot.map.geometry import load_states
from bot.map.places import knowledge_date
from bot.map.render import draw_map, place_name, state_name
from bot.map.style import style_for
from bot.site.texts import t

LANGUAGES = ("en", "es")
STATIC_FILES = ("site.css", "sort.js")


def place_path(language: str, place_id: str) -> str:
    return f"{language}/places/{place_id}.html"


def topic_path(language: str, topic_id: str) -> str:
    return f"{language}/topics/{topic_id}.html"


def index_path(language: str) -> str:
    return f"{language}/index.html"


def sources_path(language: str) -> str:
    return f"{language}/sources.html"


def other(language: str) -> str:
    return "es" if language == "en" else "en"


@dataclass(frozen=True)
class TimelineItem:
    date: PartialDate
    kind: str  # an EventKind value, or "fact" for a 2017 fact
    text: str
    sources: tuple[Source, ...]
    inferred: bool = False
    note: str | None = None  # "reported by …" when the date is the source's, not the event's


@dataclass(frozen=True)
class QuoteView:
    text: str
    speaker: str
    role: str
    date: PartialDate
    source: Source | None
    context: str | None
    note: str | None  # how the date is known, when it is not the remark's own
    reported: bool = False  # the date is the source's: shown only as "reported by …"


@dataclass
class Site:
    """Builds every page of one knowledge base into `out`."""

    knowledge: KnowledgeBase
    out: Path
    written: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.env = Environment(
            loader=PackageLoader("bot.site", "templates"),
            autoescape=select_autoescape(["html"], default=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    # --- helpers the templates use ---------------------------------------------------
    def _common(self, path: str, language: str, twin: str | None, title: str) -> dict[str, Any]:
        def url(target: str) -> str:
            return posixpath.relpath(target, posixpath.dirname(path) or ".")

        newest = knowledge_date(self.knowledge)
        return {
            "lang": language,
            "title": title,
            "url": url,
            "t": lambda key, **values: t(language, key, **values),
            "twin": url(twin) if twin else None,
            "other_lang": other(language),
            "home": url(index_path(language)),
            "topics_url": url(index_path(language)) + "#topics",
            "sources_url": url(sources_path(language)),
            "css": url("static/site.css"),
            "js": url("static/sort.js"),
            "newest": newest.human(language) if newest else "—",
            "human": lambda date: date.human(language),
            "legal": say(language, "legal"),
        }

    def _write(self, path: str, template: str, **context: Any) -> None:
        html = self.env.get_template(template).render(**context)
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8", newline="\n")
        self.written.append(path)

    def _state_name(self, code: str, language: str) -> str:
        """The state's name; the bare code for a territory the outlines do not have."""
        return state_name(code, language, self.knowledge) if code in load_states() else code

    def _sources(self, ids: Iterable[str]) -> list[Source]:
        found = {i: self.knowledge.sources[i] for i in ids if i in self.knowledge.sources}
        return sorted(found.values(), key=lambda s: (s.date, s.id), reverse=True)

    # --- pages -----------------------------------------------------------------------
    def build(self) -> list[str]:
        self.out.mkdir(parents=True, exist_ok=True)
        static = self.out / "static"
        static.mkdir(exist_ok=True)
        for name in STATIC_FILES:
            data = resources.files("bot.site").joinpath(f"static/{name}").read_bytes()
            (static / name).write_bytes(data)
            self.written.append(f"static/{name}")
        root = self._common("index.html", "en", None, "sanctuary-bot")
        languages = [(index_path(lang), t(lang, "language_name"), lang) for lang in LANGUAGES]
        self._write("index.html", "root.html", **root, languages=languages)
        for language in LANGUAGES:
            self._index(language)
            self._sources_page(language)
            for place in self._places():
                self._place(place, language)
            for topic_id in sorted(self.knowledge.topics):
                self._topic(topic_id, language)
        return sorted(self.written)

    def _places(self) -> list[Jurisdiction]:
        return sorted(self.knowledge.jurisdictions.values(), key=lambda p: (p.state, p.name, p.id))

    def _index(self, language: str) -> None:
        path = index_path(language)
        places = self._places()
        with_places = {p.state for p in places}

        def link(target: str) -> str | None:
            if target.startswith("state:"):
                code = target.removeprefix("state:")
                return f"#state-{code}" if code in with_places else None
            return posixpath.relpath(place_path(language, target), language)

        svg = draw_map(self.knowledge, language=language, link=link).svg
        first_of_state: set[str] = set()
        rows = []
        for place in places:
            anchor = None if place.state in first_of_state else f"state-{place.state}"
            first_of_state.add(place.state)
            rows.append({
                "name": place_name(place, language),
                "url": place_path(language, place.id),
                "type": t(language, f"type.{place.type}"),
                "state": self._state_name(place.state, language),
                "stance": style_for(place.stance).label(language),
                "stance_key": str(place.stance),
                "as_of": place.as_of.human(language),
                "as_of_iso": place.as_of.iso(),
                "anchor": anchor,
            })  # fmt: skip
        topics = [
            (topic_path(language, topic.id), topic.question.get(language))
            for topic in sorted(self.knowledge.topics.values(), key=lambda x: x.id)
        ]
        self._write(
            path,
            "index.html",
            **self._common(path, language, index_path(other(language)), t(language, "site_title")),
            svg=Markup(svg),  # noqa: S704 - built by bot.map.render, every text in it escaped
            rows=rows,
            topics=topics,
        )

    def _place(self, place: Jurisdiction, language: str) -> None:
        path = place_path(language, place.id)
        name = place_name(place, language)
        items = [self._fact(f, language) for f in place.facts] + [
            TimelineItem(e.date, str(e.kind), e.text.get(language),
                         tuple(self._sources([e.source, *e.also])), e.date_inferred)
            for e in place.events
        ]  # fmt: skip
        items.sort(key=lambda i: (i.date, i.kind, i.text), reverse=True)
        role_es = {o.name: o.role_es for o in place.officials}
        quotes = [self._quote(q, language, role_es.get(q.speaker)) for q in place.quotes]
        quotes.sort(key=lambda q: (q.date, q.speaker, q.text), reverse=True)
        officials = [
            (o.name, (o.role_es or o.role) if language == "es" else o.role) for o in place.officials
        ]
        self._write(
            path,
            "place.html",
            **self._common(path, language, place_path(other(language), place.id), name),
            place=place,
            name=name,
            kind=t(language, f"type.{place.type}"),
            state=self._state_name(place.state, language),
            stance=style_for(place.stance).label(language),
            stance_key=str(place.stance),
            as_of=place.as_of.human(language),
            basis=_localized(place.stance_basis, language),
            label_rejected=_localized(place.label_rejected, language),
            statewide=_localized(place.statewide, language),
            federal=str(place.federal_list or ""),
            summary=place.summary.get(language),
            timeline=items,
            quotes=quotes,
            officials=officials,
            sources=self._sources(cited_sources(place)),
        )  # fmt: skip

    def _fact(self, fact: Fact, language: str) -> TimelineItem:
        sources = tuple(self._sources([fact.source]))
        note = None
        if fact.reported and sources:
            note = t(language, "reported_by", outlet=sources[0].outlet,
                     date=sources[0].date.human(language))  # fmt: skip
        elif fact.date_from_notes:
            note = t(language, "from_notes")
        return TimelineItem(fact.date, "fact", fact.text.get(language), sources,
                            fact.date_inferred, note)  # fmt: skip

    def _quote(self, quote: Quote, language: str, role_es: str | None = None) -> QuoteView:
        source = self.knowledge.sources.get(quote.source)
        note = None
        reported = quote.reported and source is not None
        if reported:
            note = t(language, "reported_on")
        elif quote.date_from_notes:
            note = t(language, "from_notes")
        elif quote.date_inferred:
            note = t(language, "date_inferred")
        role = (role_es or quote.role_es or quote.role) if language == "es" else quote.role
        return QuoteView(quote.text, quote.speaker, role or "", quote.date, source,
                         _localized(quote.context, language), note, reported)  # fmt: skip

    def _topic(self, topic_id: str, language: str) -> None:
        topic = self.knowledge.topics[topic_id]
        path = topic_path(language, topic_id)
        quotes = [self._quote(q, language) for q in topic.quotes]
        ids = list(topic.sources) + [q.source for q in topic.quotes]
        self._write(
            path,
            "topic.html",
            **self._common(path, language, topic_path(other(language), topic_id),
                           topic.question.get(language)),
            question=topic.question.get(language),
            paragraphs=[p for p in topic.answer.get(language).split("\n") if p.strip()],
            quotes=quotes,
            sources=self._sources(dict.fromkeys(ids)),
        )  # fmt: skip

    def _sources_page(self, language: str) -> None:
        path = sources_path(language)
        self._write(
            path,
            "sources.html",
            **self._common(path, language, sources_path(other(language)), t(language, "sources")),
            sources=self._sources(sorted(self.knowledge.sources)),
        )


def _localized(value: Localized | None, language: str) -> str | None:
    return value.get(language) if value is not None else None


def build_site(knowledge: KnowledgeBase, out: Path, *, clean: bool = False) -> list[str]:
    """Write the site into `out`; returns the written paths (relative, sorted)."""
    if clean and out.exists():
        shutil.rmtree(out)
    return Site(knowledge, out).build()
