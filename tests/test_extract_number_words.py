"""factcheck.extract.number_words: numbers written as words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.number_words import CARDINALS, cardinal, count


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("one", 1),
        ("Twelve", 12),
        ("twenty", 20),
        ("ninety", 90),
        ("forty-five", 45),
        ("SIXTY-one", 61),
        ("twenty-one", 21),
        ("twenty-ten", None),  # not a compound anyone writes
        ("one-two", None),
        ("dozen", None),  # a quantity word, not a cardinal
        ("", None),
    ],
)
def test_cardinal(word: str, value: int | None) -> None:
    assert cardinal(word) == value


@given(st.integers(min_value=1, max_value=99))
def test_every_number_below_a_hundred_has_one_spelling(n: int) -> None:
    words = [w for w, v in CARDINALS.items() if v == n]
    tens = [w for w, v in CARDINALS.items() if v == n - n % 10 and v >= 20]
    ones = [w for w, v in CARDINALS.items() if v == n % 10]
    spelled = words[0] if words else f"{tens[0]}-{ones[0]}"
    assert cardinal(spelled) == n


@pytest.mark.parametrize(
    ("word", "value"),
    [("3", 3), ("12", 12), ("five", 5), ("Two", 2), ("a", 1), ("An", 1), ("twenty", 20)],
)
def test_count(word: str, value: int) -> None:
    """The count of "N days ago" or "N years later": digits, a number word, "a"/"an"."""
    assert count(word) == value
