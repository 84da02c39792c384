"""The transport's small parts on their own: splitting, callback data, flood guard, settings."""

from __future__ import annotations

import random
import re

import pytest
from html_check import html_problems, visible_text
from tg_harness import TOKEN

from bot.answer.action import Action, Verb
from bot.answer.model import Answer, Choice, Kind, PlaceRef
from bot.knowledge.model import PlaceType
from bot.settings import SETTINGS, FloodLimits, Settings, SettingsError
from bot.telegram.flood import FloodGuard, Verdict
from bot.telegram.keyboards import CallbackCodec, Pressed, build_keyboard, extra_choices
from bot.telegram.split import split_html, utf16_len
from bot.telegram.updates import sanitize_updates

# --- split_html ---------------------------------------------------------------------------


def words(html: str) -> list[str]:
    return visible_text(html).split()


def test_short_html_is_one_part() -> None:
    assert split_html("<b>Hi</b> &amp; bye") == ["<b>Hi</b> &amp; bye"]
    assert split_html("  \n") == []


def test_splits_on_paragraphs_first() -> None:
    paragraphs = [f"<b>Paragraph {n}</b>\n" + "word " * 150 for n in range(12)]
    html = "\n\n".join(p.strip() for p in paragraphs)
    parts = split_html(html, limit=1000)
    assert all(part.startswith("<b>Paragraph") for part in parts)
    assert words("\n\n".join(parts)) == words(html)


def test_a_long_tag_is_closed_and_reopened_with_its_attributes() -> None:
    html = '<blockquote><a href="https://x.org/?a=1&amp;b=2">' + "quoted &amp; text 🌎 " * 400
    html += "</a></blockquote>"
    parts = split_html(html, limit=500)
    assert len(parts) > 10
    for part in parts:
        assert utf16_len(part) <= 500
        assert html_problems(part) == []
        assert part.startswith('<blockquote><a href="https://x.org/?a=1&amp;b=2">')
        assert part.endswith("</a></blockquote>")
    assert words("\n".join(parts)) == words(html)


def test_a_word_longer_than_the_limit_is_cut_but_entities_are_not() -> None:
    html = "<code>" + "&amp;" * 3000 + "</code>"
    parts = split_html(html, limit=4096)
    assert len(parts) == 4  # the HTML source is measured: 15,000 characters of it
    assert all(utf16_len(part) <= 4096 for part in parts)
    assert all(html_problems(part) == [] for part in parts)
    assert "".join(visible_text(p) for p in parts) == "&" * 3000


def test_emoji_count_as_two_utf16_units() -> None:
    html = "🏳️‍🌈 " * 2000
    for part in split_html(html):
        assert utf16_len(part) <= 4096


@pytest.mark.parametrize("seed", range(25))
def test_random_markup_always_splits_into_valid_parts(seed: int) -> None:
    rng = random.Random(seed)
    tags = [
        "b",
        "i",
        "u",
        "s",
        "code",
        "blockquote",
        "tg-spoiler",
        'a href="https://e.org/?q=&lt;"',
    ]
    pieces: list[str] = []
    for _ in range(rng.randint(50, 400)):
        choice = rng.random()
        if choice < 0.2:
            tag = rng.choice(tags)
            inner = " ".join(rng.choice(["a", "&amp;", "🌎", "ñandú", "x" * 90]) for _ in range(30))
            pieces.append(f"<{tag}>{inner}</{tag.split()[0]}>")
        elif choice < 0.3:
            pieces.append("\n\n")
        elif choice < 0.4:
            pieces.append("\n")
        else:
            pieces.append(rng.choice(["word", "&lt;tag&gt;", "emoji 🙂", "long" * 40]) + " ")
    html = "".join(pieces)
    limit = rng.choice([200, 1000, 4096])
    parts = split_html(html, limit=limit)
    for part in parts:
        assert utf16_len(part) <= limit
        assert html_problems(part) == [], part
    assert re.sub(r"\s", "", "".join(visible_text(p) for p in parts)) == re.sub(
        r"\s", "", visible_text(html)
    )


# --- callback data ------------------------------------------------------------------------


def test_callback_data_round_trips_and_fits_64_bytes() -> None:
    codec = CallbackCodec()
    for text in ("place:denver", "topic:what-is-sanctuary-city", "list:CO", "list:ALL",
                 "quotes:new-york-city", "sources:x", "back:denver", "lang:es",
                 "ask:¿Es Denver una ciudad santuario?",
                 "ask:" + "¿Qué ciudades de Colorado se declaran santuario? " * 3,
                 "place:" + "a-very-long-jurisdiction-id" * 3):  # fmt: skip
        action = Action.parse(text)
        assert str(action) == text
        for language in ("en", "es"):
            data = codec.encode(action, language)
            assert len(data.encode()) <= 64
            assert codec.decode(data) == Pressed(action, language)


def test_unknown_or_malformed_callback_data_decodes_to_none() -> None:
    codec = CallbackCodec(capacity=2)
    long_ones = [codec.encode(Action(Verb.ASK, "x" * 80 + str(n)), "en") for n in range(3)]
    assert codec.decode(long_ones[0]) is None  # evicted
    assert codec.decode(long_ones[2]) is not None
    for data in (None, "", "p", "p:fr:denver", "z:en:denver", "h:en:nope", "p:en:",
                 "p:en:Denver", "p:en:../etc", "l:en:Colorado", "L:en:fr", "L:es:",
                 "t:en:what is", "a:en: ", "q:en:denver:x"):  # fmt: skip
        assert codec.decode(data) is None, data


def test_actions_are_checked_when_made() -> None:
    assert Action(Verb.LANGUAGE, "es").payload == "es"
    assert Action.parse("list:ALL") == Action(Verb.LIST, "ALL")
    for text in ("delete:everything", "lang:fr", "place:", "list:co", "ask:", "place"):
        with pytest.raises(ValueError):
            Action.parse(text)


def test_keyboard_skips_duplicate_actions() -> None:
    place_a = Action(Verb.PLACE, "a")
    choices = [Choice("A", place_a), Choice("A again", place_a)]
    markup = build_keyboard(choices, "en", CallbackCodec())
    assert markup is not None
    assert [[b.text for b in row] for row in markup.inline_keyboard] == [["A"]]
    assert build_keyboard([], "en", CallbackCodec()) is None


def test_extra_buttons_only_under_single_place_answers() -> None:
    place = PlaceRef("denver", "Denver", PlaceType.CITY, "CO", "sanctuary", "2017-05")
    one = Answer("q", Kind.ANSWER, "es", "x", places=(place,))
    two = Answer("q", Kind.ANSWER, "es", "x", places=(place, place))
    choices = extra_choices(one, more_quotes=True, other_places_in_state=True)
    assert [(c.label, c.action) for c in choices] == [
        ("Fuentes", Action(Verb.SOURCES, "denver")),
        ("Más citas", Action(Verb.QUOTES, "denver")),
        ("Otros lugares en CO", Action(Verb.LIST, "CO")),
    ]
    assert extra_choices(two, more_quotes=True, other_places_in_state=True) == []


# --- flood guard --------------------------------------------------------------------------


def test_flood_guard_warns_once_then_is_silent_until_the_cooldown_ends() -> None:
    now = [0.0]
    guard = FloodGuard(FloodLimits(messages=3, window=10, cooldown=30), clock=lambda: now[0])
    verdicts = [guard.check(1) for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN] + [Verdict.SILENT] * 2
    assert guard.check(2) is Verdict.ALLOW
    now[0] = 31
    assert guard.check(1) is Verdict.ALLOW
    now[0] = 100
    for _ in range(1024):
        guard.check(3)
    assert len(guard) <= 2  # idle users are forgotten


# --- settings -----------------------------------------------------------------------------


def test_settings_from_environment() -> None:
    settings = Settings.from_env({
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
        "SANCTUARY_ADMINS": "12, 34", "LOG_LEVEL": "debug", "WEBHOOK_PORT": "8443",
        "SANCTUARY_FLOOD_MESSAGES": "5",
    })  # fmt: skip
    assert settings.admins == frozenset({12, 34})
    assert settings.base_file_url == "http://127.0.0.1:8081/file/bot"
    assert settings.log_level == "DEBUG" and settings.webhook_port == 8443
    assert settings.flood.messages == 5
    assert TOKEN not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value"),
    [("SANCTUARY_ADMINS", "alice"), ("LOG_LEVEL", "LOUD"), ("WEBHOOK_PORT", "99999"),
     ("TELEGRAM_API_BASE_URL", "api.telegram.org"), ("WEBHOOK_SECRET_TOKEN", "no spaces!"),
     ("SANCTUARY_RELOAD_INTERVAL", "-1")],
)  # fmt: skip
def test_bad_settings_are_named(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, name: value})


def test_every_setting_has_a_description_and_unique_name() -> None:
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert all(s.description.strip() for s in SETTINGS)
    assert {"TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "SANCTUARY_KNOWLEDGE",
            "SANCTUARY_ADMINS", "LOG_LEVEL", "SANCTUARY_STATS"} <= set(names)  # fmt: skip


# --- malformed updates --------------------------------------------------------------------


def test_sanitize_updates_keeps_good_ones_and_blanks_bad_ones() -> None:
    good = {"update_id": 1, "inline_query": {"id": "1", "from": {"id": 1, "is_bot": False,
            "first_name": "A"}, "query": "x", "offset": ""}}  # fmt: skip
    result = sanitize_updates([good, {"update_id": 2, "message": "nope"}, "junk", {"x": 1}])
    assert result == [good, {"update_id": 2}]


def test_the_engine_and_its_stand_in_have_the_boundarys_signatures() -> None:
    """The transport tests run on a stand-in: it and the real Engine must both match the
    AnswerEngine protocol exactly (mypy checks the types; this checks names and defaults)."""
    import inspect

    from tg_engine import FakeEngine

    from bot.engine import Engine
    from bot.engine_api import AnswerEngine

    members = [name for name in vars(AnswerEngine) if not name.startswith("_")]
    assert "answer" in members and "knowledge" in members
    for name in members:
        wanted = getattr(AnswerEngine, name)
        if isinstance(wanted, property):
            continue  # `knowledge`: an attribute on both (mypy checks its type)
        for engine in (Engine, FakeEngine):
            real = getattr(engine, name, None)
            assert real is not None, f"{engine.__name__} has no {name}()"
            assert inspect.signature(real) == inspect.signature(wanted), (engine, name)
