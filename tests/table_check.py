"""The rules that judge a row of the question tables; the tests and the benchmarks
(benchmarks/bench_engine.py, benchmarks/tune_cutoffs.py) all import it from here."""

from __future__ import annotations

import re

from question_table import Case
from question_table_aspects import AspectCase
from question_table_held_out_2026 import HeldOut

from bot.answer.model import Answer
from bot.answer.render import render_text
from bot.knowledge.model import KnowledgeBase


def labels(answer: Answer) -> list[str]:
    """The answer's places: a jurisdiction id, or "?Name" for a place the data lacks."""
    return [p.id if p.id else f"?{p.name}" for p in answer.places]


def as_case(row: tuple[str, str, tuple[str, ...], str, str | None]) -> Case:
    """A row of the second or third table (question, kind, places, language, topic)."""
    question, kind, places, language, topic = row
    return Case(question, kind, places, None, language, topic)


def problems(answer: Answer, case: Case, knowledge: KnowledgeBase) -> list[str]:
    """What is wrong with `answer` for the row `case` (nothing: it is right).

    Kind and language exactly. Places in order; for a list, exactly the places given when
    there are several, all in its state when one is given (any list when none is: "list all
    sanctuary states" rightly lists only the states). The stance of the first place when
    given; the topic of a topic answer; no covered place in a not-covered answer.
    """
    found = labels(answer)
    wrong: list[str] = []
    if (answer.kind, answer.language) != (case.kind, case.language):
        wrong.append(f"kind/language {answer.kind}/{answer.language}")
    if case.kind == "list" and len(case.places) > 1:
        if sorted(found) != sorted(case.places):
            wrong.append(f"listed {found}")
    elif case.kind == "list" and case.places:
        state = knowledge.jurisdictions[case.places[0]].state
        if case.places[0] not in found or {p.state for p in answer.places} != {state}:
            wrong.append(f"listed {found}, not the places of {state}")
    elif case.kind != "list" and found != list(case.places):
        wrong.append(f"places {found}")
    if case.stance is not None:
        first = next((p for p in answer.places if p.id == case.places[0]), None)
        if first is None or first.stance != case.stance:
            wrong.append(f"stance {first.stance if first else None}")
    if case.kind == "topic" and answer.topic != case.topic:
        wrong.append(f"topic {answer.topic}")
    if case.kind == "not_covered" and any(p.id or p.stance for p in answer.places):
        wrong.append("a covered place in a not-covered answer")
    return wrong


def judge(answer: Answer, case: Case, knowledge: KnowledgeBase) -> bool:
    return not problems(answer, case, knowledge)


def check(answer: Answer, case: Case, knowledge: KnowledgeBase) -> None:
    """Assert the rule, saying what is wrong."""
    wrong = problems(answer, case, knowledge)
    assert not wrong, f"{case.question!r}: " + "; ".join(wrong)


SOURCES_DONT_SAY = re.compile(r"\bmy sources don't\b|\bmis fuentes no\b", re.IGNORECASE)


def first_message(answer: Answer) -> str:
    """What a phone shows first: the bottom line and the first paragraph."""
    return "\n".join([answer.bottom_line, *answer.details[:1]])


def aspect_problems(answer: Answer, case: AspectCase) -> list[str]:
    """What is wrong with `answer` for a row of the aspect table (nothing: it is right).

    The aspect and the language exactly; the row's place first (a row with no place: any);
    the first message holds one of the row's `expect` texts, case-insensitively — or, for a
    row the sources cannot answer (`missing`), says so: "My sources don't …"/"Mis fuentes no …".
    """
    wrong: list[str] = []
    if (answer.aspect, answer.language) != (case.aspect, case.language):
        wrong.append(f"aspect/language {answer.aspect}/{answer.language}")
    if case.place is not None and labels(answer)[:1] != [case.place]:
        wrong.append(f"places {labels(answer)}")
    shown = first_message(answer)
    says_missing = bool(SOURCES_DONT_SAY.search(shown))
    if case.missing and not says_missing:
        wrong.append("does not say the sources don't say")
    if not case.missing and not any(e.casefold() in shown.casefold() for e in case.expect):
        wrong.append(f"none of {case.expect} in the first message")
    if not case.missing and SOURCES_DONT_SAY.match(answer.bottom_line):
        wrong.append("says the sources don't say")
    return wrong


def held_out_2026_problems(answer: Answer, row: HeldOut) -> list[str]:
    """What is wrong with `answer` for a row of the blind 2026 table (nothing: it is right).

    Kind and language exactly; every place the row names among the answer's places; one of
    the row's `contains` texts somewhere in the reply (case-insensitive); for a row the
    sources cannot answer (`missing`), the reply says so: "My sources don't …". The row's
    aspect is the writer's reading of the question, so it is not judged: the text is.
    """
    wrong: list[str] = []
    if (str(answer.kind), answer.language) != (row.kind, row.language):
        wrong.append(f"kind/language {answer.kind}/{answer.language}")
    missing_places = [p for p in row.places if p not in labels(answer)]
    if missing_places:
        wrong.append(f"{missing_places} not among {labels(answer)}")
    text = render_text(answer).casefold()
    if row.contains and not any(c.casefold() in text for c in row.contains):
        wrong.append(f"none of {row.contains} in the reply")
    if row.missing and not SOURCES_DONT_SAY.search(text):
        wrong.append("does not say the sources don't say")
    return wrong
