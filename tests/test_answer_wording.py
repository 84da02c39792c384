"""What a user reads: the bottom line, caveats and names, in the situations that matter."""

from __future__ import annotations

import re

from bot.answer.phrases import say
from bot.answer.render import render_text
from bot.conversation import follow_up_context
from bot.engine import Engine


def test_a_yes_only_answers_a_question_about_sanctuary_status(engine: Engine) -> None:
    assert engine.answer("Is Denver a sanctuary city?").bottom_line.startswith("Partly — as of")
    for question in ("Can I get deported in Denver?", "denver"):
        assert engine.answer(question).bottom_line.startswith("As of May 2, 2025, Denver had")
    # What the mayor said leads (issue 10); the place's standing follows, without a "Yes".
    said = engine.answer("What did the mayor of Denver say?")
    assert said.bottom_line.endswith("Michael Hancock (Mayor of Denver) said:")
    assert said.details[1].startswith("As of May 2, 2025, Denver had")


def test_safety_and_deportation_questions_say_not_legal_advice(engine: Engine) -> None:
    for question in ("Can I get deported in Denver?", "Is it safe for me in Chicago?",
                     "¿Me pueden deportar en Chicago?"):  # fmt: skip
        answer = engine.answer(question)
        assert say(answer.language, "legal") in answer.caveats, question


def test_every_answer_says_how_old_its_information_is(engine: Engine) -> None:
    for question in ("Is Denver a sanctuary city?", "What is ICE?",
                     "Which cities are sanctuary cities?", "Is Houston a sanctuary city?",
                     "Is Washington State a sanctuary state?",
                     "¿Es Denver una ciudad santuario?", "Denver vs Boulder"):  # fmt: skip
        answer = engine.answer(question)
        (age,) = [c for c in answer.caveats if c.startswith(("This information", "Fecha de"))]
        assert re.search(r"\b20[12]\d\b", age), question


def test_the_age_line_gives_the_newest_date_the_answer_shows(engine: Engine) -> None:
    denver = engine.knowledge.jurisdictions["denver"]
    answer = engine.answer("Is Denver a sanctuary city?")
    newest = max([denver.as_of, *(e.date for e in denver.timeline[:3])])
    assert newest.human("en") in answer.caveats[0]
    assert denver.as_of < newest  # an event newer than the stance's date is what dates it


def test_help_describes_both_kinds_of_sources_with_their_dates(engine: Engine) -> None:
    text = render_text(engine.answer("hi"))
    assert "five news articles (November 2016 – June 2017)" in text
    assert "June 2026" in text


def test_no_age_line_where_no_place_data_is_shown(engine: Engine) -> None:
    for question in ("Is Boise a sanctuary city?", "Is Zorbleton a sanctuary city?", "hi",
                     "Is Washington a sanctuary city?"):  # fmt: skip
        answer = engine.answer(question)
        assert not any(c.startswith("This information") for c in answer.caveats), question


def test_a_place_others_share_is_named_with_its_state(engine: Engine) -> None:
    listing = render_text(engine.answer("Which cities are sanctuary cities?"))
    assert "Portland, Oregon (" in listing
    assert "I took “Portland” to mean Portland, Oregon." in render_text(engine.answer("Portland"))


def test_not_covered_names_the_place_and_offers_what_is_covered(engine: Engine) -> None:
    answer = engine.answer("Is Boise a sanctuary city?")
    assert answer.bottom_line.startswith("I don't have information about Boise, Idaho")
    assert "doesn't mean it has no policy" in answer.bottom_line
    assert [c.label for c in answer.choices] == ["All places I cover"]
    idaho = engine.answer("Is Idaho a sanctuary state?")
    assert idaho.bottom_line.startswith("I don't have information about Idaho")


def test_thanks_gets_a_short_reply(engine: Engine) -> None:
    assert engine.answer("thanks!").bottom_line == "You're welcome!"
    assert engine.answer("muchas gracias").bottom_line == "¡De nada!"


def test_an_unknown_state_in_list_is_said_plainly(engine: Engine) -> None:
    answer = engine.list_places("ZZ", "en")
    assert answer.bottom_line == say("en", "unknown_state")


def test_places_abroad_end_the_follow_up_context(engine: Engine) -> None:
    previous = follow_up_context(engine.answer("Is Chicago a sanctuary city?"), None)
    abroad = engine.answer("Is Toronto a sanctuary city?", previous=previous)
    assert abroad.bottom_line.startswith("I only have information about places in the United")
    assert follow_up_context(abroad, previous) is None


def test_inline_suggestions_do_not_count_as_asked(knowledge) -> None:
    fresh = Engine(knowledge)
    fresh.suggest("denver")
    fresh.suggest("Denver vs Boulder")
    assert not fresh.asked
    fresh.answer("Is Denver a sanctuary city?")
    assert fresh.asked == {"denver": 1}
    assert fresh.suggest("")[0].places[0].id == "denver"  # the most asked comes first


def test_a_name_many_places_share_says_which_one_was_taken(engine: Engine) -> None:
    answer = engine.answer("Is Springfield a sanctuary city?")
    assert answer.details[0].startswith("Several places are called Springfield; I took the")
    qualified = engine.answer("Is Springfield, Illinois a sanctuary city?")
    assert not qualified.details[0].startswith("Several places")


def test_questions_about_rights_at_the_door_say_not_legal_advice(engine: Engine) -> None:
    for question in ("Do I have to open the door to ICE?", "¿Tengo que abrirle la puerta a ICE?",
                     "What are my rights if ICE stops me?"):  # fmt: skip
        answer = engine.answer(question)
        assert say(answer.language, "legal") in answer.caveats, question


def test_a_relative_named_like_a_place_is_a_person(engine: Engine) -> None:
    answer = engine.answer("Mi tía Florinda pregunta si Boston es santuario")
    assert [p.id for p in answer.places] == ["boston"]


def test_spanish_son_is_a_verb_not_a_relative(engine: Engine) -> None:
    answer = engine.answer("¿Son Houston y Dallas ciudades santuario?")
    assert [p.name for p in answer.places] == ["Houston", "Dallas"]
