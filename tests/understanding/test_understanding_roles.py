"""One role vocabulary: the question words, the quote titles and the city offices agree."""

from __future__ import annotations

from bot.understanding.roles import CITY_ROLES, QUESTION_WORDS, TITLE_WORDS, Role


def test_every_role_has_question_words_and_title_words() -> None:
    assert set(QUESTION_WORDS) == set(Role) == set(TITLE_WORDS)


def test_a_title_word_is_also_a_question_word() -> None:
    for role in Role:
        assert set(TITLE_WORDS[role]) <= set(QUESTION_WORDS[role]), role


def test_the_governor_and_the_attorney_general_are_not_city_offices() -> None:
    assert Role.GOVERNOR not in CITY_ROLES
    assert Role.ATTORNEY_GENERAL not in CITY_ROLES
    assert Role.MAYOR in CITY_ROLES
