"""What the matcher found in a question: places and people, by token span."""

from __future__ import annotations

from dataclasses import dataclass

from bot.understanding.gazetteer import Place


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int  # token span [start, end)
    jurisdictions: tuple[str, ...] = ()  # covered candidates, best first
    place: Place | None = None  # the real place, when the knowledge base lacks it
    fuzzy: bool = False
    qualifier: str | None = None  # state code the user added ("Portland, Maine" -> "ME")
    others: tuple[Place, ...] = ()  # other real places of the same name (for "which one?")
    words: str = ""  # as the user typed them
    law: bool = False  # named by one of its laws ("the Green Light Law")

    @property
    def covered(self) -> bool:
        return bool(self.jurisdictions)


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    jurisdiction: str
    speaker: str  # the official's name


@dataclass(frozen=True)
class Matches:
    places: tuple[PlaceMention, ...]
    people: tuple[PersonMention, ...]
