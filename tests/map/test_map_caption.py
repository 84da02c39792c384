"""The caption under the photo: title, date, what it shows, sources; always under 1024."""

from __future__ import annotations

import dataclasses

import pytest

from bot.knowledge.model import KnowledgeBase, Source
from bot.map.caption import CAPTION_LIMIT, button_label, map_caption, visible_length


@pytest.mark.parametrize("state", [None, "CA", "NY", "TX", "WY"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_caption_has_the_date_and_fits(
    knowledge: KnowledgeBase, state: str | None, language: str
) -> None:
    caption = map_caption(knowledge, state, language)
    assert visible_length(caption) <= CAPTION_LIMIT
    newest = max(source.date for source in knowledge.sources.values())
    assert newest.human(language) in caption
    cited = [p for p in knowledge.jurisdictions.values() if state in (None, p.state)]
    assert ("Sources:" in caption or "Fuentes:" in caption) == bool(cited)
    assert button_label(knowledge, state, language)


def test_many_sources_are_cut_to_fit(knowledge: KnowledgeBase) -> None:
    """With hundreds of outlets the caption names what fits and counts the rest."""
    place = next(iter(knowledge.jurisdictions.values()))
    base = knowledge.sources[place.source_ids[0]]
    many = {f"s{i}": dataclasses.replace(base, id=f"s{i}", outlet=f"Outlet number {i}")
            for i in range(300)}  # fmt: skip
    facts = (
        tuple(dataclasses.replace(place.facts[0], source=i) for i in many) if place.facts else ()
    )
    quotes = tuple(dataclasses.replace(q, source=i) for q in place.quotes for i in list(many)[:300])
    grown = dataclasses.replace(place, facts=facts, quotes=quotes)
    kb = dataclasses.replace(
        knowledge,
        sources={**knowledge.sources, **many},
        jurisdictions={**knowledge.jurisdictions, place.id: grown},
    )
    caption = map_caption(kb, None, "en")
    assert visible_length(caption) <= CAPTION_LIMIT
    assert " more. /sources lists them all." in caption
    assert isinstance(base, Source)


def test_spanish_titles_read_naturally(knowledge: KnowledgeBase) -> None:
    state = next(p for p in knowledge.jurisdictions.values() if p.type == "state")
    named = dataclasses.replace(state, name_es="Estado de Prueba")
    kb = dataclasses.replace(knowledge, jurisdictions={**knowledge.jurisdictions, state.id: named})
    caption = map_caption(kb, state.state, "es")
    assert caption.startswith("<b>Políticas santuario en el estado de Prueba</b>")
    assert "Estado de Prueba" in button_label(kb, state.state, "es")
    assert map_caption(kb, None, "es").startswith("<b>Políticas santuario en Estados Unidos</b>")
