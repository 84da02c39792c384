"""How long the map and the site take: first render in a fresh process, cached sends, sizes.

    python benchmarks/bench_map.py [--runs N]

Prints figures; it asserts nothing (the issue's budget is a first render under 1 s on a
2-core machine and a PNG under 300 KB).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COLD = """
import time
start = time.perf_counter()
from bot.knowledge.loader import load_knowledge
from bot.knowledge.paths import default_knowledge_dir
knowledge = load_knowledge(default_knowledge_dir())
loaded = time.perf_counter()
from bot.map.cache import MapCache
png = MapCache().get(knowledge, None, "en")
done = time.perf_counter()
print(f"{loaded - start:.3f} {done - loaded:.3f} {len(png)}")
"""


def cold_render(runs: int) -> None:
    """A fresh interpreter per run: imports, outlines, city points, drawing, rasterising."""
    renders, sizes = [], []
    for _ in range(runs):
        out = subprocess.run(  # noqa: S603 - our own interpreter and snippet
            [sys.executable, "-c", COLD], capture_output=True, text=True, check=True
        ).stdout.split()
        renders.append(float(out[1]))
        sizes.append(int(out[2]))
    print(f"first render (fresh process, knowledge already loaded): "
          f"median {statistics.median(renders) * 1000:.0f} ms, "
          f"max {max(renders) * 1000:.0f} ms over {runs} runs")  # fmt: skip
    print(f"PNG size: {sizes[0] / 1024:.0f} KB")


def warm(runs: int) -> None:
    from bot.knowledge.loader import load_knowledge
    from bot.knowledge.paths import default_knowledge_dir
    from bot.map.cache import MapCache, rasterise
    from bot.map.render import draw_map
    from bot.site.build import build_site

    knowledge = load_knowledge(default_knowledge_dir())
    draw_map(knowledge)  # outlines and city points loaded once per process
    for state in (None, "CA", "TX"):
        draws, rasters = [], []
        for _ in range(runs):
            start = time.perf_counter()
            svg = draw_map(knowledge, state=state).svg
            drawn = time.perf_counter()
            png = rasterise(svg)
            rasters.append(time.perf_counter() - drawn)
            draws.append(drawn - start)
        print(f"{state or 'US'}: SVG {statistics.median(draws) * 1000:.0f} ms "
              f"({len(svg) / 1024:.0f} KB), PNG {statistics.median(rasters) * 1000:.0f} ms "
              f"({len(png) / 1024:.0f} KB)")  # fmt: skip
    cache = MapCache()
    cache.get(knowledge, None, "en")
    start = time.perf_counter()
    for _ in range(1000):
        cache.get(knowledge, None, "en")
    print(f"cached get: {(time.perf_counter() - start) * 1000:.3f} µs per call")
    with tempfile.TemporaryDirectory() as directory:
        start = time.perf_counter()
        written = build_site(knowledge, Path(directory))
        print(f"site: {len(written)} files in {(time.perf_counter() - start) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench_map.py", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cold_render(args.runs)
    warm(args.runs)


if __name__ == "__main__":
    main()
