"""What a question asks about a place: money, a figure, a date, a person, a ruling…

Read from cue words in English and Spanish on folded text (lower case, no accents), with
phone typing in mind: a one-word cue of five letters or more also matches a close typo
that is not itself a common word ("detainrs", "lawsiut"). The question forms `when`, `who`
and `said` combine with a content aspect: "when did Kenney sign the executive order?" asks
`when` about `laws`. The vocabulary is the knowledge base's (docs/knowledge.md, Aspects).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from rapidfuzz import fuzz, process

from bot.knowledge.model import Aspect
from bot.understanding.vocabulary import STOPWORDS, lexicon

# Content aspects, most specific first: the first whose cue appears wins ("the federal
# funding letter" is federal funding, not money).
CONTENT_CUES: dict[Aspect, tuple[str, ...]] = {
    Aspect.FEDERAL_LIST: (
        "doj list", "justice department list", "department of justice list", "the list",
        "on the list", "sanctuary list", "federal list", "dhs list", "list of sanctuary",
        "sanctuary jurisdictions list", "removed from the list", "sanctuary cities list",
        "sanctuary city list", "trumps list", "trump list", "trump s list", "on a list",
        "on any list", "en la lista", "lista del departamento de justicia", "lista de trump",
        "lista federal", "lista de santuarios", "la lista",
    ),
    Aspect.FEDERAL_FUNDING: (
        "federal funding", "federal funds", "federal money", "federal grant", "federal grants",
        "grants", "grant", "funding", "defund", "defunded", "cut funds", "cut funding",
        "cut off", "withhold", "letter from the justice department", "letter", "letters",
        "fondos federales", "dinero federal", "subvencion", "subvenciones", "carta", "cartas",
        "quitar fondos", "quitarles fondos", "recortar fondos",
    ),
    Aspect.COURTS: (
        "court", "courts", "judge", "judges", "ruling", "ruled", "rule", "lawsuit",
        "lawsuits", "sue", "sued", "suing", "suit", "injunction", "appeal", "appeals",
        "dismissed", "case", "legal battle", "tribunal", "tribunales", "corte", "cortes",
        "juez", "jueza", "demanda", "demandas", "demando", "demandaron", "demandar",
        "fallo", "sentencia judicial", "apelacion", "juicio",
    ),
    Aspect.JAILS: (
        "detainer", "detainers", "hold people", "hold for ice", "holds", "jail", "jails",
        "honor ice", "honor detainers", "release", "48 hour", "48 hours", "custody",
        "carcel", "carceles", "orden de detencion", "ordenes de ice", "retener", "retiene",
        "detenidos", "custodia",
    ),
    Aspect.ICE_ACCESS: (
        "ice access", "let ice", "can ice", "ice agents into", "ice into", "rikers",
        "city property", "staging", "share data", "share information", "data sharing",
        "dejar entrar a ice", "puede ice", "propiedad de la ciudad", "compartir datos",
        "compartir informacion",
    ),
    Aspect.POLICE: (
        "police", "cops", "officers", "lapd", "nypd", "sfpd", "police chief", "ask about status",
        "immigration status", "ask about immigration", "policia", "policias",
        "agentes de policia", "estatus migratorio", "preguntar por el estatus",
        "pregunta el estatus",
    ),
    Aspect.MONEY: (
        "how much money", "how much did", "how much is", "how much", "set aside", "put aside",
        "pledged", "fund", "funds", "money", "dollars", "budget", "reserve", "reserves",
        "spend", "spent", "legal defense fund", "cuanto dinero", "dinero", "fondo", "fondos",
        "aparto", "destino", "presupuesto", "reserva", "reservas", "dolares", "cuanto es",
    ),
    Aspect.NUMBERS: (
        "how many", "number of", "population", "how big", "count", "cuantos", "cuantas",
        "numero de", "poblacion", "cifra", "sentence", "days",
    ),
    Aspect.SERVICES: (
        "id card", "id cards", "identification", "drivers license", "driver license",
        "licence", "license", "school", "schools", "health", "services", "clinic",
        "mental health", "tarjeta de identificacion", "licencia", "licencia de manejo",
        "escuela", "escuelas", "servicios", "salud",
    ),
    Aspect.LAWS: (
        "law", "laws", "ordinance", "ordinances", "executive order", "order", "bill",
        "statute", "act", "resolution", "policy", "sb 4", "sb4", "sb 54", "trust act", "ley",
        "leyes", "ordenanza", "orden ejecutiva", "decreto", "proyecto de ley", "politica",
        "ban", "bans", "banned", "prohibit", "prohibited", "outlaw", "outlawed", "city code",
        "prohibio", "prohibir", "prohibe", "prohibieron", "codigo", "become a sanctuary",
        "become sanctuary", "became a sanctuary", "declare sanctuary", "declared sanctuary",
        "declared itself", "declare itself", "declare a sanctuary", "declared a sanctuary",
        "se declaro", "se volvio santuario", "se hizo santuario",
    ),
}  # fmt: skip
# Every cue's aspects: one-word cues by word, phrases found by one regular expression (a
# lookahead, so that overlapping phrases are all seen).
_CUE_ASPECTS: dict[str, frozenset[Aspect]] = {
    cue: frozenset(a for a, cues in CONTENT_CUES.items() if cue in cues)
    for cues in CONTENT_CUES.values()
    for cue in cues
}
_PHRASES = re.compile(
    "(?= ("
    + "|".join(re.escape(c) for c in sorted(_CUE_ASPECTS, key=len, reverse=True) if " " in c)
    + ") )"
)
# Question forms: they lead with a date, a name or a quote, about the content if any.
WHEN = re.compile(
    r"\b(when|wen|whn|since when|what year|what date|desde cuando|cuando|en que ano|que fecha)\b"
)
SAID = re.compile(r"\b(say|said|says|saying|quote|quotes|dijo|dicen|dice|declaro|cita|citas)\b")
FIGURE_QUESTION = re.compile(r"\b(how much|how many|cuanto|cuanta|cuantos|cuantas)\b")
WHO = re.compile(r"\b(who|whos|quien|quienes)\b")

FUZZY_MIN_LENGTH = 5  # shorter words are too easily another word
MAX_TYPO_WORDS = 40  # typos are looked for in the first words only: a long message stays fast
FUZZY_CUTOFF = 85  # one wrong letter in eight, two swapped in seven, one missing in six


@dataclass(frozen=True)
class AspectReading:
    """What a question asks for: `aspect` is what the answer leads with; `content` the
    subject matter when the aspect is a question form (`when` + `laws`)."""

    aspect: Aspect
    content: Aspect | None = None
    folded: str = field(default="", compare=False)  # the question, folded: its words

    @property
    def wants_figure(self) -> bool:
        """ "How much", "how many", "cuánto": the answer is a figure."""
        return bool(FIGURE_QUESTION.search(self.folded))

    @property
    def subject(self) -> Aspect:
        """The subject the answer's items must be about: the content, else the aspect."""
        return self.content or self.aspect


@cache
def _one_word_cues() -> dict[tuple[int, str], tuple[list[str], list[Aspect]]]:
    """One-word cues long enough to fuzz, by (length, first letter) of the typo they fix."""
    buckets: dict[tuple[int, str], tuple[list[str], list[Aspect]]] = {}
    for aspect, cues in CONTENT_CUES.items():
        for cue in cues:
            if " " in cue or len(cue) < FUZZY_MIN_LENGTH:
                continue
            for length in range(len(cue) - 1, len(cue) + 2):
                words, aspects = buckets.setdefault((length, cue[0]), ([], []))
                words.append(cue)
                aspects.append(aspect)
    return buckets


def _typo_aspects(folded: str) -> set[Aspect]:
    """Aspects whose one-word cue a misspelt word of the question stands for."""
    found: set[Aspect] = set()
    known = lexicon()
    for word in folded.split()[:MAX_TYPO_WORDS]:
        if len(word) < FUZZY_MIN_LENGTH or word in known or word in STOPWORDS:
            continue  # a common word is what it says, not a typo
        choices = _one_word_cues().get((len(word), word[0]))
        if choices is None:
            continue
        best = process.extractOne(
            word, choices[0], scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
        )
        if best is not None:
            found.add(choices[1][best[2]])
    return found


def content_aspect(folded: str) -> Aspect | None:
    """The most specific content aspect whose cue (or a typo of it) the question holds."""
    found: set[Aspect] = set()
    for cue in (*folded.split(), *(m.group(1) for m in _PHRASES.finditer(f" {folded} "))):
        found |= _CUE_ASPECTS.get(cue, frozenset())
    if found:
        return next(aspect for aspect in CONTENT_CUES if aspect in found)
    typos = _typo_aspects(folded)
    return next((aspect for aspect in CONTENT_CUES if aspect in typos), None)


def read_aspect(
    folded: str, *, names_person: bool = False, names_law: bool = False
) -> AspectReading | None:
    """The aspect of a folded question, or None for a plain "is X a sanctuary city?".

    `names_person`: the question names an official ("what did racine say", "kenney");
    `names_law`: it names a place's law ("the Green Light Law"): it asks about `laws`.
    """
    reading = _reading(folded, names_person)
    if names_law and (reading is None or reading.aspect not in FORMS):
        reading = AspectReading(Aspect.LAWS)
    elif names_law and reading is not None and reading.content is None:
        reading = replace(reading, content=Aspect.LAWS)
    return replace(reading, folded=folded) if reading else None


FORMS = (Aspect.WHEN, Aspect.WHO, Aspect.SAID)  # question forms a law's name does not override


def _reading(folded: str, names_person: bool) -> AspectReading | None:
    content = content_aspect(folded)
    if WHEN.search(folded):
        return AspectReading(Aspect.WHEN, content)
    plain = content in (None, Aspect.POLICE)  # "what did the judge say" asks about courts
    if SAID.search(folded) and (names_person or plain):
        return AspectReading(Aspect.SAID, content)
    if WHO.search(folded) and plain:
        return AspectReading(Aspect.WHO, content)  # "who was the LAPD chief"
    if content is not None:
        return AspectReading(content)
    return AspectReading(Aspect.SAID) if names_person else None
