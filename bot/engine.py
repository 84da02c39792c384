"""The answer engine: the one entry point every transport (console, Telegram, JSON) calls.

STUB — the real implementation is being written now; the signatures below are the contract.
"""

from __future__ import annotations

from bot.answer.model import Answer, Kind
from bot.knowledge.model import KnowledgeBase


class Engine:
    """Answers questions from one loaded knowledge base; cheap to rebuild on reload."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge

    def answer(self, question: str, language: str | None = None) -> Answer:
        """Answer free text. `language` is the caller's ("en"/"es") if known, else detected."""
        return Answer(question=question, kind=Kind.HELP, language=language or "en",
                      bottom_line="(engine not implemented yet)")

    def place(self, jurisdiction_id: str, language: str, *, all_quotes: bool = False) -> Answer:
        """The answer about one covered place (buttons, deep links, /city)."""
        raise NotImplementedError

    def place_sources(self, jurisdiction_id: str, language: str) -> Answer:
        """Every source behind one place's answer ("Sources" button)."""
        raise NotImplementedError

    def topic(self, topic_id: str, language: str) -> Answer:
        raise NotImplementedError

    def list_places(self, state: str | None, language: str) -> Answer:
        """Covered places by stance, optionally in one state (/list [STATE])."""
        raise NotImplementedError

    def topics_overview(self, language: str) -> Answer:
        """/topics: the general questions the bot can answer, as choices."""
        raise NotImplementedError

    def sources_overview(self, language: str) -> Answer:
        """/sources: every article the knowledge base cites."""
        raise NotImplementedError

    def about(self, language: str) -> Answer:
        """/about: what the data is, how old, not legal advice, the privacy promise."""
        raise NotImplementedError

    def help(self, language: str) -> Answer:
        """/help and /start: how to ask, with example questions as choices."""
        raise NotImplementedError

    def suggest(self, query: str, language: str | None = None, limit: int = 5) -> list[Answer]:
        """Inline mode: answers for the best-matching places/topics (empty query: popular)."""
        raise NotImplementedError
