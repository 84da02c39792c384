"""Anonymous statistics: gaps, not people."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.answer.action import Action, Verb
from bot.answer.model import Answer, Choice, Kind, PlaceRef
from bot.cli import main
from bot.stats import StatsRecorder, StatsReport, format_report

SECRET = "MY SECRET QUESTION 12345"
DAY = date(2025, 3, 14)


def place(id_: str | None, name: str, state: str | None = "CO", type_: str = "city") -> PlaceRef:
    return PlaceRef(id=id_, name=name, type=type_, state=state, stance=None, as_of=None)


DENVER = place("denver", "Denver")
CHICAGO = place("chicago", "Chicago", "IL")
BOISE = place(None, "Boise", "ID")
PORTLAND_ME = place(None, "Portland", "ME")


def answer(
    kind: Kind,
    *places: PlaceRef,
    topic: str | None = None,
    question: str = SECRET,
) -> Answer:
    """An answer that carries the user's words everywhere an answer can carry text."""
    return Answer(
        question=question,
        kind=kind,
        language="en",
        bottom_line=f"You asked: {question}",
        places=places,
        topic=topic,
        details=(question,),
        caveats=(question,),
        examples=(question,),
        choices=(Choice(label=question, action=Action(Verb.ASK, question)),),
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "stats.sqlite"


@pytest.fixture
def recorder(db_path: Path) -> Iterator[StatsRecorder]:
    with StatsRecorder.open(db_path) as opened:
        yield opened


def all_rows(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT day, metric, name, state, n FROM counts").fetchall()
    finally:
        connection.close()


def record_conversation(recorder: StatsRecorder) -> None:
    recorder.record(answer(Kind.ANSWER, DENVER), DAY)
    recorder.record(answer(Kind.ANSWER, DENVER, CHICAGO), DAY)
    recorder.record(answer(Kind.NOT_COVERED, BOISE), DAY)
    recorder.record(answer(Kind.TOPIC, topic="what-is-sanctuary-city"), DAY)
    recorder.record(answer(Kind.NOT_UNDERSTOOD), DAY)
    recorder.record(answer(Kind.NOT_UNDERSTOOD, question="asdf qwer"), DAY)


# --- privacy ------------------------------------------------------------------------


def test_file_holds_counts_and_never_the_users_words(db_path: Path) -> None:
    with StatsRecorder.open(db_path) as recorder:
        record_conversation(recorder)
        # An engine bug that put the user's words where a gazetteer name belongs:
        recorder.record(answer(Kind.NOT_COVERED, place(None, SECRET, "TX")), DAY)
        recorder.record(answer(Kind.ANSWER, place(SECRET, "Nowhere")), DAY)
        recorder.record(answer(Kind.TOPIC, topic=SECRET), DAY)

    stored = b"".join(p.read_bytes() for p in db_path.parent.iterdir())
    assert b"Boise" in stored  # the scan sees what the file stores...
    for secret in (SECRET, "SECRET", "12345", "asdf qwer", "You asked"):
        assert secret.encode() not in stored  # ...and the user's words are not there

    assert sorted(all_rows(db_path)) == sorted(
        [
            ("2025-03-14", "kind", "answer", "", 3),
            ("2025-03-14", "kind", "not_covered", "", 2),
            ("2025-03-14", "kind", "topic", "", 2),
            ("2025-03-14", "kind", "not_understood", "", 2),
            ("2025-03-14", "place", "denver", "", 2),
            ("2025-03-14", "place", "chicago", "", 1),
            ("2025-03-14", "uncovered", "Boise", "ID", 1),
            ("2025-03-14", "topic", "what-is-sanctuary-city", "", 1),
        ]
    )


def test_schema_has_one_table_of_day_counts_and_no_time(db_path: Path) -> None:
    StatsRecorder.open(db_path).close()
    connection = sqlite3.connect(db_path)
    try:
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        assert [name for (name,) in tables] == ["counts"]
        columns = [row[1] for row in connection.execute("PRAGMA table_info(counts)")]
    finally:
        connection.close()
    assert columns == ["day", "metric", "name", "state", "n"]


def test_day_is_the_utc_date_and_nothing_finer(recorder: StatsRecorder, db_path: Path) -> None:
    before = datetime.now(UTC).date().isoformat()
    recorder.record(answer(Kind.HELP))
    after = datetime.now(UTC).date().isoformat()
    [(day, *_)] = all_rows(db_path)
    assert day in {before, after}
    assert len(day) == 10


@pytest.mark.parametrize(
    "name",
    [
        "x" * 61,  # longer than any gazetteer name
        "where can i get help in this city",  # a sentence, not a name
        "@someone",
        "Springfield 62701",
        "Tulsa\nhello",
    ],
)
def test_text_that_is_not_a_place_name_is_dropped(
    recorder: StatsRecorder, db_path: Path, name: str
) -> None:
    recorder.record(answer(Kind.NOT_COVERED, place(None, name, "OK")), DAY)
    assert [row[1] for row in all_rows(db_path)] == ["kind"]


@pytest.mark.parametrize("name", ["St. Louis", "Coeur d'Alene", "Cañon City", "Winston-Salem"])
def test_real_place_names_are_kept(recorder: StatsRecorder, name: str) -> None:
    recorder.record(answer(Kind.NOT_COVERED, place(None, name, "MO")), DAY)
    assert recorder.report(today=DAY).uncovered_places == ((name, "MO", 1),)


def test_new_file_is_private_to_its_owner(db_path: Path) -> None:
    StatsRecorder.open(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) & 0o077 == 0


# --- what counts ----------------------------------------------------------------------


def test_only_places_the_user_asked_about_count(recorder: StatsRecorder) -> None:
    recorder.record(answer(Kind.CLARIFY, DENVER, place("portland", "Portland", "OR")), DAY)
    recorder.record(answer(Kind.LIST, DENVER, CHICAGO), DAY)
    recorder.record(answer(Kind.ANSWER, DENVER, DENVER), DAY)  # once per answer
    report = recorder.report(today=DAY)
    assert report.covered_places == (("denver", 1),)
    assert report.by_kind == {"clarify": 1, "list": 1, "answer": 1}


def test_uncovered_place_without_state(recorder: StatsRecorder) -> None:
    recorder.record(answer(Kind.NOT_COVERED, place(None, "Puerto Rico", None, "state")), DAY)
    assert recorder.report(today=DAY).uncovered_places == (("Puerto Rico", None, 1),)


async def test_record_from_a_worker_thread(recorder: StatsRecorder) -> None:
    await asyncio.to_thread(recorder.record, answer(Kind.ANSWER, DENVER), DAY)
    assert recorder.report(today=DAY).covered_places == (("denver", 1),)


# --- report -------------------------------------------------------------------------


def test_report_sums_days_in_the_window_most_frequent_first(recorder: StatsRecorder) -> None:
    for _ in range(3):
        recorder.record(answer(Kind.NOT_COVERED, PORTLAND_ME), date(2025, 3, 1))
    recorder.record(answer(Kind.NOT_COVERED, BOISE), date(2025, 3, 1))
    recorder.record(answer(Kind.NOT_COVERED, BOISE), date(2025, 3, 14))
    recorder.record(answer(Kind.NOT_COVERED, BOISE), date(2025, 2, 12))  # before the window
    recorder.record(answer(Kind.NOT_COVERED, BOISE), date(2025, 3, 15))  # after it
    recorder.record(answer(Kind.NOT_UNDERSTOOD), date(2025, 3, 10))

    report = recorder.report(days=30, today=DAY)

    assert (report.start, report.end, report.days) == (date(2025, 2, 13), DAY, 30)
    assert report.uncovered_places == (("Portland", "ME", 3), ("Boise", "ID", 2))
    assert report.by_kind == {"not_covered": 5, "not_understood": 1}
    assert report.total == 6
    assert report.not_understood == 1


def test_report_top_limits_each_list(recorder: StatsRecorder) -> None:
    for name in ("Boise", "Tulsa", "Omaha"):
        recorder.record(answer(Kind.NOT_COVERED, place(None, name, "ID")), DAY)
    assert [p[0] for p in recorder.report(today=DAY, top=2).uncovered_places] == [
        "Boise",
        "Omaha",
    ]


def test_report_rejects_an_empty_window(recorder: StatsRecorder) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        recorder.report(days=0)


def full_report() -> StatsReport:
    return StatsReport(
        start=date(2025, 2, 13),
        end=DAY,
        by_kind={"answer": 5, "not_covered": 4, "not_understood": 2},
        covered_places=(("denver", 5),),
        uncovered_places=(("Portland", "ME", 3), ("Puerto Rico", None, 1)),
        topics=(),
        not_understood=2,
    )


def test_format_report_in_english() -> None:
    text = format_report(full_report())
    assert text.splitlines()[0] == "Anonymous statistics, 2025-02-13 to 2025-03-14 (30 days, UTC)"
    assert "Answers given: 11" in text
    assert (
        "What to add next (places asked about but not covered):\n"
        "  1. Portland, ME: 3\n"
        "  2. Puerto Rico: 1\n"
    ) in text
    assert "Covered places asked about most:\n  denver: 5\n" in text
    assert "Topics asked about most:\n  (none)\n" in text
    assert "  place not covered: 4" in text
    assert text.endswith("Questions not understood: 2")


def test_format_report_in_spanish() -> None:
    text = format_report(full_report(), "es")
    assert text.startswith("Estadísticas anónimas, del 2025-02-13 al 2025-03-14 (30 días, UTC)")
    assert "Qué añadir a continuación" in text
    assert "  1. Portland, ME: 3" in text
    assert "  lugar no cubierto: 4" in text
    assert text.endswith("Preguntas no entendidas: 2")


def test_format_empty_report() -> None:
    empty = StatsReport(DAY, DAY, {}, (), (), (), 0)
    assert format_report(empty).splitlines()[1] == "Nothing recorded in this period."
    assert format_report(empty, "es").splitlines()[1] == "No hay nada registrado en este periodo."


# --- sanctuary-bot stats --------------------------------------------------------------


def test_cli_prints_the_report(
    recorder: StatsRecorder, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recorder.record(answer(Kind.NOT_COVERED, BOISE))
    assert main(["stats", "--db", str(db_path), "--days", "7"]) == 0
    out = capsys.readouterr().out
    assert "(7 days, UTC)" in out
    assert "  1. Boise, ID: 1" in out


def test_cli_reads_the_path_from_the_environment(
    recorder: StatsRecorder,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    recorder.record(answer(Kind.NOT_COVERED, BOISE))
    monkeypatch.setenv("SANCTUARY_STATS", str(db_path))
    assert main(["stats", "--lang", "es"]) == 0
    assert "  1. Boise, ID: 1" in capsys.readouterr().out


def test_cli_without_a_file_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SANCTUARY_STATS", raising=False)
    assert main(["stats"]) == 2
    err = capsys.readouterr().err
    assert err == "sanctuary-bot stats: no statistics file: pass --db PATH or set SANCTUARY_STATS\n"


def test_cli_does_not_create_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.sqlite"
    assert main(["stats", "--db", str(missing)]) == 1
    assert capsys.readouterr().err == f"sanctuary-bot stats: no statistics file at {missing}\n"
    assert list(tmp_path.iterdir()) == []


def test_cli_on_a_file_that_is_not_a_statistics_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite"
    other.write_text("not a database")
    assert main(["stats", "--db", str(other)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sanctuary-bot stats: cannot read {other}: ")
    assert err.count("\n") == 1
    assert other.read_text() == "not a database"


def test_cli_rejects_a_non_positive_window(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "--days", "0"])
    assert exit_info.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


def test_every_kind_has_a_label_in_both_languages() -> None:
    from bot.answer.phrases import KIND_NAMES  # the labels the report uses

    assert set(KIND_NAMES) == set(Kind)
    for label in KIND_NAMES.values():
        assert label.en and label.es and label.en != label.es
