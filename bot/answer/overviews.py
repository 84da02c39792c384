"""Answers that are not about one place: lists, topics, help, about, sources."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer.compose import Composer
from bot.answer.model import Answer, Choice, Kind
from bot.answer.phrases import STANCE_GROUPS, dated, join_names, lookup, say
from bot.knowledge.model import Jurisdiction, PlaceType, Stance, Topic
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
        """Covered places grouped by stance; `state` (USPS code) or `kinds` narrow the list."""
        places = [
            j
            for j in self.jurisdictions
            if (state is None or j.state == state) and (kinds is None or j.type in kinds)
        ]
        if not places:
            return self.not_covered(question, [], language)
        newest = max(j.as_of for j in places)
        lines = self._stance_lines(places, language)
        if state is None:
            head = say(language, "list.head", **dated(newest, language), count=len(places))
        else:
            state_name = self.state_names.get(state, state)
            head = say(language, "list.head_state", **dated(newest, language), state=state_name)
        ordered = sorted(places, key=lambda j: (LIST_ORDER.index(j.stance), j.name))
        return Answer(
            question=question,
            kind=Kind.LIST,
            language=language,
            bottom_line=head,
            places=tuple(self.place_ref(j) for j in ordered),
            details=("\n".join(lines),),
            sources=self.source_refs([s for j in places for s in j.source_ids]),
            caveats=(self.age(newest, language),),
            choices=tuple(
                Choice(self.display_name(j, language=language), f"place:{j.id}")
                for j in ordered[:MAX_LIST_BUTTONS]
            ),
        )

    def _stance_lines(self, places: list[Jurisdiction], language: str) -> list[str]:
        """'Sanctuary: Denver, Chicago', one line per stance that has places."""
        lines = []
        for stance in LIST_ORDER:
            names = [self.display_name(j, language=language) for j in places if j.stance == stance]
            if names:
                lines.append(f"{lookup(STANCE_GROUPS, stance, language)}: {', '.join(names)}")
        return lines

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

    def topic(self, question: str, item: Topic, language: str) -> Answer:
        first, rest = split_first_sentence(item.answer.get(language))
        quotes = sorted(item.quotes, key=lambda q: q.date, reverse=True)
        dates = [
            self.knowledge.sources[s].date for s in item.sources if s in self.knowledge.sources
        ]
        newest = max(dates) if dates else self.last
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
            caveats=(self.age(newest, language),),
            choices=tuple(Choice(t.question.get(language), f"topic:{t.id}") for t in related),
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
                choices=tuple(Choice(e, f"ask:{e}") for e in examples[:3]),
            )
        return Answer(
            question=question,
            kind=Kind.HELP,
            language=language,
            bottom_line=say(language, "help", **self.span(language)),
            details=(say(language, "help.more"), say(language, "help.commands")),
            examples=examples,
            choices=tuple(Choice(e, f"ask:{e}") for e in examples),
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
            choices=tuple(Choice(e, f"ask:{e}") for e in examples),
        )

    def topics_overview(self, language: str) -> Answer:
        topics = list(self.knowledge.topics.values())
        return Answer(
            question="/topics",
            kind=Kind.HELP,
            language=language,
            bottom_line=say(language, "topics.head"),
            details=("\n".join(f"• {t.question.get(language)}" for t in topics),),
            caveats=(self.age(None, language),),
            choices=tuple(Choice(t.question.get(language), f"topic:{t.id}") for t in topics),
        )

    def sources_overview(self, language: str) -> Answer:
        sources = self.source_refs(list(self.knowledge.sources))
        return Answer(
            question="/sources",
            kind=Kind.HELP,
            language=language,
            bottom_line=say(language, "sources.head", count=len(sources)),
            sources=sources,
            caveats=(self.age(None, language),),
        )

    def place_sources(self, j: Jurisdiction, language: str) -> Answer:
        facts = sorted(j.facts, key=lambda f: f.date, reverse=True)
        lines = [f"• {f.date.human(language)}: {f.text.get(language)}" for f in facts]
        details = (f"{say(language, 'facts.head')}\n" + "\n".join(lines),) if lines else ()
        return Answer(
            question=f"sources:{j.id}",
            kind=Kind.ANSWER,
            language=language,
            bottom_line=say(
                language, "place_sources.head", place=self.display_name(j, language=language)
            ),
            places=(self.place_ref(j),),
            details=details,
            sources=self.source_refs(list(j.source_ids)),
            caveats=(self.age(j.as_of, language),),
        )

    def about(self, language: str, question: str = "/about") -> Answer:
        count = len(self.knowledge.sources)
        return Answer(
            question=question,
            kind=Kind.HELP,
            language=language,
            bottom_line=say(language, "about", count=count, **self.span(language)),
            details=(say(language, "about.legal"), say(language, "about.privacy")),
            sources=self.source_refs(list(self.knowledge.sources)),
        )

    def outside_the_us(self, question: str, places: list[Place], language: str) -> Answer:
        """'Is Toronto a sanctuary city?': the bot knows US places only, and says so."""
        names = join_names([p.name for p in places], language)
        return self.not_understood(question, language, say(language, "outside_us", places=names))

    def unknown_state(self, question: str, language: str) -> Answer:
        """'/list ZZ': a clear word about the state, then the usual help."""
        return self.not_understood(question, language, say(language, "unknown_state"))


def example_questions(language: str) -> tuple[str, ...]:
    return tuple(say(language, "examples").split("|"))
