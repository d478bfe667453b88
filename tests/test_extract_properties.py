"""factcheck.extract.properties: the property a figure states, from the corpus's vocabulary."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.extract import UNIDENTIFIED, UNREVIEWED_DATE, find_mentions

# the rules' own drafts, before the learned scorer's second opinion (test_extract_scorer.py)
from factcheck.extract.draft import draft_fact_file
from factcheck.extract.mention import Mention
from factcheck.extract.properties import (
    described_properties,
    named_properties,
    property_of_subject,
)
from factcheck.extract.vocabulary import Names

from .conftest import MakeCorpus, chosen_subject, vocabulary

ENTITIES = """
entities:
  - {id: first-flight, name: first flight, kind: event, aliases: [N278GX]}
  - {id: written-order, name: written order, kind: event}
  - {id: hearing, name: court hearing, kind: event}
  - {id: aea, name: Alien Enemies Act, kind: law}
  - {id: donald-trump, name: Donald Trump, kind: person, aliases: [Trump]}
  - {id: harlingen, name: Harlingen Airport, kind: facility}
  - {id: ice-flights, name: ICE flights, kind: event}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
PROPERTIES = """
properties:
  - {id: departed, type: date, description: When a flight departed.}
  - {id: issued, type: date, description: When an order was issued.}
  - {id: began, type: date, description: When an event began.}
  - {id: adjourned, type: date, description: When a hearing adjourned.}
  - {id: resumed, type: date, description: When a hearing resumed.}
  - {id: enacted, type: date, description: When a law was enacted.}
  - {id: invoked, type: date, description: When a law was invoked.}
  - {id: date, type: date, description: When the subject happened.}
  - {id: count, type: quantity, description: How many of the subject there were.}
  - {id: duration, type: quantity, description: How long something lasted.}
  - {id: drive-time, type: quantity, unit: minutes, description: Travel time by road.}
  - {id: deportees, type: quantity, unit: people, description: Number of people deported.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.fixture
def corpus(make_corpus: MakeCorpus) -> factcheck.Corpus:
    return factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES}))


@pytest.mark.parametrize(
    ("text", "value", "subject", "prop", "why"),
    [
        # a synonym of the property's verb
        ("The first flight left on March 15.", "2025-03-15", "first-flight", "departed", "named"),
        # the only date property said of the noun the subject's name ends with
        ("The written order came on March 15.", "2025-03-15", "written-order", "issued", "order"),
        # a hearing has three: none is guessed, nor the generic date
        ("The court hearing: March 15.", "2025-03-15", "hearing", UNREVIEWED_DATE, ""),
        # "a 1798 law": when the law came to be, not when it was invoked
        ("Trump invoked the Alien Enemies Act, a 1798 law.", "1798", "aea", "enacted", "came"),
        # a person has no date property of its own: the generic one
        ("Donald Trump spoke on March 3.", "2025-03-03", "donald-trump", "date", "happened"),
        # a span of time: the corpus's one property for how long things last
        ("Over the next 24 hours, Trump waited.", 24, "donald-trump", "duration", "named"),
        # the figure's unit and one word of the property's name
        ("Harlingen Airport is a half-hour drive away.", 30, "harlingen", "drive-time", "named"),
        # the noun counted is the subject: how many of it there were
        ("He saw two ICE flights at Harlingen Airport.", 2, "ice-flights", "count", "counts"),
        # "deported" names deportees; 130 Venezuelans are no entity of the corpus
        ("Some 130 Venezuelans were deported.", 130, UNIDENTIFIED, "deportees", "named"),
    ],
)
def test_property(
    corpus: factcheck.Corpus, text: str, value: object, subject: str, prop: str, why: str
) -> None:
    claims = draft_fact_file(text, "x", corpus=corpus, published="2025-03-20").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert (chosen_subject(claim), claim["property"]) == (subject, prop), claim["note"]
    if not prop.startswith("unreviewed"):
        assert f"property {prop}:" in claim["note"] and why in claim["note"]


def _mention(kind: str, unit: str | None = None) -> Mention:
    return Mention(kind, 0, 1, "x", "2025" if kind == "date" else 1.0, unit=unit)


def test_property_of_subject(corpus: factcheck.Corpus) -> None:
    names = Names.of(corpus)
    date = _mention("date")
    assert property_of_subject(names, "first-flight", date)[0] == "departed"
    assert property_of_subject(names, "hearing", date) == (None, None)
    assert property_of_subject(names, "aea", date) == (None, None)  # enacted or invoked
    assert property_of_subject(names, "aea", date, origin="law")[0] == "enacted"
    # a quantity's unit must suit: people are not a count of flights
    assert property_of_subject(names, "first-flight", _mention("quantity", "people")) == (
        None,
        None,
    )


def test_property_of_subject_keeps_to_declared_kinds(make_corpus: MakeCorpus) -> None:
    """A property declaring the kinds it describes is not read from a subject of another
    kind: ``departed`` is a ship's here, so not the first flight's; ``date`` an event's,
    so a law's date says nothing more precise."""
    props = PROPERTIES.replace("{id: departed, ", "{id: departed, entity_kind: ship, ").replace(
        "{id: date, ", "{id: date, entity_kind: event, "
    )
    names = Names.of(
        factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": props}))
    )
    date = _mention("date")
    assert names.allows("date", "hearing") and not names.allows("departed", "first-flight")
    assert property_of_subject(names, "first-flight", date) == (None, None)
    assert property_of_subject(names, "harlingen", date) == (None, None)  # a facility
    assert property_of_subject(names, "ice-flights", date)[0] is None


def test_a_property_said_of_the_kind_of_a_subject_with_a_noun_of_its_own(
    make_corpus: MakeCorpus,
) -> None:
    # The description names the subject's kind ("a prison"), not the noun its name ends
    # with ("center", which another description names): the note names the kind. This
    # raised IndexError on an unseen text before.
    entities = "entities:\n  - {id: dc, name: detention center, kind: prison}\n"
    props = (
        "properties:\n"
        "  - {id: capacity, type: quantity, unit: inmates, description: How many inmates a"
        " prison can hold.}\n"
        "  - {id: staff, type: quantity, unit: guards, description: How many guards a center"
        " employs.}\n"
    )
    corpus = factcheck.load(make_corpus({"entities.yaml": entities, "properties.yaml": props}))
    names = Names.of(corpus)
    assert property_of_subject(names, "dc", _mention("quantity", "inmates")) == (
        "capacity",
        "property capacity: the only quantity property said of a prison",
    )
    claims = draft_fact_file("The detention center holds 500 inmates.", "x", corpus=corpus).claims
    assert [(c["value"], c["property"]) for c in claims] == [(500, "capacity")]


def test_a_property_is_not_taken_across_another_figure(make_corpus: MakeCorpus) -> None:
    props = PROPERTIES + "  - {id: magnitude, type: quantity}\n"
    props += "  - {id: deaths, type: quantity, unit: people}\n"
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": props}))
    draft = draft_fact_file(
        "At least two deaths are blamed on a 7.2 magnitude earthquake.", "s", corpus=corpus
    )
    assert {c["value"]: c["property"] for c in draft.claims} == {2: "deaths", 7.2: "magnitude"}


@pytest.mark.parametrize(
    ("text", "prop"),
    [
        # a word only its description has: "People killed."
        ("The quake struck, killing at least 80 people.", "deaths"),
        ("At least 300 people were injured.", "injured"),
        # a word the descriptions share names neither: "people" is in both
        ("There were 300 people.", "unreviewed-number"),
        # what a property is said of ("of an earthquake") is not what it is
        ("The earthquake had 4 aftershocks.", "unreviewed-number"),
        # an amount needs its unit: a word alone does not make 5 a payment
        ("El Salvador receives 5 of them.", "unreviewed-number"),
        ("El Salvador receives $5 million.", "payment"),
    ],
)
def test_described_properties(make_corpus: MakeCorpus, text: str, prop: str) -> None:
    props = """
properties:
  - {id: deaths, type: quantity, unit: people, description: People killed.}
  - {id: injured, type: quantity, unit: people, description: People injured in a quake.}
  - {id: magnitude, type: quantity, description: Magnitude of an earthquake.}
  - {id: payment, type: quantity, unit: USD, description: Money El Salvador receives.}
  - {id: unreviewed-number, type: quantity}
"""
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": props}))
    [claim] = draft_fact_file(text, "x", corpus=corpus).claims
    assert claim["property"] == prop


@pytest.mark.parametrize(
    ("text", "prop"),
    [
        # the noun counted is the one property's unit
        ("It is an eight-lane bridge.", "lanes"),
        ("Workers came from 40 nations.", "worker-nations"),
        # a unit several properties share names none of them
        ("It took 300 people.", "unreviewed-number"),
        # a dimension said by its adjective
        ("The 2,770ft-long span.", "length"),
        ("The 405ft-tall towers.", "height"),
    ],
)
def test_counted_units_and_dimensions(make_corpus: MakeCorpus, text: str, prop: str) -> None:
    props = """
properties:
  - {id: lanes, type: quantity, unit: lanes, description: Number of traffic lanes.}
  - {id: worker-nations, type: quantity, unit: nations, description: Countries workers came from.}
  - {id: workers, type: quantity, unit: people, description: People who worked on it.}
  - {id: deaths, type: quantity, unit: people, description: People killed.}
  - {id: length, type: quantity, description: Length of a structure.}
  - {id: height, type: quantity, description: Height of a structure.}
  - {id: unreviewed-number, type: quantity}
"""
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": props}))
    [claim] = draft_fact_file(text, "x", corpus=corpus).claims
    assert claim["property"] == prop


SEATS = """
properties:
  - {id: seats-lost, type: quantity, unit: seats, description: Seats held before that were lost.}
  - {id: deaths, type: quantity, unit: people, description: People killed.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("before", "after", "props"),
    [
        # a word of the description, and the count's noun: the property
        ("the party had", " seats held before", ["seats-lost"]),
        # the word, but the figure counts members, not seats: no property
        ("El Salvador will hold the", " gang members", []),
        # people need no noun: "80 killed"
        ("", " killed", ["deaths"]),
    ],
)
def test_a_count_by_a_word_needs_its_noun(
    make_corpus: MakeCorpus, before: str, after: str, props: list[str]
) -> None:
    names = Names.of(
        factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": SEATS}))
    )
    mention = Mention("quantity", 0, 3, "238", 238.0)
    assert described_properties(names, mention, before, after) == props


COMPANY = """
entities:
  - {id: acme, name: Acme, kind: company}
  - {id: line, name: Acme rail line, kind: railway}
properties:
"""
MONEY = """
properties:
  - {id: revenue, type: quantity, unit: USD, description: Sales in a period.}
  - {id: revenue-forecast, type: quantity, unit: USD, description: Sales a company expects.}
  - {id: share-fall, type: quantity, unit: percent, description: Fall of a company's shares.}
  - {id: launched, type: date, description: When a rocket lifted off.}
  - {id: people-evacuated, type: quantity, unit: people, description: People told to leave.}
  - {id: passengers, type: quantity, unit: people, description: People on board.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.fixture
def money(make_corpus: MakeCorpus) -> factcheck.Corpus:
    entities = COMPANY.split("properties:")[0]
    return factcheck.load(make_corpus({"entities.yaml": entities, "properties.yaml": MONEY}))


@pytest.mark.parametrize(
    ("text", "value", "prop"),
    [
        # a bare number is no amount of money: not the company's forecast
        ("Acme stands at Mile 65.6 of its line.", 65.6, "unreviewed-number"),
        # an amount the subject cannot tell: "Sales in a period." may be a company's too
        ("Acme said the total was $6.8 billion.", 6.8e9, "unreviewed-number"),
        # a noun that is the unit of several properties names none, even one named by it
        ("Acme moved 300 people.", 300, "unreviewed-number"),
        # the sentence's only date: the words of its count name no date property
        ("Acme launched 20 satellites early on March 15.", "2025-03-15", "launched"),
    ],
)
def test_no_property_from_weak_evidence(
    money: factcheck.Corpus, text: str, value: object, prop: str
) -> None:
    claims = draft_fact_file(text, "x", corpus=money, published="2025-03-20").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert claim["property"] == prop, claim["note"]


@functools.cache
def _money_names() -> Names:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "entities.yaml").write_text(COMPANY.split("properties:")[0])
        (Path(tmp) / "properties.yaml").write_text(MONEY)
        return Names.of(factcheck.load(tmp))


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["equaled", "reached", "was"]))
def test_a_bare_number_is_never_money_or_a_share(n: int, verb: str) -> None:
    """Whatever the words, a number with no unit gets no property in USD or percent."""
    names = _money_names()
    mention = Mention("quantity", 0, 1, str(n), float(n))
    for prop in ("revenue", "revenue-forecast", "share-fall"):
        assert prop not in described_properties(names, mention, f"Acme sales {verb}", "")
    assert property_of_subject(names, "acme", mention) == (None, None)


LABELLED = """
properties:
  - {id: capacity, type: quantity, unit: people, description: Number of people it can hold.}
  - {id: inmates, type: quantity, unit: people, description: Number of people held.}
  - {id: deportees, type: quantity, unit: people, description: Number of people deported.}
  - {id: deaths, type: quantity, unit: people, description: People killed.}
  - {id: unreviewed-number, type: quantity}
"""


@pytest.mark.parametrize(
    ("text", "value", "prop"),
    [
        # the words before a colon the figure follows are its label
        ("Total known deportees: 288 (252 men, 36 women)", 288, "deportees"),
        ("Site: CECOT (current population: 14,000; capacity: 40,000)", 40000, "capacity"),
        # a label naming nothing the corpus has leaves the figure unreviewed: not the
        # property the next label names
        ("Site: CECOT (current population: 14,000; capacity: 40,000)", 14000, "unreviewed-number"),
        # a dateline is no label
        ("BEIJING: Two people were killed when it struck.", 2, "deaths"),
    ],
)
def test_a_label_before_a_colon_names_the_figure(
    make_corpus: MakeCorpus, text: str, value: object, prop: str
) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": LABELLED}))
    claims = draft_fact_file(text, "x", corpus=corpus, published="2025-03-20").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert claim["property"] == prop, claim["note"]


CAPACITY = """
properties:
  - {id: capacity, type: quantity, unit: people, description: Number of people a facility can hold.}
  - {id: inmates, type: quantity, unit: people, description: People held.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    "text",
    [
        "The prison can hold up to 40,000 inmates.",
        "It is a mega-prison that can house over 40,000 people.",
    ],
)
def test_what_a_place_can_hold_is_its_capacity(make_corpus: MakeCorpus, text: str) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": CAPACITY}))
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-03-20").claims
    assert claim["property"] == "capacity", claim["note"]


@pytest.mark.parametrize(
    ("text", "prop"),
    [
        # "than" is no word of "How much earlier than planned a race was started."
        ("The programme has more than 40,000 inmates.", "unreviewed-number"),
        # a bare count is no height in feet, though a rocket has one quantity property
        ("The rocket joins more than 1,100 others.", "unreviewed-number"),
        ("The rocket is 230 feet tall.", "height"),
    ],
)
def test_weak_words_and_bare_figures_name_no_property(
    make_corpus: MakeCorpus, text: str, prop: str
) -> None:
    entities = """
entities:
  - {id: rocket, name: rocket, kind: rocket}
  - {id: programme, name: programme, kind: programme}
"""
    props = """
properties:
  - {id: height, type: quantity, unit: ft, entity_kind: rocket, description: Height of a rocket.}
  - {id: start-moved-earlier, type: quantity, entity_kind: race,
     description: How much earlier than planned a race was started.}
  - {id: unreviewed-number, type: quantity}
"""
    corpus = factcheck.load(make_corpus({"entities.yaml": entities, "properties.yaml": props}))
    [claim] = draft_fact_file(text, "x", corpus=corpus).claims
    assert claim["property"] == prop


@pytest.mark.parametrize(
    "closing",
    [", the Associated Press reported.", ", Rubio said.", ", according to the Associated Press."],
)
def test_who_said_it_names_no_property(make_corpus: MakeCorpus, closing: str) -> None:
    props = """
properties:
  - {id: reported, type: date, description: When a period's results were reported.}
  - {id: unreviewed-date, type: date}
"""
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": props}))
    [claim] = draft_fact_file(f"ICE arrested him in 2019{closing}", "x", corpus=corpus).claims
    assert claim["property"] == UNREVIEWED_DATE
    [claim] = draft_fact_file("Results were reported in 2019.", "x", corpus=corpus).claims
    assert claim["property"] == "reported"


DURATIONS_ENTITIES = """
entities:
  - {id: noem, name: Kristi Noem, kind: person, aliases: [Noem]}
  - {id: tour, name: Noem's tour of three countries, kind: trip, aliases: [three-day tour]}
"""
DURATIONS = """
properties:
  - {id: residence-duration, type: quantity, entity_kind: person,
     description: How long a person has lived in a place.}
  - {id: trip-duration, type: quantity, unit: days, entity_kind: trip,
     description: How long a trip lasts.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "subject", "prop"),
    [
        # a property says how long in days: the subject tells which, not the generic one
        ("Noem arrived, her first stop on a three-day tour.", "tour", "trip-duration"),
        # no property says how long in hours: the one without a unit of its own
        ("Noem has lived there for 24 hours.", "noem", "residence-duration"),
    ],
)
def test_how_long_in_a_unit_a_property_has_is_the_subject_s_to_tell(
    make_corpus: MakeCorpus, text: str, subject: str, prop: str
) -> None:
    corpus = factcheck.load(
        make_corpus({"entities.yaml": DURATIONS_ENTITIES, "properties.yaml": DURATIONS})
    )
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-03-27").claims
    assert (claim["subject"], claim["property"]) == (subject, prop), claim["note"]


@given(st.sampled_from(["days", "hours", "minutes", "weeks"]), st.integers(2, 30))
def test_a_span_in_a_unit_a_property_has_never_takes_the_generic_one(unit: str, n: int) -> None:
    """Whatever the unit a trip's duration is counted in, a span in that unit named by
    nothing else is never the generic (unit-less) duration; in another unit it is."""
    props = DURATIONS.replace("unit: days", f"unit: {unit}")
    corpus = vocabulary(DURATIONS_ENTITIES, props)
    for written, generic in ((unit, False), ("years" if unit != "years" else "months", True)):
        text = f"Something lasted {n} {written}."
        [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-03-27").claims
        assert (claim["property"] == "residence-duration") is generic, claim["note"]


PRISON = """
properties:
  - {id: capacity, type: quantity, unit: inmates, description: Inmates a prison can hold.}
  - {id: population, type: quantity, unit: inmates, description: Inmates a prison holds.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # "capacity" right before, "population" far after: the nearer
        (
            "it has the capacity to keep ",
            " gang members who committed crimes against the Salvadoran population.",
            ["capacity"],
        ),
        # both near: nothing tells them apart
        ("its capacity and population: ", " inmates", ["capacity", "population"]),
    ],
)
def test_of_two_properties_named_alike_the_much_nearer(
    before: str, after: str, expected: list[str]
) -> None:
    names = Names.of(vocabulary("entities: []\n", PRISON))
    m = find_mentions(f"{before}40,000{after}")[0]
    assert sorted(named_properties(names, m, before, after)) == expected


@given(st.integers(0, 12))
def test_the_nearer_wins_only_by_a_margin(gap: int) -> None:
    """Whatever the number of words between the figure and the farther property's word,
    the nearer property wins once it is three words nearer or more, never before."""
    names = Names.of(vocabulary("entities: []\n", PRISON))
    filler = " ".join(["word"] * gap)
    after = f" inmates {filler} population."
    m = find_mentions(f"capacity of 40,000{after}")[0]
    found = named_properties(names, m, "capacity of ", after)
    assert sorted(found) == (["capacity"] if gap + 1 >= 3 else ["capacity", "population"])
