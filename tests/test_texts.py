"""Every table of the bot's own wording outside the answers (key -> Localized) says each thing
in both languages, with the same placeholders, so that `lookup` fills either one alike.

The answers' phrase tables (bot/answer/phrases.py) are not here: their Spanish deliberately
uses other date placeholders ({when}, {When}, {between}) than their English.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

import pytest

from bot import stats
from bot.answer.phrases import KIND_NAMES
from bot.knowledge.model import Localized
from bot.map import caption, render
from bot.site import texts as site_texts
from bot.telegram import texts as telegram_texts

TABLES: dict[str, Mapping[str, Localized]] = {
    "telegram.TEXTS": telegram_texts.TEXTS,
    "telegram.COMMANDS": telegram_texts.COMMANDS,
    "stats": stats._TEXT,
    "answer.KIND_NAMES": KIND_NAMES,
    "map.caption": caption.PHRASES,
    "map.render": render.TEXT,
    "site": site_texts.TEXTS,
}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("name", TABLES)
def test_each_wording_is_in_both_languages_with_the_same_placeholders(name: str) -> None:
    for key, wording in TABLES[name].items():
        assert isinstance(wording, Localized), (name, key)
        assert wording.en.strip() and wording.es.strip(), (name, key)
        assert fields(wording.en) == fields(wording.es), (name, key)
