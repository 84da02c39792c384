"""Reading "/map Texas", "show me a map", "mapa de Nueva York": which map is asked for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.map.geometry import load_states
from bot.understanding.gazetteer import load_gazetteer
from bot.understanding.text import fold

MAP_WORDS = frozenset({"map", "maps", "mapa", "mapas"})
# Words that may come before "map" in a request for one ("can you show me the map").
_BEFORE = frozenset(
    "please pls can could would you show send give draw display see view get me us a an the "
    "i want to hey hi hello hola quiero ver muestrame muestras muestra mostrar mostrame ensename "
    "manda mandas envias das "
    "mandame envia enviame dame un una el por favor puedes podrias podria".split()
)
# Words around the area that do not name it ("a map of sanctuary cities in Texas").
_FILLER = frozenset(
    "of for de del la el los las in en the sanctuary santuario cities city ciudades ciudad "
    "policies policy politicas politica states state estados estado please por favor us usa "
    "united unidos america places lugares all todo todos todas whole country pais entero".split()
)


@dataclass(frozen=True)
class MapRequest:
    state: str | None  # USPS code, or None for the whole country


def find_state(name: str) -> str | None:
    """The USPS code of a state (or DC) named in English or Spanish, or given as a code."""
    name = name.strip()
    shapes = load_states()
    if len(name) == 2 and name.upper() in shapes:
        return name.upper()
    folded = fold(name)
    if not folded:
        return None
    for place in load_gazetteer().lookup(folded):
        if place.type in ("state", "district") and place.state in shapes:
            return place.state
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def parse_map_request(text: str) -> MapRequest | None:
    """A map request in free text, or None when the text asks something else."""
    words = _words(text)
    index = next((i for i, w in enumerate(words) if w in MAP_WORDS), None)
    if index is None or not all(w in _BEFORE for w in words[:index]):
        return None
    area = _trim(words[index + 1 :])
    if not area:
        return MapRequest(None)
    state = find_state(" ".join(area)) or find_state(" ".join(_trim(area, everywhere=True)))
    return MapRequest(state) if state else None


def _trim(words: list[str], *, everywhere: bool = False) -> list[str]:
    """Filler words off both ends (or all of them): "of sanctuary cities in Texas" -> Texas."""
    if everywhere:
        return [w for w in words if w not in _FILLER]
    start = next((i for i, w in enumerate(words) if w not in _FILLER), len(words))
    end = len(words)
    while end > start and words[end - 1] in _FILLER:
        end -= 1
    return words[start:end]
