"""US state outlines from the vendored us-atlas TopoJSON, and the projection that goes with it.

`data/states-albers-10m.json` (us-atlas 3.0.1, ISC licence, Census-derived, public domain
data) is already projected with d3.geoAlbersUsa at scale 1300, translate [487.5, 305]: a
975×610 plane with Alaska and Hawaii as insets. `albers_usa` projects a longitude and
latitude the same way, so city dots land on the same plane as the outlines.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

WIDTH, HEIGHT = 975.0, 610.0  # the plane us-atlas projected its shapes onto
SCALE, TRANSLATE = 1300.0, (487.5, 305.0)

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # the outer ring, then holes

# USPS codes by the Census FIPS code us-atlas uses as the id of each state.
FIPS_TO_USPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}  # fmt: skip


@dataclass(frozen=True)
class StateShape:
    code: str  # USPS
    name: str  # English name, as us-atlas spells it
    polygons: tuple[Polygon, ...]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        xs = [x for polygon in self.polygons for x, _ in polygon[0]]
        ys = [y for polygon in self.polygons for _, y in polygon[0]]
        return min(xs), min(ys), max(xs), max(ys)

    def contains(self, point: Point) -> bool:
        return any(polygon_contains(polygon, point) for polygon in self.polygons)


def _decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Quantized, delta-encoded arcs to absolute coordinates (TopoJSON spec, "transform")."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[Point]]) -> Ring:
    """Join arcs into one ring; a negative index ~i is arc i reversed."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return tuple(points)


@cache
def load_states() -> dict[str, StateShape]:
    """Every state (and DC, and the territories us-atlas has) by USPS code."""
    text = resources.files("bot.map").joinpath("data/states-albers-10m.json").read_text("utf-8")
    topology = json.loads(text)
    arcs = _decode_arcs(topology)
    states: dict[str, StateShape] = {}
    for geometry in topology["objects"]["states"]["geometries"]:
        code = FIPS_TO_USPS.get(geometry["id"])
        if code is None:
            continue
        parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        polygons = tuple(tuple(_ring(ring, arcs) for ring in part) for part in parts)
        states[code] = StateShape(code, geometry["properties"]["name"], polygons)
    return dict(sorted(states.items()))


def ring_contains(ring: Ring, point: Point) -> bool:
    """Even-odd ray casting."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def polygon_contains(polygon: Polygon, point: Point) -> bool:
    outer, *holes = polygon
    return ring_contains(outer, point) and not any(ring_contains(h, point) for h in holes)


# --- d3.geoAlbersUsa ------------------------------------------------------------------


@dataclass(frozen=True)
class _Conic:
    """d3.geoConicEqualArea with rotate, center, parallels, scale and translate (degrees)."""

    rotate: float
    center: Point
    parallels: Point
    scale: float
    translate: Point

    def _raw(self, lam: float, phi: float) -> Point:
        sy0 = math.sin(math.radians(self.parallels[0]))
        n = (sy0 + math.sin(math.radians(self.parallels[1]))) / 2
        c = 1 + sy0 * (2 * n - sy0)
        r0 = math.sqrt(c) / n
        r = math.sqrt(c - 2 * n * math.sin(phi)) / n
        return r * math.sin(lam * n), r0 - r * math.cos(lam * n)

    def __call__(self, lon: float, lat: float) -> Point:
        lam = math.radians(lon + self.rotate)
        lam = (lam + math.pi) % (2 * math.pi) - math.pi  # d3 wraps longitudes after rotating
        x, y = self._raw(lam, math.radians(lat))
        cx, cy = self._raw(math.radians(self.center[0]), math.radians(self.center[1]))
        return self.translate[0] + self.scale * (x - cx), self.translate[1] - self.scale * (y - cy)


def _composite(k: float, tx: float, ty: float) -> list[tuple[_Conic, tuple[float, ...]]]:
    """The three conics of d3.geoAlbersUsa with the clip extent that picks each."""
    eps = 1e-6
    lower48 = _Conic(96, (-0.6, 38.7), (29.5, 45.5), k, (tx, ty))
    alaska = _Conic(154, (-2, 58.5), (55, 65), k * 0.35, (tx - 0.307 * k, ty + 0.201 * k))
    hawaii = _Conic(157, (-3, 19.9), (8, 18), k, (tx - 0.205 * k, ty + 0.212 * k))
    return [
        (lower48, (tx - 0.455 * k, ty - 0.238 * k, tx + 0.455 * k, ty + 0.238 * k)),
        (alaska, (tx - 0.425 * k + eps, ty + 0.120 * k + eps,
                  tx - 0.214 * k - eps, ty + 0.234 * k - eps)),
        (hawaii, (tx - 0.214 * k + eps, ty + 0.166 * k + eps,
                  tx - 0.115 * k - eps, ty + 0.234 * k - eps)),
    ]  # fmt: skip


_ALBERS_USA = _composite(SCALE, *TRANSLATE)


def albers_usa(lon: float, lat: float) -> Point | None:
    """Project as d3.geoAlbersUsa().scale(1300).translate([487.5, 305]) does; None outside
    the lower 48, Alaska and Hawaii (d3 returns null there too)."""
    for conic, (x0, y0, x1, y1) in _ALBERS_USA:
        x, y = conic(lon, lat)
        if x0 <= x <= x1 and y0 <= y <= y1:
            return x, y
    return None
