"""The benchmark scripts still start: their imports reach into bot/ and tests/ helpers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize("script", ["bench_engine.py", "bench_telegram.py", "bench_faults.py"])
def test_benchmark_script_starts(script: str) -> None:
    done = subprocess.run(  # noqa: S603 - our own script, a fixed argument list
        [sys.executable, str(BENCHMARKS / script), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: {script}")
