"""Everything the bot says in its own words, in English and Spanish. Quotes are never here.

Every table has one shape: a key (a phrase name or a vocabulary member) -> `Localized`, read
with `lookup` (or `say` for `PHRASES`). Keys are written out in full so that grep finds them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from bot.answer.model import Kind
from bot.knowledge.model import Aspect, Localized, PartialDate, PlaceType, SourceKind, Stance
from bot.understanding.roles import Role

K = TypeVar("K", bound=str)

PHRASES: dict[str, Localized] = {
    "compare.line": Localized(
        en="{place}: {stance} (as of {date}).",
        es="{place}: {stance} ({when}).",
    ),
    "compare.head": Localized(
        en="Here is what my sources say about each place:",
        es="Esto dicen mis fuentes sobre cada lugar:",
    ),
    "said.head": Localized(
        en="What {speaker} said:",
        es="Lo que dijo {speaker}:",
    ),
    "role.none": Localized(
        en="My sources quote no {role} of {place}; here is what they do quote.",
        es="Mis fuentes no citan a {role} de {place}; estas son las citas que sí tienen.",
    ),
    "age": Localized(
        en=(
            "This information dates from {date}. Policies may have changed since; check current "
            "local news or official sources."
        ),
        es=(
            "Fecha de esta información: {date}. Las políticas pueden haber cambiado desde "
            "entonces; consulte noticias locales o fuentes oficiales actuales."
        ),
    ),
    "legal": Localized(
        en=(
            "This is not legal advice. For your own situation, talk to an immigration lawyer or "
            "a legal aid organization you trust."
        ),
        es=(
            "Esto no es asesoría legal. Para su situación, consulte a un abogado de inmigración "
            "o a una organización de ayuda legal de confianza."
        ),
    ),
    "which_place": Localized(
        en="I took “{typed}” to mean {place}.",
        es="Entendí que “{typed}” se refiere a {place}.",
    ),
    "region": Localized(
        en="I took “{typed}” to mean {places}, the places of the region my sources cover.",
        es="Entendí que “{typed}” se refiere a {places}, los lugares de la región que cubren "
        "mis fuentes.",
    ),
    "other_same_name": Localized(
        en="If you mean {other}, ask about “{asked}”.",
        es="Si se refiere a {other}, pregunte por «{asked}».",
    ),
    "not_covered": Localized(
        en=(
            "I don't have information about {places} in my sources. That doesn't mean {it_has} "
            "no policy — my sources (news reports, court records and government releases, "
            "{span}) don't cover {it}."
        ),
        es=(
            "No tengo información sobre {places} en mis fuentes. Eso no significa que {it_has} "
            "una política — mis fuentes (noticias, documentos judiciales y comunicados "
            "oficiales, {span}) no {it} mencionan."
        ),
    ),
    "not_covered.it_has.1": Localized(
        en="it has",
        es="no tenga",
    ),
    "not_covered.it_has.n": Localized(
        en="they have",
        es="no tengan",
    ),
    "not_covered.it.1": Localized(
        en="it",
        es="lo",
    ),
    "not_covered.it.n": Localized(
        en="them",
        es="los",
    ),
    "covered_list": Localized(
        en="Places I can tell you about: {names}.",
        es="Lugares sobre los que puedo informarle: {names}.",
    ),
    "also_topics": Localized(
        en="I can also answer general questions, like what a sanctuary city is.",
        es="También respondo preguntas generales, por ejemplo qué es una ciudad santuario.",
    ),
    "related": Localized(
        en="I do have {related}.",
        es="Sí tengo información sobre {related}.",
    ),
    "clarify.which": Localized(
        en="Which {name} do you mean?",
        es="¿A qué {name} se refiere?",
    ),
    "clarify.related": Localized(
        en=(
            "Did you mean {related}? {place} itself isn't in my sources, and that doesn't mean "
            "it has no policy."
        ),
        es=(
            "¿Se refiere a {related}? {place} en sí no aparece en mis fuentes, y eso no "
            "significa que no tenga una política."
        ),
    ),
    "not_in_sources": Localized(
        en="{place} (not in my sources)",
        es="{place} (no está en mis fuentes)",
    ),
    "list.head": Localized(
        en=(
            "My sources describe these {count} places, each with the date of its newest "
            "information:"
        ),
        es=(
            "Mis fuentes describen estos {count} lugares, cada uno con la fecha de su "
            "información más reciente:"
        ),
    ),
    "list.head_state": Localized(
        en=(
            "My sources describe these places in {state}, each with the date of its newest "
            "information:"
        ),
        es=(
            "Mis fuentes describen estos lugares en {state}, cada uno con la fecha de su "
            "información más reciente:"
        ),
    ),
    "list.place": Localized(
        en="{place} ({date})",
        es="{place} ({date})",
    ),
    "list.none_state": Localized(
        en=(
            "My sources describe no places in {state}. That doesn't mean none have such "
            "policies — my sources ({span}) don't cover them."
        ),
        es=(
            "Mis fuentes no describen ningún lugar en {state}. Eso no significa que ninguno "
            "tenga esas políticas — mis fuentes ({span}) no los mencionan."
        ),
    ),
    "help": Localized(
        en=(
            "I answer questions about sanctuary-city policies in US cities, counties and "
            "states: quotes from five news articles ({articles}) and a dated timeline from "
            "later news, court and government sources ({later})."
        ),
        es=(
            "Respondo preguntas sobre las políticas de ciudades santuario en ciudades, condados "
            "y estados de EE. UU.: citas de cinco artículos de prensa ({articles}) y una "
            "cronología con fechas de noticias, documentos judiciales y comunicados oficiales "
            "posteriores ({later})."
        ),
    ),
    "help.more": Localized(
        en=(
            "Ask in English or Spanish. I don't store your messages or who you are. I'm not a "
            "lawyer."
        ),
        es=(
            "Pregunte en español o en inglés. No guardo sus mensajes ni quién es usted. No soy "
            "abogado."
        ),
    ),
    "not_understood": Localized(
        en="Sorry, I didn't understand that.",
        es="Perdón, no entendí su pregunta.",
    ),
    "not_understood.empty": Localized(
        en="Please type a question.",
        es="Escriba una pregunta, por favor.",
    ),
    "examples": Localized(
        en=(
            "Is Denver a sanctuary city?|What did the mayor of Chicago say?|Which cities are "
            "sanctuary cities?|Sanctuary cities in California|What is a sanctuary city?"
        ),
        es=(
            "¿Es Denver una ciudad santuario?|¿Qué dijo el alcalde de Chicago?|¿Qué ciudades "
            "son santuario?|Ciudades santuario en California|¿Qué es una ciudad santuario?"
        ),
    ),
    "topics.head": Localized(
        en="General questions I can answer:",
        es="Preguntas generales que puedo responder:",
    ),
    "sources.head": Localized(
        en=(
            "My knowledge comes from {count} sources: {articles_count} news articles "
            "({articles}), the only ones I quote, listed below, and {later_count} later news, "
            "court and government sources ({later}), from which each place's timeline is "
            "written in my own words."
        ),
        es=(
            "Mi conocimiento viene de {count} fuentes: {articles_count} artículos de prensa "
            "({articles}), los únicos que cito, que se enumeran abajo, y {later_count} fuentes "
            "posteriores de noticias, tribunales y gobiernos ({later}), con las que se "
            "redactó con mis propias palabras la cronología de cada lugar."
        ),
    ),
    "sources.later": Localized(
        en=(
            "The later sources: {kinds}. Each place's answer has a Sources button that lists "
            "its own, with their addresses."
        ),
        es=(
            "Las fuentes posteriores: {kinds}. La respuesta sobre cada lugar tiene un botón "
            "Fuentes que enumera las suyas, con sus direcciones."
        ),
    ),
    "place_sources.head": Localized(
        en="Where my information about {place} comes from:",
        es="De dónde viene mi información sobre {place}:",
    ),
    "facts.head": Localized(
        en="Dated facts:",
        es="Hechos con fecha:",
    ),
    "about": Localized(
        en=(
            "sanctuary-bot answers questions about US sanctuary-city policies from a "
            "hand-edited knowledge base: {articles_count} news articles published "
            "{articles_between} (the only sources it quotes) and {later_count} later sources — "
            "news reports, court records and government releases — dated {later_between}, "
            "written up as a dated timeline for each place. Every answer says how old its "
            "information is; policies may have changed since."
        ),
        es=(
            "sanctuary-bot responde preguntas sobre las políticas de ciudades santuario en EE. "
            "UU. a partir de una base de conocimiento editada a mano: {articles_count} "
            "artículos de prensa publicados {articles_between} (las únicas fuentes que cita) y "
            "{later_count} fuentes posteriores — noticias, documentos judiciales y comunicados "
            "oficiales — con fechas {later_between}, resumidas en una cronología para cada "
            "lugar. Cada respuesta dice de cuándo es su información; las políticas pueden haber "
            "cambiado desde entonces."
        ),
    ),
    "about.legal": Localized(
        en="It is not a lawyer and does not give legal advice.",
        es="No es abogado y no da asesoría legal.",
    ),
    "about.privacy": Localized(
        en=(
            "Privacy: it does not store or log your messages, your name, your username, your "
            "user id or your chat."
        ),
        es=(
            "Privacidad: no guarda ni registra sus mensajes, su nombre, su usuario, su "
            "identificador ni su chat."
        ),
    ),
    "and": Localized(
        en="and",
        es="y",
    ),
    "inferred": Localized(
        en="{date} (date inferred)",
        es="{date} (fecha inferida)",
    ),
    "reported": Localized(
        en="reported by {outlet}",
        es="según {outlet}",
    ),
    "inferred.inline": Localized(
        en="{date}, date inferred",
        es="{date}, fecha inferida",
    ),
    "from_notes": Localized(
        en="{date}, date from our source notes",
        es="{date}, fecha de nuestras notas sobre las fuentes",
    ),
    "federal.listed": Localized(
        en=(
            "As of {date}, the US Justice Department lists {place} as a sanctuary jurisdiction "
            "(the federal government's designation)."
        ),
        es=(
            "{When}, el Departamento de Justicia de EE. UU. incluyó a {place} en su lista de "
            "jurisdicciones santuario (una designación del gobierno federal)."
        ),
    ),
    "federal.removed": Localized(
        en=(
            "The US Justice Department listed {place} as a sanctuary jurisdiction in "
            "{listed_when} and removed it from the list in {removed_when} (the federal "
            "government's designation)."
        ),
        es=(
            "El Departamento de Justicia de EE. UU. incluyó a {place} en su lista de "
            "jurisdicciones santuario {listed_when} y lo retiró de ella {removed_when} (una "
            "designación del gobierno federal)."
        ),
    ),
    "timeline.head": Localized(
        en="Latest:",
        es="Lo más reciente:",
    ),
    "timeline.line": Localized(
        en="• {date} — {text} ({outlet})",
        es="• {date} — {text} ({outlet})",
    ),
    "history.head": Localized(
        en="The history of {place} in my sources, newest first ({count} entries):",
        es="La historia de {place} en mis fuentes, de lo más reciente a lo más antiguo "
        "({count} entradas):",
    ),
    "history.none": Localized(
        en="My sources have no dated timeline for {place}.",
        es="Mis fuentes no tienen una cronología con fechas para {place}.",
    ),
    "via_state": Localized(
        en="{place} itself isn't in my sources. {statewide}",
        es="{place} en sí no aparece en mis fuentes. {statewide}",
    ),
    "via_state.standing": Localized(
        en="That is the state's law, not an assessment of {place} itself. {standing}",
        es="Es la ley del estado, no una evaluación de {place} en sí. {standing}",
    ),
    "and_more": Localized(
        en="and {count} more (/list)",
        es="y {count} más (/list)",
    ),
    "button.all_places": Localized(
        en="All places I cover",
        es="Todos los lugares que conozco",
    ),
    "thanks": Localized(
        en="You're welcome!",
        es="¡De nada!",
    ),
    "help.commands": Localized(
        en=(
            "On Telegram: /city NAME, /list [STATE], /topics, /sources, /about, /language; in "
            "any chat, type @ and my name, then a place."
        ),
        es=(
            "En Telegram: /city NOMBRE, /list [ESTADO], /topics, /sources, /about, /language; "
            "en cualquier chat, escriba @ y mi nombre, y luego un lugar."
        ),
    ),
    "unknown_state": Localized(
        en="I don't know that US state. Try /list CA or /list California.",
        es="No conozco ese estado de EE. UU. Pruebe /list CA o /list California.",
    ),
    "state_of": Localized(
        en="{name} State",
        es="estado de {name}",
    ),
    "joint_statement": Localized(
        en="in a joint statement with {names}",
        es="en una declaración conjunta con {names}",
    ),
    "which_namesake": Localized(
        en=(
            "Several places are called {typed}; I took the largest, {place}. To ask about "
            "another, add its state, e.g. “{other}”."
        ),
        es=(
            "Varios lugares se llaman {typed}; entendí el más grande, {place}. Para preguntar "
            "por otro, añada su estado, por ejemplo «{other}»."
        ),
    ),
    "outside_us": Localized(
        en=(
            "I only have information about places in the United States, and {places} is not one "
            "of them."
        ),
        es=(
            "Solo tengo información sobre lugares de Estados Unidos, y {places} no es uno de ellos."
        ),
    ),
    "outside_us.n": Localized(
        en="I only have information about places in the United States, and {places} are not.",
        es="Solo tengo información sobre lugares de Estados Unidos, y {places} no lo son.",
    ),
}

# Per stance (Stance members; str so that a value the enum gains can be added first).
# The bottom line when the question asks about sanctuary status ("Is Denver…?").
STANCE_ANSWERS: dict[str, Localized] = {
    Stance.SANCTUARY: Localized(
        en="Yes — as of {date}, {place}'s own laws or officials called it a sanctuary {type}.",
        es=(
            "Sí — {when}, {place} se declaraba {type} santuario en sus propias leyes o por sus "
            "autoridades."
        ),
    ),
    Stance.LIMITS_COOPERATION: Localized(
        en=(
            "Partly — as of {date}, {place} had policies that limit cooperation with federal "
            "immigration enforcement."
        ),
        es=(
            "En parte — {when}, {place} tenía políticas que limitaban la cooperación con las "
            "autoridades federales de inmigración."
        ),
    ),
    Stance.UNCLEAR: Localized(
        en="Unclear — as of {date}, the statements about {place} conflicted.",
        es="No está claro — {when}, las declaraciones sobre {place} se contradecían.",
    ),
    Stance.UNKNOWN: Localized(
        en=(
            "My sources don't say — {place} is named in them ({date}), but without a stance on "
            "sanctuary policies."
        ),
        es=(
            "Mis fuentes no lo dicen — {place} aparece en ellas ({date}), pero sin una postura "
            "sobre políticas de santuario."
        ),
    ),
    Stance.BANS_SANCTUARY: Localized(
        en=(
            "No — as of {date}, {place}'s law banned sanctuary policies and required local "
            "cooperation with federal immigration enforcement."
        ),
        es=(
            "No — {when}, la ley de {place} prohibía las políticas santuario y exigía cooperar "
            "con las autoridades federales de inmigración."
        ),
    ),
}
# The bottom line otherwise ("is it safe there?" is not answered "Yes").
STANCE_LINES: dict[str, Localized] = {
    Stance.SANCTUARY: Localized(
        en="As of {date}, {place}'s own laws or officials called it a sanctuary {type}.",
        es=(
            "{When}, {place} se declaraba {type} santuario en sus propias leyes o por sus "
            "autoridades."
        ),
    ),
    Stance.LIMITS_COOPERATION: Localized(
        en=(
            "As of {date}, {place} had policies that limit cooperation with federal immigration "
            "enforcement."
        ),
        es=(
            "{When}, {place} tenía políticas que limitaban la cooperación con las autoridades "
            "federales de inmigración."
        ),
    ),
    Stance.UNCLEAR: Localized(
        en="As of {date}, the statements about {place} conflicted.",
        es="{When}, las declaraciones sobre {place} se contradecían.",
    ),
    Stance.UNKNOWN: Localized(
        en="My sources name {place} ({date}) without a stance on sanctuary policies.",
        es=("Mis fuentes mencionan {place} ({date}) sin una postura sobre políticas de santuario."),
    ),
    Stance.BANS_SANCTUARY: Localized(
        en=(
            "As of {date}, {place}'s law banned sanctuary policies and required local "
            "cooperation with federal immigration enforcement."
        ),
        es=(
            "{When}, la ley de {place} prohibía las políticas santuario y exigía cooperar con "
            "las autoridades federales de inmigración."
        ),
    ),
}
# In a comparison: "Denver: limits cooperation (as of May 2017)."
STANCE_SHORT: dict[str, Localized] = {
    Stance.SANCTUARY: Localized(
        en="sanctuary by its own laws or officials",
        es="santuario según sus propias leyes o autoridades",
    ),
    Stance.LIMITS_COOPERATION: Localized(
        en="limits cooperation",
        es="limita la cooperación",
    ),
    Stance.UNCLEAR: Localized(
        en="unclear",
        es="no está claro",
    ),
    Stance.UNKNOWN: Localized(
        en="no stance in my sources",
        es="sin postura en mis fuentes",
    ),
    Stance.BANS_SANCTUARY: Localized(
        en="bans sanctuary policies",
        es="prohíbe las políticas santuario",
    ),
}
# The group headings of the list of places.
STANCE_GROUPS: dict[str, Localized] = {
    Stance.SANCTUARY: Localized(
        en="Sanctuary",
        es="Santuario",
    ),
    Stance.LIMITS_COOPERATION: Localized(
        en="Limit cooperation with federal enforcement",
        es="Limitan la cooperación con las autoridades federales",
    ),
    Stance.UNCLEAR: Localized(
        en="Unclear",
        es="No está claro",
    ),
    Stance.UNKNOWN: Localized(
        en="Named without a stance",
        es="Mencionados sin postura",
    ),
    Stance.BANS_SANCTUARY: Localized(
        en="Ban sanctuary policies",
        es="Prohíben las políticas santuario",
    ),
}
# The headings of the list of places, by type (Washington, D.C. is listed with the cities).
TYPE_GROUPS: dict[PlaceType, Localized] = {
    PlaceType.STATE: Localized("States", "Estados"),
    PlaceType.COUNTY: Localized("Counties", "Condados"),
    PlaceType.CITY: Localized("Cities", "Ciudades"),
}
# "My sources quote no mayor of Denver" (Spanish: "ningún alcalde").
ROLE_NAMES: dict[Role, Localized] = {
    Role.MAYOR: Localized(
        en="mayor",
        es="ningún alcalde",
    ),
    Role.POLICE: Localized(
        en="police chief",
        es="ningún jefe de policía",
    ),
    Role.GOVERNOR: Localized(
        en="governor",
        es="ningún gobernador",
    ),
    Role.COUNCIL: Localized(
        en="council member",
        es="ningún concejal",
    ),
    Role.ATTORNEY_GENERAL: Localized(
        en="attorney general",
        es="ningún fiscal general",
    ),
}
PLACE_TYPES: dict[PlaceType, Localized] = {
    PlaceType.CITY: Localized(
        en="city",
        es="ciudad",
    ),
    PlaceType.COUNTY: Localized(
        en="county",
        es="condado",
    ),
    PlaceType.STATE: Localized(
        en="state",
        es="estado",
    ),
    PlaceType.DISTRICT: Localized(
        en="district",
        es="distrito",
    ),
}
# The later sources, counted by kind on /sources ("90 news reports").
SOURCE_KINDS: dict[SourceKind, Localized] = {
    SourceKind.ARTICLE: Localized("{count} news articles", "{count} artículos de prensa"),
    SourceKind.NEWS: Localized("{count} news reports", "{count} noticias"),
    SourceKind.COURT: Localized("{count} court records", "{count} documentos judiciales"),
    SourceKind.GOVERNMENT: Localized(
        "{count} government releases and laws", "{count} comunicados y leyes de gobiernos"
    ),
    SourceKind.REFERENCE: Localized("{count} reference pages", "{count} páginas de referencia"),
    SourceKind.ADVOCACY: Localized(
        "{count} advocacy pages", "{count} páginas de organizaciones de defensa"
    ),
}
# What each kind of answer is, for maintainers' reports (the usage statistics).
KIND_NAMES: dict[Kind, Localized] = {
    Kind.ANSWER: Localized("answer about a place", "respuesta sobre un lugar"),
    Kind.CLARIFY: Localized("clarifying question", "pregunta aclaratoria"),
    Kind.NOT_COVERED: Localized("place not covered", "lugar no cubierto"),
    Kind.TOPIC: Localized("general topic", "tema general"),
    Kind.LIST: Localized("list of places", "lista de lugares"),
    Kind.HELP: Localized("help", "ayuda"),
    Kind.NOT_UNDERSTOOD: Localized("not understood", "no entendida"),
}
# What each aspect is about, in a phrase ("On courts, lawsuits and rulings, …").
ASPECT_NAMES: dict[Aspect, Localized] = {
    Aspect.MONEY: Localized("money and funds", "dinero y fondos"),
    Aspect.NUMBERS: Localized("figures", "cifras"),
    Aspect.POLICE: Localized("police practice", "la práctica policial"),
    Aspect.JAILS: Localized("jails and ICE detainers", "cárceles y órdenes de retención de ICE"),
    Aspect.COURTS: Localized("courts, lawsuits and rulings", "tribunales, demandas y fallos"),
    Aspect.FEDERAL_FUNDING: Localized("federal funding", "los fondos federales"),
    Aspect.LAWS: Localized("laws and orders", "leyes y órdenes"),
    Aspect.WHEN: Localized("dates", "fechas"),
    Aspect.WHO: Localized("officials", "funcionarios"),
    Aspect.SAID: Localized("what officials said", "lo que dijeron los funcionarios"),
    Aspect.ICE_ACCESS: Localized("ICE access", "el acceso de ICE"),
    Aspect.SERVICES: Localized("services and IDs", "servicios e identificaciones"),
    Aspect.FEDERAL_LIST: Localized(
        "the federal sanctuary lists", "las listas federales de santuarios"
    ),
}
# "My sources don't say …": what was asked, per aspect (the subject of a `when`/`who`/`said`).
ASPECT_MISSING: dict[Aspect, Localized] = {
    Aspect.MONEY: Localized(
        "My sources don't say how much money {place} set aside or spent.",
        "Mis fuentes no dicen cuánto dinero apartó o gastó {place}.",
    ),
    Aspect.NUMBERS: Localized(
        "My sources don't give that figure for {place}.",
        "Mis fuentes no dan esa cifra para {place}.",
    ),
    Aspect.POLICE: Localized(
        "My sources don't say what the police in {place} do about immigration status.",
        "Mis fuentes no dicen qué hace la policía de {place} respecto del estatus migratorio.",
    ),
    Aspect.JAILS: Localized(
        "My sources don't say whether jails in {place} hold people for ICE.",
        "Mis fuentes no dicen si las cárceles de {place} retienen a personas para ICE.",
    ),
    Aspect.COURTS: Localized(
        "My sources don't report a court case or ruling about {place}.",
        "Mis fuentes no mencionan ninguna demanda ni fallo judicial sobre {place}.",
    ),
    Aspect.FEDERAL_FUNDING: Localized(
        "My sources don't say what federal funding {place} has at stake.",
        "Mis fuentes no dicen qué fondos federales tiene en juego {place}.",
    ),
    Aspect.LAWS: Localized(
        "My sources don't describe a law or order of {place} about that.",
        "Mis fuentes no describen una ley u orden de {place} sobre eso.",
    ),
    Aspect.WHEN: Localized(
        "My sources don't give a date for that in {place}.",
        "Mis fuentes no dan una fecha para eso en {place}.",
    ),
    Aspect.WHO: Localized(
        "My sources don't name that official of {place}.",
        "Mis fuentes no nombran a ese funcionario de {place}.",
    ),
    Aspect.SAID: Localized("My sources don't quote {person}.", "Mis fuentes no citan {person}."),
    Aspect.ICE_ACCESS: Localized(
        "My sources don't say what access ICE has in {place}.",
        "Mis fuentes no dicen qué acceso tiene ICE en {place}.",
    ),
    Aspect.SERVICES: Localized(
        "My sources don't describe services for immigrants in {place}.",
        "Mis fuentes no describen servicios para inmigrantes en {place}.",
    ),
    Aspect.FEDERAL_LIST: Localized(
        "My sources don't say whether a federal list names {place}.",
        "Mis fuentes no dicen si una lista federal menciona a {place}.",
    ),
}
# Spanish needs the article of the place type's noun: "una ciudad", "un condado".
_ARTICLE_ES = {
    PlaceType.CITY: "una",
    PlaceType.COUNTY: "un",
    PlaceType.STATE: "un",
    PlaceType.DISTRICT: "un",
}


def lookup(table: Mapping[K, Localized], key: K, language: str, **fields: object) -> str:
    """The text of `key` in `table` in `language` (English unless "es"), with `fields` filled."""
    return table[key].get(language).format(**fields)


def say(language: str, key: str, **fields: object) -> str:
    """The phrase `key` of PHRASES in `language`, filled with `fields`."""
    return lookup(PHRASES, key, language, **fields)


def when(date: PartialDate, language: str) -> str:
    """A date as a time phrase: "April 2017" / "en abril de 2017", "el 24 de abril de 2017"."""
    if language != "es":
        return date.human(language)
    return ("el " if date.day else "en ") + date.human(language)


def dated(date: PartialDate, language: str) -> dict[str, str]:
    """The values a phrase may use for one date: {date}, {when} and {When}."""
    phrase = when(date, language)
    return {"date": date.human(language), "when": phrase, "When": phrase[:1].upper() + phrase[1:]}


def article_es(place_type: PlaceType) -> str:
    return _ARTICLE_ES.get(place_type, "un")


def join_names(names: list[str], language: str) -> str:
    """'A', 'A and B', 'A, B and C' (y in Spanish)."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {say(language, 'and')} {names[-1]}"
