"""A place's answer, newest first: attributed bottom line, the federal designation, the
place's own policy, the newest events with their dates and outlets, the quotes; the full
history; a city the data lacks answered from its state; dates that say where they come from."""

from __future__ import annotations

import re
import statistics

from bot.answer.model import Kind
from bot.answer.render import compact, render_html, render_text
from bot.answer.timeline import SHORT_TIMELINE
from bot.engine import Engine
from bot.knowledge.model import EventKind, FederalListing, Stance


def test_a_listed_place_says_whose_designation_the_list_is(engine: Engine) -> None:
    for j in engine.knowledge.jurisdictions.values():
        if j.federal_list != FederalListing.LISTED:
            continue
        name = engine.composer.display_name(j)
        text = render_text(engine.place(j.id, "en"))
        assert f"the US Justice Department lists {name} as a sanctuary jurisdiction" in text
        assert "the federal government's designation" in text


def test_a_removed_place_says_it_was_removed(engine: Engine) -> None:
    removed = [j for j in engine.knowledge.jurisdictions.values() if j.federal_list == "removed"]
    assert removed
    for j in removed:
        answer = engine.place(j.id, "en")
        assert "removed it from the list in" in render_text(answer)
        assert "lists" not in answer.bottom_line


def test_a_yes_or_no_comes_only_from_a_stance_that_supports_it(engine: Engine) -> None:
    first_words = {
        Stance.SANCTUARY: "Yes",
        Stance.BANS_SANCTUARY: "No",
        Stance.LIMITS_COOPERATION: "Partly",
    }
    for j in engine.knowledge.jurisdictions.values():
        kind = "state" if j.type == "state" else "city"
        answer = engine.answer(f"Is {engine.composer.display_name(j)} a sanctuary {kind}?")
        if answer.places[0].id != j.id:
            continue  # a name two places share; the other place is tested on its own turn
        word = first_words.get(j.stance) if j.as_of.year >= 2018 else None  # not from 2017
        if word is not None:
            assert answer.bottom_line.startswith(f"{word} — as of"), answer.bottom_line
        else:
            assert not answer.bottom_line.startswith(("Yes", "No ", "No —")), answer.bottom_line
        assert " was a sanctuary " not in answer.bottom_line  # never the bot's own finding


def test_the_newest_events_follow_newest_first_with_dates_and_outlets(engine: Engine) -> None:
    denver = engine.knowledge.jurisdictions["denver"]
    answer = engine.place("denver", "en")
    (block,) = [d for d in answer.details if d.startswith("Latest:")]
    lines = block.splitlines()[1:]
    shown = [e for e in denver.timeline if e.kind != EventKind.FEDERAL_LISTING][:SHORT_TIMELINE]
    assert len(lines) == len(shown) == SHORT_TIMELINE
    for line, event in zip(lines, shown, strict=True):
        outlet = engine.knowledge.sources[event.source].outlet
        assert line.startswith(f"• {event.date.human('en')}") and line.endswith(f"({outlet})")
    assert denver.stance_basis is not None
    assert answer.details.index(denver.stance_basis.en) < answer.details.index(block)


def test_the_history_has_every_event_newest_first(engine: Engine) -> None:
    for place_id in ("san-francisco", "baltimore-county"):
        j = engine.knowledge.jurisdictions[place_id]
        history = engine.history(place_id, "es")
        assert history.kind == Kind.ANSWER and history.language == "es"
        assert [p.id for p in history.places] == [place_id]
        assert history.details == tuple(engine.composer.event_line(e, "es") for e in j.timeline)
        assert {s.id for s in history.sources} >= {e.source for e in j.timeline}


def test_an_undated_remark_is_reported_and_never_the_newest(engine: Engine) -> None:
    denver = engine.knowledge.jurisdictions["denver"]
    reported = [q for q in denver.quotes if q.reported]
    assert reported
    answer = engine.composer.place("q", denver, "en", all_quotes=True)
    assert answer.quotes[-1].text == reported[-1].text  # sorted after the dated remarks
    assert answer.quotes[-1].outlet.startswith("reported by ")
    assert re.fullmatch(r"[A-Z][a-z]+ \d{4}", answer.quotes[-1].date)  # the source's month


def test_a_date_from_our_notes_says_so(engine: Engine) -> None:
    sf = engine.knowledge.jurisdictions["san-francisco"]
    quote = next(q for q in sf.quotes if q.date_from_notes)
    view = engine.composer.quote_view(quote, "es")
    assert view.date.endswith("fecha de nuestras notas sobre las fuentes")


def test_the_sources_view_labels_each_kind_of_date(engine: Engine) -> None:
    text = render_text(engine.place_sources("los-angeles", "en"))
    assert "(date inferred):" in text
    assert ", date from our source notes:" in text
    milwaukee = render_text(engine.place_sources("milwaukee-county", "es"))
    assert "según City Mayors, abril de 2017:" in milwaukee
    assert milwaukee.startswith("De dónde viene mi información sobre el condado de Milwaukee")


def test_a_city_the_data_lacks_is_answered_from_its_state_law(engine: Engine) -> None:
    answer = engine.answer("Is Houston a sanctuary city?")
    texas = engine.knowledge.jurisdictions["texas"]
    assert answer.kind == Kind.ANSWER
    assert [(p.id, p.name) for p in answer.places] == [("texas", "Texas"), (None, "Houston")]
    assert answer.bottom_line.startswith("Houston itself isn't in my sources. Texas law (SB 4")
    assert texas.statewide is not None
    assert texas.statewide.en.split(":")[0] in answer.bottom_line
    assert "not an assessment of Houston itself" in render_text(answer)
    sacramento = engine.answer("¿Es Sacramento una ciudad santuario?")
    assert sacramento.bottom_line.startswith("Sacramento en sí no aparece en mis fuentes.")
    assert "SB 54" in sacramento.bottom_line


def test_a_place_in_a_state_the_data_lacks_stays_not_covered(engine: Engine) -> None:
    for question in ("Is Boise a sanctuary city?", "Is Phoenix a sanctuary city?"):
        answer = engine.answer(question)
        assert answer.kind == Kind.NOT_COVERED
        assert all(p.id is None for p in answer.places)
        assert not answer.caveats  # no place data shown: no age line (review row 30)


def test_spanish_names_take_their_articles_in_running_text(engine: Engine) -> None:
    nyc = engine.answer("¿Es Nueva York una ciudad santuario?").bottom_line
    assert "la ciudad de Nueva York" in nyc
    cook = engine.answer("¿Es el condado de Cook santuario?")
    assert "incluyó al condado de Cook en su lista" in render_text(cook)
    assert "Texas" in render_text(engine.answer("¿Es Houston una ciudad santuario?"))
    assert "Tejas" not in render_text(engine.answer("¿Es Boise una ciudad santuario?"))


def test_an_inferred_date_is_labelled_not_approximate(engine: Engine) -> None:
    text = render_text(engine.place("santa-fe", "en"))
    assert "(date inferred)" in text
    assert "approx." not in text


def test_most_first_messages_are_near_a_thousand_characters(engine: Engine) -> None:
    sizes = [
        len(re.sub(r"<[^>]+>", "", render_html(compact(engine.place(j.id, "en")))))
        for j in engine.knowledge.jurisdictions.values()
    ]
    assert statistics.median(sizes) <= 1_200
    assert max(sizes) <= 1_700
