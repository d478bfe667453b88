"""factcheck.extract.subjects: proposing subjects and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.extract import (
    UNIDENTIFIED,
    UNREVIEWED_DATE,
    UNREVIEWED_NUMBER,
)

# the rules' choices alone: the learned scorer's second opinion is tested in test_extract_scorer
from factcheck.extract.draft import draft_fact_file

from .conftest import MakeCorpus, chosen_subject, vocabulary

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts"


def _corpus() -> factcheck.Corpus:
    return factcheck.load(FACTS)


def test_subject_and_property_proposed_when_clear() -> None:
    text = "CECOT was designed for 40,000 prisoners. It was big, said El Salvador and CECOT."
    [claim] = draft_fact_file(text, "x", corpus=_corpus()).claims
    assert (claim["subject"], claim["property"], claim["value"]) == ("cecot", "capacity", 40000)
    assert claim["draft"] is True


@pytest.mark.parametrize(
    ("text", "subject", "prop"),
    [
        # the only prison named; "opened" is said of prisons in the corpus
        ("In January 2023, CECOT Prison was opened in El Salvador.", "cecot", "opened"),
        # the counted noun names the property; the last word of the phrase decides
        ("Each building of CECOT has 32 prison cells with bunks.", "cecot", "cells-per-building"),
        ("CECOT has eight buildings, each big.", "cecot", "buildings"),
        ("CECOT has two fences made of iron.", "cecot", "perimeter-fences"),
        # a keyword that does not suit the unit proposes nothing
        # ... and its subject, a guess no property ties to the figure, stays unidentified
        ("CECOT was designed for 40% of them.", UNIDENTIFIED, UNREVIEWED_NUMBER),
    ],
)
def test_proposals(text: str, subject: str, prop: str) -> None:
    [claim] = draft_fact_file(text, "x", corpus=_corpus()).claims
    assert (claim["subject"], claim["property"]) == (subject, prop)


def test_unclear_subject_and_property_use_placeholders() -> None:
    text = "El Salvador and Honduras counted 19 things in 1999. Both met in 2001."
    claims = draft_fact_file(text, "x", corpus=_corpus()).claims
    assert [(c["subject"], c["property"]) for c in claims] == [
        (UNIDENTIFIED, UNREVIEWED_NUMBER),  # 1999 is its as_of, no claim of its own
        (UNIDENTIFIED, UNREVIEWED_DATE),
    ]
    assert "el-salvador, honduras" in claims[0]["note"]
    assert claims[0]["as_of"] == "1999"


ENTITIES = """
entities:
  - {id: cecot, name: Terrorism Confinement Center, kind: prison, aliases: [CECOT]}
  - id: el-salvador
    name: El Salvador
    kind: country
    aliases: [{name: Salvadoran, note: adjective}]
  - {id: alien-enemies-act, name: Alien Enemies Act, kind: law}
  - {id: donald-trump, name: Donald Trump, kind: person}
  - {id: first-flight, name: first flight, kind: event, aliases: [N278GX]}
  - {id: hearing, name: the hearing, kind: event}
  - {id: rikers, name: Rikers, kind: prison}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
PROPERTIES = """
properties:
  - {id: capacity, type: quantity, unit: inmates}
  - {id: inmates, type: quantity, unit: people}
  - {id: opened, type: date}
  - {id: built, type: date}
  - {id: departed, type: date, description: When a flight departed.}
  - {id: invoked, type: date, description: When a law was invoked.}
  - {id: began-housing-inmates, type: date}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "value", "subject", "prop"),
    [
        # the property named by the words around the figure, the subject by its clause
        ("CECOT had a capacity for 40,000 inmates.", 40000, "cecot", "capacity"),
        ("Then CECOT held 14,532 inmates.", 14532, "cecot", "inmates"),
        # "the prison" refers back to the last prison named; an adjective is no subject
        ("CECOT is big.\nThe prison was built in 2022.", "2022", "cecot", "built"),
        (
            "CECOT is big.\nThe Salvadoran government opened the prison in January 2023.",
            "2023-01",
            "cecot",
            "opened",
        ),
        # a date heading its clause; the property's description names the kind of subject
        (
            "On Friday, March 14, Donald Trump invoked the Alien Enemies Act.",
            "2025-03-14",
            "alien-enemies-act",
            "invoked",
        ),
        # a timeline line: the time heads the line, the entity and the verb follow
        (
            "All times are Eastern Time.\nMarch 15\n5:26 p.m. - A plane bearing N278GX departs.",
            "2025-03-15T17:26-04:00",
            "first-flight",
            "departed",
        ),
        # a heading holding only a date and time: its event is the line under it
        (
            "March 15 at 5:26 p.m. ET\nN278GX departs Harlingen.",
            "2025-03-15T17:26-04:00",
            "first-flight",
            "departed",
        ),
        # infobox text: the value's label names the property, the page's title the subject
        ("Terrorism Confinement Center\nCapacity40,000\n", 40000, "cecot", "capacity"),
        # a change is not a count, whatever it counts; with no property, its subject (the
        # only entity the sentence names) is a guess and stays unidentified
        ("CECOT has 12,000 more inmates than in 2023.", 12000, UNIDENTIFIED, UNREVIEWED_NUMBER),
        # the entity right before the figure, not the nearest name elsewhere in the clause
        (
            "Donald Trump said that CECOT held 14,532 inmates.",
            14532,
            "cecot",
            "inmates",
        ),
        # whoever says it is not what it is about
        ("Donald Trump said the payment was 19 things.", 19, UNIDENTIFIED, UNREVIEWED_NUMBER),
        # "the prison" is the prison the text names most, not one named in passing
        (
            "CECOT is big. CECOT is new. It beats Rikers.\nThe prison was built in 2022.",
            "2022",
            "cecot",
            "built",
        ),
        # a possessor names what the figure is about no more than an adjective does
        ("Donald Trump's CECOT holds 14,532 inmates.", 14532, "cecot", "inmates"),
        # a date heading a clause that says when, not what: no property from it
        (
            "It was on March 14, right after Donald Trump invoked the Alien Enemies Act.",
            "2025-03-14",
            UNIDENTIFIED,
            UNREVIEWED_DATE,
        ),
        # nothing clear: placeholders, never a guess
        ("El Salvador and CECOT saw 19 things.", 19, UNIDENTIFIED, UNREVIEWED_NUMBER),
    ],
)
def test_subject_and_property_from_the_corpus(
    make_corpus: MakeCorpus, text: str, value: object, subject: str, prop: str
) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES}))
    claims = draft_fact_file(text, "x", corpus=corpus, published="2025-03-20").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert (claim["subject"], claim["property"]) == (subject, prop), claim["note"]
    if subject != UNIDENTIFIED:
        assert "subject:" in claim["note"]
    if not prop.startswith("unreviewed"):
        assert f"property {prop}" in claim["note"]


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        # "now" is the publication, not the opening month in the same sentence
        ("CECOT now holds nearly 52,000 prisoners, opened in January 2023.", "2025-03-20"),
        ("As of 11 June 2024, CECOT held 14,532 inmates; in November 2024, 20,000.", "2024-06-11"),
        ("In March 2025, CECOT took in over 200 deportees.", "2025-03"),
    ],
)
def test_as_of(text: str, as_of: str) -> None:
    claims = draft_fact_file(text, "x", published="2025-03-20").claims
    first = next(c for c in claims if isinstance(c["value"], int))
    assert first["as_of"] == as_of


def test_a_date_said_as_of_is_no_claim_of_its_own() -> None:
    claims = draft_fact_file("As of 11 June 2024, CECOT held 14,532 inmates.", "x").claims
    assert [c["value"] for c in claims] == [14532]


RULES_ENTITIES = """
entities:
  - {id: ice-flights, name: ICE flights, kind: event}
  - {id: harlingen, name: Harlingen Airport, kind: facility}
  - {id: written-order, name: written order, kind: event}
  - {id: boasberg, name: James Boasberg, kind: person, aliases: [Boasberg]}
  - {id: venezuela, name: Venezuela, kind: country, aliases: [Venezuelans]}
  - {id: donald-trump, name: Donald Trump, kind: person, aliases: [Trump]}
  - {id: bukele, name: Nayib Bukele, kind: person, aliases: [Bukele]}
  - {id: washington, name: Washington, kind: city}
  - {id: tda, name: Tren de Aragua, kind: organization}
  - {id: administration, name: Trump administration, kind: government}
  - {id: cecot, name: CECOT, kind: prison}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
RULES_PROPERTIES = """
properties:
  - {id: count, type: quantity, description: How many of the subject there were.}
  - {id: issued, type: date, description: When an order was issued.}
  - {id: groups-designated, type: quantity}
  - {id: terminated, type: date}
  - {id: met, type: date}
  - {id: opened, type: date}
  - {id: began-housing-inmates, type: date}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "value", "subject", "prop", "why"),
    [
        # the noun phrase the figure counts names the entity
        ("He saw two ICE flights at Harlingen Airport.", 2, "ice-flights", "count", "counts"),
        # the thing the property's verb acts on, not who acts
        (
            "On March 16, Boasberg issued his written order.",
            "2025-03-16",
            "written-order",
            "issued",
            "acts on",
        ),
        # an example of what is counted is not what the figure is about
        (
            "The Trump administration designated eight groups, including Tren de Aragua.",
            8,
            "administration",
            "groups-designated",
            "only entity",
        ),
        # one of a list of names: the figure is about all of them
        (
            "Parole ended on April 24 for Cubans, Haitians and Venezuelans.",
            "2025-04-24",
            UNIDENTIFIED,
            UNREVIEWED_DATE,
            "",
        ),
        ("On April 14, Trump and Bukele met in Washington.", "2025-04-14", UNIDENTIFIED, "met", ""),
        # "it" is the subject of the figure before it in the sentence
        (
            "CECOT opened in January 2023 near Washington, and it began housing inmates "
            "the following month.",
            "2023-02",
            "cecot",
            "began-housing-inmates",
            "'it' stands for cecot",
        ),
    ],
)
def test_subject_rules(
    make_corpus: MakeCorpus, text: str, value: object, subject: str, prop: str, why: str
) -> None:
    root = make_corpus({"entities.yaml": RULES_ENTITIES, "properties.yaml": RULES_PROPERTIES})
    claims = draft_fact_file(text, "x", corpus=factcheck.load(root), published="2025-03-20").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert (chosen_subject(claim), claim["property"]) == (subject, prop), claim["note"]
    assert why in claim["note"]


def test_the_noun_of_a_name_refers_back_to_it(make_corpus: MakeCorpus) -> None:
    entities = (
        "entities:\n  - {id: harnai-quake, name: 2021 Harnai earthquake, kind: event,"
        " aliases: [Pakistan earthquake]}\n"
        "  - {id: unidentified, name: Unidentified, kind: placeholder}\n"
    )
    props = (
        "properties:\n  - {id: distance, type: quantity}\n"
        "  - {id: unreviewed-number, type: quantity}\n  - {id: unreviewed-date, type: date}\n"
    )
    corpus = factcheck.load(make_corpus({"entities.yaml": entities, "properties.yaml": props}))
    text = "Many killed in Pakistan earthquake\nThe epicenter of the earthquake was 13 miles away."
    [claim] = draft_fact_file(text, "x", corpus=corpus).claims
    assert claim["subject"] == "harnai-quake"
    assert "'the earthquake' refers back" in claim["note"]


QUAKE_ENTITIES = """
entities:
  - {id: harnai, name: 2021 Harnai earthquake, kind: event, aliases: [Pakistan earthquake]}
  - {id: quetta, name: 1935 Quetta earthquake, kind: event}
  - {id: usgs, name: United States Geological Survey, kind: organization, aliases: [USGS]}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
QUAKE_PROPERTIES = """
properties:
  - {id: deaths, type: quantity, unit: people, description: People killed.}
  - {id: injured, type: quantity, unit: people, description: People injured.}
  - {id: magnitude, type: quantity, description: Magnitude of an earthquake.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


def _quake_claims(make_corpus: MakeCorpus, text: str) -> list[tuple[str, str, object]]:
    corpus = factcheck.load(
        make_corpus({"entities.yaml": QUAKE_ENTITIES, "properties.yaml": QUAKE_PROPERTIES})
    )
    claims = draft_fact_file(text, "x", corpus=corpus, published="2021-10-07").claims
    return [(c["subject"], c["property"], c["value"]) for c in claims]


def test_described_entity_and_topic(make_corpus: MakeCorpus) -> None:
    text = (
        "At least 20 people were killed in an earthquake that struck Pakistan.\n"
        "According to the USGS, the quake had a magnitude of 5.7.\n"
        "It was near Quetta, where a 7.7-magnitude earthquake struck in 1935.\n"
        "At least 300 people were injured."
    )
    assert _quake_claims(make_corpus, text) == [
        ("harnai", "deaths", 20),  # described: "an earthquake that struck Pakistan"
        ("harnai", "magnitude", 5.7),  # names only its speaker: the subject before it
        ("quetta", "magnitude", 7.7),  # described: the year of its name
        ("quetta", "unreviewed-date", "1935"),
        ("harnai", "injured", 300),  # a new paragraph: what the text named most
    ]


def test_topic_goes_on_within_a_paragraph(make_corpus: MakeCorpus) -> None:
    text = (
        "The Pakistan earthquake was strong. The 1935 Quetta earthquake killed 60,000 people. "
        "Another 300 people were injured."
    )
    assert _quake_claims(make_corpus, text)[-1] == ("quetta", "injured", 300)


def test_no_topic_without_a_leader(make_corpus: MakeCorpus) -> None:
    text = (
        "The Pakistan earthquake and the 1935 Quetta earthquake.\nAt least 300 people were injured."
    )
    assert _quake_claims(make_corpus, text)[-1] == (UNIDENTIFIED, "injured", 300)


PARTY_ENTITIES = """
entities:
  - {id: labour, name: Labour Party, kind: party, aliases: [Labour]}
  - {id: tories, name: Conservative Party, kind: party, aliases: [Conservatives]}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a "with" clause says what the entity right before it has
        ("The Conservatives lost to the Labour Party, with a majority of 174.", "labour"),
        # not across another word, nor when the clause names its own entity
        ("Labour and the Conservatives met, with 174 votes cast.", UNIDENTIFIED),
        ("Labour won, with the Conservatives on 121.", "tories"),
    ],
)
def test_with_clause(make_corpus: MakeCorpus, text: str, subject: str) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": PARTY_ENTITIES}))
    [claim] = draft_fact_file(text, "x", corpus=corpus).claims
    assert chosen_subject(claim) == subject


def test_topic_skips_a_subject_the_property_is_not_said_of(make_corpus: MakeCorpus) -> None:
    # the figure before was the agency's; a magnitude is said of an earthquake, so the
    # paragraph's earthquake (the text's topic) is the subject, not the agency
    text = (
        "The Pakistan earthquake struck. The Pakistan earthquake was felt.\n"
        "The USGS counted 20 deaths. The quake had a magnitude of 5.7."
    )
    assert _quake_claims(make_corpus, text)[-1] == ("harnai", "magnitude", 5.7)


GANG_ENTITIES = """
entities:
  - {id: ms-13, name: Mara Salvatrucha, kind: gang, aliases: [MS-13]}
  - {id: feds, name: US federal authorities, kind: government}
  - {id: quake, name: 2021 Harnai earthquake, kind: event}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
GANG_PROPERTIES = """
properties:
  - {id: tco-designated, type: date, description: Date US federal authorities designated the
     subject a Transnational Criminal Organization.}
  - {id: magnitude, type: quantity, description: Magnitude of an earthquake.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the description names who designates: the gang is the subject
        (
            "In October 2012, Mara Salvatrucha was recognized by the US federal authorities "
            "as a transnational criminal organization.",
            "ms-13",
        ),
        # a common noun of the description ("an earthquake") is what it is said of
        ("In 2021, an earthquake in Harnai had a magnitude of 5.7.", "quake"),
    ],
)
def test_whom_the_description_names_acts(make_corpus: MakeCorpus, text: str, subject: str) -> None:
    files = {"entities.yaml": GANG_ENTITIES, "properties.yaml": GANG_PROPERTIES}
    corpus = factcheck.load(make_corpus(files))
    claims = draft_fact_file(text, "x", corpus=corpus, published="2025-01-01").claims
    assert claims[-1]["subject"] == subject, claims[-1]["note"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the owned noun is the property's: the owner's own figure
        ("Despite gains, the Labour Party\u2019s vote share rose to 34%.", "labour"),
        # right before the figure: the owner's figure
        ("A highlight was the Conservatives' 12% vote share.", "tories"),
        # the owner of another thing is not the subject
        ("The Labour Party's leader said the Conservatives won 121 seats.", "tories"),
    ],
)
def test_an_owner_of_the_figure_is_its_subject(
    make_corpus: MakeCorpus, text: str, subject: str
) -> None:
    properties = """
properties:
  - {id: vote-share, type: quantity, unit: percent, description: Share of the votes cast.}
  - {id: seats, type: quantity, unit: seats, description: Seats won.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""
    files = {"entities.yaml": PARTY_ENTITIES, "properties.yaml": properties}
    corpus = factcheck.load(make_corpus(files))
    [claim] = draft_fact_file(text, "x", corpus=corpus).claims
    assert claim["subject"] == subject, claim["note"]


EVENTS = """
entities:
  - {id: derailment, name: Avondale derailment, kind: event, aliases: [the derailment]}
  - {id: evacuation, name: evacuation of residences after the derailment, kind: event}
  - {id: flight, name: third deportation flight from Harlingen, kind: event}
  - {id: aea, name: Alien Enemies Act, kind: law}
  - {id: deportations, name: deportations of March 2025, kind: event, aliases: [deportations]}
properties:
"""
EVENT_PROPERTIES = """
properties:
  - {id: residences-evacuated, type: quantity, unit: residences, description: Homes emptied.}
  - {id: injuries, type: quantity, unit: people, description: People injured.}
  - {id: passengers, type: quantity, unit: people, description: People on board.}
  - {id: flights, type: quantity, description: Ordinal number of a stage's flight.}
  - {id: enacted, type: date, description: When a law was enacted.}
  - {id: date, type: date, description: When the subject happened.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "value", "subject", "prop", "why"),
    [
        # the one event the property's verb names comes before the paragraph's topic
        (
            "The derailment occurred at noon. Ten residences were evacuated.",
            10,
            "evacuation",
            "residences-evacuated",
            "the only event named by the word",
        ),
        # people counted are no count of the flight's own property (no unit)
        (
            "The third deportation flight from Harlingen left. About 200 people were on it.",
            200,
            "flight",
            "unreviewed-number",
            "",
        ),
    ],
)
def test_events_and_names(
    make_corpus: MakeCorpus, text: str, value: object, subject: str, prop: str, why: str
) -> None:
    entities = EVENTS.split("properties:")[0]
    root = make_corpus({"entities.yaml": entities, "properties.yaml": EVENT_PROPERTIES})
    claims = draft_fact_file(text, "x", corpus=factcheck.load(root), published="2025-03-20").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert (chosen_subject(claim), claim["property"]) == (subject, prop), claim["note"]
    assert why in claim["note"]


PAPERS = """
entities:
  - {id: microsoft, name: Microsoft, kind: company}
  - {id: intel, name: Intel, kind: company}
  - {id: unidentified, name: Unidentified, kind: placeholder}
properties:
  - {id: share-price, type: quantity, unit: USD, description: Price of a share.}
  - {id: sales, type: quantity, unit: USD, description: Sales in a period.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


def test_it_opening_a_paragraph_goes_on_about_the_last_subject(make_corpus: MakeCorpus) -> None:
    text = (
        "Intel said sales were $16 billion. Intel beat its forecast.\n"
        "Microsoft shares bounced above $80 a share.\n"
        "It shrugged off sluggish PC sales to post sales of $24.5 billion."
    )
    entities, properties = PAPERS.split("properties:")
    root = make_corpus({"entities.yaml": entities, "properties.yaml": "properties:" + properties})
    claims = draft_fact_file(text, "x", corpus=factcheck.load(root), published="2025-03-20").claims
    [claim] = [c for c in claims if c["value"] == 24.5e9]
    assert claim["subject"] == "microsoft", claim["note"]
    assert "'It' opening the sentence" in claim["note"]


OPERATIONS = """
entities:
  - {id: op, name: military transfer of March 30, kind: event, aliases: [joint military operation]}
  - {id: tda, name: Tren de Aragua, kind: gang}
  - {id: ms13, name: MS-13, kind: gang}
  - {id: us, name: United States, kind: country}
"""
TRANSFERRED = """
properties:
  - {id: deportees, type: quantity, unit: people, entity_kind: event,
     description: Number of people deported or transferred in one operation.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the figure's clause names gangs only: the one event of the sentence
        (
            "In a joint military operation with the United States, we transferred 17 "
            "criminals linked to Tren de Aragua and MS-13.",
            "op",
        ),
        # the clause's own event comes first; two gangs are no event at all
        ("Tren de Aragua and MS-13 saw 17 criminals transferred.", UNIDENTIFIED),
    ],
)
def test_the_only_entity_of_the_property_s_kind_in_the_clause_else_the_sentence(
    make_corpus: MakeCorpus, text: str, subject: str
) -> None:
    corpus = factcheck.load(
        make_corpus({"entities.yaml": OPERATIONS, "properties.yaml": TRANSFERRED})
    )
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-03-31").claims
    assert (claim["subject"], claim["property"]) == (subject, "deportees"), claim["note"]
    assert ("the only event named there" in claim["note"]) == (subject == "op")


ELECTION = """
entities:
  - {id: georgia, name: Georgia, kind: state}
  - {id: kentucky, name: Kentucky, kind: state}
  - {id: election, name: 2020 presidential election, kind: election,
     aliases: [the presidential election]}
"""
ELECTORAL = """
properties:
  - {id: electoral-votes, type: quantity, unit: votes, entity_kind: state,
     description: Number of electoral votes a state carries.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("kind_noun", "subject"),
    [
        # "The state" refers back to Georgia, named last: not the election the sentence names
        ("The state", "georgia"),
        # nothing refers back: the election stays the pick, and is no state
        ("It", UNIDENTIFIED),
    ],
)
def test_the_only_entity_named_gives_way_to_a_kind_the_property_is_said_of(
    make_corpus: MakeCorpus, kind_noun: str, subject: str
) -> None:
    text = (
        "Kentucky went first. Polls closed in Georgia at 7 p.m. "
        f"{kind_noun} carries 16 electoral votes — the winner of the presidential election "
        "must secure at least 270."
    )
    corpus = factcheck.load(make_corpus({"entities.yaml": ELECTION, "properties.yaml": ELECTORAL}))
    [claim] = [c for c in draft_fact_file(text, "x", corpus=corpus).claims if c["value"] == 16]
    assert (claim["subject"], claim["property"]) == (subject, "electoral-votes"), claim["note"]


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 99), st.sampled_from(["Georgia", "Kentucky"]))
def test_the_state_is_the_state_named_last_whatever_the_figure(n: int, state: str) -> None:
    other = "Kentucky" if state == "Georgia" else "Georgia"
    text = (
        f"{other} went first. Polls closed in {state} at 7 p.m. The state carries {n} "
        "electoral votes — the winner of the presidential election must secure at least 270."
    )
    corpus = vocabulary(ELECTION, ELECTORAL)
    [claim] = [c for c in draft_fact_file(text, "x", corpus=corpus).claims if c["value"] == n]
    assert claim["subject"] == state.casefold(), claim["note"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # one of a list of names is not what the figure counts: both are
        ("Officials counted 17 alleged Tren de Aragua and MS-13 members.", UNIDENTIFIED),
        ("Officials counted 17 alleged Tren de Aragua members.", "tda"),
    ],
)
def test_what_a_figure_counts_is_no_item_of_a_list(
    make_corpus: MakeCorpus, text: str, subject: str
) -> None:
    corpus = factcheck.load(
        make_corpus({"entities.yaml": OPERATIONS, "properties.yaml": TRANSFERRED})
    )
    [claim] = draft_fact_file(text, "x", corpus=corpus, published="2025-03-31").claims
    assert chosen_subject(claim) == subject, claim["note"]
