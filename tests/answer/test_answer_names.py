"""How places are named in answers."""

from __future__ import annotations

from bot.engine import Engine
from bot.knowledge.model import PlaceType
from bot.understanding.gazetteer import Place


def test_a_name_two_covered_places_share_says_city_or_state(engine: Engine) -> None:
    names = engine.composer
    assert names.display_name(engine.knowledge.jurisdictions["new-york-city"]) == "New York City"
    assert names.display_name(engine.knowledge.jurisdictions["new-york-state"]) == "New York State"


def test_the_district_is_written_with_dc(engine: Engine) -> None:
    district = next(
        j for j in engine.knowledge.jurisdictions.values() if j.type == PlaceType.DISTRICT
    )
    assert engine.composer.display_name(district).endswith("D.C.")


def test_a_covered_namesake_carries_its_state_in_parentheses(engine: Engine) -> None:
    portland = next(j for j in engine.knowledge.jurisdictions.values() if j.name == "Portland")
    assert engine.composer.display_name(portland) == "Portland (Oregon)"
    assert engine.composer.display_name(portland, with_state=True) == "Portland, Oregon"


def test_spanish_names_are_used_in_spanish(engine: Engine) -> None:
    j = next(j for j in engine.knowledge.jurisdictions.values() if j.name_es)
    assert engine.composer.display_name(j, language="es") == j.name_es


def test_uncovered_places_are_named_with_their_state(engine: Engine) -> None:
    houston = Place("Houston", PlaceType.CITY, "TX")
    assert engine.composer.place_name(houston) == "Houston, Texas"
    carolina = Place("North Carolina", PlaceType.STATE, "NC")
    assert engine.composer.place_name(carolina, "es") == "Carolina del Norte"
    assert (
        engine.composer.place_name(carolina, "es", as_state=True) == "estado de Carolina del Norte"
    )


def test_references_carry_plain_strings(engine: Engine) -> None:
    ref = engine.composer.uncovered_ref(Place("Houston", PlaceType.CITY, "TX"))
    assert (ref.id, ref.type, ref.state, ref.stance) == (None, "city", "TX", None)
    assert type(ref.type) is str
    covered = engine.composer.place_ref(engine.knowledge.jurisdictions["denver"])
    assert (covered.id, covered.type) == ("denver", "city")


def test_sources_are_newest_first_and_unique(engine: Engine) -> None:
    ids = list(engine.knowledge.sources)
    refs = engine.composer.source_refs([*ids, *ids])
    assert len(refs) == len(ids)
    assert [r.date for r in refs] == sorted((r.date for r in refs), reverse=True)


def test_an_inferred_quote_date_says_so(engine: Engine) -> None:
    quote = next(
        q
        for j in engine.knowledge.jurisdictions.values()
        for q in j.quotes
        if q.date_inferred and not q.reported and not q.date_from_notes
    )
    assert engine.composer.quote_view(quote, "en").date.endswith(", date inferred")
    assert engine.composer.quote_view(quote, "es").date.endswith(", fecha inferida")
