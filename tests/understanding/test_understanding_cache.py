"""The derived-data cache: reused when present, rebuilt when absent, harmless when unwritable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.understanding import cache


@pytest.fixture
def calls() -> list[int]:
    return []


def build(calls: list[int]):
    def make() -> list[str]:
        calls.append(1)
        return ["denver", "chicago"]

    return make


def test_second_call_reads_the_file(tmp_path: Path, monkeypatch, calls) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cached("words", "pyyaml", build(calls)) == ["denver", "chicago"]
    assert cache.cached("words", "pyyaml", build(calls)) == ["denver", "chicago"]
    assert len(calls) == 1
    assert [p.name for p in (tmp_path / "sanctuary-bot").iterdir()] == [
        f"words-{cache.version('pyyaml')}-v{cache.FORMAT}.json"
    ]


def test_a_corrupt_file_is_rebuilt(tmp_path: Path, monkeypatch, calls) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache.cached("words", "pyyaml", build(calls))
    next((tmp_path / "sanctuary-bot").iterdir()).write_text("{half", encoding="utf-8")
    assert cache.cached("words", "pyyaml", build(calls)) == ["denver", "chicago"]
    assert len(calls) == 2


def test_an_unwritable_cache_still_answers(tmp_path: Path, monkeypatch, calls) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cache.cached("words", "pyyaml", build(calls)) == ["denver", "chicago"]
    assert cache.cached("words", "pyyaml", build(calls)) == ["denver", "chicago"]
    assert len(calls) == 2
