"""factcheck.extract.time_forms: how clock times are written, and dotted 24-hour times."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import draft_fact_file
from factcheck.extract.time_forms import clock_matches


def _times(text: str) -> list[str]:
    return [m.group() for m in clock_matches(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "times"),
    [
        # a time word before a dotted 24-hour time says it is one
        ("It was scheduled to kick off at 17.35 instead.", ["17.35"]),
        ("It was due to drop by 19.00, and did.", ["19.00"]),
        ("We arrived just after 17.15.", ["17.15"]),
        ("The kick off was rescheduled to 18.00.", ["18.00"]),
        # and so does another dotted time right before it on its line
        ("Kick Off 18.00 Actual 18.07", ["18.00", "18.07"]),
        ("From 10.30 until 12.45 the line was shut.", ["10.30", "12.45"]),
        # figures that read the same are not times
        ("Unemployment stood at 05.30 percent.", []),
        ("The fare was AUD $18.40 return.", []),
        ("Rates rose to 12.50%.", []),
        ("The index closed 17.35 higher.", []),
        ("Kick Off 18.00\nThe total was 18.07", ["18.00"]),
        ("It grew 5.3 percent to 18.07 million.", []),
        # the other forms are as before
        ("At 5:26 p.m. it left, at 18:45 GMT it landed.", ["5:26 p.m.", "18:45"]),
    ],
)
def test_dotted_times_need_a_time_word_or_time_before_them(text: str, times: list[str]) -> None:
    assert _times(text) == times


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["at", "by", "until", "after"]))
def test_a_dotted_time_after_a_time_word_is_that_clock_time(h: int, m: int, word: str) -> None:
    text = f"It started {word} {h:02d}.{m:02d} (all times are GMT)."
    [claim] = draft_fact_file(text, "x", published="2025-03-15").claims
    assert str(claim["value"]).startswith(f"2025-03-15T{h:02d}:{m:02d}")


@given(st.integers(0, 23), st.integers(0, 59))
def test_a_dotted_figure_without_a_time_word_stays_a_number(h: int, m: int) -> None:
    text = f"The score rose {h:02d}.{m:02d} points on March 15."
    assert _times(text) == []
