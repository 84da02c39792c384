"""The aspect table: questions that ask for one fact, date, figure, person or ruling.

Typed the way people type on phones (lower case, no apostrophes, typos, Spanish without
accents). Each row names the place the answer is about (a jurisdiction id, or None for a
question with no place), the aspect the question asks for, and what the reply must hold:
`expect` is a tuple of alternatives, one of which must appear in the reply's first message
(the bottom line or the leading paragraph), case-insensitively. A row with
`missing=True` asks for something the sources do not say: the reply must say so plainly
("My sources don't say …" / "Mis fuentes no dicen …") and never present a neighbouring
fact as the answer.
"""

from __future__ import annotations

from typing import NamedTuple


class AspectCase(NamedTuple):
    question: str
    place: str | None
    aspect: str | None
    expect: tuple[str, ...] = ()
    language: str = "en"
    missing: bool = False


def ask(
    q: str, place: str | None, aspect: str | None, *expect: str, lang: str = "en"
) -> AspectCase:
    return AspectCase(q, place, aspect, expect, lang)


def gap(q: str, place: str | None, aspect: str | None, lang: str = "en") -> AspectCase:
    return AspectCase(q, place, aspect, (), lang, True)


ONE_MILLION = ("$1 million", "1 million", "1 millón", "un millón")
TEN_MILLION = ("$10 million", "10 million", "10 millones")
LA_COUNT = ("1.5 million", "1,5 millones", "1.5 millones")
NYC_COUNT = ("750,000", "750.000", "750 000")

ASPECT_CASES: list[AspectCase] = [
    # --- money and funds -------------------------------------------------------------------
    ask(
        "How much money did Chicago set aside for immigrant families?",
        "chicago",
        "money",
        *ONE_MILLION,
    ),
    ask("how much did chicago set aside", "chicago", "money", *ONE_MILLION),
    ask("how much $$ did rahm put aside for immigrants", "chicago", "money", *ONE_MILLION),
    ask("chicago immigrant fund how much", "chicago", "money", *ONE_MILLION),
    ask("did chicago give money to immigrant familys", "chicago", "money", *ONE_MILLION),
    ask(
        "cuanto dinero aparto chicago para los inmigrantes",
        "chicago",
        "money",
        *ONE_MILLION,
        lang="es",
    ),
    ask(
        "¿Cuánto dinero destinó Chicago a las familias inmigrantes?",
        "chicago",
        "money",
        *ONE_MILLION,
        lang="es",
    ),
    ask("how big is the LA legal defense fund", "los-angeles", "money", *TEN_MILLION),
    ask("how much is the los angeles legal defense fund", "los-angeles", "money", *TEN_MILLION),
    ask("la legal fund for ppl facing deportation how much", "los-angeles", "money", *TEN_MILLION),
    ask(
        "cuanto es el fondo de defensa legal de los angeles",
        "los-angeles",
        "money",
        *TEN_MILLION,
        lang="es",
    ),
    ask(
        "how much did new york set aside in reserves",
        "new-york-city",
        "money",
        "250 million",
        "250 millones",
    ),
    ask(
        "how much money did de blasio put in reserve",
        "new-york-city",
        "money",
        "250 million",
        "250 millones",
    ),
    ask("nyc reserves how much $", "new-york-city", "money", "250 million", "250 millones"),
    gap("How much did Seattle set aside for immigrants?", "seattle", "money"),
    gap("how much money did boston spend on immigrant legal help", "boston", "money"),
    gap("cuanto dinero aparto denver para los inmigrantes", "denver", "money", lang="es"),
    # --- numbers -----------------------------------------------------------------------------
    ask(
        "How many undocumented immigrants live in Los Angeles?", "los-angeles", "numbers", *LA_COUNT
    ),
    ask("how many undocumented ppl in LA", "los-angeles", "numbers", *LA_COUNT),
    ask("how many illegal immigrants live in los angles", "los-angeles", "numbers", *LA_COUNT),
    ask(
        "cuantos indocumentados viven en los angeles",
        "los-angeles",
        "numbers",
        *LA_COUNT,
        lang="es",
    ),
    ask("how many undocumented immigrants are in nyc", "new-york-city", "numbers", *NYC_COUNT),
    ask(
        "how many undocumented people live in new york city", "new-york-city", "numbers", *NYC_COUNT
    ),
    ask(
        "cuantos inmigrantes indocumentados hay en nueva york",
        "new-york-city",
        "numbers",
        *NYC_COUNT,
        lang="es",
    ),
    ask(
        "how many days is the max sentence for petty offenses in denver now",
        "denver",
        "numbers",
        "364",
    ),
    ask("denver sentence 365 days change", "denver", "numbers", "364", "365"),
    gap("how many undocumented immigrants live in chicago", "chicago", "numbers"),
    gap("cuantos indocumentados viven en seattle", "seattle", "numbers", lang="es"),
    # --- police practice ---------------------------------------------------------------------
    ask("Does the LAPD ask about immigration status?", "los-angeles", "police", "1979"),
    ask("Since when has the LAPD not asked about status?", "los-angeles", "when", "1979"),
    ask("since when does la police not ask ppl about immigration", "los-angeles", "when", "1979"),
    ask(
        "desde cuando la policia de los angeles no pregunta el estatus migratorio",
        "los-angeles",
        "when",
        "1979",
        lang="es",
    ),
    ask(
        "do nashville cops ask about immigration status",
        "nashville",
        "police",
        "not immigration police",
        "immigration status",
        "estatus migratorio",
    ),
    ask(
        "does seattle police ask about immigration status",
        "seattle",
        "police",
        "O'Toole",
        "would not change",
        "not change",
    ),
    ask(
        "does baltimore police ask where people are from",
        "baltimore",
        "police",
        "asking people where they",
    ),
    # --- jails and detainers -------------------------------------------------------------------
    ask(
        "Does Philadelphia honor ICE detainers?",
        "philadelphia",
        "jails",
        "Fourth Amendment",
        "warrant",
        "held",
    ),
    ask(
        "does philly hold people for ice",
        "philadelphia",
        "jails",
        "Fourth Amendment",
        "warrant",
        "held",
    ),
    ask("does denver jail hold people for ice", "denver", "jails", "warrant", "detainer", "hold"),
    ask("does louisville honor ice detainers", "louisville", "jails", "48", "detainer"),
    ask("louisville jail ice detainers 2025", "louisville", "jails", "48", "detainer"),
    ask("does milwaukee county honor ice detainers", "milwaukee-county", "jails", "detainer"),
    ask(
        "la carcel de louisville respeta las ordenes de ice", "louisville", "jails", "48", lang="es"
    ),
    # --- courts, lawsuits and rulings -------------------------------------------------------
    ask("did the justice department sue chicago", "chicago", "courts", "dismiss", "desestim"),
    ask("what happened to the lawsuit against illinois", "illinois", "courts", "dismiss"),
    ask("was denver sued", "denver", "courts", "sued", "lawsuit", "demand"),
    ask("did the doj sue los angeles", "los-angeles", "courts", "dismiss", "sued"),
    ask("what did the judge say about the LA lawsuit", "los-angeles", "courts", "dismiss"),
    ask("boston lawsuit doj outcome", "boston", "courts", "standing", "dismiss"),
    ask("did trump sue new york city", "new-york-city", "courts", "sued", "lawsuit"),
    ask("demanda contra chicago que paso", "chicago", "courts", "desestim", lang="es"),
    ask("demandaron a denver", "denver", "courts", "demand", lang="es"),
    ask("court ruling on texas sb4", "texas", "courts", "2018", "upheld", "Fifth Circuit"),
    ask(
        "what did the court say about california sb 54",
        "california",
        "courts",
        "2019",
        "Ninth Circuit",
        "upheld",
    ),
    ask("what happened in court with rochester", "rochester", "courts", "moot", "dismiss"),
    # --- federal funding -----------------------------------------------------------------------
    ask(
        "can trump cut san franciscos federal funding",
        "san-francisco",
        "federal_funding",
        "injunction",
        "blocked",
        "judge",
    ),
    ask(
        "did chicago get a letter from the justice department",
        "chicago",
        "federal_funding",
        "letter",
        "April 2017",
    ),
    ask(
        "¿Recibió Chicago una carta del Departamento de Justicia?",
        "chicago",
        "federal_funding",
        "carta",
        lang="es",
    ),
    ask(
        "how much federal money does san francisco get",
        "san-francisco",
        "federal_funding",
        "3.7 billion",
        "1.2 billion",
    ),
    ask(
        "is seattle losing federal grants",
        "seattle",
        "federal_funding",
        "injunction",
        "blocked",
        "judge",
    ),
    # --- laws, ordinances and orders -------------------------------------------------------
    ask("When did Kenney sign the executive order?", "philadelphia", "when", "January 2016"),
    ask("when did kenney sign the order", "philadelphia", "when", "January 2016"),
    ask(
        "cuando firmo kenney la orden ejecutiva", "philadelphia", "when", "enero de 2016", lang="es"
    ),
    ask("what law did denver pass in 2017", "denver", "laws", "2017"),
    ask("what is california sb 54", "california", "laws", "SB 54", "Values Act"),
    ask("when did portland make sanctuary status city code", "portland", "when", "2025"),
    ask("when did oregon pass its sanctuary law", "oregon", "when", "1987"),
    ask("what is the illinois trust act", "illinois", "laws", "TRUST"),
    ask("when did texas ban sanctuary cities", "texas", "when", "2017"),
    ask("cuando prohibio texas las ciudades santuario", "texas", "when", "2017", lang="es"),
    ask("when did florida ban sanctuary cities", "florida", "when", "2019"),
    ask("whats the boston trust act", "boston", "laws", "Trust Act"),
    # a law named without its place is the place's (knowledge: `laws:`)
    ask("what is the green light law", "new-york-state", "laws", "Green Light Law"),
    ask("who signed the keep washington working act", "washington-state", "laws", "Inslee"),
    ask("que es la ley SB 54", "california", "laws", "SB 54", lang="es"),
    ask("what is the immigrant trust directive", "new-jersey", "laws", "Immigrant Trust Directive"),
    ask(
        "when did the milwaukee county board declare sanctuary",
        "milwaukee-county",
        "when",
        "February 2017",
    ),
    # --- who -----------------------------------------------------------------------------------
    ask("who is the mayor of denver in your sources", "denver", "who", "Hancock"),
    ask("who was the lapd chief", "los-angeles", "who", "Beck"),
    ask("who is the attorney general of dc", "washington-dc", "who", "Racine"),
    # --- what a named person said --------------------------------------------------------------
    ask("What did Karl Racine say?", "washington-dc", "said", "Racine"),
    ask("what did racine say", "washington-dc", "said", "Racine"),
    ask("what did hodges say", "minneapolis", "said", "Hodges"),
    ask("what did the la police chief say", "los-angeles", "said", "Beck"),
    ask("what did the ny mayor say", "new-york-city", "said", "de Blasio"),
    ask("what did emanuel say about funding", "chicago", "said", "Emanuel"),
    ask("que dijo kenney", "philadelphia", "said", "Kenney", lang="es"),
    ask("qué dijo el alcalde de denver", "denver", "said", "Hancock", lang="es"),
    gap("what did the mayor of new orleans say", "new-orleans", "said"),
    gap("what did the governor of colorado say", "colorado", "said"),
    # --- ICE access ------------------------------------------------------------------------------
    ask("can ice go into rikers", "new-york-city", "ice_access", "Rikers"),
    ask(
        "can ice use city property in new york",
        "new-york-city",
        "ice_access",
        "warrant",
        "property",
    ),
    # --- schools, services and IDs ---------------------------------------------------------------
    ask("what about nyc id cards", "new-york-city", "services", "identification", "ID"),
    ask(
        "can undocumented people get a drivers license in new york",
        "new-york-state",
        "services",
        "Green Light",
        "license",
    ),
    ask("what services does chicago offer immigrants", "chicago", "services", "mental health"),
    # --- the federal list ------------------------------------------------------------------------
    ask("is denver on the doj list", "denver", "federal_list", "Justice Department", "2025"),
    ask("is boston on the sanctuary list", "boston", "federal_list", "Justice Department", "2025"),
    ask(
        "is oakland on the justice department list", "oakland", "federal_list", "not", "California"
    ),
    ask(
        "was baltimore county removed from the list",
        "baltimore-county",
        "federal_list",
        "removed",
        "October",
    ),
    ask(
        "esta chicago en la lista del departamento de justicia",
        "chicago",
        "federal_list",
        "Departamento de Justicia",
        lang="es",
    ),
    ask("is louisville on the list", "louisville", "federal_list", "not", "2025"),
    # --- an aspect with no place -----------------------------------------------------------------
    ask("what happened in court?", None, "courts", "court", "judge", "dismiss"),
    ask("what did the courts say about sanctuary cities", None, "courts", "court", "judge"),
    ask("que paso en los tribunales", None, "courts", "juez", "tribunal", "desestim", lang="es"),
    ask("which places are on the doj list", None, "federal_list", "Justice Department", "35"),
]
