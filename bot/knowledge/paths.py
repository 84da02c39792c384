"""Where the knowledge base lives unless a command is told otherwise."""

from __future__ import annotations

import argparse
from pathlib import Path

ENV_VAR = "SANCTUARY_KNOWLEDGE"


def default_knowledge_dir() -> Path:
    """$SANCTUARY_KNOWLEDGE if set (in the environment or `.env`, as `run` reads it), else
    the repo's knowledge/ beside bot/."""
    from bot.settings import read_environment

    configured = read_environment().get(ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    beside_package = Path(__file__).resolve().parents[2] / "knowledge"
    if beside_package.is_dir():  # a source checkout or an editable install
        return beside_package
    return Path.cwd() / "knowledge"  # an installed copy run from the repository


def add_path_argument(parser: argparse.ArgumentParser) -> None:
    """The optional PATH of the knowledge commands."""
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        metavar="PATH",
        help=f"knowledge directory (default: ${ENV_VAR} or knowledge/)",
    )


def shown(path: Path) -> str:
    """`path` relative to the current directory when it is inside it, for short messages."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
