"""factcheck.extract.durations: how long something took, as one figure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import find_mentions
from factcheck.extract.durations import find_durations


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("won in 2:06:17 flat", 7577, "s"),
        ("ran 5K in 14:21.", 861, "s"),
        ("trailing by 2:21 at the half", 141, "s"),
        ("it took 3 hours and 5 minutes", 185, "minutes"),
        ("resumed 2 hours, 39 minutes after the third rain delay", 159, "minutes"),
        ("reached orbit 8 minutes and 31 seconds after lift-off", 511, "s"),
        ("ran 27 mins 20.5 secs", 1640.5, "s"),
        # hours past a hundred, number words, and compound adjectives
        ("pushing total EVA time to 967 hours and 39 minutes.", 58059, "minutes"),
        ("pushing his total to 41 hours and four minutes", 2464, "minutes"),
        ("a six-hour 34-minute spacewalk", 394, "minutes"),
        ("a total of 1,200 hours and 5 minutes", 72005, "minutes"),
    ],
)
def test_durations(text: str, value: float, unit: str) -> None:
    [found] = find_durations(text, 0, len(text))
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Posted on: March 19, 2025 at 14:43:59 CT",  # a clock time before its zone
        "It hit at 1:24:33 a.m. on Friday.",  # and before a.m. or p.m.
        "at 14:21 the doors opened",  # minutes and seconds only after "in" or a margin
    ],
)
def test_clock_times_are_no_durations(text: str) -> None:
    assert find_durations(text, 0, len(text)) == []


@given(st.integers(0, 9999), st.integers(0, 59), st.booleans())
def test_hours_and_minutes_are_one_figure_in_minutes(h: int, m: int, and_: bool) -> None:
    joint = " and " if and_ else ", "
    text = f"The delay lasted {h} hours{joint}{m} minutes on Saturday."
    [figure] = [x for x in find_mentions(text) if x.kind == "quantity"]
    assert (figure.value, figure.unit) == (h * 60 + m, "minutes")


@given(st.integers(0, 99), st.integers(0, 59), st.integers(0, 59), st.booleans())
def test_a_duration_in_its_units_is_one_figure_in_seconds(
    h: int, m: int, sec: int, and_: bool
) -> None:
    joint = " and " if and_ else ", "
    text = f"She won in a time of {h} hours, {m} minutes{joint}{sec} seconds on Saturday."
    [figure] = [x for x in find_mentions(text) if x.kind == "quantity"]
    assert (figure.value, figure.unit) == (h * 3600 + m * 60 + sec, "s")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # hours, minutes and seconds with no zone after them: how long something took
        ("All times are Eastern Time. Lemma won in 2:06:17 on Monday.", "quantity"),
        # before a zone: a clock time with seconds, never a duration
        ("Posted on: March 19, 2025 at 14:43:59 CT", "date"),
    ],
)
def test_seconds_make_a_duration_unless_a_zone_follows(text: str, kind: str) -> None:
    found = [m for m in find_mentions(text) if ":" in m.text]
    assert [m.kind for m in found] == [kind]
