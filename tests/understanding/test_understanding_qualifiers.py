"""Words around a name that change which place is meant."""

from __future__ import annotations

from bot.engine import Engine
from bot.knowledge.model import PlaceType
from bot.understanding.gazetteer import FOREIGN
from bot.understanding.mentions import PlaceMention
from bot.understanding.text import tokenize


def places(engine: Engine, text: str) -> tuple[PlaceMention, ...]:
    return engine.index.match(tokenize(text)).places


def test_a_state_after_a_city_qualifies_it(engine: Engine) -> None:
    (maine,) = places(engine, "Portland, Maine")
    assert maine.qualifier == "ME" and not maine.covered
    (oregon,) = places(engine, "Portland, Oregon")
    assert oregon.covered  # "Portland, Oregon" is also one of its own names


def test_spanish_qualifiers(engine: Engine) -> None:
    (place,) = places(engine, "San José de California")
    assert place.qualifier == "CA"


def test_a_lowercase_state_code_after_a_city_with_a_namesake_there(engine: Engine) -> None:
    (place,) = places(engine, "portland me")
    assert place.qualifier == "ME"


def test_a_country_after_a_city_puts_it_abroad(engine: Engine) -> None:
    (place,) = places(engine, "Vancouver, Canada")
    assert place.place is not None and place.place.type == FOREIGN
    assert place.place.name == "Vancouver, Canada"


def test_state_words_ask_for_the_state(engine: Engine) -> None:
    for text in ("Washington state", "the state of Washington", "estado de Washington"):
        (place,) = places(engine, text)
        kinds = {engine.knowledge.jurisdictions[i].type for i in place.jurisdictions[:1]}
        state = place.place is not None and place.place.type == PlaceType.STATE
        assert state or kinds == {PlaceType.STATE}, text  # covered since the 2026 data


def test_county_words_ask_for_the_county(engine: Engine) -> None:
    (place,) = places(engine, "Los Angeles County")
    kinds = {engine.knowledge.jurisdictions[i].type for i in place.jurisdictions}
    assert kinds == {PlaceType.COUNTY} or (place.place and place.place.type == PlaceType.COUNTY)


def test_a_second_place_picks_the_namesake_in_its_state(engine: Engine) -> None:
    mentions = places(engine, "Chicago and Cook County")
    assert all(m.place is None or m.place.state == "IL" for m in mentions), mentions
