"""How places and sources are named and referred to in answers, in English and Spanish."""

from __future__ import annotations

from collections import Counter

from bot.answer.model import PlaceRef, QuoteView, SourceRef
from bot.answer.phrases import join_names, say
from bot.knowledge.model import (
    Event,
    Jurisdiction,
    KnowledgeBase,
    PartialDate,
    PlaceType,
    Quote,
    SourceKind,
)
from bot.understanding.gazetteer import SPANISH_STATE_NAMES, Place

# In running Spanish text a name takes its article: "la ciudad de Nueva York".
_ARTICLES_ES = (
    ("Ciudad de ", "la ciudad de "),
    ("Condado de ", "el condado de "),
    ("Estado de ", "el estado de "),
)
# US Spanish media write these states as in English ("Texas", not "Tejas").
_STATES_AS_IN_ENGLISH = frozenset({"TX"})


def month_of(date: PartialDate) -> PartialDate:
    """The date to its month at most: what a source's date says of an undated remark."""
    return PartialDate(date.year, date.month)


def contract_es(text: str) -> str:
    """'de el condado' -> 'del condado', 'a el estado' -> 'al estado' (our own lower-case
    articles only: a name such as El Paso keeps its capital)."""
    return text.replace(" de el ", " del ").replace(" a el ", " al ")


class Naming:
    """Names ("Portland (Oregon)", "New York State", "Washington, D.C."), references for the
    JSON interface, and quotes as a user reads them, for one knowledge base."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        state_names: dict[str, str],
        namesakes: frozenset[str] = frozenset(),
    ) -> None:
        self.knowledge = knowledge
        self.state_names = state_names  # USPS code -> English state name
        self.namesakes = namesakes  # ids of covered places whose name other places share
        # The span of the sources, to the month; and apart, that of the five articles the
        # quotes come from and that of the later sources the timelines rest on.
        dates = sorted(month_of(s.date) for s in knowledge.sources.values())
        self.first = dates[0] if dates else None
        self.last = dates[-1] if dates else None
        sources = knowledge.sources.values()
        self.articles = sorted(month_of(s.date) for s in sources if s.kind == SourceKind.ARTICLE)
        self.later = sorted(month_of(s.date) for s in sources if s.kind != SourceKind.ARTICLE)
        self._source_refs: dict[tuple[str, ...], tuple[SourceRef, ...]] = {}
        # Each place's timeline, sorted once (Jurisdiction.timeline sorts on every call).
        self.timelines = {i: j.timeline for i, j in knowledge.jurisdictions.items()}
        names = Counter(j.name for j in knowledge.jurisdictions.values())
        self.shared_names = {name for name, count in names.items() if count > 1}  # New York

    def display_name(
        self, j: Jurisdiction, *, with_state: bool = False, language: str = "en"
    ) -> str:
        """'New York City' vs 'New York State', 'Washington, D.C.', 'Portland, Oregon'."""
        if language == "es" and j.name_es:
            return j.name_es  # written out in full by the maintainer ("Portland, Oregón")
        state_name = self.state_names.get(j.state, j.state)
        if j.type == PlaceType.DISTRICT:
            return f"{j.name}, D.C." if j.state == "DC" else j.name
        if j.type == PlaceType.STATE:
            return f"{j.name} State" if j.name in self.shared_names else j.name
        if j.name == state_name:
            return f"{j.name} City" if j.type == PlaceType.CITY else j.name
        if with_state:
            return f"{j.name}, {state_name}"
        if j.id in self.namesakes:  # "Portland (Oregon)", not Maine's, even in a list
            return f"{j.name} ({state_name})"
        return j.name

    def running_name(
        self, j: Jurisdiction, *, with_state: bool = False, language: str = "en"
    ) -> str:
        """The name inside a sentence: in Spanish with its article ("el condado de Cook")."""
        name = self.display_name(j, with_state=with_state, language=language)
        if language == "es":
            for written, running in _ARTICLES_ES:
                if name.startswith(written):
                    return running + name.removeprefix(written)
        return name

    def timeline_of(self, j: Jurisdiction) -> tuple[Event, ...]:
        """The place's events, newest first (sorted once per knowledge base)."""
        return self.timelines[j.id] if self.knowledge.jurisdictions.get(j.id) is j else j.timeline

    @property
    def article_ids(self) -> list[str]:
        """The five articles: the only sources quotes come from."""
        sources = self.knowledge.sources.values()
        return [s.id for s in sources if s.kind == SourceKind.ARTICLE]

    @property
    def jurisdictions(self) -> list[Jurisdiction]:
        return list(self.knowledge.jurisdictions.values())

    def state_place(self, code: str) -> Place:
        kind = PlaceType.DISTRICT if code == "DC" else PlaceType.STATE
        return Place(self.state_names.get(code, code), kind, code)

    def place_name(self, place: Place, language: str = "en", *, as_state: bool = False) -> str:
        """'Houston, Texas'; 'Texas'; with as_state, 'Washington State' / 'estado de Washington'."""
        as_state = as_state or any(j.name == place.name for j in self.jurisdictions)
        if place.type == PlaceType.STATE:
            name = self.state_name(place.state, language)
            return say(language, "state_of", name=name) if as_state else name
        if place.type == PlaceType.DISTRICT:
            return f"{place.name} (D.C.)"
        return f"{place.name}, {self.state_name(place.state, language)}"

    def state_name(self, code: str, language: str) -> str:
        """'North Carolina' / 'Carolina del Norte'."""
        spanish = SPANISH_STATE_NAMES.get(code, ())
        if language == "es" and spanish and code not in _STATES_AS_IN_ENGLISH:
            return spanish[0]
        return self.state_names.get(code, code)

    @staticmethod
    def place_ref(j: Jurisdiction) -> PlaceRef:
        return PlaceRef(j.id, j.name, j.type.value, j.state, j.stance.value, j.as_of.iso())

    @staticmethod
    def uncovered_ref(place: Place) -> PlaceRef:
        return PlaceRef(None, place.name, str(place.type), place.state or None, None, None)

    def source_refs(self, ids: list[str] | tuple[str, ...]) -> tuple[SourceRef, ...]:
        """The sources, each once, newest first."""
        key = tuple(dict.fromkeys(ids))
        if key not in self._source_refs:  # the same place cites the same sources every time
            self._source_refs[key] = self._refs(key)
        return self._source_refs[key]

    def _refs(self, ids: tuple[str, ...]) -> tuple[SourceRef, ...]:
        sources = [self.knowledge.sources[i] for i in ids if i in self.knowledge.sources]
        sources.sort(key=lambda s: s.date, reverse=True)
        return tuple(
            SourceRef(s.id, s.outlet, s.title, s.date.iso(), s.url, s.date_inferred)
            for s in sources
        )

    def quote_view(self, quote: Quote, language: str) -> QuoteView:
        source = self.knowledge.sources.get(quote.source)
        outlet = source.outlet if source else quote.source
        date = quote.date.human(language)
        if quote.reported:
            # The source does not date the remark: who reported it, and when, to the month
            # ("reported by The Marshall Project, June 2017"), never as the remark's own date.
            outlet = say(language, "reported", outlet=outlet)
            date = month_of(quote.date).human(language)
        elif quote.date_from_notes:
            date = say(language, "from_notes", date=date)
        elif quote.date_inferred:
            date = say(language, "inferred.inline", date=date)
        context = quote.context.get(language) if quote.context else None
        if quote.joint_with and not context:  # the speaker's role is theirs alone
            names = join_names(list(quote.joint_with), language)
            context = say(language, "joint_statement", names=names)
        role = quote.role_es if language == "es" and quote.role_es else quote.role
        return QuoteView(quote.text, quote.speaker, role, outlet, date, quote.source, context)
