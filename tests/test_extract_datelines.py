"""factcheck.extract.datelines: the date a text was published is not one of its claims."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import draft_fact_file
from factcheck.extract.datelines import WINDOW, dateline_spans


@pytest.mark.parametrize(
    ("text", "datelines"),
    [
        ("date 2025-02-04 Donald Trump is pursuing a policy.", ["2025-02-04"]),
        ("Headline\n\nTue 4th Feb, 2025\n\nIn a surprising development", ["Tue 4th Feb, 2025"]),
        ("Published: March 3, 2025 10:00 ET\nBody", ["March 3, 2025"]),
        ("Updated 5 min read March 3, 2025\nBody", ["March 3, 2025"]),
        # a date in a sentence, or a timeline's heading with its event, is a claim
        ("On March 3, 2025 the court ruled.", []),
        ("Headline\nMarch 15, 2025: the plane left.", []),
        # below the top of the text, a date alone on its line is a timeline's heading
        ("x" * WINDOW + "\nMarch 15, 2025\n5 p.m.: the plane left.", []),
    ],
)
def test_dateline_spans(text: str, datelines: list[str]) -> None:
    assert [text[a:b] for a, b in dateline_spans(text)] == datelines


def test_a_dateline_is_not_drafted() -> None:
    text = "Headline\n\nTue 4th Feb, 2025\n\nOn 3 February 2025, 40 people left."
    values = [c["value"] for c in draft_fact_file(text, "x").claims]
    assert values == ["2025-02-03", 40]


@given(st.text(max_size=200))
def test_spans_are_dates_at_the_top(text: str) -> None:
    for a, b in dateline_spans(text):
        assert 0 <= a < b <= len(text) and a < WINDOW
