"""What goes with the picture: its caption (date, what it shows, sources) and button label."""

from __future__ import annotations

import re
from html import escape, unescape

from bot.answer.phrases import lookup
from bot.knowledge.model import Jurisdiction, KnowledgeBase, Localized
from bot.map.places import knowledge_date
from bot.map.render import area_name, state_name, text

CAPTION_LIMIT = 1024  # Telegram's limit for a photo caption (visible characters)

PHRASES: dict[str, Localized] = {
    "head": Localized(
        en="<b>{title}</b>, as of {date}.",
        es="<b>{title}</b> (fecha de los datos: {date}).",
    ),
    "how": Localized(
        en=(
            "States are shaded by their own law or policy; dots show each covered city and county "
            "by its own stance."
        ),
        es=(
            "Los estados se colorean según su propia ley o política; los puntos muestran la "
            "postura de cada ciudad y condado incluidos."
        ),
    ),
    "count.1": Localized(
        en="1 place in my sources is here.",
        es="Aquí hay 1 lugar de mis fuentes.",
    ),
    "count.n": Localized(
        en="{n} places in my sources are here.",
        es="Aquí hay {n} lugares de mis fuentes.",
    ),
    "count.0": Localized(
        en="None of the places in my sources is in {area}.",
        es="Ninguno de los lugares de mis fuentes está en {area}.",
    ),
    "sources": Localized(
        en="Sources: {outlets}. /sources lists them all.",
        es="Fuentes: {outlets}. /sources las muestra todas.",
    ),
    "more": Localized(en="{n} more", es="{n} más"),
    "button.all": Localized(en="List all places", es="Ver todos los lugares"),
    "button.state": Localized(en="List the places in {area}", es="Ver la lista: {area}"),
    "unknown_state": Localized(
        en=(
            "I don't know a US state by that name. Try /map California or /map Texas, or /map for "
            "the whole country."
        ),
        es=(
            "No conozco ningún estado de EE. UU. con ese nombre. Pruebe /map California o /map "
            "Texas, o /map para todo el país."
        ),
    ),
    "not_ready": Localized(
        en="The map is not ready yet; please try again in a minute.",
        es="El mapa aún no está listo; inténtelo de nuevo en un minuto.",
    ),
}


def say(language: str, key: str, **values: object) -> str:
    """The phrase `key` of PHRASES in `language`, filled with `values`."""
    return lookup(PHRASES, key, language, **values)


def cited_sources(place: Jurisdiction) -> tuple[str, ...]:
    """Source ids a place's quotes, facts and timeline events cite, in order, once each."""
    return place.source_ids


def places_in(knowledge: KnowledgeBase, state: str | None) -> list[Jurisdiction]:
    return [p for p in knowledge.jurisdictions.values() if state is None or p.state == state]


def button_label(knowledge: KnowledgeBase, state: str | None, language: str) -> str:
    if state is None:
        return say(language, "button.all")
    return say(language, "button.state", area=state_name(state, language, knowledge))


def map_caption(knowledge: KnowledgeBase, state: str | None, language: str) -> str:
    """Telegram HTML, at most CAPTION_LIMIT visible characters however many sources."""
    area = area_name(state, language, knowledge)
    newest = knowledge_date(knowledge)
    head = say(
        language,
        "head",
        title=escape(text(language, "title", area=area)),
        date=newest.human(language) if newest else "—",
    )
    places = places_in(knowledge, state)
    if not places:
        counted = say(language, "count.0", area=escape(area))
    else:
        counted = say(language, "count.1" if len(places) == 1 else "count.n", n=len(places))
    ids = dict.fromkeys(i for p in places for i in cited_sources(p) if i in knowledge.sources)
    sources = sorted(
        (knowledge.sources[i] for i in ids), key=lambda s: (s.date, s.outlet), reverse=True
    )
    outlets = list(dict.fromkeys(s.outlet for s in sources))
    lines = [head, say(language, "how"), counted]
    for shown in range(len(outlets), -1, -1):
        names = [escape(o) for o in outlets[:shown]]
        if shown < len(outlets):
            names.append(say(language, "more", n=len(outlets) - shown))
        candidate = "\n".join(
            [*lines, say(language, "sources", outlets=", ".join(names))] if names else lines
        )
        if visible_length(candidate) <= CAPTION_LIMIT:
            return candidate
    return "\n".join(lines)[:CAPTION_LIMIT]


def visible_length(html_text: str) -> int:
    """Characters Telegram counts: tags removed, entities as one character."""
    return len(unescape(re.sub(r"<[^>]+>", "", html_text)))
