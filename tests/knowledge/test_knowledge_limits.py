"""Hostile or oversized knowledge edits are rejected quickly, with short problem lines
(issue 12, F1 and F2): an alias bomb, a huge field, a huge file, a huge knowledge base."""

from __future__ import annotations

import time

import pytest

from bot.cli import main
from bot.knowledge import loader
from bot.knowledge.loader import check_knowledge
from bot.knowledge.schema import LINE, Problem
from bot.knowledge.validate import validate

DENVER = "jurisdictions/co/denver.yaml"


def errors(kb) -> list[str]:
    """What `validate` reports as errors (the fixture's data is years old: no warnings)."""
    return [str(p) for p in validate(kb.root) if p.severity == "error"]


def alias_bomb(depth: int) -> str:
    """The review's reproduction: each level repeats the previous one nine times."""
    lol = ", ".join(['"lol"'] * 9)
    lines = [f"x0: &a [{lol}]"]
    names = "abcdefghij"
    for i in range(1, depth + 1):
        lines.append(f"x{i}: &{names[i]} [" + ", ".join([f"*{names[i - 1]}"] * 9) + "]")
    return "\n".join(lines) + "\n", f"*{names[depth]}"


@pytest.mark.parametrize("depth", [7, 8, 9])
@pytest.mark.parametrize(
    ("old", "field"), [("as_of: 2017-06", "as_of"), ("stance: sanctuary", "stance")]
)
def test_an_alias_bomb_is_refused_quickly_with_short_lines(kb, depth, old, field):
    bomb, alias = alias_bomb(depth)
    text = (kb.root / DENVER).read_text(encoding="utf-8").replace(old, f"{field}: {alias}")
    kb.write(DENVER, bomb + text)
    start = time.perf_counter()
    problems = errors(kb)
    assert time.perf_counter() - start < 1
    assert problems == [
        f"{DENVER}:3: too many aliased values (an alias bomb?): write the values out"
    ]


@pytest.mark.parametrize("depth", [7, 9])
def test_an_alias_bomb_in_a_true_false_field(kb, depth):
    bomb, alias = alias_bomb(depth)
    kb.write("sources.yaml", bomb.replace("x", "- x") + (kb.root / "sources.yaml").read_text())
    kb.edit("sources.yaml", "date_inferred: true", f"date_inferred: {alias}")
    start = time.perf_counter()
    problems = errors(kb)
    assert time.perf_counter() - start < 1
    assert problems == [
        "sources.yaml:3: too many aliased values (an alias bomb?): write the values out"
    ]


def test_a_few_aliases_are_fine(kb):
    kb.edit(DENVER, "aliases: [Mile High City]", "aliases: &names [Mile High City]")
    kb.edit(DENVER, "aliases: [Hancock, Mayor Hancock]", "aliases: *names")
    assert kb.problems() == []


def test_a_list_in_a_flag_is_described_not_expanded(kb):
    kb.edit("sources.yaml", "date_inferred: true", "date_inferred: [a, b, c]")
    assert kb.problems() == [
        "sources.yaml:16: source 'marshall-2017-06': 'date_inferred' must be true or false, "
        "not a list"
    ]


def test_a_long_value_is_cut_in_messages(kb):
    kb.edit(DENVER, "as_of: 2017-06", f"as_of: '{'9' * 5000}'")
    kb.edit("sources.yaml", "date_inferred: true", f"date_inferred: {'y' * 5000}")
    problems = kb.problems()
    assert problems == [
        f"sources.yaml:16: source 'marshall-2017-06': 'date_inferred' must be true or false, "
        f"not '{'y' * 59}…'",
        f"{DENVER}:5: 'as_of' is not a date: '{'9' * 59}…' — write YYYY, YYYY-MM or YYYY-MM-DD "
        "(e.g. 2017-04)",
    ]


def test_a_number_too_long_to_read(kb):
    kb.edit(DENVER, "type: city", f"type: {'9' * 5000}")
    assert kb.problems() == [
        f"{DENVER}:1: a value cannot be read (Exceeds the limit (4300 digits) for integer "
        "string conversi…): put it in quotes"
    ]


def test_every_problem_line_is_capped():
    problem = Problem("a.yaml", 3, "x" * 100_000)
    assert len(problem.format("a.yaml")) == len("a.yaml:3: ") + LINE
    assert str(problem).endswith("…")


@pytest.mark.parametrize(
    ("old", "new", "line", "label", "limit"),
    [
        ("  en: Denver's mayor said", "  en: {} Denver's mayor said", 7, "summary.en", 900),
        ("We will value residents in this city.", "{}", 15, "text", 900),
        ("      es: En mayo de 2017", "      es: {} En mayo de 2017", 23, "text.es", 600),
    ],
)
def test_a_text_over_its_limit_is_named_with_its_line(kb, old, new, line, label, limit):
    kb.edit(DENVER, old, new.format("word " * 200))
    (problem,) = kb.problems()
    assert problem.startswith(f"{DENVER}:{line}: ")
    assert f"'{label}' is " in problem
    assert problem.endswith(f" characters long: shorten it to {limit} or fewer")


def test_a_file_over_the_limit_is_not_read(kb, monkeypatch):
    monkeypatch.setattr(loader, "FILE_LIMIT", 1024)
    kb.edit(DENVER, "  en: Denver's mayor said", "  en: " + "word " * 300 + "Denver's mayor said")
    assert kb.problems() == [
        f"{DENVER}: file is 2 KB, over the 1 KB limit: split it or shorten its texts"
    ]


def test_a_real_256_kb_limit(kb):
    kb.write("jurisdictions/co/boulder.yaml", "name: Boulder\n# " + "x" * 300_000 + "\n")
    assert kb.problems() == [
        "jurisdictions/co/boulder.yaml: file is 292 KB, over the 256 KB limit: split it or "
        "shorten its texts"
    ]


def test_a_knowledge_base_over_the_limit_is_not_read(kb, monkeypatch):
    monkeypatch.setattr(loader, "TOTAL_LIMIT", 2048)
    kb.write("jurisdictions/co/boulder.yaml", "name: Boulder\n# " + "x" * 2048 + "\n")
    loaded = check_knowledge(kb.root)
    assert [str(p) for p in loaded.problems] == [
        ".: the knowledge base is 0.0 MB, over the 0.0 MB limit: nothing was read; remove the "
        "large or unrelated files"
    ]
    assert loaded.knowledge.jurisdictions == {}


def test_deeply_nested_values_are_a_problem_not_a_crash(kb):
    kb.write("topics.yaml", "[" * 5000 + "]" * 5000 + "\n")
    problems = kb.problems()
    assert problems[0].startswith("topics.yaml:")


def test_the_validate_command_prints_an_alias_bomb_in_one_short_line(kb, capsys):
    bomb, alias = alias_bomb(9)
    text = (kb.root / DENVER).read_text(encoding="utf-8").replace("as_of: 2017-06", "as_of: x")
    kb.write(DENVER, bomb + text.replace("as_of: x", f"as_of: {alias}"))
    assert main(["validate", str(kb.root), "--stale-years", "100"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "1 error"
    assert len(lines) == 2
    assert len(lines[0]) < len(str(kb.root)) + 120
