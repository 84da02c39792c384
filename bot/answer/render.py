"""Render one Answer three ways: Telegram HTML, plain text and a stable JSON object."""

from __future__ import annotations

from dataclasses import asdict, replace
from html import escape as _escape
from typing import Any

from bot.answer.model import Answer, Kind, QuoteView, SourceRef
from bot.answer.phrases import lookup
from bot.knowledge.model import Localized


def escape(text: str) -> str:
    """Escape text for Telegram HTML; quotes stay as typed outside attributes."""
    return _escape(text, quote=False)


LABELS: dict[str, Localized] = {
    "sources": Localized("Sources", "Fuentes"),
    "examples": Localized("You can ask, for example:", "Puede preguntar, por ejemplo:"),
    "inferred": Localized("inferred", "inferida"),
}


def _label(answer: Answer, key: str) -> str:
    return lookup(LABELS, key, answer.language)


def _attribution(quote: QuoteView) -> str:
    context = f", {quote.context}" if quote.context else ""
    return f"{quote.speaker}, {quote.role}{context} ({quote.outlet}, {quote.date})"


def _source_line(answer: Answer, source: SourceRef) -> str:
    date = source.date + (f", {_label(answer, 'inferred')}" if source.date_inferred else "")
    return f"{source.outlet}: “{source.title}” ({date})"


def shorten(answer: Answer) -> Answer:
    """A group chat's version: the bottom line, one paragraph, one quote, two sources; how
    old it is and "not legal advice" always stay. Buttons bring the rest."""
    if answer.kind == Kind.HELP:
        return answer  # /sources, /about, /topics: asked for in full
    return replace(
        answer,
        details=answer.details[:2],
        quotes=answer.quotes[:1],
        sources=answer.sources[:2],
        examples=answer.examples[:3],
    )


def compact(answer: Answer) -> Answer:
    """A private chat's first message about one place (about 1,000 characters): one quote
    and no source list, the History, More quotes and Sources buttons bring the rest; a list
    of places without the sources of every place (each place's own answer has them)."""
    if answer.kind == Kind.LIST and answer.places:
        return replace(answer, sources=())
    if answer.kind != Kind.ANSWER or len(answer.places) != 1 or not answer.places[0].id:
        return answer
    return replace(answer, quotes=answer.quotes[:1], sources=())


def render_text(answer: Answer) -> str:
    """Plain text, as the console prints it and the JSON `text` field carries it."""
    blocks: list[str] = [answer.bottom_line, *answer.details]
    blocks += [f"“{q.text}”\n— {_attribution(q)}" for q in answer.quotes]
    if answer.examples:
        lines = [_label(answer, "examples"), *(f"• {e}" for e in answer.examples)]
        blocks.append("\n".join(lines))
    blocks += answer.caveats
    if answer.sources:
        lines = [f"{_label(answer, 'sources')}:"]
        for source in answer.sources:
            url = f" {source.url}" if source.url else ""
            lines.append(f"• {_source_line(answer, source)}{url}")
        blocks.append("\n".join(lines))
    return "\n\n".join(block for block in blocks if block)


def render_html(answer: Answer) -> str:
    """Telegram HTML: every string escaped; paragraphs separated by blank lines for splitting."""
    blocks: list[str] = [f"<b>{escape(answer.bottom_line)}</b>"]
    blocks += [escape(detail) for detail in answer.details]
    blocks += [
        f"<blockquote>“{escape(q.text)}”\n— <i>{escape(_attribution(q))}</i></blockquote>"
        for q in answer.quotes
    ]
    if answer.examples:
        lines = [escape(_label(answer, "examples")), *(f"• {escape(e)}" for e in answer.examples)]
        blocks.append("\n".join(lines))
    blocks += [f"<i>{escape(caveat)}</i>" for caveat in answer.caveats]
    if answer.sources:
        lines = [f"<b>{escape(_label(answer, 'sources'))}:</b>"]
        for source in answer.sources:
            line = escape(_source_line(answer, source))
            if source.url:
                line = f'<a href="{_escape(source.url, quote=True)}">{line}</a>'
            lines.append(f"• {line}")
        blocks.append("\n".join(lines))
    return "\n\n".join(block for block in blocks if block)


def to_json(answer: Answer) -> dict[str, Any]:
    """The stable JSON interface of `sanctuary-bot ask --json` (see README)."""
    return {
        "question": answer.question,
        "kind": str(answer.kind),
        "language": answer.language,
        "places": [asdict(place) for place in answer.places],
        "topic": answer.topic,
        "aspect": answer.aspect,
        "text": render_text(answer),
        "sources": [
            {"id": s.id, "outlet": s.outlet, "title": s.title, "date": s.date, "url": s.url}
            for s in answer.sources
        ],
    }
