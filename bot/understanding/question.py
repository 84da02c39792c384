"""Understand a free-text question: its language, places, people, topic and what it asks for."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.knowledge.model import KnowledgeBase, PlaceType
from bot.understanding.aspects import SAID, WHEN, WHO, AspectReading, read_aspect
from bot.understanding.cues import (
    ABOUT_THE_BOT,
    ADVICE,
    GREETINGS,
    IS_IT_A_SANCTUARY,
    MARKUP,
    NO_CUES,
    Cues,
    asks_for_list,
    asks_for_states,
    starts_with_greeting,
    stems,
)
from bot.understanding.gazetteer import SPANISH_STATE_NAMES
from bot.understanding.language import detect_language
from bot.understanding.mentions import Matches, PersonMention, PlaceMention
from bot.understanding.places import PlaceIndex
from bot.understanding.quotes import QuoteFinder, QuoteSource
from bot.understanding.text import Token, contains_phrase, fold, tokenize
from bot.understanding.vocabulary import STOPWORDS, lexicon

LAW_WORDS = {"law", "ley", "act", "ordinance", "ordenanza"}  # "la ley SB 54" is the law

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
    cues: Cues = NO_CUES  # role, follow-up, advice, status, thanks, state cues of the wording
    topic_guessed: bool = False  # the topic was inferred loosely, not named by a keyword
    aspect: AspectReading | None = None  # what it asks for: a figure, a date, a quote…


@dataclass(frozen=True)
class _Reading:
    """Everything read from a message before its intent is chosen."""

    text: str
    language: str
    tokens: list[Token]
    folded: str
    matches: Matches
    quoted: QuoteSource | None  # the speaker or topic of a quotation the message repeats
    topic: str | None
    cues: Cues
    aspect: AspectReading | None

    def question(self, intent: Intent, **fields: Any) -> Question:
        return Question(
            self.text, self.language, intent, cues=self.cues, aspect=self.aspect, **fields
        )


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
        self.advice_keywords = _advice_keywords(self.topic_keywords)
        # The intents, tried in this order; the first that fits the message wins.
        self._rules: tuple[Callable[[_Reading], Question | None], ...] = (
            self._as_list,
            self._as_places,
            self._as_quotation,
            self._as_about_the_bot,
            self._as_topic,
            self._as_greeting,
            self._as_said_words,
            self._as_guessed_topic,
        )

    def read(self, text: str, language: str | None = None) -> Question:
        tokens = tokenize(MARKUP.sub(" ", text))
        if not tokens:
            return Question(text, language or detect_language(text, tokens), Intent.EMPTY)
        reading = self._reading(text, tokens, language)
        for rule in self._rules:
            question = rule(reading)
            if question is not None:
                return question
        return reading.question(Intent.UNKNOWN)

    def _reading(self, text: str, tokens: list[Token], language: str | None) -> _Reading:
        quoted = self.quotes.find_quoted(text)  # who said "no stranger among us"?
        if quoted is not None and self._names_a_topic(quoted[1]):
            quoted = None  # "what's a 'Fourth Amendment city'?" asks about the term
        if quoted is not None:
            # Place names inside the quoted words ("…a pen in Washington…") are not asked about.
            tokens = tokenize(MARKUP.sub(" ", self.quotes.without_quoted(text))) or tokens
        spanish = (language or detect_language(text, tokens)) == "es"
        matches = self.index.match(tokens, spanish=spanish)
        folded = " ".join(t.norm for t in tokens)
        cues = Cues.read(folded)
        return _Reading(
            text=text,
            language=language or detect_language(text, tokens, matches, self.spanish_names),
            tokens=tokens,
            folded=folded,
            matches=matches,
            quoted=quoted[0] if quoted is not None else None,
            topic=self._topic_of(folded, cues),
            cues=cues,
            aspect=read_aspect(
                folded,
                names_person=bool(matches.people),
                names_law=any(m.law for m in matches.places),
            ),
        )

    # --- the intents, in order ------------------------------------------------------------

    def _as_list(self, r: _Reading) -> Question | None:
        """'Sanctuary cities in California', 'which states are sanctuary states?'."""
        states = [m for m in r.matches.places if self._names_a_state(m)]
        if len(states) < len(r.matches.places) or r.matches.people:
            return None  # a city or a person is named: the question is about them
        only_states = [m for m in states if self._only_a_state(m)]
        if not asks_for_list(r.folded, bool(states), bool(only_states)):
            return None
        list_state = self._state_code(states[0]) if len(states) == 1 else None
        if states and not list_state:
            return None
        return r.question(
            Intent.LIST,
            places=tuple(states),
            topic=r.topic,
            list_state=list_state,
            list_states_only=asks_for_states(r.folded),
        )

    def _as_places(self, r: _Reading) -> Question | None:
        if not (r.matches.places or r.matches.people) or self._law_is_the_topic(r):
            return None
        return r.question(
            Intent.PLACES, places=r.matches.places, people=r.matches.people, topic=r.topic
        )

    def _law_is_the_topic(self, r: _Reading) -> bool:
        """'What is SB 54': a law named bare, that is also its topic's keyword, is the topic
        (which explains it); called a law ("la ley SB 54") or asked who, when or what was
        said ("who signed SB 54"), it is its place's."""
        topic = self.knowledge.topics.get(r.topic) if r.topic is not None else None
        if topic is None or r.matches.people or not all(m.law for m in r.matches.places):
            return False
        asks_a_form = any(form.search(r.folded) for form in (WHEN, WHO, SAID))
        if asks_a_form or LAW_WORDS & set(r.folded.split()):
            return False
        keywords = {fold(k) for k in (*topic.keywords_en, *topic.keywords_es)}
        return all(fold(m.words) in keywords for m in r.matches.places)

    def _as_quotation(self, r: _Reading) -> Question | None:
        """'Who said "no stranger among us"?': the speaker's place, or the quote's topic."""
        return self._said_by(r.quoted, r) if r.quoted is not None else None

    def _as_about_the_bot(self, r: _Reading) -> Question | None:
        if not any(contains_phrase(r.folded, phrase) for phrase in ABOUT_THE_BOT):
            return None
        return r.question(Intent.ABOUT)

    def _as_topic(self, r: _Reading) -> Question | None:
        return r.question(Intent.TOPIC, topic=r.topic) if r.topic is not None else None

    def _as_greeting(self, r: _Reading) -> Question | None:
        if r.folded in GREETINGS or starts_with_greeting(r.folded):
            return r.question(Intent.GREETING)
        return None

    def _as_said_words(self, r: _Reading) -> Question | None:
        """Unquoted words of a quote ("who said no stranger among us")."""
        said = self.quotes.find_words(r.folded)
        return self._said_by(said, r) if said else None

    def _as_guessed_topic(self, r: _Reading) -> Question | None:
        """A topic whose keywords occur loosely; else, for a question about sanctuaries in
        general ("Tell me about sanctuary cities"), the definition is the honest answer.
        "Is Zorbleton a sanctuary city?" names something we don't know: not understood."""
        guess = self._topic_loosely(r.folded)
        if (
            guess is None
            and r.cues.asks_status
            and not _names_something_unknown(r.tokens, r.folded)
            and DEFINITION_TOPIC in self.knowledge.topics
        ):
            guess = DEFINITION_TOPIC
        if guess is None:
            return None
        return r.question(Intent.TOPIC, topic=guess, topic_guessed=True)

    def _names_a_topic(self, words: str) -> bool:
        """Whether quoted words are a topic's own keyword ("fourth amendment city")."""
        stemmed = stems(words)
        return any(stemmed in keywords for keywords in self.topic_keywords.values())

    @staticmethod
    def _said_by(source: QuoteSource, r: _Reading) -> Question:
        if source.jurisdiction is None:
            return r.question(Intent.TOPIC, topic=source.topic)
        person = PersonMention(0, 0, source.jurisdiction, source.speaker)
        return r.question(Intent.PLACES, people=(person,))

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

    def _topic_of(self, folded: str, cues: Cues) -> str | None:
        """The topic of a question; asking what to do, the advice topic it words."""
        topic = self._topic(folded)
        if cues.wants_advice and topic not in self.advice_keywords:
            return self._advice_topic(folded) or topic
        return topic

    def _advice_topic(self, folded: str) -> str | None:
        """'¿Qué hago si la migra llega a mi casa?' asks what to do, not what ICE is: the
        topic whose own keywords ask for advice in the question's words."""
        stemmed = f" {stems(folded)} "
        hits = {
            topic_id: sum(f" {keyword} " in stemmed for keyword in keywords)
            for topic_id, keywords in self.advice_keywords.items()
        }
        best = max(hits, key=hits.__getitem__, default=None)
        return best if best is not None and hits[best] else None

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

    # --- states named in a list question ----------------------------------------------------

    def _types(self, mention: PlaceMention) -> set[PlaceType]:
        return {self.knowledge.jurisdictions[i].type for i in mention.jurisdictions}

    def _names_a_state(self, mention: PlaceMention) -> bool:
        """In "sanctuary cities in New York", a name that can be a state filters the list."""
        if mention.place is not None and mention.place.type == PlaceType.STATE:
            return True
        return PlaceType.STATE in self._types(mention)

    def _only_a_state(self, mention: PlaceMention) -> bool:
        """'Colorado' only names a state; 'New York' may be the city."""
        kinds: set[str] = set(self._types(mention))
        if mention.place is not None:
            kinds.add(mention.place.type)
        return kinds == {PlaceType.STATE}

    def _state_code(self, mention: PlaceMention) -> str | None:
        for jurisdiction_id in mention.jurisdictions:
            j = self.knowledge.jurisdictions[jurisdiction_id]
            if j.type == PlaceType.STATE:
                return j.state
        return mention.place.state if mention.place else None


def _advice_keywords(topic_keywords: dict[str, list[str]]) -> dict[str, list[str]]:
    """Topics that answer "what should I do?", with their keywords that ask for advice."""
    advice = {stems(phrase) for phrase in ADVICE}
    return {
        topic_id: [k for k in keywords if k in advice]
        for topic_id, keywords in topic_keywords.items()
        if any(k in advice for k in keywords)
    }


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
        and not (token.norm in STOPWORDS or token.norm in lexicon() or token.norm.isdigit())
        for token in tokens[1:]
    )
