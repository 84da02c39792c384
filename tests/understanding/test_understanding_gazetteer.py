"""Real places: US cities, counties and states, and names abroad."""

from __future__ import annotations

from bot.knowledge.model import PlaceType
from bot.understanding.gazetteer import FOREIGN, STATE_TYPES, Place, load_gazetteer


def test_a_name_lists_its_biggest_place_first() -> None:
    portland = load_gazetteer().lookup("portland")
    assert portland[0].state == "OR"
    assert {p.state for p in portland} >= {"OR", "ME"}


def test_places_carry_a_place_type() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.states["TX"].type == PlaceType.STATE
    assert gazetteer.states["DC"].type == PlaceType.DISTRICT
    assert all(p.type in STATE_TYPES for p in gazetteer.states.values())
    assert gazetteer.lookup("houston")[0].type == PlaceType.CITY


def test_saint_and_st_are_one_place() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("saint paul")[0] == gazetteer.lookup("st paul")[0]


def test_spanish_state_names() -> None:
    assert load_gazetteer().state_by_name("nueva york") == load_gazetteer().states["NY"]


def test_names_abroad_are_foreign_unless_also_us_places() -> None:
    gazetteer = load_gazetteer()
    assert "toronto" in gazetteer.foreign
    assert "canada" in gazetteer.countries
    assert "mexico" in gazetteer.foreign  # "México", from the Spanish country names
    assert "paris" not in gazetteer.foreign  # Paris, Texas


def test_the_foreign_marker_is_no_place_type() -> None:
    assert FOREIGN not in set(PlaceType)
    assert Place("Toronto", FOREIGN, "").type == "foreign"
