"""The cues of a question's wording, read once into a typed value."""

from __future__ import annotations

import ast
from pathlib import Path

from bot.understanding import cues as cues_module
from bot.understanding.cues import (
    NO_CUES,
    Cues,
    asks_for_list,
    asks_for_states,
    role_in,
    starts_with_greeting,
    stems,
)
from bot.understanding.roles import Role
from bot.understanding.text import fold


def cues(text: str) -> Cues:
    return Cues.read(fold(text))


def test_an_empty_reading_has_no_cues() -> None:
    assert cues("") == NO_CUES


def test_a_role_is_a_follow_up_cue() -> None:
    read = cues("What did the mayor say?")
    assert read.role == Role.MAYOR
    assert read.refers_back


def test_the_governor_asks_about_the_state() -> None:
    assert cues("what did the governor say").wants_state
    assert cues("is New York a sanctuary state").wants_state
    assert not cues("is New York a sanctuary city").wants_state


def test_there_points_back_but_not_in_is_there() -> None:
    assert cues("is it safe there?").refers_back
    assert not cues("are there sanctuary cities in Texas").refers_back


def test_weak_back_references() -> None:
    assert cues("is it?").refers_back_weakly
    assert not cues("hello").refers_back_weakly


def test_advice_status_and_thanks() -> None:
    assert cues("¿Qué debo hacer?").wants_advice
    assert cues("is Denver a sanctuary city").asks_status
    assert cues("muchas gracias").thanks


def test_the_first_role_in_the_vocabulary_wins() -> None:
    assert role_in("the mayor and the police") == Role.MAYOR
    assert role_in("el fiscal general") == Role.ATTORNEY_GENERAL
    assert role_in("the weather") is None


def test_no_cue_list_repeats_a_phrase() -> None:
    tree = ast.parse(Path(cues_module.__file__).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            words = [c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant)]
            phrases = [w for w in words if isinstance(w, str)]
            repeated = {w for w in phrases if phrases.count(w) > 1}
            assert not repeated, (node.targets[0].id, repeated)


def test_stems_drop_plural_s_but_not_double_s() -> None:
    assert stems("cuts funds") == "cut fund"
    assert stems("congress") == "congress"


def test_asking_for_a_list() -> None:
    assert asks_for_list("list", False, False)
    assert asks_for_list("which cities are sanctuary cities", False, False)
    assert not asks_for_list("which cities got letters", False, False)
    assert not asks_for_list("why are there sanctuary cities", False, False)
    assert asks_for_list("are there any in colorado", True, True)


def test_asking_for_states_only() -> None:
    assert asks_for_states("which states are sanctuary states")
    assert not asks_for_states("which cities and states")


def test_a_short_message_that_opens_with_a_greeting() -> None:
    assert starts_with_greeting("thank you so much")
    assert not starts_with_greeting("hello " + "word " * 10)
