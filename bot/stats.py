"""Gaps, not people: optional anonymous statistics for maintainers.

Off by default; `SANCTUARY_STATS=PATH` turns it on. Per UTC day, the file counts answers by
kind, each covered place asked about (its jurisdiction id), each recognised place the data
lacks (its name and state as the gazetteer spells it), each topic, and questions not
understood. It never holds message text, user or chat ids, or any time finer than a day.

`sanctuary-bot stats [--db PATH] [--days N]` prints what to add next.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.answer.model import Answer, Kind
from bot.answer.phrases import KIND_NAMES, lookup
from bot.knowledge.model import Localized

STATS_ENV = "SANCTUARY_STATS"

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS counts (
    day    TEXT NOT NULL,              -- YYYY-MM-DD, UTC; never a time
    metric TEXT NOT NULL,              -- kind | place | uncovered | topic
    name   TEXT NOT NULL,              -- a kind, jurisdiction id, gazetteer name or topic id
    state  TEXT NOT NULL DEFAULT '',   -- two-letter state of an uncovered place, else ''
    n      INTEGER NOT NULL,
    PRIMARY KEY (day, metric, name, state)
) WITHOUT ROWID;
"""
_UPSERT = """
INSERT INTO counts (day, metric, name, state, n) VALUES (?, ?, ?, ?, 1)
ON CONFLICT (day, metric, name, state) DO UPDATE SET n = n + 1
"""

# The places in these answers are the ones the user asked about; a clarification's
# candidates and a list's entries are not.
_ASKED_KINDS = frozenset({Kind.ANSWER, Kind.NOT_COVERED})
_KINDS = frozenset(Kind)

# Defence in depth: whatever reaches the file must look like an id or a gazetteer name, so
# a bug upstream cannot turn a user's words into a row.
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_STATE = re.compile(r"[A-Z]{2}")
_NAME_MAX = 60
_NAME_WORDS_MAX = 6
_NAME_PUNCTUATION = frozenset(" .'’-()")


def _clean_id(value: str | None) -> str | None:
    return value if value and _ID.fullmatch(value) else None


def _clean_name(value: str) -> str | None:
    """A gazetteer place name ("St. Louis", "Coeur d'Alene", "Cañon City"), else None."""
    name = value.strip()
    if not name or len(name) > _NAME_MAX or len(name.split()) > _NAME_WORDS_MAX:
        return None
    if not all(c.isalpha() or c in _NAME_PUNCTUATION for c in name):
        return None
    return name


def _rows(answer: Answer) -> set[tuple[str, str, str]]:
    """(metric, name, state) for each count this answer adds; deduplicated."""
    rows: set[tuple[str, str, str]] = set()
    if answer.kind in _KINDS:
        rows.add(("kind", Kind(answer.kind).value, ""))
    if answer.kind in _ASKED_KINDS:
        for place in answer.places:
            if place.id is not None:
                if place_id := _clean_id(place.id):
                    rows.add(("place", place_id, ""))
            elif name := _clean_name(place.name):
                state = place.state if place.state and _STATE.fullmatch(place.state) else ""
                rows.add(("uncovered", name, state))
    if topic := _clean_id(answer.topic):
        rows.add(("topic", topic, ""))
    return rows


def _today() -> date:
    return datetime.now(UTC).date()


@dataclass(frozen=True)
class StatsReport:
    """Counts over a window of whole UTC days, most frequent first."""

    start: date
    end: date
    by_kind: dict[str, int]
    covered_places: tuple[tuple[str, int], ...]  # (jurisdiction id, count)
    uncovered_places: tuple[tuple[str, str | None, int], ...]  # (name, state, count)
    topics: tuple[tuple[str, int], ...]  # (topic id, count)
    not_understood: int

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class StatsRecorder:
    """One SQLite file of daily counts. Safe to share between threads of one process."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self.path = path

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> StatsRecorder:
        """Open (creating if needed) the statistics file; `read_only` creates nothing."""
        path = Path(path)
        if read_only:
            uri = f"{path.resolve().as_uri()}?mode=ro"
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                path.touch(mode=0o600)  # counts only, but nobody else's business
            connection = sqlite3.connect(path, check_same_thread=False)
        try:
            if not read_only:
                # The default rollback journal: a reader such as `sanctuary-bot stats` run
                # as another user then creates no -wal/-shm files the bot could not open.
                with connection:
                    connection.executescript(_SCHEMA)
                    connection.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            connection.execute("SELECT count(*) FROM counts").fetchone()
        except sqlite3.Error:
            connection.close()
            raise
        return cls(connection, path)

    def record(self, answer: Answer, day: date | None = None) -> None:
        """Count one answer given to a user: one small transaction, no text kept."""
        rows = _rows(answer)
        if not rows:
            return
        day_text = (day or _today()).isoformat()
        with self._lock, self._connection:
            self._connection.executemany(
                _UPSERT, [(day_text, metric, name, state) for metric, name, state in rows]
            )

    def report(self, days: int = 30, *, top: int = 10, today: date | None = None) -> StatsReport:
        """The last `days` UTC days up to and including `today`."""
        if days < 1:
            raise ValueError("days must be at least 1")
        end = today or _today()
        start = end - timedelta(days=days - 1)
        query = """
            SELECT name, state, SUM(n) AS total FROM counts
            WHERE metric = ? AND day BETWEEN ? AND ?
            GROUP BY name, state ORDER BY total DESC, name, state LIMIT ?
        """

        def totals(metric: str, limit: int = -1) -> list[tuple[str, str, int]]:
            cursor = self._connection.execute(
                query, (metric, start.isoformat(), end.isoformat(), limit)
            )
            return cursor.fetchall()

        with self._lock:
            by_kind = {name: total for name, _, total in totals("kind")}
            covered = tuple((name, total) for name, _, total in totals("place", top))
            uncovered = tuple(
                (name, state or None, total) for name, state, total in totals("uncovered", top)
            )
            topics = tuple((name, total) for name, _, total in totals("topic", top))
        return StatsReport(
            start=start,
            end=end,
            by_kind=by_kind,
            covered_places=covered,
            uncovered_places=uncovered,
            topics=topics,
            not_understood=by_kind.get(Kind.NOT_UNDERSTOOD.value, 0),
        )

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> StatsRecorder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# The report's wording: key -> Localized(en, es), the shape of every translated table.
_TEXT: dict[str, Localized] = {
    "title": Localized(
        "Anonymous statistics, {start} to {end} ({days} days, UTC)",
        "Estadísticas anónimas, del {start} al {end} ({days} días, UTC)",
    ),
    "empty": Localized(
        "Nothing recorded in this period.", "No hay nada registrado en este periodo."
    ),
    "total": Localized("Answers given: {total}", "Respuestas dadas: {total}"),
    "kinds": Localized("By kind:", "Por tipo:"),
    "next": Localized(
        "What to add next (places asked about but not covered):",
        "Qué añadir a continuación (lugares consultados que no están cubiertos):",
    ),
    "covered": Localized("Covered places asked about most:", "Lugares cubiertos más consultados:"),
    "topics": Localized("Topics asked about most:", "Temas más consultados:"),
    "not_understood": Localized(
        "Questions not understood: {count}", "Preguntas no entendidas: {count}"
    ),
    "none": Localized("  (none)", "  (ninguno)"),
}


def format_report(report: StatsReport, language: str = "en") -> str:
    """Plain text for a maintainer; headings in English or Spanish, names as stored."""

    def text(key: str, **values: object) -> str:
        return lookup(_TEXT, key, language, **values)

    lines = [text("title", start=report.start, end=report.end, days=report.days)]
    if report.total == 0:
        return "\n".join([*lines, text("empty")])

    lines.append(text("total", total=report.total))
    lines.append("")
    lines.append(text("next"))
    for rank, (name, state, count) in enumerate(report.uncovered_places, start=1):
        lines.append(f"  {rank}. {name}{', ' + state if state else ''}: {count}")
    if not report.uncovered_places:
        lines.append(text("none"))

    sections = ((text("covered"), report.covered_places), (text("topics"), report.topics))
    for heading, counts in sections:
        lines.append("")
        lines.append(heading)
        lines.extend(f"  {name}: {count}" for name, count in counts)
        if not counts:
            lines.append(text("none"))

    lines.append("")
    lines.append(text("kinds"))
    order = {kind.value: i for i, kind in enumerate(Kind)}
    for kind, count in sorted(report.by_kind.items(), key=lambda item: order.get(item[0], 99)):
        label = lookup(KIND_NAMES, Kind(kind), language) if kind in _KINDS else kind
        lines.append(f"  {label}: {count}")
    lines.append("")
    lines.append(text("not_understood", count=report.not_understood))
    return "\n".join(lines)


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "stats",
        help="print the anonymous statistics: what users ask about that the data lacks",
        description="Print the anonymous statistics the bot keeps when SANCTUARY_STATS is set.",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=f"the statistics file (default: ${STATS_ENV})",
    )
    parser.add_argument(
        "--days", type=_positive_int, default=30, metavar="N", help="last N days (default 30)"
    )
    parser.add_argument(
        "--top", type=_positive_int, default=10, metavar="N", help="N per list (default 10)"
    )
    parser.add_argument(
        "--lang", choices=("en", "es"), default="en", help="language of the headings"
    )
    parser.set_defaults(handler=run_command)


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def run_command(args: argparse.Namespace) -> int:
    from bot.settings import read_environment  # the environment, then ./.env, like `run`

    configured = read_environment().get(STATS_ENV, "").strip()
    path = args.db or (Path(configured).expanduser() if configured else None)
    if path is None:
        message = f"no statistics file: pass --db PATH or set {STATS_ENV}"
        print(f"sanctuary-bot stats: {message}", file=sys.stderr)
        return 2
    if not path.is_file():
        print(f"sanctuary-bot stats: no statistics file at {path}", file=sys.stderr)
        return 1
    try:
        with StatsRecorder.open(path, read_only=True) as recorder:
            report = recorder.report(days=args.days, top=args.top)
    except sqlite3.Error as error:
        print(f"sanctuary-bot stats: cannot read {path}: {error}", file=sys.stderr)
        return 1
    print(format_report(report, args.lang))
    return 0
