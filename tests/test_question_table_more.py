"""The second question table (tests/question_table_more.py): kind, places, language, topic."""

from __future__ import annotations

import pytest
from question_table_more import CASES

from bot.engine import Engine


@pytest.mark.parametrize(
    ("question", "kind", "places", "language", "topic"),
    CASES,
    ids=[repr(case[0])[:60] for case in CASES],
)
def test_question(
    engine: Engine,
    question: str,
    kind: str,
    places: tuple[str, ...],
    language: str,
    topic: str | None,
) -> None:
    answer = engine.answer(question)
    labels = [p.id if p.id else f"?{p.name}" for p in answer.places]
    assert (answer.kind, answer.language) == (kind, language)
    if kind == "list":
        assert not places or places[0] in labels
    else:
        assert labels == list(places)
    if kind == "topic":
        assert answer.topic == topic
