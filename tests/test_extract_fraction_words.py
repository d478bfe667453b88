"""factcheck.extract.fraction_words: shares written as fractions in words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import find_mentions
from factcheck.extract.fraction_words import find_fraction_words


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The deficit was cut by more than two-thirds as a share.", [(66.7, "more-than")]),
        ("Roughly half of those sent had no convictions.", [(50.0, "about")]),
        ("Three quarters of the vote went to her.", [(75.0, "exact")]),
        ("A third of the homes were lost.", [(33.3, "exact")]),
        # a half or a quarter of a period is when, and other halves are no share
        ("In the first half of 2024 it grew.", []),
        ("It took a quarter of an hour.", []),
        ("The other half stayed home.", []),
        ("Half of the year was dry.", []),
        ("Profit rose in the third quarter.", []),
    ],
)
def test_shares_in_words(text: str, values: list[tuple[float, str]]) -> None:
    found = [m for m in find_mentions(text) if m.unit == "percent"]
    assert [(m.value, m.hedge) for m in found] == values


def test_the_numerator_is_no_count_of_its_own() -> None:
    found = find_mentions("It was cut by more than two-thirds.")
    assert [(m.value, m.unit) for m in found] == [(66.7, "percent")]


@given(
    st.sampled_from(["two", "three", "four"]),
    st.sampled_from(["third", "quarter", "fifth"]),
    st.sampled_from(["-", " "]),
)
def test_a_numerator_and_plural_denominator_is_their_share(n: str, d: str, sep: str) -> None:
    text = f"Some {n}{sep}{d}s agreed."
    [m] = find_fraction_words(text, 0, len(text))
    num = {"two": 2, "three": 3, "four": 4}[n]
    den = {"third": 3, "quarter": 4, "fifth": 5}[d]
    assert m.value == round(100 * num / den, 1)
    assert m.text == f"{n}{sep}{d}s"
