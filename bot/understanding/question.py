"""Understand a free-text question: its language, places, people, topic and what it asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.understanding.mentions import Matches, PersonMention, PlaceMention
from bot.understanding.places import PlaceIndex
from bot.understanding.text import Token, contains_phrase, fold, tokenize
from bot.understanding.vocabulary import STOPWORDS, known_words


class Intent(StrEnum):
    PLACES = "places"  # about one or more named places (or people)
    LIST = "list"  # which places (optionally in a state)
    TOPIC = "topic"
    GREETING = "greeting"  # hello, thanks, help
    EMPTY = "empty"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Question:
    text: str
    language: str
    intent: Intent
    places: tuple[PlaceMention, ...] = ()
    people: tuple[PersonMention, ...] = ()
    topic: str | None = None
    list_state: str | None = None  # USPS code for "sanctuary cities in California"
    role: str | None = None  # "mayor", "police", "governor"… when the question names a role
    wants_advice: bool = False  # "what should I do?": answered with a not-legal-advice line
    wants_state: bool = False  # "Is New York a sanctuary state?", "the governor of New York"


_SPANISH = frozenset(
    "es son una un el la los las que ciudad ciudades santuario dijo dice alcalde alcaldesa "
    "cuantas cuantos hay de del en por para sobre hola gracias ayuda como cual cuales donde "
    "estado condado y me mi puedo debo hacer inmigracion inmigrantes policia esta estan si "
    "lista todas todos otras jefe gobernador fondos federales ley migra quien dijeron tiene "
    "buenos dias buenas tardes noches ahora sigue siendo".split()
)
_ENGLISH = frozenset(
    "is are the a an what which how did does do city cities sanctuary say said says mayor "
    "of in and or can i me my hi hello thanks thank help list many there about tell police "
    "chief state county who why where when will should still now any other governor funding "
    "law laws get safe".split()
)
_GREETINGS = (
    "hi", "hello", "hey", "hiya", "yo", "good morning", "good afternoon", "good evening",
    "thanks", "thank you", "thx", "ty", "ok", "okay", "cool", "great", "bye", "goodbye",
    "help", "start", "menu", "what can you do", "who are you", "how does this work",
    "hola", "buenas", "buenos dias", "buenas tardes", "buenas noches", "gracias",
    "muchas gracias", "ayuda", "adios", "que puedes hacer", "quien eres", "como funciona",
    "vale", "perfecto",
)  # fmt: skip
_ADVICE = (
    "what should i do", "what do i do", "what can i do", "should i", "am i safe", "will i be",
    "can i be", "can they deport me", "deport me", "lawyer", "legal advice", "legal help",
    "i am undocumented", "im undocumented", "i m undocumented", "my family", "my husband",
    "my wife", "my son", "my daughter", "my mother", "my father", "at my door", "help me",
    "que hago", "que debo hacer", "que puedo hacer", "estoy seguro", "estoy segura",
    "me pueden deportar", "me van a deportar", "deportarme", "abogado", "abogada",
    "ayuda legal", "consejo legal", "soy indocumentado", "soy indocumentada", "mi familia",
    "mi esposo", "mi esposa", "mi hijo", "mi hija", "mi mama", "mi papa", "en mi puerta",
    "ayudenme", "ayudame",
)  # fmt: skip
_ROLES = {
    "mayor": ("mayor", "mayors", "alcalde", "alcaldesa", "alcaldes"),
    "police": ("police", "chief", "lapd", "sheriff", "policia", "jefe", "jefa", "sfpd", "nypd"),
    "governor": ("governor", "gobernador", "gobernadora"),
    "council": ("council", "councilor", "supervisor", "supervisors", "concejal", "concejo"),
    "attorney general": ("attorney general", "fiscal general", "procurador"),
}
_LIST_WORDS = re.compile(
    r"\b(which|what|list|name|show|all|other|any|more|que|cuales|lista|todas|todos|otras|"
    r"otros|mas|hay)\s+(\w+\s+){0,3}(cities|places|states|counties|jurisdictions|ones|"
    r"sanctuaries|ciudades|lugares|estados|condados|santuarios)\b"
    r"|^(list|lista|show|mostrar|all|todas|todos)\b|\bsanctuary (cities|places|states) in\b"
    r"|\bciudades santuario (en|de)\b|\bhow many\b.*\bin\b|\bcuantas\b.*\ben\b"
)
_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,200}>")  # "<b>Denver</b>" asks about Denver
# "Why are there sanctuary cities?" asks a general question even though it names "cities".
_TOPIC_OPENERS = ("why ", "por que ", "how do ", "how does ", "como ", "what happens ")
_SANCTUARY_WORDS = ("sanctuary", "sanctuaries", "santuario", "santuarios")


class QuestionReader:
    """Holds the place index and the topic keywords of one knowledge base."""

    def __init__(self, knowledge: KnowledgeBase, index: PlaceIndex) -> None:
        self.knowledge = knowledge
        self.index = index
        # Per topic, its keywords longest first: "ice detainer" is used before "ice".
        self.topic_keywords = {
            topic.id: sorted(
                {fold(k) for k in (*topic.keywords_en, *topic.keywords_es)} - {""},
                key=len,
                reverse=True,
            )
            for topic in knowledge.topics.values()
        }

    def read(self, text: str, language: str | None = None) -> Question:
        tokens = tokenize(_MARKUP.sub(" ", text))
        if not tokens:
            return Question(text, language or _detect_language(text, tokens), Intent.EMPTY)
        matches = self.index.match(tokens)
        folded = " ".join(t.norm for t in tokens)
        language = language or _detect_language(text, tokens, matches)
        topic = self._topic(folded)
        role = _role(folded)
        common = {
            "role": role,
            "wants_advice": any(contains_phrase(folded, phrase) for phrase in _ADVICE),
            "wants_state": role == "governor"
            or any(contains_phrase(folded, word) for word in ("state", "estado")),
        }
        place_level = [m for m in matches.places if not _names_a_state(self, m)]
        states = [m for m in matches.places if _names_a_state(self, m)]
        asks_why_or_what = folded.startswith(_TOPIC_OPENERS) and topic is not None
        if (
            _LIST_WORDS.search(folded)
            and not place_level
            and not matches.people
            and not (asks_why_or_what and not states)
        ):
            list_state = _state_code(self, states[0]) if len(states) == 1 else None
            if not states or list_state:
                return Question(
                    text,
                    language,
                    Intent.LIST,
                    tuple(states),
                    topic=topic,
                    list_state=list_state,
                    **common,
                )
        if matches.places or matches.people:
            return Question(
                text, language, Intent.PLACES, matches.places, matches.people, topic, **common
            )
        if topic is not None:
            return Question(text, language, Intent.TOPIC, topic=topic, **common)
        if folded in _GREETINGS or _starts_with_greeting(folded):
            return Question(text, language, Intent.GREETING, **common)
        if any(contains_phrase(folded, word) for word in _SANCTUARY_WORDS) and not any(
            _unknown_word(t.norm) for t in tokens
        ):
            # "Tell me about sanctuary cities": the definition is the honest general answer;
            # "Is Zorbleton a sanctuary city?" names something we don't know: not understood.
            fallback = (
                "what-is-sanctuary-city"
                if "what-is-sanctuary-city" in (self.knowledge.topics)
                else None
            )
            if fallback:
                return Question(text, language, Intent.TOPIC, topic=fallback, **common)
        return Question(text, language, Intent.UNKNOWN, **common)

    def _topic(self, folded: str) -> str | None:
        """The topic with the most distinct keyword hits (then the most matched text)."""
        best: tuple[int, int] = (0, 0)
        best_topic = None
        for topic_id, keywords in self.topic_keywords.items():
            text, hits, length = f" {folded} ", 0, 0
            for keyword in keywords:
                if f" {keyword} " in text:
                    text = text.replace(f" {keyword} ", " | ", 1)
                    hits, length = hits + 1, length + len(keyword)
            if (hits, length) > best:
                best, best_topic = (hits, length), topic_id
        return best_topic


def _names_a_state(reader: QuestionReader, mention: PlaceMention) -> bool:
    """In "sanctuary cities in New York", a name that can be a state filters the list."""
    if mention.place is not None and mention.place.type == "state":
        return True
    kinds = {reader.knowledge.jurisdictions[i].type for i in mention.jurisdictions}
    return "state" in kinds


def _state_code(reader: QuestionReader, mention: PlaceMention) -> str | None:
    for jurisdiction_id in mention.jurisdictions:
        j = reader.knowledge.jurisdictions[jurisdiction_id]
        if j.type == "state":
            return j.state
    return mention.place.state if mention.place else None


def _unknown_word(word: str) -> bool:
    return not (word in STOPWORDS or word in known_words() or word.isdigit())


def _role(folded: str) -> str | None:
    for role, words in _ROLES.items():
        if any(contains_phrase(folded, word) for word in words):
            return role
    return None


def _starts_with_greeting(folded: str) -> bool:
    words = folded.split()
    if len(words) > 6:
        return False
    return any(folded.startswith(g + " ") for g in _GREETINGS) and all(
        w in _ENGLISH or w in _SPANISH or any(w in g.split() for g in _GREETINGS) for w in words
    )


def _detect_language(text: str, tokens: list[Token], matches: Matches | None = None) -> str:
    """Spanish when its words outnumber English ones; English otherwise (and on a tie)."""
    in_names: set[int] = set()
    if matches is not None:
        for mention in (*matches.places, *matches.people):
            in_names.update(range(mention.start, mention.end))
    words = [t.norm for i, t in enumerate(tokens) if i not in in_names]
    spanish = sum(w in _SPANISH for w in words) + 2 * sum(c in "¿¡" for c in text)
    spanish += sum(c in "ñ" for c in text.lower())
    english = sum(w in _ENGLISH for w in words)
    return "es" if spanish > english else "en"
