"""`sanctuary-bot map` and `sanctuary-bot site` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


def test_map_writes_png_and_svg(tmp_path: Path) -> None:
    assert main(["map", "--out", str(tmp_path / "us.png")]) == 0
    assert (tmp_path / "us.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["map", "Nueva", "York", "--lang", "es", "--out", str(tmp_path / "ny.svg")]) == 0
    svg = (tmp_path / "ny.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Políticas santuario en" in svg


@pytest.mark.parametrize(
    ("args", "message"),
    [(["map", "--out", "x.gif"], "--out must end in .png or .svg"),
     (["map", "Narnia", "--out", "x.png"], "not a US state: Narnia")],
)  # fmt: skip
def test_map_refuses_bad_arguments(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = [a if a != "x.png" else str(tmp_path / a) for a in args]
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_site_writes_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "public"
    (out / "en" / "places").mkdir(parents=True)
    (out / "en" / "places" / "gone.html").write_text("old", encoding="utf-8")
    assert main(["site", str(out), "--clean"]) == 0
    assert (out / "index.html").is_file() and (out / "es" / "index.html").is_file()
    assert not (out / "en" / "places" / "gone.html").exists()
    assert "files written" in capsys.readouterr().out
