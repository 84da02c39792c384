"""Everything the bot says in its own words, in English and Spanish. Quotes are never here."""

from __future__ import annotations

from bot.knowledge.model import PartialDate

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "stance.sanctuary": "Yes — as of {date}, {place} was a sanctuary {type}.",
        "stance.limits_cooperation": (
            "Partly — as of {date}, {place} had policies that limit cooperation with federal "
            "immigration enforcement."
        ),
        "stance.unclear": "Unclear — as of {date}, the statements about {place} conflict.",
        "stance.unknown": (
            "My sources don't say — {place} is named in them ({date}), but without a stance "
            "on sanctuary policies."
        ),
        "short.sanctuary": "sanctuary",
        "short.limits_cooperation": "limits cooperation",
        "short.unclear": "unclear",
        "short.unknown": "no stance in my sources",
        "compare.line": "{place}: {stance} (as of {date}).",
        "compare.head": "Here is what my sources say about each place:",
        "said.head": "What {speaker} said:",
        "role.none": "My sources quote no {role} of {place}; here is what they do quote.",
        "role.mayor": "mayor",
        "role.police": "police chief",
        "role.governor": "governor",
        "role.council": "council member",
        "role.attorney_general": "attorney general",
        "age": (
            "This information dates from {date}, from news articles published {span}."
            " Policies may have changed since; check current local news or official "
            "sources."
        ),
        "legal": (
            "This is not legal advice. For your own situation, talk to an immigration lawyer "
            "or a legal aid organization you trust."
        ),
        "which_place": "I took “{typed}” to mean {place}.",
        "other_same_name": "If you mean {other}, ask about “{other}”.",
        "not_covered": (
            "I don't have information about {places} in my sources. That doesn't mean "
            "{it_has} no policy — my knowledge comes from a few news articles ({span}"
            ") that don't cover {it}."
        ),
        "not_covered.it_has.1": "it has",
        "not_covered.it_has.n": "they have",
        "not_covered.it.1": "it",
        "not_covered.it.n": "them",
        "covered_list": "Places I can tell you about: {names}.",
        "also_topics": "I can also answer general questions, like what a sanctuary city is.",
        "related": "I do have {related}.",
        "clarify.which": "Which {name} do you mean?",
        "clarify.related": (
            "Did you mean {related}? {place} itself isn't in my sources, and that doesn't "
            "mean it has no policy."
        ),
        "not_in_sources": "{place} (not in my sources)",
        "list.head": "As of {date}, my sources describe these {count} places:",
        "list.head_state": "As of {date}, my sources describe these places in {state}:",
        "list.none_state": (
            "My sources describe no places in {state}. That doesn't mean none have such "
            "policies — my knowledge comes from a few news articles ({span})."
        ),
        "list.group.sanctuary": "Sanctuary",
        "list.group.limits_cooperation": "Limit cooperation with federal enforcement",
        "list.group.unclear": "Unclear",
        "list.group.unknown": "Named without a stance",
        "help": (
            "I answer questions about sanctuary-city policies in US cities, counties and "
            "states, with quotes and sources from news articles published {span}."
        ),
        "help.more": (
            "Ask in English or Spanish. I don't store your messages or who you are. "
            "I'm not a lawyer."
        ),
        "not_understood": "Sorry, I didn't understand that.",
        "not_understood.empty": "Please type a question.",
        "examples": (
            "Is Denver a sanctuary city?|What did the mayor of Chicago say?|"
            "Which cities are sanctuary cities?|Sanctuary cities in California|"
            "What is a sanctuary city?"
        ),
        "topics.head": "General questions I can answer:",
        "sources.head": "My knowledge comes from these {count} news articles:",
        "place_sources.head": "Where my information about {place} comes from:",
        "facts.head": "Dated facts:",
        "about": (
            "sanctuary-bot answers questions about US sanctuary-city policies from a "
            "hand-edited knowledge base built from {count} news articles published {span}."
            " Every answer says how old its information is; policies may have changed "
            "since."
        ),
        "about.legal": "It is not a lawyer and does not give legal advice.",
        "about.privacy": (
            "Privacy: it does not store or log your messages, your name, your username, your "
            "user id or your chat."
        ),
        "button.place": "{place}",
        "type.city": "city",
        "type.county": "county",
        "type.state": "state",
        "type.district": "district",
        "and": "and",
        "approx": "approx. {date}",
        "and_more": "and {count} more (/list)",
        "plain.sanctuary": "As of {date}, {place} was a sanctuary {type}.",
        "plain.limits_cooperation": (
            "As of {date}, {place} had policies that limit cooperation with federal "
            "immigration enforcement."
        ),
        "plain.unclear": "As of {date}, the statements about {place} conflict.",
        "plain.unknown": (
            "My sources name {place} ({date}) without a stance on sanctuary policies."
        ),
        "button.all_places": "All places I cover",
        "thanks": "You're welcome!",
        "help.commands": (
            "On Telegram: /city NAME, /list [STATE], /topics, /sources, /about, /language; "
            "in any chat, type @ and my name, then a place."
        ),
        "unknown_state": "I don't know that US state. Try /list CA or /list California.",
        "state_of": "{name} State",
        "joint_statement": "in a joint statement with {names}",
        "which_namesake": (
            "Several places are called {typed}; I took the largest, {place}. To ask about "
            "another, add its state, e.g. “{other}”."
        ),
        "outside_us": (
            "I only have information about places in the United States, and {places} is "
            "not one of them."
        ),
    },
    "es": {
        "stance.sanctuary": "Sí — {when}, {place} era {article} {type} santuario.",
        "stance.limits_cooperation": (
            "En parte — {when}, {place} tenía políticas que limitan la cooperación con "
            "las autoridades federales de inmigración."
        ),
        "stance.unclear": (
            "No está claro — {when}, las declaraciones sobre {place} se contradicen."
        ),
        "stance.unknown": (
            "Mis fuentes no lo dicen — {place} aparece en ellas ({date}), pero sin una postura "
            "sobre políticas de santuario."
        ),
        "short.sanctuary": "santuario",
        "short.limits_cooperation": "limita la cooperación",
        "short.unclear": "no está claro",
        "short.unknown": "sin postura en mis fuentes",
        "compare.line": "{place}: {stance} ({when}).",
        "compare.head": "Esto dicen mis fuentes sobre cada lugar:",
        "said.head": "Lo que dijo {speaker}:",
        "role.none": "Mis fuentes no citan a {role} de {place}; estas son las citas que sí tienen.",
        "role.mayor": "ningún alcalde",
        "role.police": "ningún jefe de policía",
        "role.governor": "ningún gobernador",
        "role.council": "ningún concejal",
        "role.attorney_general": "ningún fiscal general",
        "age": (
            "Fecha de esta información: {date}; viene de artículos de prensa publicados "
            "{between}. Las políticas pueden haber cambiado desde entonces; consulte noticias "
            "locales o fuentes oficiales actuales."
        ),
        "legal": (
            "Esto no es asesoría legal. Para su situación, consulte a un abogado de "
            "inmigración o a una organización de ayuda legal de confianza."
        ),
        "which_place": "Entendí que “{typed}” se refiere a {place}.",
        "other_same_name": "Si se refiere a {other}, pregunte por «{other}».",
        "not_covered": (
            "No tengo información sobre {places} en mis fuentes. Eso no significa que "
            "{it_has} una política — mi conocimiento viene de unos pocos artículos de prensa "
            "({span}) que no {it} mencionan."
        ),
        "not_covered.it_has.1": "no tenga",
        "not_covered.it_has.n": "no tengan",
        "not_covered.it.1": "lo",
        "not_covered.it.n": "los",
        "covered_list": "Lugares sobre los que puedo informarle: {names}.",
        "also_topics": (
            "También respondo preguntas generales, por ejemplo qué es una ciudad santuario."
        ),
        "related": "Sí tengo información sobre {related}.",
        "clarify.which": "¿A qué {name} se refiere?",
        "clarify.related": (
            "¿Se refiere a {related}? {place} en sí no aparece en mis fuentes, y eso no "
            "significa que no tenga una política."
        ),
        "not_in_sources": "{place} (no está en mis fuentes)",
        "list.head": "{When}, mis fuentes describen estos {count} lugares:",
        "list.head_state": "{When}, mis fuentes describen estos lugares en {state}:",
        "list.none_state": (
            "Mis fuentes no describen ningún lugar en {state}. Eso no significa que ninguno "
            "tenga esas políticas — mi conocimiento viene de unos pocos artículos de prensa "
            "({span})."
        ),
        "list.group.sanctuary": "Santuario",
        "list.group.limits_cooperation": "Limitan la cooperación con las autoridades federales",
        "list.group.unclear": "No está claro",
        "list.group.unknown": "Mencionados sin postura",
        "help": (
            "Respondo preguntas sobre las políticas de ciudades santuario en ciudades, "
            "condados y estados de EE. UU., con citas y fuentes de artículos de prensa "
            "publicados {between}."
        ),
        "help.more": (
            "Pregunte en español o en inglés. No guardo sus mensajes ni quién es usted. "
            "No soy abogado."
        ),
        "not_understood": "Perdón, no entendí su pregunta.",
        "not_understood.empty": "Escriba una pregunta, por favor.",
        "examples": (
            "¿Es Denver una ciudad santuario?|¿Qué dijo el alcalde de Chicago?|"
            "¿Qué ciudades son santuario?|Ciudades santuario en California|"
            "¿Qué es una ciudad santuario?"
        ),
        "topics.head": "Preguntas generales que puedo responder:",
        "sources.head": "Mi conocimiento viene de estos {count} artículos de prensa:",
        "place_sources.head": "De dónde viene mi información sobre {place}:",
        "facts.head": "Hechos con fecha:",
        "about": (
            "sanctuary-bot responde preguntas sobre las políticas de ciudades santuario en "
            "EE. UU. a partir de una base de conocimiento editada a mano, construida con "
            "{count} artículos de prensa publicados {between}. Cada respuesta "
            "dice de cuándo es su información; las políticas pueden haber cambiado desde "
            "entonces."
        ),
        "about.legal": "No es abogado y no da asesoría legal.",
        "about.privacy": (
            "Privacidad: no guarda ni registra sus mensajes, su nombre, su usuario, su "
            "identificador ni su chat."
        ),
        "button.place": "{place}",
        "type.city": "ciudad",
        "type.county": "condado",
        "type.state": "estado",
        "type.district": "distrito",
        "and": "y",
        "approx": "aprox. {date}",
        "and_more": "y {count} más (/list)",
        "plain.sanctuary": "{When}, {place} era {article} {type} santuario.",
        "plain.limits_cooperation": (
            "{When}, {place} tenía políticas que limitan la cooperación con las autoridades "
            "federales de inmigración."
        ),
        "plain.unclear": "{When}, las declaraciones sobre {place} se contradicen.",
        "plain.unknown": (
            "Mis fuentes mencionan {place} ({date}) sin una postura sobre políticas de santuario."
        ),
        "button.all_places": "Todos los lugares que conozco",
        "thanks": "¡De nada!",
        "help.commands": (
            "En Telegram: /city NOMBRE, /list [ESTADO], /topics, /sources, /about, /language; "
            "en cualquier chat, escriba @ y mi nombre, y luego un lugar."
        ),
        "unknown_state": "No conozco ese estado de EE. UU. Pruebe /list CA o /list California.",
        "state_of": "estado de {name}",
        "joint_statement": "en una declaración conjunta con {names}",
        "which_namesake": (
            "Varios lugares se llaman {typed}; entendí el más grande, {place}. Para preguntar "
            "por otro, añada su estado, por ejemplo «{other}»."
        ),
        "outside_us": (
            "Solo tengo información sobre lugares de Estados Unidos, y {places} no es uno de ellos."
        ),
    },
}

_ARTICLE_ES = {"city": "una", "county": "un", "state": "un", "district": "un"}


def when(date: PartialDate, language: str) -> str:
    """A date as a time phrase: "April 2017" / "en abril de 2017", "el 24 de abril de 2017"."""
    if language != "es":
        return date.human(language)
    return ("el " if date.day else "en ") + date.human(language)


def dated(date: PartialDate, language: str) -> dict[str, str]:
    """The values a phrase may use for one date: {date}, {when} and {When}."""
    phrase = when(date, language)
    return {"date": date.human(language), "when": phrase, "When": phrase[:1].upper() + phrase[1:]}


def say(language: str, key: str, **values: object) -> str:
    """The phrase `key` in `language` (English when unknown), filled with `values`."""
    table = PHRASES.get(language, PHRASES["en"])
    return table[key].format(**values)


def article_es(place_type: str) -> str:
    return _ARTICLE_ES.get(place_type, "un")


def join_names(names: list[str], language: str) -> str:
    """'A', 'A and B', 'A, B and C' (y in Spanish)."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {say(language, 'and')} {names[-1]}"
