"""`validate`: the verbatim check, the staleness warning, and the command's output and exit code."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cli import main
from bot.knowledge.validate import normalise, validate

DENVER = "jurisdictions/co/denver.yaml"
SOON = dt.date(2018, 1, 1)  # the fixture's data is not stale yet on this day


def messages(problems):
    return [str(p) for p in problems]


def test_quotes_match_despite_typographic_quotes_and_line_breaks(kb):
    # The article has “We will value\nresidents…” and a doubled space in the Sessions quote.
    assert validate(kb.root, texts_dir=kb.texts, today=SOON) == []


def test_a_quote_that_is_not_verbatim_says_where_it_stops_matching(kb):
    kb.edit(DENVER, "We will value residents in this city.", "We will value all residents.")
    assert messages(validate(kb.root, texts_dir=kb.texts, today=SOON)) == [
        f"{DENVER}:15: quote is not verbatim in source 'citymayors-2017-04': it matches up to "
        "'We will value'; copy it exactly from the article"
    ]


def test_a_topic_quote_is_checked_too(kb):
    kb.edit("topics.yaml", "Failure to deport", "Refusing to deport")
    assert messages(validate(kb.root, texts_dir=kb.texts, today=SOON)) == [
        "topics.yaml:13: quote is not verbatim in source 'citymayors-2017-04': not even its "
        "first word is there; copy it exactly from the article"
    ]


def test_typographic_apostrophes_in_a_quote_match_straight_ones_in_the_text(kb):
    article = "‘We won't value residents.’ Failure to deport aliens puts whole communities at risk"
    (kb.texts / "citymayors.txt").write_text(article, encoding="utf-8")
    kb.edit(DENVER, "We will value residents in this city.", "We won’t value residents.")
    assert validate(kb.root, texts_dir=kb.texts, today=SOON) == []


def test_normalise_keeps_dashes_and_words():
    assert normalise("“It’s —  fine”\n") == '"It\'s — fine"'


def test_a_missing_text_file_is_an_error_naming_it(kb):
    (kb.texts / "marshall.txt").unlink()
    assert messages(validate(kb.root, texts_dir=kb.texts, today=SOON)) == [
        f"sources.yaml:10: source 'marshall-2017-06': text_file 'marshall.txt' not found in "
        f"{kb.texts}"
    ]


def test_quotes_of_a_source_without_text_are_a_warning(kb):
    kb.edit("sources.yaml", "  text_file: citymayors.txt\n", "")
    assert messages(validate(kb.root, texts_dir=kb.texts, today=SOON)) == [
        "sources.yaml:1: warning: source 'citymayors-2017-04' has no text_file: its 2 quote(s) "
        "were not checked"
    ]


def test_a_missing_texts_folder(kb, tmp_path):
    assert messages(validate(kb.root, texts_dir=tmp_path / "none", today=SOON)) == [
        f".: texts folder not found: {tmp_path}/none"
    ]


def test_without_texts_no_quote_is_checked(kb):
    kb.edit(DENVER, "We will value residents in this city.", "Something else.")
    assert validate(kb.root, today=SOON) == []


def test_stale_places_get_a_warning_not_an_error(kb):
    problems = validate(kb.root, stale_years=3, today=dt.date(2021, 7, 1))
    assert messages(problems) == [
        f"{DENVER}:1: warning: information dates from 2017-06, more than 3 years ago: check "
        "for news and add a newer dated quote or fact, and update as_of",
        "jurisdictions/ny/new-york-city.yaml:1: warning: information dates from 2017-04, more "
        "than 3 years ago: check for news and add a newer dated quote or fact, and update as_of",
        "jurisdictions/ny/new-york-state.yaml:1: warning: information dates from 2017, more than "
        "3 years ago: check for news and add a newer dated quote or fact, and update as_of",
    ]
    assert {p.severity for p in problems} == {"warning"}


def test_a_partial_date_counts_until_its_last_day(kb):
    # new-york-city is as of 2017-04: not stale on 2020-04-30, stale on 2020-05-01.
    def stale(day):
        problems = validate(kb.root, stale_years=3, today=day)
        return [p.file for p in problems if "new-york-city" in p.file]

    assert stale(dt.date(2020, 4, 30)) == []
    assert stale(dt.date(2020, 5, 1)) == ["jurisdictions/ny/new-york-city.yaml"]


# -- the command ---------------------------------------------------------------------------


@pytest.fixture
def in_parent(kb, monkeypatch):
    """Run commands from the folder holding the knowledge dir, so paths print short."""
    monkeypatch.chdir(kb.root.parent)
    return kb


def test_validate_command_ok(in_parent, capsys):
    code = main(["validate", "knowledge", "--texts", "texts", "--stale-years", "100"])
    out = capsys.readouterr().out
    assert code == 0
    assert out == "knowledge OK: 2 sources, 3 jurisdictions, 1 topic, 2 quotes\n"


def test_validate_command_reports_errors_with_paths_from_here(in_parent, capsys):
    in_parent.edit(DENVER, "stance:", "stnace:")
    in_parent.edit(DENVER, "We will value residents", "We value residents")
    code = main(["validate", "knowledge", "--texts", "texts", "--stale-years", "100"])
    assert code == 1
    assert capsys.readouterr().out.splitlines() == [
        f"knowledge/{DENVER}:4: unknown field 'stnace' — did you mean 'stance'?",
        f"knowledge/{DENVER}:15: quote is not verbatim in source 'citymayors-2017-04': "
        "it matches up to 'We'; copy it exactly from the article",
        "2 errors",
    ]


def test_validate_command_warnings_do_not_fail(in_parent, capsys):
    code = main(["validate", "knowledge", "--stale-years", "1"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0].startswith(f"knowledge/{DENVER}:1: warning: information dates from ")
    assert lines[-1] == "knowledge OK: 2 sources, 3 jurisdictions, 1 topic, 2 quotes, 3 warnings"


def test_validate_command_defaults_to_the_configured_dir(in_parent, capsys, monkeypatch):
    monkeypatch.setenv("SANCTUARY_KNOWLEDGE", str(in_parent.root))
    assert main(["validate", "--stale-years", "100"]) == 0
    assert capsys.readouterr().out.startswith("knowledge OK: 2 sources")


def test_validate_command_on_a_missing_dir(in_parent, capsys):
    assert main(["validate", "elsewhere"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "elsewhere: knowledge directory not found: elsewhere",
        "1 error",
    ]


def test_validate_command_reports_a_missing_required_field(in_parent, capsys):
    in_parent.edit(DENVER, "    role_es: alcalde de Denver\n", "")
    assert main(["validate", "knowledge", "--stale-years", "100"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"knowledge/{DENVER}:10: official 1: missing required field 'role_es'",
        "1 error",
    ]


def test_validate_command_counts_events(in_parent, kb26, capsys):
    assert main(["validate", "knowledge", "--stale-years", "100"]) == 0
    assert capsys.readouterr().out == (
        "knowledge OK: 3 sources, 3 jurisdictions, 1 topic, 2 quotes, 2 events\n"
    )
