"""The offices a question may ask about ("what did the mayor say?"), in one vocabulary."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    MAYOR = "mayor"
    POLICE = "police"
    GOVERNOR = "governor"
    COUNCIL = "council"
    ATTORNEY_GENERAL = "attorney general"


# The words (folded) that name each role in a question, English and Spanish; the first role
# whose words occur wins, so the order matters ("the mayor and the police": the mayor).
QUESTION_WORDS: dict[Role, tuple[str, ...]] = {
    Role.MAYOR: ("mayor", "mayors", "alcalde", "alcaldesa", "alcaldes"),
    Role.POLICE: ("police", "chief", "lapd", "sheriff", "policia", "jefe", "jefa", "sfpd", "nypd"),
    Role.GOVERNOR: ("governor", "gobernador", "gobernadora"),
    Role.COUNCIL: ("council", "councilor", "supervisor", "supervisors", "concejal", "concejo"),
    Role.ATTORNEY_GENERAL: ("attorney general", "fiscal general", "procurador"),
}
# The words (folded) in a quoted speaker's role ("Mayor of Denver") that make them hold it.
TITLE_WORDS: dict[Role, tuple[str, ...]] = {
    Role.MAYOR: ("mayor",),
    Role.POLICE: ("police", "chief", "sheriff"),
    Role.GOVERNOR: ("governor",),
    Role.COUNCIL: ("council", "councilor", "supervisor"),
    Role.ATTORNEY_GENERAL: ("attorney general",),
}
# Offices of a city: "the mayor of Washington" is not about the state.
CITY_ROLES = frozenset({Role.MAYOR, Role.POLICE, Role.COUNCIL})
