"""A stand-in for bot.engine.Engine: the same boundary (AnswerEngine), predictable answers.

Transport tests assert exact messages and keyboards; this engine answers from the real
(fixture) KnowledgeBase by simple rules, so they do not depend on the matcher's wording.
`.ci/run` type-checks this file, so it cannot drift from `bot.engine_api.AnswerEngine`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.answer.action import Action, Verb
from bot.answer.model import Answer, Choice, Kind, PlaceRef, QuoteView, SourceRef
from bot.engine_api import AnswerEngine
from bot.knowledge.model import Jurisdiction, KnowledgeBase

EXAMPLES = {
    "en": ("Is Denver a sanctuary city?",
           "What is a sanctuary city, and which cities in Colorado call themselves one?"),
    "es": ("¿Es Denver una ciudad santuario?",
           "¿Qué es una ciudad santuario y qué ciudades de Colorado se llaman así?"),
}  # fmt: skip
BOOM = "trigger an internal error"


class FakeEngine:
    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.questions: list[tuple[str, str | None]] = []

    # --- building blocks -------------------------------------------------------------
    def _ref(self, place: Jurisdiction) -> PlaceRef:
        return PlaceRef(place.id, place.name, place.type, place.state, place.stance,
                        place.as_of.iso())  # fmt: skip

    def _sources(self, ids: list[str]) -> tuple[SourceRef, ...]:
        refs: list[SourceRef] = []
        for sid in dict.fromkeys(ids):
            s = self.knowledge.sources[sid]
            refs.append(SourceRef(s.id, s.outlet, s.title, s.date.iso(), s.url))
        return tuple(refs)

    def _quote(self, place: Jurisdiction, n: int) -> QuoteView:
        q = place.quotes[n]
        outlet = self.knowledge.sources[q.source].outlet
        return QuoteView(q.text, q.speaker, q.role, outlet, q.date.human(), q.source)

    # --- the Engine contract ---------------------------------------------------------
    def answer(
        self, question: str, language: str | None = None, *, previous: str | None = None
    ) -> Answer:
        self.questions.append((question, language))
        if BOOM in question:
            raise RuntimeError(f"engine failed on: {question}")
        lang = language or ("es" if "¿" in question or " es " in question.lower() else "en")
        text = question.lower()
        if "qué es" in text or "what is a sanctuary" in text:
            return self.topic("what-is-sanctuary-city", lang)
        found = [p for p in self.knowledge.jurisdictions.values()
                 if p.name.lower().split()[-1] in text]  # fmt: skip
        if len(found) > 1:
            return Answer(question, Kind.CLARIFY, lang, "Which place do you mean?",
                          places=tuple(self._ref(p) for p in found),
                          choices=tuple(Choice(f"{p.name}, {p.state}", Action(Verb.PLACE, p.id))
                                        for p in found))  # fmt: skip
        if found:
            return self.place(found[0].id, lang)
        return Answer(question, Kind.NOT_UNDERSTOOD, lang, "I did not understand that.",
                      examples=EXAMPLES[lang])  # fmt: skip

    def place(self, jurisdiction_id: str, language: str, *, all_quotes: bool = False) -> Answer:
        p = self.knowledge.jurisdictions[jurisdiction_id]
        quotes = range(len(p.quotes)) if all_quotes else range(min(1, len(p.quotes)))
        return Answer(
            p.name,
            Kind.ANSWER,
            language,
            f"{p.name}: {p.stance} (as of {p.as_of.human(language)})",
            places=(self._ref(p),),
            details=(p.summary.get(language),),
            quotes=tuple(self._quote(p, n) for n in quotes),
            caveats=("Not legal advice.",),
        )

    def place_sources(self, jurisdiction_id: str, language: str) -> Answer:
        p = self.knowledge.jurisdictions[jurisdiction_id]
        return Answer(
            p.name,
            Kind.ANSWER,
            language,
            f"Sources for {p.name}",
            places=(self._ref(p),),
            sources=self._sources(list(p.source_ids)),
        )

    def history(self, jurisdiction_id: str, language: str) -> Answer:
        p = self.knowledge.jurisdictions[jurisdiction_id]
        return Answer(
            p.name,
            Kind.ANSWER,
            language,
            f"History of {p.name}",
            places=(self._ref(p),),
            details=tuple(f"{e.date.iso()}: {e.text.get(language)}" for e in p.timeline),
        )

    def topic(self, topic_id: str, language: str) -> Answer:
        t = self.knowledge.topics[topic_id]
        return Answer(t.question.get(language), Kind.TOPIC, language, t.answer.get(language),
                      topic=t.id, sources=self._sources(list(t.sources)))  # fmt: skip

    def list_places(self, state: str | None, language: str) -> Answer:
        places = [p for p in self.knowledge.jurisdictions.values() if state in (None, p.state)]
        where = f" in {state}" if state else ""
        return Answer(f"list {state}", Kind.LIST, language,
                      f"{len(places)} covered places{where}.",
                      places=tuple(self._ref(p) for p in places),
                      choices=tuple(Choice(p.name, Action(Verb.PLACE, p.id))
                                    for p in places))  # fmt: skip

    def topics_overview(self, language: str) -> Answer:
        return Answer("topics", Kind.LIST, language, "General questions:",
                      choices=tuple(Choice(t.question.get(language), Action(Verb.TOPIC, t.id))
                                    for t in self.knowledge.topics.values()))  # fmt: skip

    def sources_overview(self, language: str) -> Answer:
        return Answer("sources", Kind.LIST, language, "Every source:",
                      sources=self._sources(list(self.knowledge.sources)))  # fmt: skip

    def about(self, language: str) -> Answer:
        return Answer("about", Kind.HELP, language, "About this bot & its data.",
                      caveats=("Not legal advice.", "Nothing you write is stored."))  # fmt: skip

    def help(self, language: str) -> Answer:
        return Answer("help", Kind.HELP, language,
                      "Ask me about a US city." if language == "en" else
                      "Pregúnteme por una ciudad de EE. UU.",
                      examples=EXAMPLES[language])  # fmt: skip

    def suggest(self, query: str, language: str | None = None, limit: int = 5) -> list[Answer]:
        lang = language or "en"
        ids = [p.id for p in self.knowledge.jurisdictions.values()
               if not query or query.lower() in p.name.lower()]  # fmt: skip
        return [self.place(pid, lang) for pid in ids[:limit]]


if TYPE_CHECKING:  # `.ci/run` runs mypy on this file: the stand-in must fit the boundary
    _STAND_IN: Callable[[KnowledgeBase], AnswerEngine] = FakeEngine
