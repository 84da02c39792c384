"""How each stance looks: an Okabe–Ito colour, a fill pattern and a marker shape, and its name.

Okabe and Ito's palette ("Color Universal Design", 2008) stays distinguishable with every
common colour-vision deficiency; tests/map/test_style.py checks the colours actually used
under simulated protanopia, deuteranopia and tritanopia. Pattern and shape carry the same
information again, for anyone who cannot tell the colours apart at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.map.places import NONE


@dataclass(frozen=True)
class StanceStyle:
    stance: str
    colour: str  # state fill and dot fill
    pattern: str  # solid | diagonal | cross | horizontal | dots | none
    marker: str  # circle | triangle | square | diamond | ring
    label_en: str
    label_es: str

    def label(self, language: str) -> str:
        return self.label_es if language == "es" else self.label_en


# In legend order. Unknown stance strings (a vocabulary grown later) fall back to "unknown".
STYLES = (
    StanceStyle("sanctuary", "#0072B2", "solid", "circle",
                "Sanctuary (own law or declaration)", "Santuario (ley o declaración propia)"),
    StanceStyle("limits_cooperation", "#56B4E9", "diagonal", "triangle",
                "Limits cooperation with ICE", "Limita la cooperación con ICE"),
    StanceStyle("bans_sanctuary", "#D55E00", "cross", "square",
                "Bans sanctuary policies", "Prohíbe las políticas santuario"),
    StanceStyle("unclear", "#CC79A7", "horizontal", "diamond",
                "Unclear (conflicting statements)", "Poco claro (declaraciones en conflicto)"),
    StanceStyle("unknown", "#E69F00", "dots", "ring",
                "Named, no policy described", "Mencionado, sin política descrita"),
    StanceStyle(NONE, "#EBEBEB", "none", "none",
                "None in the sources", "Nada en las fuentes"),
)  # fmt: skip
BY_STANCE = {style.stance: style for style in STYLES}


def style_for(stance: str) -> StanceStyle:
    return BY_STANCE.get(str(stance), BY_STANCE["unknown"])
