"""`sanctuary-bot site OUT_DIR`: write the static website of the knowledge base."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_command(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "site",
        help="write the knowledge base as a static website",
        description="Write a static website (English and Spanish) of the whole knowledge base "
        "into OUT_DIR: the map, a page per place and per topic, and the sources.",
    )
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("--knowledge", type=Path, metavar="DIR",
                        help="knowledge directory (default: the bundled one)")  # fmt: skip
    parser.add_argument("--clean", action="store_true",
                        help="empty OUT_DIR first (pages of removed places disappear)")  # fmt: skip
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.map.cli import load_or_report
    from bot.site.build import build_site

    knowledge = load_or_report(args.knowledge)
    if knowledge is None:
        return 1
    try:
        written = build_site(knowledge, args.out, clean=args.clean)
    except OSError as error:
        print(f"cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 1
    print(f"{len(written)} files written to {args.out}")
    return 0
