"""How a row of the second and third question tables is judged."""

from __future__ import annotations

from bot.answer.model import Answer


def check(
    answer: Answer, kind: str, places: tuple[str, ...], language: str, topic: str | None
) -> None:
    """Kind and language exactly; places in order (for a list, that its first is in it);
    for a topic, which one."""
    labels = [p.id if p.id else f"?{p.name}" for p in answer.places]
    assert (answer.kind, answer.language) == (kind, language)
    if kind == "list":
        assert not places or places[0] in labels
    else:
        assert labels == list(places)
    if kind == "topic":
        assert answer.topic == topic
