"""How places and sources are named and referred to in answers, in English and Spanish."""

from __future__ import annotations

from collections import Counter

from bot.answer.model import PlaceRef, QuoteView, SourceRef
from bot.answer.phrases import join_names, say
from bot.knowledge.model import Jurisdiction, KnowledgeBase, PartialDate, PlaceType, Quote
from bot.understanding.gazetteer import SPANISH_STATE_NAMES, Place


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
        # The span of the sources, to the month: "November 2016 – June 2017".
        dates = sorted(PartialDate(s.date.year, s.date.month) for s in knowledge.sources.values())
        self.first = dates[0] if dates else None
        self.last = dates[-1] if dates else None
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
        if language == "es" and spanish:
            return spanish[0]
        return self.state_names.get(code, code)

    @staticmethod
    def place_ref(j: Jurisdiction) -> PlaceRef:
        return PlaceRef(j.id, j.name, j.type.value, j.state, j.stance.value, j.as_of.iso())

    @staticmethod
    def uncovered_ref(place: Place) -> PlaceRef:
        return PlaceRef(None, place.name, str(place.type), place.state or None, None, None)

    def source_refs(self, ids: list[str] | tuple[str, ...]) -> tuple[SourceRef, ...]:
        sources = [
            self.knowledge.sources[i] for i in dict.fromkeys(ids) if i in self.knowledge.sources
        ]
        sources.sort(key=lambda s: s.date, reverse=True)
        return tuple(
            SourceRef(s.id, s.outlet, s.title, s.date.iso(), s.url, s.date_inferred)
            for s in sources
        )

    def quote_view(self, quote: Quote, language: str) -> QuoteView:
        source = self.knowledge.sources.get(quote.source)
        outlet = source.outlet if source else quote.source
        date = quote.date.human(language)
        if quote.date_inferred:
            date = say(language, "approx", date=date)
        context = quote.context.get(language) if quote.context else None
        if quote.joint_with and not context:  # the speaker's role is theirs alone
            names = join_names(list(quote.joint_with), language)
            context = say(language, "joint_statement", names=names)
        return QuoteView(quote.text, quote.speaker, quote.role, outlet, date, quote.source, context)
