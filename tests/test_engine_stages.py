"""The named stages of Engine._places and the follow-up rule, one test each."""

from __future__ import annotations

import dataclasses

import pytest

from bot.answer.model import Kind
from bot.engine import Engine, _drop_abroad, normalize_language
from bot.knowledge.model import KnowledgeBase
from bot.understanding.question import Question


def read(engine: Engine, text: str) -> Question:
    return engine.reader.read(text)


def test_places_abroad_are_dropped_and_returned(engine: Engine) -> None:
    question, abroad = _drop_abroad(read(engine, "Toronto and Denver"))
    assert [p.name for p in abroad] == ["Toronto"]
    assert [m.jurisdictions for m in question.places] == [("denver",)]
    assert _drop_abroad(read(engine, "Denver")) == (read(engine, "Denver"), [])


def test_only_places_abroad_is_said_plainly(engine: Engine) -> None:
    assert engine.answer("Is Toronto a sanctuary city?").kind == Kind.NOT_UNDERSTOOD


def test_mentions_are_collected_once_each_in_question_order(engine: Engine) -> None:
    named = engine._collect_mentions(read(engine, "Houston, Denver and Denver again"))
    assert list(named.covered) == ["denver"]
    assert [p.name for p in named.uncovered] == ["Houston"]
    assert sorted(named.order, key=named.order.__getitem__)[0].name == "Houston"


def test_a_named_official_is_a_speaker(engine: Engine) -> None:
    j = next(j for j in engine.knowledge.jurisdictions.values() if j.officials)
    named = engine._collect_mentions(read(engine, f"what did {j.officials[0].name} say"))
    assert named.covered == {j.id: None}
    assert named.speakers == {j.id: j.officials[0].name}


@pytest.fixture(scope="module")
def without_washington_state(knowledge: KnowledgeBase) -> Engine:
    """The bundled data without Washington State: a covered city named like a state the data
    lacks (as Washington, D.C. was before the 2026 data covered the state)."""
    places = {i: j for i, j in knowledge.jurisdictions.items() if i != "washington-state"}
    return Engine(dataclasses.replace(knowledge, jurisdictions=places))


def test_two_covered_places_of_one_name_in_different_states_ask_which(engine: Engine) -> None:
    answer = engine.answer("Is Washington a sanctuary city?")
    assert answer.kind == Kind.CLARIFY
    assert [p.id for p in answer.places] == ["washington-dc", "washington-state"]
    assert [p.id for p in engine.answer("Is Washington a sanctuary state?").places] == [
        "washington-state"
    ]
    assert [p.id for p in engine.answer("what did the mayor of washington say").places] == [
        "washington-dc"
    ]


def test_a_city_inside_the_state_of_its_name_is_the_default(engine: Engine) -> None:
    assert [p.id for p in engine.answer("Is New York a sanctuary city?").places] == [
        "new-york-city"
    ]


def test_a_city_that_is_also_a_state_asks_which(without_washington_state: Engine) -> None:
    engine = without_washington_state
    question = read(engine, "Washington")
    (mention,) = question.places
    clarified = engine._disambiguate(question, mention.jurisdictions[0], mention, None)
    assert clarified is not None and clarified.kind == Kind.CLARIFY


def test_a_state_word_or_a_city_office_settles_it(without_washington_state: Engine) -> None:
    engine = without_washington_state
    state = read(engine, "Is Washington a sanctuary state?")
    (mention,) = state.places
    answer = engine._disambiguate(state, mention.jurisdictions[0], mention, None)
    assert answer is not None and answer.kind == Kind.NOT_COVERED
    mayor = read(engine, "what did the mayor of Washington say")
    (mention,) = mayor.places
    assert engine._disambiguate(mayor, mention.jurisdictions[0], mention, None) is None


def test_a_governor_after_a_city_asks_about_its_state(engine: Engine) -> None:
    question = read(engine, "and the governor?")
    assert engine._follow_up_place("new-york-city", question) == "new-york-state"
    mayor = read(engine, "and the mayor?")
    assert engine._follow_up_place("new-york-state", mayor) == "new-york-city"


def test_telegram_language_codes_are_normalised() -> None:
    assert normalize_language("es-MX") == "es"
    assert normalize_language("EN") == "en"
    assert normalize_language("fr") is None
    assert normalize_language(None) is None
