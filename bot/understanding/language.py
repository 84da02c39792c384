"""Which language a question is written in: English or Spanish."""

from __future__ import annotations

from bot.understanding.mentions import Matches, PersonMention, PlaceMention
from bot.understanding.text import Token, strip_accents
from bot.understanding.vocabulary import lexicon

# Words both languages use alike ("no, Portland Maine"): they do not vote.
_EITHER = frozenset({"no", "a", "me", "ok", "okay", "vs", "versus"})
# Words only one of the two languages uses (folded); everything else votes by frequency.
_SPANISH = frozenset(
    "es son una un el la los las que ciudad ciudades santuario dijo dice alcalde alcaldesa "
    "cuantas cuantos hay del en por para sobre hola gracias ayuda como cual cuales donde "
    "estado condado y mi puedo debo hacer inmigracion inmigrantes policia esta estan si "
    "lista todas todos otras jefe gobernador fondos federales ley migra quien dijeron tiene "
    "buenos dias buenas tardes noches ahora sigue siendo quiero quiere puede pueden estoy "
    "tengo vivo papeles significa quitar dinero pero porque mudar mudarme necesito favor "
    "usted ustedes seguro segura tambien ser soy va deportar millones personas indocumentado "
    "indocumentada indocumentados hago hace nosotros vamos demanda demandas demando "
    "demandaron juez jueza tribunal tribunales corte cortes carcel carceles cuanto cuando "
    "desde fallo prohibio aparto destino paso".split()
)
_ENGLISH = frozenset(
    "is are the an what which how did does do city cities sanctuary say said says mayor "
    "of in and or can i my hi hello thanks thank help list many there about tell police "
    "chief state county who why where when will should still now any other governor funding "
    "law laws get safe please want move live need would could much".split()
)

# English nouns of the domain that Spanish speakers often use as they are (Spanglish).
_ENGLISH_NOUNS = frozenset("city cities sanctuary state county police mayor".split())


def detect_language(
    text: str,
    tokens: list[Token],
    matches: Matches | None = None,
    spanish_names: frozenset[str] = frozenset(),
) -> str:
    """Spanish when the words lean Spanish, English otherwise (and on a tie).

    Each word not part of a place name votes: words of the hand-made lists fully, other
    words by how much more often they occur in Spanish than in English (pyspellchecker's
    counts), capped so that one rare word cannot outvote the rest.
    """
    in_names: set[int] = set()
    if matches is not None:
        mentions: list[PlaceMention | PersonMention] = [*matches.places, *matches.people]
        for mention in mentions:
            in_names.update(range(mention.start, mention.end))
    score = 2.0 * sum(c in "¿¡" for c in text) + sum(c in "ñÑ" for c in text)
    words = lexicon()
    if matches is not None:
        # "Filadelfia", "Nueva York": a place named the Spanish way.
        score += sum(m.words.casefold() in spanish_names for m in matches.places)
    for i, token in enumerate(tokens):
        if i in in_names:
            continue
        if token.norm in _EITHER:
            continue
        if token.norm in _SPANISH:
            score += 1.5
        elif token.norm in _ENGLISH_NOUNS:
            score -= 0.5  # "es Denver sanctuary city?": Spanish speakers borrow these nouns
        elif token.norm in _ENGLISH:
            score -= 1.5
        else:
            score += max(-1.0, min(1.0, words.spanishness(token.norm) / 4))
            if token.raw != strip_accents(token.raw):
                score += 0.5  # "está", "qué": accents are rare in English words
    return "es" if score > 0 else "en"
