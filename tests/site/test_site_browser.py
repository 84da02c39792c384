"""The site in a real browser: headless Debian Chromium driven by Playwright.

Every page loads without console errors and every internal link lands; place pages show
their timeline and sources; the language switch keeps the place; the map's links lead to
the right pages; axe-core finds no serious or critical accessibility problem.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from site_pages import resolve

from bot.knowledge.model import KnowledgeBase
from bot.map.caption import cited_sources
from bot.map.render import place_name
from bot.site.build import index_path, place_path

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
DOCS = Path(__file__).resolve().parents[2] / "docs"
SAMPLE_PLACE = "denver"  # a place page for screenshots and axe; any covered place would do


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    tab = context.new_page()
    tab.errors = []  # console errors and uncaught exceptions, as (url, text)
    tab.on("console", lambda m: m.type == "error" and tab.errors.append((tab.url, m.text)))
    tab.on("pageerror", lambda e: tab.errors.append((tab.url, str(e))))
    yield tab
    context.close()


def sample_place(knowledge: KnowledgeBase) -> str:
    return (
        SAMPLE_PLACE
        if SAMPLE_PLACE in knowledge.jurisdictions
        else next(iter(knowledge.jurisdictions))
    )


# Everything the tests read from a page, in one round trip.
READ_PAGE = """() => ({
  lang: document.documentElement.lang,
  h1: (document.querySelector('h1') || {}).textContent || null,
  hrefs: Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href')),
  ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
  timeline: Array.from(document.querySelectorAll('.timeline li time'), t => t.dateTime),
  timelineShown: !!document.querySelector('.timeline, .timeline-empty') &&
    document.querySelector('.timeline, .timeline-empty').getClientRects().length > 0,
  sources: document.querySelectorAll('ul.sources li').length,
  sourcesShown: !!document.querySelector('ul.sources') &&
    document.querySelector('ul.sources').getClientRects().length > 0,
})"""


@pytest.fixture(scope="module")
def visited(page: Any, site_url: str, site_dir: Path) -> dict[str, dict[str, Any]]:
    """Every page of the site, loaded once in the browser: what it showed, what went wrong."""
    seen = {}
    for path in sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")):
        before = len(page.errors)
        response = page.goto(site_url + path, wait_until="load")
        seen[path] = page.evaluate(READ_PAGE) | {
            "status": response.status if response else None,
            "errors": page.errors[before:],
        }
    return seen


def test_every_page_loads_without_console_errors(visited: dict[str, dict[str, Any]]) -> None:
    assert len(visited) > 10
    for path, data in visited.items():
        assert data["status"] == 200, path
        assert data["errors"] == [], path
        assert data["lang"] in ("en", "es") and data["h1"], path


def test_every_internal_link_lands(visited: dict[str, dict[str, Any]], site_dir: Path) -> None:
    for path, data in visited.items():
        for href in data["hrefs"]:
            target = resolve(path, href)
            if target is None:
                continue
            assert target[0] in visited or (site_dir / target[0]).is_file(), (path, href)
            if target[1]:
                assert target[1] in visited[target[0]]["ids"], (path, href)


def test_place_pages_show_their_timeline_and_sources(
    visited: dict[str, dict[str, Any]], knowledge: KnowledgeBase
) -> None:
    for place in knowledge.jurisdictions.values():
        for language in ("en", "es"):
            data = visited[place_path(language, place.id)]
            assert data["h1"] == place_name(place, language)
            assert data["timelineShown"] and data["sourcesShown"]
            dated = len(place.facts) + len(place.events)
            assert len(data["timeline"]) == dated
            assert data["timeline"] == sorted(data["timeline"], reverse=True)  # newest first
            cited = {i for i in cited_sources(place) if i in knowledge.sources}
            assert data["sources"] == len(cited)


def test_the_language_switch_lands_on_the_same_place(
    page: Any, site_url: str, knowledge: KnowledgeBase
) -> None:
    place = knowledge.jurisdictions[sample_place(knowledge)]
    page.goto(site_url + place_path("en", place.id))
    page.click("a.lang-switch")
    page.wait_for_load_state()
    assert page.url == site_url + place_path("es", place.id)
    assert page.get_attribute("html", "lang") == "es"
    assert page.locator("h1").inner_text() == place_name(place, "es")
    page.click("a.lang-switch")
    page.wait_for_load_state()
    assert page.url == site_url + place_path("en", place.id)


def test_the_map_links_lead_to_the_right_pages(
    page: Any, site_url: str, knowledge: KnowledgeBase
) -> None:
    for language in ("en", "es"):
        page.goto(site_url + index_path(language))
        links = page.eval_on_selector_all(
            "svg a",
            "els => els.map(a => [a.getAttribute('href'), a.querySelector('title').textContent,"
            " (a.querySelector('[data-place]') || {dataset: {}}).dataset.place || null])",
        )
        dots = {place_id: href for href, _title, place_id in links if place_id}
        assert set(dots) == {p.id for p in knowledge.jurisdictions.values() if p.type != "state"}
        for place_id, href in dots.items():
            assert href == f"places/{place_id}.html"
        assert all(title for _href, title, _place in links)
        # Follow one state and one dot for real.
        for place in knowledge.jurisdictions.values():
            if place.type == "state":
                page.goto(site_url + index_path(language))
                page.click(f"svg a[href='places/{place.id}.html'] path[data-state]")
                page.wait_for_load_state()
                assert page.locator("h1").inner_text() == place_name(place, language)
                break
        place = knowledge.jurisdictions[sample_place(knowledge)]
        page.goto(site_url + index_path(language))
        page.click(f"svg [data-place='{place.id}']")
        page.wait_for_load_state()
        assert page.url == site_url + place_path(language, place.id)


def test_the_table_sorts_and_reads_without_script(
    page: Any, site_url: str, knowledge: KnowledgeBase
) -> None:
    page.goto(site_url + index_path("en"))
    rows = page.locator("#places tbody tr")
    assert rows.count() == len(knowledge.jurisdictions)
    page.click("#places thead th:nth-child(1) button")
    names = page.eval_on_selector_all("#places tbody th", "els => els.map(e => e.textContent)")
    assert names == sorted(names, key=str.lower) or names == sorted(names)


def _axe(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_no_serious_accessibility_problems(
    page: Any, site_url: str, knowledge: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory
) -> None:
    shots = tmp_path_factory.mktemp("screenshots")
    for name, path in [("site-index", index_path("en")),
                       ("site-place", place_path("en", sample_place(knowledge)))]:  # fmt: skip
        page.goto(site_url + path)
        problems = _axe(page)
        assert problems == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                                for v in problems]  # fmt: skip
        page.screenshot(path=str(shots / f"{name}.png"), full_page=name == "site-place")
    if os.environ.get("SANCTUARY_UPDATE_DOCS"):  # refresh the README/docs pictures on request
        for name in ("site-index", "site-place"):
            shutil.copyfile(shots / f"{name}.png", DOCS / f"{name}.png")
