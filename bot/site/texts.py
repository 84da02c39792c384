"""The website's own words, in English and Spanish (knowledge text comes from the YAML)."""

from __future__ import annotations

from bot.answer.phrases import lookup
from bot.knowledge.model import Localized

TEXTS: dict[str, Localized] = {
    "site_title": Localized(
        en="Sanctuary policies in the United States",
        es="Políticas santuario en Estados Unidos",
    ),
    "intro": Localized(
        en=(
            "Every place the sanctuary-bot knowledge base covers, with its stance, dated timeline, "
            "officials' own words and sources. Information as of {date}."
        ),
        es=(
            "Todos los lugares de la base de conocimientos de sanctuary-bot, con su postura, "
            "cronología fechada, las palabras de sus funcionarios y las fuentes. Fecha de los "
            "datos: {date}."
        ),
    ),
    "home": Localized(en="Map and places", es="Mapa y lugares"),
    "topics": Localized(en="Questions", es="Preguntas"),
    "sources": Localized(en="Sources", es="Fuentes"),
    "other_language": Localized(en="Español", es="English"),
    "map_heading": Localized(en="Map", es="Mapa"),
    "map_note": Localized(
        en=(
            "States are shaded by their own law or policy; dots show each covered city and county "
            "by its own stance. Each state and dot links to its page."
        ),
        es=(
            "Los estados se colorean según su propia ley o política; los puntos muestran la "
            "postura de cada ciudad y condado. Cada estado y punto enlaza a su página."
        ),
    ),
    "places_heading": Localized(en="All places", es="Todos los lugares"),
    "table_caption": Localized(
        en="Covered places, by state. Select a column heading to sort.",
        es="Lugares incluidos, por estado. Elija un encabezado para ordenar.",
    ),
    "col_place": Localized(en="Place", es="Lugar"),
    "col_type": Localized(en="Type", es="Tipo"),
    "col_state": Localized(en="State", es="Estado"),
    "col_stance": Localized(en="Stance", es="Postura"),
    "col_as_of": Localized(en="As of", es="Fecha"),
    "topics_heading": Localized(en="General questions", es="Preguntas generales"),
    "stance_heading": Localized(en="Bottom line", es="En resumen"),
    "stance_line": Localized(
        en="{stance}, as of {date}.",
        es="{stance} (fecha de los datos: {date}).",
    ),
    "label_rejected": Localized(en="About the label", es="Sobre la etiqueta"),
    "statewide": Localized(
        en="What it means for every city and county in the state",
        es="Qué significa para cada ciudad y condado del estado",
    ),
    "federal_listed": Localized(
        en="Named on the US Justice Department's list of sanctuary jurisdictions (5 August 2025).",
        es=(
            "Incluido en la lista de jurisdicciones santuario del Departamento de Justicia de EE. "
            "UU. (5 de agosto de 2025)."
        ),
    ),
    "federal_removed": Localized(
        en=(
            "Named on the US Justice Department's list of sanctuary jurisdictions, and later "
            "removed from it."
        ),
        es=(
            "Incluido en la lista de jurisdicciones santuario del Departamento de Justicia de EE. "
            "UU. y retirado después."
        ),
    ),
    "summary_heading": Localized(en="Summary", es="Resumen"),
    "timeline_heading": Localized(
        en="Timeline (newest first)",
        es="Cronología (lo más reciente primero)",
    ),
    "timeline_empty": Localized(en="No dated entries yet.", es="Aún no hay entradas fechadas."),
    "quotes_heading": Localized(en="In their own words", es="En sus propias palabras"),
    "officials_heading": Localized(
        en="Officials named in the sources",
        es="Funcionarios citados en las fuentes",
    ),
    "sources_heading": Localized(en="Sources", es="Fuentes"),
    "source_link": Localized(en="read the source", es="leer la fuente"),
    "reported_by": Localized(en="reported by {outlet} ({date})", es="según {outlet} ({date})"),
    "reported_on": Localized(en="reported by", es="según"),
    "date_inferred": Localized(en="date inferred", es="fecha deducida"),
    "from_notes": Localized(
        en="date from our source notes",
        es="fecha de nuestras notas sobre las fuentes",
    ),
    "all_sources_intro": Localized(
        en="Every source the knowledge base cites, newest first.",
        es=(
            "Todas las fuentes que cita la base de conocimientos, de la más reciente a la más "
            "antigua."
        ),
    ),
    "topic_sources": Localized(en="Sources", es="Fuentes"),
    "footer": Localized(
        en=(
            "Built from the sanctuary-bot knowledge base. Policies change: check current local "
            "news or official sources."
        ),
        es=(
            "Creado a partir de la base de conocimientos de sanctuary-bot. Las políticas cambian: "
            "consulte noticias locales actuales o fuentes oficiales."
        ),
    ),
    "type.city": Localized(en="city", es="ciudad"),
    "type.county": Localized(en="county", es="condado"),
    "type.state": Localized(en="state", es="estado"),
    "type.district": Localized(en="district", es="distrito"),
    "kind.fact": Localized(en="fact", es="hecho"),
    "kind.law": Localized(en="law", es="ley"),
    "kind.executive_order": Localized(en="executive order", es="orden ejecutiva"),
    "kind.federal_listing": Localized(en="federal list", es="lista federal"),
    "kind.federal_removal": Localized(
        en="removed from federal list",
        es="retirado de la lista federal",
    ),
    "kind.lawsuit": Localized(en="lawsuit", es="demanda"),
    "kind.ruling": Localized(en="ruling", es="fallo"),
    "kind.policy_change": Localized(en="policy change", es="cambio de política"),
    "kind.statement": Localized(en="statement", es="declaración"),
    "sort": Localized(en="sort", es="ordenar"),
    "skip": Localized(en="Skip to content", es="Saltar al contenido"),
    "nav": Localized(en="Site", es="Sitio"),
    "language_name": Localized(en="English", es="Español"),
}


def t(language: str, key: str, **values: object) -> str:
    """The text `key` of TEXTS in `language`, filled with `values` (the templates' `t`)."""
    return lookup(TEXTS, key, language, **values)
