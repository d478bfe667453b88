"""factcheck.extract.claim: one figure, one draft claim, with a note saying why."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.domain.values import PartialDate
from factcheck.extract import (
    UNIDENTIFIED,
    UNREVIEWED_NUMBER,
    Mention,
    draft_fact_file,
    find_mentions,
)
from factcheck.extract.claim import Context, _origin, make_claim
from factcheck.extract.vocabulary import Names

from .conftest import MakeCorpus, vocabulary

ENTITIES = """
entities:
  - {id: cecot, name: CECOT, kind: prison}
  - {id: aea, name: Alien Enemies Act, kind: law}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
PROPERTIES = """
properties:
  - {id: inmates, type: quantity, unit: people}
  - {id: enacted, type: date, description: When a law was enacted.}
  - {id: invoked, type: date, description: When a law was invoked.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


def _context(text: str, names: Names) -> tuple[Context, list[Mention]]:
    mentions = find_mentions(text, "2025-03-20")
    ctx = Context(
        text,
        (0, len(text)),
        names.entities_in(text, 0, len(text)),
        names,
        [m for m in mentions if m.kind == "date"],
        {},
        earlier=[],
        main=None,
        published=PartialDate.parse("2025-03-20"),
        next_sentence=None,
    )
    return ctx, mentions


@pytest.fixture
def names(make_corpus: MakeCorpus) -> Names:
    root = make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES})
    return Names.of(factcheck.load(root))


def test_a_claim_says_why_for_every_field(names: Names) -> None:
    ctx, mentions = _context("In March 2025, CECOT held about 14,500 inmates.", names)
    [m] = [x for x in mentions if x.kind == "quantity"]
    claim, used = make_claim(m, ctx, alone=True)
    assert (claim["subject"], claim["property"], claim["value"]) == ("cecot", "inmates", 14500)
    assert claim["hedge"] == "about" and claim["as_of"] == "2025-03" and claim["draft"]
    assert used is not None and used.value == "2025-03"
    for part in ("drafted from", "property inmates:", "subject:", "as_of from"):
        assert part in claim["note"]
    assert ctx.last == "cecot"  # for an "it" later in the sentence


def test_unknown_stays_unknown(names: Names) -> None:
    text = "Some 19 things happened."
    ctx, mentions = _context(text, names)
    claim, _ = make_claim(mentions[0], ctx, alone=True)
    assert (claim["subject"], claim["property"]) == (UNIDENTIFIED, UNREVIEWED_NUMBER)
    assert claim["id"] == "number-19"


def test_a_year_before_a_noun_dates_the_subject(names: Names) -> None:
    """ "a 1798 law": the noun after the year; before a name, the named entity's kind."""
    text = "Trump invoked the Alien Enemies Act, a 1798 law."
    ctx, [m] = _context(text, names)
    assert _origin(m, text, names, ctx.found) == "law"
    claim, _ = make_claim(m, ctx, alone=True)
    assert (claim["subject"], claim["property"]) == ("aea", "enacted"), claim["note"]
    assert "came to be" in claim["note"]
    named = "Deportations use the 1798 Alien Enemies Act."
    ctx, [m] = _context(named, names)
    assert _origin(m, named, names, ctx.found) == names.kinds["aea"]


def test_claim_ids_are_unique(names: Names) -> None:
    text = "CECOT held 5 inmates, then 5 inmates."
    ctx, mentions = _context(text, names)
    ids = [make_claim(m, ctx, alone=False)[0]["id"] for m in mentions]
    assert len(set(ids)) == len(ids) == 2


NARROW = """
properties:
  - {id: capacity, type: quantity, unit: inmates, description: People a facility is built for.}
  - {id: cell-capacity, type: quantity, unit: inmates, description: People one cell is for.}
  - {id: cell-count, type: quantity, unit: cells, description: Cells of a facility.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "prop"),
    [
        # "designed for" names capacity; "cell" before the figure narrows it
        ("In CECOT, each cell is designed for 100 prisoners.", "cell-capacity"),
        # no "cell" before the figure: the broad property stays
        ("CECOT is designed for 40,000 prisoners in each cell.", "capacity"),
        ("CECOT is designed for 40,000 prisoners.", "capacity"),
    ],
)
def test_a_narrower_property_named_before_the_figure(
    make_corpus: MakeCorpus, text: str, prop: str
) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": NARROW}))
    names = Names.of(corpus)
    ctx, mentions = _context(text, names)
    claim, _ = make_claim(mentions[0], ctx, alone=True)
    assert claim["property"] == prop, claim["note"]
    assert ("narrower than capacity" in claim["note"]) == (prop == "cell-capacity")


SHARES = """
properties:
  - {id: vote-share, type: quantity, unit: percent, description: Share of the votes cast.}
  - {id: vote-share-fall, type: quantity, unit: percentage points, description: Fall of it.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "props"),
    [
        # the change is a fall of the share; the figure after "to" the share it fell to
        (
            "CECOT's vote share dropped, plummeting by 20 points to 24%.",
            ["vote-share-fall", "vote-share"],
        ),
        # not what the change reached ("to"): no level
        (
            "CECOT's vote share fell by 20 points, and another party had 24%.",
            ["vote-share-fall", "unreviewed-number"],
        ),
    ],
)
def test_the_level_a_change_reached(make_corpus: MakeCorpus, text: str, props: list[str]) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": SHARES}))
    names = Names.of(corpus)
    ctx, mentions = _context(text, names)
    claims = [make_claim(m, ctx, alone=len(mentions) == 1)[0] for m in mentions]
    assert [c["property"] for c in claims] == props, [c["note"] for c in claims]


KIND_PROPERTIES = """
properties:
  - {id: prison-places, type: quantity, unit: people, entity_kind: prison,
     description: Beds for inmates.}
  - {id: arena-places, type: quantity, unit: people, entity_kind: arena,
     description: Seats for fans.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "prop"),
    [
        # both properties are named ("beds", "seats"): the subject's kind tells them apart
        ("CECOT has beds and seats for 40,000 people.", "prison-places"),
        # one named: the subject's kind does not overrule the words
        ("CECOT has seats for 40,000 people.", "arena-places"),
    ],
)
def test_the_subject_s_kind_narrows_the_properties_named(
    make_corpus: MakeCorpus, text: str, prop: str
) -> None:
    entities = ENTITIES + "  - {id: arena, name: Arena, kind: arena}\n"
    root = make_corpus({"entities.yaml": entities, "properties.yaml": KIND_PROPERTIES})
    ctx, mentions = _context(text, Names.of(factcheck.load(root)))
    [m] = mentions
    claim, _ = make_claim(m, ctx, alone=True)
    assert claim["property"] == prop
    if prop == "prison-places":
        assert (
            "property prison-places: of prison-places, arena-places, the one said of a prison"
            in claim["note"]
        )


UNIT_PROPERTIES = """
properties:
  - {id: occupancy, type: quantity, unit: percent, entity_kind: prison, description: Full.}
  - {id: turnout, type: quantity, unit: percent, entity_kind: election, description: Voted.}
  - {id: inmates, type: quantity, entity_kind: prison, description: Held.}
  - {id: opened, type: date, entity_kind: prison, description: Opened.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "prop"),
    [
        # the one property in percent said of a prison
        ("CECOT stood at 95%.", "occupancy"),
        # a bare number or a date: a prison has many, whatever its properties
        ("CECOT stood at 95.", UNREVIEWED_NUMBER),
        ("CECOT stood there in 2023.", "unreviewed-date"),
    ],
)
def test_the_one_property_in_the_figure_s_unit_of_the_subject_s_kind(
    make_corpus: MakeCorpus, text: str, prop: str
) -> None:
    root = make_corpus({"entities.yaml": ENTITIES, "properties.yaml": UNIT_PROPERTIES})
    ctx, [m] = _context(text, Names.of(factcheck.load(root)))
    claim, _ = make_claim(m, ctx, alone=True)
    assert (claim["subject"], claim["property"]) == ("cecot", prop)
    if prop == "occupancy":
        assert "the only one of its type and unit said of a prison" in claim["note"]


REVENUE = """
properties:
  - {id: revenue, type: quantity, unit: USD, description: Sales in a period.}
  - {id: revenue-growth, type: quantity, unit: percent, description: Rise of sales.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "props"),
    [
        # a percentage change "to" an amount: the amount is the level, of the named property
        (
            "CECOT posted revenue growth of 12 per cent to $24.5 billion.",
            ["revenue-growth", "revenue"],
        ),
        ("CECOT revenue went up 16 per cent to $7.7 billion.", ["revenue-growth", "revenue"]),
        # "to" starting another phrase: no level
        ("CECOT revenue went up 16 per cent, to the surprise of many, $7.7 billion.", None),
    ],
)
def test_the_level_a_percentage_change_reached(
    make_corpus: MakeCorpus, text: str, props: list[str] | None
) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": REVENUE}))
    ctx, mentions = _context(text, Names.of(corpus))
    claims = [make_claim(m, ctx, alone=len(mentions) == 1)[0] for m in mentions]
    got = [c["property"] for c in claims]
    if props is None:
        assert "the level the change before it reached" not in claims[-1]["note"], got
    else:
        assert got == props, [c["note"] for c in claims]


SPELLED_UNITS = """
properties:
  - {id: distance-offshore, type: quantity, unit: mi, description: Distance off the coast.}
  - {id: time-after-launch, type: quantity, unit: min, description: Time after liftoff.}
  - {id: finish-time, type: quantity, unit: s, description: Time taken to finish.}
  - {id: finish-temperature, type: quantity, unit: degF, description: Air temperature.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "prop", "unit"),
    [
        # the corpus writes "mi", "min", "s": one unit with the reader's "miles", ...
        ("CECOT lies 400 miles offshore, a distance the coast keeps.", "distance-offshore", "mi"),
        ("CECOT shut down 2 minutes after launch, the time planned.", "time-after-launch", "min"),
        ("CECOT took 12 seconds to finish, a fast time.", "finish-time", "s"),
        # a degree of angle is no degree Fahrenheit: no property, the reader's unit stays
        ("CECOT turned 86 degrees in the air temperature.", UNREVIEWED_NUMBER, "deg"),
    ],
)
def test_a_unit_the_corpus_spells_otherwise_is_the_same_unit(
    make_corpus: MakeCorpus, text: str, prop: str, unit: str
) -> None:
    root = make_corpus({"entities.yaml": ENTITIES, "properties.yaml": SPELLED_UNITS})
    ctx, [m] = _context(text, Names.of(factcheck.load(root)))
    claim, _ = make_claim(m, ctx, alone=True)
    assert (claim["property"], claim["unit"]) == (prop, unit), claim["note"]
    if prop != UNREVIEWED_NUMBER:
        assert f"unit {unit}: how {prop} writes" in claim["note"]


PEOPLE = """
entities:
  - {id: lemma, name: Sisay Lemma, kind: person}
  - {id: mutai, name: Geoffrey Mutai, kind: person}
  - {id: nantes, name: Nantes, kind: city}
  - {id: megantic, name: Lac-Megantic, kind: city}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
PEOPLE_PROPERTIES = """
properties:
  - {id: behind-record, type: quantity, unit: s, entity_kind: person,
     description: How much slower a split was than the record run's.}
  - {id: distance, type: quantity, unit: mi, entity_kind: city,
     description: Distance of a place from another.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "subject", "said"),
    [
        # what the figure is compared with is never its subject, nor evidence of one
        (
            "He passed 35K 21 seconds slower than Geoffrey Mutai's split behind the record.",
            UNIDENTIFIED,
            "'Geoffrey Mutai': what the figure is compared with",
        ),
        # where a distance is measured from, a length written in words too
        (
            "The train is parked in Nantes, about six miles from Lac-Megantic, a distance.",
            "nantes",
            "'Lac-Megantic': where distances are measured from",
        ),
    ],
)
def test_what_a_figure_is_measured_against_is_not_its_subject(
    make_corpus: MakeCorpus, text: str, subject: str, said: str
) -> None:
    root = make_corpus({"entities.yaml": PEOPLE, "properties.yaml": PEOPLE_PROPERTIES})
    ctx, mentions = _context(text, Names.of(factcheck.load(root)))
    [m] = [x for x in mentions if x.kind == "quantity"]
    claim, _ = make_claim(m, ctx, alone=True)
    assert claim["subject"] == subject, claim["note"]
    assert said in claim["note"]


QUARTERS = """
entities:
  - {id: acme, name: Acme Inc., kind: company}
  - {id: q1, name: Acme's first quarter of 2017, kind: quarter, aliases: [first-quarter]}
  - {id: q0, name: Acme's first quarter of 2016, kind: quarter,
     aliases: [the same period a year ago]}
"""
RESULTS = """
properties:
  - {id: net-income, type: quantity, unit: USD, entity_kind: quarter,
     description: Net earnings in a period.}
  - {id: revenue-growth, type: quantity, unit: percent, entity_kind: quarter,
     description: Rise of sales since the same period a year before.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("period", "subject"),
    [
        # "a year ago" names the year-ago quarter by the date's own words: no topic
        ("in the same period a year ago", "q1"),
        # nothing named by a figure's words: the quarter the sentence goes on about
        ("in the first quarter", "q1"),
    ],
)
def test_an_entity_named_by_a_figure_s_own_words_is_not_what_the_text_goes_on_about(
    make_corpus: MakeCorpus, period: str, subject: str
) -> None:
    text = (
        "Acme Inc. reported first-quarter net earnings that rose to $1.16 billion, or $1.32 "
        f"a share, from $1.13 billion, or $1.27 a share, {period}. Revenue increased 6.2%."
    )
    corpus = factcheck.load(make_corpus({"entities.yaml": QUARTERS, "properties.yaml": RESULTS}))
    claims = draft_fact_file(text, "x", corpus=corpus, published="2017-04-27").claims
    [growth] = [c for c in claims if c["value"] == 6.2]
    assert (growth["subject"], growth["property"]) == (subject, "revenue-growth"), growth["note"]


ORDERS = """
entities:
  - {id: order-2019, name: the immigration judge's 2019 order shielding him, kind: court-order,
     aliases: [2019 court order]}
  - {id: later-order, name: Judge X's order to return him, kind: court-order}
"""
ORDER_DATES = """
properties:
  - {id: issued, type: date, entity_kind: court-order,
     description: When a court order or ruling was issued.}
  - {id: deadline, type: date, entity_kind: court-order,
     description: The time by which an order must be complied with.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


def test_a_year_before_a_court_order_is_when_it_was_issued(make_corpus: MakeCorpus) -> None:
    """ "a 2019 court order": the year it came to be, of two dates said of an order."""
    text = "He was deported in March 2025, despite a 2019 court order barring his removal."
    corpus = factcheck.load(make_corpus({"entities.yaml": ORDERS, "properties.yaml": ORDER_DATES}))
    [claim] = [
        c
        for c in draft_fact_file(text, "x", corpus=corpus, published="2025-04-20").claims
        if c["value"] == "2019"
    ]
    assert (claim["subject"], claim["property"]) == ("order-2019", "issued"), claim["note"]


COMPARED = """
entities:
  - {id: q-now, name: Acme's third quarter of 2025, kind: quarter, aliases: [the quarter]}
  - {id: q-before, name: Acme's third quarter of 2024, kind: quarter, aliases: [a year earlier]}
  - {id: acme, name: Acme, kind: company}
"""
COMPARED_PROPERTIES = """
properties:
  - {id: net-income, type: quantity, unit: USD, entity_kind: quarter,
     description: Profit in a period.}
  - {id: revenue, type: quantity, unit: USD, entity_kind: quarter, description: Sales in a period.}
  - {id: eps, type: quantity, unit: USD, entity_kind: quarter,
     description: Earnings per share in a period.}
  - {id: eps-estimate, type: quantity, unit: USD, entity_kind: quarter,
     description: Earnings per share analysts expected.}
  - {id: adjusted-eps, type: quantity, unit: USD, entity_kind: quarter,
     description: Adjusted earnings per share in a period.}
  - {id: unreviewed-number, type: quantity}
"""


@pytest.mark.parametrize(
    ("text", "value", "subject", "prop"),
    [
        # the sentence's first subject is what the next one goes on about, not that of
        # the comparison after it
        (
            "Net income for the quarter was $4 billion, against $3 billion a year earlier. "
            "Sales topped $21 billion.",
            21e9,
            "q-now",
            "revenue",
        ),
        # a figure saying the one before it again, per share, is about the same quarter,
        # though the sentence names two
        (
            "Net income for the quarter was $4.5 billion, or 94 cents a share, above a year "
            "earlier.",
            0.94,
            "q-now",
            "eps",
        ),
        # said again with no property: the first's guess, left unidentified as that was
        ("Acme counted 4,000, or 12 percent of the town.", 12, "unidentified", None),
    ],
)
def test_the_first_subject_and_figures_said_again(
    make_corpus: MakeCorpus, text: str, value: float, subject: str, prop: str | None
) -> None:
    files = {"entities.yaml": COMPARED, "properties.yaml": COMPARED_PROPERTIES}
    corpus = factcheck.load(make_corpus(files))
    claims = draft_fact_file(text, "x", corpus=corpus, published="2025-10-20").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert (claim["subject"], claim["property"]) == (subject, prop or "unreviewed-number")
    if value != 21e9:
        assert "that of the figure it says again" in claim["note"], claim["note"]


@given(st.integers(2, 900), st.sampled_from([", or ", " ("]))
def test_a_figure_said_again_takes_the_subject_of_the_one_before(cents: int, joint: str) -> None:
    corpus = vocabulary(COMPARED, COMPARED_PROPERTIES)
    text = f"Net income for the quarter was $4.5 billion{joint}{cents} cents a share."
    claims = draft_fact_file(text, "x", corpus=corpus, published="2025-10-20").claims
    total, share = claims
    assert share["subject"] == total["subject"] == "q-now", share["note"]
    assert share["property"] == "eps", share["note"]
