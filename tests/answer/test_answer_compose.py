"""Composing answers about places: bottom line first, then quotes, age and sources."""

from __future__ import annotations

from bot.answer.action import Action, Verb
from bot.answer.model import Kind
from bot.answer.phrases import STANCE_ANSWERS, STANCE_LINES
from bot.engine import Engine
from bot.knowledge.model import PlaceType
from bot.understanding.gazetteer import Place
from bot.understanding.roles import Role


def test_the_yes_line_only_when_status_is_asked(engine: Engine) -> None:
    denver = engine.knowledge.jurisdictions["denver"]
    yes_no = engine.composer.stance_line(denver, "en", yes_no=True)
    plain = engine.composer.stance_line(denver, "en", yes_no=False)
    assert yes_no.split()[0] == STANCE_ANSWERS[denver.stance].en.split()[0]  # "Partly"
    assert plain.split()[0] == STANCE_LINES[denver.stance].en.split()[0]  # "As"
    assert yes_no != plain


def test_a_place_answer_has_its_policy_quotes_age_and_sources(engine: Engine) -> None:
    j = next(j for j in engine.knowledge.jurisdictions.values() if len(j.quotes) > 3)
    answer = engine.composer.place("q", j, "en")
    assert answer.kind == Kind.ANSWER
    assert j.stance_basis is not None and j.stance_basis.en in answer.details
    assert 0 < len(answer.quotes) < len(j.quotes)
    assert answer.sources and answer.caveats
    assert len(engine.composer.place("q", j, "en", all_quotes=True).quotes) == len(j.quotes)


def test_a_speaker_narrows_the_quotes(engine: Engine) -> None:
    j = next(j for j in engine.knowledge.jurisdictions.values() if len(j.quotes) > 1)
    speaker = j.quotes[0].speaker
    answer = engine.composer.place("q", j, "en", speaker=speaker)
    assert {q.speaker for q in answer.quotes} == {speaker}


def test_a_role_no_quote_holds_is_said(engine: Engine) -> None:
    j = next(
        j
        for j in engine.knowledge.jurisdictions.values()
        if j.quotes and not any("governor" in q.role.casefold() for q in j.quotes)
    )
    answer = engine.composer.place("q", j, "es", role=Role.GOVERNOR)
    assert any("ningún gobernador" in d for d in answer.details)


def test_compare_lists_places_in_the_order_named(engine: Engine) -> None:
    chicago = engine.knowledge.jurisdictions["chicago"]
    denver = engine.knowledge.jurisdictions["denver"]
    houston = Place("Houston", PlaceType.CITY, "TX")
    answer = engine.composer.compare("q", [denver, houston, chicago], "en")
    assert [p.id for p in answer.places] == ["denver", None, "chicago"]
    assert "Houston, Texas (not in my sources)" in answer.details[0]


def test_not_covered_says_so_and_offers_the_list(engine: Engine) -> None:
    answer = engine.composer.not_covered("q", [Place("Houston", PlaceType.CITY, "TX")], "en")
    assert answer.kind == Kind.NOT_COVERED
    assert "it has no policy" in answer.bottom_line
    assert answer.choices[-1].action == Action(Verb.LIST, "ALL")
    two = [Place("Houston", PlaceType.CITY, "TX"), Place("Dallas", PlaceType.CITY, "TX")]
    assert "they have no policy" in engine.composer.not_covered("q", two, "en").bottom_line
