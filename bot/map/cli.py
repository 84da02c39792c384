"""`sanctuary-bot map [STATE] --out FILE.png|FILE.svg`: the /map picture, on disk."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.knowledge.loader import KnowledgeError, load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.paths import default_knowledge_dir


def add_command(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "map",
        help="draw the stance map as PNG or SVG",
        description="Draw the map /map sends: the whole country, or one state.",
    )
    parser.add_argument("state", nargs="*", metavar="STATE",
                        help="a state, by name (English or Spanish) or code")  # fmt: skip
    parser.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="FILE.png or FILE.svg")  # fmt: skip
    parser.add_argument("--lang", choices=("en", "es"), default="en")
    parser.add_argument("--knowledge", type=Path, metavar="DIR",
                        help="knowledge directory (default: the bundled one)")  # fmt: skip
    parser.set_defaults(handler=run)


def load_or_report(directory: Path | None) -> KnowledgeBase | None:
    """The knowledge base, or None after printing why it does not load."""
    try:
        return load_knowledge(directory or default_knowledge_dir())
    except KnowledgeError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print("the knowledge base does not load; run `sanctuary-bot validate`", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    from bot.map.cache import MapCache
    from bot.map.request import find_state

    suffix = args.out.suffix.lower()
    if suffix not in (".png", ".svg"):
        print("--out must end in .png or .svg", file=sys.stderr)
        return 2
    name = " ".join(args.state)
    state = find_state(name) if name else None
    if name and state is None:
        print(f"not a US state: {name}", file=sys.stderr)
        return 2
    knowledge = load_or_report(args.knowledge)
    if knowledge is None:
        return 1
    data = MapCache().get(knowledge, state, args.lang, "png" if suffix == ".png" else "svg")
    try:
        args.out.write_bytes(data)
    except OSError as error:
        print(f"cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 1
    return 0
