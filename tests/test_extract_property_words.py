"""factcheck.extract.property_words: the words that name a property besides its id."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.extract import draft_fact_file
from factcheck.extract.mention import Mention
from factcheck.extract.property_words import (
    Way,
    alternatives,
    id_stems,
    per_share,
    speaks_of_shares,
    stem_sequence,
)

from .conftest import MakeCorpus

DESCRIPTIONS = {
    "revenue": "Sales in a period.",
    "revenue-year-before": "Sales in the same period a year before.",
    "revenue-forecast": "Sales a company expects for a period.",
    "net-income": "Profit in a period.",
    "eps": "Earnings per share in a period.",
    "eps-estimate": "Earnings per share analysts expected.",
    "adjusted-eps": "Earnings per share adjusted for special items.",
    "deportees": "Number of people deported.",
    "passengers": "People on board.",
    "wind-gust": "Speed of the wind's gusts.",
    "duration": "How long something lasted.",
}


def test_the_opening_phrase_of_a_description_names_the_property() -> None:
    found = alternatives(DESCRIPTIONS, ["people", "USD"])
    assert found["revenue"] == (Way(("sale",), frozenset()),)
    assert found["net-income"] == (Way(("profit",), frozenset()),)
    assert Way(("earning", "shar"), frozenset()) in found["eps"]
    # a longer id holding a shorter one: the shorter one's phrase in its place
    assert Way(("earning", "shar"), id_stems("estimate")) in found["eps-estimate"]
    assert Way(("sale",), id_stems("year-before")) in found["revenue-year-before"]


@pytest.mark.parametrize(
    ("prop", "why"),
    [
        ("deportees", "a vague opening: 'Number of ...'"),
        ("duration", "a vague opening: 'How long ...'"),
        ("passengers", "an opening that is a unit says what is counted, not which count"),
        ("wind-gust", "cut short: 'Speed of' ends on a preposition"),
    ],
)
def test_no_other_name_from_a_vague_opening(prop: str, why: str) -> None:
    found = alternatives(DESCRIPTIONS, ["people", "USD"])
    assert all(way.words for way in found.get(prop, ())), why


def test_an_opening_several_properties_share_names_the_one_the_others_hold() -> None:
    # "Sales in a period." and "Sales in the same period a year before.": revenue's
    found = alternatives(DESCRIPTIONS)
    assert Way(("sale",), frozenset()) not in found["revenue-year-before"]
    # "Sales a company expects": a clause the phrase needs, so no name of its own
    assert Way(("sale",), frozenset()) not in found.get("revenue-forecast", ())


@pytest.mark.parametrize(
    ("prop", "description", "way"),
    [
        # "Net earnings" shares "net" with the id and adds "earnings": another name for it
        ("net-income", "Net earnings in a period.", ("net", "earning")),
        ("net-income", "Net income in a period.", None),  # the id's own words add nothing
        ("revenue", "Revenue in a period.", None),
    ],
)
def test_an_opening_that_adds_a_word_to_the_id_names_it(
    prop: str, description: str, way: tuple[str, ...] | None
) -> None:
    found = alternatives({prop: description})
    assert found.get(prop) == ((Way(way, frozenset()),) if way else None)


@given(
    st.sampled_from(["net", "gross", "operating"]), st.sampled_from(["earnings", "profit", "pay"])
)
def test_an_opening_is_a_name_when_it_is_not_the_id_s_words(first: str, second: str) -> None:
    """Whatever the two words, "First second in a period." of id first-income names it by
    both words (the second not the id's); of id first-second it adds nothing."""
    assert (
        Way(tuple(stem_sequence(f"{first} {second}")), frozenset())
        in alternatives({f"{first}-income": f"{first.title()} {second} in a period."})[
            f"{first}-income"
        ]
    )
    assert f"{first}-{second}" not in alternatives(
        {f"{first}-{second}": f"{first.title()} {second} in a period."}
    )


def test_an_opening_that_is_another_id_names_that_one() -> None:
    found = alternatives({"revenue": "Sales.", "sales": "Money taken in."})
    assert "revenue" not in found


@pytest.mark.parametrize(
    ("words", "shares", "said"),
    [
        ("Diluted earnings per share for the quarter was", False, True),
        ("earnings came in at", True, True),  # "... $1.27 a share": per share
        ("earnings came in at", False, False),
        ("its shares bounced above ... earnings estimates", False, False),  # not a phrase
    ],
)
def test_a_phrase_is_said_as_a_phrase(words: str, shares: bool, said: bool) -> None:
    way = Way(("earning", "shar"), frozenset())
    sequence = stem_sequence(words)
    assert way.said(sequence, set(sequence), shares) is said


def _amount(text: str, figure: str, unit: str | None = "USD") -> tuple[Mention, str]:
    at = text.index(figure)
    mention = Mention("quantity", at, at + len(figure), figure, 0.94, unit=unit)
    return mention, text[at + len(figure) :]


@pytest.mark.parametrize(
    ("text", "figure", "unit", "expected"),
    [
        ("or 94 cents a share", "94 cents", "USD", True),
        ("$1.01 per share", "$1.01", "USD", True),
        ("94 cents for a share of the market", "94 cents", "USD", False),
        ("94 a share", "94", None, False),  # no amount: no unit
    ],
)
def test_per_share(text: str, figure: str, unit: str | None, expected: bool) -> None:
    assert per_share(*_amount(text, figure, unit)) is expected


def test_speaks_of_shares() -> None:
    assert speaks_of_shares("eps", "Earnings per share in a period.")
    assert speaks_of_shares("share-price", "Price of one.")
    assert not speaks_of_shares("net-income", "Profit in a period.")


@given(st.sampled_from(sorted(DESCRIPTIONS)))
def test_every_other_way_stands_for_a_property_of_the_corpus(prop: str) -> None:
    found = alternatives(DESCRIPTIONS, ["people"])
    for way in found.get(prop, ()):
        assert way.size >= 1
        assert not set(way.phrase) & {"of", "per", "the"}


MONEY = """
properties:
  - {id: revenue, type: quantity, unit: USD, description: Sales in a period.}
  - {id: net-income, type: quantity, unit: USD, description: Profit in a period.}
  - {id: eps, type: quantity, unit: USD, description: Earnings per share in a period.}
  - {id: adjusted-eps, type: quantity, unit: USD, description: Adjusted earnings per share.}
  - {id: share-price, type: quantity, unit: USD, description: Price of one of the shares.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""
ENTITIES = """
entities:
  - {id: acme, name: Acme, kind: company}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""


@pytest.mark.parametrize(
    ("text", "value", "prop"),
    [
        ("Acme said sales rose to $6.8 billion.", 6.8e9, "revenue"),
        ("Acme said profit was $468 million.", 468e6, "net-income"),
        ("Acme said earnings came in at $1.27 a share.", 1.27, "eps"),
        # a sentence's opening participle qualifies its main clause
        ("Adjusted for special items, earnings per share came in at $1.01.", 1.01, "adjusted-eps"),
        # an amount per share is no profit, and nothing tells eps from the share price
        (
            "Net income of $4.5 billion, or 94 cents a share, beat estimates.",
            0.94,
            "unreviewed-number",
        ),
    ],
)
def test_drafts_name_properties_by_their_descriptions(
    make_corpus: MakeCorpus, text: str, value: float, prop: str
) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": MONEY}))
    claims = draft_fact_file(text, "x", corpus=corpus, published="2025-03-20").claims
    [claim] = [c for c in claims if c["value"] == value]
    assert claim["property"] == prop, claim["note"]
