"""A place's dated timeline as answers show it: each item with its date and outlet, and the
federal list's designation attributed to the federal government, never stated as ours."""

from __future__ import annotations

import re

from bot.answer.action import Action, Verb
from bot.answer.model import Answer, Kind
from bot.answer.names import Naming, contract_es, month_of
from bot.answer.phrases import dated, say, when
from bot.knowledge.model import Event, EventKind, Fact, FederalListing, Jurisdiction, PartialDate

SHORT_TIMELINE = 3  # events on a place's answer; the History button gives them all
SHORT_EVENT = 120  # at most this many characters of an event on a place's answer
_CLAUSE_END = re.compile(r"(?<=[a-z0-9\)”\"])(?:;|[.!?](?=\s+[A-Z¿¡“\"]))")
Dated = tuple[PartialDate, bool]  # a date shown in an answer, and whether it was inferred


class Timeline(Naming):
    """Dates, timeline lines, the federal designation and a place's full history."""

    def date_label(self, date: PartialDate, language: str, *, inferred: bool = False) -> str:
        """'May 2, 2025'; an inferred date says so: 'June 19, 2017 (date inferred)'."""
        text = date.human(language)
        return say(language, "inferred", date=text) if inferred else text

    def fact_date(self, fact: Fact, language: str) -> str:
        """A 2017 fact's date as the Sources view shows it, saying where it comes from:
        'June 19, 2017 (date inferred)', 'reported by City Mayors, April 2017', 'December 19,
        2016, date from our source notes'."""
        if fact.reported:
            reported = say(language, "reported", outlet=self.outlet(fact.source))
            return f"{reported}, {month_of(fact.date).human(language)}"
        if fact.date_from_notes:
            return say(language, "from_notes", date=fact.date.human(language))
        return self.date_label(fact.date, language, inferred=fact.date_inferred)

    def outlet(self, source_id: str) -> str:
        source = self.knowledge.sources.get(source_id)
        return source.outlet if source else source_id

    def event_line(self, event: Event, language: str, *, short: bool = False) -> str:
        """'• May 2, 2025 — The US Justice Department sued … (KOAA)'; `short`: its first
        clause only, for a place's answer (the History button gives it whole)."""
        text = event.text.get(language).strip()
        return say(
            language,
            "timeline.line",
            date=self.date_label(event.date, language, inferred=event.date_inferred),
            text=first_clause(text) if short else text,
            outlet=self.outlet(event.source),
        )

    def timeline_block(self, events: tuple[Event, ...], language: str) -> list[str]:
        """The newest events, shortened, under a heading, as one paragraph (none: nothing)."""
        if not events:
            return []
        lines = [self.event_line(e, language, short=True) for e in events]
        return ["\n".join([say(language, "timeline.head"), *lines])]

    def federal_events(self, j: Jurisdiction) -> tuple[Event | None, Event | None]:
        """The place's newest federal listing and removal events, if any."""
        listed = next((e for e in self.timeline_of(j) if e.kind == EventKind.FEDERAL_LISTING), None)
        removed = next(
            (e for e in self.timeline_of(j) if e.kind == EventKind.FEDERAL_REMOVAL), None
        )
        return listed, removed

    def federal_line(self, j: Jurisdiction, language: str) -> tuple[str, Dated] | None:
        """The federal government's designation, attributed and dated, and its date:
        "As of August 2025, the US Justice Department lists Denver as a sanctuary
        jurisdiction (the federal government's designation)." None: not on the list."""
        listed, removed = self.federal_events(j)
        place = self.running_name(j, language=language)
        if j.federal_list == FederalListing.LISTED and listed is not None:
            month = dated(month_of(listed.date), language)
            text = say(language, "federal.listed", place=place, **month)
            shown: Dated = (listed.date, listed.date_inferred)
        elif j.federal_list == FederalListing.REMOVED and listed and removed:
            on, off = month_of(listed.date), month_of(removed.date)
            text = say(
                language, "federal.removed", place=place,
                listed_when=when(on, language), removed_when=when(off, language),
            )  # fmt: skip
            shown = (removed.date, removed.date_inferred)
        else:
            return None
        return (contract_es(text) if language == "es" else text), shown

    def history(self, j: Jurisdiction, language: str) -> Answer:
        """The place's whole timeline, newest first (the History button)."""
        events = self.timeline_of(j)
        place = self.running_name(j, language=language)
        if events:
            head = say(language, "history.head", place=place, count=len(events))
        else:
            head = say(language, "history.none", place=place)
        sources = [s for e in events for s in (e.source, *e.also)]
        date, inferred = newest([(j.as_of, False), *((e.date, e.date_inferred) for e in events)])
        return Answer(
            question=str(Action(Verb.HISTORY, j.id)),
            kind=Kind.ANSWER,
            language=language,
            bottom_line=contract_es(head) if language == "es" else head,
            places=(self.place_ref(j),),
            details=tuple(self.event_line(e, language) for e in events),
            sources=self.source_refs(sources),
            caveats=(self.age(date, language, inferred=inferred),),
        )

    def age(self, date: PartialDate | None, language: str, *, inferred: bool = False) -> str:
        """How old the answer is: the newest date it shows, to that date's own precision."""
        newest = date or self.last
        label = self.date_label(newest, language, inferred=inferred) if newest else "?"
        return say(language, "age", date=label)

    def span(self, language: str) -> dict[str, str]:
        """When the sources were published, as {span} ("Nov 2016 – Jun 2017") and {between};
        and apart, {articles} (the five articles) and {later} (the later sources)."""
        articles, later = _span_of(self.articles, language), _span_of(self.later, language)
        return {
            **_span(self.first, self.last, language),
            "articles": articles["span"],
            "articles_between": articles["between"],
            "articles_count": str(len(self.articles)),
            "later": later["span"],
            "later_between": later["between"],
            "later_count": str(len(self.later)),
        }


def newest(shown: list[Dated]) -> Dated:
    """The newest of the dates an answer shows (an inferred date keeps its label)."""
    return max(shown, key=lambda item: item[0].last_day())


def _span_of(dates: list[PartialDate], language: str) -> dict[str, str]:
    return _span(dates[0], dates[-1], language) if dates else _span(None, None, language)


def _span(first: PartialDate | None, last: PartialDate | None, language: str) -> dict[str, str]:
    if first is None or last is None:
        return {"span": "?", "between": "?"}
    start, end = first.human(language), last.human(language)
    if start == end:
        return {"span": start, "between": f"en {start}" if language == "es" else start}
    between = f"entre {start} y {end}" if language == "es" else f"{start} – {end}"
    return {"span": f"{start} – {end}", "between": between}


def first_clause(text: str, limit: int = SHORT_EVENT) -> str:
    """The text to its first sentence or semicolon, and at most `limit` characters (cut at a
    word, with "…"): a timeline line on a phone screen."""
    match = _CLAUSE_END.search(text)
    clause = text[: match.start()] if match else text
    if len(clause) <= limit:
        return clause.rstrip(".") + ("…" if match and text[match.start()] == ";" else "")
    return clause[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
