"""Understand a free-text question: its language, places, people, topic and what it asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.knowledge.model import KnowledgeBase
from bot.understanding.gazetteer import SPANISH_STATE_NAMES
from bot.understanding.mentions import Matches, PersonMention, PlaceMention
from bot.understanding.places import PlaceIndex
from bot.understanding.quotes import QuoteFinder, QuoteSource
from bot.understanding.text import Token, contains_phrase, fold, strip_accents, tokenize
from bot.understanding.vocabulary import STOPWORDS, known_words, lexicon

DEFINITION_TOPIC = "what-is-sanctuary-city"  # the general answer to a general question


class Intent(StrEnum):
    PLACES = "places"  # about one or more named places (or people)
    ABOUT = "about"  # about the bot itself: how old is this, where does it come from
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
    list_states_only: bool = False  # "Which states are sanctuary states?"
    role: str | None = None  # "mayor", "police", "governor"… when the question names a role
    wants_advice: bool = False  # "what should I do?": answered with a not-legal-advice line
    wants_state: bool = False  # "Is New York a sanctuary state?", "the governor of New York"
    refers_back: bool = False  # "what did the mayor say?", "is it safe there?": a follow-up
    refers_back_weakly: bool = False  # "is it?", "do they?": a follow-up if nothing else fits
    asks_status: bool = False  # names "sanctuary": a yes/no about status fits the answer
    thanks: bool = False  # "thank you", "gracias"
    topic_guessed: bool = False  # the topic was inferred loosely, not named by a keyword


# Words both languages use alike ("no, Portland Maine"): they do not vote.
_EITHER = frozenset({"no", "a", "me", "ok", "okay", "vs", "versus"})
# Words only one of the two languages uses (folded); everything else votes by frequency.
_SPANISH = frozenset(
    "es son una un el la los las que ciudad ciudades santuario dijo dice alcalde alcaldesa "
    "cuantas cuantos hay del en por para sobre hola gracias ayuda como cual cuales donde "
    "estado condado y mi puedo debo hacer inmigracion inmigrantes policia esta estan si "
    "lista todas todos otras jefe gobernador fondos federales ley migra quien dijeron tiene "
    "buenos dias buenas tardes noches ahora sigue siendo quiero quiere puede pueden estoy "
    "tengo vivo papeles significa quitar dinero pero porque mudar mudarme necesito favor "
    "usted ustedes seguro segura tambien ser soy va deportar millones personas indocumentado "
    "indocumentada indocumentados hago hace nosotros vamos".split()
)
_ENGLISH = frozenset(
    "is are the an what which how did does do city cities sanctuary say said says mayor "
    "of in and or can i my hi hello thanks thank help list many there about tell police "
    "chief state county who why where when will should still now any other governor funding "
    "law laws get safe please want move live need would could much".split()
)
MAX_GREETING_WORDS = 8
_GREETINGS = (
    "hi", "hello", "hey", "hiya", "yo", "good morning", "good afternoon", "good evening",
    "thanks", "thank you", "thx", "ty", "ok", "okay", "cool", "great", "bye", "goodbye",
    "help", "start", "menu", "what can you do", "who are you", "how does this work",
    "hola", "buenas", "buenos dias", "buenas tardes", "buenas noches", "gracias",
    "muchas gracias", "ayuda", "adios", "que puedes hacer", "quien eres", "como funciona",
    "vale", "perfecto", "how do i use this", "how do i use you", "what do you do",
    "como se usa", "como funciona esto", "que haces", "que es esto", "what is this",
    "please help", "help me", "help please", "ayudame", "ayuda por favor",
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
    "ayudenme", "ayudame", "is it safe", "safe for", "safe to", "safe there", "get deported",
    "be deported", "deport", "deported", "deportation", "deportado", "deportada", "deportar",
    "deportacion", "es seguro", "a salvo", "estoy seguro",
)  # fmt: skip
_ROLES = {
    "mayor": ("mayor", "mayors", "alcalde", "alcaldesa", "alcaldes"),
    "police": ("police", "chief", "lapd", "sheriff", "policia", "jefe", "jefa", "sfpd", "nypd"),
    "governor": ("governor", "gobernador", "gobernadora"),
    "council": ("council", "councilor", "supervisor", "supervisors", "concejal", "concejo"),
    "attorney general": ("attorney general", "fiscal general", "procurador"),
}
# Asking for a list: "which/what … cities", "list …", "sanctuary cities in …". Together with
# a sanctuary word (below) unless it is the bare command "list".
_LIST_REQUEST = re.compile(
    r"\b(which|what|que|cuales|all|todas|todos|other|otras|otros)\s+(\w+\s+){0,3}"
    r"(cities|places|states|counties|jurisdictions|ones|ciudades|lugares|estados|condados)\b"
    r"|^(list|lista|show|mostrar|name|dame)\b|\b(la|the|full|a) list\b|\blist of\b|\blista de\b"
    r"|\b(sanctuary|santuario) (cities|places|states|counties) (in|en)\b"
    r"|\b(ciudades|estados|condados|lugares) santuario (en|de)\b"
)
# Weaker cues ("are there any…", "how many… in Colorado") ask for a list only of one state.
_LIST_IN_STATE = re.compile(r"\b(any|how many|cuantas|cuantos|hay|more|mas)\b")
# Asking what something means, or what a source said, is not asking for the list.
_DEFINITION_WORDS = re.compile(
    r"\b(explain|mean|meaning|define|definition|significa|explica\w*|outlet|article|said"
    r"|figure|cifra|dijo|number|numero)\b"
)
_LIST_SUBJECT = re.compile(
    r"\b(sanctuar\w*|santuario\w*|protect\w*|proteg\w*|welcoming|information|info|cover\w*"
    r"|know|informacion|cubres|cubre|sabes|tienes|safe|seguro|segura|seguros|seguras)\b"
)
_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,200}>")  # "<b>Denver</b>" asks about Denver
# Words that point back to the place of the previous answer in a conversation.
_BACK_REFERENCES = (
    "there", "that statement", "that quote", "that city", "this city", "that place",
    "that state", "their", "same city", "alli", "ahi", "alla", "esa declaracion", "esa cita",
    "esa ciudad", "ese lugar", "ese estado", "su alcalde",
)  # fmt: skip
_EXISTENTIAL = re.compile(r"\b(are|is|was|were) there\b|\bthere (are|is|was|were|s)\b")
_WEAK_BACK_REFERENCES = ("it", "its", "they", "them", "ellos", "sus")
# Questions about the bot and its data rather than about a place.
_ABOUT_THE_BOT = (
    "how old", "is this current", "is this info current", "up to date", "outdated",
    "when was this", "when was that", "when is this from", "your sources", "your information",
    "your data",
    "where does this come from", "where do you get", "who made you", "are you a lawyer",
    "actualizada", "actualizado", "de cuando es", "de donde sacas", "tus fuentes",
    "tu informacion", "que tan vieja", "es abogado", "eres abogado", "are you a lawyer",
    "sources do you use", "who made this", "who made you", "who built", "store my messages",
    "save my messages", "keep my messages", "real person", "are you a bot", "are you human",
    "is this legal advice", "es asesoria legal", "esto es asesoria legal",
    "guardas mis mensajes", "guardan mis mensajes", "eres una persona", "eres un bot",
    "quien te hizo", "que fuentes",
)  # fmt: skip
_SANCTUARY_WORDS = ("sanctuary", "sanctuaries", "santuario", "santuarios")
_THANKS = ("thanks", "thank you", "thx", "ty", "gracias", "muchas gracias")


class QuestionReader:
    """Holds the place index and the topic keywords of one knowledge base."""

    def __init__(self, knowledge: KnowledgeBase, index: PlaceIndex) -> None:
        self.knowledge = knowledge
        self.index = index
        self.quotes = QuoteFinder(knowledge)
        self.spanish_names = frozenset(
            j.name_es.casefold()
            for j in knowledge.jurisdictions.values()
            if j.name_es and j.name_es.casefold() != j.name.casefold()
        ) | {name.casefold() for names in SPANISH_STATE_NAMES.values() for name in names}
        # Per topic, its keywords longest first: "ice detainer" is used before "ice".
        self.topic_keywords = {
            topic.id: sorted(
                {_stems(fold(k)) for k in (*topic.keywords_en, *topic.keywords_es)} - {""},
                key=len,
                reverse=True,
            )
            for topic in knowledge.topics.values()
        }
        self.loose_keywords = {
            topic_id: [
                re.compile(r" " + r" (?:\S+ ){0,4}".join(map(re.escape, k.split())) + r" ")
                for k in keywords
                if len(k.split()) >= 2
            ]
            for topic_id, keywords in self.topic_keywords.items()
        }

    def read(self, text: str, language: str | None = None) -> Question:
        tokens = tokenize(_MARKUP.sub(" ", text))
        if not tokens:
            return Question(text, language or _detect_language(text, tokens), Intent.EMPTY)
        quoted = self.quotes.find_quoted(text)  # who said "no stranger among us"?
        if quoted is not None:
            # Place names inside the quoted words ("…a pen in Washington…") are not asked about.
            tokens = tokenize(_MARKUP.sub(" ", self.quotes.without_quoted(text))) or tokens
        matches = self.index.match(tokens)
        folded = " ".join(t.norm for t in tokens)
        language = language or _detect_language(text, tokens, matches, self.spanish_names)
        topic = self._topic(folded)
        role = _role(folded)
        common = {
            "role": role,
            "refers_back": role is not None
            or any(contains_phrase(_EXISTENTIAL.sub(" ", folded), w) for w in _BACK_REFERENCES),
            "refers_back_weakly": any(contains_phrase(folded, w) for w in _WEAK_BACK_REFERENCES),
            "wants_advice": any(contains_phrase(folded, phrase) for phrase in _ADVICE),
            "asks_status": any(contains_phrase(folded, w) for w in _SANCTUARY_WORDS),
            "thanks": any(contains_phrase(folded, w) for w in _THANKS),
            "wants_state": role == "governor"
            or any(contains_phrase(folded, word) for word in ("state", "estado")),
        }
        place_level = [m for m in matches.places if not _names_a_state(self, m)]
        states = [m for m in matches.places if _names_a_state(self, m)]
        only_states = [m for m in states if _only_a_state(self, m)]
        asks_list = _asks_for_list(folded, bool(states), bool(only_states))
        if not place_level and not matches.people and asks_list:
            list_state = _state_code(self, states[0]) if len(states) == 1 else None
            if not states or list_state:
                return Question(
                    text,
                    language,
                    Intent.LIST,
                    tuple(states),
                    topic=topic,
                    list_state=list_state,
                    list_states_only=_asks_for_states(folded),
                    **common,
                )
        if matches.places or matches.people:
            return Question(
                text, language, Intent.PLACES, matches.places, matches.people, topic, **common
            )
        if quoted is not None:
            return self._said_by(quoted, text, language, common)
        if any(contains_phrase(folded, phrase) for phrase in _ABOUT_THE_BOT):
            return Question(text, language, Intent.ABOUT, **common)
        if topic is not None:
            return Question(text, language, Intent.TOPIC, topic=topic, **common)
        if folded in _GREETINGS or _starts_with_greeting(folded):
            return Question(text, language, Intent.GREETING, **common)
        if said := self.quotes.find_words(folded):
            return self._said_by(said, text, language, common)
        guess = self._topic_loosely(folded)
        # "Tell me about sanctuary cities": the definition is the honest general answer;
        # "Is Zorbleton a sanctuary city?" names something we don't know: not understood.
        if (
            guess is None
            and any(contains_phrase(folded, w) for w in _SANCTUARY_WORDS)
            and not _names_something_unknown(tokens, folded)
            and DEFINITION_TOPIC in self.knowledge.topics
        ):
            guess = DEFINITION_TOPIC
        if guess is not None:
            return Question(text, language, Intent.TOPIC, topic=guess, topic_guessed=True, **common)
        return Question(text, language, Intent.UNKNOWN, **common)

    def _said_by(
        self, source: QuoteSource, text: str, language: str, common: dict[str, Any]
    ) -> Question:
        if source.jurisdiction is None:
            return Question(text, language, Intent.TOPIC, topic=source.topic, **common)
        person = PersonMention(0, 0, source.jurisdiction, source.speaker)
        return Question(text, language, Intent.PLACES, people=(person,), **common)

    def _topic_loosely(self, folded: str) -> str | None:
        """A topic whose keyword's words all occur in order, with other words between
        ("how many of these cities are there" ~ "how many ... are there")."""
        stemmed = f" {_stems(folded)} "
        best, best_topic = 0, None
        for topic_id, patterns in self.loose_keywords.items():
            hits = sum(1 for pattern in patterns if pattern.search(stemmed))
            if hits > best:
                best, best_topic = hits, topic_id
        return best_topic

    def _topic(self, folded: str) -> str | None:
        """The topic with the most distinct keyword hits (then the most matched text)."""
        best: tuple[int, int] = (0, 0)
        best_topic = None
        stemmed = _stems(folded)
        for topic_id, keywords in self.topic_keywords.items():
            text, hits, length = f" {stemmed} ", 0, 0
            for keyword in keywords:
                if f" {keyword} " in text:
                    text = text.replace(f" {keyword} ", " | ", 1)
                    hits, length = hits + 1, length + len(keyword)
            if (hits, length) > best:
                best, best_topic = (hits, length), topic_id
        return best_topic


def _stems(folded: str) -> str:
    """Plural and third-person "s" dropped, so "cuts funds" meets the keyword "cut fund"."""
    return " ".join(
        word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        for word in folded.split()
    )


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


def _asks_for_states(folded: str) -> bool:
    words = set(folded.split())
    return bool(words & {"states", "estados"}) and not words & {"cities", "ciudades", "places"}


def _only_a_state(reader: QuestionReader, mention: PlaceMention) -> bool:
    """'Colorado' only names a state; 'New York' may be the city."""
    kinds = {reader.knowledge.jurisdictions[i].type for i in mention.jurisdictions}
    if mention.place is not None:
        kinds.add(mention.place.type)
    return kinds == {"state"}


def _asks_for_list(folded: str, names_a_state: bool, names_only_a_state: bool) -> bool:
    if folded in ("list", "lista"):
        return True
    if folded.startswith(("why ", "por que ")) or _DEFINITION_WORDS.search(folded):
        return False  # "Why are there sanctuary cities?", "explain what sanctuary cities are"
    about_coverage = bool(_LIST_SUBJECT.search(folded)) or names_a_state
    if _LIST_REQUEST.search(folded) and about_coverage:
        return True  # not "Which cities got letters?"
    # "Are there any in Colorado?" — but "how many undocumented in New York" is the city.
    return names_only_a_state and bool(_LIST_IN_STATE.search(folded))


# "Is Toronto a sanctuary city?", "¿la ciudad de México es santuario?": a name we don't know.
_IS_IT_A_SANCTUARY = re.compile(
    r"^(is|es|are|son)\s+(?P<en>.+?)\s+(a|an|una|un)?\s*(sanctuary|santuario|ciudad santuario)"
    r"|^(?P<es>.+?)\s+(es|son)\s+(una\s+|un\s+)?(ciudad\s+|estado\s+)?santuario"
)


def _names_something_unknown(tokens: list[Token], folded: str) -> bool:
    """The question names a place we do not recognise, or a capitalised unknown word."""
    match = _IS_IT_A_SANCTUARY.search(folded)
    if match:
        name = (match.group("en") or match.group("es") or "").split()
        if any(word not in STOPWORDS and not word.isdigit() for word in name):
            return True
    if any(not token.norm.isascii() for token in tokens):
        return True  # "東京", "Москва": a name in another script is nowhere we cover
    return any(
        token.raw[:1].isupper()
        and not (token.norm in STOPWORDS or token.norm in known_words() or token.norm.isdigit())
        for token in tokens[1:]
    )


def _role(folded: str) -> str | None:
    for role, words in _ROLES.items():
        if any(contains_phrase(folded, word) for word in words):
            return role
    return None


def _starts_with_greeting(folded: str) -> bool:
    """'thank you so much', 'hola buenas noches': a short message that opens with a greeting
    (this is only asked once no place, person or topic was found)."""
    return len(folded.split()) <= MAX_GREETING_WORDS and any(
        folded.startswith(g + " ") for g in _GREETINGS
    )


def _detect_language(
    text: str,
    tokens: list[Token],
    matches: Matches | None = None,
    spanish_names: frozenset[str] = frozenset(),
) -> str:
    """Spanish when the words lean Spanish, English otherwise (and on a tie).

    Each word not part of a place name votes: words of the hand-made lists fully, other
    words by how much more often they occur in Spanish than in English (pyspellchecker's
    counts), capped so that one rare word cannot outvote the rest.
    """
    in_names: set[int] = set()
    if matches is not None:
        for mention in (*matches.places, *matches.people):
            in_names.update(range(mention.start, mention.end))
    score = 2.0 * sum(c in "¿¡" for c in text) + sum(c in "ñÑ" for c in text)
    words = lexicon()
    if matches is not None:
        # "Filadelfia", "Nueva York": a place named the Spanish way.
        score += sum(m.words.casefold() in spanish_names for m in matches.places)
    for i, token in enumerate(tokens):
        if i in in_names:
            continue
        if token.norm in _EITHER:
            continue
        if token.norm in _SPANISH:
            score += 1.5
        elif token.norm in _ENGLISH:
            score -= 1.5
        else:
            score += max(-1.0, min(1.0, words.spanishness(token.norm) / 4))
            if token.raw != strip_accents(token.raw):
                score += 0.5  # "está", "qué": accents are rare in English words
    return "es" if score > 0 else "en"
