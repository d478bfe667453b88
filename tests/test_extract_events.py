"""factcheck.extract.events: a date in a sentence naming one event is the event's date."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.extract import UNIDENTIFIED, draft_fact_file
from factcheck.extract.events import EVENT_KIND, event_date_property, event_named_by, only_event
from factcheck.extract.stems import stem
from factcheck.extract.vocabulary import Names, head_stems

from .conftest import MakeCorpus

ENTITIES = """
entities:
  - {id: killings, name: March 2022 gang killings, kind: event, aliases: [series of murders,
     outbreak of violence]}
  - {id: meeting, name: Rubio-Bukele meeting, kind: event, aliases: [meeting with Rubio]}
  - {id: bukele, name: Nayib Bukele, kind: person, aliases: [Bukele]}
  - {id: ms-13, name: MS-13, kind: gang}
  - {id: plan, name: Territorial Control Plan, kind: policy}
  - {id: prison, name: CECOT, kind: prison}
  - {id: crackdown, name: gang crackdown, kind: event}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
PROPERTIES = """
properties:
  - {id: date, type: date, description: "Date an event happened."}
  - {id: opened, type: date, description: Date a prison opened.}
  - {id: killed, type: quantity, unit: people, description: People killed in an event.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


def _corpus(make_corpus: MakeCorpus) -> factcheck.Corpus:
    return factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES}))


def _claims(make_corpus: MakeCorpus, text: str) -> list[tuple[str, str, object]]:
    claims = draft_fact_file(text, "x", corpus=_corpus(make_corpus), published="2025-03-01")
    return [(c["subject"], c["property"], c["value"]) for c in claims.claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one event of the sentence, before the gang and the person it names
        (
            "In March 2022, all agreements were violated, and a series of murders by MS-13 "
            "swept across the country.",
            [("killings", "date", "2022-03")],
        ),
        (
            "In February 2025, Bukele and MS-13 were at a meeting with Rubio.",
            [("meeting", "date", "2025-02")],
        ),
        # "claimed 87 lives": no speaker, so the event is the subject of both figures
        (
            "The Territorial Control Plan was strengthened after an outbreak of violence "
            "claimed 87 lives in March 2022.",
            [("killings", "killed", 87), ("killings", "date", "2022-03")],
        ),
        # two events: neither
        (
            "In 2024, the meeting with Rubio and a series of murders.",
            [(UNIDENTIFIED, "unreviewed-date", "2024")],
        ),
        # "opened" is said of a prison, not of the event the sentence names
        ("CECOT opened in 2023, during the gang crackdown.", [("prison", "opened", "2023")]),
    ],
)
def test_a_date_is_the_one_event_s(
    make_corpus: MakeCorpus, text: str, expected: list[tuple[str, str, object]]
) -> None:
    assert _claims(make_corpus, text) == expected


def test_the_note_says_why(make_corpus: MakeCorpus) -> None:
    text = "In March 2022, a series of murders by MS-13 swept across the country."
    [claim] = draft_fact_file(text, "x", corpus=_corpus(make_corpus)).claims
    assert "the only event named in the date's sentence (killings)" in claim["note"]
    assert "property date: a date of an event says when it happened" in claim["note"]


def test_only_event(make_corpus: MakeCorpus) -> None:
    names = Names.of(_corpus(make_corpus))
    found = [(0, 5, "killings"), (10, 15, "bukele"), (20, 25, "meeting")]
    assert only_event(names, found, 0, 16) == "killings"
    assert only_event(names, found, 0, 30) is None  # two events
    assert only_event(names, found, 6, 16) is None  # a person is no event


@given(
    prop=st.from_regex(r"[a-z]{3,8}", fullmatch=True).filter(lambda p: p not in {"began", "count"}),
    description=st.sampled_from(
        [
            "When the subject happened.",
            "Date an event happened (meetings).",
            "when an event took place",
            "The date the subject occurred.",
        ]
    ),
)
def test_the_property_saying_when_an_event_happened(prop: str, description: str) -> None:
    names = Names(None, {}, {prop: "date", "began": "date", "count": "quantity"})
    names.descriptions = {prop: description, "began": "When an event began.", "count": ""}
    assert event_date_property(names) == prop  # not "began": when it began, not happened


def test_the_date_property_must_be_said_of_the_event_s_kind() -> None:
    names = Names(None, {}, {"date": "date"}, kinds={"vote": "event", "law": "law"})
    names.descriptions = {"date": "When the subject happened."}
    names.declared_kinds = {"date": frozenset({"event"})}
    assert event_date_property(names, "vote") == "date"
    assert event_date_property(names, "law") is None


def test_no_property_when_two_say_it() -> None:
    names = Names(None, {}, {"a": "date", "b": "date"})
    names.descriptions = {"a": "When the subject happened.", "b": "Date an event happened."}
    assert event_date_property(names) is None
    assert EVENT_KIND == "event"


HEADED = """
entities:
  - {id: deportations, name: "Deportation of gang members from the US, March 2025",
     kind: event}
  - {id: killings, name: March 2022 gang killings in El Salvador, kind: event}
  - {id: transfer-a, name: "Transfer of gang members to CECOT, June 2024", kind: event}
  - {id: transfer-b, name: First mass transfer of inmates into CECOT, kind: event}
  - {id: deporter, name: Deportation Office, kind: organization}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
HEADED_PROPERTIES = """
properties:
  - {id: deportees, type: quantity, unit: people, description: People deported.}
  - {id: killed, type: quantity, unit: people, description: People killed.}
  - {id: transferred-in, type: quantity, unit: people, description: People moved in.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


def _headed(make_corpus: MakeCorpus) -> factcheck.Corpus:
    files = {"entities.yaml": HEADED, "properties.yaml": HEADED_PROPERTIES}
    return factcheck.load(make_corpus(files))


def test_event_named_by_the_property_s_word(make_corpus: MakeCorpus) -> None:
    names = Names.of(_headed(make_corpus))
    assert names.event_heads["killings"] == {"kill"}
    assert event_named_by(names, "deportees") == "deportations"  # not the office: no event
    assert event_named_by(names, "killed") == "killings"
    assert event_named_by(names, "transferred-in") is None  # two transfers: neither


def test_a_figure_with_nothing_else_to_go_by(make_corpus: MakeCorpus) -> None:
    text = "They said 238 alleged gang members were deported."
    [claim] = draft_fact_file(text, "x", corpus=_headed(make_corpus)).claims
    assert (claim["subject"], claim["property"]) == ("deportations", "deportees")
    assert "the only event named by the word of deportees" in claim["note"]


@given(st.sampled_from(["Arrival", "Deportation", "Meeting", "Transfer"]), st.text(max_size=20))
def test_an_event_is_headed_by_the_noun_before_its_modifiers(head: str, rest: str) -> None:
    stems = head_stems([f"{head} of {rest}", f"the {head.lower()}, {rest}"])
    assert stems == {stem(stem(head))}
