"""Sweep the matcher's fuzzy cutoffs over all three question tables and print accuracy.

    python benchmarks/tune_cutoffs.py

The chosen values (bot/understanding/places.py: SHORT_CUTOFF, LONG_CUTOFF) should sit in
the middle of the plateau where accuracy is highest and no uncovered look-alike becomes a
covered place ("false places" = 0).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "benchmarks"))

from peers import CASES as PEER_CASES  # noqa: E402
from question_table import Case  # noqa: E402
from table_check import judge  # noqa: E402

from bot.engine import Engine  # noqa: E402
from bot.knowledge.loader import load_knowledge  # noqa: E402
from bot.understanding import places  # noqa: E402
from bot.understanding.gazetteer import load_gazetteer  # noqa: E402


def judged(engine: Engine, case: Case) -> tuple[bool, bool]:
    """(correct, false place): correct by the tests' rule (tests/table_check.py)."""
    answer = engine.answer(case.question)
    false_place = case.kind == "not_covered" and any(p.id for p in answer.places)
    return judge(answer, case, engine.knowledge), false_place


ALL_CASES = PEER_CASES  # all three tables, known misses included


def main() -> None:
    knowledge = load_knowledge(REPO / "knowledge")
    gazetteer = load_gazetteer()
    chosen = (places.SHORT_CUTOFF, places.MEDIUM_CUTOFF, places.LONG_CUTOFF)
    print(f"{'5 letters':>9} {'6-7':>5} {'8+':>5} {'accuracy':>9} {'false places':>13}")
    for short in (78.0, 85.0, 88.0, 92.0):
        for medium in (76.0, 80.0, 83.0, 86.0, 90.0):
            for long in (78.0, 82.0, 85.0, 88.0, 91.0):
                places.SHORT_CUTOFF, places.MEDIUM_CUTOFF, places.LONG_CUTOFF = short, medium, long
                engine = Engine(knowledge, gazetteer)
                results = [judged(engine, case) for case in ALL_CASES]
                accuracy = sum(ok for ok, _ in results) / len(results)
                false_places = sum(bad for _, bad in results)
                mark = "  <- chosen" if (short, medium, long) == chosen else ""
                print(
                    f"{short:9.0f} {medium:5.0f} {long:5.0f} {accuracy:9.1%} "
                    f"{false_places:13d}{mark}"
                )
    places.SHORT_CUTOFF, places.MEDIUM_CUTOFF, places.LONG_CUTOFF = chosen


if __name__ == "__main__":
    main()
