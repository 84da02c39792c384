"""The translated text: every vocabulary member has English and Spanish, keys are whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.answer.model import Kind
from bot.answer.phrases import (
    ASPECT_MISSING,
    ASPECT_NAMES,
    KIND_NAMES,
    PHRASES,
    PLACE_TYPES,
    ROLE_NAMES,
    STANCE_ANSWERS,
    STANCE_GROUPS,
    STANCE_LINES,
    STANCE_SHORT,
    dated,
    join_names,
    lookup,
    say,
    when,
)
from bot.knowledge.model import Aspect, Localized, PartialDate, PlaceType, Stance
from bot.understanding.roles import Role

BOT = Path(__file__).resolve().parents[2] / "bot"
VOCABULARY_TABLES = [
    (Stance, STANCE_ANSWERS),
    (Stance, STANCE_LINES),
    (Stance, STANCE_SHORT),
    (Stance, STANCE_GROUPS),
    (Role, ROLE_NAMES),
    (PlaceType, PLACE_TYPES),
    (Kind, KIND_NAMES),
    (Aspect, ASPECT_NAMES),
    (Aspect, ASPECT_MISSING),
]


@pytest.mark.parametrize(("vocabulary", "table"), VOCABULARY_TABLES)
def test_every_member_of_each_vocabulary_has_english_and_spanish(vocabulary, table) -> None:
    for member in vocabulary:
        assert member in table, f"{vocabulary.__name__}.{member.name} has no text"
        assert table[member].en.strip() and table[member].es.strip()


def test_every_phrase_has_both_languages() -> None:
    for key, text in PHRASES.items():
        assert text.en.strip() and text.es.strip(), key


def test_a_phrase_has_the_same_fields_in_both_languages_except_spanish_dates() -> None:
    # Spanish dates read "en abril de 2017" ({when}) where English says "April 2017" ({date}).
    date_fields = {"date", "when", "When", "span", "between", "article"}
    for key, text in PHRASES.items():
        english = set(re.findall(r"{(\w+)}", text.en)) - date_fields
        spanish = set(re.findall(r"{(\w+)}", text.es)) - date_fields
        assert english == spanish, key


def test_every_phrase_key_is_used_in_the_code_as_written() -> None:
    phrases = BOT / "answer" / "phrases.py"
    code = "\n".join(p.read_text(encoding="utf-8") for p in BOT.rglob("*.py") if p != phrases)
    code += phrases.read_text(encoding="utf-8").partition("\n}\n")[2]  # all but PHRASES
    unused = [key for key in PHRASES if f'"{key}"' not in code and f"'{key}'" not in code]
    assert unused == []


def test_say_fills_fields_and_reads_english_unless_spanish() -> None:
    assert say("en", "related", related="Denver") == "I do have Denver."
    assert say("es", "related", related="Denver") == "Sí tengo información sobre Denver."
    assert say("fr", "thanks") == say("en", "thanks")


def test_lookup_reads_any_table_of_the_one_shape() -> None:
    table = {"hello": Localized("Hello {name}", "Hola {name}")}
    assert lookup(table, "hello", "es", name="Ana") == "Hola Ana"
    assert lookup(PLACE_TYPES, PlaceType.COUNTY, "es") == "condado"


def test_dates_read_as_time_phrases_in_spanish() -> None:
    assert when(PartialDate(2017, 4, 24), "es") == "el 24 de abril de 2017"
    assert when(PartialDate(2017, 4), "es") == "en abril de 2017"
    assert dated(PartialDate(2017, 4), "es")["When"] == "En abril de 2017"
    assert when(PartialDate(2017, 4), "en") == "April 2017"


def test_names_are_joined_with_the_language_s_and() -> None:
    assert join_names(["A"], "en") == "A"
    assert join_names(["A", "B", "C"], "en") == "A, B and C"
    assert join_names(["A", "B"], "es") == "A y B"
