"""The HTML report's chart geometry: days, open ends, ticks."""

from __future__ import annotations

import math
import sys
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.values import PartialDate
from factcheck.report.html.scales import (
    FIRST_DAY,
    LAST_DAY,
    days,
    from_days,
    is_open,
    nice_step,
    time_ticks,
    value_ticks,
)


def test_days_round_trip() -> None:
    t = datetime(2024, 8, 2, 12)
    assert days(datetime(1970, 1, 2)) == 1
    assert from_days(days(t)) == t
    # Padding past the calendar's ends stays on the calendar.
    assert from_days(FIRST_DAY - 100) == datetime(1, 1, 1)
    assert from_days(LAST_DAY + 100) == datetime(9999, 12, 31)


def test_open_ends_are_the_values_extremes() -> None:
    span = PartialDate.parse("2023").span()
    assert not is_open(span.start) and not is_open(span.end)
    assert is_open(datetime.min) and is_open(datetime.max)


@pytest.mark.parametrize(
    ("span", "step"), [(10, 2), (100, 20), (12, 2.5), (1, 0.2), (45000, 10000), (0, 1)]
)
def test_nice_step(span: float, step: float) -> None:
    assert nice_step(span) == pytest.approx(step)


@given(st.floats(-1e9, 1e9), st.floats(1e-3, 1e9))
def test_value_ticks_are_round_and_cover_the_range(lo: float, width: float) -> None:
    hi = lo + width
    ticks = value_ticks(lo, hi)
    step = nice_step(hi - lo)
    assert 1 <= len(ticks) <= 12
    assert ticks == sorted(ticks)
    assert all(lo - step * 1e-6 <= t <= hi + step * 1e-6 for t in ticks)
    assert ticks[0] - lo < step * (1 + 1e-9) and hi - ticks[-1] < step * (1 + 1e-9)


@pytest.mark.parametrize(
    ("lo", "hi"),
    [
        (-1.7e308, 1.7e308),
        (0.0, 1.7e308),
        (-1.7e308, 0.0),
        (1e308, 1.7e308),
        # a tick's allowance past the largest float made the loop endless
        (0.0, sys.float_info.max),
        (-sys.float_info.max, sys.float_info.max),
    ],
)
def test_value_ticks_near_the_largest_floats(lo: float, hi: float) -> None:
    ticks = value_ticks(lo, hi)
    assert 1 <= len(ticks) <= 12
    slack = nice_step(min(hi - lo, sys.float_info.max)) * 1e-6
    assert all(math.isfinite(t) and lo - slack <= t <= hi + slack for t in ticks)


@given(
    st.datetimes(min_value=datetime(1, 6, 1), max_value=datetime(9998, 1, 1)),
    st.floats(0.5, 200_000),
)
def test_time_ticks_are_in_range_ordered_and_labelled(start: datetime, width: float) -> None:
    lo = days(start)
    ticks = time_ticks(lo, lo + width)
    positions = [d for d, _ in ticks]
    assert positions == sorted(positions)
    assert all(lo <= d <= lo + width for d in positions)
    assert all(label and label[-1].isdigit() for _, label in ticks)
    assert len(ticks) <= 14


@pytest.mark.parametrize(
    ("start", "end", "labels"),
    [
        ("2000-01-01", "2020-01-01", ["2005", "2010", "2015", "2020"]),
        ("2023-02-15", "2023-06-15", ["Mar 2023", "Apr 2023", "May 2023", "Jun 2023"]),
        ("2022-11-15", "2024-01-15", ["2023", "Apr 2023", "Jul 2023", "Oct 2023", "2024"]),
        (
            "2023-01-01",
            "2023-01-13",
            ["2 Jan 2023", "4 Jan 2023", "6 Jan 2023", "8 Jan 2023", "10 Jan 2023", "12 Jan 2023"],
        ),
    ],
)
def test_time_ticks_by_span(start: str, end: str, labels: list[str]) -> None:
    lo, hi = (days(datetime.fromisoformat(t)) for t in (start, end))
    assert [label for _, label in time_ticks(lo, hi)] == labels
