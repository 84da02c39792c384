"""Word lists that keep the matcher honest: ordinary words are never places or typos of places."""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from bot.understanding.cache import cached
from bot.understanding.text import fold, strip_accents

# Function and question words, English and Spanish (folded: no accents, lower case).
FUNCTION_WORDS = frozenset(
    """
    a about after again all also am an and any are as at be been before being but by can
    could did do does doing done for from had has have he her here hers him his how i if in
    into is it its just me more most my no nor not now of off on once only or other our out
    over own same she should so some such than that the their them then there these they
    this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours yet
    el la los las un una unos unas y o u de del al en con por para sin sobre que quien
    quienes cual cuales como cuando donde cuanto cuantos cuantas cuanta es son fue era eran
    ser esta estan estas este esto estos ese esa eso esos esas hay ha han he mi mis tu tus su
    sus nuestro nuestra lo le les se si no ni ya muy mas menos tambien pero porque entre
    hasta desde segun yo usted ustedes ellos ellas nosotros qui me te nos
    """.split()
)

# Words of the domain and of everyday questions: never fuzzily turned into a place name.
DOMAIN_WORDS = frozenset(
    """
    sanctuary sanctuaries santuario santuarios city cities town towns ciudad ciudades county
    counties condado condados state states estado estados district distrito place places
    lugar lugares jurisdiction jurisdictions jurisdiccion jurisdicciones mayor mayors alcalde
    alcaldesa alcaldes police policia chief jefe sheriff governor gobernador gobernadora
    council councilor concejal supervisor supervisors attorney general fiscal official
    officials immigration inmigracion immigrant immigrants inmigrante inmigrantes migrant
    migrants undocumented indocumentado indocumentados ice federal government gobierno
    funding funds fondos money dinero law laws ley leyes policy policies politica politicas
    said say says saying dijo dicen decir declared declare stance status estatus position
    quote quotes cita citas source sources fuente fuentes news noticias article articles
    trump president presidente sessions justice department departamento detainer detainers
    deport deported deportation deportations deportar deportacion deportaciones court judge
    order orden juez tribunal letter letters carta cartas safe seguro segura protect protects
    protection proteccion help ayuda hello hola thanks gracias please list lista compare
    versus vs think know tell me about still today now currently actual actually really
    new old yes good great bad many much number numero cuantas what whats cual
    welcoming refuge refugio amendment enmienda fourth cuarta constitution
    """.split()
)

# Single words that are real US place names but far more often ordinary words: a question
# must capitalise them (not as its first word) before they count as places.
COMMON_WORD_PLACES = frozenset(
    """
    mobile normal independence liberty union enterprise orange commerce hope paradise justice
    temple reading surprise mission marina opportunity superior eagle sandy bend sparks
    midland victoria florence hollywood troy bay center university college franklin lincoln
    clinton jackson lawrence tracy chandler warren marion kent gary harvey tyler cicero beverly
    lynn green garden haven fountain pueblo mesa madera merced escondido manteca bear
    marshall wilson
    """.split()
)

# Names that contain a place name but are not places: never read as one.
NOT_PLACES = frozenset(
    fold(name)
    for name in (
        "Washington Post", "Statue of Liberty", "Empire State Building", "Jackson Hole",
        "White House", "Supreme Court", "City Hall", "Homeland Security",
        "Pete Wilson", "Donald Trump", "Barack Obama", "Jeff Sessions", "Jess Sessions",
        "Marshall Project", "The Marshall Project", "City Mayors", "ABC News",
        "Seattle Times", "Providence Journal", "City Pages", "Change.org",
    )
)  # fmt: skip

# Parts of names that say nothing on their own ("San", "New") and never stand for a place.
LEADING_PARTICLES = frozenset(
    "san santa saint st sainte new north south east west fort ft mount mt port lake el la "
    "los las de del".split()
)
TRAILING_PARTICLES = frozenset("city county park beach heights falls valley".split())
NAME_PARTICLES = LEADING_PARTICLES | TRAILING_PARTICLES

# Titles before a person's name: "Mayor Brandon Johnson" is a person, not Brandon, FL.
TITLES = frozenset(
    "mayor governor president senator sheriff chief judge councilor councilman councilwoman "
    "supervisor commissioner attorney secretary alcalde alcaldesa gobernador gobernadora "
    "presidente senador senadora juez jueza concejal "
    # ...and family words: "mi tía Florinda" is a person, not a typo of Florida.
    "aunt uncle cousin friend brother sister daughter husband wife mom dad mother father "
    "tia tio prima primo amiga amigo hermana hermano hija hijo esposa esposo mama papa "
    "abuela abuelo suegra suegro".split()
)

STOPWORDS = FUNCTION_WORDS | DOMAIN_WORDS

# A word at least this frequent in pyspellchecker's English or Spanish word lists is an
# ordinary word ("start", "police"): the matcher never reads it as a misspelt place name.
COMMON_WORD_MIN_FREQUENCY = 1000


@dataclass(frozen=True)
class Lexicon:
    """How often common words occur in English and in Spanish (pyspellchecker's counts)."""

    counts: dict[str, tuple[int, int]]  # folded word -> (English count, Spanish count)
    totals: tuple[int, int]

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def spanishness(self, word: str) -> float:
        """log(P(word | Spanish) / P(word | English)), with add-one smoothing."""
        if word not in self.counts:
            return 0.0
        english, spanish = self.counts[word]
        return math.log((spanish + 1) / self.totals[1]) - math.log((english + 1) / self.totals[0])


@cache
def lexicon() -> Lexicon:
    """The common English and Spanish words (cached on disk, then in memory)."""
    data = cached("lexicon", "pyspellchecker", _read_dictionaries)
    counts = {word: (pair[0], pair[1]) for word, pair in data["counts"].items()}
    return Lexicon(counts, (data["totals"][0], data["totals"][1]))


def _read_dictionaries() -> dict[str, object]:
    resources = files("spellchecker") / "resources"
    counts: dict[str, list[int]] = {}
    totals = []
    for column, language in enumerate(("en", "es")):
        frequencies = json.loads(gzip.decompress((resources / f"{language}.json.gz").read_bytes()))
        totals.append(sum(frequencies.values()))
        for word, count in frequencies.items():
            if count >= COMMON_WORD_MIN_FREQUENCY:
                pair = counts.setdefault(strip_accents(word) if column else word, [0, 0])
                pair[column] += count
    return {"totals": totals, "counts": counts}
