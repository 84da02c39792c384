"""The words and patterns that tell what kind of question a message is (English and Spanish,
folded: lower case, no accents)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.understanding.roles import QUESTION_WORDS, Role
from bot.understanding.text import contains_phrase

MAX_GREETING_WORDS = 8
GREETINGS = frozenset((
    "hi", "hello", "hey", "hiya", "yo", "good morning", "good afternoon", "good evening",
    "thanks", "thank you", "thx", "ty", "ok", "okay", "cool", "great", "bye", "goodbye",
    "help", "start", "menu", "what can you do", "who are you", "how does this work",
    "hola", "buenas", "buenos dias", "buenas tardes", "buenas noches", "gracias",
    "muchas gracias", "ayuda", "adios", "que puedes hacer", "quien eres", "como funciona",
    "vale", "perfecto", "how do i use this", "how do i use you", "what do you do",
    "como se usa", "como funciona esto", "que haces", "que es esto", "what is this",
    "please help", "help me", "help please", "ayudame", "ayuda por favor", "que onda",
))  # fmt: skip
ADVICE = frozenset((
    "what should i do", "what do i do", "what can i do", "should i", "am i safe", "will i be",
    "can i be", "can they deport me", "deport me", "lawyer", "legal advice", "legal help",
    "i am undocumented", "im undocumented", "i m undocumented", "my family", "my husband",
    "my wife", "my son", "my daughter", "my mother", "my father", "at my door", "help me",
    "que hago", "que debo hacer", "que puedo hacer", "estoy seguro", "estoy segura",
    "me pueden deportar", "me van a deportar", "deportarme", "abogado", "abogada",
    "ayuda legal", "consejo legal", "soy indocumentado", "soy indocumentada", "mi familia",
    "mi esposo", "mi esposa", "mi hijo", "mi hija", "mi mama", "mi papa", "en mi puerta",
    "ayudenme", "ayudame", "is it safe", "safe for", "safe to", "safe there", "get deported",
    "be deported", "deport", "deported", "deportation", "deportado", "deportada", "deportar",
    "deportacion", "es seguro", "a salvo", "open the door", "my rights",
    "do i have to", "into my house", "into my home", "find a lawyer", "find an immigration lawyer",
    "stops me", "stop me", "tengo que", "mis derechos", "abrir la puerta", "abrirle la puerta",
    "entrar a mi casa", "me para", "me paran", "encontrar un abogado",
))  # fmt: skip
# Asking for a list: "which/what … cities", "list …", "sanctuary cities in …". Together with
# a sanctuary word (below) unless it is the bare command "list".
LIST_REQUEST = re.compile(
    r"\b(which|what|que|cuales|all|todas|todos|other|otras|otros)\s+(\w+\s+){0,3}"
    r"(cities|places|states|counties|jurisdictions|ones|ciudades|lugares|estados|condados)\b"
    r"|^(list|lista|show|mostrar|name|dame)\b|\b(la|the|full|a) list\b|\blist of\b|\blista de\b"
    r"|\b(sanctuary|santuario) (cities|places|states|counties) (in|en)\b"
    r"|\b(ciudades|estados|condados|lugares) santuario (en|de)\b"
    r"|\b(sanctuary|santuario) (city|cities|places|states|counties) list\b"  # "X … list"
)
# Weaker cues ("are there any…", "how many… in Colorado") ask for a list only of one state.
LIST_IN_STATE = re.compile(r"\b(any|how many|cuantas|cuantos|hay|more|mas)\b")
# Asking what something means, or what a source said, is not asking for the list.
DEFINITION_WORDS = re.compile(
    r"\b(explain|mean|meaning|define|definition|significa|explica\w*|outlet|article|said"
    r"|figure|cifra|dijo|number|numero)\b"
)
LIST_SUBJECT = re.compile(
    r"\b(sanctuar\w*|santuario\w*|protect\w*|proteg\w*|welcoming|information|info|cover\w*"
    r"|know|informacion|cubres|cubre|sabes|tienes|safe|seguro|segura|seguros|seguras)\b"
)
# HTML tags ("<b>Denver</b>" asks about Denver) and links (their words are no question).
MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,200}>|\bhttps?://\S+|\bwww\.\S+")
# Words that point back to the place of the previous answer in a conversation.
BACK_REFERENCES = frozenset((
    "there", "that statement", "that quote", "that city", "this city", "that place",
    "that state", "their", "same city", "alli", "ahi", "alla", "esa declaracion", "esa cita",
    "esa ciudad", "ese lugar", "ese estado", "su alcalde",
))  # fmt: skip
EXISTENTIAL = re.compile(r"\b(are|is|was|were) there\b|\bthere (are|is|was|were|s)\b")
WEAK_BACK_REFERENCES = (
    "it", "its", "they", "them", "that", "still", "ellos", "sus", "eso", "asi", "sigue",
)  # fmt: skip
# Questions about the bot and its data rather than about a place.
ABOUT_THE_BOT = frozenset((
    "how old", "is this current", "is this info current", "up to date", "outdated",
    "when was this", "when was that", "when is this from", "your sources", "your information",
    "your data",
    "where does this come from", "where do you get", "who made you", "are you a lawyer",
    "actualizada", "actualizado", "de cuando es", "de donde sacas", "tus fuentes",
    "tu informacion", "que tan vieja", "es abogado", "eres abogado",
    "sources do you use", "who made this", "who built", "store my messages",
    "save my messages", "keep my messages", "real person", "are you a bot", "are you human",
    "is this legal advice", "es asesoria legal", "esto es asesoria legal",
    "guardas mis mensajes", "guardan mis mensajes", "eres una persona", "eres un bot",
    "quien te hizo", "que fuentes", "do you speak spanish", "do you speak english",
    "habla espanol", "hablas espanol", "habla ingles", "de donde saca",
    "de donde viene la informacion", "use this bot", "this bot work", "answer in spanish",
    "en espanol", "eres un robot", "es un robot", "en que me puedes ayudar", "como le hago",
    "funciona en el celular",
))  # fmt: skip
SANCTUARY_WORDS = ("sanctuary", "sanctuaries", "santuario", "santuarios")
THANKS = ("thanks", "thank you", "thx", "ty", "gracias", "muchas gracias")
STATE_WORDS = ("state", "estado")

# "Is Toronto a sanctuary city?", "¿la ciudad de México es santuario?": a name we don't know.
IS_IT_A_SANCTUARY = re.compile(
    r"^(is|es|are|son)\s+(?P<en>.+?)\s+(a|an|una|un)?\s*(sanctuary|santuario|ciudad santuario)"
    r"|^(?P<es>.+?)\s+(es|son)\s+(una\s+|un\s+)?(ciudad\s+|estado\s+)?santuario"
)


def stems(folded: str) -> str:
    """Plural and third-person "s" dropped, so "cuts funds" meets the keyword "cut fund"."""
    return " ".join(
        word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        for word in folded.split()
    )


def asks_for_states(folded: str) -> bool:
    words = set(folded.split())
    return bool(words & {"states", "estados"}) and not words & {"cities", "ciudades", "places"}


def asks_for_list(folded: str, names_a_state: bool, names_only_a_state: bool) -> bool:
    if folded in ("list", "lista"):
        return True
    if folded.startswith(("why ", "por que ")) or DEFINITION_WORDS.search(folded):
        return False  # "Why are there sanctuary cities?", "explain what sanctuary cities are"
    about_coverage = bool(LIST_SUBJECT.search(folded)) or names_a_state
    if LIST_REQUEST.search(folded) and about_coverage:
        return True  # not "Which cities got letters?"
    # "Are there any in Colorado?" — but "how many undocumented in New York" is the city.
    return names_only_a_state and bool(LIST_IN_STATE.search(folded))


def role_in(folded: str) -> Role | None:
    for role, words in QUESTION_WORDS.items():
        if any(contains_phrase(folded, word) for word in words):
            return role
    return None


def starts_with_greeting(folded: str) -> bool:
    """'thank you so much', 'hola buenas noches': a short message that opens with a greeting
    (this is only asked once no place, person or topic was found)."""
    return len(folded.split()) <= MAX_GREETING_WORDS and any(
        folded.startswith(g + " ") for g in GREETINGS
    )


@dataclass(frozen=True)
class Cues:
    """What the wording of a question says besides its places and topic, read once."""

    role: Role | None = None  # "mayor", "police", "governor"… when the question names a role
    refers_back: bool = False  # "what did the mayor say?", "is it safe there?": a follow-up
    refers_back_weakly: bool = False  # "is it?", "do they?": a follow-up if nothing else fits
    wants_advice: bool = False  # "what should I do?": answered with a not-legal-advice line
    asks_status: bool = False  # names "sanctuary": a yes/no about status fits the answer
    thanks: bool = False  # "thank you", "gracias"
    wants_state: bool = False  # "Is New York a sanctuary state?", "the governor of New York"

    @classmethod
    def read(cls, folded: str) -> Cues:
        """The cues of a folded question ("what did the mayor of denver say")."""
        role = role_in(folded)
        return cls(
            role=role,
            refers_back=role is not None
            or _any_phrase(EXISTENTIAL.sub(" ", folded), BACK_REFERENCES),
            refers_back_weakly=_any_phrase(folded, WEAK_BACK_REFERENCES),
            wants_advice=_any_phrase(folded, ADVICE),
            asks_status=_any_phrase(folded, SANCTUARY_WORDS),
            thanks=_any_phrase(folded, THANKS),
            wants_state=role == Role.GOVERNOR or _any_phrase(folded, STATE_WORDS),
        )


NO_CUES = Cues()  # an empty message says nothing


def _any_phrase(folded: str, phrases: Iterable[str]) -> bool:
    return any(contains_phrase(folded, phrase) for phrase in phrases)
