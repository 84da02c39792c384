"""The lead of an answer that asks for one thing: the fact, date, figure, person or ruling.

Among a place's dated facts, timeline events and quotes, the item that answers the
question's aspect leads the reply, in one or two sentences with its date and source; the
place's card follows. Items are chosen by their `aspects` tags first, then by the words
they share with the question, then newest. When no item is about the aspect, the reply
says so plainly ("My sources don't say …") and never presents a neighbouring fact as the
answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.answer.model import Answer, SourceRef
from bot.answer.phrases import ASPECT_MISSING, ASPECT_NAMES, join_names, lookup
from bot.knowledge.model import (
    Aspect,
    EventKind,
    FederalListing,
    Jurisdiction,
    Localized,
    Official,
    PartialDate,
    Quote,
    Source,
    Topic,
)
from bot.understanding.aspects import CONTENT_CUES, AspectReading
from bot.understanding.roles import TITLE_WORDS, Role
from bot.understanding.text import fold, strip_accents
from bot.understanding.vocabulary import FUNCTION_WORDS

# The kinds of timeline event that are what an aspect asks about (its own events first).
KINDS: dict[Aspect, frozenset[EventKind]] = {
    Aspect.LAWS: frozenset({EventKind.LAW, EventKind.EXECUTIVE_ORDER, EventKind.POLICY_CHANGE}),
    Aspect.COURTS: frozenset({EventKind.LAWSUIT, EventKind.RULING}),
    Aspect.FEDERAL_LIST: frozenset({EventKind.FEDERAL_LISTING, EventKind.FEDERAL_REMOVAL}),
}
DOJ_LIST = "doj-2025-08-05-list"  # the Justice Department's list of 5 August 2025
FORMS = frozenset({Aspect.WHEN, Aspect.WHO, Aspect.SAID})  # question forms, not subjects
FIGURE_ASPECTS = frozenset({Aspect.MONEY, Aspect.NUMBERS})  # two sources, two figures: both
_FIGURE = re.compile(r"\d[\d.,]*")
# How an untagged text states a sum or a count (cue words are the question's, not the text's).
FIGURES_IN_TEXT: dict[Aspect, re.Pattern[str]] = {
    Aspect.MONEY: re.compile(r"\$\s?\d|\b(dollars|dolares)\b"),
    Aspect.NUMBERS: re.compile(
        r"(?<![$\d.,])\d[\d.,]*\s*(million|billion|thousand|millones|mil|days|dias|percent)\b"
        r"|(?<![$\d.,])\d{1,3}(,\d{3})+\b"
    ),
}
OPENING_CHARS = 60  # a text that names its date this early already opens with it
MIN_STEM, MAX_ENDING = 3, 3  # "sue"/"sued": a word and its forms share all but a last letter
# Words of the cues themselves ("how many", "days"): what is counted is in the other words.
CUE_WORDS = frozenset(w for cues in CONTENT_CUES.values() for cue in cues for w in cue.split())

LEAD_PHRASES: dict[str, Localized] = {
    "source": Localized("({outlet})", "({outlet})"),
    "reported": Localized("(reported by {outlet}, {date})", "(según {outlet}, {date})"),
    "inferred": Localized("(date inferred)", "(fecha inferida)"),
    "said.day": Localized(
        "On {date}{inferred}, {speaker} ({role}) said:",
        "El {date}{inferred}, {speaker} ({role}) dijo:",
    ),
    "said.month": Localized(
        "In {date}{inferred}, {speaker} ({role}) said:",
        "En {date}{inferred}, {speaker} ({role}) dijo:",
    ),
    "said.reported": Localized(
        "{speaker} ({role}) said, as reported by {outlet} ({date}):",
        "{speaker} ({role}) dijo, según {outlet} ({date}):",
    ),
    "who": Localized("My sources name {names}.", "Mis fuentes mencionan a {names}."),
    "who.one": Localized("{name} as {role}", "{name} como {role}"),
    "here": Localized(
        "Here is what they do say about {place}:", "Esto es lo que sí dicen sobre {place}:"
    ),
    "person": Localized("{person}", "a {person}"),
    "role": Localized("the {role} of {place}", "a {role} de {place}"),  # ROLE_NAMES: "ningún …"
    "also": Localized("Another source gives a different figure:", "Otra fuente da otra cifra:"),
    "also_date": Localized("Another source gives a different date:", "Otra fuente da otra fecha:"),
    "not_listed": Localized(
        "The US Justice Department's list of sanctuary jurisdictions of {date} does not name "
        "{place}.",
        "La lista de jurisdicciones santuario del Departamento de Justicia de Estados Unidos "
        "del {date} no menciona a {place}.",
    ),
    "state_listed": Localized("It does name {state}.", "Sí menciona a {state}."),
    "pointer": Localized(
        "On {what} in general, my sources answer: “{question}”",
        "Sobre {what} en general, mis fuentes responden: “{question}”",
    ),
    "latest": Localized("The latest in my sources:", "Lo más reciente en mis fuentes:"),
}  # fmt: skip


@dataclass(frozen=True)
class Item:
    """A dated thing a place's answer can lead with: a fact, a timeline event or a quote."""

    text: str  # in the answer's language; a quote verbatim
    date: PartialDate
    source: str
    aspects: frozenset[Aspect]
    date_inferred: bool = False
    reported: bool = False  # the date is the source's, not the item's own
    quote: Quote | None = None
    event: bool = False  # a timeline event (not a 2017 fact)
    kind: EventKind | None = None  # an event's kind: a law, a ruling, a listing…

    @property
    def is_remark(self) -> bool:
        """A quote, or a fact or event that reports what someone said."""
        return self.quote is not None or Aspect.SAID in self.aspects

    @property
    def figures(self) -> frozenset[str]:
        return frozenset(m.group(0).rstrip(".,") for m in _FIGURE.finditer(self.text))


@dataclass(frozen=True)
class Lead:
    """What leads the reply: a headline (the bottom line) and, for a quote, its words."""

    headline: str
    paragraphs: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    dates: tuple[PartialDate, ...] = ()
    quotes: tuple[Quote, ...] = ()  # quotes the lead shows, not to be repeated below it


_ITEMS: dict[tuple[int, str], tuple[Jurisdiction, list[Item]]] = {}
MAX_CACHED = 4096  # places × languages: a reloaded knowledge base starts the cache again


def items(j: Jurisdiction, language: str) -> list[Item]:
    """Every dated fact, event and quote of a place (built once per place and language)."""
    cached = _ITEMS.get((id(j), language))
    if cached is not None and cached[0] is j:
        return cached[1]
    if len(_ITEMS) >= MAX_CACHED:
        _ITEMS.clear()
    found = _items(j, language)
    _ITEMS[id(j), language] = (j, found)
    return found


def _items(j: Jurisdiction, language: str) -> list[Item]:
    found = [
        Item(
            f.text.get(language),
            f.date,
            f.source,
            frozenset(f.aspects),
            f.date_inferred,
            f.reported,
        )
        for f in j.facts
    ]
    found += [
        Item(
            e.text.get(language),
            e.date,
            e.source,
            frozenset(e.aspects),
            e.date_inferred,
            event=True,
            kind=e.kind,
        )
        for e in j.events
    ]
    found += [
        Item(
            q.text,
            q.date,
            q.source,
            frozenset(q.aspects),
            q.date_inferred,
            q.reported,
            q,
        )
        for q in j.quotes
    ]
    return found


def question_words(folded: str, place_words: Iterable[str] = ()) -> frozenset[str]:
    """The telling words of a question: what an item's text should share."""
    ignored = {w for name in place_words for w in _words_of(name)}
    return frozenset(
        w
        for w in folded.split()
        if w not in FUNCTION_WORDS and w not in ignored and (len(w) >= MIN_STEM or w.isdigit())
    )


@lru_cache(maxsize=4096)
def _words_of(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


def _is_about(item: Item, subject: Aspect) -> bool:
    """Tagged with the subject; an untagged item (older data) by a cue word in its text."""
    if item.aspects:
        return subject in item.aspects
    return _text_is_about(item.text, subject)


@lru_cache(maxsize=16384)
def _states_figure(text: str) -> bool:
    """A sum or a count, not a year: "$3.7 billion", "1.5 million", "364 days"."""
    plain = strip_accents(text.casefold())
    return any(pattern.search(plain) for pattern in FIGURES_IN_TEXT.values())


@lru_cache(maxsize=16384)
def _text_is_about(text: str, subject: Aspect) -> bool:
    """An untagged text states a sum or a count, or holds one of the aspect's cue words."""
    pattern = FIGURES_IN_TEXT.get(subject)
    if pattern is not None and pattern.search(strip_accents(text.casefold())):
        return True
    padded = f" {fold(text)} "
    return any(f" {cue} " in padded for cue in CONTENT_CUES.get(subject, ()))


@lru_cache(maxsize=4096)
def _word_index(text: str) -> dict[str, frozenset[str]]:
    """A text's words by their first three letters, for `_shares`."""
    index: dict[str, set[str]] = {}
    for word in fold(text).split():
        index.setdefault(word[:3], set()).add(word)
    return {key: frozenset(found) for key, found in index.items()}


def _same_word(one: str, other: str) -> bool:
    """The same word in another form: "sue"/"sued", "demando"/"demandaron", "ask"/"asking"."""
    short, long = sorted((one, other), key=len)
    ending = MAX_ENDING if len(short) > MIN_STEM else 1  # "sue"/"sued", not "its"/"itself"
    if len(long) - len(short) > ending or len(short) < MIN_STEM:
        return one == other
    return long.startswith(short[: max(MIN_STEM, len(short) - 1)])


def _overlap(item: Item, words: frozenset[str]) -> int:
    """How many of the question's words the item's text holds, in any form."""
    return sum(_holds_word(item.text, word) for word in words)


@lru_cache(maxsize=65536)
def _holds_word(text: str, word: str) -> bool:
    return any(_same_word(word, other) for other in _word_index(text).get(word[:3], ()))


def _pool(candidates: list[Item], reading: AspectReading) -> list[Item]:
    """The items that can answer at all: a remark for "what did X say", a dated fact or
    event for "when", else any item about the subject."""
    subject = reading.subject
    if reading.aspect == Aspect.SAID:
        return [i for i in candidates if i.is_remark]
    if reading.aspect == Aspect.WHEN:
        dated = [i for i in candidates if i.quote is None and not i.reported]
        return dated if subject == Aspect.WHEN else [i for i in dated if _is_about(i, subject)]
    return [i for i in candidates if _is_about(i, subject)]


@dataclass(frozen=True)
class Picked:
    """The item that answers, and a second one: another source's figure ("also"), or the
    newest development of a court case ("latest")."""

    best: Item
    second: Item | None = None
    joiner: str = ""  # the PHRASES key that introduces the second item


def _rank(item: Item, reading: AspectReading, words: frozenset[str]) -> tuple[object, ...]:
    """Tags first, then facts before remarks, then shared words, then the newest — or, for
    "when" (since when did it start?), the oldest. A bare "when" is read by its words."""
    subject = reading.subject
    shared = _overlap(item, words)
    date = item.date.year, item.date.month or 0, item.date.day or 0
    return (
        shared if subject == Aspect.WHEN else 0,
        subject in item.aspects,
        _is_about(item, subject),  # what a person said about the subject, first
        reading.aspect in item.aspects,
        item.kind in KINDS.get(subject, ()),  # a law for "when did Texas ban…", not a ruling
        reading.wants_figure and _states_figure(item.text),  # "how much": the figure
        not item.is_remark or reading.aspect == Aspect.SAID,  # a fact before a remark,
        item.quote is not None,  # and the words themselves before a report of them
        shared,
        not item.reported,
        tuple(-part for part in date) if reading.aspect == Aspect.WHEN else date,
        item.event,  # the timeline's wording before the 2017 fact's
    )


def pick(
    candidates: list[Item],
    reading: AspectReading,
    words: frozenset[str] = frozenset(),
) -> Picked | None:
    """The item that answers the question best, if any (see `Picked` for a second one)."""
    subject = reading.subject
    pool = _pool(candidates, reading)
    counted = words - CUE_WORDS  # "how many undocumented immigrants": not a vote count
    if subject == Aspect.NUMBERS and counted:
        pool = [i for i in pool if _overlap(i, counted)]
    ranked = sorted(pool, key=lambda item: _rank(item, reading, words), reverse=True)
    if not ranked:
        return None
    best = ranked[0]
    if reading.aspect == Aspect.COURTS and (newest := _latest(ranked, words)).date > best.date:
        return Picked(best, newest, "latest")
    joiner = _another_source(ranked, reading, words)
    return Picked(best, ranked[1], joiner) if joiner else Picked(best)


def _another_source(ranked: list[Item], reading: AspectReading, words: frozenset[str]) -> str:
    """Two sources that disagree on the same thing — two figures, or two dates for a
    "when" — are both given: the joiner for the second, or "" when they agree."""
    if len(ranked) < 2:
        return ""
    best, second = ranked[:2]
    tied = _rank(best, reading, words)[:-2] == _rank(second, reading, words)[:-2]
    if not tied or best.source == second.source:
        return ""  # ranked apart but for the date: the same standing
    if reading.subject in FIGURE_ASPECTS and _disagree(best, second):
        return "also"
    dated = Aspect.WHEN in best.aspects and Aspect.WHEN in second.aspects
    if reading.aspect == Aspect.WHEN and dated and best.date != second.date:
        return "also_date"
    return ""


def _latest(ranked: list[Item], words: frozenset[str]) -> Item:
    """ "Was Chicago sued?": and how it ended — the newest item of the same story (sharing
    words with the question; a remark is no development)."""
    story = [item for item in ranked if _overlap(item, words) and not item.is_remark]
    return max(story, key=lambda item: item.date, default=ranked[0])


def _disagree(first: Item, second: Item) -> bool:
    """Two sources, two different figures for the same thing."""
    return (
        first.source != second.source
        and bool(first.figures and second.figures)
        and not first.figures & second.figures
    )


def said_by(candidates: list[Item], speaker: str | None, role: Role | None) -> list[Item]:
    """The quotes of a named person, or of whoever holds the named role. A person the
    sources report without quoting ("Racine had said his office would…"): those reports."""
    quotes = [(i, i.quote) for i in candidates if i.quote is not None]
    if speaker:
        theirs = [i for i, q in quotes if speaker in (q.speaker, *q.joint_with)]
        return theirs or [i for i in candidates if _reports(i, speaker)]
    if role:
        return [i for i, q in quotes if _holds(q.role, role)]
    return [i for i, _ in quotes]


def _reports(item: Item, speaker: str) -> bool:
    """A fact or event that reports what the speaker said, naming them."""
    return item.quote is None and item.is_remark and speaker in item.text


@lru_cache(maxsize=1024)
def _holds(title: str, role: Role) -> bool:
    """Whether a title ("Chief of the Los Angeles Police Department") is of the role."""
    folded = fold(title)
    return any(word in folded for word in TITLE_WORDS[role])


def opens_with_date(text: str, date: PartialDate) -> bool:
    """Whether a text already says its date near the start ("In January 2016, …")."""
    return str(date.year) in text[:OPENING_CHARS]


def fact_line(item: Item, sources: Mapping[str, Source], language: str) -> str:
    """One fact or event with its date and source: "January 2016: … (Outlet)"."""
    source = sources.get(item.source)
    outlet = source.outlet if source else item.source
    text = item.text.strip()
    if item.reported and source is not None:
        date = source.date.human(language)
        return f"{text} {lookup(LEAD_PHRASES, 'reported', language, outlet=outlet, date=date)}"
    if not opens_with_date(text, item.date):
        text = f"{_capital(item.date.human(language))}: {text}"
    line = f"{text} {lookup(LEAD_PHRASES, 'source', language, outlet=outlet)}"
    if item.date_inferred:
        line = f"{line} {lookup(LEAD_PHRASES, 'inferred', language)}"
    return line


def quote_lead(item: Item, quote: Quote, sources: Mapping[str, Source], language: str) -> Lead:
    """A quote as the lead: who said it and when, then its words (never translated)."""
    source = sources.get(item.source)
    outlet = source.outlet if source else item.source
    role = quote.role_es if language == "es" else None
    fields = {"speaker": quote.speaker, "role": role or quote.role, "outlet": outlet}
    if item.reported and source is not None:
        key, date = "said.reported", source.date.human(language)
    else:
        key, date = ("said.day" if item.date.day else "said.month"), item.date.human(language)
    inferred = f" {lookup(LEAD_PHRASES, 'inferred', language)}" if item.date_inferred else ""
    headline = lookup(LEAD_PHRASES, key, language, date=date, inferred=inferred, **fields)
    words = f"“{quote.text}”"
    if not item.reported:  # a reported remark names its outlet in the headline
        words = f"{words} {lookup(LEAD_PHRASES, 'source', language, outlet=outlet)}"
    return Lead(headline, (words,), (item.source,), (item.date,), (quote,))


def lead(picked: Picked, sources: Mapping[str, Source], language: str) -> Lead:
    """The lead for the picked item(s): the answer, then the second item, if any."""
    best, second = picked.best, picked.second
    if best.quote is not None:
        return quote_lead(best, best.quote, sources, language)
    chosen = [best] if second is None else [best, second]
    paragraphs: tuple[str, ...] = ()
    if second is not None:
        joiner = lookup(LEAD_PHRASES, picked.joiner, language)
        paragraphs = (f"{joiner} {fact_line(second, sources, language)}",)
    return Lead(
        fact_line(best, sources, language),
        paragraphs,
        sources=tuple(i.source for i in chosen),
        dates=tuple(i.date for i in chosen if not i.reported),
    )


def who_lead(j: Jurisdiction, role: Role | None, language: str) -> Lead | None:
    """The officials of a place the sources name, those of the asked role only."""
    officials = list(j.officials)
    if role:
        officials = [o for o in officials if _holds(o.role, role)]
    if not officials:
        return None
    names = [
        lookup(LEAD_PHRASES, "who.one", language, name=o.name, role=_role(o, language))
        for o in officials
    ]
    joined = join_names(names, language)
    return Lead(lookup(LEAD_PHRASES, "who", language, names=joined))


def missing_line(subject: Aspect, place: str, language: str, person: str = "") -> str:
    """The line "My sources don't say how much money Seattle set aside or spent. Here is
    what they do say about Seattle:". `person`: who was not quoted (see `person_phrase`)."""
    said = lookup(ASPECT_MISSING, subject, language, place=place, person=person or place)
    here = lookup(LEAD_PHRASES, "here", language, place=place)
    return f"{said} {here}"


def pointer_line(subject: Aspect, question: str, language: str) -> str:
    """Where a place is not covered: the general answer about what was asked."""
    what = lookup(ASPECT_NAMES, subject, language)
    return lookup(LEAD_PHRASES, "pointer", language, what=what, question=question)


def person_phrase(language: str, place: str, speaker: str | None, role_name: str | None) -> str:
    """Who a "said" question asked about: "Karl Racine", "the mayor of New Orleans"."""
    if speaker:
        return lookup(LEAD_PHRASES, "person", language, person=speaker)
    if role_name:
        return lookup(LEAD_PHRASES, "role", language, role=role_name, place=place)
    return lookup(LEAD_PHRASES, "person", language, person=place)


def _role(official: Official, language: str) -> str:
    return (official.role_es if language == "es" else None) or official.role


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def place_lead(
    j: Jurisdiction,
    reading: AspectReading,
    words: frozenset[str],
    sources: Mapping[str, Source],
    language: str,
    *,
    speaker: str | None = None,
    role: Role | None = None,
) -> Lead | None:
    """What leads the answer about one place, or None when its sources don't say."""
    if reading.aspect == Aspect.WHO:
        return who_lead(j, role, language)
    candidates = items(j, language)
    if reading.aspect == Aspect.SAID:
        candidates = said_by(candidates, speaker, role)
    picked = pick(candidates, reading, words)
    return lead(picked, sources, language) if picked else None


def with_lead(card: Answer, found: Lead, refs: tuple[SourceRef, ...], aspect: Aspect) -> Answer:
    """The place's card under its lead: the lead is the bottom line, the card follows."""
    shown = {q.text for q in found.quotes}
    seen = {ref.id for ref in refs}
    return replace(
        card,
        bottom_line=found.headline,
        details=(*found.paragraphs, card.bottom_line, *card.details),
        quotes=tuple(q for q in card.quotes if q.text not in shown),
        sources=(*refs, *(ref for ref in card.sources if ref.id not in seen)),
        aspect=str(aspect),
    )


def sources_dont_say(card: Answer, line: str, aspect: Aspect) -> Answer:
    """The sources don't say: that leads, and what they do say about the place follows."""
    return replace(
        card, bottom_line=line, details=(card.bottom_line, *card.details), aspect=str(aspect)
    )


def topic_for(topics: Mapping[str, Topic], reading: AspectReading) -> Topic | None:
    """The topic that answers an aspect asked with no place: of the topics tagged with it,
    the one that names it first (court-order: [courts, federal_funding])."""
    subject = reading.subject
    tagged = [t for t in topics.values() if subject in t.aspects]
    return min(tagged, key=lambda t: t.aspects.index(subject), default=None)


def not_listed_lead(
    j: Jurisdiction,
    names: tuple[str, str | None],
    state: Jurisdiction | None,
    sources: Mapping[str, Source],
    language: str,
) -> Lead | None:
    """Answers "Is Oakland on the DOJ list?" for a place the list does not name: an absent
    `federal_list` means not named on it (docs/knowledge.md), and its state may be."""
    source = sources.get(DOJ_LIST)
    if j.federal_list is not None or source is None:
        return None
    name, state_name = names
    date = source.date.human(language)
    text = lookup(LEAD_PHRASES, "not_listed", language, place=name, date=date)
    if state is not None and state.federal_list == FederalListing.LISTED and state_name:
        text = f"{text} {lookup(LEAD_PHRASES, 'state_listed', language, state=state_name)}"
    outlet = lookup(LEAD_PHRASES, "source", language, outlet=source.outlet)
    return Lead(f"{text} {outlet}", sources=(DOJ_LIST,), dates=(source.date,))


def fit(
    j: Jurisdiction, reading: AspectReading | None, words: frozenset[str], language: str
) -> tuple[int, int]:
    """How well a place's items answer the question: (answers at all, words shared)."""
    if reading is None:
        return (0, 0)
    picked = pick(items(j, language), reading, words)
    return (0, 0) if picked is None else (1, _overlap(picked.best, words))
