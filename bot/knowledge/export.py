"""`sanctuary-bot export`: the knowledge base as JSON or CSV for people without Python.

Pure conversions from the loaded model; the CLI only loads, converts and writes.
The formats are documented in docs/export.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from bot.knowledge.loader import KnowledgeError, load_knowledge
from bot.knowledge.model import (
    Event,
    Fact,
    Jurisdiction,
    KnowledgeBase,
    Localized,
    Official,
    Quote,
    Source,
    Topic,
)
from bot.knowledge.paths import add_path_argument, default_knowledge_dir, shown

CSV_COLUMNS = (
    "id", "name", "type", "state", "stance", "as_of", "aliases", "summary", "quote_count",
    "sources",
)  # fmt: skip


def to_data(kb: KnowledgeBase) -> dict[str, list[dict[str, object]]]:
    """Plain, JSON-ready data: records sorted by id, keys in a fixed order."""
    return {
        "sources": [_source(kb.sources[key]) for key in sorted(kb.sources)],
        "jurisdictions": [_jurisdiction(kb.jurisdictions[key]) for key in sorted(kb.jurisdictions)],
        "topics": [_topic(kb.topics[key]) for key in sorted(kb.topics)],
    }


def to_json(kb: KnowledgeBase) -> str:
    return json.dumps(to_data(kb), ensure_ascii=False, indent=2) + "\n"


def to_csv(kb: KnowledgeBase) -> str:
    """One row per jurisdiction, for a spreadsheet: the English summary and counts only."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for key in sorted(kb.jurisdictions):
        j = kb.jurisdictions[key]
        writer.writerow(
            (
                j.id, j.name, j.type.value, j.state, j.stance.value, j.as_of.iso(),
                "; ".join(j.aliases), j.summary.en, len(j.quotes), "; ".join(j.source_ids),
            )
        )  # fmt: skip
    return out.getvalue()


def _localized(text: Localized | None) -> tuple[str | None, str | None]:
    return (text.en, text.es) if text is not None else (None, None)


def _source(source: Source) -> dict[str, object]:
    return {
        "id": source.id,
        "kind": source.kind.value,
        "outlet": source.outlet,
        "publisher": source.publisher,
        "title": source.title,
        "author": source.author,
        "date": source.date.iso(),
        "date_inferred": source.date_inferred,
        "url": source.url,
    }


def _quote(quote: Quote) -> dict[str, object]:
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "role_es": quote.role_es,
        "date": quote.date.iso(),
        "date_inferred": quote.date_inferred,
        "reported": quote.reported,
        "date_from_notes": quote.date_from_notes,
        "joint_with": list(quote.joint_with),
        "source": quote.source,
        "aspects": [aspect.value for aspect in quote.aspects],
    }


def _fact(fact: Fact) -> dict[str, object]:
    return {
        "text": fact.text.en,
        "text_es": fact.text.es,
        "date": fact.date.iso(),
        "date_inferred": fact.date_inferred,
        "reported": fact.reported,
        "date_from_notes": fact.date_from_notes,
        "source": fact.source,
        "aspects": [aspect.value for aspect in fact.aspects],
    }


def _event(event: Event) -> dict[str, object]:
    return {
        "date": event.date.iso(),
        "date_inferred": event.date_inferred,
        "kind": event.kind.value,
        "text": event.text.en,
        "text_es": event.text.es,
        "source": event.source,
        "also": list(event.also),
        "aspects": [aspect.value for aspect in event.aspects],
    }


def _official(official: Official) -> dict[str, object]:
    return {
        "name": official.name,
        "role": official.role,
        "role_es": official.role_es,
        "aliases": list(official.aliases),
    }


def _jurisdiction(j: Jurisdiction) -> dict[str, object]:
    basis, basis_es = _localized(j.stance_basis)
    rejected, rejected_es = _localized(j.label_rejected)
    statewide, statewide_es = _localized(j.statewide)
    return {
        "id": j.id,
        "name": j.name,
        "name_es": j.name_es,
        "type": j.type.value,
        "state": j.state,
        "aliases": list(j.aliases),
        "stance": j.stance.value,
        "as_of": j.as_of.iso(),
        "stance_basis": basis,
        "stance_basis_es": basis_es,
        "label_rejected": rejected,
        "label_rejected_es": rejected_es,
        "federal_list": j.federal_list.value if j.federal_list else None,
        "statewide": statewide,
        "statewide_es": statewide_es,
        "coordinates": list(j.coordinates) if j.coordinates else None,
        "summary": j.summary.en,
        "summary_es": j.summary.es,
        "officials": [_official(o) for o in j.officials],
        "quotes": [_quote(q) for q in j.quotes],
        "facts": [_fact(f) for f in j.facts],
        "events": [_event(e) for e in j.timeline],
    }


def _topic(topic: Topic) -> dict[str, object]:
    return {
        "id": topic.id,
        "question": topic.question.en,
        "question_es": topic.question.es,
        "answer_en": topic.answer.en,
        "answer_es": topic.answer.es,
        "quotes": [_quote(q) for q in topic.quotes],
        "sources": list(topic.sources),
        "aspects": [aspect.value for aspect in topic.aspects],
    }


def add_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the knowledge base as JSON or CSV",
        description="Write the knowledge base as JSON (everything) or CSV (one row per place).",
    )
    add_path_argument(parser)
    parser.add_argument("--format", choices=("json", "csv"), default="json")
    parser.add_argument("--output", type=Path, metavar="FILE", help="write here, not stdout")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Export a valid knowledge base; on errors print them to stderr and exit 1."""
    root = args.path or default_knowledge_dir()
    try:
        kb = load_knowledge(root)
    except KnowledgeError as error:
        for problem in error.problems:
            print(problem.format(shown(root / problem.file)), file=sys.stderr)
        errors = sum(p.severity == "error" for p in error.problems)
        print(f"not exported: {errors} error(s); run `sanctuary-bot validate`", file=sys.stderr)
        return 1
    text = to_csv(kb) if args.format == "csv" else to_json(kb)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        print(f"cannot write {args.output}: {error.strerror}", file=sys.stderr)
        return 1
    return 0
