"""Understand a free-text question: its language, places, people, topic and what it asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.knowledge.model import KnowledgeBase
from bot.understanding.aspects import AspectReading, read_aspect
from bot.understanding.cues import (
    ABOUT_THE_BOT,
    ADVICE,
    BACK_REFERENCES,
    EXISTENTIAL,
    GREETINGS,
    IS_IT_A_SANCTUARY,
    MARKUP,
    SANCTUARY_WORDS,
    THANKS,
    WEAK_BACK_REFERENCES,
    asks_for_list,
    asks_for_states,
    role_in,
    starts_with_greeting,
    stems,
)
from bot.understanding.gazetteer import SPANISH_STATE_NAMES
from bot.understanding.language import detect_language
from bot.understanding.mentions import PersonMention, PlaceMention
from bot.understanding.places import PlaceIndex
from bot.understanding.quotes import QuoteFinder, QuoteSource
from bot.understanding.text import Token, contains_phrase, fold, tokenize
from bot.understanding.vocabulary import STOPWORDS, known_words

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
    aspect: AspectReading | None = None  # what it asks for: a figure, a date, a quote…


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
                {stems(fold(k)) for k in (*topic.keywords_en, *topic.keywords_es)} - {""},
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
        tokens = tokenize(MARKUP.sub(" ", text))
        if not tokens:
            return Question(text, language or detect_language(text, tokens), Intent.EMPTY)
        quoted = self.quotes.find_quoted(text)  # who said "no stranger among us"?
        if quoted is not None and self._names_a_topic(quoted[1]):
            quoted = None  # "what's a 'Fourth Amendment city'?" asks about the term
        if quoted is not None:
            # Place names inside the quoted words ("…a pen in Washington…") are not asked about.
            tokens = tokenize(MARKUP.sub(" ", self.quotes.without_quoted(text))) or tokens
        spanish = (language or detect_language(text, tokens)) == "es"
        matches = self.index.match(tokens, spanish=spanish)
        folded = " ".join(t.norm for t in tokens)
        language = language or detect_language(text, tokens, matches, self.spanish_names)
        topic = self._topic(folded)
        role = role_in(folded)
        common = {
            "aspect": read_aspect(folded, names_person=bool(matches.people)),
            "role": role,
            "refers_back": role is not None
            or any(contains_phrase(EXISTENTIAL.sub(" ", folded), w) for w in BACK_REFERENCES),
            "refers_back_weakly": any(contains_phrase(folded, w) for w in WEAK_BACK_REFERENCES),
            "wants_advice": any(contains_phrase(folded, phrase) for phrase in ADVICE),
            "asks_status": any(contains_phrase(folded, w) for w in SANCTUARY_WORDS),
            "thanks": any(contains_phrase(folded, w) for w in THANKS),
            "wants_state": role == "governor"
            or any(contains_phrase(folded, word) for word in ("state", "estado")),
        }
        place_level = [m for m in matches.places if not _names_a_state(self, m)]
        states = [m for m in matches.places if _names_a_state(self, m)]
        only_states = [m for m in states if _only_a_state(self, m)]
        asks_list = asks_for_list(folded, bool(states), bool(only_states))
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
                    list_states_only=asks_for_states(folded),
                    **common,
                )
        if matches.places or matches.people:
            return Question(
                text, language, Intent.PLACES, matches.places, matches.people, topic, **common
            )
        if quoted is not None:
            return self._said_by(quoted[0], text, language, common)
        if any(contains_phrase(folded, phrase) for phrase in ABOUT_THE_BOT):
            return Question(text, language, Intent.ABOUT, **common)
        if topic is not None:
            return Question(text, language, Intent.TOPIC, topic=topic, **common)
        if folded in GREETINGS or starts_with_greeting(folded):
            return Question(text, language, Intent.GREETING, **common)
        if said := self.quotes.find_words(folded):
            return self._said_by(said, text, language, common)
        guess = self._topic_loosely(folded)
        # "Tell me about sanctuary cities": the definition is the honest general answer;
        # "Is Zorbleton a sanctuary city?" names something we don't know: not understood.
        if (
            guess is None
            and any(contains_phrase(folded, w) for w in SANCTUARY_WORDS)
            and not _names_something_unknown(tokens, folded)
            and DEFINITION_TOPIC in self.knowledge.topics
        ):
            guess = DEFINITION_TOPIC
        if guess is not None:
            return Question(text, language, Intent.TOPIC, topic=guess, topic_guessed=True, **common)
        return Question(text, language, Intent.UNKNOWN, **common)

    def _names_a_topic(self, words: str) -> bool:
        """Whether quoted words are a topic's own keyword ("fourth amendment city")."""
        stemmed = stems(words)
        return any(stemmed in keywords for keywords in self.topic_keywords.values())

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
        stemmed = f" {stems(folded)} "
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
        stemmed = stems(folded)
        for topic_id, keywords in self.topic_keywords.items():
            text, hits, length = f" {stemmed} ", 0, 0
            for keyword in keywords:
                if f" {keyword} " in text:  # nested keywords each count: they weigh the match
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


def _only_a_state(reader: QuestionReader, mention: PlaceMention) -> bool:
    """'Colorado' only names a state; 'New York' may be the city."""
    kinds = {reader.knowledge.jurisdictions[i].type for i in mention.jurisdictions}
    if mention.place is not None:
        kinds.add(mention.place.type)
    return kinds == {"state"}


def _names_something_unknown(tokens: list[Token], folded: str) -> bool:
    """The question names a place we do not recognise, or a capitalised unknown word."""
    match = IS_IT_A_SANCTUARY.search(folded)
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
