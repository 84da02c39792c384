"""Answers that are not about one place: lists, topics, help, about, sources."""

from __future__ import annotations

from bot.answer import overviews
from bot.answer.model import Kind
from bot.answer.phrases import STANCE_GROUPS, lookup
from bot.engine import Engine
from bot.knowledge.model import PartialDate, PlaceType


def test_the_list_groups_places_by_stance_in_vocabulary_order(engine: Engine) -> None:
    answer = engine.composer.list_places("q", None, "en")
    assert answer.kind == Kind.LIST
    assert len(answer.places) == len(engine.knowledge.jurisdictions)
    order = [s.value for s in overviews.LIST_ORDER]
    types = ["state", "county", "city"]
    blocks = {block.splitlines()[0]: block.splitlines()[1:] for block in answer.details}
    assert list(blocks) == ["States", "Counties", "Cities"]  # each type apart (review row 11)
    for kind, (head, lines) in zip(types, blocks.items(), strict=True):
        group = [
            p for p in answer.places if p.type == kind or (kind, p.type) == ("city", "district")
        ]
        stances = [p.stance for p in group]
        assert stances == sorted(stances, key=order.index), head
        heads = [line.removeprefix("• ").split(":")[0] for line in lines]
        assert heads == [
            lookup(STANCE_GROUPS, s, "en") for s in overviews.LIST_ORDER if s.value in stances
        ]
    denver = engine.knowledge.jurisdictions["denver"]
    newest = PartialDate(denver.newest_date.year, denver.newest_date.month)
    assert f"Denver ({newest.human('en')})" in answer.details[2]  # its own date, to the month


def test_the_list_narrows_to_a_state_or_to_states(engine: Engine) -> None:
    in_ca = engine.composer.list_places("q", "CA", "en")
    assert {p.state for p in in_ca.places} == {"CA"}
    states = engine.composer.list_places("q", None, "en", kinds=(PlaceType.STATE,))
    assert {p.type for p in states.places} == {"state"}


def test_no_places_in_a_state_implies_nothing(engine: Engine) -> None:
    answer = engine.composer.no_places_in_state("q", "WY", "en")
    assert answer.bottom_line.startswith("My sources describe no places in Wyoming")


def test_a_topic_answer_opens_with_its_first_sentence(engine: Engine) -> None:
    topic = next(iter(engine.knowledge.topics.values()))
    answer = engine.composer.topic("q", topic, "en")
    assert topic.answer.en.startswith(answer.bottom_line)
    assert answer.topic == topic.id


def test_first_sentence_keeps_abbreviations_whole() -> None:
    first, rest = overviews.split_first_sentence("The U.S. has laws. More here.")
    assert (first, rest) == ("The U.S. has laws.", "More here.")


def test_help_and_thanks(engine: Engine) -> None:
    assert engine.composer.help_answer("q", "en").examples
    thanks = engine.composer.help_answer("q", "es", thanks=True)
    assert thanks.bottom_line == "¡De nada!"


def test_not_understood_offers_examples(engine: Engine) -> None:
    answer = engine.composer.not_understood("", "en")
    assert answer.bottom_line == "Please type a question."
    assert answer.examples == overviews.example_questions("en")


def test_sources_of_one_place_list_its_dated_facts(engine: Engine) -> None:
    j = next(j for j in engine.knowledge.jurisdictions.values() if j.facts)
    answer = engine.composer.place_sources(j, "en")
    assert answer.details[0].startswith("Dated facts:")


def test_foreign_places_are_echoed_once_each_and_few(engine: Engine) -> None:
    """The review's 'tOrOnTo or toronto …': each name once, in title case, three at most."""
    answer = engine.answer(
        "is tOrOnTo or toronto or Monterrey a sanctuary city " + "toronto " * 120
    )
    assert answer.kind == Kind.NOT_UNDERSTOOD
    assert answer.bottom_line.count("Toronto") == 1 and "tOrOnTo" not in answer.bottom_line
    assert "Toronto and Monterrey are not" in answer.bottom_line
    assert len(answer.bottom_line) < 200
