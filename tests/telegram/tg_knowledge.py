"""A small knowledge base for the transport tests, written as real YAML files.

It is loaded by the real loader; its strings carry HTML-like text, ampersands and emoji so
escaping is exercised, and Denver has enough long quotes that "More quotes" overflows one
Telegram message.
"""

from __future__ import annotations

from pathlib import Path

import yaml

SOURCES = [
    {"id": "daily-2017-04", "kind": "article", "outlet": "The <Daily> & Co 🗞️",
     "title": 'Cities say "we are safe & <welcoming>" 🏙️', "author": None,
     "date": "2017-04-24", "url": "https://news.example.org/a?x=1&y=<2>"},
    {"id": "weekly-2017-06", "kind": "article", "outlet": "Weekly",
     "title": "Sentencing reform", "author": None, "date": "2017-06", "url": None},
]  # fmt: skip

TOPICS = [
    {
        "id": "what-is-sanctuary-city",
        "question": {"en": "What is a sanctuary city?", "es": "¿Qué es una ciudad santuario?"},
        "answer": {
            "en": "There is no single legal definition <not a tag> & it varies by place.",
            "es": "No hay una definición legal única <no es etiqueta> & varía según el lugar.",
        },
        "keywords": {"en": ["what is a sanctuary city"], "es": ["qué es una ciudad santuario"]},
        "sources": ["daily-2017-04"],
    }
]

LONG_QUOTE = (
    "We will value residents in this city & we will keep saying so <loudly> 🌎. " * 6
).strip()


def _place(name: str, stance: str, summary_en: str, summary_es: str, quotes: int) -> dict:
    official = {
        "name": f"Mayor of {name}",
        "role": f"Mayor of {name}",
        "role_es": f"alcalde de {name}",
    }
    return {
        "name": name,
        "type": "city",
        "stance": stance,
        "as_of": "2017-05",
        "summary": {"en": summary_en, "es": summary_es},
        "stance_basis": {
            "en": f"As of May 2017, {name}'s officials had described its policy.",
            "es": f"En mayo de 2017, los funcionarios de {name} habían descrito su política.",
        },
        "officials": [official] if quotes else [],
        "quotes": [
            {"text": f"{LONG_QUOTE} (statement {n + 1})", "speaker": official["name"],
             "date": "2017-04-24", "source": "daily-2017-04", "aspects": ["said"]}
            for n in range(quotes)
        ],
    }  # fmt: skip


PLACES = {
    "co/denver.yaml": _place(
        "Denver", "sanctuary",
        "Denver's mayor said the city stays <safe> & welcoming 🏔️.",
        "El alcalde de Denver dijo que la ciudad sigue siendo <segura> y acogedora 🏔️.", 12,
    ),
    "co/boulder.yaml": _place(
        "Boulder", "limits_cooperation", "Boulder limits cooperation.",
        "Boulder limita la cooperación.", 1,
    ),
    "il/chicago.yaml": _place(
        "Chicago", "sanctuary", "Chicago stays a sanctuary city.",
        "Chicago sigue siendo una ciudad santuario.", 1,
    ),
    "or/portland.yaml": _place(
        "Portland", "sanctuary", "Portland, Oregon, is a sanctuary city.",
        "Portland, Oregón, es una ciudad santuario.", 0,
    ),
    "me/south-portland.yaml": _place(
        "South Portland", "unknown", "South Portland, Maine, appears without a stance.",
        "South Portland, Maine, aparece sin una postura.", 0,
    ),
}  # fmt: skip


def write_knowledge(root: Path) -> Path:
    """Write the fixture knowledge base under `root` and return `root`."""
    root.mkdir(parents=True, exist_ok=True)
    dump = {"allow_unicode": True, "sort_keys": False}
    (root / "sources.yaml").write_text(yaml.safe_dump(SOURCES, **dump), encoding="utf-8")
    (root / "topics.yaml").write_text(yaml.safe_dump(TOPICS, **dump), encoding="utf-8")
    for rel, data in PLACES.items():
        path = root / "jurisdictions" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, **dump), encoding="utf-8")
    return root
