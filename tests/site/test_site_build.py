"""The static site as files: complete, deterministic, escaped, every link landing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from site_pages import read_page, resolve

from bot.knowledge.model import KnowledgeBase, Localized
from bot.site.build import build_site, place_path, topic_path


def all_pages(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def test_the_same_knowledge_gives_the_same_bytes(
    knowledge: KnowledgeBase, site_dir: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    build_site(knowledge, again)
    files = sorted(p.relative_to(site_dir) for p in site_dir.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for name in files:
        assert (site_dir / name).read_bytes() == (again / name).read_bytes(), name


def test_every_place_and_topic_has_a_page_in_both_languages(
    knowledge: KnowledgeBase, site_dir: Path
) -> None:
    for language in ("en", "es"):
        for place_id in knowledge.jurisdictions:
            assert (site_dir / place_path(language, place_id)).is_file()
        for topic_id in knowledge.topics:
            assert (site_dir / topic_path(language, topic_id)).is_file()
        assert (site_dir / language / "sources.html").is_file()


def test_every_page_sets_its_language_and_links_its_twin(site_dir: Path) -> None:
    for page in all_pages(site_dir):
        info = read_page(site_dir / page)
        if page == "index.html":
            assert info.lang == "en"
            continue
        language = page.split("/")[0]
        assert info.lang == language, page
        twins = [href for href, attrs in info.links if "lang-switch" in (attrs.get("class") or "")]
        assert len(twins) == 1, page
        target = resolve(page, twins[0])
        other = "es" if language == "en" else "en"
        assert target == (other + page.removeprefix(language), ""), page


def test_every_internal_link_resolves(site_dir: Path) -> None:
    pages = {page: read_page(site_dir / page) for page in all_pages(site_dir)}
    for page, info in pages.items():
        for href, _ in info.links:
            target = resolve(page, href)
            if target is None:
                continue
            path, fragment = target
            assert (site_dir / path).is_file(), (page, href)
            if fragment:
                assert fragment in pages[path].ids, (page, href)
        for asset in info.scripts:
            if not asset.startswith("data:"):
                assert (site_dir / resolve(page, asset)[0]).is_file(), (page, asset)  # type: ignore[index]


def test_knowledge_text_is_escaped(knowledge: KnowledgeBase, tmp_path: Path) -> None:
    place = next(iter(knowledge.jurisdictions.values()))
    hostile = '<script>alert("x")</script> & <b>bold</b>'
    changed = dataclasses.replace(place, summary=Localized(hostile, hostile), name="A <i>name")
    kb = dataclasses.replace(
        knowledge, jurisdictions={**knowledge.jurisdictions, place.id: changed}
    )
    build_site(kb, tmp_path)
    for language in ("en", "es"):
        html = (tmp_path / place_path(language, place.id)).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<b>bold" not in html and "<i>name" not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold" in html
        index = (tmp_path / language / "index.html").read_text(encoding="utf-8")
        assert "<i>name" not in index and "A &lt;i&gt;name" in index
