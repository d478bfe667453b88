"""factcheck.extract.event_verbs: an event the text names only by its verb."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.extract import draft_fact_file
from factcheck.extract.event_verbs import dates_said

from .conftest import MakeCorpus, chosen_subject, vocabulary

ENTITIES = """
entities:
  - {id: arrest-2019, name: "ICE's arrest of Jo Doe in 2019", kind: event}
  - {id: arrest-2025, name: "ICE's arrest of Jo Doe in March 2025", kind: event}
  - {id: entry, name: "Jo Doe's entry into the country", kind: event}
  - {id: jo, name: Jo Doe, kind: person}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
PROPERTIES = """
properties:
  - {id: date, type: date, entity_kind: event, description: When the subject happened.}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the verb heads both arrests' names; the date's year or month tells which
        ("Jo Doe was arrested on March 12 and later deported.", "arrest-2025"),
        ("ICE arrested Jo Doe in 2019 because of alleged ties.", "arrest-2019"),
        # no event's name gives a date agreeing with it: the grammar's pick stays
        ("Jo Doe was arrested in 2011.", "jo"),
        # "entered" heads no event's name ("entry" is another word)
        ("Jo Doe entered the country in 2011.", "jo"),
    ],
)
def test_an_event_named_by_its_verb_on_a_date_its_name_gives(
    make_corpus: MakeCorpus, text: str, subject: str
) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES}))
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-04-11").claims
    assert chosen_subject(claim) == subject


def test_dates_said() -> None:
    assert dates_said("arrest of Jo Doe in March 2025") >= {"2025-03"}
    assert "2019" in dates_said("arrest in 2019")
    assert dates_said("entry into the country") == frozenset()


@given(st.integers(1990, 2030), st.integers(1990, 2030))
def test_the_year_tells_two_events_of_one_verb_apart(first: int, second: int) -> None:
    entities = (
        "entities:\n"
        f"  - {{id: a, name: arrest of Jo Doe in {first}, kind: event}}\n"
        f"  - {{id: b, name: arrest of Jo Doe in {second}, kind: event}}\n"
        "  - {id: jo, name: Jo Doe, kind: person}\n"
    )
    corpus = vocabulary(entities, PROPERTIES)
    [claim] = draft_fact_file(f"Jo Doe was arrested in {first}.", "x", corpus=corpus).claims
    # the one event of that year, never the other; two of the same year: neither
    assert chosen_subject(claim) == ("a" if first != second else "jo")


DEPORTATIONS = """
entities:
  - {id: operation, name: "deportations to El Salvador of March 15-16, 2025", kind: event}
  - {id: his, name: "Jo Doe's deportation to El Salvador (2025)", kind: event}
  - {id: jo, name: Kilmar Jo Doe, kind: person, aliases: [Jo Doe]}
  - {id: sv, name: El Salvador, kind: country}
  - {id: md, name: Maryland, kind: state}
"""


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # both events' dates agree; his names him (by an alias) and the country: his
        ("Kilmar Jo Doe was deported to El Salvador in March 2025.", "his"),
        # the sentence names only the country, which both names hold: neither
        ("Many were deported to El Salvador in March 2025.", "sv"),
    ],
)
def test_of_two_events_the_one_whose_name_holds_most_of_the_sentence_s_names(
    make_corpus: MakeCorpus, text: str, subject: str
) -> None:
    corpus = factcheck.load(
        make_corpus({"entities.yaml": DEPORTATIONS, "properties.yaml": PROPERTIES})
    )
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-04-11").claims
    assert chosen_subject(claim) == subject, claim["note"]
    assert ("the one whose name holds" in claim["note"]) == (subject == "his")


@given(st.sampled_from(["Jo Doe", "Kilmar Jo Doe"]), st.sampled_from(["Maryland", "the state"]))
def test_the_event_holding_the_person_named_wins_whatever_else_is_named(
    person: str, place: str
) -> None:
    corpus = vocabulary(DEPORTATIONS, PROPERTIES)
    text = f"{person}, of {place}, was deported to El Salvador in March 2025."
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-04-11").claims
    assert chosen_subject(claim) == "his", claim["note"]


MARRIAGES = """
entities:
  - {id: jo-marriage, name: "Jo Doe's marriage to Ann Roe", kind: event}
  - {id: al-marriage, name: "Al Poe's marriage to Eve Lee", kind: event}
  - {id: jo, name: Kilmar Jo Doe, kind: person, aliases: [Jo Doe]}
  - {id: ann, name: Ann Roe, kind: person}
  - {id: al, name: Al Poe, kind: person}
  - {id: eve, name: Eve Lee, kind: person}
  - {id: us, name: United States, kind: country}
"""


@pytest.mark.parametrize(
    ("text", "subject", "prop"),
    [
        # no date in the event's name: the people it holds, named there, tell which
        ("Jo Doe married Ann Roe in June 2019.", "jo-marriage", "date"),
        ("Eve Lee married a US citizen in 2016.", "al-marriage", "date"),
        # the verb, but nobody either name holds: no event, and nothing ties the date
        ("A US citizen married in June 2019.", "unidentified", "unreviewed-date"),
        # a name held, but no verb heading the event's name
        ("Jo Doe moved to the United States in 2011.", "unidentified", "unreviewed-date"),
    ],
)
def test_an_undated_event_named_by_its_verb_and_who_took_part(
    make_corpus: MakeCorpus, text: str, subject: str, prop: str
) -> None:
    corpus = factcheck.load(
        make_corpus({"entities.yaml": MARRIAGES, "properties.yaml": PROPERTIES})
    )
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-04-11").claims
    assert (claim["subject"], claim["property"]) == (subject, prop), claim["note"]
    if prop == "date":
        assert "the event the clause names by its verb" in claim["note"]


@given(st.sampled_from(["Jo Doe", "Ann Roe", "Al Poe", "Eve Lee"]), st.integers(1990, 2030))
def test_the_undated_event_is_the_one_holding_who_the_sentence_names(
    person: str, year: int
) -> None:
    corpus = vocabulary(MARRIAGES, PROPERTIES)
    [claim] = draft_fact_file(f"{person} married in {year}.", "x", corpus=corpus).claims
    # the marriage whose name holds the person, never the other couple's
    held = "jo-marriage" if person in ("Jo Doe", "Ann Roe") else "al-marriage"
    assert (claim["subject"], claim["property"]) == (held, "date"), claim["note"]


MEETING = """
entities:
  - {id: meeting, name: "Jo Doe-Ann Roe meeting in Washington, 14 April 2025", kind: event}
  - {id: jo, name: Jo Doe, kind: person}
  - {id: ann, name: Ann Roe, kind: person}
  - {id: dc, name: Washington, kind: city}
"""


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the date opens the sentence on its own: the next clause says what happened then
        ("On April 14, Jo Doe and Ann Roe met.", "meeting"),
        ("On April 14, 2025, officials met in Washington.", "meeting"),
        # that clause names nobody the meeting's name holds: the day alone is too loose
        ("On April 14, officials met.", "unidentified"),
        # the date in the verb's own clause: its day is enough, as before
        ("Officials met on April 14.", "meeting"),
        # the date's clause has a word of its own (none a month for beginning like one):
        # the date is that word's, not the next clause's
        ("Declared on April 14, Jo Doe and Ann Roe met.", "unidentified"),
        ("Marching on April 14, Jo Doe and Ann Roe met.", "unidentified"),
    ],
)
def test_a_date_opening_its_sentence_takes_the_verb_of_the_clause_after_it(
    make_corpus: MakeCorpus, text: str, subject: str
) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": MEETING, "properties.yaml": PROPERTIES}))
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-04-20").claims
    assert claim["subject"] == subject, claim["note"]
    assert (claim["property"] == "date") == (subject == "meeting")


@given(st.integers(1, 30))
def test_the_clause_after_the_date_needs_the_event_s_own_day(day: int) -> None:
    corpus = vocabulary(MEETING, PROPERTIES)
    text = f"On April {day}, Jo Doe and Ann Roe met."
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-04-30").claims
    assert (claim["subject"] == "meeting") == (day == 14), claim["note"]


REOPENINGS = """
entities:
  - {id: lanes, name: "reopening of the Aurora Bridge's southbound lanes", kind: event}
  - {id: both, name: reopening of the Aurora Bridge in both directions, kind: event}
  - {id: bridge, name: Aurora Bridge, kind: bridge}
  - {id: stadium, name: Kardinia Park, kind: stadium}
  - {id: prison, name: CECOT, kind: prison, aliases: [the mega-prison]}
  - {id: crackdown, name: crackdown on gangs in El Salvador, kind: event}
  - {id: sv, name: El Salvador, kind: country}
"""
REOPENING_PROPERTIES = """
properties:
  - {id: date, type: date, entity_kind: event, description: When the subject happened.}
  - {id: opened, type: date, entity_kind: [stadium, prison], description: When it opened.}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "subject", "prop"),
    [
        # both events hold the bridge: the one sharing more of the clause's words
        ("The southbound lanes of the Aurora Bridge reopened on Thursday.", "lanes", "date"),
        ("The Aurora Bridge reopened in both directions on Thursday.", "both", "date"),
        # alike by every word: neither
        ("The Aurora Bridge reopened on Thursday.", "unidentified", "opened"),
        # a property the sentence names an entity of (the prison) is surer than the event
        (
            "After the mega-prison opened in 2022 and the crackdown, El Salvador changed.",
            "prison",
            "opened",
        ),
    ],
)
def test_of_events_alike_the_one_sharing_the_clause_s_words(
    make_corpus: MakeCorpus, text: str, subject: str, prop: str
) -> None:
    files = {"entities.yaml": REOPENINGS, "properties.yaml": REOPENING_PROPERTIES}
    corpus = factcheck.load(make_corpus(files))
    claims = draft_fact_file(text, "x", corpus=corpus, published="2015-09-25").claims
    [claim] = [c for c in claims if c["value"] in ("2015-09-24", "2022")]
    assert (claim["subject"], claim["property"]) == (subject, prop), claim["note"]


TIMELINE = """
entities:
  - {id: parking, name: parking of the oil train at Nantes (2013-07-05), kind: event}
  - {id: call, name: call to 911 reporting a fire in the parked train, kind: event}
  - {id: nantes, name: Nantes, kind: city}
"""


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a line under a time heading, describing an event by its verb and three words of
        # its name: that event, not the one whose name carries the day
        (
            "— 11:30 p.m. EDT\n\nA resident in Nantes calls 911 to report a fire in the train.",
            "call",
        ),
        # "the parked train" describes the train: no parking is told
        ("At 11:30 p.m. EDT a resident calls 911 to report a fire in the parked train.", "call"),
        # the train parked, named by its verb: the parking, whose name carries the day
        ("At 11:25 p.m. EDT the oil train is parked in Nantes.", "parking"),
        # two words of the call's name only: the day's entity
        ("At 11:30 p.m. EDT a resident calls about a fire.", "parking"),
    ],
)
def test_an_undated_event_a_line_describes_comes_before_the_day_s(
    make_corpus: MakeCorpus, text: str, subject: str
) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": TIMELINE, "properties.yaml": PROPERTIES}))
    claims = draft_fact_file(text, "x", corpus=corpus, published="2013-07-05").claims
    [claim] = [c for c in claims if str(c["value"]).startswith("2013-07-05")]
    assert chosen_subject(claim) == subject, claim["note"]
