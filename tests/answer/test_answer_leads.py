"""Choosing and wording the item that leads an answer to an aspect question (answer/leads.py)."""

from __future__ import annotations

from string import Formatter

from bot.answer import leads
from bot.answer.leads import Item
from bot.answer.render import shorten, to_json
from bot.engine import Engine
from bot.knowledge.model import (
    Aspect,
    Fact,
    Jurisdiction,
    Localized,
    Official,
    PartialDate,
    PlaceType,
    Quote,
    Source,
    SourceKind,
    Stance,
)
from bot.understanding.aspects import AspectReading
from bot.understanding.roles import Role
from bot.understanding.text import fold

SOURCES = {
    "paper-2017": Source(
        id="paper-2017",
        kind=SourceKind.NEWS,
        outlet="The Paper",
        title="A story",
        author=None,
        date=PartialDate(2017, 6),
        date_inferred=False,
        url=None,
    ),
    "wire-2017": Source(
        id="wire-2017",
        kind=SourceKind.NEWS,
        outlet="The Wire",
        title="Another story",
        author=None,
        date=PartialDate(2017, 4),
        date_inferred=False,
        url=None,
    ),
}


def fact(text: str, date: PartialDate, source: str = "paper-2017", **more: object) -> Fact:
    """A fact; untagged unless `aspects=` is given (the cue-word reading of older data)."""
    fields = {"aspects": (), **more}
    return Fact(text=Localized(text, f"ES {text}"), date=date, source=source, **fields)  # type: ignore[arg-type]


def place(*facts: Fact, quotes: tuple[Quote, ...] = ()) -> Jurisdiction:
    return Jurisdiction(
        id="springtown",
        name="Springtown",
        type=PlaceType.CITY,
        state="IL",
        stance=Stance.SANCTUARY,
        as_of=PartialDate(2017, 6),
        summary=Localized("Springtown summary.", "Resumen de Springtown."),
        stance_basis=Localized("Its own ordinance.", "Su propia ordenanza."),
        officials=(
            Official(name="Ann Lee", role="Mayor of Springtown", role_es="alcaldesa de Springtown"),
            Official(name="Bo Diaz", role="Police Chief of Springtown", role_es="jefe de policía"),
        ),
        facts=facts,
        quotes=quotes,
    )


FUND = fact("In December 2016, the mayor pledged $1 million to a fund.", PartialDate(2016, 12))
LETTER = fact("The city got a Justice Department letter about grants.", PartialDate(2017, 4, 21))
ORDER = fact("The mayor signed an executive order.", PartialDate(2016, 1))
QUOTE = Quote(
    text="We will stay a sanctuary city.",
    speaker="Ann Lee",
    role="Mayor of Springtown",
    date=PartialDate(2017, 4, 24),
    source="wire-2017",
    aspects=(Aspect.SAID,),
)


def chosen(j: Jurisdiction, reading: AspectReading, question: str = "") -> list[Item]:
    """The picked items, best first (none when the sources don't say)."""
    picked = leads.pick(leads.items(j, "en"), reading, leads.question_words(fold(question)))
    if picked is None:
        return []
    return [picked.best] if picked.second is None else [picked.best, picked.second]


def test_the_item_about_the_aspect_leads_not_a_neighbouring_one() -> None:
    j = place(LETTER, FUND, ORDER)
    assert [i.text for i in chosen(j, AspectReading(Aspect.MONEY))] == [FUND.text.en]
    funding = chosen(j, AspectReading(Aspect.FEDERAL_FUNDING))
    assert [i.text for i in funding] == [LETTER.text.en]


def test_no_item_about_the_aspect_means_none_is_chosen() -> None:
    assert chosen(place(LETTER, ORDER), AspectReading(Aspect.MONEY)) == []
    assert chosen(place(FUND), AspectReading(Aspect.COURTS)) == []


def test_words_shared_with_the_question_break_a_tie_then_the_newest_wins() -> None:
    old = fact("In 2015 the city spent money on schools.", PartialDate(2015))
    new = fact("In 2017 the city spent money on parks.", PartialDate(2017))
    j = place(old, new)
    assert chosen(j, AspectReading(Aspect.MONEY), "how much for schools")[0].text == old.text.en
    assert chosen(j, AspectReading(Aspect.MONEY), "how much money")[0].text == new.text.en


def test_two_sources_with_two_figures_are_both_given() -> None:
    one = fact("About 1.5 million undocumented immigrants live there.", PartialDate(2017, 6))
    other = fact(
        "About 1 million undocumented immigrants live there.", PartialDate(2017, 4), "wire-2017"
    )
    picked = chosen(place(one, other), AspectReading(Aspect.NUMBERS), "how many immigrants")
    assert {i.source for i in picked} == {"paper-2017", "wire-2017"}
    found = leads.pick(leads.items(place(one, other), "en"), AspectReading(Aspect.NUMBERS))
    assert found is not None and found.joiner == "also"
    lead = leads.lead(found, SOURCES, "en")
    assert "1.5 million" in lead.headline and "(The Paper)" in lead.headline
    assert lead.paragraphs == (
        "Another source gives a different figure: April 2017: About 1 million undocumented "
        "immigrants live there. (The Wire)",
    )


def test_a_count_must_be_of_what_was_asked() -> None:
    votes = fact("The council voted 39,000 to 11,000.", PartialDate(2025, 1))
    j = place(votes)
    assert chosen(j, AspectReading(Aspect.NUMBERS), "how many votes") != []
    assert chosen(j, AspectReading(Aspect.NUMBERS), "how many undocumented immigrants") == []


def test_a_court_case_comes_with_its_latest_development() -> None:
    filed = fact("The Justice Department sued the city.", PartialDate(2025, 2), "wire-2017")
    ruled = fact("A judge dismissed the department's case.", PartialDate(2025, 7))
    found = leads.pick(
        leads.items(place(filed, ruled), "en"),
        AspectReading(Aspect.COURTS),
        leads.question_words("did the justice department sue springtown"),
    )
    assert found is not None
    assert (found.best.text, found.joiner) == (filed.text.en, "latest")
    assert found.second is not None and found.second.text == ruled.text.en
    lead = leads.lead(found, SOURCES, "en")
    assert lead.paragraphs[0].startswith("The latest in my sources: July 2025: A judge")
    # A newer ruling that shares no word with the question is another case: not added.
    other = fact("A judge blocked the grant conditions.", PartialDate(2025, 8))
    alone = leads.pick(
        leads.items(place(filed, other), "en"),
        AspectReading(Aspect.COURTS),
        leads.question_words("did the justice department sue springtown"),
    )
    assert alone is not None and alone.second is None


def test_a_fact_line_carries_its_date_first_and_its_source() -> None:
    line = leads.fact_line(leads.items(place(LETTER), "en")[0], SOURCES, "en")
    assert line.startswith("April 21, 2017: The city got")
    assert line.endswith("(The Paper)")
    # A text that opens with its date is not dated twice.
    fund = leads.fact_line(leads.items(place(FUND), "en")[0], SOURCES, "en")
    assert fund.startswith("In December 2016, the mayor")


def test_an_inferred_date_is_labelled() -> None:
    inferred = fact("The council passed a law.", PartialDate(2017, 2), date_inferred=True)
    line = leads.fact_line(leads.items(place(inferred), "es")[0], SOURCES, "es")
    assert line.startswith("Febrero de 2017: ES The council")
    assert line.endswith("(fecha inferida)")


def test_a_quote_leads_with_who_said_it_and_when() -> None:
    j = place(FUND, quotes=(QUOTE,))
    picked = leads.pick(leads.items(j, "en"), AspectReading(Aspect.SAID))
    assert picked is not None
    lead = leads.lead(picked, SOURCES, "en")
    assert lead.headline == "On April 24, 2017, Ann Lee (Mayor of Springtown) said:"
    assert lead.paragraphs == ("“We will stay a sanctuary city.” (The Wire)",)
    assert lead.quotes == (QUOTE,)


def test_quotes_of_a_person_or_a_role() -> None:
    found = leads.items(place(quotes=(QUOTE,)), "en")
    assert leads.said_by(found, "Ann Lee", None)
    assert leads.said_by(found, None, Role.MAYOR)
    assert not leads.said_by(found, "Bo Diaz", None)
    assert not leads.said_by(found, None, Role.POLICE)


def test_who_names_the_officials_of_the_asked_role() -> None:
    lead = leads.who_lead(place(), Role.POLICE, "en")
    assert lead is not None
    assert lead.headline == "My sources name Bo Diaz as Police Chief of Springtown."
    assert leads.who_lead(place(), Role.GOVERNOR, "en") is None
    both = leads.who_lead(place(), None, "en")
    assert both is not None and "Ann Lee" in both.headline and "Bo Diaz" in both.headline


def test_the_sources_dont_say_line() -> None:
    line = leads.missing_line(Aspect.MONEY, "Seattle", "en")
    assert line.startswith("My sources don't say how much money Seattle set aside")
    assert line.endswith("Here is what they do say about Seattle:")
    spanish = leads.missing_line(Aspect.MONEY, "Seattle", "es")
    assert spanish.startswith("Mis fuentes no dicen cuánto dinero")
    person = leads.person_phrase("en", "New Orleans", None, "mayor")
    said = leads.missing_line(Aspect.SAID, "New Orleans", "en", person)
    assert said.startswith("My sources don't quote the mayor of New Orleans.")


def test_every_lead_phrase_has_both_languages_with_the_same_fields() -> None:
    for key, text in leads.LEAD_PHRASES.items():
        assert text.en.strip() and text.es.strip(), key
        fields = [{n for _, n, _, _ in Formatter().parse(t) if n} for t in (text.en, text.es)]
        assert fields[0] == fields[1], key


def test_the_group_view_shows_the_leading_fact_first(engine: Engine) -> None:
    answer = engine.answer("How much money did Chicago set aside for immigrant families?")
    short = shorten(answer)
    assert "$1 million" in short.bottom_line
    assert short.bottom_line == answer.bottom_line
    assert short.sources[0] == answer.sources[0]  # the lead's own source comes first
    assert short.details[0].startswith("As of")  # then the place's standing


def test_ask_json_carries_the_aspect(engine: Engine) -> None:
    assert to_json(engine.answer("how much did chicago set aside"))["aspect"] == "money"
    assert to_json(engine.answer("when did kenney sign the order"))["aspect"] == "when"
    assert to_json(engine.answer("Is Denver a sanctuary city?"))["aspect"] is None


def test_two_sources_with_two_dates_for_when_are_both_given() -> None:
    tags = (Aspect.LAWS, Aspect.WHEN)
    one = fact("The council declared the city a sanctuary.", PartialDate(2017, 3), aspects=tags)
    other = fact(
        "The council declared the city a sanctuary.", PartialDate(2017, 5), "wire-2017",
        aspects=tags,
    )  # fmt: skip
    words = leads.question_words("when did springtown declare sanctuary")
    found = leads.pick(leads.items(place(one, other), "en"), AspectReading(Aspect.WHEN), words)
    assert found is not None and found.joiner == "also_date"
    assert (found.best.date, found.second and found.second.date) == (
        PartialDate(2017, 3),
        PartialDate(2017, 5),
    )
    # One source giving two dates is not two sources disagreeing.
    again = fact("The council declared the city a sanctuary.", PartialDate(2017, 5), aspects=tags)
    alone = leads.pick(leads.items(place(one, again), "en"), AspectReading(Aspect.WHEN), words)
    assert alone is not None and alone.second is None


def test_how_much_is_answered_with_the_figure() -> None:
    tags = (Aspect.FEDERAL_FUNDING,)
    suit = fact("The city sued to keep federal money flowing.", PartialDate(2025, 2), aspects=tags)
    sum_ = fact("The city gets $3.7 billion in federal funds.", PartialDate(2024, 1), aspects=tags)
    candidates = leads.items(place(suit, sum_), "en")
    question = "how much federal money does springtown get"
    reading = AspectReading(Aspect.FEDERAL_FUNDING, folded=question)
    found = leads.pick(candidates, reading, leads.question_words(question))
    assert found is not None and "$3.7 billion" in found.best.text
