""".env.example lists exactly the settings the code reads, with their defaults."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.settings import SETTINGS, Setting, Settings

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / ".env.example"
ASSIGNMENT = re.compile(r"(?P<commented># )?(?P<name>[A-Z][A-Z0-9_]*)=(?P<value>.*)")
SETTING_LIKE = re.compile(r"(TELEGRAM|SANCTUARY|WEBHOOK|LOG)_[A-Z0-9_]+")


def example_entries() -> list[tuple[str, str, bool, str]]:
    """(name, value, commented out, the comment above it) for each setting line."""
    entries = []
    comment: list[str] = []
    for line in EXAMPLE.read_text().splitlines():
        if match := ASSIGNMENT.fullmatch(line):
            entries.append(
                (match["name"], match["value"], bool(match["commented"]), " ".join(comment))
            )
            comment = []
        elif line.startswith("#"):
            comment.append(line.lstrip("# ").strip())
        else:
            comment = []
    return entries


ENTRIES = example_entries()


def test_lists_every_setting_of_the_registry_once_in_its_order() -> None:
    assert [name for name, *_ in ENTRIES] == [setting.name for setting in SETTINGS]


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_each_setting_shows_its_default_and_what_it_does(setting: Setting) -> None:
    [(_, value, commented, comment)] = [e for e in ENTRIES if e[0] == setting.name]
    assert value == setting.default
    assert comment, f"{setting.name} has no comment"
    # Only what must be filled in is active; the rest stay commented out so a deployment's
    # own values (the image's SANCTUARY_KNOWLEDGE, the unit's Environment=) are not
    # overridden by an empty line copied from here.
    assert commented is not setting.required
    if setting.secret:
        assert value == ""


def test_the_example_file_as_shipped_configures_nothing_but_the_defaults() -> None:
    environ = {name: value for name, value, commented, _ in ENTRIES if not commented}
    defaults = Settings.from_env(environ, require_token=False)
    assert defaults == Settings.from_env({}, require_token=False)


def setting_like_names_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and SETTING_LIKE.fullmatch(node.value)
    }


def test_every_variable_the_code_reads_is_in_the_registry() -> None:
    known = {setting.name for setting in SETTINGS}
    for path in sorted((REPO / "bot").rglob("*.py")):
        unknown = setting_like_names_in(path) - known
        assert not unknown, f"{path.relative_to(REPO)} reads {sorted(unknown)}, not in SETTINGS"


def names_read_in_settings() -> set[str]:
    """Names passed to a call in bot/settings.py other than a registry entry `Setting(...)`."""
    tree = ast.parse((REPO / "bot" / "settings.py").read_text())
    return {
        arg.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and not (isinstance(node.func, ast.Name) and node.func.id == "Setting")
        for arg in node.args
        if isinstance(arg, ast.Constant)
        and isinstance(arg.value, str)
        and SETTING_LIKE.fullmatch(arg.value)
    }


def test_every_registry_setting_is_read_by_the_code() -> None:
    used = names_read_in_settings()
    for path in (REPO / "bot").rglob("*.py"):
        if path.name != "settings.py":
            used |= setting_like_names_in(path)
    assert {setting.name for setting in SETTINGS} <= used
