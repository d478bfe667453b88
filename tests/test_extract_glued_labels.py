"""factcheck.extract.glued_labels: a label glued to its value is read apart."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.glued_labels import unglued


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Capacity40,000", "Capacity"),
        ("Date opened31 January 2023", "Date opened"),
        ("Budget$2 billion", "Budget"),
        ("FlightRadar24 tracked it", None),  # a name with digits
        ("MS-13 members", None),
        ("40,000 inmates", None),
    ],
)
def test_unglued(text: str, label: str | None) -> None:
    seen, got = unglued(text, 0, len(text))
    assert got == label
    assert len(seen) == len(text)
    if label:
        assert seen == " " * len(label) + text[len(label) :]
    else:
        assert seen == text


@given(
    st.sampled_from(["Capacity", "Population", "Date opened", "Area"]),
    st.integers(0, 10**6),
    st.text("abc .\n", max_size=10),
)
def test_unglued_keeps_every_offset(label: str, value: int, before: str) -> None:
    text = before + label + str(value) + " more"
    start = len(before)
    seen, got = unglued(text, start, len(text))
    assert got == label
    assert seen[:start] == before and seen[start + len(label) :] == text[start + len(label) :]
