"""factcheck.extract.day_named: the entity whose name carries a date's day comes first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.extract.day_named import day_first, when_of_kind

# the rules' own drafts, before the learned scorer's second opinion (test_extract_scorer.py)
from factcheck.extract.draft import draft_fact_file
from factcheck.extract.event_verbs import HOLDS_NAMED
from factcheck.extract.vocabulary import Names

from .conftest import MakeCorpus, chosen_subject, vocabulary

DATED = """
entities:
  - {id: order, name: Judge X's order to return him (2025-04-04), kind: court-order}
  - {id: race, name: women's race (2021-08-07), kind: race}
  - {id: runner, name: Jane Runner, kind: person}
  - {id: judge, name: Judge X, kind: person}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
DATED_PROPERTIES = """
properties:
  - {id: issued, type: date, entity_kind: court-order, description: When a court order was issued.}
  - {id: deadline, type: date, entity_kind: court-order,
     description: The time by which an order must be complied with.}
  - {id: date, type: date, entity_kind: [event, race], description: When the subject happened.}
  - {id: started, type: date, entity_kind: [event, race], description: When the subject began.}
  - {id: moved, type: date, entity_kind: person, description: When a person moved to a place.}
  - {id: unreviewed-date, type: date}
"""


_LONG = "The case, as the court heard it. " * 20


@pytest.mark.parametrize(
    ("text", "published", "subject", "prop"),
    [
        # the day is the order's: of its kind's date properties, the one saying when it was
        ("Judge X ruled on April 4 that he must return.", "2025-04-11", "order", "issued"),
        # "moved" is said of a person; the day is the race's: the property gives way
        ("Jane Runner won Saturday in a race moved up an hour.", "2021-08-07", "race", "date"),
        # a heading's day, the order's by the line under it: the same (below the top of
        # the text, where a date alone on its line is the dateline)
        (
            _LONG + "\nApril 4, 2025\nJudge X orders the government to act.",
            "2025-04-11",
            "order",
            "issued",
        ),
    ],
)
def test_the_entity_whose_name_carries_the_day_comes_first(
    make_corpus: MakeCorpus, text: str, published: str, subject: str, prop: str
) -> None:
    corpus = factcheck.load(
        make_corpus({"entities.yaml": DATED, "properties.yaml": DATED_PROPERTIES})
    )
    claims = draft_fact_file(text, "x", corpus=corpus, published=published).claims
    [claim] = [c for c in claims if c["subject"] != "unidentified"]
    assert (claim["subject"], claim["property"]) == (subject, prop), claim["note"]
    assert "whose name carries the day" in claim["note"]


@given(
    st.sampled_from(["race", "court-order"]),
    st.sampled_from(["moved", "relocated", "left"]),
)
def test_a_property_of_another_kind_never_moves_the_dated_subject(kind: str, verb: str) -> None:
    entities = (
        "entities:\n"
        f"  - {{id: thing, name: the thing (2021-08-07), kind: {kind}}}\n"
        "  - {id: jane, name: Jane Runner, kind: person}\n"
    )
    props = (
        "properties:\n"
        f"  - {{id: {verb}, type: date, entity_kind: person, description: When a person {verb}.}}\n"
        "  - {id: unreviewed-date, type: date}\n"
    )
    corpus = vocabulary(entities, props)
    text = f"Jane Runner was there Saturday as it {verb}."
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2021-08-07").claims
    assert chosen_subject(claim) == "thing"
    assert claim["property"] != verb


def test_when_of_kind(make_corpus: MakeCorpus) -> None:
    corpus = factcheck.load(
        make_corpus({"entities.yaml": DATED, "properties.yaml": DATED_PROPERTIES})
    )
    names = Names.of(corpus)
    # "The time by which ..." is no "When ..."; of "date" and "started", the one saying
    # when the subject happened; a kind with one "When ..." property, that one
    assert [when_of_kind(names, e) for e in ("order", "race", "judge")] == [
        "issued",
        "date",
        "moved",
    ]
    assert when_of_kind(names, "unknown") is None


LABELLED = """
entities:
  - {id: arrival, name: entry of the deportees (2025-03-16), kind: event}
  - {id: page, name: the cited article, kind: document, aliases: [the cited article]}
"""
LABELLED_PROPERTIES = """
properties:
  - {id: retrieved, type: date, entity_kind: document, description: When a document was retrieved.}
  - {id: date, type: date, entity_kind: event, description: When the subject happened.}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("line", "subject", "prop"),
    [
        # the word right before the date labels it: the property stays, the subject moves
        ("Retrieved 16 March 2025.", "page", "retrieved"),
        ("| Retrieved | 16 March 2025 |", "page", "retrieved"),
        # a word further off gives way to the entity whose name carries the day
        ("It was retrieved by them, all of it, on 16 March 2025.", "arrival", "date"),
    ],
)
def test_a_label_right_before_the_date_keeps_its_property(
    make_corpus: MakeCorpus, line: str, subject: str, prop: str
) -> None:
    corpus = factcheck.load(
        make_corpus({"entities.yaml": LABELLED, "properties.yaml": LABELLED_PROPERTIES})
    )
    text = _LONG + "\nThe cited article says so.\n" + line
    claims = draft_fact_file(text, "x", corpus=corpus, published="2025-06-27").claims
    [claim] = [c for c in claims if c["value"] == "2025-03-16"]
    assert (claim["subject"], claim["property"]) == (subject, prop), claim["note"]


@given(st.sampled_from(["retrieved", "accessed", "archived", "updated"]), st.integers(1, 28))
def test_any_label_word_of_the_property_keeps_it(word: str, day: int) -> None:
    """Whatever the property a document's date is labelled with, and whatever the day
    another entity's name carries, "Word DAY March 2025." is the document's."""
    entities = LABELLED.replace("(2025-03-16)", f"(2025-03-{day:02d})")
    props = LABELLED_PROPERTIES.replace("id: retrieved", f"id: {word}")
    corpus = vocabulary(entities, props)
    text = _LONG + f"\nThe cited article says so.\n{word.title()} {day} March 2025."
    claims = draft_fact_file(text, "x", corpus=corpus, published="2025-06-27").claims
    [claim] = [c for c in claims if c["value"] == f"2025-03-{day:02d}"]
    assert (claim["subject"], claim["property"]) == ("page", word), claim["note"]


STORY = """
entities:
  - {id: story, name: "UPI's story of 2025-03-31", kind: document}
"""
STORY_PROPERTIES = """
properties:
  - {id: published, type: date, entity_kind: document,
     description: When a document was made public.}
  - {id: updated, type: date, entity_kind: document, description: When a document was updated.}
"""


@pytest.mark.parametrize(
    ("notes", "prop"),
    [
        # two properties say when a document was: none, unless a dateline dates it
        ([], None),
        (["subject: 'UPI's story', and its name holds the dateline's 'UPI'"], "published"),
    ],
)
def test_a_dateline_dates_the_story_it_opens(notes: list[str], prop: str | None) -> None:
    names = Names.of(vocabulary(STORY, STORY_PROPERTIES))
    assert when_of_kind(names, "story", notes) == prop


EVENTS = """
entities:
  - {id: crackdown, name: crackdown on gangs in El Salvador, kind: event}
  - {id: prison, name: CECOT, kind: prison}
  - {id: sv, name: El Salvador, kind: country}
"""
EVENT_PROPERTIES = """
properties:
  - {id: opened, type: date, entity_kind: prison, description: When a prison opened.}
  - {id: date, type: date, entity_kind: event, description: When the subject happened.}
"""
HELD = "subject: crackdown, the event the clause names by its verb, " + HOLDS_NAMED


@pytest.mark.parametrize(
    ("note", "named", "prop"),
    [
        # the event its verb and names tell is surer than a property said of another kind
        (HELD, ["sv"], None),
        # unless the sentence names an entity the property is said of
        (HELD, ["sv", "prison"], "opened"),
        # an event told by its date alone gives way to nothing
        ("subject: crackdown, the event the clause names by its verb, on a date", [], "opened"),
    ],
)
def test_an_event_named_by_its_verb_and_names_comes_first(
    note: str, named: list[str], prop: str | None
) -> None:
    names = Names.of(vocabulary(EVENTS, EVENT_PROPERTIES))
    assert day_first(names, "crackdown", "opened", [note], "", named) == prop
