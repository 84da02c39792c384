"""The answer engine: the one entry point every transport (console, Telegram, JSON) calls."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from bot.answer import leads
from bot.answer.action import Action, Verb
from bot.answer.leads import FORMS, Lead
from bot.answer.model import Answer, Choice, Kind
from bot.answer.overviews import Overviews
from bot.answer.phrases import ROLE_NAMES, join_names, say
from bot.conversation import is_follow_up
from bot.knowledge.model import Aspect, Jurisdiction, KnowledgeBase, PlaceType
from bot.understanding.aspects import AspectReading
from bot.understanding.gazetteer import FOREIGN, STATE_TYPES, Gazetteer, Place, load_gazetteer
from bot.understanding.mentions import PlaceMention
from bot.understanding.places import AREAS, PlaceIndex
from bot.understanding.question import Intent, Question, QuestionReader
from bot.understanding.roles import CITY_ROLES, Role
from bot.understanding.text import fold

LANGUAGES = ("en", "es")
# Topics that answer a "which places" question better than a list of covered places: the
# states that ban sanctuary policies; the federal list, when the question names its maker.
BAN_STATES_TOPIC, FEDERAL_LIST_TOPIC = "ban-states", "federal-list"
FEDERAL_WORDS = ("justice", "justicia", "doj", "dhs", "federal", "trump")
# Shown for an empty inline query until people have asked about anything.
DEFAULT_POPULAR = ("new-york-city", "chicago", "los-angeles", "san-francisco", "denver")


def normalize_language(code: str | None) -> str | None:
    """Telegram's language_code ("es-MX", "en") -> "es"/"en"; anything else -> None."""
    if not code:
        return None
    short = code.split("-")[0].lower()
    return short if short in LANGUAGES else None


class Engine:
    """Answers questions from one loaded knowledge base; cheap to rebuild on reload."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        gazetteer: Gazetteer | None = None,
        asked: Counter[str] | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.gazetteer = gazetteer or load_gazetteer()
        self.index = PlaceIndex(knowledge, self.gazetteer)
        self.reader = QuestionReader(knowledge, self.index)
        state_names = {code: place.name for code, place in self.gazetteer.states.items()}
        self.composer = Overviews(knowledge, state_names, self._namesakes())
        self.asked: Counter[str] = asked if asked is not None else Counter()  # ids only

    # --- free text ------------------------------------------------------------------------

    def answer(
        self, question: str, language: str | None = None, *, previous: str | None = None
    ) -> Answer:
        """Answer free text. `language` is the caller's ("en"/"es") if known, else detected.

        `previous` is the place of the caller's last answer in this conversation (a
        jurisdiction id, kept by the transport in memory only): a follow-up such as "what
        did the mayor say?" or "is it safe there?" is then about that place.
        """
        answer = self._answer(question, language, previous)
        self.asked.update(p.id for p in answer.places if p.id and answer.kind == Kind.ANSWER)
        return answer

    def _answer(self, question: str, language: str | None, previous: str | None) -> Answer:
        parsed = self.reader.read(question, normalize_language(language))
        if previous in self.knowledge.jurisdictions and is_follow_up(parsed):
            mention = PlaceMention(0, 0, (self._follow_up_place(previous, parsed),))
            parsed = replace(parsed, intent=Intent.PLACES, places=(mention,), people=())
        answer = self._dispatch(parsed)
        if parsed.cues.wants_advice:
            answer = _with_caveat(answer, say(answer.language, "legal"))
        return answer

    def _namesakes(self) -> frozenset[str]:
        """Covered cities whose name real places elsewhere share: Portland (Maine, Texas)."""
        return frozenset(
            j.id
            for j in self.knowledge.jurisdictions.values()
            if j.type == PlaceType.CITY
            and any(p.state != j.state for p in self.gazetteer.lookup(fold(j.name)))
        )

    def _follow_up_place(self, previous: str, q: Question) -> str:
        """'And the governor?' after a city is about its state, where the state is covered;
        'and the mayor?' after New York State is about New York City again."""
        j = self.knowledge.jurisdictions[previous]
        if q.cues.role == Role.GOVERNOR or q.cues.wants_state:
            state = self.index.state_jurisdiction.get(j.state)
            if state is not None:
                return state
        city = self._same_name_city(j)
        if q.cues.role in CITY_ROLES and city is not None:
            return city.id
        return previous

    def _dispatch(self, q: Question) -> Answer:
        lang = q.language
        if about := self._aspect_topic(q):
            return about
        if q.intent == Intent.EMPTY or q.intent == Intent.UNKNOWN:
            return self.composer.not_understood(q.text, lang)
        if q.intent == Intent.GREETING:
            return self.composer.help_answer(q.text, lang, thanks=q.cues.thanks)
        if q.intent == Intent.ABOUT:
            return self.composer.about(lang, question=q.text)
        if q.intent == Intent.TOPIC and q.topic in self.knowledge.topics:
            return self.composer.topic(q.text, self.knowledge.topics[q.topic], lang)
        if q.intent == Intent.LIST:
            return self._list(q)
        return self._places(q)

    def _list(self, q: Question) -> Answer:
        state = q.list_state
        topic = self.knowledge.topics.get(q.topic or "")
        if topic is not None and not state and _asks_for_topic_list(q):
            # "Which states ban sanctuary cities?": the topic explains the list, and names it.
            return self.composer.topic(q.text, topic, q.language)
        if state and not any(j.state == state for j in self.knowledge.jurisdictions.values()):
            return self.composer.no_places_in_state(q.text, state, q.language)
        kinds = (PlaceType.STATE,) if q.list_states_only and not state else None
        return self.composer.list_places(q.text, state, q.language, kinds=kinds)

    def _places(self, q: Question) -> Answer:
        q, abroad = _drop_abroad(q)
        if abroad and not q.places and not q.people:
            return self.composer.outside_the_us(q.text, abroad, q.language)
        named = self._collect_mentions(q)
        if not named.covered:
            return self._pointed(q, self._uncovered(q, named.uncovered))
        if len(named.covered) > 1 or named.uncovered:
            return self._compare(q, named)
        jurisdiction_id, mention = next(iter(named.covered.items()))
        speaker = named.speakers.get(jurisdiction_id)
        clarified = self._disambiguate(q, jurisdiction_id, mention, speaker)
        if clarified is not None:
            return clarified
        return self._one_place(q, jurisdiction_id, mention, speaker)

    def _collect_mentions(self, q: Question) -> _Named:
        """The covered and uncovered places a question names, each once, in its order."""
        named = _Named()
        for mention in q.places:
            if mention.covered:
                mention = self._asked_for(self._preferred(mention, q), q)
                named.covered.setdefault(mention.jurisdictions[0], mention)
                named.order.setdefault(mention.jurisdictions[0], mention.start)
            elif mention.place is not None and mention.place not in named.uncovered:
                named.uncovered.append(mention.place)
                named.order.setdefault(mention.place, mention.start)
        for person in q.people:
            named.covered.setdefault(person.jurisdiction, None)
            named.order.setdefault(person.jurisdiction, person.start)
            named.speakers[person.jurisdiction] = person.speaker
        return named

    def _compare(self, q: Question, named: _Named) -> Answer:
        """Several places, in the order the question names them."""
        ordered = sorted(named.order, key=named.order.__getitem__)
        items = [
            self.knowledge.jurisdictions[item] if isinstance(item, str) else item
            for item in ordered
        ]
        answer = self.composer.compare(q.text, items, q.language)
        return self._with_region_note(q, answer)

    def _with_region_note(self, q: Question, answer: Answer) -> Answer:
        """A region ("the Bay Area") is answered as the places it stands for, and says so."""
        typed = next((m.words for m in q.places if fold(m.words) in AREAS), None)
        if typed is None:
            return answer
        names = [p.name for p in answer.places if p.id in AREAS[fold(typed)]]
        places = join_names(names, q.language)
        note = say(q.language, "region", typed=typed, places=places)
        return replace(answer, details=(note, *answer.details))

    def _disambiguate(
        self,
        q: Question,
        jurisdiction_id: str,
        mention: PlaceMention | None,
        speaker: str | None,
    ) -> Answer | None:
        """'Washington': a covered city that is also a state asks which one, unless the
        question says (a state word, a speaker, a city office)."""
        if mention is None or mention.qualifier is not None or speaker is not None:
            return None
        if which := self._ask_which_namesake(q, mention):
            return which
        ambiguous = [p for p in mention.others if p.type in STATE_TYPES]
        if not ambiguous:
            return None
        if q.cues.wants_state:
            return self._uncovered(q, ambiguous[:1])  # "Is Washington a sanctuary state?"
        if q.cues.role in CITY_ROLES:
            return None
        covered = self.knowledge.jurisdictions[jurisdiction_id]
        return self.composer.clarify_same_name(
            q.text, covered.name, [covered], ambiguous, q.language
        )

    def _ask_which_namesake(self, q: Question, mention: PlaceMention) -> Answer | None:
        """'Washington': two covered places of that name, in different states, so ask."""
        namesakes = self._namesakes_elsewhere(mention)
        if not namesakes or q.cues.wants_state or q.cues.role in CITY_ROLES:
            return None
        first_words = {j.name.split()[0].rstrip(",") for j in namesakes}
        shared = first_words.pop() if len(first_words) == 1 else namesakes[0].name
        typed = mention.words.title() if mention.words and not mention.fuzzy else shared
        return self.composer.clarify_same_name(q.text, typed, namesakes, [], q.language)

    def _namesakes_elsewhere(self, mention: PlaceMention) -> list[Jurisdiction]:
        """Covered places of one name in different states: Washington, D.C. and Washington
        State. New York City lies in New York State, so "New York" means the city."""
        places = [self.knowledge.jurisdictions[i] for i in mention.jurisdictions]
        return places if len({p.state for p in places}) > 1 else []

    def _preferred(self, mention: PlaceMention, q: Question) -> PlaceMention:
        """One name, two covered places (New York): the state when the question says so."""
        if len(mention.jurisdictions) < 2 or not q.cues.wants_state:
            return mention
        ids = sorted(
            mention.jurisdictions,
            key=lambda i: self.knowledge.jurisdictions[i].type != PlaceType.STATE,
        )
        return replace(mention, jurisdictions=tuple(ids))

    def _asked_for(self, mention: PlaceMention, q: Question) -> PlaceMention:
        """A city office of a state's name is its city's ("the NY mayor"). One name, two
        covered places (New York) and an aspect: the one whose sources answer it (a driver's
        license is the state's law)."""
        first = self.knowledge.jurisdictions[mention.jurisdictions[0]]
        city = self._same_name_city(first)
        if q.cues.role in CITY_ROLES and city is not None and city.id not in mention.jurisdictions:
            return replace(mention, jurisdictions=(city.id, *mention.jurisdictions))
        if q.aspect is None or q.aspect.subject in leads.FORMS or len(mention.jurisdictions) < 2:
            return mention  # "who is the mayor of New York?": the city, as before
        if q.cues.wants_state or q.cues.role in CITY_ROLES:
            return mention
        words = leads.question_words(q.aspect.folded)
        ids = sorted(
            mention.jurisdictions,
            key=lambda i: leads.fit(self.knowledge.jurisdictions[i], q.aspect, words, q.language),
            reverse=True,
        )  # a stable sort: on a tie, the city first
        return replace(mention, jurisdictions=tuple(ids))

    def _same_name_city(self, j: Jurisdiction) -> Jurisdiction | None:
        """New York State's New York City (a covered city of the state's own name)."""
        if j.type != PlaceType.STATE:
            return None
        return next(
            (c for c in self.knowledge.jurisdictions.values()
             if c.type == PlaceType.CITY and c.state == j.state and c.name == j.name),
            None,
        )  # fmt: skip

    def _one_place(
        self, q: Question, jurisdiction_id: str, mention: PlaceMention | None, speaker: str | None
    ) -> Answer:
        lang = q.language
        j = self.knowledge.jurisdictions[jurisdiction_id]
        notes: list[str] = []
        choices: list[Choice] = []
        with_state = False
        if mention is not None and mention.qualifier is None:
            alternatives = [self.knowledge.jurisdictions[i] for i in mention.jurisdictions[1:]]
            if alternatives or mention.others:
                with_state = bool(mention.others)
                # The name as asked ("Nueva York"), never other words of the message.
                typed = j.name if mention.fuzzy or not mention.words else mention.words.title()
                notes.append(self.composer.which_place(typed, j, lang))
            for other in alternatives:
                notes.append(self.composer.other_same_name(other, lang))
                name = self.composer.display_name(other, language=lang)
                choices.append(Choice(name, Action(Verb.PLACE, other.id)))
        card = self.composer.place(
            q.text,
            j,
            lang,
            speaker=speaker,
            role=q.cues.role,
            notes=tuple(notes),
            choices=tuple(choices),
            with_state=with_state,
            yes_no=q.cues.asks_status,
        )
        return self._aspect_place(q, j, card, speaker)

    # --- aspect questions: the fact, date, figure, person or ruling asked for -------------

    def _aspect_place(
        self, q: Question, j: Jurisdiction, card: Answer, speaker: str | None
    ) -> Answer:
        """The item that answers the question leads the place's card; where there is none,
        the sources don't say so, plainly, before what they do say."""
        reading = q.aspect
        if reading is None:
            return card
        lang = q.language
        words = leads.question_words(reading.folded, (j.name, *j.aliases))
        found = leads.place_lead(
            j, reading, words, self.knowledge.sources, lang, speaker=speaker, role=q.cues.role
        ) or self._not_listed(j, reading, lang)
        if found is not None:
            refs = self.composer.source_refs(found.sources)
            return leads.with_lead(card, found, refs, reading.aspect)
        name = self.composer.display_name(j, language=lang)
        role = ROLE_NAMES[q.cues.role].get(lang) if q.cues.role else None
        person = leads.person_phrase(lang, name, speaker, role)
        line = leads.missing_line(reading.aspect, name, lang, person)
        return leads.sources_dont_say(card, line, reading.aspect)

    def _not_listed(self, j: Jurisdiction, reading: AspectReading, lang: str) -> Lead | None:
        """Answers "Is Oakland on the DOJ list?": not named on it (its state may be)."""
        if reading.subject != Aspect.FEDERAL_LIST:
            return None
        state_id = self.index.state_jurisdiction.get(j.state)
        state = self.knowledge.jurisdictions.get(state_id) if state_id else None
        names = (
            self.composer.display_name(j, language=lang),
            self.composer.display_name(state, language=lang) if state else None,
        )
        return leads.not_listed_lead(j, names, state, self.knowledge.sources, lang)

    def _pointed(self, q: Question, answer: Answer) -> Answer:
        """An aspect asked of a place the sources lack ("what happened in court with Santa
        Clara"): the answer about it points to the topic that answers the aspect."""
        if q.aspect is None or answer.kind == Kind.NOT_UNDERSTOOD:
            return answer
        topic = leads.topic_for(self.knowledge.topics, q.aspect)
        if topic is None:
            return answer
        question = topic.question.get(q.language)
        line = leads.pointer_line(q.aspect.subject, question, q.language)
        return replace(
            answer,
            details=(*answer.details[:1], line, *answer.details[1:]),
            choices=(Choice(question, Action(Verb.TOPIC, topic.id)), *answer.choices),
            aspect=str(q.aspect.aspect),
        )

    def _aspect_topic(self, q: Question) -> Answer | None:
        """An aspect with no place ("what happened in court?"): the topic its words name,
        when that topic answers the aspect; a question about sanctuaries that names no
        topic, the topic tagged with the aspect. "Who won the game?" is no aspect question."""
        if q.aspect is None or q.aspect.subject in FORMS or q.intent == Intent.PLACES:
            return None
        if q.intent == Intent.UNKNOWN and q.cues.asks_status:
            topic = leads.topic_for(self.knowledge.topics, q.aspect)
        elif q.intent == Intent.TOPIC and q.topic in self.knowledge.topics:
            topic = self.knowledge.topics[q.topic]
            topic = topic if q.aspect.subject in topic.aspects else None
        else:
            topic = None
        if topic is None:
            return None
        answer = self.composer.topic(q.text, topic, q.language)
        return replace(answer, aspect=str(q.aspect.aspect))

    def _uncovered(self, q: Question, places: list[Place]) -> Answer:
        if len(places) == 1 and places[0].type == PlaceType.CITY:
            # "Milwaukee": the city is not covered, but its county is. (Asked about a county,
            # "Los Angeles County", the not-covered answer names the covered city instead.)
            related = self._related(places[0])
            if related:
                return self.composer.clarify_related(q.text, places[0], related, q.language)
        if not places:
            return self.composer.not_understood(q.text, q.language)
        state = self._statewide(places)
        if state is not None:  # "Houston": answered from Texas law, and saying so
            answer = self.composer.via_state(q.text, places[0], state, q.language)
        else:
            answer = self.composer.not_covered(q.text, places, q.language)
        mention = next((m for m in q.places if m.place == places[0]), None)
        if len(places) == 1 and mention is not None and mention.qualifier is None:
            # "Springfield": several real places share the name; say which one was meant.
            namesakes = [p for p in mention.others if p.type == places[0].type]
            if namesakes:
                note = say(
                    q.language, "which_namesake", typed=places[0].name,
                    place=self.composer.place_name(places[0], q.language),
                    other=self.composer.place_name(namesakes[0], q.language),
                )  # fmt: skip
                answer = replace(answer, details=(note, *answer.details))
        return answer

    def _statewide(self, places: list[Place]) -> Jurisdiction | None:
        """The covered state whose law speaks for one uncovered city or county in it."""
        if len(places) != 1 or places[0].type not in (PlaceType.CITY, PlaceType.COUNTY):
            return None
        state_id = self.index.state_jurisdiction.get(places[0].state)
        state = self.knowledge.jurisdictions.get(state_id) if state_id else None
        return state if state is not None and state.statewide else None

    def _related(self, place: Place) -> list[Jurisdiction]:
        """Covered places whose name contains the asked one, or the reverse (Milwaukee County)."""
        name = fold(place.name)
        return [
            j
            for j in self.knowledge.jurisdictions.values()
            if j.state == place.state
            and j.type != place.type
            and (name in fold(j.name) or fold(j.name) in name)
            and j.type != PlaceType.STATE
        ]

    # --- direct requests (buttons, commands, inline) --------------------------------------

    def place(self, jurisdiction_id: str, language: str, *, all_quotes: bool = False) -> Answer:
        """The answer about one covered place (buttons, deep links, /city)."""
        j = self.knowledge.jurisdictions[jurisdiction_id]
        self.asked[j.id] += 1
        return self.composer.place(
            str(Action(Verb.PLACE, j.id)), j, language, all_quotes=all_quotes
        )

    def place_sources(self, jurisdiction_id: str, language: str) -> Answer:
        """Every source and dated fact behind one place's answer ("Sources" button)."""
        j = self.knowledge.jurisdictions[jurisdiction_id]
        return self.composer.place_sources(j, language)

    def history(self, jurisdiction_id: str, language: str) -> Answer:
        """A place's whole dated timeline, newest first ("History" button)."""
        return self.composer.history(self.knowledge.jurisdictions[jurisdiction_id], language)

    def topic(self, topic_id: str, language: str) -> Answer:
        item = self.knowledge.topics[topic_id]
        return self.composer.topic(str(Action(Verb.TOPIC, topic_id)), item, language)

    def list_places(self, state: str | None, language: str) -> Answer:
        """Covered places by stance, optionally in one state (/list [STATE])."""
        code = state.upper() if state else None
        if code and code not in self.gazetteer.states:
            found = self.gazetteer.state_by_name(fold(state or ""))
            code = found.state if found else None
            if code is None:
                return self.composer.unknown_state(f"/list {state}", language)
        if code and not any(j.state == code for j in self.knowledge.jurisdictions.values()):
            return self.composer.no_places_in_state(f"/list {state}", code, language)
        return self.composer.list_places(f"/list {state or ''}".strip(), code, language)

    def topics_overview(self, language: str) -> Answer:
        """/topics: the general questions the bot can answer, as choices."""
        return self.composer.topics_overview(language)

    def sources_overview(self, language: str) -> Answer:
        """/sources: every article the knowledge base cites."""
        return self.composer.sources_overview(language)

    def about(self, language: str) -> Answer:
        """/about: what the data is, how old, not legal advice, the privacy promise."""
        return self.composer.about(language)

    def help(self, language: str) -> Answer:
        """/help and /start: how to ask, with example questions as choices."""
        return self.composer.help_answer("/help", language)

    def suggest(self, query: str, language: str | None = None, limit: int = 5) -> list[Answer]:
        """Inline mode: answers for the best-matching places/topics (empty query: popular)."""
        lang = normalize_language(language) or "en"
        if not query.strip():
            popular = [i for i, _ in self.asked.most_common(limit)]
            popular += [i for i in DEFAULT_POPULAR if i not in popular]
            ids = [i for i in popular if i in self.knowledge.jurisdictions][:limit]
            return [
                self.composer.place(
                    str(Action(Verb.PLACE, i)), self.knowledge.jurisdictions[i], lang
                )
                for i in ids
            ]
        # Inline queries arrive with every keystroke: they do not count as asked.
        answer = self._answer(query, language, None)
        results = [answer]
        if answer.kind in (Kind.ANSWER, Kind.LIST, Kind.CLARIFY) and len(answer.places) > 1:
            jurisdictions = [self.knowledge.jurisdictions[p.id] for p in answer.places if p.id]
            results += [
                self.composer.place(str(Action(Verb.PLACE, j.id)), j, answer.language)
                for j in jurisdictions[:limit]
            ]
        return results[:limit]


@dataclass
class _Named:
    """The places and people of one question, sorted into covered and not covered."""

    covered: dict[str, PlaceMention | None] = field(default_factory=dict)  # None: a person
    uncovered: list[Place] = field(default_factory=list)
    order: dict[str | Place, int] = field(default_factory=dict)  # where the question names each
    speakers: dict[str, str] = field(default_factory=dict)  # jurisdiction id -> official named


def _drop_abroad(q: Question) -> tuple[Question, list[Place]]:
    """The question without its places outside the US, and those places."""
    abroad = [m.place for m in q.places if m.place is not None and m.place.type == FOREIGN]
    if not abroad:
        return q, abroad
    return replace(q, places=tuple(m for m in q.places if m.place not in abroad)), abroad


def _asks_for_topic_list(q: Question) -> bool:
    """'Which states ban sanctuary cities?', 'What is the DOJ list?' ask for a topic's list;
    'list of sanctuary cities' asks for the places covered."""
    if q.topic == BAN_STATES_TOPIC:
        return True
    words = fold(q.text).split()
    return q.topic == FEDERAL_LIST_TOPIC and any(w in words for w in FEDERAL_WORDS)


def _with_caveat(answer: Answer, caveat: str) -> Answer:
    return replace(answer, caveats=(*answer.caveats, caveat))
