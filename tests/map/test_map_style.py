"""The stance palette stays distinguishable under simulated colour-vision deficiencies."""

from __future__ import annotations

import itertools

import pytest

from bot.knowledge.model import Stance
from bot.map.places import NONE
from bot.map.style import BY_STANCE, STYLES, style_for

# Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
SIMULATIONS = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
    "none": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
}  # fmt: skip
MIN_DELTA_E = 12.0  # CIE76; about 2.3 is "just noticeable"


def _linear(hex_colour: str) -> tuple[float, ...]:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def _lab(rgb: tuple[float, ...]) -> tuple[float, float, float]:
    r, g, b = (min(max(c, 0.0), 1.0) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _simulate(hex_colour: str, matrix: tuple[tuple[float, ...], ...]) -> tuple[float, ...]:
    rgb = _linear(hex_colour)
    return tuple(sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix)


@pytest.mark.parametrize("vision", sorted(SIMULATIONS))
def test_every_pair_of_stance_colours_differs(vision: str) -> None:
    for a, b in itertools.combinations(STYLES, 2):
        lab_a = _lab(_simulate(a.colour, SIMULATIONS[vision]))
        lab_b = _lab(_simulate(b.colour, SIMULATIONS[vision]))
        delta = sum((p - q) ** 2 for p, q in zip(lab_a, lab_b, strict=True)) ** 0.5
        assert delta >= MIN_DELTA_E, (vision, a.stance, b.stance, round(delta, 1))


def test_every_stance_has_its_own_pattern_and_shape() -> None:
    assert len({s.pattern for s in STYLES}) == len(STYLES)
    drawn = [s for s in STYLES if s.stance != NONE]
    assert len({s.marker for s in drawn}) == len(drawn)


def test_every_stance_in_the_vocabulary_has_a_style_and_both_labels() -> None:
    for stance in Stance:
        assert stance.value in BY_STANCE
    for style in STYLES:
        assert style.label("en") and style.label("es") and style.label("en") != style.label("es")
    assert style_for("bans_sanctuary").stance == "bans_sanctuary"  # the 2026 vocabulary
    assert style_for("something-new").stance == "unknown"
