"""What a transport may use of the engine: the one typed boundary between them.

`bot.engine.Engine` satisfies it without importing it (a structural `Protocol`), and so
does the test stand-in `tests/telegram/tg_engine.FakeEngine`; mypy checks both. A
transport that needs something new from the engine adds it here first.
"""

from __future__ import annotations

from typing import Protocol

from bot.answer.model import Answer
from bot.knowledge.model import KnowledgeBase


class AnswerEngine(Protocol):
    """Answers from one loaded knowledge base; replaced whole on reload."""

    @property
    def knowledge(self) -> KnowledgeBase:
        """The data this engine answers from: buttons are checked against it, not a newer one."""
        ...

    def answer(
        self, question: str, language: str | None = None, *, previous: str | None = None
    ) -> Answer:
        """Free text; `previous` is the chat's last place, for follow-up questions."""
        ...

    def place(self, jurisdiction_id: str, language: str, *, all_quotes: bool = False) -> Answer:
        """One covered place (buttons, deep links)."""
        ...

    def place_sources(self, jurisdiction_id: str, language: str) -> Answer:
        """Every source behind one place's answer (the "Sources" button)."""
        ...

    def history(self, jurisdiction_id: str, language: str) -> Answer:
        """A place's whole dated timeline, newest first (the "History" button)."""
        ...

    def topic(self, topic_id: str, language: str) -> Answer: ...

    def list_places(self, state: str | None, language: str) -> Answer:
        """/list [STATE]: covered places by stance."""
        ...

    def topics_overview(self, language: str) -> Answer: ...

    def sources_overview(self, language: str) -> Answer: ...

    def about(self, language: str) -> Answer: ...

    def help(self, language: str) -> Answer: ...

    def suggest(self, query: str, language: str | None = None, limit: int = 5) -> list[Answer]:
        """Inline mode: answers for the best matches; an empty query gives popular places."""
        ...
