"""The knowledge in knowledge/: it loads, covers what the bot promises, and quotes verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase, PlaceType, SourceKind, Stance
from bot.knowledge.paths import default_knowledge_dir
from bot.knowledge.validate import validate

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "knowledge"
SEEDS = (REPO / "../shared/seeds").resolve()  # the articles' text, beside the repo

CITY, COUNTY, STATE, DISTRICT = (
    PlaceType.CITY,
    PlaceType.COUNTY,
    PlaceType.STATE,
    PlaceType.DISTRICT,
)
PLACES = {  # id: (name, or None where any common name will do; type; state)
    "new-york-city": ("New York", CITY, "NY"),
    "new-york-state": ("New York", STATE, "NY"),
    "philadelphia": (None, CITY, "PA"),
    "chicago": (None, CITY, "IL"),
    "san-francisco": (None, CITY, "CA"),
    "oakland": (None, CITY, "CA"),
    "san-jose": (None, CITY, "CA"),
    "seattle": (None, CITY, "WA"),
    "los-angeles": (None, CITY, "CA"),
    "providence": (None, CITY, "RI"),
    "minneapolis": (None, CITY, "MN"),
    "washington-dc": ("Washington", DISTRICT, "DC"),
    "boston": (None, CITY, "MA"),
    "baltimore": (None, CITY, "MD"),
    "denver": (None, CITY, "CO"),
    "boulder": (None, CITY, "CO"),
    "milwaukee-county": ("Milwaukee County", COUNTY, "WI"),
    "new-orleans": (None, CITY, "LA"),
    "nashville": (None, CITY, "TN"),
    "santa-fe": (None, CITY, "NM"),
    "portland": (None, CITY, "OR"),
    "california": (None, STATE, "CA"),
    "connecticut": (None, STATE, "CT"),
    "colorado": (None, STATE, "CO"),
    "new-mexico": (None, STATE, "NM"),
    "rhode-island": (None, STATE, "RI"),
}
TOPICS = (
    "what-is-sanctuary-city", "how-many", "why-cities-adopt", "ice", "detainers",
    "federal-funding", "court-order", "doj-letters", "fourth-amendment-city", "federal-position",
)  # fmt: skip


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_knowledge(BUNDLED)


def test_the_default_dir_is_the_bundled_one(monkeypatch):
    monkeypatch.delenv("SANCTUARY_KNOWLEDGE", raising=False)
    assert default_knowledge_dir() == BUNDLED


@pytest.mark.parametrize("place_id", PLACES)
def test_place_is_covered(knowledge, place_id):
    name, place_type, state = PLACES[place_id]
    place = knowledge.jurisdictions.get(place_id)
    assert place is not None, f"jurisdictions/{state.lower()}/{place_id}.yaml is missing"
    assert (place.type, place.state) == (place_type, state)
    if name is not None:
        assert place.name == name


def test_stances_the_sources_leave_open(knowledge):
    # Nashville: a mayor who rejects the label under a state ban, and a 2016 mayor who said
    # police "are not immigration police" (2026 data).
    assert knowledge.jurisdictions["nashville"].stance is Stance.UNCLEAR


def test_five_articles_and_the_later_sources(knowledge):
    articles = [s for s in knowledge.sources.values() if s.kind is SourceKind.ARTICLE]
    assert len(articles) == 5  # the only sources a quote may cite
    assert len(knowledge.sources) > len(articles)


@pytest.mark.parametrize("topic_id", TOPICS)
def test_topic_is_covered(knowledge, topic_id):
    assert topic_id in knowledge.topics


def test_every_quote_is_verbatim_in_its_article():
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} (the articles' text) is absent; CI runs `validate --texts` on it")
    errors = [str(p) for p in validate(BUNDLED, texts_dir=SEEDS) if p.severity == "error"]
    assert errors == []
