"""Answers that are not about one place: lists, topics, help, about, sources."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cached_property

from bot.answer.action import ALL_PLACES, Action, Verb
from bot.answer.compose import Composer, quote_order
from bot.answer.model import Answer, Choice, Kind
from bot.answer.names import contract_es, month_of
from bot.answer.phrases import (
    SOURCE_KINDS,
    STANCE_GROUPS,
    TYPE_GROUPS,
    join_names,
    lookup,
    say,
)
from bot.answer.timeline import newest
from bot.knowledge.model import Jurisdiction, PlaceType, SourceKind, Stance, Topic
from bot.understanding.gazetteer import Place

LIST_ORDER = tuple(Stance)  # the list groups places in the vocabulary's order
MAX_LIST_BUTTONS = 40
_SENTENCE_END = re.compile(r"(?<=[a-z0-9\)”\"])[.!?](?=\s+[A-Z¿¡“\"])")


def split_first_sentence(text: str) -> tuple[str, str]:
    """'Bottom line first': the first sentence, and the rest ("U.S." and "D.C." stay whole)."""
    match = _SENTENCE_END.search(text)
    if match is None:
        return text.strip(), ""
    return text[: match.end()].strip(), text[match.end() :].strip()


MAX_FOREIGN_NAMES = 3  # "Toronto, Monterrey and Vancouver": an echo, not a list


class Overviews(Composer):
    """The composer, plus the answers that are not about one place."""

    def list_places(
        self,
        question: str,
        state: str | None,
        language: str,
        *,
        kinds: tuple[PlaceType, ...] | None = None,
    ) -> Answer:
        """Covered places grouped by type and stance; `state` (USPS code) or `kinds` narrow
        the list. The data does not change under an engine: each list is composed once."""
        key = (state, kinds, language)
        if key not in self._lists:
            self._lists[key] = self._list_places(state, language, kinds)
        return replace(self._lists[key], question=question)

    @cached_property
    def _lists(self) -> dict[tuple[str | None, tuple[PlaceType, ...] | None, str], Answer]:
        return {}

    def _list_places(
        self, state: str | None, language: str, kinds: tuple[PlaceType, ...] | None
    ) -> Answer:
        question = ""
        places = [
            j
            for j in self.jurisdictions
            if (state is None or j.state == state) and (kinds is None or j.type in kinds)
        ]
        if not places:
            return self.not_covered(question, [], language)
        newest = max(j.newest_date for j in places)
        if state is None:
            head = say(language, "list.head", count=len(places))
        else:
            head = say(language, "list.head_state", state=self.state_name(state, language))
        ordered = sorted(places, key=_list_order)
        return Answer(
            question=question,
            kind=Kind.LIST,
            language=language,
            bottom_line=head,
            places=tuple(self.place_ref(j) for j in ordered),
            details=tuple(
                self._type_block(ordered, group, language) for group in _groups_in_use(ordered)
            ),
            sources=self.source_refs([s for j in places for s in j.source_ids]),
            caveats=(self.age(newest, language),),
            choices=tuple(
                Choice(self.display_name(j, language=language), Action(Verb.PLACE, j.id))
                for j in ordered[:MAX_LIST_BUTTONS]
            ),
        )

    def _type_block(self, places: list[Jurisdiction], group: PlaceType, language: str) -> str:
        """'Cities' and under it one line per stance: '• Sanctuary: Chicago (July 2025), …',
        each place with the date of its own newest information."""
        lines = [lookup(TYPE_GROUPS, group, language)]
        for stance in LIST_ORDER:
            names = [
                say(
                    language,
                    "list.place",
                    place=self.display_name(
                        j, with_state=j.id in self.namesakes, language=language
                    ),
                    date=month_of(j.newest_date).human(language),
                )
                for j in places
                if j.stance == stance and _type_group(j) == group
            ]
            if names:
                lines.append(f"• {lookup(STANCE_GROUPS, stance, language)}: {', '.join(names)}")
        return "\n".join(lines)

    def no_places_in_state(self, question: str, state: str, language: str) -> Answer:
        """'Sanctuary cities in Texas': the honest answer names the state and implies nothing."""
        place = self.state_place(state)
        answer = self.not_covered(question, [place], language)
        bottom = say(
            language,
            "list.none_state",
            state=self.state_names.get(state, state),
            **self.span(language),
        )
        return replace(answer, bottom_line=bottom)

    def via_state(self, question: str, place: Place, state: Jurisdiction, language: str) -> Answer:
        """'Is Houston a sanctuary city?': Houston is not in the sources, Texas is. The answer
        says so first, then what the state's law means for every place in it, then the
        state's own standing; nothing says the city itself was assessed."""
        statewide = state.statewide.get(language) if state.statewide else ""
        first, rest = split_first_sentence(statewide)
        state_line = self.stance_line(state, language, yes_no=False)
        federal = self.federal_line(state, language)
        standing = say(language, "via_state.standing", place=place.name, standing=state_line)
        shown = [(state.as_of, False), *([federal[1]] if federal else [])]
        date, inferred = newest(shown)
        return Answer(
            question=question,
            kind=Kind.ANSWER,
            language=language,
            bottom_line=say(language, "via_state", place=place.name, statewide=first),
            places=(self.place_ref(state), self.uncovered_ref(place)),
            details=tuple(text for text in (rest, standing, federal and federal[0]) if text),
            sources=self.source_refs(list(state.source_ids)),
            caveats=(self.age(date, language, inferred=inferred),),
            choices=(
                Choice(self.display_name(state, language=language), Action(Verb.PLACE, state.id)),
                Choice(say(language, "button.all_places"), Action(Verb.LIST, ALL_PLACES)),
            ),
        )

    def topic(self, question: str, item: Topic, language: str) -> Answer:
        first, rest = split_first_sentence(item.answer.get(language))
        quotes = sorted(item.quotes, key=quote_order, reverse=True)
        sources = [self.knowledge.sources[s] for s in item.sources if s in self.knowledge.sources]
        # The newest source dates the answer, to its own precision ("(date inferred)" if so).
        shown = [(s.date, s.date_inferred) for s in sources]
        date, inferred = newest(shown) if shown else (self.last, False)
        related = [t for t in self.knowledge.topics.values() if t.id != item.id][:3]
        return Answer(
            question=question,
            kind=Kind.TOPIC,
            language=language,
            bottom_line=first,
            topic=item.id,
            details=(rest,) if rest else (),
            quotes=tuple(self.quote_view(q, language) for q in quotes[:2]),
            sources=self.source_refs([*item.sources, *(q.source for q in item.quotes)]),
            caveats=(self.age(date, language, inferred=inferred),),
            choices=tuple(
                Choice(t.question.get(language), Action(Verb.TOPIC, t.id)) for t in related
            ),
        )

    def help_answer(self, question: str, language: str, *, thanks: bool = False) -> Answer:
        """How to ask, with examples; after a "thank you", short and kind."""
        examples = example_questions(language)
        if thanks:
            return Answer(
                question=question,
                kind=Kind.HELP,
                language=language,
                bottom_line=say(language, "thanks"),
                details=(say(language, "help", **self.span(language)),),
                choices=tuple(Choice(e, Action(Verb.ASK, e)) for e in examples[:3]),
            )
        return Answer(
            question=question,
            kind=Kind.HELP,
            language=language,
            bottom_line=say(language, "help", **self.span(language)),
            details=(say(language, "help.more"), say(language, "help.commands")),
            examples=examples,
            choices=tuple(Choice(e, Action(Verb.ASK, e)) for e in examples),
        )

    def not_understood(
        self, question: str, language: str, bottom_line: str | None = None
    ) -> Answer:
        """What the bot could not answer, said plainly, then how to ask, with examples."""
        if bottom_line is None:
            empty = not question.strip()
            bottom_line = say(language, "not_understood.empty" if empty else "not_understood")
        examples = example_questions(language)
        return Answer(
            question=question,
            kind=Kind.NOT_UNDERSTOOD,
            language=language,
            bottom_line=bottom_line,
            details=(say(language, "help", **self.span(language)),),
            examples=examples,
            choices=tuple(Choice(e, Action(Verb.ASK, e)) for e in examples),
        )

    def topics_overview(self, language: str) -> Answer:
        topics = list(self.knowledge.topics.values())
        return Answer(
            question="/topics",
            kind=Kind.HELP,
            language=language,
            bottom_line=say(language, "topics.head"),
            details=("\n".join(f"• {t.question.get(language)}" for t in topics),),
            choices=tuple(
                Choice(t.question.get(language), Action(Verb.TOPIC, t.id)) for t in topics
            ),
        )

    def sources_overview(self, language: str) -> Answer:
        """/sources: the five articles in full; the later sources counted by kind, with their
        dates (each place's Sources button lists its own)."""
        kinds = Counter(s.kind for s in self.knowledge.sources.values())
        counted = [
            lookup(SOURCE_KINDS, kind, language, count=kinds[kind])
            for kind in SourceKind
            if kinds[kind] and kind != SourceKind.ARTICLE
        ]
        return Answer(
            question="/sources",
            kind=Kind.HELP,
            language=language,
            bottom_line=say(
                language, "sources.head", count=len(self.knowledge.sources), **self.span(language)
            ),
            details=(say(language, "sources.later", kinds=join_names(counted, language)),),
            sources=self.source_refs(self.article_ids),
        )

    def place_sources(self, j: Jurisdiction, language: str) -> Answer:
        facts = sorted(j.facts, key=lambda f: (not f.reported, f.date), reverse=True)
        lines = [f"• {self.fact_date(f, language)}: {f.text.get(language)}" for f in facts]
        details = (f"{say(language, 'facts.head')}\n" + "\n".join(lines),) if lines else ()
        return Answer(
            question=str(Action(Verb.SOURCES, j.id)),
            kind=Kind.ANSWER,
            language=language,
            bottom_line=contract_es(
                say(language, "place_sources.head", place=self.running_name(j, language=language))
            ),
            places=(self.place_ref(j),),
            details=details,
            sources=self.source_refs(list(j.source_ids)),
            caveats=(self.age(j.newest_date, language),),
        )

    def about(self, language: str, question: str = "/about") -> Answer:
        return Answer(
            question=question,
            kind=Kind.HELP,
            language=language,
            bottom_line=say(language, "about", **self.span(language)),
            details=(say(language, "about.legal"), say(language, "about.privacy")),
            sources=self.source_refs(self.article_ids),
        )

    def outside_the_us(self, question: str, places: list[Place], language: str) -> Answer:
        """'Is Toronto a sanctuary city?': the bot knows US places only, and says so."""
        # Each place once, however often or however cased it was typed; a few at most.
        unique = list(dict.fromkeys(p.name.title() for p in places))[:MAX_FOREIGN_NAMES]
        names = join_names(unique, language)
        key = "outside_us" if len(unique) == 1 else "outside_us.n"
        return self.not_understood(question, language, say(language, key, places=names))

    def unknown_state(self, question: str, language: str) -> Answer:
        """'/list ZZ': a clear word about the state, then the usual help."""
        return self.not_understood(question, language, say(language, "unknown_state"))


def _type_group(j: Jurisdiction) -> PlaceType:
    """The list's group of a place: Washington, D.C. is listed with the cities."""
    return PlaceType.CITY if j.type == PlaceType.DISTRICT else j.type


def _list_order(j: Jurisdiction) -> tuple[int, int, str]:
    """States, counties, cities; in each, by stance, then by name."""
    return (list(TYPE_GROUPS).index(_type_group(j)), LIST_ORDER.index(j.stance), j.name)


def _groups_in_use(places: list[Jurisdiction]) -> list[PlaceType]:
    """States, counties, cities: the groups that have places, in that order."""
    present = {_type_group(j) for j in places}
    return [group for group in TYPE_GROUPS if group in present]


def example_questions(language: str) -> tuple[str, ...]:
    return tuple(say(language, "examples").split("|"))
