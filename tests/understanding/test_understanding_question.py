"""The reader: cues first, then the first intent rule that fits."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.understanding.question import DEFINITION_TOPIC, Intent, Question
from bot.understanding.roles import Role


def read(engine: Engine, text: str, language: str | None = None) -> Question:
    return engine.reader.read(text, language)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("", Intent.EMPTY),
        ("Sanctuary cities in California", Intent.LIST),
        ("Is Denver a sanctuary city?", Intent.PLACES),
        ("How old is this information?", Intent.ABOUT),
        ("What is a sanctuary city?", Intent.TOPIC),
        ("hello", Intent.GREETING),
        ("asdf qwerty", Intent.UNKNOWN),
    ],
)
def test_each_intent_rule(engine: Engine, text: str, intent: Intent) -> None:
    assert read(engine, text).intent == intent


def test_a_list_in_one_state_carries_its_code(engine: Engine) -> None:
    question = read(engine, "Sanctuary cities in California")
    assert question.list_state == "CA"


def test_a_list_of_states_only(engine: Engine) -> None:
    assert read(engine, "Which states are sanctuary states?").list_states_only


def test_a_named_city_is_not_a_list(engine: Engine) -> None:
    assert read(engine, "which sanctuary cities are near Denver").intent == Intent.PLACES


def test_a_place_question_keeps_its_topic(engine: Engine) -> None:
    question = read(engine, "Did Chicago lose federal funding?")
    assert question.intent == Intent.PLACES and question.topic is not None


def test_quoted_words_name_the_speaker(engine: Engine) -> None:
    j = next(j for j in engine.knowledge.jurisdictions.values() if j.quotes)
    words = " ".join(j.quotes[0].text.split()[:8])
    question = read(engine, f'Who said "{words}"?')
    assert question.intent == Intent.PLACES
    assert [p.jurisdiction for p in question.people] == [j.id]


def test_a_general_sanctuary_question_gets_the_definition(engine: Engine) -> None:
    question = read(engine, "tell me about sanctuary cities")
    assert question.topic_guessed
    assert question.topic is not None


def test_an_unknown_name_is_not_guessed_as_the_definition(engine: Engine) -> None:
    question = read(engine, "Is Zorbleton a sanctuary city?")
    assert question.topic != DEFINITION_TOPIC or question.intent != Intent.TOPIC


def test_the_cues_travel_with_the_question(engine: Engine) -> None:
    question = read(engine, "what did the mayor say?")
    assert question.cues.role == Role.MAYOR and question.cues.refers_back


def test_the_caller_s_language_wins(engine: Engine) -> None:
    assert read(engine, "Is Denver a sanctuary city?", "es").language == "es"


def test_a_law_called_a_law_is_its_place_and_asks_about_laws(engine: Engine) -> None:
    q = read(engine, "que es la ley SB 54")
    assert q.intent == Intent.PLACES and q.places[0].jurisdictions == ("california",)
    assert q.aspect is not None and q.aspect.aspect.value == "laws"


def test_a_bare_law_name_that_is_a_topic_keyword_is_the_topic(engine: Engine) -> None:
    assert read(engine, "what is SB 54").intent == Intent.TOPIC
    assert read(engine, "who signed SB 54").intent == Intent.PLACES
