"""The `sanctuary-bot` command: one sub-command per job, each implemented in its own module."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from bot import __version__, console, stats
from bot.knowledge import export, validate
from bot.map import cli as map_cli  # map-site
from bot.output import write_errors_to_one_line
from bot.site import cli as site_cli  # map-site
from bot.telegram import cli as telegram_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sanctuary-bot",
        description="Sourced, dated answers about US sanctuary-city policies.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    # Each module adds its own sub-commands: parsers and handlers live next to the code they
    # run, and heavy imports (python-telegram-bot) happen only when their command runs.
    validate.add_command(commands)
    export.add_command(commands)
    console.add_commands(commands)
    telegram_cli.add_command(commands)
    stats.add_command(commands)
    map_cli.add_command(commands)  # map-site: sanctuary-bot map
    site_cli.add_command(commands)  # map-site: sanctuary-bot site
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return write_errors_to_one_line(lambda: int(args.handler(args) or 0))
    except KeyboardInterrupt:
        return 130
