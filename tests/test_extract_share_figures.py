"""factcheck.extract.share_figures: a money figure said per share."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.draft import find_mentions
from factcheck.extract.share_figures import per_share_property
from factcheck.extract.vocabulary import Names

from .conftest import vocabulary

ENTITIES = """
entities:
  - {id: acme, name: Acme, kind: company}
"""
PROPERTIES = """
properties:
  - {id: net-income, type: quantity, unit: USD, description: Profit in a period.}
  - {id: eps, type: quantity, unit: USD, description: Earnings per share in a period.}
  - {id: eps-estimate, type: quantity, unit: USD, description: Earnings per share expected.}
  - {id: adjusted-eps, type: quantity, unit: USD, description: Adjusted earnings per share.}
  - id: adjusted-eps-year-before
    type: quantity
    unit: USD
    description: Adjusted earnings per share in the same period a year before.
  - {id: eps-growth, type: quantity, unit: percent, description: Rise of earnings per share.}
  - {id: share-price, type: quantity, unit: USD, description: Price of one of a company's shares.}
"""
NAMES = Names.of(vocabulary(ENTITIES, PROPERTIES))


def _per_share(text: str, figure: str, names: Names = NAMES) -> list[str]:
    [m] = [m for m in find_mentions(text) if m.text == figure]
    return per_share_property(names, m, text[: m.start], text[m.end :])


@pytest.mark.parametrize(
    ("text", "figure", "props"),
    [
        # the total it divides names the profit, no word of earnings: the family's root
        ("Total profit equaled $468 million, or 47 cents a share.", "47 cents", ["eps"]),
        ("Net income was $4.5 billion, or 94 cents per share.", "94 cents", ["eps"]),
        # a narrower one's added words among the figure's own: that one
        ("It beat analyst estimates of 92 cents a share.", "92 cents", ["eps-estimate"]),
        ("Adjusted, it made $1.01 a share.", "$1.01", ["adjusted-eps"]),
        # a word of a narrower one, not all: not plainly the root's ("year" of year-before)
        ("This is below last year's $1.72 a share.", "$1.72", []),
        # not said per share: none here (the words name the property elsewhere, or not)
        ("Net income was $4.5 billion.", "$4.5 billion", []),
        ("Shares closed at $23 after the report.", "$23", []),
    ],
)
def test_a_figure_said_per_share(text: str, figure: str, props: list[str]) -> None:
    assert _per_share(text, figure) == props


def test_no_family_root_no_property() -> None:
    # a share price and earnings per share alone: both amounts per share, neither the root
    properties = PROPERTIES.replace("eps-estimate", "x1").replace("adjusted-eps", "x2")
    names = Names.of(vocabulary(ENTITIES, properties.replace("x2-year-before", "x3")))
    assert _per_share("Net income was $4.5 billion, or 94 cents a share.", "94 cents", names) == []


@given(
    st.sampled_from(["profit of $468 million, or", "sales beat", "it was", "analysts expected"]),
    st.integers(1, 999),
    st.sampled_from(["a share", "per share", "each share", "a year", "in total", ""]),
)
def test_only_a_figure_said_per_share_takes_a_share_property(
    before: str, cents: int, after: str
) -> None:
    text = f"Acme's {before} {cents} cents {after}.".replace("  ", " ")
    found = _per_share(text, f"{cents} cents")
    assert len(found) <= 1
    if not after.endswith("share"):
        assert found == []
    for prop in found:
        assert "eps" in prop.split("-")
