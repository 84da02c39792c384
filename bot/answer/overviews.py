"""Answers that are not about one place: lists, topics, help, about, sources."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer.compose import Composer
from bot.answer.model import Answer, Choice, Kind
from bot.answer.phrases import STANCE_GROUPS, dated, join_names, lookup, say
from bot.knowledge.model import Jurisdiction, Stance, Topic
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


def list_places(
    composer: Composer,
    question: str,
    state: str | None,
    language: str,
    *,
    kinds: tuple[str, ...] | None = None,
) -> Answer:
    """Covered places grouped by stance; `state` (USPS code) or `kinds` narrow the list."""
    places = [
        j
        for j in composer.jurisdictions
        if (state is None or j.state == state) and (kinds is None or j.type in kinds)
    ]
    if not places:
        return composer.not_covered(question, [], language)
    newest = max(j.as_of for j in places)
    lines = _stance_lines(composer, places, language)
    if state is None:
        head = say(language, "list.head", **dated(newest, language), count=len(places))
    else:
        state_name = composer.state_names.get(state, state)
        head = say(language, "list.head_state", **dated(newest, language), state=state_name)
    ordered = sorted(places, key=lambda j: (LIST_ORDER.index(j.stance), j.name))
    return Answer(
        question=question,
        kind=Kind.LIST,
        language=language,
        bottom_line=head,
        places=tuple(composer.place_ref(j) for j in ordered),
        details=("\n".join(lines),),
        sources=composer.source_refs([s for j in places for s in j.source_ids]),
        caveats=(composer.age(newest, language),),
        choices=tuple(
            Choice(composer.display_name(j, language=language), f"place:{j.id}")
            for j in ordered[:MAX_LIST_BUTTONS]
        ),
    )


def _stance_lines(composer: Composer, places: list[Jurisdiction], language: str) -> list[str]:
    """'Sanctuary: Denver, Chicago', one line per stance that has places."""
    lines = []
    for stance in LIST_ORDER:
        names = [composer.display_name(j, language=language) for j in places if j.stance == stance]
        if names:
            lines.append(f"{lookup(STANCE_GROUPS, stance, language)}: {', '.join(names)}")
    return lines


def no_places_in_state(composer: Composer, question: str, state: str, language: str) -> Answer:
    """'Sanctuary cities in Texas': the honest answer names the state and implies nothing."""
    place = composer.state_place(state)
    answer = composer.not_covered(question, [place], language)
    bottom = say(
        language,
        "list.none_state",
        state=composer.state_names.get(state, state),
        **composer.span(language),
    )
    return replace(answer, bottom_line=bottom)


def topic(composer: Composer, question: str, item: Topic, language: str) -> Answer:
    first, rest = split_first_sentence(item.answer.get(language))
    quotes = sorted(item.quotes, key=lambda q: q.date, reverse=True)
    dates = [
        composer.knowledge.sources[s].date for s in item.sources if s in composer.knowledge.sources
    ]
    newest = max(dates) if dates else composer.last
    related = [t for t in composer.knowledge.topics.values() if t.id != item.id][:3]
    return Answer(
        question=question,
        kind=Kind.TOPIC,
        language=language,
        bottom_line=first,
        topic=item.id,
        details=(rest,) if rest else (),
        quotes=tuple(composer.quote_view(q, language) for q in quotes[:2]),
        sources=composer.source_refs([*item.sources, *(q.source for q in item.quotes)]),
        caveats=(composer.age(newest, language),),
        choices=tuple(Choice(t.question.get(language), f"topic:{t.id}") for t in related),
    )


def help_answer(
    composer: Composer, question: str, language: str, *, thanks: bool = False
) -> Answer:
    """How to ask, with examples; after a "thank you", short and kind."""
    examples = example_questions(language)
    if thanks:
        return Answer(
            question=question,
            kind=Kind.HELP,
            language=language,
            bottom_line=say(language, "thanks"),
            details=(say(language, "help", **composer.span(language)),),
            choices=tuple(Choice(e, f"ask:{e}") for e in examples[:3]),
        )
    return Answer(
        question=question,
        kind=Kind.HELP,
        language=language,
        bottom_line=say(language, "help", **composer.span(language)),
        details=(say(language, "help.more"), say(language, "help.commands")),
        examples=examples,
        choices=tuple(Choice(e, f"ask:{e}") for e in examples),
    )


def not_understood(
    composer: Composer, question: str, language: str, bottom_line: str | None = None
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
        details=(say(language, "help", **composer.span(language)),),
        examples=examples,
        choices=tuple(Choice(e, f"ask:{e}") for e in examples),
    )


def example_questions(language: str) -> tuple[str, ...]:
    return tuple(say(language, "examples").split("|"))


def topics_overview(composer: Composer, language: str) -> Answer:
    topics = list(composer.knowledge.topics.values())
    return Answer(
        question="/topics",
        kind=Kind.HELP,
        language=language,
        bottom_line=say(language, "topics.head"),
        details=("\n".join(f"• {t.question.get(language)}" for t in topics),),
        caveats=(composer.age(None, language),),
        choices=tuple(Choice(t.question.get(language), f"topic:{t.id}") for t in topics),
    )


def sources_overview(composer: Composer, language: str) -> Answer:
    sources = composer.source_refs(list(composer.knowledge.sources))
    return Answer(
        question="/sources",
        kind=Kind.HELP,
        language=language,
        bottom_line=say(language, "sources.head", count=len(sources)),
        sources=sources,
        caveats=(composer.age(None, language),),
    )


def place_sources(composer: Composer, j: Jurisdiction, language: str) -> Answer:
    facts = sorted(j.facts, key=lambda f: f.date, reverse=True)
    lines = [f"• {f.date.human(language)}: {f.text.get(language)}" for f in facts]
    details = (f"{say(language, 'facts.head')}\n" + "\n".join(lines),) if lines else ()
    return Answer(
        question=f"sources:{j.id}",
        kind=Kind.ANSWER,
        language=language,
        bottom_line=say(
            language, "place_sources.head", place=composer.display_name(j, language=language)
        ),
        places=(composer.place_ref(j),),
        details=details,
        sources=composer.source_refs(list(j.source_ids)),
        caveats=(composer.age(j.as_of, language),),
    )


def about(composer: Composer, language: str, question: str = "/about") -> Answer:
    count = len(composer.knowledge.sources)
    return Answer(
        question=question,
        kind=Kind.HELP,
        language=language,
        bottom_line=say(language, "about", count=count, **composer.span(language)),
        details=(say(language, "about.legal"), say(language, "about.privacy")),
        sources=composer.source_refs(list(composer.knowledge.sources)),
    )


def outside_the_us(composer: Composer, question: str, places: list[Place], language: str) -> Answer:
    """'Is Toronto a sanctuary city?': the bot knows US places only, and says so."""
    names = join_names([p.name for p in places], language)
    return not_understood(composer, question, language, say(language, "outside_us", places=names))


def unknown_state(composer: Composer, question: str, language: str) -> Answer:
    """'/list ZZ': a clear word about the state, then the usual help."""
    return not_understood(composer, question, language, say(language, "unknown_state"))
