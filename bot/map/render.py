"""The map as one SVG document: the picture `/map` sends (rasterised) and the website shows.

Everything is drawn in screen coordinates: the us-atlas plane is scaled into the map box
here, so strokes, patterns and labels keep their size when the map zooms to one state.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from bot.answer.phrases import lookup
from bot.knowledge.model import Jurisdiction, KnowledgeBase, Localized
from bot.map.geometry import HEIGHT, WIDTH, Point, StateShape, load_states
from bot.map.places import (
    NONE,
    MapPoint,
    knowledge_date,
    map_points,
    state_records,
    state_stances,
)
from bot.map.style import STYLES, StanceStyle, style_for
from bot.understanding.gazetteer import SPANISH_STATE_NAMES

CANVAS_W = 1280
HEADER_H = 92
MAP_BOX = (16.0, float(HEADER_H), CANVAS_W - 16.0, HEADER_H + 770.0)  # x0, y0, x1, y1
LEGEND_ROW_H = 34
FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
INK = "#1a1a1a"

TEXT: dict[str, Localized] = {
    "title": Localized(en="Sanctuary policies in {area}", es="Políticas santuario en {area}"),
    "country": Localized(en="the United States", es="Estados Unidos"),
    "subtitle": Localized(
        en=(
            "As of {date}. States: their own law or policy. Dots: each city's or county's own "
            "stance."
        ),
        es=(
            "Datos de {date}. Estados: su propia ley o política. Puntos: la postura de cada ciudad "
            "o condado."
        ),
    ),
    "item_title": Localized(en="{name}: {stance}", es="{name}: {stance}"),
}


def text(language: str, key: str, **values: object) -> str:
    """The text `key` of TEXT in `language`, filled with `values`."""
    return lookup(TEXT, key, language, **values)


def state_name(code: str, language: str, knowledge: KnowledgeBase | None = None) -> str:
    """The state's name in `language` (its record's Spanish name first; "Texas", not
    "Tejas", as the knowledge base writes it)."""
    record = state_records(knowledge).get(code) if knowledge else None
    if record is not None:
        return (record.name_es or record.name) if language == "es" else record.name
    name = load_states()[code].name
    if language == "es":
        spanish = [n for n in SPANISH_STATE_NAMES.get(code, ()) if n != "Tejas"]
        return spanish[0] if spanish else name
    return name


def area_name(state: str | None, language: str, knowledge: KnowledgeBase) -> str:
    """What the map covers, as it reads after "in"/"en": "Texas", "el estado de Nueva York"."""
    if state is None:
        return text(language, "country")
    name = state_name(state, language, knowledge)
    if name.startswith("Estado de "):  # a Spanish name "Estado de X" reads "en el estado de X"
        return "el estado de " + name.removeprefix("Estado de ")
    return name


def place_name(place: Jurisdiction, language: str) -> str:
    return (place.name_es or place.name) if language == "es" else place.name


Linker = Callable[[str], str | None]  # a place id or "state:XX" -> href, or None


@dataclass(frozen=True)
class _Frame:
    """Maps the us-atlas plane onto the map box: p' = offset + scale * p."""

    scale: float
    dx: float
    dy: float

    def __call__(self, point: Point) -> Point:
        return self.dx + self.scale * point[0], self.dy + self.scale * point[1]


def _frame(bbox: tuple[float, float, float, float], margin: float) -> _Frame:
    x0, y0, x1, y1 = bbox
    bx0, by0, bx1, by1 = MAP_BOX
    width, height = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    scale = min((bx1 - bx0 - 2 * margin) / width, (by1 - by0 - 2 * margin) / height)
    dx = (bx0 + bx1) / 2 - scale * (x0 + x1) / 2
    dy = (by0 + by1) / 2 - scale * (y0 + y1) / 2
    return _Frame(scale, dx, dy)


def frame_for(state: str | None) -> _Frame:
    """Where the us-atlas plane lands in the picture: the country, or one state, fitted."""
    if state is None:
        return _frame((0, 0, WIDTH, HEIGHT), 4.0)
    return _frame(load_states()[state].bbox, 40.0)


def _path(shape: StateShape, frame: _Frame) -> str:
    parts = []
    for polygon in shape.polygons:
        for ring in polygon:
            points = [frame(p) for p in ring]
            parts.append(
                "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z"
            )  # fmt: skip
    return "".join(parts)


def _pattern(style: StanceStyle) -> str:
    """A <pattern> filling a state: the colour, with white lines or dots over it."""
    lines = {
        "solid": "",
        "none": "",
        "diagonal": '<path d="M-2,2L2,-2M0,10L10,0M8,12L12,8" stroke="#fff" stroke-width="1.6"/>',
        "cross": '<path d="M0,5H10M5,0V10" stroke="#fff" stroke-width="1.4"/>',
        "horizontal": '<path d="M0,5H10" stroke="#fff" stroke-width="1.8"/>',
        "dots": '<circle cx="5" cy="5" r="1.6" fill="#fff"/>',
    }[style.pattern]
    return (
        f'<pattern id="p-{style.stance}" patternUnits="userSpaceOnUse" width="10" height="10">'
        f'<rect width="10" height="10" fill="{style.colour}"/>{lines}</pattern>'
    )


def marker(style: StanceStyle, x: float, y: float, r: float) -> str:
    """The stance's shape at (x, y): shape and colour both say the stance."""
    common = f'fill="{style.colour}" stroke="{INK}" stroke-width="1.5"'
    if style.marker == "triangle":
        h = r * 1.25
        return (f'<path d="M{x:.1f},{y - h:.1f}L{x + h:.1f},{y + h * 0.8:.1f}'
                f'L{x - h:.1f},{y + h * 0.8:.1f}Z" {common}/>')  # fmt: skip
    if style.marker == "square":
        s = r * 0.9
        return (f'<rect x="{x - s:.1f}" y="{y - s:.1f}" width="{2 * s:.1f}" '
                f'height="{2 * s:.1f}" {common}/>')  # fmt: skip
    if style.marker == "diamond":
        d = r * 1.3
        return (f'<path d="M{x:.1f},{y - d:.1f}L{x + d:.1f},{y:.1f}L{x:.1f},{y + d:.1f}'
                f'L{x - d:.1f},{y:.1f}Z" {common}/>')  # fmt: skip
    if style.marker == "ring":
        return (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {common}/>'
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r * 0.4:.1f}" fill="#fff"/>')  # fmt: skip
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {common}/>'


def _link(href: str | None, title: str, body: str) -> str:
    """A titled element, wrapped in a link when it has somewhere to go."""
    titled = f"<title>{escape(title)}</title>{body}"
    if href is None:
        return f"<g>{titled}</g>"
    return f'<a href="{escape(href)}">{titled}</a>'


@dataclass(frozen=True)
class MapDrawing:
    """The SVG and what it shows (for captions and tests)."""

    svg: str
    stances_shown: tuple[str, ...]  # in legend order
    points: tuple[MapPoint, ...]  # the dots drawn inside the map box
    drawn_at: tuple[Point, ...]  # where each was drawn (moved apart where dots would overlap)
    state: str | None


def _visible(box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    bx0, by0, bx1, by1 = MAP_BOX
    return x1 > bx0 and x0 < bx1 and y1 > by0 and y0 < by1


def draw_map(
    knowledge: KnowledgeBase,
    *,
    state: str | None = None,
    language: str = "en",
    link: Linker | None = None,
) -> MapDrawing:
    """The whole country, or one state (USPS code) with its places labelled."""
    language = "es" if language == "es" else "en"
    if state is not None and state not in load_states():
        raise ValueError(f"no outline for state {state!r}")
    frame = frame_for(state)
    link = link or (lambda _target: None)
    states, states_drawn = _states_layer(knowledge, state, language, frame, link)
    dots = _dots_layer(knowledge, state, language, frame, link)

    stances = state_stances(knowledge)
    shown = {style_for(stances[code]).stance for code in states_drawn}
    shown |= {style_for(p.place.stance).stance for p in dots.points}
    legend_styles = [s for s in STYLES if s.stance in shown]
    legend, legend_h = _legend(legend_styles, language, top=MAP_BOX[3] + 8)
    height = int(MAP_BOX[3] + 8 + legend_h + 12)

    title = text(language, "title", area=area_name(state, language, knowledge))
    newest = knowledge_date(knowledge)
    subtitle = text(language, "subtitle", date=newest.human(language) if newest else "—")
    bx0, by0, bx1, by1 = MAP_BOX
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CANVAS_W} {height}" '
        f'width="{CANVAS_W}" height="{height}" font-family="{FONT}" '
        f'aria-labelledby="map-title" class="stance-map">'
        f'<title id="map-title">{escape(title)}</title>'
        f"<defs>{''.join(_pattern(s) for s in STYLES)}</defs>"
        f'<rect width="{CANVAS_W}" height="{height}" fill="#fff"/>'
        f'<g class="map">{states}{dots.svg}</g>'
        # White bands over whatever a zoomed map draws outside its box (cheaper than a clip).
        f'<path fill="#fff" d="M0,0H{CANVAS_W}V{by0}H0Z M0,{by1}H{CANVAS_W}V{height}H0Z '
        f'M0,0H{bx0}V{height}H0Z M{bx1},0H{CANVAS_W}V{height}H{bx1}Z"/>'
        f'<text x="24" y="44" font-size="30" font-weight="bold" fill="{INK}">{escape(title)}</text>'
        f'<text x="24" y="76" font-size="18" fill="#333">{escape(subtitle)}</text>'
        f"{legend}</svg>"
    )
    return MapDrawing(
        svg, tuple(s.stance for s in legend_styles), dots.points, dots.drawn_at, state
    )


def _states_layer(
    knowledge: KnowledgeBase, state: str | None, language: str, frame: _Frame, link: Linker
) -> tuple[str, list[str]]:
    """Every state in view, filled with its stance's pattern (neighbours of a zoomed state
    faded), each a titled link; and the codes of the states drawn."""
    stances, records = state_stances(knowledge), state_records(knowledge)
    drawn: list[str] = []
    parts: list[str] = []
    for code, shape in load_states().items():
        x0, y0, x1, y1 = shape.bbox
        (sx0, sy0), (sx1, sy1) = frame((x0, y0)), frame((x1, y1))
        if not _visible((sx0, sy0, sx1, sy1)):
            continue
        drawn.append(code)
        style = style_for(stances[code])
        name = state_name(code, language, knowledge)
        title = text(language, "item_title", name=name, stance=style.label(language))
        record = records.get(code)
        faded = ' fill-opacity="0.35"' if state is not None and code != state else ""
        path = (
            f'<path data-state="{code}" d="{_path(shape, frame)}" fill="url(#p-{style.stance})"'
            f' stroke="#fff" stroke-width="{1.2 if state is None else 1.6}"{faded}/>'
        )
        parts.append(_link(link(record.id if record else f"state:{code}"), title, path))
    if state is not None:  # the focused state's outline on top, darker
        parts.append(
            f'<path d="{_path(load_states()[state], frame)}" fill="none" stroke="{INK}" '
            'stroke-width="2.2"/>'
        )
    return "".join(parts), drawn


@dataclass(frozen=True)
class _Dots:
    svg: str
    points: tuple[MapPoint, ...]
    drawn_at: tuple[Point, ...]


def _dots_layer(
    knowledge: KnowledgeBase, state: str | None, language: str, frame: _Frame, link: Linker
) -> _Dots:
    """A marker per covered place in view (moved apart where they would overlap, with a
    line to the true spot), each a titled link; a zoomed map also names its state's places."""
    radius = 7.0 if state is None else 9.0
    in_view = [(p, frame(p.xy)) for p in map_points(knowledge)]
    in_view = [(p, xy) for p, xy in in_view if _visible((*xy, *xy))]
    drawn = spread([xy for _, xy in in_view], radius)
    leaders: list[str] = []
    dots: list[str] = []
    labels: list[str] = []
    taken: list[tuple[float, float, float, float]] = []
    for (point, (tx, ty)), (x, y) in zip(in_view, drawn, strict=True):
        style = style_for(point.place.stance)
        name = place_name(point.place, language)
        title = text(language, "item_title", name=name, stance=style.label(language))
        if math.dist((tx, ty), (x, y)) > 1.0:
            leaders.append(
                f'<path d="M{tx:.1f},{ty:.1f}L{x:.1f},{y:.1f}" stroke="{INK}" stroke-width="1"/>'
                f'<circle cx="{tx:.1f}" cy="{ty:.1f}" r="1.6" fill="{INK}"/>'
            )
        body = f'<g data-place="{escape(point.place.id)}">{marker(style, x, y, radius)}</g>'
        dots.append(_link(link(point.place.id), title, body))
        if state is not None and point.place.state == state:
            labels.append(_label(name, x, y, radius, taken))
    return _Dots("".join(leaders + dots + labels), tuple(p for p, _ in in_view), tuple(drawn))


def spread(points: list[Point], radius: float, rounds: int = 80) -> list[Point]:
    """Nudge dots apart until none covers another (same input, same output): a city next to
    a bigger one (Hoboken by Jersey City) stays visible, joined to its true spot by a line."""
    gap = 2 * radius + 2
    moved = [list(p) for p in points]
    for _ in range(rounds):
        overlapping = False
        for i, a in enumerate(moved):
            for j in range(i + 1, len(moved)):
                b = moved[j]
                dx, dy = b[0] - a[0], b[1] - a[1]
                distance = math.hypot(dx, dy)
                if distance >= gap:
                    continue
                overlapping = True
                if distance < 1e-6:  # the same spot: part along a fixed, index-based angle
                    angle = 2.39996 * (i + j)
                    dx, dy, distance = math.cos(angle), math.sin(angle), 1.0
                push = (gap - distance) / 2 + 0.01
                ux, uy = dx / distance, dy / distance
                a[0], a[1] = a[0] - ux * push, a[1] - uy * push
                b[0], b[1] = b[0] + ux * push, b[1] + uy * push
        if not overlapping:
            break
    return [(x, y) for x, y in moved]


def _label(
    name: str, x: float, y: float, r: float, taken: list[tuple[float, float, float, float]]
) -> str:
    """The place's name beside its dot, on whichever side does not cover an earlier label."""
    width, height = 9.5 * len(name) + 4, 20.0
    options = [
        (x + r + 5, y + 6, "start", (x + r + 3, y - 10, x + r + 5 + width, y + 10)),
        (x - r - 5, y + 6, "end", (x - r - 5 - width, y - 10, x - r - 3, y + 10)),
        (x, y - r - 8, "middle", (x - width / 2, y - r - 8 - height, x + width / 2, y - r - 4)),
        (x, y + r + 22, "middle", (x - width / 2, y + r + 4, x + width / 2, y + r + 26)),
    ]

    def free(box: tuple[float, float, float, float]) -> bool:
        return all(box[2] < t[0] or box[0] > t[2] or box[3] < t[1] or box[1] > t[3] for t in taken)

    lx, ly, anchor, box = next((o for o in options if free(o[3])), options[0])
    taken.append(box)
    return (
        f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" font-size="17" '
        f'font-weight="bold" fill="{INK}" stroke="#fff" stroke-width="4" '
        f'paint-order="stroke" stroke-linejoin="round">{escape(name)}</text>'
    )


def _legend(styles: Iterable[StanceStyle], language: str, top: float) -> tuple[str, float]:
    """Swatch (the state pattern), marker (the dot) and name of every stance shown."""
    items = []
    styles = list(styles)
    columns = 2
    column_w = (CANVAS_W - 48) / columns
    for index, style in enumerate(styles):
        row, column = divmod(index, columns)
        x = 24 + column * column_w
        y = top + row * LEGEND_ROW_H
        dot = marker(style, x + 58, y + 12, 8) if style.stance != NONE else ""
        items.append(
            f'<g class="legend-item" data-stance="{style.stance}">'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="36" height="24" fill="url(#p-{style.stance})" '
            f'stroke="#666" stroke-width="1"/>{dot}'
            f'<text x="{x + 78:.1f}" y="{y + 18:.1f}" font-size="19" fill="{INK}">'
            f"{escape(style.label(language))}</text></g>"
        )
    rows = -(-len(styles) // columns)
    return f'<g class="legend">{"".join(items)}</g>', rows * LEGEND_ROW_H
