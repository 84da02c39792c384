"""Benchmark the answer engine: accuracy, latency, start-up, memory, scaling and peers.

    .venv/bin/python benchmarks/bench_engine.py [--quick] [--embeddings]

Not a test: it prints a report (figures and how to read them: benchmarks/README.md).
Accuracy is judged by the rule the tests use (tests/table_check.py). The peers are in
benchmarks/peers.py; the embedding peer runs in its own venv (EMBED_PYTHON, default
/tmp/embvenv/bin/python) and is skipped with a reason when that is not usable.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from peers import CASES, REPO, DifflibPeer, Prediction, embedding_results
from question_table_aspects import ASPECT_CASES
from table_check import aspect_problems, judge, labels

from bot.engine import Engine
from bot.knowledge import model
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.understanding.gazetteer import Gazetteer, Place, load_gazetteer
from bot.understanding.text import fold

KNOWLEDGE = REPO / "knowledge"
DEFAULT_EMBED_PYTHON = "/tmp/embvenv/bin/python"  # noqa: S108 (where the README builds it)
EMBED_PYTHON = os.environ.get("EMBED_PYTHON", DEFAULT_EMBED_PYTHON)
SYNTHETIC = 3000
P99_TARGET_MS, STARTUP_TARGET_S = 1.0, 0.5
FIRST = ("Alex", "Maria", "James", "Linda", "Carlos", "Grace", "Omar", "Ruth")
LAST = ("Carter", "Nguyen", "Lopez", "Brennan", "Okafor", "Schultz", "Rivera", "Park")


@dataclass
class Score:
    correct: int = 0
    places_ok: int = 0  # place cases (answer / not_covered) whose places are exactly right
    wrong: list[str] = field(default_factory=list)
    false_covered: list[str] = field(default_factory=list)  # look-alikes given a covered place

    def line(self, total: int, places_total: int) -> str:
        return (f"{self.correct}/{total} ({self.correct / total:.1%}); places "
                f"{self.places_ok}/{places_total}; false covered look-alikes "
                f"{len(self.false_covered)}")  # fmt: skip


PLACE_KINDS = ("answer", "not_covered")
PLACE_CASES = [c for c in CASES if c.kind in PLACE_KINDS]
LOOK_ALIKES = sum(c.kind == "not_covered" for c in CASES)


def score_engine(engine: Engine) -> Score:
    score = Score()
    for case in CASES:
        answer = engine.answer(case.question)
        if judge(answer, case, engine.knowledge):
            score.correct += 1
        else:
            score.wrong.append(f"{case.question!r}: {answer.kind} {labels(answer)}")
        score.places_ok += case.kind in PLACE_KINDS and labels(answer) == list(case.places)
        if case.kind == "not_covered" and any(p.id is not None for p in answer.places):
            score.false_covered.append(f"{case.question!r} -> {labels(answer)}")
    return score


def score_peer(predictions: list[Prediction]) -> Score:
    """Peers are judged on kind, places and topic (they have no stance or language)."""
    score = Score()
    for case, pred in zip(CASES, predictions, strict=True):
        places_right = list(pred.places) == list(case.places)
        right = pred.kind == case.kind and places_right and pred.topic == case.topic
        score.correct += right
        if not right:
            score.wrong.append(f"{case.question!r}: {pred.kind} {list(pred.places)}")
        score.places_ok += case.kind in PLACE_KINDS and places_right
        if case.kind == "not_covered" and any(not p.startswith("?") for p in pred.places):
            score.false_covered.append(f"{case.question!r} -> {list(pred.places)}")
    return score


def aspect_accuracy(engine: Engine) -> None:
    """The aspect table (tests/question_table_aspects.py), judged as its test judges it."""
    wrong = [
        f"{case.question!r}: {'; '.join(found)}"
        for case in ASPECT_CASES
        if (found := aspect_problems(engine.answer(case.question), case))
    ]
    right = len(ASPECT_CASES) - len(wrong)
    print(f"  aspect accuracy: {right}/{len(ASPECT_CASES)} ({right / len(ASPECT_CASES):.1%}) "
          f"on tests/question_table_aspects.py (the fact asked for leads the reply)")  # fmt: skip
    for line in wrong:
        print(f"    wrong: {line}")


def timed(answer: Callable[[str], object], questions: list[str], reps: int) -> list[int]:
    """Nanoseconds of each call, after one warm-up pass and a full garbage collection."""
    gc.collect()
    for q in questions:
        answer(q)
    times = []
    for _ in range(reps):
        for q in questions:
            start = time.perf_counter_ns()
            answer(q)
            times.append(time.perf_counter_ns() - start)
    return times


def pct(times: list[int]) -> dict[str, float]:
    """p50, p99 and max in milliseconds."""
    ordered = sorted(times)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] / 1e6  # noqa: E731
    return {"p50": at(0.5), "p99": at(0.99), "max": ordered[-1] / 1e6}


def slowest(times: list[int], questions: list[str], count: int = 3) -> str:
    """The questions with the highest median time (`times` is reps × questions, in order)."""
    medians = [statistics.median(times[i :: len(questions)]) for i in range(len(questions))]
    worst = sorted(range(len(questions)), key=lambda i: -medians[i])[:count]
    return ", ".join(f"{questions[i]!r} {medians[i] / 1e6:.2f} ms" for i in worst)


def fmt(p: dict[str, float]) -> str:
    return f"p50 {p['p50']:.3f} ms  p99 {p['p99']:.3f} ms  max {p['max']:.3f} ms"


def best_of(run: Callable[[], object], times: int) -> float:
    """Median seconds of `times` runs."""
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        spent.append(time.perf_counter() - start)
    return statistics.median(spent)


# Run with `python -c` so that nothing of the bot is imported before the clock starts.
PROBE = """
import json, resource, sys, time, tracemalloc
started = time.perf_counter()
from bot.engine import Engine
from bot.knowledge.loader import load_knowledge
from bot.understanding.gazetteer import load_gazetteer
imported = time.perf_counter()
if sys.argv[1] == "trace":
    tracemalloc.start()
knowledge = load_knowledge(sys.argv[2])
loaded = time.perf_counter()
gazetteer = load_gazetteer()
gazetteered = time.perf_counter()
Engine(knowledge, gazetteer)
built = time.perf_counter()
print(json.dumps({
    "import_s": imported - started, "knowledge_s": loaded - imported,
    "gazetteer_s": gazetteered - loaded, "build_s": built - gazetteered,
    "startup_s": built - started, "traced_peak_mb": tracemalloc.get_traced_memory()[1] / 2**20,
    "hwm_mb": int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0]) / 1024,
}))
"""


def fresh_env(empty: str | None) -> dict[str, str] | None:
    """The environment of a child process: with `empty`, an empty disk cache (first run)."""
    return {**os.environ, "XDG_CACHE_HOME": empty} if empty else None


def run_probe(trace: bool, empty_cache: bool) -> dict[str, float]:
    """Import, load and build in a fresh interpreter; its own clock and memory figures."""
    command = [sys.executable, "-c", PROBE, "trace" if trace else "time", str(KNOWLEDGE)]
    with tempfile.TemporaryDirectory() as empty:
        env = fresh_env(empty if empty_cache else None)
        out = subprocess.run(command, capture_output=True, text=True, check=True, env=env)  # noqa: S603
    return json.loads(out.stdout.splitlines()[-1])


def whole_process(empty_cache: bool) -> tuple[float, str]:
    """Seconds of one `python -m bot ask hi`, and why it failed if it did."""
    with tempfile.TemporaryDirectory() as empty:
        env = fresh_env(empty if empty_cache else None)
        start = time.perf_counter()
        command = [sys.executable, "-m", "bot", "ask", "hi"]
        out = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env)  # noqa: S603
        spent = time.perf_counter() - start
    problem = "" if out.returncode == 0 else (out.stderr.strip().splitlines() or ["?"])[-1]
    return spent, problem


def start_figures(runs: int, empty_cache: bool) -> dict[str, float]:
    """Medians over `runs` fresh processes, plus one traced run; empty or filled disk cache."""
    probes = [run_probe(False, empty_cache) for _ in range(runs)]
    figures = {k: statistics.median(p[k] for p in probes) for k in probes[0]}
    figures["traced_peak_mb"] = run_probe(True, empty_cache)["traced_peak_mb"]
    wholes = [whole_process(empty_cache) for _ in range(runs)]
    figures["whole_s"] = statistics.median(w for w, _ in wholes)
    for _, problem in wholes:
        if problem:
            print(f"  WARNING: `python -m bot ask hi` failed: {problem}")
    return figures


def startup(runs: int) -> None:
    """Section 3 and 4: load and build times, whole-process start-up, memory."""
    cached, first = start_figures(runs, False), start_figures(runs, True)
    knowledge, gazetteer = load_knowledge(KNOWLEDGE), load_gazetteer()
    in_process = {
        "knowledge_s": best_of(lambda: load_knowledge(KNOWLEDGE), runs * 2),
        "build_s": best_of(lambda: Engine(knowledge, gazetteer), runs * 2),
    }
    ok = lambda s: "ok" if s < STARTUP_TARGET_S else "MISSED"  # noqa: E731
    print(f"\n== Start-up (median of {runs} fresh processes) ==")
    print(
        "  (disk cache: the bot's derived-data cache is filled, as on every run but the first"
        "\n   after an install or upgrade; empty cache: XDG_CACHE_HOME is a new directory)"
    )
    print(f"  {'':28}{'disk cache':>12}{'empty cache':>13}{'warm, in this process':>24}")
    rows = (
        ("import bot.engine", "import_s"),
        ("load_knowledge(knowledge/)", "knowledge_s"),
        ("load_gazetteer() 1st call", "gazetteer_s"),
        ("Engine(kb, gazetteer)", "build_s"),
        ("in-process start-up", "startup_s"),
        ("`python -m bot ask hi`", "whole_s"),
    )
    for label, key in rows:  # fmt: skip
        warm = f"{in_process[key] * 1000:.1f} ms" if key in in_process else ""
        line = f"  {label:28}{cached[key] * 1000:9.1f} ms{first[key] * 1000:10.1f} ms{warm:>24}"
        print(line.rstrip())
    print(f"  target < {STARTUP_TARGET_S * 1000:.0f} ms: in-process {ok(cached['startup_s'])} / "
          f"{ok(first['startup_s'])} (empty cache); whole process, interpreter included, "
          f"{ok(cached['whole_s'])} / {ok(first['whole_s'])}")  # fmt: skip
    print("\n== Memory (fresh process, load + build) ==")
    print(f"  tracemalloc peak  {cached['traced_peak_mb']:6.1f} MiB  (empty cache: "
          f"{first['traced_peak_mb']:.1f} MiB)")  # fmt: skip
    print(f"  peak RSS          {cached['hwm_mb']:6.1f} MiB  (empty cache: "
          f"{first['hwm_mb']:.1f} MiB; VmHWM: a child's ru_maxrss starts at its "
          "parent's)")  # fmt: skip


def synthetic_cities(knowledge: KnowledgeBase, gazetteer: Gazetteer, size: int) -> list[Place]:
    """The `size` biggest US cities of the gazetteer that the bundled KB does not cover."""
    taken = {(fold(n), j.state) for j in knowledge.jurisdictions.values()
             for n in (j.name, *j.aliases)}  # fmt: skip
    cities = {(p.name, p.state): p for ps in gazetteer.by_name.values() for p in ps
              if p.type == "city" and (fold(p.name), p.state) not in taken}  # fmt: skip
    return sorted(cities.values(), key=lambda p: -p.population)[:size]


def synthetic_kb(knowledge: KnowledgeBase, biggest: list[Place]) -> KnowledgeBase:
    """The bundled KB plus one "synthetic-<n>" city record per place (stances cycling)."""
    stances, sources = list(model.Stance), list(knowledge.sources.values())
    jurisdictions = dict(knowledge.jurisdictions)
    for n, city in enumerate(biggest):
        source = sources[n % len(sources)]
        person = f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST) % len(LAST)]}"
        role = f"Mayor of {city.name}"
        quote = model.Quote(f"{city.name} will keep serving every resident.", person, role,
                            source.date, source.id, (model.Aspect.SAID,))  # fmt: skip
        summary = f"A synthetic record for {city.name}.", f"Un registro de {city.name}."
        basis = "Its mayor's word, 2017.", "La palabra de su alcalde, 2017."
        jurisdictions[f"synthetic-{n}"] = model.Jurisdiction(
            f"synthetic-{n}", city.name, model.PlaceType.CITY, city.state,
            stances[n % len(stances)], model.PartialDate(2017, 1), model.Localized(*summary),
            model.Localized(*basis), officials=(model.Official(person, role, "alcalde"),),
            quotes=(quote,),
        )  # fmt: skip
    return replace(knowledge, jurisdictions=jurisdictions)


def scaling(knowledge, gazetteer, engine: Engine, base: dict[str, float], reps: int) -> None:
    """Section 5: the same engine on 3,000+ jurisdictions."""
    cities = synthetic_cities(knowledge, gazetteer, SYNTHETIC)
    questions = [f"Is {city.name} a sanctuary city?" for city in cities[::10]]
    on_small = pct(timed(engine.answer, questions, reps))  # before the big KB fills memory
    small_build = best_of(lambda: Engine(knowledge, gazetteer), 3)
    big_kb = synthetic_kb(knowledge, cities)
    big_build = best_of(lambda: Engine(big_kb, gazetteer), 3)
    big = Engine(big_kb, gazetteer)
    table_times = timed(big.answer, [c.question for c in CASES], reps)
    table = pct(table_times)
    picked = [big_kb.jurisdictions[f"synthetic-{n}"] for n in range(0, len(cities), 10)]
    on_big = pct(timed(big.answer, questions, reps))
    firsts = [big.answer(q).places[:1] for q in questions]
    hits = sum(first[:1] and first[0].id == j.id for first, j in zip(firsts, picked, strict=True))
    namesakes = sum(
        first[:1] and first[0].id != j.id and first[0].name == j.name
        for first, j in zip(firsts, picked, strict=True)
    )
    score = score_engine(big)
    n = len(big_kb.jurisdictions)
    print(f"\n== Scaling: {n:,} jurisdictions ({SYNTHETIC:,} synthetic US cities + bundled) ==")
    print(f"  index build   {big_build * 1000:.1f} ms  (×{big_build / small_build:.1f} of "
          f"{small_build * 1000:.1f} ms with {len(knowledge.jurisdictions)})")  # fmt: skip
    print(f"  question table          {fmt(table)}")
    print(f"    latency grows ×{table['p50'] / base['p50']:.2f} (p50), "
          f"×{table['p99'] / base['p99']:.2f} (p99) with {n:,} jurisdictions")  # fmt: skip
    print(f"    slowest: {slowest(table_times, [c.question for c in CASES], 2)} (list everything)")
    lists = {i for i, c in enumerate(CASES) if c.kind == "list"}
    rest_times = [t for i, t in enumerate(table_times) if i % len(CASES) not in lists]
    rest = pct(rest_times)
    print(f"    without the {len(lists)} list questions: {fmt(rest)} (p99 ×"
          f"{rest['p99'] / base['p99']:.2f})")  # fmt: skip
    others = [c.question for i, c in enumerate(CASES) if i not in lists]
    print(f"      slowest: {slowest(rest_times, others)}")
    print(f"    accuracy {score.correct}/{len(CASES)} (expected to drop: look-alikes "
          "such as Houston are now covered)")  # fmt: skip
    print(f"  {len(questions)} questions on synthetic places  {fmt(on_big)}")
    ratio_50, ratio_99 = on_big["p50"] / on_small["p50"], on_big["p99"] / on_small["p99"]
    print(f"    ×{ratio_50:.2f} (p50), ×{ratio_99:.2f} (p99) of the same questions on the "
          f"bundled KB ({fmt(on_small)})")  # fmt: skip
    print(f"    answered with that very place: {hits}/{len(questions)}; with a bigger namesake "
          f"(Springfield, IL for Springfield, OH): {namesakes}; other: "
          f"{len(questions) - hits - namesakes}")  # fmt: skip


def show_peer(name: str, score: Score, times: dict[str, float], ours: Score, base) -> None:
    total, places = len(CASES), len(PLACE_CASES)
    print(f"  {name}: accuracy {score.line(total, places)}")
    print(f"    ×{score.correct / ours.correct:.2f} of our accuracy, ×"
          f"{score.places_ok / ours.places_ok:.2f} of our place accuracy")  # fmt: skip
    print(f"    latency {fmt(times)}  = ×{times['p50'] / base['p50']:.0f} (p50), "
          f"×{times['p99'] / base['p99']:.0f} (p99) of ours")  # fmt: skip
    for line in score.false_covered:
        print(f"    false covered: {line}")


def embedding_peer(ours: Score, base: dict[str, float]) -> None:
    """Section 6b: the embedding peer, run in its own venv."""
    result = embedding_results(EMBED_PYTHON)
    if isinstance(result, str):
        print(f"  embedding peer skipped: {result}")
        return
    predictions = [Prediction(k, tuple(p), t) for k, p, t in result["predictions"]]
    print(f"  (model load {result['model_load_s']:.1f} s, embedding {result['documents']:,} "
          f"documents {result['index_s']:.1f} s)")  # fmt: skip
    show_peer("embeddings", score_peer(predictions), pct(result["latencies_ns"]), ours, base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--embeddings", action="store_true", help="add the embedding peer")
    args = parser.parse_args()
    reps, runs = (5, 3) if args.quick else (40, 5)
    knowledge, gazetteer = load_knowledge(KNOWLEDGE), load_gazetteer()
    engine = Engine(knowledge, gazetteer)
    questions = [c.question for c in CASES] + [c.question for c in ASPECT_CASES]
    ours = score_engine(engine)
    print(f"== Accuracy on tests/question_table*.py ({len(CASES)} cases) ==")
    print(f"  engine: {ours.line(len(CASES), len(PLACE_CASES))}")
    failing = "" if not ours.false_covered else "  <-- FAILING"
    print(f"  uncovered look-alikes given a covered place: {len(ours.false_covered)}/"
          f"{LOOK_ALIKES} (must be 0){failing}")  # fmt: skip
    for line in ours.wrong:
        print(f"    wrong: {line}")
    aspect_accuracy(engine)
    base_times = timed(engine.answer, questions, reps)
    base = pct(base_times)
    verdict = "ok" if base["p99"] < P99_TARGET_MS else "MISSED"
    print(f"\n== Latency of engine.answer() ({reps} × {len(questions)} questions: the tables and "
          "the aspect table, after warm-up) ==")  # fmt: skip
    print(f"  {fmt(base)}   target p99 < {P99_TARGET_MS} ms: {verdict}")
    print(f"  slowest: {slowest(base_times, questions)}")
    startup(runs)
    scaling(knowledge, gazetteer, engine, base, max(2, reps // 4))
    print("\n== Peers on the same table (judged on kind, places, topic) ==")
    difflib_peer = DifflibPeer(knowledge, gazetteer)
    predictions = [difflib_peer.predict(c.question) for c in CASES]  # judged on the tables
    times = pct(timed(difflib_peer.predict, questions, 1 if args.quick else 3))
    show_peer("difflib", score_peer(predictions), times, ours, base)
    if args.embeddings:
        embedding_peer(ours, base)
    else:
        print("  embeddings: not run (pass --embeddings)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n(ru_maxrss of this benchmark process, synthetic KB included: {rss:.1f} MiB)")


if __name__ == "__main__":
    main()
