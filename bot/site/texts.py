"""The website's own words, in English and Spanish (knowledge text comes from the YAML)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "site_title": "Sanctuary policies in the United States",
        "intro": "Every place the sanctuary-bot knowledge base covers, with its stance, "
        "dated timeline, officials' own words and sources. Information as of {date}.",
        "home": "Map and places",
        "topics": "Questions",
        "sources": "Sources",
        "other_language": "Español",
        "map_heading": "Map",
        "map_note": "States are shaded by their own law or policy; dots show each covered "
        "city and county by its own stance. Each state and dot links to its page.",
        "places_heading": "All places",
        "table_caption": "Covered places, by state. Select a column heading to sort.",
        "col_place": "Place",
        "col_type": "Type",
        "col_state": "State",
        "col_stance": "Stance",
        "col_as_of": "As of",
        "topics_heading": "General questions",
        "stance_heading": "Bottom line",
        "stance_line": "{stance}, as of {date}.",
        "label_rejected": "About the label",
        "statewide": "What it means for every city and county in the state",
        "federal_listed": "Named on the US Justice Department's list of sanctuary "
        "jurisdictions (5 August 2025).",
        "federal_removed": "Named on the US Justice Department's list of sanctuary "
        "jurisdictions, and later removed from it.",
        "summary_heading": "Summary",
        "timeline_heading": "Timeline (newest first)",
        "timeline_empty": "No dated entries yet.",
        "quotes_heading": "In their own words",
        "officials_heading": "Officials named in the sources",
        "sources_heading": "Sources",
        "source_link": "read the source",
        "reported_by": "reported by {outlet} ({date})",
        "reported_on": "reported by",
        "date_inferred": "date inferred",
        "from_notes": "date from our source notes",
        "all_sources_intro": "Every source the knowledge base cites, newest first.",
        "topic_sources": "Sources",
        "footer": "Built from the sanctuary-bot knowledge base. Policies change: check "
        "current local news or official sources.",
        "type.city": "city",
        "type.county": "county",
        "type.state": "state",
        "type.district": "district",
        "kind.fact": "fact",
        "kind.law": "law",
        "kind.executive_order": "executive order",
        "kind.federal_listing": "federal list",
        "kind.federal_removal": "removed from federal list",
        "kind.lawsuit": "lawsuit",
        "kind.ruling": "ruling",
        "kind.policy_change": "policy change",
        "kind.statement": "statement",
        "sort": "sort",
        "skip": "Skip to content",
        "nav": "Site",
        "language_name": "English",
    },
    "es": {
        "site_title": "Políticas santuario en Estados Unidos",
        "intro": "Todos los lugares de la base de conocimientos de sanctuary-bot, con su "
        "postura, cronología fechada, las palabras de sus funcionarios y las fuentes. "
        "Fecha de los datos: {date}.",
        "home": "Mapa y lugares",
        "topics": "Preguntas",
        "sources": "Fuentes",
        "other_language": "English",
        "map_heading": "Mapa",
        "map_note": "Los estados se colorean según su propia ley o política; los puntos "
        "muestran la postura de cada ciudad y condado. Cada estado y punto enlaza a su página.",
        "places_heading": "Todos los lugares",
        "table_caption": "Lugares incluidos, por estado. Elija un encabezado para ordenar.",
        "col_place": "Lugar",
        "col_type": "Tipo",
        "col_state": "Estado",
        "col_stance": "Postura",
        "col_as_of": "Fecha",
        "topics_heading": "Preguntas generales",
        "stance_heading": "En resumen",
        "stance_line": "{stance} (fecha de los datos: {date}).",
        "label_rejected": "Sobre la etiqueta",
        "statewide": "Qué significa para cada ciudad y condado del estado",
        "federal_listed": "Incluido en la lista de jurisdicciones santuario del Departamento "
        "de Justicia de EE. UU. (5 de agosto de 2025).",
        "federal_removed": "Incluido en la lista de jurisdicciones santuario del "
        "Departamento de Justicia de EE. UU. y retirado después.",
        "summary_heading": "Resumen",
        "timeline_heading": "Cronología (lo más reciente primero)",
        "timeline_empty": "Aún no hay entradas fechadas.",
        "quotes_heading": "En sus propias palabras",
        "officials_heading": "Funcionarios citados en las fuentes",
        "sources_heading": "Fuentes",
        "source_link": "leer la fuente",
        "reported_by": "según {outlet} ({date})",
        "reported_on": "según",
        "date_inferred": "fecha deducida",
        "from_notes": "fecha de nuestras notas sobre las fuentes",
        "all_sources_intro": "Todas las fuentes que cita la base de conocimientos, de la más "
        "reciente a la más antigua.",
        "topic_sources": "Fuentes",
        "footer": "Creado a partir de la base de conocimientos de sanctuary-bot. Las "
        "políticas cambian: consulte noticias locales actuales o fuentes oficiales.",
        "type.city": "ciudad",
        "type.county": "condado",
        "type.state": "estado",
        "type.district": "distrito",
        "kind.fact": "hecho",
        "kind.law": "ley",
        "kind.executive_order": "orden ejecutiva",
        "kind.federal_listing": "lista federal",
        "kind.federal_removal": "retirado de la lista federal",
        "kind.lawsuit": "demanda",
        "kind.ruling": "fallo",
        "kind.policy_change": "cambio de política",
        "kind.statement": "declaración",
        "sort": "ordenar",
        "skip": "Saltar al contenido",
        "nav": "Sitio",
        "language_name": "Español",
    },
}


def t(language: str, key: str, **values: object) -> str:
    table = TEXTS["es" if language == "es" else "en"]
    text = table.get(key, TEXTS["en"].get(key, key))
    return text.format(**values) if values else text
