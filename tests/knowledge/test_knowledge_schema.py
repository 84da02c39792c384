"""The 2026 schema (SCHEMA.md): events, aspects, source kinds and files, the federal list,
and the declarations every table and check is derived from."""

from __future__ import annotations

import dataclasses
import re
from enum import StrEnum
from pathlib import Path

import pytest

from bot.knowledge import model
from bot.knowledge.loader import check_knowledge, load_knowledge
from bot.knowledge.model import (
    Aspect,
    Event,
    EventKind,
    Fact,
    FederalListing,
    Jurisdiction,
    Official,
    PartialDate,
    PlaceType,
    Quote,
    Source,
    SourceKind,
    Stance,
    Topic,
)
from bot.knowledge.schema import parse_choice

DENVER = "jurisdictions/co/denver.yaml"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "knowledge.md"
RECORDS = (Source, Jurisdiction, Official, Quote, Fact, Event, Topic)
VOCABULARIES = (Stance, PlaceType, SourceKind, EventKind, FederalListing, Aspect)

EVENTS_LINE = 32  # 'events:' in conftest.DENVER_2026 once appended to Denver


def test_the_2026_fields_load(kb26):
    knowledge = load_knowledge(kb26.root)
    doj = knowledge.sources["doj-2025-08-05-list"]
    assert (doj.kind, doj.publisher) == (SourceKind.GOVERNMENT, "US Department of Justice")
    assert knowledge.sources["marshall-2017-06"].kind is SourceKind.ARTICLE
    denver = knowledge.jurisdictions["denver"]
    assert denver.federal_list is FederalListing.LISTED
    assert denver.coordinates == (39.74, -104.99)
    assert denver.stance_basis is not None
    assert denver.stance_basis.en.startswith("Denver's 2017 law")
    assert [e.kind for e in denver.timeline] == [EventKind.FEDERAL_LISTING, EventKind.LAWSUIT]
    assert denver.newest_event is denver.timeline[0]
    assert denver.newest_item is denver.timeline[0]
    assert denver.dated_items[2:] == (denver.facts[0], denver.quotes[0])  # 2017-05, 2017-04-24
    assert denver.newest_date == PartialDate(2025, 8, 5)
    assert denver.events[0].also == ("doj-2025-08-05-list",)
    assert denver.events[0].aspects == (Aspect.COURTS,)
    assert denver.source_ids == ("citymayors-2017-04", "marshall-2017-06", "doj-2025-08-05-list")


def test_a_reported_item_does_not_count_as_newest(kb):
    kb.edit(DENVER, "    date: 2017-05\n", "    date: 2019-05\n    reported: true\n")
    denver = load_knowledge(kb.root).jurisdictions["denver"]
    assert denver.facts[0].reported is True
    assert denver.newest_date == PartialDate(2017, 6)  # as_of, not the reported fact
    assert denver.dated_items == denver.quotes


def test_source_ids_are_unique_across_source_files(kb26):
    federal = (kb26.root / "sources/federal.yaml").read_text(encoding="utf-8")
    kb26.write("sources/states.yaml", federal.replace("MIL-OSI", "Elsewhere"))
    assert kb26.problems() == [
        "sources/states.yaml:1: source 'doj-2025-08-05-list': id 'doj-2025-08-05-list' is "
        "already used in sources/federal.yaml:1: give each source its own id"
    ]


def test_a_quote_may_cite_only_an_article(kb26):
    kb26.edit(DENVER, "    source: citymayors-2017-04", "    source: doj-2025-08-05-list")
    assert kb26.problems() == [
        f"{DENVER}:18: quote 1: source 'doj-2025-08-05-list' is government, not an article: "
        "quote only the five articles"
    ]


def test_a_source_other_than_an_article_needs_its_address(kb26):
    kb26.edit("sources/federal.yaml", "  url: https://security.mil-osi.com/page/304\n", "")
    assert kb26.problems() == [
        "sources/federal.yaml:1: source 'doj-2025-08-05-list': missing required field 'url': "
        "where the source was read"
    ]


@pytest.mark.parametrize(
    ("listing", "kind"), [("listed", "federal_listing"), ("removed", "federal_removal")]
)
def test_the_federal_list_needs_its_event(kb26, listing, kind):
    kb26.edit(DENVER, "    kind: federal_listing", "    kind: statement")
    kb26.edit(DENVER, "federal_list: listed", f"federal_list: {listing}")
    assert kb26.problems() == [
        f"{DENVER}:30: 'federal_list: {listing}' needs an event of kind {kind}: add it under "
        "events:"
    ]


def test_statewide_is_for_states_only(kb26):
    kb26.edit(DENVER, "federal_list: listed\n", "federal_list: listed\nstatewide: {en: a, es: b}\n")
    assert kb26.problems() == [
        f"{DENVER}:31: 'statewide' is for states only: remove it or move it to the state's file"
    ]


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("[39.74]", "must be [latitude, longitude], e.g. [39.74, -104.99], not a list"),
        ("Denver", "must be [latitude, longitude], e.g. [39.74, -104.99], not text"),
        ("[139.74, -104.99]", "is off the globe: latitude -90..90, longitude -180..180"),
    ],
)
def test_coordinates(kb26, written, why):
    kb26.edit(DENVER, "coordinates: [39.74, -104.99]", f"coordinates: {written}")
    assert kb26.problems() == [f"{DENVER}:31: 'coordinates' {why}"]


def test_event_kind_aspects_and_sources_are_checked(kb26):
    kb26.edit(DENVER, "    kind: lawsuit", "    kind: lawsiut")
    kb26.edit(DENVER, "    aspects: [courts]", "    aspects: [court, 5]")
    kb26.edit(DENVER, "    also: [doj-2025-08-05-list]", "    also: [doj-list]")
    kinds = ", ".join(kind.value for kind in EventKind)
    line = EVENTS_LINE
    assert kb26.problems() == [
        f"{DENVER}:{line + 2}: event 1: 'kind' must be one of {kinds}, not 'lawsiut' — did you "
        "mean 'lawsuit'?",
        f"{DENVER}:{line + 7}: event 1: source 'doj-list' is not an id in sources.yaml or "
        "sources/: add it there or fix the id",
        f"{DENVER}:{line + 8}: event 1: 'aspects' item 1 must be one of the values in "
        "docs/knowledge.md, not 'court' — did you mean 'courts'?",
        f"{DENVER}:{line + 8}: event 1: 'aspects' item 2 must be text, not a number",
    ]


def test_an_event_needs_date_kind_text_and_source(kb26):
    kb26.edit(DENVER, '  - date: "2025-01"\n    kind: lawsuit\n', "  - date_inferred: true\n")
    assert kb26.problems() == [
        f"{DENVER}:{EVENTS_LINE + 1}: event 1: missing required field 'date'",
        f"{DENVER}:{EVENTS_LINE + 1}: event 1: missing required field 'kind'",
    ]


# -- the fields every place, official, source and tagged item must have -------------------


def test_stance_basis_role_es_and_aspects_are_required(kb):
    kb.edit("topics.yaml", "      aspects: [said]\n", "")
    kb.edit(DENVER, "    role_es: alcalde de Denver\n", "")
    kb.edit(DENVER, "    aspects: [said]\n", "")
    kb.edit(DENVER, "    aspects: [laws, when]\n", "")
    basis = (
        "stance_basis:\n"
        "  en: New York City's mayor said in April 2017 that it would stay a sanctuary city.\n"
        "  es: El alcalde de Nueva York dijo en abril de 2017 que seguiría siendo ciudad "
        "santuario.\n"
    )
    kb.edit("jurisdictions/ny/new-york-city.yaml", basis, "")
    assert kb.problems() == [
        "topics.yaml:13: topic 'what-is-sanctuary-city': quote 1: missing required field 'aspects'",
        f"{DENVER}:10: official 1: missing required field 'role_es'",
        f"{DENVER}:14: quote 1: missing required field 'aspects'",
        f"{DENVER}:19: fact 1: missing required field 'aspects'",
        "jurisdictions/ny/new-york-city.yaml:1: missing required field 'stance_basis'",
    ]


def test_an_event_needs_at_least_one_aspect(kb26):
    kb26.edit(DENVER, "    aspects: [courts]", "    aspects: []")
    aspects = ", ".join(aspect.value for aspect in Aspect)
    assert kb26.problems() == [
        f"{DENVER}:{EVENTS_LINE + 8}: event 1: 'aspects' needs at least one of {aspects}"
    ]


# -- declared once -------------------------------------------------------------------------


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
def test_any_vocabulary_is_checked_the_same_way(vocabulary: type[StrEnum]):
    first = next(iter(vocabulary))
    assert parse_choice(first.value, vocabulary) is first
    message = parse_choice("nonsense", vocabulary)
    assert message == (f"must be one of {', '.join(m.value for m in vocabulary)}, not 'nonsense'")


@pytest.mark.parametrize("record", RECORDS)
def test_every_field_is_declared_with_a_spec(record):
    for f in dataclasses.fields(record):
        if f.name == "file":
            continue  # where a place was read from: not written by anyone
        spec = f.metadata["spec"]
        assert spec.doc, f"{record.__name__}.{f.name} has no doc line"
        if spec.read in ("choice", "choices"):
            assert spec.vocabulary in VOCABULARIES, f"{record.__name__}.{f.name}"


def test_the_field_tables_follow_the_declarations():
    assert model.field_table(Official) == {
        "name": True, "role": True, "role_es": True, "aliases": False,
    }  # fmt: skip
    assert "role" not in model.field_table(Quote)  # a place's quote: the official's role
    assert model.field_table(Quote, "topic")["role"] is True
    assert model.field_table(Quote)["aspects"] is True
    assert "id" not in model.field_table(Jurisdiction)  # the file name
    assert model.field_table(Jurisdiction)["stance_basis"] is True
    assert model.field_table(Source)["kind"] is True
    assert "keywords" in model.field_table(Topic)
    assert model.field_table(Topic)["aspects"] is False  # optional on topics


@pytest.mark.parametrize("record", RECORDS)
def test_every_field_is_documented(record):
    text = DOCS.read_text(encoding="utf-8")
    for key in model.field_table(record, "topic"):
        assert re.search(rf"^\s*(- )?{key}:", text, re.MULTILINE), f"{key} is not in {DOCS}"


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
def test_every_vocabulary_value_is_documented(vocabulary):
    text = DOCS.read_text(encoding="utf-8")
    for member in vocabulary:
        assert f"`{member.value}`" in text, f"{member.value} is not in {DOCS}"


def test_a_place_without_the_sources_folder_loads(kb):
    assert not (kb.root / "sources").exists()
    assert check_knowledge(kb.root).errors == []


def test_a_source_kind_is_required(kb):
    kb.edit("sources.yaml", "  kind: article\n  outlet: City Mayors", "  outlet: City Mayors")
    assert kb.problems() == ["sources.yaml:1: source #1: missing required field 'kind'"]
