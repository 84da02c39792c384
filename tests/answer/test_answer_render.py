"""One answer model, three renderings: HTML (escaped, well-formed), plain text and JSON."""

from __future__ import annotations

import json

import pytest
from html_check import html_problems
from question_table import CASES

from bot.answer.model import Answer, Kind, QuoteView, SourceRef
from bot.answer.render import render_html, render_text, to_json
from bot.engine import Engine

HOSTILE = Answer(
    question="<script>",
    kind=Kind.ANSWER,
    language="en",
    bottom_line="Yes — <b>bold</b> & more",
    details=("a < b > c",),
    quotes=(QuoteView('He said "<i>" & left', "A & B", "Mayor <x>", "Out&let", "May 2017", "s"),),
    sources=(
        SourceRef("s", "Out<let>", 'Title & "quoted"', "2017-05", 'http://x.test/?a=1&b="2"'),
    ),
    caveats=("dated <2017>",),
)


def test_html_escapes_every_knowledge_string() -> None:
    html = render_html(HOSTILE)
    assert html_problems(html) == []
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "Mayor &lt;x&gt;" in html
    assert 'href="http://x.test/?a=1&amp;b=&quot;2&quot;"' in html


def test_plain_text_has_no_markup_and_keeps_the_words() -> None:
    text = render_text(HOSTILE)
    assert "Yes — <b>bold</b> & more" in text  # plain text shows the string as it is
    assert '“He said "<i>" & left”\n— A & B, Mayor <x> (Out&let, May 2017)' in text
    assert 'http://x.test/?a=1&b="2"' in text


def test_json_shape_is_the_stable_interface(engine: Engine) -> None:
    data = to_json(engine.answer("Is Denver a sanctuary city?"))
    assert list(data) == [
        "question",
        "kind",
        "language",
        "places",
        "topic",
        "aspect",
        "text",
        "sources",
    ]
    assert data["aspect"] is None  # a plain question asks for no one thing
    assert data["kind"] == "answer" and data["language"] == "en" and data["topic"] is None
    assert data["places"] == [
        {
            "id": "denver",
            "name": "Denver",
            "type": "city",
            "state": "CO",
            "stance": "limits_cooperation",
            "as_of": engine.knowledge.jurisdictions["denver"].as_of.iso(),
        }
    ]
    assert all(set(s) == {"id", "outlet", "title", "date", "url"} for s in data["sources"])
    assert data["text"].startswith("Partly — as of")
    json.dumps(data)  # serialisable as it is


@pytest.mark.parametrize("case", CASES[::7], ids=lambda c: repr(c.question)[:40])
def test_every_answer_renders_to_valid_telegram_html(engine: Engine, case) -> None:
    for language in ("en", "es"):
        html = render_html(engine.answer(case.question, language))
        assert html_problems(html) == []
