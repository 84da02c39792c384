"""The transport's own short wording in English and Spanish (answers come from the engine).

None of these strings contain user-provided text; placeholders take only knowledge-base
values (a state code, counts) and are filled with `text(key, language, **values)`.
The tables have the shape of the answers' phrases: key -> Localized(en, es).
"""

from __future__ import annotations

from html import escape

from bot.answer.phrases import lookup
from bot.knowledge.model import Localized

TEXTS: dict[str, Localized] = {
    "slow_down": Localized(
        "You are sending messages very fast. Please wait a minute, then ask again.",
        "Está enviando mensajes muy rápido. Espere un minuto y vuelva a preguntar.",
    ),
    "non_text": Localized(
        "I can only read text messages. Ask me, for example: Is Denver a sanctuary city?",
        "Solo puedo leer mensajes de texto. Pregúnteme, por ejemplo: "
        "¿Es Denver una ciudad santuario?",
    ),
    "apology": Localized(
        "Sorry, something went wrong on my side. Please try again in a moment.",
        "Lo siento, algo falló de mi lado. Vuelva a intentarlo en un momento.",
    ),
    "unknown_command": Localized(
        "I don't know that command. Send /help to see what I can do.",
        "No conozco ese comando. Envíe /help para ver lo que puedo hacer.",
    ),
    "city_usage": Localized(
        "Send /city followed by the name of a place, for example: /city Denver",
        "Envíe /city seguido del nombre de un lugar, por ejemplo: /city Denver",
    ),
    "language_prompt": Localized(
        "Choose the language of my answers / Elija el idioma de mis respuestas:",
        "Elija el idioma de mis respuestas / Choose the language of my answers:",
    ),
    "language_set": Localized("I will answer in English.", "Responderé en español."),
    "expired": Localized(
        "This button has expired. Please ask again.",
        "Este botón ha caducado. Pregunte de nuevo, por favor.",
    ),
    "not_ready": Localized(
        "I am starting up. Please try again in a minute.",
        "Me estoy iniciando. Vuelva a intentarlo en un minuto.",
    ),
    "button_sources": Localized("Sources", "Fuentes"),
    "button_quotes": Localized("More quotes", "Más citas"),
    "button_history": Localized("History", "Historia"),
    "button_state": Localized("Other places in {state}", "Otros lugares en {state}"),
    "button_back": Localized("« Back to the answer", "« Volver a la respuesta"),
    "reload_ok": Localized(
        "Knowledge base reloaded: {places} places, {topics} topics, {sources} sources.",
        "Base de conocimiento recargada: {places} lugares, {topics} temas, {sources} fuentes.",
    ),
    "reload_fixed": Localized(
        "The knowledge base is valid again and live: {places} places.",
        "La base de conocimiento vuelve a ser válida y está activa: {places} lugares.",
    ),
    "reload_rejected": Localized(
        "Knowledge base edit rejected; still answering from the last good data. Problems:",
        "Edición de la base de conocimiento rechazada; sigo respondiendo con los últimos "
        "datos válidos. Problemas:",
    ),
    "stats_off": Localized(
        "Statistics are off (SANCTUARY_STATS is not set).",
        "Las estadísticas están desactivadas (SANCTUARY_STATS no está definida).",
    ),
}

# The command menu registered with set_my_commands, in English and Spanish.
COMMANDS: dict[str, Localized] = {
    "start": Localized("What I can do", "Qué puedo hacer"),
    "help": Localized("How to ask a question", "Cómo hacer una pregunta"),
    "city": Localized(
        "A place's policy, e.g. /city Denver", "La política de un lugar: /city Denver"
    ),
    "list": Localized(
        "Covered places, optionally in one state: /list CA",
        "Lugares cubiertos, o los de un estado: /list CA",
    ),
    "map": Localized(  # map-site
        "Map of covered places, or one state: /map Texas",
        "Mapa de los lugares, o de un estado: /map Texas",
    ),
    "topics": Localized(
        "General questions I can answer", "Preguntas generales que puedo responder"
    ),
    "sources": Localized("Where the information comes from", "De dónde viene la información"),
    "about": Localized(
        "The data, its age, and your privacy", "Los datos, su fecha y su privacidad"
    ),
    "language": Localized("English / Español", "Español / English"),
}


def text(key: str, language: str, **values: object) -> str:
    """The plain-text wording for `key` in `language` ("es" or anything else: English)."""
    return lookup(TEXTS, key, language, **values)


def html(key: str, language: str, **values: object) -> str:
    """The same wording, escaped for HTML parse mode."""
    return escape(text(key, language, **values), quote=False)
