"""Compose answers: bottom line first, then the newest dated facts, then quotes, then how old
it is, then sources."""

from __future__ import annotations

from bot.answer.action import ALL_PLACES, Action, Verb
from bot.answer.model import Answer, Choice, Kind
from bot.answer.names import contract_es
from bot.answer.phrases import (
    PLACE_TYPES,
    ROLE_NAMES,
    STANCE_ANSWERS,
    STANCE_LINES,
    STANCE_SHORT,
    article_es,
    dated,
    join_names,
    lookup,
    say,
)
from bot.answer.timeline import SHORT_TIMELINE, Dated, Timeline, newest
from bot.knowledge.model import EventKind, Jurisdiction, PartialDate, PlaceType, Quote, Stance
from bot.understanding.gazetteer import Place
from bot.understanding.roles import TITLE_WORDS, Role
from bot.understanding.text import contains_phrase, fold

MAX_NAMES_LISTED = 40  # a "not covered" reply names at most this many covered places
DEFAULT_QUOTES = 2
MAX_QUOTES = 3
FEDERAL_KINDS = (EventKind.FEDERAL_LISTING, EventKind.FEDERAL_REMOVAL)
FIRST_WORD_SINCE = 2018  # "Yes"/"No"/"Partly" rest on evidence after the 2017 articles


class Composer(Timeline):
    """Turns resolved places, topics and lists of one knowledge base into Answers."""

    def stance_line(
        self, j: Jurisdiction, language: str, *, with_state: bool = False, yes_no: bool = True
    ) -> str:
        """'Yes — as of July 2025, Chicago's own laws or officials called it a sanctuary
        city.' A first word only answers a question about sanctuary status (to "is it safe
        there?" it would mislead), and only from evidence newer than the 2017 articles: a
        "Yes" resting on a 2017 statement would answer today's question from 2017."""
        # Washington, D.C. calls itself a sanctuary city: a district reads as a city here.
        kind = PlaceType.CITY if j.type == PlaceType.DISTRICT else j.type
        first_word = yes_no and j.as_of.year >= FIRST_WORD_SINCE
        line = lookup(
            STANCE_ANSWERS if first_word else STANCE_LINES,
            j.stance,
            language,
            **dated(j.as_of, language),
            place=self.running_name(j, with_state=with_state, language=language),
            type=lookup(PLACE_TYPES, kind, language),
            article=article_es(kind),
        )
        return contract_es(line) if language == "es" else line

    def which_place(self, typed: str, j: Jurisdiction, language: str) -> str:
        """'I took “Nueva York” to mean la ciudad de Nueva York.'"""
        shown = self.running_name(j, with_state=True, language=language).removesuffix(".")
        line = say(language, "which_place", typed=typed, place=shown)
        return contract_es(line) if language == "es" else line

    def other_same_name(self, other: Jurisdiction, language: str) -> str:
        """'If you mean New York State, ask about “New York State”.'"""
        line = say(
            language,
            "other_same_name",
            other=self.running_name(other, language=language),
            asked=self.display_name(other, language=language),
        )
        return contract_es(line) if language == "es" else line

    # --- answers about places ---------------------------------------------------------------

    def place(
        self,
        question: str,
        j: Jurisdiction,
        language: str,
        *,
        speaker: str | None = None,
        role: Role | None = None,
        all_quotes: bool = False,
        notes: tuple[str, ...] = (),
        choices: tuple[Choice, ...] = (),
        with_state: bool = False,
        yes_no: bool = False,
        timeline: int = SHORT_TIMELINE,
    ) -> Answer:
        """The place's standing, newest first: the bottom line (its stance, dated, with a
        first word only where the stance supports one), the federal designation, the place's
        own policy and who rejects the label, the newest events, then the 2017 quotes."""
        quotes, said = self._pick_quotes(j, language, speaker, role, all_quotes)
        bottom_line = self.stance_line(j, language, with_state=with_state, yes_no=yes_no)
        shown: list[Dated] = [(j.as_of, False)]
        federal = self.federal_line(j, language)
        # The federal line already says what the listing and removal events say.
        skip = FEDERAL_KINDS if federal else ()
        events = tuple(e for e in self.timeline_of(j) if e.kind not in skip)[:timeline]
        if federal is not None:
            shown.append(federal[1])
            if j.stance == Stance.UNKNOWN:  # "named without a stance": the list says more
                bottom_line, federal = federal[0], None
        standing = self._standing(j, language, federal[0] if federal else None, bool(events))
        shown += [(e.date, e.date_inferred) for e in events]
        shown += [(q.date, q.date_inferred) for q in quotes if not q.reported]
        date, inferred = newest(shown)
        return Answer(
            question=question,
            kind=Kind.ANSWER,
            language=language,
            bottom_line=bottom_line,
            places=(self.place_ref(j),),
            details=(*notes, *standing, *self.timeline_block(events, language), *said),
            quotes=tuple(self.quote_view(q, language) for q in quotes),
            sources=self.source_refs([*(q.source for q in quotes), *j.source_ids]),
            caveats=(self.age(date, language, inferred=inferred),),
            choices=choices,
        )

    @staticmethod
    def _standing(
        j: Jurisdiction, language: str, federal: str | None, has_events: bool
    ) -> list[str]:
        """The federal designation, the place's own policy and who rejects the label (the
        summary only where there is neither a policy nor a timeline)."""
        standing = [federal] if federal else []
        standing += [text.get(language) for text in (j.stance_basis, j.label_rejected) if text]
        if not j.stance_basis and not has_events:
            standing.append(j.summary.get(language))
        return standing

    def _pick_quotes(
        self,
        j: Jurisdiction,
        language: str,
        speaker: str | None,
        role: Role | None,
        all_quotes: bool,
    ) -> tuple[list[Quote], list[str]]:
        """The newest quotes first, those the source does not date last; a person or role in
        the question narrows them."""
        quotes = sorted(j.quotes, key=quote_order, reverse=True)
        details: list[str] = []
        if speaker:
            theirs = [q for q in quotes if q.speaker == speaker or speaker in q.joint_with]
            if theirs:
                quotes = theirs
                details.append(say(language, "said.head", speaker=speaker))
        elif role:
            words = TITLE_WORDS[role]
            theirs = [q for q in quotes if any(contains_phrase(fold(q.role), w) for w in words)]
            if theirs:
                quotes = theirs
            elif quotes:
                role_name = lookup(ROLE_NAMES, role, language)
                details.append(say(language, "role.none", role=role_name, place=j.name))
        limit = len(quotes) if all_quotes else (MAX_QUOTES if speaker else DEFAULT_QUOTES)
        return quotes[:limit], details

    def compare(self, question: str, named: list[Jurisdiction | Place], language: str) -> Answer:
        """Several places, in the order the question names them; uncovered ones say so."""
        places = [item for item in named if isinstance(item, Jurisdiction)]
        uncovered = [item for item in named if isinstance(item, Place)]
        lines = self._compare_lines(places, uncovered, language)
        quotes = [
            self.quote_view(max(j.quotes, key=quote_order), language) for j in places if j.quotes
        ]
        return Answer(
            question=question,
            kind=Kind.ANSWER,
            language=language,
            bottom_line=say(language, "compare.head"),
            places=tuple(
                self.place_ref(item) if isinstance(item, Jurisdiction) else self.uncovered_ref(item)
                for item in named
            ),
            details=("\n".join(lines), *(self._in_brief(j, language) for j in places)),
            quotes=tuple(quotes),
            sources=self.source_refs([s for j in places for s in j.source_ids]),
            caveats=(self.age(max(j.as_of for j in places), language),),
            choices=tuple(
                Choice(self.display_name(j, language=language), Action(Verb.PLACE, j.id))
                for j in places
            ),
        )

    def _in_brief(self, j: Jurisdiction, language: str) -> str:
        """A place in a comparison: the federal designation, then its own policy (or, without
        one, its summary)."""
        federal = self.federal_line(j, language)
        policy = (j.stance_basis or j.summary).get(language)
        return f"{federal[0]} {policy}" if federal else policy

    def _compare_lines(
        self, places: list[Jurisdiction], uncovered: list[Place], language: str
    ) -> list[str]:
        """One line per covered place, then one for the places not in the sources."""
        lines = [
            say(
                language,
                "compare.line",
                place=self.display_name(j, language=language),
                stance=lookup(STANCE_SHORT, j.stance, language),
                **dated(j.as_of, language),
            )
            for j in places
        ]
        if uncovered:
            names = [self.place_name(p, language) for p in uncovered]
            line = say(language, "not_in_sources", place=join_names(names, language))
            lines.append(line[:1].upper() + line[1:])  # "Estado de Washington (…)" opens a line
        return lines

    def not_covered(self, question: str, places: list[Place], language: str) -> Answer:
        one = len(places) == 1
        names = join_names([self.place_name(p, language) for p in places], language)
        covered = sorted(self.display_name(j, language=language) for j in self.jurisdictions)
        if len(covered) > MAX_NAMES_LISTED:
            more = say(language, "and_more", count=len(covered) - MAX_NAMES_LISTED)
            covered = [*covered[:MAX_NAMES_LISTED], more]
        states = {p.state for p in places}
        nearby = [j for j in self.jurisdictions if j.state in states]
        # "…, Washington, D.C." must not end in two full stops.
        listed = ", ".join(covered).removesuffix(".")
        details = [say(language, "covered_list", names=listed)]
        if nearby:
            related = join_names(
                [self.display_name(j, language=language) for j in nearby], language
            )
            details.insert(0, say(language, "related", related=related))
        details.append(say(language, "also_topics"))
        return Answer(
            question=question,
            kind=Kind.NOT_COVERED,
            language=language,
            bottom_line=say(
                language,
                "not_covered",
                places=names,
                it_has=say(language, "not_covered.it_has.1" if one else "not_covered.it_has.n"),
                it=say(language, "not_covered.it.1" if one else "not_covered.it.n"),
                **self.span(language),
            ),
            places=tuple(map(self.uncovered_ref, places)),
            details=tuple(details),
            examples=tuple(say(language, "examples").split("|")[:3]),
            choices=(
                *(
                    Choice(self.display_name(j, language=language), Action(Verb.PLACE, j.id))
                    for j in nearby[:4]
                ),
                Choice(say(language, "button.all_places"), Action(Verb.LIST, ALL_PLACES)),
            ),
        )

    def clarify_related(
        self, question: str, place: Place, related: list[Jurisdiction], language: str
    ) -> Answer:
        names = join_names([self.running_name(j, language=language) for j in related], language)
        line = say(
            language, "clarify.related", related=names, place=self.place_name(place, language)
        )
        return Answer(
            question=question,
            kind=Kind.CLARIFY,
            language=language,
            bottom_line=contract_es(line) if language == "es" else line,
            places=tuple(self.place_ref(j) for j in related),
            choices=tuple(
                Choice(self.display_name(j, language=language), Action(Verb.PLACE, j.id))
                for j in related
            ),
        )

    def clarify_same_name(
        self,
        question: str,
        typed: str,
        covered: list[Jurisdiction],
        others: list[Place],
        language: str,
    ) -> Answer:
        choices = [
            Choice(
                self.display_name(j, with_state=True, language=language), Action(Verb.PLACE, j.id)
            )
            for j in covered
        ]
        lines = [f"• {c.label}" for c in choices]
        for other in others:
            name = self.place_name(other, language, as_state=True)
            lines.append(f"• {say(language, 'not_in_sources', place=name)}")
            choices.append(Choice(name, Action(Verb.ASK, name)))
        return Answer(
            question=question,
            kind=Kind.CLARIFY,
            language=language,
            bottom_line=say(language, "clarify.which", name=typed),
            places=(*(self.place_ref(j) for j in covered), *map(self.uncovered_ref, others)),
            details=("\n".join(lines),),
            choices=tuple(choices),
        )


def quote_order(quote: Quote) -> tuple[bool, PartialDate]:
    """Sort key, newest last: a remark the source does not date never counts as newest."""
    return (not quote.reported, quote.date)
