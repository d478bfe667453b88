"""factcheck.extract.grammar_subjects: subjects the sentence's grammar gives."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.extract import draft_fact_file

from .conftest import MakeCorpus, vocabulary

ENTITIES = """
entities:
  - {id: aea, name: Alien Enemies Act, kind: law}
  - {id: cecot, name: CECOT, kind: prison}
  - {id: san-salvador, name: San Salvador, kind: city}
  - {id: deportations, name: deportations of March 2025, kind: event, aliases: [deportations]}
"""
PROPERTIES = """
properties:
  - {id: enacted, type: date, description: When a law was enacted.}
  - {id: opened, type: date, description: When a facility opened.}
  - {id: date, type: date, description: When the subject happened.}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "value", "subject", "prop", "why"),
    [
        # a year between a determiner and a name is the named entity's: when it came to be
        (
            "Deportations use the 1798 Alien Enemies Act.",
            "1798",
            "aea",
            "enacted",
            "which the year before its name dates",
        ),
        # a verb phrase joined with no subject of its own shares the sentence's
        (
            "CECOT is situated 74km from the capital San Salvador and was opened in January 2023.",
            "2023-01",
            "cecot",
            "opened",
            "the sentence's, which 'and was opened' shares",
        ),
        # a joined verb phrase with a name of its own is that name's clause
        (
            "CECOT is large, and San Salvador was opened in January 2023.",
            "2023-01",
            "san-salvador",
            "opened",
            "",
        ),
    ],
)
def test_grammar_subjects(
    make_corpus: MakeCorpus, text: str, value: object, subject: str, prop: str, why: str
) -> None:
    root = make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES})
    claims = draft_fact_file(text, "x", corpus=factcheck.load(root), published="2025-03-20").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert (claim["subject"], claim["property"]) == (subject, prop), claim["note"]
    assert why in claim["note"]


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1500, max_value=2030), st.sampled_from(["the", "a", "The"]))
@example(2025, "the")  # the year the event "deportations of March 2025" names
def test_a_year_before_a_name_is_that_entitys(year: int, det: str) -> None:
    """Whatever the year, "the YEAR Alien Enemies Act" dates the act, not the sentence's
    event (the deportations)."""
    corpus = vocabulary(ENTITIES, PROPERTIES)
    text = f"Deportations use {det} {year} Alien Enemies Act."
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-03-20").claims
    assert (claim["subject"], claim["property"]) == ("aea", "enacted"), claim["note"]


DATED = """
entities:
  - {id: spacex, name: SpaceX, kind: company}
  - {id: kennedy-launch, name: Starlink launch from Kennedy of 2024-05-08, kind: launch}
  - {id: flight-1, name: first flight of 2024-05-09, kind: event}
  - {id: flight-2, name: second flight of 2024-05-09, kind: event}
"""
LAUNCHED = """
properties:
  - {id: launched, type: date, description: When a rocket lifted off.}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # the one entity whose name carries the day is what the date is about
        ("SpaceX launched its mission on May 8.", "2024-05-08", "kennedy-launch"),
        # two names carry the day: neither, and SpaceX is the only entity named
        ("SpaceX launched its mission on May 9.", "2024-05-09", "spacex"),
        # a day no name carries
        ("SpaceX launched its mission on May 7.", "2024-05-07", "spacex"),
    ],
)
def test_the_name_carrying_the_day(
    make_corpus: MakeCorpus, text: str, value: str, subject: str
) -> None:
    root = make_corpus({"entities.yaml": DATED, "properties.yaml": LAUNCHED})
    claims = draft_fact_file(text, "x", corpus=factcheck.load(root), published="2024-05-10").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert claim["subject"] == subject, claim["note"]
    assert ("whose name carries the day" in claim["note"]) == (subject == "kennedy-launch")


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_any_day_a_name_carries_dates_that_entity(day: date) -> None:
    """Whatever the day, written as a text writes it, the one name carrying it wins."""
    entities = f"entities:\n  - {{id: e, name: launch of {day.isoformat()}, kind: launch}}\n"
    entities += "  - {id: spacex, name: SpaceX, kind: company}\n"
    corpus = vocabulary(entities, LAUNCHED)
    text = f"SpaceX launched it on {day:%B} {day.day}, {day.year}."
    [claim] = draft_fact_file(text, "x", corpus=corpus).claims
    assert (claim["value"], claim["subject"]) == (day.isoformat(), "e"), claim["note"]


WIRE = """
entities:
  - {id: story, name: "UPI's story of 2025-03-31 on the transfer", kind: document}
  - {id: statement, name: "Rubio's statement on the transfer (2025-03-31)", kind: statement}
  - {id: crash, name: "Ride the Ducks crash on the Aurora Bridge (2025-03-31)", kind: event}
  - {id: rubio, name: Marco Rubio, kind: person, aliases: [Rubio]}
  - {id: bridge, name: Aurora Bridge, kind: bridge}
"""
WIRE_PROPERTIES = """
properties:
  - {id: published, type: date, entity_kind: [document, statement],
     description: When a document or statement was made public.}
  - {id: updated, type: date, entity_kind: document, description: When a document was updated.}
  - {id: date, type: date, entity_kind: event, description: When the subject happened.}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "subject", "prop"),
    [
        # three names carry the day: the dateline's agency in brackets tells the story,
        # and a dateline dates the story it opens: when it was made public
        ("March 31 (UPI) - The United States sent 17 more men.", "story", "published"),
        # an entity the clause names, which one name holds, is no evidence: the bridge
        # reopened that day too
        ("Two buses collided on the busy Aurora Bridge Monday.", "unidentified", "unreviewed-date"),
        # nothing tells them apart: none
        ("March 31 - The United States sent 17 more men.", "unidentified", "unreviewed-date"),
        ("The men were sent on Monday.", "unidentified", "unreviewed-date"),
    ],
)
def test_of_several_names_carrying_the_day_the_one_the_sentence_points_to(
    make_corpus: MakeCorpus, text: str, subject: str, prop: str
) -> None:
    root = make_corpus({"entities.yaml": WIRE, "properties.yaml": WIRE_PROPERTIES})
    claims = draft_fact_file(text, "x", corpus=factcheck.load(root), published="2025-03-31").claims
    [claim] = [c for c in claims if c["value"] == "2025-03-31"]
    assert (claim["subject"], claim["property"]) == (subject, prop), claim["note"]


@given(st.sampled_from(["UPI", "Reuters", "AP", "AFP"]), st.integers(1, 28))
def test_a_dateline_s_agency_names_the_story(agency: str, day: int) -> None:
    entities = (
        "entities:\n"
        f'  - {{id: story, name: "{agency}\'s story of 2025-02-{day:02d}", kind: document}}\n'
        f'  - {{id: other, name: "the launch of 2025-02-{day:02d}", kind: event}}\n'
    )
    corpus = vocabulary(entities, WIRE_PROPERTIES)
    text = f"Feb. {day} ({agency}) - A rocket lifted off."
    [claim] = draft_fact_file(text, "x", corpus=corpus, published=f"2025-02-{day:02d}").claims
    assert (claim["subject"], claim["property"]) == ("story", "published"), claim["note"]


STATES = """
entities:
  - {id: kentucky, name: Kentucky, kind: state}
  - {id: oklahoma, name: Oklahoma, kind: state}
  - {id: trump, name: Trump, kind: person}
  - {id: dixville, name: Dixville Notch, kind: town}
"""
VOTES = """
properties:
  - {id: electoral-votes, type: quantity, unit: votes, entity_kind: state,
     description: Number of electoral votes a state carries.}
  - {id: votes, type: quantity, unit: votes, entity_kind: town,
     description: Number of votes a candidate received in a place.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "value", "subject", "prop"),
    [
        # the bracket's words name the property; the name before it the subject
        (
            "It was called in Kentucky (8 electoral votes) and Oklahoma (7) for Trump.",
            8,
            "kentucky",
            "electoral-votes",
        ),
        # a bare figure: the state's one property (``votes`` is said of a town, not of it)
        (
            "It was called in Kentucky (8 electoral votes) and Oklahoma (7) for Trump.",
            7,
            "oklahoma",
            "electoral-votes",
        ),
        ("Kentucky and Oklahoma (about 7) went for Trump.", 7, "oklahoma", "electoral-votes"),
        # no bracket: no such subject (two states named, neither chosen)
        (
            "Kentucky and Oklahoma, 7 in all, went for Trump.",
            7,
            "unidentified",
            "unreviewed-number",
        ),
    ],
)
def test_a_figure_in_brackets_after_a_name_is_that_entitys(
    make_corpus: MakeCorpus, text: str, value: int, subject: str, prop: str
) -> None:
    root = make_corpus({"entities.yaml": STATES, "properties.yaml": VOTES})
    claims = draft_fact_file(text, "x", corpus=factcheck.load(root), published="2020-11-03").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert (claim["subject"], claim["property"]) == (subject, prop), claim["note"]
    assert ("which the bracket with the figure follows" in claim["note"]) == (
        subject != "unidentified"
    )


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Kentucky", "Oklahoma", "Dixville Notch"]), st.integers(1, 999))
def test_any_figure_in_brackets_after_a_name(name: str, n: int) -> None:
    """Whatever the name and the figure, "NAME (N)" in a list of names is NAME's."""
    corpus = vocabulary(STATES, VOTES)
    others = [x for x in ["Kentucky", "Oklahoma", "Dixville Notch"] if x != name]
    text = f"Results: {others[0]} (tied), {name} ({n}) and {others[1]} (late) for Trump."
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2020-11-03").claims
    expected = {"Kentucky": "kentucky", "Oklahoma": "oklahoma", "Dixville Notch": "dixville"}
    assert claim["subject"] == expected[name], claim["note"]
