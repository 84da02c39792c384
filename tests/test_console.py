"""`sanctuary-bot ask` and `chat`: the console transports, driven as a user would."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from bot.cli import main


def run(argv: list[str], capsys, monkeypatch, stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_prints_the_plain_text_answer(capsys, monkeypatch) -> None:
    code, out, _ = run(["ask", "Is", "Denver", "a", "sanctuary", "city?"], capsys, monkeypatch)
    assert code == 0
    assert out.startswith("Partly — as of")
    assert "Michael Hancock, Mayor of Denver" in out
    assert "Policies may have changed since" in out
    assert "<b>" not in out


def test_ask_json_is_one_object(capsys, monkeypatch) -> None:
    code, out, _ = run(["ask", "--json", "¿Es Houston una ciudad santuario?"], capsys, monkeypatch)
    data = json.loads(out)
    assert code == 0
    # Houston is not in the sources; Texas is, and its law speaks for every Texas city.
    assert data["kind"] == "answer" and data["language"] == "es"
    assert data["places"][0]["id"] == "texas" and data["places"][0]["stance"] == "bans_sanctuary"
    assert data["text"].startswith("Houston en sí no aparece en mis fuentes.")
    assert data["places"][1:] == [
        {
            "id": None,
            "name": "Houston",
            "type": "city",
            "state": "TX",
            "stance": None,
            "as_of": None,
        }
    ]


def test_ask_lang_forces_the_language(capsys, monkeypatch) -> None:
    _, out, _ = run(
        ["ask", "--json", "--lang", "es", "Is Denver a sanctuary city?"], capsys, monkeypatch
    )
    data = json.loads(out)
    assert data["language"] == "es" and data["text"].startswith("En parte — el")


def test_ask_reads_one_question_per_line_in_order(capsys, monkeypatch) -> None:
    stdin = (
        "Is Denver a sanctuary city?\n\nWhat is a sanctuary city?\n"
        "¿Es Houston una ciudad santuario?\n¿Es Boise una ciudad santuario?\n"
    )
    code, out, _ = run(["ask", "--json"], capsys, monkeypatch, stdin=stdin)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(d["question"], d["kind"]) for d in lines] == [
        ("Is Denver a sanctuary city?", "answer"),
        ("", "not_understood"),
        ("What is a sanctuary city?", "topic"),
        ("¿Es Houston una ciudad santuario?", "answer"),
        ("¿Es Boise una ciudad santuario?", "not_covered"),
    ]


def test_ask_survives_huge_and_odd_input(capsys, monkeypatch) -> None:
    huge = "Denver " * 2000
    stdin = f"{huge}\n🙂🙂🙂\n<script>alert(1)</script>\n\x00\x1b[31m\n"
    code, out, _ = run(["ask", "--json"], capsys, monkeypatch, stdin=stdin)
    kinds = [json.loads(line)["kind"] for line in out.splitlines()]
    assert code == 0
    assert kinds == ["answer", "not_understood", "not_understood", "not_understood"]


def test_ask_with_a_broken_knowledge_base_reports_file_and_line(tmp_path, capsys, monkeypatch):
    (tmp_path / "jurisdictions").mkdir()
    (tmp_path / "sources.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    (tmp_path / "topics.yaml").write_text("[]\n", encoding="utf-8")
    code, out, err = run(["ask", "--knowledge", str(tmp_path), "hi"], capsys, monkeypatch)
    assert code == 1 and out == ""
    assert "sources.yaml:" in err


@pytest.mark.parametrize("argv", [["chat"], ["chat", "--lang", "es"]])
def test_chat_answers_until_end_of_input(argv, capsys, monkeypatch) -> None:
    stdin = "Is Denver a sanctuary city?\nquit\n"
    code, out, _ = run(argv, capsys, monkeypatch, stdin=stdin)
    assert code == 0
    assert "Denver" in out and ("Partly — as of" in out or "En parte — el" in out)


def test_chat_runs_as_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input="hola\n¿Es Denver una ciudad santuario?\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "En parte — el" in done.stdout and "Michael Hancock" in done.stdout
    assert done.stderr == ""
