"""Find the places and people a question names: exact lookups first, then disciplined fuzzing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from bot.knowledge.model import Jurisdiction, KnowledgeBase, PlaceType
from bot.understanding.aspects import SAID, WHO
from bot.understanding.gazetteer import FOREIGN, STATE_TYPES, Gazetteer, Place
from bot.understanding.mentions import Matches, PersonMention, PlaceMention
from bot.understanding.qualifiers import QualifierRules
from bot.understanding.text import Token, fold
from bot.understanding.vocabulary import (
    COMMON_WORD_PLACES,
    FUNCTION_WORDS,
    LEADING_PARTICLES,
    NAME_PARTICLES,
    NOT_PLACES,
    STOPWORDS,
    TITLES,
    TRAILING_PARTICLES,
    Lexicon,
    lexicon,
)

MAX_SPAN = 5  # "san buenaventura ventura county": longer names are not worth the cost
MIN_FUZZY_LENGTH = 5  # shorter spans are not safe to fuzz
PERSON_TYPO_CUTOFF = 80  # a name after a title this close to an official's is theirs
MAX_FUZZY_SPAN = 3  # words in one misspelt name ("san fransisco", "rhode iland")
SHOUTING_WORDS = 3  # a message of at least this many words all in capitals is shouting
MAX_FUZZY_TOKENS = 60  # typos are looked for in the first words only: a pasted essay stays fast
# Short names that are also words ("la" is Spanish for "the"), read as the place when typed
# in lower case in an English question next to one of these words: "the la police chief",
# "ny mayor", "la legal fund".
SHORT_NAMES = {"la": "LA", "ny": "NY"}
SHORT_NAME_NEIGHBOURS = frozenset(
    "police cops mayor chief sheriff legal fund funds jail jails county city council govt "
    "government officials residents schools area lapd nypd immigrants undocumented people "
    "ppl court courts lawsuit times".split()
)
# ...or between English words: "is la a sanctuary city", "in la?" (not "what is la migra").
SHORT_NAME_BEFORE = frozenset({"the", "in", "from", "to", "is", "about", "at", "for", "of"})
SHORT_NAME_AFTER = frozenset(
    {"", "a", "an", "and", "or", "still", "now", "safe", "too", "is", "are", "has", "have"}
)
# Regions and landmarks the sources name, read as the covered places they are in: "the Bay
# Area" (San Francisco, Oakland and San Jose, stated as such), "Rikers" (New York City's jail).
AREAS: dict[str, tuple[str, ...]] = {
    "bay area": ("san-francisco", "oakland", "san-jose"),
    "rikers island": ("new-york-city",),
    "rikers": ("new-york-city",),
}
_AREA_WORDS = frozenset(area.split()[0] for area in AREAS)


# Minimum fuzz.ratio for a typo of 5 letters, of 6-7 and of 8 or more: tuned on the three
# tests/question_table*.py tables with benchmarks/tune_cutoffs.py (the best accuracy with no
# uncovered look-alike given a covered place). One wrong letter scores 80 at 5 letters, 83 at
# 6 and 87.5 at 8; one missing letter about 91.
SHORT_CUTOFF = 88.0
MEDIUM_CUTOFF = 83.0
LONG_CUTOFF = 82.0


def fuzzy_cutoff(length: int) -> float:
    """Minimum fuzz.ratio for a typo of this many letters."""
    if length < MIN_FUZZY_LENGTH:
        return 101.0  # never
    if length == MIN_FUZZY_LENGTH:
        return SHORT_CUTOFF
    return MEDIUM_CUTOFF if length <= 7 else LONG_CUTOFF


@dataclass(frozen=True)
class _Target:
    kind: str  # "kb" | "person" | "gazetteer"
    jurisdictions: tuple[str, ...] = ()
    speaker: str | None = None
    place: Place | None = None

    def mention(self, start: int, end: int) -> PlaceMention | PersonMention:
        """What a typo of this target, at tokens [start, end), names."""
        if self.kind == "person":
            return PersonMention(start, end, self.jurisdictions[0], self.speaker or "")
        if self.kind == "kb":
            return PlaceMention(start, end, self.jurisdictions, fuzzy=True)
        return PlaceMention(start, end, (), self.place, fuzzy=True)


@dataclass(frozen=True)
class _Case:
    """How a message uses capitals, which says how much a capital means."""

    shouting: bool  # at least SHOUTING_WORDS words, all in capitals
    lowercase: bool  # no capitals at all
    cased: bool  # capitals after the first word: they mark names

    @classmethod
    def of(cls, tokens: list[Token]) -> _Case:
        letters = [t for t in tokens if t.raw.isalpha()]
        shouting = len(letters) >= SHOUTING_WORDS and all(t.is_upper for t in letters)
        return cls(
            shouting=shouting,
            lowercase=all(t.raw.islower() or not t.raw.isalpha() for t in tokens),
            cased=not shouting and any(t.raw[:1].isupper() for t in tokens[1:]),
        )


class PlaceIndex:
    """Built once per knowledge base; matching is then read-only and fast."""

    def __init__(self, knowledge: KnowledgeBase, gazetteer: Gazetteer) -> None:
        self.knowledge = knowledge
        self.gazetteer = gazetteer
        self.aliases: dict[str, tuple[str, ...]] = {}
        self.people: dict[str, tuple[str, str]] = {}
        self.laws: dict[str, str] = {}  # a law's folded name -> its place ("sb 54" -> "california")
        self.state_jurisdiction: dict[str, str] = {}  # USPS code -> covered state/district id
        self.known_words = lexicon()  # `word in self.known_words`: a common word
        # The outlets cited ("Marshall Project", "City Mayors") and famous non-places.
        self.not_places = NOT_PLACES | {fold(s.outlet) for s in knowledge.sources.values()}
        self._build_aliases(knowledge)
        self._people_names = list(self.people)  # for "Mayor Ed Murry": a typo of an official
        # "what did racine say": an official by surname alone, when the question asks what
        # someone said or who someone is (else "Racine" is the city in Wisconsin).
        # A surname two officials share ("Brown": Jerry and Kate) names the one the sources
        # quote ("Lee": Ed Lee, not Bill Lee), else neither.
        by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
        quoted = {(j.id, q.speaker) for j in knowledge.jurisdictions.values() for q in j.quotes}
        for j in knowledge.jurisdictions.values():
            for official in j.officials:
                by_surname[fold(official.name).split()[-1]].append((j.id, official.name))
        for key, people in by_surname.items():
            if len(people) > 1:
                by_surname[key] = [p for p in people if p in quoted]
        self.surnames = {
            key: people[0]
            for key, people in by_surname.items()
            if len(people) == 1
            and key not in self.people
            and key not in self.aliases
            and key not in STOPWORDS
        }
        self.qualifiers = QualifierRules(knowledge, gazetteer, self.state_jurisdiction)
        self._fuzzy_choices = self._build_fuzzy_choices()

    def _build_aliases(self, knowledge: KnowledgeBase) -> None:
        aliases: dict[str, list[str]] = defaultdict(list)
        for j in knowledge.jurisdictions.values():
            if j.type in STATE_TYPES:
                self.state_jurisdiction.setdefault(j.state, j.id)
            state = self.gazetteer.states.get(j.state)
            names, generated = _alias_keys(j, state.name if state else None)
            # A generated key ("northport") never hides a real place of that exact name.
            generated = {k for k in generated if not self._names_another_place(k, j)}
            for key in names | generated:
                if j.id not in aliases[key]:
                    aliases[key].append(j.id)
            for official in j.officials:
                for name in (official.name, *official.aliases):
                    self.people.setdefault(fold(name), (j.id, official.name))
            for law in j.laws:
                self.laws.setdefault(fold(law), j.id)
        # Where one name means two covered places (New York), the city comes first.
        rank = {PlaceType.CITY: 0, PlaceType.DISTRICT: 1, PlaceType.COUNTY: 2, PlaceType.STATE: 3}
        for key, ids in aliases.items():
            ids.sort(key=lambda i: rank[knowledge.jurisdictions[i].type])
            self.aliases[key] = tuple(ids)

    def _names_another_place(self, key: str, j: Jurisdiction) -> bool:
        return any((p.state, p.type) != (j.state, j.type) for p in self.gazetteer.lookup(key))

    def _build_fuzzy_choices(self) -> dict[tuple[int, str], tuple[list[str], list[_Target]]]:
        """Choices by (length, first letter) of the typo they can correct: a typo keeps its
        length within three letters and its first letter (or drops it: "hicago")."""
        choices: dict[str, _Target] = {}
        for name, places in self.gazetteer.by_name.items():
            choices[name] = _Target("gazetteer", place=places[0])
        for name, (jurisdiction, speaker) in self.people.items():
            # Full names, and surnames that are not words ("garceti" -> Garcetti).
            if " " in name or (name not in self.known_words and name not in STOPWORDS):
                choices[name] = _Target("person", (jurisdiction,), speaker=speaker)
        for key, ids in self.aliases.items():
            choices[key] = _Target("kb", ids)
        buckets: dict[tuple[int, str], tuple[list[str], list[_Target]]] = defaultdict(
            lambda: ([], [])
        )
        for key, target in choices.items():
            if len(key) < MIN_FUZZY_LENGTH or key in STOPWORDS:
                continue
            for length in range(len(key) - 3, len(key) + 4):  # ratio >= 83 needs similar lengths
                for letter in dict.fromkeys(key[:2].replace(" ", "")):
                    names, targets = buckets[length, letter]
                    names.append(key)
                    targets.append(target)
        return dict(buckets)

    # --- matching -------------------------------------------------------------------------

    def match(self, tokens: list[Token], *, spanish: bool = False) -> Matches:
        if not spanish:
            tokens = _short_names_in_context(tokens)
        case = _Case.of(tokens)
        used = self._people_after_titles(tokens)
        places = self._areas(tokens, used)
        people = self._people_by_surname(tokens, used)
        # Longest spans first; at each length exact names before typos, so "nueba york" is
        # read as one misspelt name before "york" alone can be taken for York, PA.
        for length in range(min(MAX_SPAN, len(tokens)), 0, -1):
            for fuzzy in (False, True):
                if fuzzy and length > MAX_FUZZY_SPAN:
                    continue
                last_start = len(tokens) if not fuzzy else min(len(tokens), MAX_FUZZY_TOKENS)
                for start in range(last_start - length + 1):
                    end = start + length
                    if any(used[start:end]):
                        continue
                    span = tokens[start:end]
                    if fuzzy:
                        found = self._fuzzy(span, start, cased=case.cased, spanish=spanish)
                    elif self._not_a_place(span):
                        used[start:end] = [True] * length  # "Marshall Project", "White House"
                        continue
                    else:
                        found = self._exact(span, start, case.shouting, case.lowercase)
                    if found is None:
                        continue
                    if isinstance(found, PlaceMention):
                        places.append(found)
                    else:
                        people.append(found)
                    used[start:end] = [True] * length
        return self._finish(places, people, tokens)

    def _finish(
        self, places: list[PlaceMention], people: list[PersonMention], tokens: list[Token]
    ) -> Matches:
        """Mentions in question order, qualifiers applied, each with the words as typed."""
        if any(not m.law for m in places):
            places = [m for m in places if not m.law]  # "does SB 54 apply in Texas": Texas
        places.sort(key=lambda m: m.start)
        people.sort(key=lambda m: m.start)
        qualified = self.qualifiers.apply(places, tokens)
        typed = [
            replace(m, words=" ".join(t.raw for t in tokens[m.start : m.end])) for m in qualified
        ]
        return Matches(tuple(typed), tuple(people))

    def _areas(self, tokens: list[Token], used: list[bool]) -> list[PlaceMention]:
        """Regions and landmarks ("the Bay Area", "Rikers"): each covered place they hold."""
        words = [t.norm for t in tokens]
        found: list[PlaceMention] = []
        if _AREA_WORDS.isdisjoint(words):
            return found
        for area, ids in AREAS.items():
            size = len(area.split())
            for start in range(len(words) - size + 1):
                if " ".join(words[start : start + size]) == area and not any(
                    used[start : start + size]
                ):
                    covered = [i for i in ids if i in self.knowledge.jurisdictions]
                    found += [PlaceMention(start, start + size, (i,)) for i in covered]
                    used[start : start + size] = [True] * size
        return found

    def _people_by_surname(self, tokens: list[Token], used: list[bool]) -> list[PersonMention]:
        """Officials named by surname alone in a question about what someone said or who
        someone is ("what did racine say?"); their words are then taken."""
        folded = " ".join(t.norm for t in tokens)
        if not (SAID.search(folded) or WHO.search(folded)):
            return []
        found = []
        for i, token in enumerate(tokens):
            person = self.surnames.get(token.norm)
            before_particle = i + 1 < len(tokens) and tokens[i + 1].norm in TRAILING_PARTICLES
            # "Bill Lee" is a full name, matched as such below.
            full_name = i > 0 and f"{tokens[i - 1].norm} {token.norm}" in self.people
            if person is not None and not used[i] and not before_particle and not full_name:
                found.append(PersonMention(i, i + 1, *person))
                used[i] = True
        return found

    def _people_after_titles(self, tokens: list[Token]) -> list[bool]:
        """Mark the capitalised names after a title ("Mayor Brandon Johnson") as taken, unless
        they name an official the knowledge base knows."""
        used = [False] * len(tokens)
        for i, token in enumerate(tokens[:-1]):
            if token.norm not in TITLES:
                continue
            end = i + 1
            while end < len(tokens) and end - i <= 3 and tokens[end].raw[:1].isupper():
                end += 1
            names = " ".join(t.norm for t in tokens[i + 1 : end])
            known = names in self.people or f"{token.norm} {names}" in self.people
            # ...or a typo of one ("Mayor Ed Murry"): the matcher will find them.
            known = known or bool(
                process.extractOne(
                    names,
                    self._people_names,
                    scorer=fuzz.ratio,
                    processor=None,
                    score_cutoff=PERSON_TYPO_CUTOFF,
                )
            )
            if end > i + 1 and not known and names not in self.aliases:
                used[i + 1 : end] = [True] * (end - i - 1)
        return used

    def _holds_a_name(self, span: list[Token]) -> bool:
        """Whether words of `span` already spell a covered name ("San José Costa…")."""
        words = [t.norm for t in span]
        return any(
            " ".join(words[i:j]) in self.aliases
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
            if j - i < len(words)
        )

    def _not_a_place(self, span: list[Token]) -> bool:
        key = " ".join(t.norm for t in span)
        return key in self.not_places and key not in self.aliases and key not in self.people

    def _exact(
        self, span: list[Token], start: int, shouting: bool, lowercase: bool
    ) -> PlaceMention | PersonMention | None:
        if len(span) > 1 and (_is_function_word(span[0]) or _is_function_word(span[-1])):
            return None  # no name starts or ends with "of", "the", "en", "que"…
        key = " ".join(t.norm for t in span)
        end = start + len(span)
        upper = all(t.is_upper for t in span) and not shouting
        if key in self.laws:
            return PlaceMention(start, end, (self.laws[key],), law=True)
        if key in self.aliases:
            return self._alias_hit(key, start, end, upper)
        if key in self.people and (key not in STOPWORDS or upper):
            jurisdiction, speaker = self.people[key]
            return PersonMention(start, end, jurisdiction, speaker)
        code = self._state_code_hit(span, key, start, upper)
        if code is not None:
            return code
        abroad = self._foreign_hit(span, key, start, lowercase)
        if abroad is not None:
            return abroad
        if not self._could_be_place(span, key, start, lowercase):
            return None
        return self._gazetteer_hit(key, start, end)

    def _alias_hit(self, key: str, start: int, end: int, upper: bool) -> PlaceMention | None:
        """A covered place's name or alias, with the real places that share it."""
        # "la" is Spanish for "the": a short alias that is also a word must be typed "LA".
        if key in STOPWORDS and not upper:
            return None
        ids = list(self.aliases[key])
        others: list[Place] = []
        for place in self.gazetteer.lookup(key):
            if any((place.state, place.type) == self._state_type(i) for i in ids):
                continue
            covered = self.state_jurisdiction.get(place.state)
            if place.type in STATE_TYPES and covered:
                if covered not in ids:
                    ids.append(covered)  # "Nueva York" may also be the covered state
            else:
                others.append(place)
        return PlaceMention(start, end, tuple(ids), others=tuple(others))

    def _state_code_hit(
        self, span: list[Token], key: str, start: int, upper: bool
    ) -> PlaceMention | None:
        """'Portland, OR' / 'Portland, or': a state code; "…city, or only…" is a word."""
        lowercase_code = (
            span[0].after_comma and key not in STOPWORDS and key not in self.known_words
        )
        if len(span) != 1 or len(key) != 2 or not (upper or lowercase_code):
            return None
        state = self.gazetteer.states.get(key.upper())
        if state is None:
            return None
        covered = self.state_jurisdiction.get(state.state)
        return PlaceMention(start, start + 1, (covered,) if covered else (), state)

    def _foreign_hit(
        self, span: list[Token], key: str, start: int, lowercase: bool
    ) -> PlaceMention | None:
        """'Toronto', 'Monterrey', 'Canada': outside the US, and never a US typo."""
        if key not in self.gazetteer.foreign or (key in self.known_words and lowercase):
            return None
        name = " ".join(t.raw for t in span)
        return PlaceMention(start, start + len(span), (), Place(name, FOREIGN, ""))

    def _gazetteer_hit(self, key: str, start: int, end: int) -> PlaceMention | None:
        """A real US place: covered when it is a covered state or county of that name."""
        found = self.gazetteer.lookup(key) or self.gazetteer.lookup(_english_order(key))
        if not found:
            return None
        best = found[0]
        covered = self.state_jurisdiction.get(best.state) if best.type != PlaceType.CITY else None
        if covered and self.knowledge.jurisdictions[covered].type == best.type:
            return PlaceMention(start, end, (covered,), best)
        return PlaceMention(start, end, (), best, others=found[1:])

    def _could_be_place(self, span: list[Token], key: str, start: int, lowercase: bool) -> bool:
        if len(key) < 3 or all(t.norm in STOPWORDS or t.norm in NAME_PARTICLES for t in span):
            return False
        if len(span) == 1 and key in COMMON_WORD_PLACES:
            # "Mobile", "Orange", "Liberty": only as a capitalised word inside a sentence.
            return span[0].raw[:1].isupper() and start > 0 and not lowercase
        return True

    def _fuzzy(
        self, span: list[Token], start: int, *, cased: bool, spanish: bool
    ) -> PlaceMention | PersonMention | None:
        """A typo of a covered name, an official or a real place. `cased`: the message uses
        capitals for names; `spanish`: it reads as Spanish."""
        if not self._may_be_typo(span, cased=cased):
            return None
        key = " ".join(t.norm for t in span)
        letters = len(key.replace(" ", ""))
        choices = self._fuzzy_choices.get((len(key), key[0]))
        if letters < MIN_FUZZY_LENGTH or not choices or key in self.gazetteer.by_name:
            return None  # a real place name is never "corrected" into another one
        if key in self.gazetteer.foreign:
            return None
        names, targets = choices
        best = process.extractOne(
            key, names, scorer=fuzz.ratio, processor=None, score_cutoff=fuzzy_cutoff(letters)
        )
        if best is None:
            return None
        target = targets[best[2]]
        if target.kind != "kb" and _all_words(span, self.known_words):
            return None  # "los angles" may be Los Angeles; "new work" is never New Hork, PA
        if target.kind == "gazetteer" and spanish and not span[0].raw[:1].isupper():
            # Spanish verb forms are missing from the word lists ("conoce" ~ Conroe, TX): a
            # lowercase word in Spanish is corrected only into a place the bot covers.
            return None
        # A tie between a covered name and a real one (chicgo: chicago 92, chico 91) goes to
        # the better score; extractOne already returns the first best.
        return target.mention(start, start + len(span))

    def _may_be_typo(self, span: list[Token], *, cased: bool) -> bool:
        """Whether a span could be a misspelt name at all (before any scoring)."""
        if any((t.norm in STOPWORDS and t.norm not in NAME_PARTICLES) for t in span):
            return False
        if any(t.norm.isdigit() for t in span):
            return False
        if _all_words(span, self.known_words) and not _after_particle(span):
            # "start" is a word, not a typo of Stuart, FL; a typo has a non-word — except
            # after a name's first particle: "los angles", "san hose" (covered names only).
            return False
        if len(span) > 1 and (span[-1].norm in LEADING_PARTICLES or self._holds_a_name(span)):
            return False  # "Chicago la…" is Chicago, not a typo of Chicago Lawn
        # Who capitalises writes place names with capitals: "conoce" is a word.
        return not cased or any(t.raw[:1].isupper() for t in span)

    def _state_type(self, jurisdiction_id: str) -> tuple[str, PlaceType]:
        j = self.knowledge.jurisdictions[jurisdiction_id]
        return j.state, j.type


def _short_names_in_context(tokens: list[Token]) -> list[Token]:
    """Lowercase "la"/"ny" next to a word of a place's life ("the la police chief"), or
    after "the", is the place: it is read as if written in capitals."""
    read = list(tokens)
    for i, token in enumerate(tokens):
        name = SHORT_NAMES.get(token.raw)
        if name is None:
            continue
        after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        before = tokens[i - 1].norm if i > 0 else ""
        if after in SHORT_NAME_NEIGHBOURS or (
            before in SHORT_NAME_BEFORE and after in SHORT_NAME_AFTER
        ):
            read[i] = replace(token, raw=name)
    return read


def _all_words(span: list[Token], known: Lexicon) -> bool:
    return all(t.norm in known or t.norm in NAME_PARTICLES for t in span)


def _after_particle(span: list[Token]) -> bool:
    """A name's first particle and then one word: "los angles", "san hose"."""
    first, *rest = span
    return first.norm in LEADING_PARTICLES and len(rest) == 1 and rest[0].norm not in NAME_PARTICLES


def _alias_keys(j: Jurisdiction, state_name: str | None) -> tuple[set[str], set[str]]:
    """The folded names and aliases of a jurisdiction, and the keys generated from them
    ("sanfrancisco", "denver co", "city of denver", "estado de colorado")."""
    names = {fold(j.name), *(fold(a) for a in (*j.aliases, j.name_es or ""))} - {""}
    keys: set[str] = set()
    for name in names - STOPWORDS:  # "LA" makes no "ciudad de la"
        keys.add(name.replace(" ", ""))  # "newyork", "sanfrancisco"
        if j.type in (PlaceType.CITY, PlaceType.COUNTY):
            keys.add(f"{name} {j.state.lower()}")
            if state_name:
                keys.add(f"{name} {fold(state_name)}")
            keys.add(f"city of {name}" if j.type == PlaceType.CITY else f"{name} county")
            keys.add(f"ciudad de {name}" if j.type == PlaceType.CITY else f"condado de {name}")
        elif j.type == PlaceType.STATE:
            keys.update({f"{name} state", f"state of {name}", f"estado de {name}"})
    return names, keys - names - {""}


def _english_order(key: str) -> str:
    """'condado de cook' -> 'cook county': Spanish puts the kind of place first."""
    for spanish, english in (("condado de ", "county"), ("parroquia de ", "parish")):
        if key.startswith(spanish):
            return f"{key.removeprefix(spanish)} {english}"
    return key


def _is_function_word(token: Token) -> bool:
    return token.norm in FUNCTION_WORDS and token.norm not in NAME_PARTICLES
