"""The loader: typed records from valid files, and one exact message per kind of mistake."""

from __future__ import annotations

import shutil
import time

import pytest

from bot.knowledge.loader import KnowledgeError, Problem, check_knowledge, load_knowledge
from bot.knowledge.model import Localized, PartialDate, PlaceType, Stance

DENVER = "jurisdictions/co/denver.yaml"
WRITE_DATES = "write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2017-04)"
LOS_ANGELES = """\
name: Los Angeles
type: city
aliases: [L.A., City of Angels]
stance: sanctuary
as_of: 2017-04
summary:
  en: Los Angeles police do not ask about immigration status.
  es: La policía de Los Ángeles no pregunta por el estatus migratorio.
stance_basis:
  en: As of April 2017, Los Angeles police did not ask about immigration status.
  es: En abril de 2017, la policía de Los Ángeles no preguntaba por el estatus migratorio.
"""


# -- valid data ----------------------------------------------------------------------------


def test_valid_knowledge_loads_into_immutable_records(kb):
    knowledge = load_knowledge(kb.root)

    assert list(knowledge.sources) == ["citymayors-2017-04", "marshall-2017-06"]
    marshall = knowledge.sources["marshall-2017-06"]
    assert marshall.date == PartialDate(2017, 6, 19)
    assert marshall.date_inferred is True
    assert marshall.author == "John Carlos Frey"
    assert marshall.url is None
    assert knowledge.sources["citymayors-2017-04"].text_file == "citymayors.txt"

    assert list(knowledge.jurisdictions) == ["denver", "new-york-city", "new-york-state"]
    denver = knowledge.jurisdictions["denver"]
    assert (denver.name, denver.type, denver.state) == ("Denver", PlaceType.CITY, "CO")
    assert denver.stance is Stance.SANCTUARY
    assert denver.as_of == PartialDate(2017, 6)
    assert denver.aliases == ("Mile High City",)
    assert denver.file == DENVER
    assert denver.officials[0].aliases == ("Hancock", "Mayor Hancock")
    quote = denver.quotes[0]
    assert quote.role == "Mayor of Denver"  # from the official: never written on the quote
    assert (quote.date, quote.source, quote.joint_with) == (
        PartialDate(2017, 4, 24),
        "citymayors-2017-04",
        (),
    )
    assert denver.facts[0].text == Localized(
        "In May 2017 the city passed a sentencing reform.",
        "En mayo de 2017 la ciudad aprobó una reforma penal.",
    )
    assert denver.source_ids == ("citymayors-2017-04", "marshall-2017-06")
    assert knowledge.jurisdictions["new-york-state"].as_of == PartialDate(2017)

    topic = knowledge.topics["what-is-sanctuary-city"]
    assert topic.question.es == "¿Qué es una ciudad santuario?"
    assert topic.keywords_en == ("what is a sanctuary city",)
    assert topic.sources == ("citymayors-2017-04",)
    assert topic.quotes[0].role == "US Attorney General"
    for collection in (denver.aliases, denver.quotes, denver.facts, topic.sources):
        assert isinstance(collection, tuple)


def test_records_are_frozen(kb):
    denver = load_knowledge(kb.root).jurisdictions["denver"]
    with pytest.raises(AttributeError):
        denver.name = "Boulder"  # type: ignore[misc]


@pytest.mark.parametrize("written", ["2017", '"2017"', "2017-04", '"2017-04-24"', "2017-04-24"])
def test_dates_of_any_precision_quoted_or_bare_are_accepted(kb, written):
    kb.edit(DENVER, "as_of: 2017-06", f"as_of: {written}")
    knowledge = load_knowledge(kb.root)
    assert knowledge.jurisdictions["denver"].as_of.iso() == written.strip('"')


def test_new_york_city_and_state_may_share_a_name(kb):
    knowledge = load_knowledge(kb.root)
    assert knowledge.jurisdictions["new-york-city"].name == "New York"
    assert knowledge.jurisdictions["new-york-state"].name == "New York"


def test_a_utf8_bom_and_windows_line_ends_are_fine(kb):
    text = (kb.root / DENVER).read_text(encoding="utf-8").replace("\n", "\r\n")
    kb.write(DENVER, ("\ufeff" + text).encode("utf-8"))
    assert kb.problems() == []


def test_loading_is_fast(kb):
    start = time.perf_counter()
    for _ in range(10):
        check_knowledge(kb.root)
    assert (time.perf_counter() - start) / 10 < 0.05


# -- one exact message per kind of mistake -------------------------------------------------


def test_missing_required_field(kb):
    kb.edit(DENVER, "stance: sanctuary\n", "")
    assert kb.problems() == [f"{DENVER}:1: missing required field 'stance'"]


def test_unknown_field_suggests_the_intended_one(kb):
    kb.edit(DENVER, "stance:", "stnace:")
    assert kb.problems() == [f"{DENVER}:4: unknown field 'stnace' — did you mean 'stance'?"]


def test_unknown_field_without_a_close_match_lists_the_allowed_ones(kb):
    kb.edit(DENVER, "name: Denver\n", "name: Denver\ncolour: red\nstate: CO\n")
    assert kb.problems() == [
        f"{DENVER}:2: unknown field 'colour' — allowed: name, type, stance, as_of, summary, "
        "stance_basis, aliases, laws, name_es, officials, quotes, facts, label_rejected, "
        "federal_list, statewide, coordinates, events",
        f"{DENVER}:3: unknown field 'state' — the state is the folder name; remove this line",
    ]


def test_a_quote_role_belongs_to_the_official(kb):
    kb.edit(DENVER, "    speaker: Michael", "    role: Mayor\n    speaker: Michael")
    assert kb.problems() == [
        f"{DENVER}:16: quote 1: unknown field 'role' — a quote's role comes from its official; "
        "set it under officials:"
    ]


def test_wrong_types(kb):
    kb.edit(DENVER, "name: Denver", "name: [Denver]")
    kb.edit(DENVER, "aliases: [Mile High City]", "aliases: Mile High City")
    kb.edit(DENVER, "summary:\n  en:", "summary: Denver is nice.\nsummary_was:\n  en:")
    kb.edit("sources.yaml", "date_inferred: true", "date_inferred: maybe")
    assert kb.problems() == [
        "sources.yaml:16: source 'marshall-2017-06': 'date_inferred' must be true or false, "
        "not 'maybe'",
        f"{DENVER}:1: 'name' must be text, not a list",
        f"{DENVER}:3: 'aliases' must be a list (e.g. [A, B], or one '- ' line per item), not text",
        f"{DENVER}:6: 'summary' must have en: and es: texts, not text",
        f"{DENVER}:7: unknown field 'summary_was' — did you mean 'summary'?",
    ]


def test_list_items_must_be_non_empty_text(kb):
    kb.edit(DENVER, "aliases: [Mile High City]", "aliases: [Mile High City, '', 5]")
    assert kb.problems() == [
        f"{DENVER}:3: 'aliases' item 2 is empty: remove it or fill it in",
        f"{DENVER}:3: 'aliases' item 3 must be text, not a number",
    ]


def test_stance_outside_the_vocabulary(kb):
    kb.edit(DENVER, "stance: sanctuary", "stance: sanctury")
    assert kb.problems() == [
        f"{DENVER}:4: 'stance' must be one of sanctuary, limits_cooperation, bans_sanctuary, "
        "unclear, unknown, not 'sanctury' — did you mean 'sanctuary'?"
    ]


def test_type_outside_the_vocabulary(kb):
    kb.edit(DENVER, "type: city", "type: town")
    assert kb.problems() == [
        f"{DENVER}:2: 'type' must be one of city, county, state, district, not 'town'"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("April 2017", f"is not a date: 'April 2017' — {WRITE_DATES}"),
        ("2017-4", f"is not a date: '2017-4' — {WRITE_DATES}"),
        ("17", f"is not a date: '17' — {WRITE_DATES}"),
        ("2017-04-24 10:00", f"is not a date: '2017-04-24 10:00' — {WRITE_DATES}"),
        ("2017-13", "is not a real date: '2017-13' — check the month and day"),
        ("2017-02-30", "is not a real date: '2017-02-30' — check the month and day"),
        ('"2017-02-30"', "is not a real date: '2017-02-30' — check the month and day"),
    ],
)
def test_malformed_dates(kb, written, message):
    kb.edit(DENVER, "as_of: 2017-06", f"as_of: {written}")
    assert kb.problems() == [f"{DENVER}:5: 'as_of' {message}"]


def test_ids_must_be_lower_case_letters_digits_and_dashes(kb):
    kb.edit("topics.yaml", "id: what-is-sanctuary-city", "id: What is")
    assert kb.problems() == [
        "topics.yaml:1: topic 'What is': id 'What is' must be lower-case letters, digits and "
        "dashes, e.g. 'what-is'"
    ]


def test_jurisdiction_file_name_must_be_an_id(kb):
    (kb.root / DENVER).rename(kb.root / "jurisdictions/co/Denver City.yaml")
    assert kb.problems() == [
        "jurisdictions/co/Denver City.yaml:1: file name 'Denver City.yaml' is not an id: "
        "rename it to 'denver-city.yaml' (lower-case letters, digits, dashes)"
    ]


def test_duplicate_source_id(kb):
    kb.edit("sources.yaml", "id: marshall-2017-06", "id: citymayors-2017-04")
    kb.edit(DENVER, "    source: marshall-2017-06", "    source: citymayors-2017-04")
    assert kb.problems() == [
        "sources.yaml:10: source 'citymayors-2017-04': id 'citymayors-2017-04' is already used "
        "on line 1: give each source its own id"
    ]


def test_duplicate_topic_id(kb):
    text = (kb.root / "topics.yaml").read_text(encoding="utf-8")
    kb.write("topics.yaml", text + text)
    assert kb.problems() == [
        "topics.yaml:19: topic 'what-is-sanctuary-city': id 'what-is-sanctuary-city' is already "
        "used on line 1: give each topic its own id"
    ]


def test_duplicate_jurisdiction_id_across_state_folders(kb):
    kb.write("jurisdictions/or/denver.yaml", LOS_ANGELES.replace("Los Angeles", "Denver, OR"))
    assert kb.problems() == [
        "jurisdictions/or/denver.yaml:1: id 'denver' is also used by jurisdictions/co/denver.yaml: "
        "rename one of the files, e.g. to 'denver-or.yaml'"
    ]


def test_an_alias_claimed_by_two_places_ignoring_case_and_punctuation(kb):
    kb.write("jurisdictions/ca/los-angeles.yaml", LOS_ANGELES)
    kb.edit(DENVER, "[Mile High City]", "[Mile High City, la]")
    assert kb.problems() == [
        f"{DENVER}:3: alias 'la' is also an alias of los-angeles "
        "(jurisdictions/ca/los-angeles.yaml): a question using it would be ambiguous; "
        "remove one of them"
    ]


def test_an_alias_may_not_be_another_places_name_ignoring_accents(kb):
    kb.write("jurisdictions/ca/los-angeles.yaml", LOS_ANGELES.replace("L.A.,", "Dénver,"))
    assert kb.problems() == [
        f"{DENVER}:1: name 'Denver' is also an alias of los-angeles "
        "(jurisdictions/ca/los-angeles.yaml): a question using it would be ambiguous; "
        "remove one of them"
    ]


def test_two_places_of_the_same_type_may_not_share_a_name(kb):
    kb.write("jurisdictions/ca/denver-ca.yaml", LOS_ANGELES.replace("Los Angeles", "Denver"))
    kb.edit("jurisdictions/ny/new-york-state.yaml", "type: state", "type: city")
    assert kb.problems() == [
        f"{DENVER}:1: name 'Denver' is also the name of denver-ca "
        "(jurisdictions/ca/denver-ca.yaml), another city: give one of them a distinct name",
        "jurisdictions/ny/new-york-state.yaml:1: name 'New York' is also the name of "
        "new-york-city (jurisdictions/ny/new-york-city.yaml), another city: give one of them "
        "a distinct name",
    ]


def test_state_folder_must_be_a_state_code(kb):
    (kb.root / "jurisdictions/xx").mkdir()
    (kb.root / DENVER).rename(kb.root / "jurisdictions/xx/denver.yaml")
    assert kb.problems() == [
        "jurisdictions/xx/denver.yaml:1: folder 'xx' is not a US state code: move the file to "
        "the folder named after its state's two-letter code, e.g. co"
    ]


def test_references_to_unknown_sources(kb):
    kb.edit(DENVER, "    source: citymayors-2017-04", "    source: citymayor-2017-04")
    kb.edit(DENVER, "    source: marshall-2017-06", "    source: nowhere")
    kb.edit("topics.yaml", "sources: [citymayors-2017-04]", "sources: [citymayors-2017-4]")
    assert kb.problems() == [
        "topics.yaml:11: topic 'what-is-sanctuary-city': source 'citymayors-2017-4' is not an "
        "id in sources.yaml or sources/ — did you mean 'citymayors-2017-04'?",
        f"{DENVER}:18: quote 1: source 'citymayor-2017-04' is not an id in sources.yaml or "
        "sources/ — did you mean 'citymayors-2017-04'?",
        f"{DENVER}:25: fact 1: source 'nowhere' is not an id in sources.yaml or sources/: add "
        "it there or fix the id",
    ]


def test_a_topic_needs_at_least_one_source(kb):
    kb.edit("topics.yaml", "sources: [citymayors-2017-04]", "sources: []")
    assert kb.problems() == [
        "topics.yaml:11: topic 'what-is-sanctuary-city': 'sources' is empty: list at least one "
        "source id"
    ]


@pytest.mark.parametrize(
    ("speaker", "hint"),
    [
        ("Michael Hancok", " — did you mean 'Michael Hancock'?"),
        ("Mayor Hancock", " — that is an alias: write the official's name, 'Michael Hancock'"),
        ("Wellington Webb", ": add them under officials: with name and role"),
    ],
)
def test_a_quote_speaker_must_be_one_of_the_officials(kb, speaker, hint):
    kb.edit(DENVER, "    speaker: Michael Hancock", f"    speaker: {speaker}")
    assert kb.problems() == [
        f"{DENVER}:16: quote 1: speaker '{speaker}' is not one of this file's officials{hint}"
    ]


def test_empty_quote_summary_and_translation(kb):
    kb.edit(DENVER, '  - text: "We will value residents in this city."', '  - text: "   "')
    kb.edit(DENVER, "  en: Denver's mayor said in April 2017 that", "  en: ' '\n  x_en: ")
    kb.edit(DENVER, "      es: En mayo de 2017 la ciudad aprobó una reforma penal.", "      es: ''")
    kb.edit("topics.yaml", "    es: ¿Qué es una ciudad santuario?\n", "")
    assert kb.problems() == [
        "topics.yaml:2: topic 'what-is-sanctuary-city': missing required field 'question.es'",
        f"{DENVER}:7: 'summary.en' is empty: write the English text",
        f"{DENVER}:8: unknown field 'summary.x_en' — did you mean 'summary.en'?",
        f"{DENVER}:16: quote 1: 'text' is empty: copy the quote verbatim from its source",
        f"{DENVER}:24: fact 1: 'text.es' is empty: write the Spanish text",
    ]


def test_a_field_written_twice(kb):
    kb.edit(DENVER, "type: city\n", "type: city\ntype: county\n")
    assert kb.problems() == [f"{DENVER}:3: field 'type' appears twice (first on line 2): keep one"]


# -- files that cannot be read never raise -------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "problem"),
    [
        ("stance: sanctuary", "stance: a: b", 4, "mapping values are not allowed in this context"),
        (
            "aliases: [Mile High City]",
            "aliases: [Mile",
            4,
            "did not find expected ',' or ']' in a flow sequence starting on line 3",
        ),
        ("type: city", "\ttype: city", 2, "found a tab character that violates indentation"),
    ],
)
def test_yaml_syntax_errors_name_their_line(kb, old, new, line, problem):
    kb.edit(DENVER, old, new)
    assert kb.problems() == [
        f"{DENVER}:{line}: invalid YAML ({problem}): check the indentation, and put text "
        "containing ': ' or ' #' in quotes"
    ]


def test_python_tags_are_refused_not_run(kb):
    kb.edit(DENVER, "type: city", "type: !!python/object/apply:os.system ['echo hi']")
    assert kb.problems() == [
        f"{DENVER}:2: invalid YAML (could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'): remove the '!' tag: only plain "
        "text, numbers, lists and mappings are read"
    ]


def test_files_of_the_wrong_shape(kb):
    kb.write(DENVER, "- name: Denver\n")
    kb.write("topics.yaml", "hello\n")
    kb.edit("sources.yaml", "  text_file: marshall.txt\n", "  text_file: marshall.txt\n- oops\n")
    assert kb.problems() == [
        "sources.yaml:18: source #3: expected a mapping of fields (id:, kind:, outlet:, title:, "
        "date:, ...), not text",
        "topics.yaml:1: expected a list of topics, each starting '- id:', not text",
        f"{DENVER}:1: expected a mapping of fields (name:, type:, stance:, ...), not a list",
    ]


def test_an_unreadable_sources_file_does_not_flag_every_reference(kb):
    kb.write("sources.yaml", "id: citymayors-2017-04\n")
    assert kb.problems() == [
        "sources.yaml:1: expected a list of sources, each starting '- id:', not a mapping"
    ]


def test_non_utf8_bytes(kb):
    kb.write(DENVER, "name: Denver\nsummary: caf\xe9\n".encode("latin-1"))
    assert kb.problems() == [f"{DENVER}:2: not UTF-8 text: save the file with UTF-8 encoding"]


def test_empty_files(kb):
    kb.write(DENVER, "")
    kb.write("topics.yaml", "# nothing yet\n")
    assert kb.problems() == [
        "topics.yaml:1: file is empty: expected a list of topics, each starting '- id:'",
        f"{DENVER}:1: file is empty: expected a mapping of fields (name:, type:, stance:, ...)",
    ]


def test_missing_files_and_folders(kb):
    (kb.root / "topics.yaml").unlink()
    shutil.rmtree(kb.root / "jurisdictions")
    assert kb.problems() == [
        "topics.yaml: file not found: create it with a list of topics, each starting '- id:'",
        "jurisdictions: folder not found: create it",
    ]


def test_a_missing_directory(tmp_path):
    problems = check_knowledge(tmp_path / "nowhere").problems
    assert [str(p) for p in problems] == [f".: knowledge directory not found: {tmp_path}/nowhere"]


def test_misplaced_jurisdiction_files(kb):
    kb.write("jurisdictions/co/boulder.yml", "name: Boulder\n")
    kb.write("jurisdictions/boulder.yaml", "name: Boulder\n")
    kb.write("jurisdictions/README.md", "Other files are ignored.\n")
    assert kb.problems() == [
        "jurisdictions/boulder.yaml: move the file to jurisdictions/<state code>/<id>.yaml to "
        "load it",
        "jurisdictions/co/boulder.yml: rename the file to boulder.yaml to load it",
    ]


# -- all problems at once ------------------------------------------------------------------


def test_every_problem_in_every_file_is_reported(kb):
    kb.edit("sources.yaml", "  outlet: City Mayors\n", "")
    kb.edit("topics.yaml", "    en: There is no", "    en: ''\n    xx: There is no")
    kb.edit(DENVER, "stance: sanctuary", "stance: maybe")
    kb.edit(DENVER, "as_of: 2017-06", "as_of: June 2017")
    kb.edit("jurisdictions/ny/new-york-city.yaml", "type: city", "type: metropolis")
    problems = kb.problems()
    assert [p.split(": ")[0] for p in problems] == [
        "sources.yaml:1",
        "topics.yaml:6",
        "topics.yaml:7",
        f"{DENVER}:4",
        f"{DENVER}:5",
        "jurisdictions/ny/new-york-city.yaml:2",
    ]
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(kb.root)
    assert [str(p) for p in raised.value.problems] == problems
    assert str(raised.value).startswith("6 error(s) in the knowledge base:\nsources.yaml:1: ")


def test_only_valid_records_are_kept_when_checking(kb):
    kb.edit(DENVER, "stance: sanctuary", "stance: maybe")
    loaded = check_knowledge(kb.root)
    assert list(loaded.knowledge.jurisdictions) == ["new-york-city", "new-york-state"]
    assert [p.severity for p in loaded.problems] == ["error"]


def test_problem_formats():
    assert str(Problem("a.yaml", 3, "broken")) == "a.yaml:3: broken"
    assert str(Problem("a.yaml", 0, "missing")) == "a.yaml: missing"
    assert str(Problem("a.yaml", 3, "old", "warning")) == "a.yaml:3: warning: old"
    assert Problem("a.yaml", 3, "broken").format("kb/a.yaml") == "kb/a.yaml:3: broken"


def test_a_spanish_name_may_not_be_another_places_alias(kb):
    kb.write("jurisdictions/ca/los-angeles.yaml", LOS_ANGELES)
    kb.edit(DENVER, "name: Denver\n", "name: Denver\nname_es: City of Angels\n")
    assert kb.problems() == [
        f"{DENVER}:2: Spanish name 'City of Angels' is also an alias of los-angeles "
        "(jurisdictions/ca/los-angeles.yaml): a question using it would be ambiguous; "
        "remove one of them"
    ]
