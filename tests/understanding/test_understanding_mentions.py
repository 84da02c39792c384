"""What the matcher returns: a mention is covered when it names a covered place."""

from __future__ import annotations

from bot.knowledge.model import PlaceType
from bot.understanding.gazetteer import Place
from bot.understanding.mentions import PlaceMention


def test_a_mention_with_jurisdictions_is_covered() -> None:
    assert PlaceMention(0, 1, ("denver",)).covered
    assert not PlaceMention(0, 1, (), Place("Houston", PlaceType.CITY, "TX")).covered
