"""The place index: one test per kind of hit, exact and misspelt."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.knowledge.model import PlaceType
from bot.understanding.gazetteer import FOREIGN
from bot.understanding.mentions import Matches, PersonMention, PlaceMention
from bot.understanding.places import MIN_FUZZY_LENGTH, fuzzy_cutoff
from bot.understanding.text import tokenize


def match(engine: Engine, text: str, *, spanish: bool = False) -> Matches:
    return engine.index.match(tokenize(text), spanish=spanish)


def only_place(engine: Engine, text: str) -> PlaceMention:
    matches = match(engine, text)
    assert len(matches.places) == 1, matches
    return matches.places[0]


def test_alias_hit_names_the_covered_place(engine: Engine) -> None:
    assert only_place(engine, "Is Denver a sanctuary city?").jurisdictions == ("denver",)


def test_alias_hit_lists_the_city_before_the_state(engine: Engine) -> None:
    ids = only_place(engine, "New York").jurisdictions
    assert ids[0] == "new-york-city" and "new-york-state" in ids


def test_alias_hit_keeps_real_namesakes_elsewhere(engine: Engine) -> None:
    portland = only_place(engine, "Portland")
    assert portland.covered
    assert any(p.state == "ME" for p in portland.others)


def test_a_short_alias_that_is_a_word_must_be_typed_in_capitals(engine: Engine) -> None:
    assert match(engine, "la ciudad").places == ()
    assert only_place(engine, "is LA safe").covered


def test_person_hit_names_an_official(engine: Engine) -> None:
    j = next(j for j in engine.knowledge.jurisdictions.values() if j.officials)
    people = match(engine, f"what did {j.officials[0].name} say").people
    assert [(p.jurisdiction, p.speaker) for p in people] == [(j.id, j.officials[0].name)]


def test_a_shared_surname_names_the_quoted_official_or_no_one(engine: Engine) -> None:
    """Two officials share a surname: the full name names each; the surname alone, the one
    the sources quote, else neither."""
    shared: dict[str, list[tuple[str, str, bool]]] = {}
    for j in engine.knowledge.jurisdictions.values():
        quoted = {q.speaker for q in j.quotes}
        for o in j.officials:
            shared.setdefault(o.name.split()[-1], []).append((j.id, o.name, o.name in quoted))
    pairs = {surname: people for surname, people in shared.items() if len(people) > 1}
    assert pairs, "the bundled data has officials who share a surname"
    for surname, people in pairs.items():
        for place, name, _ in people:
            found = match(engine, f"what did {name} say").people
            assert [(p.jurisdiction, p.speaker) for p in found] == [(place, name)]
        quoted = [(place, name) for place, name, said in people if said]
        found = match(engine, f"what did {surname.lower()} say").people
        expected = quoted if len(quoted) == 1 else []
        assert [(p.jurisdiction, p.speaker) for p in found] == expected, surname


def test_state_code_hit_after_a_comma(engine: Engine) -> None:
    place = only_place(engine, "Portland, ME")
    assert place.place is not None and place.place.state == "ME"
    assert match(engine, "a sanctuary city, or only a county?").places == ()  # "or": a word


def test_foreign_hit(engine: Engine) -> None:
    toronto = only_place(engine, "Is Toronto a sanctuary city?")
    assert toronto.place is not None and toronto.place.type == FOREIGN


def test_gazetteer_hit_for_an_uncovered_city(engine: Engine) -> None:
    houston = only_place(engine, "Is Houston a sanctuary city?")
    assert not houston.covered
    assert houston.place is not None and houston.place.type == PlaceType.CITY


def test_common_words_are_places_only_when_capitalised_in_a_sentence(engine: Engine) -> None:
    assert match(engine, "mobile phone").places == ()


def test_a_typo_of_a_covered_place(engine: Engine) -> None:
    chicago = only_place(engine, "Is Chicgo a sanctuary city?")
    assert chicago.jurisdictions == ("chicago",) and chicago.fuzzy


def test_a_word_is_never_a_typo(engine: Engine) -> None:
    assert match(engine, "start here").places == ()


def test_outlets_are_not_places(engine: Engine) -> None:
    assert match(engine, "what did the Marshall Project say").places == ()


def test_a_title_before_an_unknown_name_hides_it(engine: Engine) -> None:
    matches = match(engine, "What did Mayor Jordan Smithers say?")
    assert matches.places == () and matches.people == ()


def test_words_as_typed_are_kept(engine: Engine) -> None:
    assert only_place(engine, "Nueva York").words == "Nueva York"


def test_fuzzy_cutoff_rises_for_short_names() -> None:
    assert fuzzy_cutoff(MIN_FUZZY_LENGTH - 1) > 100
    assert fuzzy_cutoff(5) >= fuzzy_cutoff(6) >= fuzzy_cutoff(8)


@pytest.mark.parametrize("text", ["", "   ", "?!"])
def test_nothing_to_match(engine: Engine, text: str) -> None:
    assert match(engine, text) == Matches((), ())


def test_people_and_places_are_told_apart(engine: Engine) -> None:
    j = next(j for j in engine.knowledge.jurisdictions.values() if j.officials)
    matches = match(engine, f"{j.officials[0].name} and Houston")
    assert all(isinstance(p, PersonMention) for p in matches.people)
    assert [m.place.name for m in matches.places if m.place] == ["Houston"]


def test_a_law_named_alone_is_its_place(engine: Engine) -> None:
    law = only_place(engine, "what is the green light law")
    assert law.jurisdictions == ("new-york-state",) and law.law
    assert only_place(engine, "who signed the keep washington working act").jurisdictions == (
        "washington-state",
    )


def test_a_law_name_is_matched_exactly_never_as_a_typo(engine: Engine) -> None:
    assert not any(m.law for m in match(engine, "what is the grean lite law").places)


def test_a_place_named_beside_a_law_is_the_place_asked_about(engine: Engine) -> None:
    texas = only_place(engine, "does the green light law apply in texas")
    assert texas.jurisdictions == ("texas",) and not texas.law
