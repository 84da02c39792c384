"""The 2026 table: questions about the present, answered from the timeline since 2017.

Rows for the places added with the federal list and the state laws, the states that ban
sanctuary policies, cities the knowledge base does not cover in states it does (answered
from the state, and saying so), attributions (whose label a stance is), timelines and
Spanish. `contains` holds alternatives: one of them must appear in the reply text
(case-insensitive); `absent` must not appear anywhere in it.
"""

from __future__ import annotations

from typing import NamedTuple


class Case2026(NamedTuple):
    question: str
    kind: str
    places: tuple[str, ...]  # jurisdiction ids that must be among the answer's places, in order
    stance: str | None = None  # of the first place
    language: str = "en"
    topic: str | None = None
    contains: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


B, S, L, K = "bans_sanctuary", "sanctuary", "limits_cooperation", "unknown"


def place(
    q: str, pid: str, *contains: str, stance: str | None = None, lang: str = "en"
) -> Case2026:
    return Case2026(q, "answer", (pid,), stance, lang, None, contains)


def via_state(q: str, state: str, asked: str, *contains: str, lang: str = "en") -> Case2026:
    """An uncovered city in a covered state: the state's entry answers, the city is named,
    and nothing says the city itself was assessed."""
    never = (f"{asked} is a sanctuary", f"{asked} es una ciudad santuario")
    return Case2026(q, "answer", (state,), None, lang, None, (asked, *contains), never)


def topic(q: str, tid: str, *contains: str, lang: str = "en") -> Case2026:
    return Case2026(q, "topic", (), None, lang, tid, contains)


def uncovered(q: str, name: str, lang: str = "en") -> Case2026:
    return Case2026(q, "not_covered", (), None, lang, None, (name,))


DOJ = ("Justice Department", "Department of Justice")
DOJ_ES = ("Departamento de Justicia",)

CASES_2026: list[Case2026] = [
    # --- places on the Justice Department's list of 5 August 2025 --------------------------
    place("Is Denver a sanctuary city?", "denver", *DOJ),
    place("is denver a sanctuary city 2025", "denver", "2025"),
    place("Is Chicago a sanctuary city?", "chicago", *DOJ),
    place("Is Boston a sanctuary city?", "boston", *DOJ),
    place("Is Philadelphia a sanctuary city?", "philadelphia", *DOJ),
    place("Is Seattle a sanctuary city?", "seattle", *DOJ),
    place("Is Portland a sanctuary city?", "portland", "2025"),
    place("Is New Orleans a sanctuary city?", "new-orleans", *DOJ),
    place("Is Albuquerque a sanctuary city?", "albuquerque", *DOJ),
    place("Is Berkeley a sanctuary city?", "berkeley", *DOJ),
    place("Is East Lansing a sanctuary city?", "east-lansing", *DOJ),
    place("Is Hoboken a sanctuary city?", "hoboken", *DOJ),
    place("Is Jersey City a sanctuary city?", "jersey-city", *DOJ),
    place("Is Newark NJ a sanctuary city?", "newark", *DOJ),
    place("Is Paterson a sanctuary city?", "paterson", *DOJ),
    place("Is Rochester NY a sanctuary city?", "rochester", *DOJ),
    place("Is Cook County a sanctuary county?", "cook-county", *DOJ),
    place("Is San Diego County a sanctuary?", "san-diego-county", *DOJ),
    place("Is Illinois a sanctuary state?", "illinois", *DOJ),
    place("Is Oregon a sanctuary state?", "oregon", *DOJ),
    place("Is Washington State a sanctuary state?", "washington-state", *DOJ),
    place("Is Minnesota a sanctuary state?", "minnesota", *DOJ),
    place("Is Nevada a sanctuary state?", "nevada", *DOJ),
    place("Is Delaware a sanctuary state?", "delaware", *DOJ),
    place("Is Vermont a sanctuary state?", "vermont", *DOJ),
    place("¿Es Denver una ciudad santuario?", "denver", *DOJ_ES, lang="es"),
    place("¿Chicago es ciudad santuario?", "chicago", *DOJ_ES, lang="es"),
    place("¿Es Illinois un estado santuario?", "illinois", *DOJ_ES, lang="es"),
    # --- removed, reversed, rejected labels ---------------------------------------------------
    place("Is Baltimore County a sanctuary county?", "baltimore-county", "removed"),
    place(
        "¿Es el condado de Baltimore santuario?", "baltimore-county", "retir", "elimin", lang="es"
    ),
    place("Is Louisville a sanctuary city?", "louisville", "2025", "detainer"),
    place("Is Nashville a sanctuary city?", "nashville", "not a sanctuary"),
    place("Is Colorado a sanctuary state?", "colorado", "not a sanctuary state"),
    place(
        "Is New Jersey a sanctuary state?", "new-jersey", "Immigrant Trust Directive", "directive"
    ),
    # --- states that ban sanctuary policies ----------------------------------------------------
    place("Is Texas a sanctuary state?", "texas", "SB 4", stance=B),
    place("is texas sanctuary", "texas", "SB 4", stance=B),
    place("Is Florida a sanctuary state?", "florida", "2019", stance=B),
    place("Is Georgia a sanctuary state?", "georgia", "2024", stance=B),
    place("Is Tennessee a sanctuary state?", "tennessee", "2025", "2019", stance=B),
    place("Is Louisiana a sanctuary state?", "louisiana", "2024", "2025", stance=B),
    place("¿Es Texas un estado santuario?", "texas", "SB 4", stance=B, lang="es"),
    place("¿Florida es un estado santuario?", "florida", "2019", stance=B, lang="es"),
    # --- state laws since 2017 ------------------------------------------------------------------
    place("Is California a sanctuary state?", "california", "SB 54"),
    place("california sanctuary state law", "california", "SB 54"),
    place("Is New York a sanctuary state?", "new-york-state", "2019", "2020"),
    place("Is Connecticut a sanctuary state?", "connecticut", "TRUST"),
    place("Is New Mexico a sanctuary state?", "new-mexico", "2026"),
    place("¿Es California un estado santuario?", "california", "SB 54", lang="es"),
    # --- cities not covered, in covered states: answered from the state -----------------------
    via_state("Is Houston a sanctuary city?", "texas", "Houston", "SB 4"),
    via_state("is dallas a sanctuary city", "texas", "Dallas", "SB 4"),
    via_state("Is Austin a sanctuary city?", "texas", "Austin", "SB 4"),
    via_state("¿Es Houston una ciudad santuario?", "texas", "Houston", "SB 4", lang="es"),
    via_state("¿San Antonio es ciudad santuario?", "texas", "San Antonio", lang="es"),
    via_state("Is Miami a sanctuary city?", "florida", "Miami"),
    via_state("is orlando a sanctuary city", "florida", "Orlando"),
    via_state("¿Miami es una ciudad santuario?", "florida", "Miami", lang="es"),
    via_state("Is Atlanta a sanctuary city?", "georgia", "Atlanta"),
    via_state("Is Memphis a sanctuary city?", "tennessee", "Memphis"),
    via_state("Is Baton Rouge a sanctuary city?", "louisiana", "Baton Rouge"),
    via_state("Is Sacramento a sanctuary city?", "california", "Sacramento", "SB 54"),
    via_state("is fresno a sanctuary city", "california", "Fresno", "SB 54"),
    via_state("¿Es Sacramento una ciudad santuario?", "california", "Sacramento", lang="es"),
    via_state("Is Tacoma a sanctuary city?", "washington-state", "Tacoma"),
    via_state("Is Spokane a sanctuary city?", "washington-state", "Spokane"),
    via_state("Is Eugene a sanctuary city?", "oregon", "Eugene"),
    via_state("Is Evanston a sanctuary city?", "illinois", "Evanston"),
    via_state("Is Buffalo a sanctuary city?", "new-york-state", "Buffalo"),
    via_state("Is Trenton a sanctuary city?", "new-jersey", "Trenton"),
    via_state("Is Hartford a sanctuary city?", "connecticut", "Hartford"),
    via_state("Is Las Cruces a sanctuary city?", "new-mexico", "Las Cruces"),
    via_state("Is Reno a sanctuary city?", "nevada", "Reno"),
    via_state("Is Fort Collins a sanctuary city?", "colorado", "Fort Collins"),
    # --- places in states the knowledge base does not cover stay not covered -------------------
    uncovered("Is Boise a sanctuary city?", "Boise"),
    uncovered("Is Provo a sanctuary city?", "Provo"),
    uncovered("Is Salt Lake City a sanctuary city?", "Salt Lake City"),
    uncovered("Is Omaha a sanctuary city?", "Omaha"),
    uncovered("¿Es Boise una ciudad santuario?", "Boise", lang="es"),
    # --- topics about the present -----------------------------------------------------------------
    topic("What is the DOJ sanctuary list?", "federal-list", "35"),
    topic("justice department sanctuary jurisdictions list", "federal-list", "2025"),
    topic(
        "¿Qué es la lista de jurisdicciones santuario del Departamento de Justicia?",
        "federal-list",
        "35",
        lang="es",
    ),
    topic("Which states ban sanctuary cities?", "ban-states", "Texas", "Florida"),
    topic("¿Qué estados prohíben las ciudades santuario?", "ban-states", "Texas", lang="es"),
    topic(
        "What executive orders did Trump sign about sanctuary cities?",
        "executive-orders",
        "14287",
        "13768",
    ),
    topic("Did the Justice Department sue sanctuary cities?", "doj-lawsuits", "dismiss"),
    topic("How many sanctuary cities are there?", "how-many", "35"),
]
