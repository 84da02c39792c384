"""The picture itself: colours where the states are, dots, legend, title, size."""

from __future__ import annotations

import io
import math
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from PIL import Image

from bot.knowledge.model import KnowledgeBase, PlaceType
from bot.map.cache import MAPS, MapCache
from bot.map.geometry import load_states
from bot.map.places import NONE, map_points
from bot.map.render import draw_map, frame_for, spread
from bot.map.style import BY_STANCE, style_for

SVG = "{http://www.w3.org/2000/svg}"
LOWER48_EXCLUDED = {"AK", "HI", "DC"}


def expected_stance(knowledge: KnowledgeBase, code: str) -> str:
    """The stance of the state's own record in the knowledge base, or "none"."""
    for place in knowledge.jurisdictions.values():
        if place.state == code and place.type in (PlaceType.STATE, PlaceType.DISTRICT):
            return style_for(place.stance).stance
    return NONE


def no_data_state(knowledge: KnowledgeBase) -> str:
    """The biggest lower-48 state with no record and no covered place."""
    used = {p.state for p in knowledge.jurisdictions.values()}
    candidates = [c for c in load_states() if c not in used and c not in LOWER48_EXCLUDED]

    def area(code: str) -> float:
        x0, y0, x1, y1 = load_states()[code].bbox
        return (x1 - x0) * (y1 - y0)

    return max(candidates, key=area)


def interior_point(knowledge: KnowledgeBase, code: str) -> tuple[int, int]:
    """A pixel deep inside the state, away from its outline and from every dot."""
    shape, frame = load_states()[code], frame_for(None)
    x0, y0, x1, y1 = shape.bbox
    outline = [frame(p) for polygon in shape.polygons for p in polygon[0]]
    dots = [frame(p.xy) for p in map_points(knowledge)]
    best, best_distance = None, -1.0
    steps = 40
    for i in range(1, steps):
        for j in range(1, steps):
            point = (x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * j / steps)
            if not shape.contains(point):
                continue
            xy = frame(point)
            distance = min(math.dist(xy, q) for q in outline + dots)
            if distance > best_distance:
                best, best_distance = xy, distance
    assert best is not None and best_distance > 8
    return round(best[0]), round(best[1])


@pytest.fixture(scope="module")
def picture(knowledge: KnowledgeBase) -> Image.Image:
    return Image.open(io.BytesIO(MapCache().get(knowledge, None, "en"))).convert("RGB")


def dominant_colour(image: Image.Image, xy: tuple[int, int], half: int = 6) -> str:
    x, y = xy
    pixels = Counter(
        image.getpixel((i, j))
        for i in range(x - half, x + half + 1)
        for j in range(y - half, y + half + 1)
    )
    r, g, b = pixels.most_common(1)[0][0]
    return f"#{r:02X}{g:02X}{b:02X}"


def test_the_picture_is_phone_sized_and_small(knowledge: KnowledgeBase) -> None:
    png = MapCache().get(knowledge, None, "en")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width == 1280 and 700 < image.height < 1300
    assert len(png) < 300_000


@pytest.mark.parametrize("code", ["TX", "CA", "no data"])
def test_states_carry_the_colour_of_their_stance(
    knowledge: KnowledgeBase, picture: Image.Image, code: str
) -> None:
    if code == "no data":
        code = no_data_state(knowledge)
    colour = BY_STANCE[expected_stance(knowledge, code)].colour
    assert dominant_colour(picture, interior_point(knowledge, code)) == colour


def test_every_dot_is_drawn_in_its_stance_colour(
    knowledge: KnowledgeBase, picture: Image.Image
) -> None:
    drawing = draw_map(knowledge)
    assert len(drawing.points) == len(map_points(knowledge))
    for point, (x, y) in zip(drawing.points, drawing.drawn_at, strict=True):
        colour = style_for(point.place.stance).colour
        near = {
            "#{:02X}{:02X}{:02X}".format(*picture.getpixel((round(x) + i, round(y) + j)))
            for i in range(-5, 6) for j in range(-5, 6)
        }  # fmt: skip
        assert colour in near, point.place.id


@pytest.mark.parametrize("radius", [7.0, 9.0])
def test_spread_parts_crowded_dots(radius: float) -> None:
    crowd = [(100.0, 100.0)] * 6 + [(103.0, 101.0), (300.0, 300.0)]
    placed = spread(crowd, radius)
    assert placed == spread(crowd, radius)  # deterministic
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            assert math.dist(a, b) >= 2 * radius
    assert placed[-1] == (300.0, 300.0)  # a dot with room stays where it is


@pytest.mark.parametrize("state", [None, "NJ", "CA", "NY"])
def test_no_dot_hides_another_on_the_map(knowledge: KnowledgeBase, state: str | None) -> None:
    drawn = draw_map(knowledge, state=state).drawn_at
    radius = 7.0 if state is None else 9.0
    for i, a in enumerate(drawn):
        assert all(math.dist(a, b) >= 2 * radius for b in drawn[i + 1 :])


def _legend(svg: str) -> dict[str, str]:
    root = ET.fromstring(svg)  # noqa: S314 - the map's own SVG
    return {
        g.get("data-stance", ""): "".join(g.itertext())
        for g in root.iter(f"{SVG}g") if g.get("class") == "legend-item"
    }  # fmt: skip


@pytest.mark.parametrize("state", [None, "CA", "NY", "TX"])
def test_the_legend_lists_every_stance_shown(knowledge: KnowledgeBase, state: str | None) -> None:
    drawing = draw_map(knowledge, state=state, language="es")
    root = ET.fromstring(drawing.svg)  # noqa: S314 - the map's own SVG
    fills = {p.get("fill") for p in root.iter(f"{SVG}path") if p.get("data-state")}
    shown = {f.removeprefix("url(#p-").removesuffix(")") for f in fills if f}
    shown |= {style_for(p.place.stance).stance for p in drawing.points}
    legend = _legend(drawing.svg)
    assert set(legend) == shown
    for stance, label in legend.items():
        assert label == BY_STANCE[stance].label("es")


def test_the_whole_map_shows_every_covered_place_and_the_date(knowledge: KnowledgeBase) -> None:
    drawing = draw_map(knowledge, language="es")
    root = ET.fromstring(drawing.svg)  # noqa: S314 - the map's own SVG
    places = {g.get("data-place") for g in root.iter(f"{SVG}g") if g.get("data-place")}
    assert places == {p.place.id for p in map_points(knowledge)}
    newest = max(source.date for source in knowledge.sources.values())
    assert newest.human("es") in drawing.svg
    assert "Estados Unidos" in drawing.svg


def test_a_state_map_labels_its_places(knowledge: KnowledgeBase) -> None:
    drawing = draw_map(knowledge, state="CA")
    root = ET.fromstring(drawing.svg)  # noqa: S314 - the map's own SVG
    labels = {t.text for t in root.iter(f"{SVG}text")}
    in_state = [p.place.name for p in map_points(knowledge) if p.place.state == "CA"]
    assert in_state and set(in_state) <= labels
    assert "Sanctuary policies in California" in labels


def test_the_cache_draws_once_per_knowledge_base(
    knowledge: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    import bot.map.cache as cache_module

    drawn: list[str | None] = []
    real = cache_module.draw_map

    def counting(kb: KnowledgeBase, **options: object) -> object:
        drawn.append(options.get("state"))  # type: ignore[arg-type]
        return real(kb, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_module, "draw_map", counting)
    maps = MapCache()
    first = maps.get(knowledge, "CA", "en", "svg")
    assert maps.get(knowledge, "CA", "en", "svg") is first
    assert len(drawn) == 1
    reloaded = dataclasses.replace(knowledge)  # what a hot reload installs: a new object
    assert maps.get(reloaded, "CA", "en", "svg") == first
    assert len(drawn) == 2
    assert MAPS is not maps
