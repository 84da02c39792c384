"""The packages import in one direction only: knowledge <- understanding <- answer <- engine
<- transports (docs/architecture.md). A change deep in the pipeline never needs the Telegram
layer, and the Telegram layer can be replaced without touching the answers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[1] / "bot"
# What each layer may import from bot/ (besides itself); bot/settings.py, the registry of
# settings, sits below them all.
ALLOWED = {
    "knowledge": {"settings"},
    "understanding": {"settings", "knowledge"},
    "answer": {"settings", "knowledge", "understanding"},
    "engine": {"settings", "knowledge", "understanding", "answer", "conversation"},
    "conversation": {"settings", "knowledge", "understanding", "answer"},
}


def layer(path: Path) -> str:
    return path.relative_to(BOT).parts[0].removesuffix(".py")


def bot_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    return {name.split(".")[1] for name in names if name.startswith("bot.")}


@pytest.mark.parametrize("path", sorted(p for p in BOT.rglob("*.py") if layer(p) in ALLOWED))
def test_a_module_imports_only_the_layers_below_it(path: Path) -> None:
    own = layer(path)
    assert bot_imports(path) - {own} <= ALLOWED[own], path.relative_to(BOT)
