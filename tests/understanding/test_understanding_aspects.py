"""Reading what a question asks about (bot/understanding/aspects.py)."""

from __future__ import annotations

import pytest

from bot.knowledge.model import Aspect
from bot.understanding.aspects import AspectReading, content_aspect, read_aspect
from bot.understanding.text import fold


def read(question: str, *, names_person: bool = False) -> AspectReading | None:
    return read_aspect(fold(question), names_person=names_person)


@pytest.mark.parametrize(
    ("question", "aspect"),
    [
        ("how much money did chicago set aside", Aspect.MONEY),
        ("cuánto dinero apartó chicago", Aspect.MONEY),
        ("how many undocumented immigrants live in LA", Aspect.NUMBERS),
        ("does philly honor ice detainers", Aspect.JAILS),
        ("la cárcel retiene a la gente para ice", Aspect.JAILS),
        ("did the doj sue denver", Aspect.COURTS),
        ("demandaron a denver", Aspect.COURTS),
        ("can trump cut the federal funding of sf", Aspect.FEDERAL_FUNDING),
        ("what is california sb 54", Aspect.LAWS),
        ("can ice go into rikers", Aspect.ICE_ACCESS),
        ("do nashville cops ask about immigration status", Aspect.POLICE),
        ("what about nyc id cards", Aspect.SERVICES),
        ("is denver on the doj list", Aspect.FEDERAL_LIST),
        ("denver sanctuary cities list", Aspect.FEDERAL_LIST),
    ],
)
def test_content_cues_in_english_and_spanish(question: str, aspect: Aspect) -> None:
    assert read(question) == AspectReading(aspect)


def test_the_most_specific_content_wins() -> None:
    # "federal funding" is also "funding" money: the federal aspect is the more specific.
    assert content_aspect(fold("chicago federal funding money")) == Aspect.FEDERAL_FUNDING
    # A court case about a law is about the court.
    assert content_aspect(fold("the court ruling on the law")) == Aspect.COURTS


@pytest.mark.parametrize(
    ("question", "aspect"),
    [
        ("does philly honor ice detainrs", Aspect.JAILS),
        ("what happened to the lawsiut against chicago", Aspect.COURTS),
        ("does the polise ask about status", Aspect.POLICE),
    ],
)
def test_a_typo_of_a_cue_word_is_read_as_the_cue(question: str, aspect: Aspect) -> None:
    assert read(question) == AspectReading(aspect)


def test_a_common_word_is_never_taken_for_a_typo_of_a_cue() -> None:
    # "policy" is one letter from "police", "counts" from "courts": both are words.
    assert content_aspect(fold("what about the counts")) is None
    assert read("tell me about denver") is None


def test_question_forms_combine_with_the_content() -> None:
    assert read("when did kenney sign the executive order") == AspectReading(
        Aspect.WHEN, Aspect.LAWS
    )
    assert read("desde cuándo la policía no pregunta") == AspectReading(Aspect.WHEN, Aspect.POLICE)
    assert read("since when") == AspectReading(Aspect.WHEN)
    assert read("who was the lapd chief") == AspectReading(Aspect.WHO, Aspect.POLICE)
    assert read("what did the la police chief say") == AspectReading(Aspect.SAID, Aspect.POLICE)


def test_what_a_judge_said_is_about_the_court_but_a_named_person_is_quoted() -> None:
    assert read("what did the judge say about the LA lawsuit") == AspectReading(Aspect.COURTS)
    said = read("what did emanuel say about funding", names_person=True)
    assert said == AspectReading(Aspect.SAID, Aspect.FEDERAL_FUNDING)


def test_a_person_alone_asks_what_they_said_but_a_content_cue_leads() -> None:
    assert read("kenney", names_person=True) == AspectReading(Aspect.SAID)
    money = read("how much did rahm put aside", names_person=True)
    assert money == AspectReading(Aspect.MONEY)


def test_a_plain_status_question_has_no_aspect() -> None:
    assert read("is denver a sanctuary city") is None
    assert read("¿es chicago una ciudad santuario?") is None


def test_subject_is_the_content_of_a_question_form() -> None:
    assert AspectReading(Aspect.WHEN, Aspect.LAWS).subject == Aspect.LAWS
    assert AspectReading(Aspect.WHEN).subject == Aspect.WHEN
    assert AspectReading(Aspect.MONEY).subject == Aspect.MONEY


def test_phone_typed_question_forms() -> None:
    assert read("wen did denver pass its law") == AspectReading(Aspect.WHEN, Aspect.LAWS)
    assert read("whos the police chief in seattle") == AspectReading(Aspect.WHO, Aspect.POLICE)
    assert read("is NYC on trumps list") == AspectReading(Aspect.FEDERAL_LIST)


def test_a_named_law_asks_about_laws_unless_a_question_form_is_read() -> None:
    assert read_aspect(fold("tell me about the green light"), names_law=True) == AspectReading(
        Aspect.LAWS
    )
    who = read_aspect(fold("who signed the keep washington working act"), names_law=True)
    assert who is not None and who.subject == Aspect.LAWS
    when = read_aspect(fold("when did the green light start"), names_law=True)
    assert when == AspectReading(Aspect.WHEN, Aspect.LAWS)
