"""Phone typing seen in the aspect blind test (issue 10): each fix, and what it must not break."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.understanding.cues import asks_for_list
from bot.understanding.question import Question
from bot.understanding.text import fold


def read(engine: Engine, text: str) -> Question:
    return engine.reader.read(text)


def places(question: Question) -> list[str]:
    return [i for m in question.places for i in m.jurisdictions[:1]]


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("ppl w/o papers", "people without papers"),
        ("the govt w/ a warrant", "the government with a warrant"),
        ("what hed say", "what he say"),
        ("W/O ICE", "without ice"),
    ],
)
def test_texting_spellings_are_read_as_the_words(typed: str, folded: str) -> None:
    assert fold(typed) == folded


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("what did the la police chief say", "los-angeles"),
        ("la legal fund how much", "los-angeles"),
        ("is la a sanctuary city", "los-angeles"),
        ("what did the ny mayor say", "new-york-state"),  # the state's code: see the engine
    ],
)
def test_lowercase_la_and_ny_are_places_in_an_english_context(
    engine: Engine, question: str, place: str
) -> None:
    assert places(read(engine, question)) == [place]


def test_spanish_la_stays_an_article(engine: Engine) -> None:
    assert places(read(engine, "la policia de los angeles pregunta el estatus")) == ["los-angeles"]
    assert places(read(engine, "¿la ciudad de Denver es santuario?")) == ["denver"]
    assert places(read(engine, "what is la migra")) == []  # no place word next to it


def test_the_ny_mayor_is_the_city_s(engine: Engine) -> None:
    assert [p.id for p in engine.answer("what did the ny mayor say").places] == ["new-york-city"]


@pytest.mark.parametrize(
    ("question", "place"),
    [("how many immigrants live in los angles", "los-angeles"), ("san hose", "san-jose")],
)
def test_a_typo_that_is_a_word_after_a_name_particle(
    engine: Engine, question: str, place: str
) -> None:
    assert places(read(engine, question)) == [place]


def test_words_after_a_particle_never_become_an_uncovered_place(engine: Engine) -> None:
    # "santa ana california" is all words: Santa Ana stays Santa Ana, not San Francisco.
    question = read(engine, "es santa ana california santuario")
    assert [m.place.name for m in question.places if m.place] == ["Santa Ana"]
    assert places(question) == []


def test_an_official_by_surname_alone_when_asked_what_they_said(engine: Engine) -> None:
    said = read(engine, "what did racine say")
    assert [(p.jurisdiction, p.speaker) for p in said.people] == [("washington-dc", "Karl Racine")]
    assert read(engine, "who is murray").people[0].speaker == "Ed Murray"
    # Without a "said"/"who" word, Racine is the city in Wisconsin.
    city = read(engine, "Is Racine a sanctuary city?")
    assert not city.people and [m.place.name for m in city.places if m.place] == ["Racine"]


def test_the_bay_area_is_its_three_covered_places_stated_as_such(engine: Engine) -> None:
    assert places(read(engine, "is the bay area a sanctuary")) == [
        "san-francisco",
        "oakland",
        "san-jose",
    ]
    answer = engine.answer("is the bay area a sanctuary")
    assert answer.details[0] == (
        "I took “bay area” to mean San Francisco, Oakland and San Jose, the places of the "
        "region my sources cover."
    )


def test_rikers_is_new_york_city(engine: Engine) -> None:
    assert places(read(engine, "can ice go into rikers")) == ["new-york-city"]


@pytest.mark.parametrize(
    "question", ["california sanctuary cities list", "sanctuary city list colorado"]
)
def test_place_sanctuary_cities_list_asks_for_the_list(question: str) -> None:
    assert asks_for_list(fold(question), True, True)


def test_what_do_i_do_in_spanish_reaches_the_advice_topic(engine: Engine) -> None:
    for question in ("qué hago si la migra llega a mi casa", "que hago si la migra viene"):
        assert read(engine, question).topic == "what-to-do"
    # A question that names its own advice topic keeps it (a lawyer: legal defense funds).
    assert read(engine, "Where can I find a free lawyer?").topic != "what-to-do"
