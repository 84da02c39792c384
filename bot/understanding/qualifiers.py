"""Words around a place name that change which place is meant: "Portland, Maine", "Washington
state", "estado de Nueva York"."""

from __future__ import annotations

from dataclasses import replace

from bot.knowledge.model import KnowledgeBase, PlaceType
from bot.understanding.gazetteer import FOREIGN, STATE_TYPES, Abroad, Gazetteer, Place
from bot.understanding.mentions import PlaceMention
from bot.understanding.text import Token, fold


class QualifierRules:
    """Applied after matching, to mentions in the order they appear in the question."""

    def __init__(
        self, knowledge: KnowledgeBase, gazetteer: Gazetteer, state_jurisdiction: dict[str, str]
    ) -> None:
        self.knowledge = knowledge
        self.gazetteer = gazetteer
        self.state_jurisdiction = state_jurisdiction  # USPS code -> covered state/district id

    def apply(self, places: list[PlaceMention], tokens: list[Token]) -> list[PlaceMention]:
        result: list[PlaceMention] = []
        index = 0
        while index < len(places):
            mention = places[index]
            following = places[index + 1] if index + 1 < len(places) else None
            if following is not None and self._is_country(following, mention):
                # "Vancouver, Canada": the country says it is not the US namesake.
                country = following.place.name if following.place else ""
                abroad = Place(f"{_display_words(tokens, mention)}, {country}", FOREIGN, "")
                result.append(PlaceMention(mention.start, following.end, (), abroad))
                index += 2
                continue
            if following is not None and self._is_qualifier(mention, following, tokens):
                result.append(self._qualified(mention, following, tokens))
                index += 2
                continue
            if (code := self._lowercase_code(mention, tokens)) is not None:
                result.append(self._qualified(mention, code, tokens))
                index += 1
                continue
            result.append(self._with_type_hint(mention, tokens))
            index += 1
        return self._in_named_states(result)

    def _in_named_states(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """'Chicago and Cook County': of the places called Cook County, the one in Illinois."""
        states = {self.knowledge.jurisdictions[m.jurisdictions[0]].state for m in mentions
                  if m.jurisdictions}  # fmt: skip
        states |= {m.place.state for m in mentions if m.place is not None and not m.others}
        result = []
        for mention in mentions:
            place = mention.place
            if place is not None and mention.others and place.state not in states:
                local = next((p for p in mention.others if p.state in states), None)
                if local is not None:
                    others = tuple(p for p in (place, *mention.others) if p != local)
                    mention = replace(mention, place=local, others=others)
            result.append(mention)
        return result

    def _is_country(self, following: PlaceMention, mention: PlaceMention) -> bool:
        place = following.place
        return (
            following.start == mention.end
            and place is not None
            and place.type == FOREIGN
            and fold(place.name) in self.gazetteer.countries
        )

    def _lowercase_code(self, mention: PlaceMention, tokens: list[Token]) -> PlaceMention | None:
        """'portland me': a lowercase state code right after a city that has a namesake in
        that state (the word "me" alone is never Maine)."""
        if mention.end >= len(tokens) or self._mention_type(mention) != PlaceType.CITY:
            return None
        state = self.gazetteer.states.get(tokens[mention.end].norm.upper())
        if len(tokens[mention.end].norm) != 2 or state is None:
            return None
        name = self._mention_name(mention, tokens)
        if not any(p.state == state.state for p in self.gazetteer.lookup(fold(name))):
            return None
        return PlaceMention(mention.end, mention.end + 1, (), state)

    def _is_qualifier(
        self, mention: PlaceMention, following: PlaceMention, tokens: list[Token]
    ) -> bool:
        state_place = following.place
        between = [t.norm for t in tokens[mention.end : following.start]]
        # "San José de California", "West New York en Nueva Jersey", "Denver in Colorado"
        if between not in ([], ["de"], ["en"], ["in"]) or following.fuzzy:
            return False
        if state_place is None or state_place.type not in STATE_TYPES:
            # A covered state named by its alias ("Nuevo México") has no gazetteer place.
            # "Buffalo, New York": a name that may also be a state counts as the state here.
            kinds = {self.knowledge.jurisdictions[i].type for i in following.jurisdictions}
            if not kinds & set(STATE_TYPES):
                return False
        return self._mention_type(mention) in (PlaceType.CITY, PlaceType.COUNTY)

    def _mention_name(self, mention: PlaceMention, tokens: list[Token]) -> str:
        if mention.jurisdictions:
            return self.knowledge.jurisdictions[mention.jurisdictions[0]].name
        return mention.place.name if mention.place else _display_words(tokens, mention)

    def _mention_type(self, mention: PlaceMention) -> PlaceType | Abroad | None:
        if mention.jurisdictions:
            return self.knowledge.jurisdictions[mention.jurisdictions[0]].type
        return mention.place.type if mention.place else None

    def _qualified(
        self, mention: PlaceMention, qualifier: PlaceMention, tokens: list[Token]
    ) -> PlaceMention:
        if qualifier.jurisdictions:
            state = self.knowledge.jurisdictions[qualifier.jurisdictions[0]].state
        else:
            state = qualifier.place.state if qualifier.place else ""
        in_state = tuple(
            i for i in mention.jurisdictions if self.knowledge.jurisdictions[i].state == state
        )
        end = qualifier.end
        if in_state:
            return PlaceMention(mention.start, end, in_state, fuzzy=mention.fuzzy, qualifier=state)
        name = self._mention_name(mention, tokens)
        key = fold(name)
        real = next((p for p in self.gazetteer.lookup(key) if p.state == state), None)
        place = real or Place(name, self._mention_type(mention) or PlaceType.CITY, state)
        return PlaceMention(mention.start, end, (), place, mention.fuzzy, qualifier=state)

    def _as_county(
        self, mention: PlaceMention, tokens: list[Token], word_after: bool
    ) -> PlaceMention:
        """'LA County', 'condado de Los Ángeles': the county, covered or not, not the city."""
        if self._mention_type(mention) != PlaceType.CITY or not mention.jurisdictions:
            return mention
        city = self.knowledge.jurisdictions[mention.jurisdictions[0]]
        county_key = f"{fold(city.name)} county"
        for j in self.knowledge.jurisdictions.values():
            if j.type == PlaceType.COUNTY and j.state == city.state and fold(j.name) == county_key:
                return PlaceMention(mention.start, mention.end + word_after, (j.id,))
        county = next((p for p in self.gazetteer.lookup(county_key) if p.state == city.state), None)
        if county is None:
            return mention
        return PlaceMention(mention.start, mention.end + word_after, (), county)

    def _with_type_hint(self, mention: PlaceMention, tokens: list[Token]) -> PlaceMention:
        """'Washington state', 'state of New York', 'estado de Nueva York' ask for the state."""
        before = " ".join(t.norm for t in tokens[max(0, mention.start - 2) : mention.start])
        after = tokens[mention.end].norm if mention.end < len(tokens) else ""
        if after in ("county", "condado") or before == "condado de":
            return self._as_county(mention, tokens, after in ("county", "condado"))
        wants_state = after in ("state", "estado") or before in ("state of", "estado de")
        if not wants_state or self._mention_type(mention) == PlaceType.STATE:
            return mention
        return self._as_state(mention, tokens)

    def _as_state(self, mention: PlaceMention, tokens: list[Token]) -> PlaceMention:
        """'Washington state': the state of that name, covered or not."""
        for jurisdiction_id in mention.jurisdictions:
            if self.knowledge.jurisdictions[jurisdiction_id].type == PlaceType.STATE:
                return PlaceMention(mention.start, mention.end, (jurisdiction_id,))
        key = " ".join(t.norm for t in tokens[mention.start : mention.end])
        candidates = [*self.gazetteer.lookup(key)]
        if mention.jurisdictions:
            candidates += self.gazetteer.lookup(fold(self._name(mention.jurisdictions[0])))
        state = next((p for p in candidates if p.type == PlaceType.STATE), None)
        if state is None:
            return mention
        covered = self.state_jurisdiction.get(state.state)
        if covered and self.knowledge.jurisdictions[covered].type == PlaceType.STATE:
            return PlaceMention(mention.start, mention.end, (covered,), state)
        return PlaceMention(mention.start, mention.end, (), state)

    def _name(self, jurisdiction_id: str) -> str:
        return self.knowledge.jurisdictions[jurisdiction_id].name


def _display_words(tokens: list[Token], mention: PlaceMention) -> str:
    return " ".join(t.raw for t in tokens[mention.start : mention.end]).title()
