"""factcheck.extract.day_ranges: ranges of days written with a dash are one span."""

from __future__ import annotations

import calendar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.values import PartialDate
from factcheck.extract import draft_fact_file
from factcheck.extract.day_ranges import find_day_ranges
from factcheck.extract.relative_days import RANGE

_MONTHS = list(calendar.month_name)[1:]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("April 5\u20137, 2025", ["2025-04-05", "2025-04-07"]),
        ("Judge Xinis demands updates April 11\u201314, 2025.", ["2025-04-11", "2025-04-14"]),
        ("The talks ran 5-7 April in Geneva.", ["2025-04-05", "2025-04-07"]),  # no year
        ("The summit, 28 - 30 March 2024, ended.", ["2024-03-28", "2024-03-30"]),
        ("Meetings on Sept. 15-16.", ["2025-09-15", "2025-09-16"]),
    ],
)
def test_a_range_of_days_is_one_span(text: str, value: list[str]) -> None:
    claims = draft_fact_file(text, "x", published="2025-04-20").claims
    dates = [c for c in claims if isinstance(c["value"], list)]
    assert [c["value"] for c in dates] == [value]
    assert dates[0]["hedge"] == "between"
    # the second day and the year are part of the span, not a count and a year of their own
    assert len(claims) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The vote on March 3-2 passed.",  # the second day before the first: no range
        "On April 5 - 7 p.m. they met.",  # a day, then a clock time
        "It was 5-7 in the third.",  # no month
        "February 28-30 never came.",  # no such day
    ],
)
def test_not_a_range_of_days(text: str) -> None:
    assert find_day_ranges(text, 0, len(text), PartialDate.parse("2025-04-20")) == []


def test_a_range_without_year_needs_a_publication_date() -> None:
    text = "The talks ran April 5-7 in Geneva."
    assert find_day_ranges(text, 0, len(text), None) == []
    [span] = find_day_ranges(text, 0, len(text), PartialDate.parse("2019"))
    assert span.value == ("2019-04-05", "2019-04-07")
    assert "relative" in span.flags


@given(
    st.integers(1900, 2099),
    st.integers(1, 12),
    st.data(),
    st.sampled_from(["-", "\u2013", " - ", " \u2013 "]),
    st.booleans(),
)
def test_any_dashed_range_is_its_two_days_in_order(
    year: int, month: int, data: st.DataObject, dash: str, day_first: bool
) -> None:
    last_day = calendar.monthrange(year, month)[1]
    first = data.draw(st.integers(1, last_day - 1))
    last = data.draw(st.integers(first + 1, last_day))
    name = _MONTHS[month - 1]
    said = (
        f"{first}{dash}{last} {name} {year}" if day_first else f"{name} {first}{dash}{last}, {year}"
    )
    text = f"The hearings took place {said} in the capital."
    [span] = find_day_ranges(text, 0, len(text), None)
    assert span.value == (f"{year}-{month:02d}-{first:02d}", f"{year}-{month:02d}-{last:02d}")
    assert (span.hedge, span.precision) == ("between", RANGE)
    assert span.text == said


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Venezuelans deported in March and April.", "2025", ["2025-03", "2025-04"]),
        ("Fires burned from June to August 2024.", None, ["2024-06", "2024-08"]),
        # a month then a day, months out of order, no year known: no span
        ("It ran in March and April 14 it ended.", "2025", None),
        ("It ran from April to March.", "2025", None),
        ("Deported in March and April.", None, None),
    ],
)
def test_a_span_of_months(text: str, published: str | None, value: list[str] | None) -> None:
    claims = draft_fact_file("Headline\n" + text, "x", published=published).claims
    spans = [c["value"] for c in claims if isinstance(c["value"], list)]
    assert spans == ([value] if value else [])


@given(st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 12))
def test_a_span_of_months_is_its_two_months_in_order(year: int, a: int, b: int) -> None:
    text = f"It ran from {_MONTHS[a - 1]} to {_MONTHS[b - 1]} {year}."
    found = find_day_ranges(text, 0, len(text), None)
    if b > a:
        assert [m.value for m in found] == [(f"{year}-{a:02d}", f"{year}-{b:02d}")]
    else:
        assert found == []
