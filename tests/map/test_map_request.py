"""Which map a message asks for; anything else is left to the question path."""

from __future__ import annotations

import pytest

from bot.map.request import MapRequest, find_state, parse_map_request


@pytest.mark.parametrize(
    ("text", "state"),
    [("show me a map", None), ("mapa", None), ("Map", None), ("can you send the map?", None),
     ("muéstrame el mapa", None), ("mapa de Texas", "TX"), ("Mapa de Nueva York", "NY"),
     ("map of California please", "CA"), ("map of sanctuary cities in new york state", "NY"),
     ("mapa de Luisiana", "LA"), ("a map of New Mexico", "NM"), ("map DC", "DC")],
)  # fmt: skip
def test_map_requests(text: str, state: str | None) -> None:
    assert parse_map_request(text) == MapRequest(state)


@pytest.mark.parametrize(
    "text",
    ["Is Denver a sanctuary city?", "mapa de Houston", "what does the map of Denver say",
     "Maps are cool", "", "¿Es Texas un estado santuario?"],
)  # fmt: skip
def test_other_text_is_not_a_map_request(text: str) -> None:
    assert parse_map_request(text) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [("California", "CA"), ("texas", "TX"), ("Nueva York", "NY"), ("tx", "TX"),
     ("Oregón", "OR"), ("Pensilvania", "PA"), ("District of Columbia", "DC")],
)  # fmt: skip
def test_state_names_in_english_and_spanish(name: str, code: str) -> None:
    assert find_state(name) == code


@pytest.mark.parametrize("name", ["Houston", "Narnia", "", "XX"])
def test_not_a_state(name: str) -> None:
    assert find_state(name) is None
