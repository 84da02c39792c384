"""`sanctuary-bot validate`: everything the loader checks, plus checks against the world.

The verbatim check needs the articles' plain text, and the staleness warning needs
today's date; neither belongs in the loader, which must give the same answer every run.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from bot.knowledge.loader import Loaded, Problem, check_knowledge
from bot.knowledge.model import Jurisdiction, PartialDate, Quote
from bot.knowledge.paths import add_path_argument, default_knowledge_dir, shown
from bot.settings import whole_number

_TYPOGRAPHIC = str.maketrans(
    {"’": "'", "‘": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
)


def validate(
    path: Path, texts_dir: Path | None = None, stale_years: int = 3, today: dt.date | None = None
) -> list[Problem]:
    """Every problem in the knowledge base at `path`, errors and warnings, in file order."""
    return _check(path, texts_dir, stale_years, today)[1]


def _check(
    path: Path, texts_dir: Path | None, stale_years: int, today: dt.date | None
) -> tuple[Loaded, list[Problem]]:
    loaded = check_knowledge(path)
    problems = list(loaded.problems)
    if texts_dir is not None:
        problems += check_verbatim(loaded, Path(texts_dir))
    problems += check_stale(loaded, stale_years, today or dt.date.today())
    return loaded, sorted(problems, key=Problem.sort_key)


def normalise(text: str) -> str:
    """Straight quotes and single spaces, so only the words and punctuation are compared."""
    return " ".join(text.translate(_TYPOGRAPHIC).split())


def check_verbatim(loaded: Loaded, texts_dir: Path) -> list[Problem]:
    """Every quote must appear, as written, in its source's text file in `texts_dir`."""
    kb = loaded.knowledge
    if not texts_dir.is_dir():
        return [Problem(".", 0, f"texts folder not found: {texts_dir}")]
    problems: list[Problem] = []
    texts: dict[str, str | None] = {}
    for sid, source in kb.sources.items():
        file, line = loaded.where(source)
        if source.text_file is None:
            texts[sid] = None
            continue
        try:
            texts[sid] = normalise((texts_dir / source.text_file).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            texts[sid] = None
            why = "not found" if isinstance(error, FileNotFoundError) else "unreadable"
            message = f"source '{sid}': text_file '{source.text_file}' {why} in {texts_dir}"
            problems.append(Problem(file, line, message))
    unchecked: dict[str, int] = {}
    for quote in loaded.quotes:
        text = texts.get(quote.source)
        if text is None:
            unchecked[quote.source] = unchecked.get(quote.source, 0) + 1
        elif normalise(quote.text) not in text:
            file, line = loaded.where(quote)
            problems.append(Problem(file, line, _not_verbatim(quote, text)))
    for sid, count in unchecked.items():
        if sid in kb.sources and kb.sources[sid].text_file is None:
            file, line = loaded.where(kb.sources[sid])
            message = f"source '{sid}' has no text_file: its {count} quote(s) were not checked"
            problems.append(Problem(file, line, message, "warning"))
    return problems


def _not_verbatim(quote: Quote, text: str) -> str:
    """Say where the quote stops matching its article, so the fix is quick to find."""
    words = normalise(quote.text).split(" ")
    matched = 0
    while matched < len(words) and " ".join(words[: matched + 1]) in text:
        matched += 1
    where = (
        f"it matches up to '{' '.join(words[max(0, matched - 6) : matched])}'"
        if matched
        else "not even its first word is there"
    )
    return (
        f"quote is not verbatim in source '{quote.source}': {where}; "
        "copy it exactly from the article"
    )


def check_stale(loaded: Loaded, stale_years: int, today: dt.date) -> list[Problem]:
    """Warn about places whose newest information is older than `stale_years`."""
    try:
        cutoff = today.replace(year=today.year - stale_years)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - stale_years, day=28)
    problems = []
    for jurisdiction in loaded.knowledge.jurisdictions.values():
        newest = _newest(jurisdiction, loaded)
        if newest.last_day() < cutoff:
            file, line = loaded.where(jurisdiction)
            message = (
                f"information dates from {newest.iso()}, more than {stale_years} years ago: "
                "check for news and add a newer dated quote or fact, and update as_of"
            )
            problems.append(Problem(file, line, message, "warning"))
    return problems


def _newest(jurisdiction: Jurisdiction, loaded: Loaded) -> PartialDate:
    sources = loaded.knowledge.sources
    dates = [jurisdiction.newest_date]
    dates += [sources[s].date for s in jurisdiction.source_ids if s in sources]
    return max(dates, key=PartialDate.last_day)


def summary(problems: list[Problem], loaded_counts: dict[str, int]) -> str:
    """'knowledge OK: 5 sources, …' or '2 errors, 1 warning'."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    tail = f", {_plural(warnings, 'warning')}" if warnings else ""
    if errors:
        return f"{_plural(errors, 'error')}{tail}"
    counts = ", ".join(_plural(n, what) for what, n in loaded_counts.items())
    return f"knowledge OK: {counts}{tail}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def add_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check the knowledge base and report every problem",
        description="Check the knowledge YAML; print each problem as file:line: message.",
    )
    add_path_argument(parser)
    parser.add_argument(
        "--texts",
        type=Path,
        metavar="DIR",
        help="folder of the sources' text files: check every quote is verbatim",
    )
    parser.add_argument(
        "--stale-years",
        type=whole_number(0, 100),
        default=3,
        metavar="N",
        help="warn about places with nothing newer than N years (default 3)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print every problem, then a one-line summary; exit 1 on any error."""
    root = args.path or default_knowledge_dir()
    loaded, problems = _check(root, args.texts, args.stale_years, None)
    for problem in problems:
        print(problem.format(shown(root / problem.file)))
    kb = loaded.knowledge
    quotes = sum(len(j.quotes) for j in kb.jurisdictions.values())
    quotes += sum(len(t.quotes) for t in kb.topics.values())
    counts = {
        "source": len(kb.sources),
        "jurisdiction": len(kb.jurisdictions),
        "topic": len(kb.topics),
        "quote": quotes,
    }
    if events := sum(len(j.events) for j in kb.jurisdictions.values()):
        counts["event"] = events
    print(summary(problems, counts))
    return 1 if any(p.severity == "error" for p in problems) else 0
