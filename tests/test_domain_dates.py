"""Dates with precision (factcheck.domain.dates): partial dates, times, their spans,
hedged dates and how two spans compare."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.domain.dates import (
    DateSpan,
    Order,
    PartialDate,
    aligned,
    compare_dates,
    date_range,
    date_span,
    spans_overlap,
)
from factcheck.testing.strategies import date_values


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("2023-01", "2023-02", False),
        ("2023", "2023-02", True),
        ("2023-01-31", "2023-01", True),
        ("2023-01-31", "2023-02-01", False),
        ("2025-03-15T18:45-04:00", "2025-03-15", True),
        ("2025-03-15T23:30-04:00", "2025-03-16", True),  # already the 16th in UTC
        ("2025-03-15T18:45-04:00", "2025-03-17", False),
        ("2024", "2025-02-20", False),
    ],
)
def test_date_overlap(a: str, b: str, overlap: bool) -> None:
    sa, sb = PartialDate.parse(a).span(), PartialDate.parse(b).span()
    assert spans_overlap(sa, sb) is overlap
    assert spans_overlap(sb, sa) is overlap


def test_dates_compare_three_ways() -> None:
    jan, feb, y2023 = (PartialDate.parse(x).span() for x in ("2023-01", "2023-02", "2023"))
    assert compare_dates(jan, feb) is Order.BEFORE
    assert compare_dates(feb, jan) is Order.AFTER
    assert compare_dates(y2023, feb) is Order.UNKNOWN


_NEARBY_DATES = st.builds(
    lambda text, hedge: date_span(PartialDate.parse(text), hedge),
    st.sampled_from(
        [
            *("2025", "2025-03", "2025-03-15", "2025-03-16", "2025-03-15T23:30-04:00"),
            *("2025-03-16T01:00+00:00", "2025-03-14T13:00+09:00", "2025-03-17T11:30Z"),
        ]
    ),
    st.sampled_from(["exact", "before", "after", "not-before", "not-after"]),
)


@given(a=_NEARBY_DATES, b=_NEARBY_DATES)
def test_aligned_spans_decide_the_order(a: DateSpan, b: DateSpan) -> None:
    # The order check sorts these ends and starts instead of comparing every pair.
    before = aligned(a, b.zoned).end <= aligned(b, a.zoned).start
    assert (compare_dates(a, b) is Order.BEFORE) is before
    assert spans_overlap(a, b) is (not before and compare_dates(a, b) is not Order.AFTER)


def test_date_hedges() -> None:
    before_2023 = date_span(PartialDate.parse("2023"), "before")
    assert not spans_overlap(before_2023, PartialDate.parse("2023-01").span())
    assert spans_overlap(before_2023, PartialDate.parse("2022-12").span())
    not_after = date_span(PartialDate.parse("2023"), "not-after")
    assert spans_overlap(not_after, PartialDate.parse("2023-12-31").span())


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "23", "2023/01", "January 2023", "0000"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


@pytest.mark.parametrize("text", ["2023", "2023-01", "2023-01-31"])
def test_date_text_round_trip(text: str) -> None:
    assert str(PartialDate.parse(text)) == text


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1900, 2100))
    month = draw(st.none() | st.integers(1, 12))
    day = None
    if month is not None and draw(st.booleans()):
        day = draw(st.integers(1, 28))
    return PartialDate(year, month, day)


@given(partial_dates(), partial_dates())
def test_date_overlap_is_symmetric(a: PartialDate, b: PartialDate) -> None:
    assert spans_overlap(a.span(), b.span()) == spans_overlap(b.span(), a.span())
    order = compare_dates(a.span(), b.span())
    mirrored = {Order.BEFORE: Order.AFTER, Order.AFTER: Order.BEFORE, Order.UNKNOWN: Order.UNKNOWN}
    assert compare_dates(b.span(), a.span()) is mirrored[order]


@given(partial_dates())
def test_a_partial_date_contains_its_refinements(d: PartialDate) -> None:
    assert spans_overlap(d.span(), d.span())
    if d.month is None:
        refined = PartialDate(d.year, 6)
    elif d.day is None:
        refined = PartialDate(d.year, d.month, 15)
    else:
        return
    outer, inner = d.span(), refined.span()
    assert outer.start <= inner.start and inner.end <= outer.end
    assert compare_dates(outer, inner) is Order.UNKNOWN


@given(partial_dates())
def test_date_text_round_trips(d: PartialDate) -> None:
    assert PartialDate.parse(str(d)) == d


# --- times, parts of months and years, ranges, estimates --------------------------------


def _span_of(text: str) -> DateSpan:
    return PartialDate.parse(text).span()


@pytest.mark.parametrize(
    ("text", "length", "zoned"),
    [
        ("2025-03-15T18:45Z", timedelta(minutes=1), True),
        ("2025-03-15T18:45:30+01:00", timedelta(seconds=1), True),
        ("2025-03-15T18:45:30.25Z", timedelta(microseconds=1), True),
        ("2025-03-15T18:45", timedelta(minutes=1), False),
        ("2025-03-15 18:45:30", timedelta(seconds=1), False),
    ],
)
def test_a_written_time_covers_its_minute_or_second(
    text: str, length: timedelta, zoned: bool
) -> None:
    span = _span_of(text)
    assert span.end - span.start == length
    assert span.zoned is zoned


def test_a_time_to_the_minute_agrees_with_a_second_inside_it() -> None:
    assert spans_overlap(_span_of("2025-03-15T18:45Z"), _span_of("2025-03-15T18:45:59Z"))
    assert not spans_overlap(_span_of("2025-03-15T18:45Z"), _span_of("2025-03-15T18:46Z"))
    # Without a zone, a clock time may be in any zone: hours apart still overlap.
    assert spans_overlap(_span_of("2025-03-15T18:45"), _span_of("2025-03-15T23:00Z"))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("early 2023", "2023-01-01", "2023-04-30"),
        ("mid 2023", "2023-05-01", "2023-08-31"),
        ("late 2023", "2023-09-01", "2023-12-31"),
        ("early 2025-01", "2025-01-01", "2025-01-10"),
        ("Mid-2025-02", "2025-02-11", "2025-02-20"),
        ("late 2024-02", "2024-02-21", "2024-02-29"),
    ],
)
def test_early_mid_late_cover_a_third(text: str, first: str, last: str) -> None:
    span = _span_of(text)
    assert span.start == datetime.fromisoformat(first)
    assert span.end == datetime.fromisoformat(last) + timedelta(days=1)
    assert str(PartialDate.parse(text)) == text.lower().replace("mid-", "mid ")


def test_early_mid_late_need_a_year_or_month() -> None:
    with pytest.raises(ValueError, match="early/mid/late"):
        PartialDate.parse("late 2025-01-31")
    assert not spans_overlap(_span_of("late 2025-01"), _span_of("2025-02"))
    assert spans_overlap(_span_of("late 2025-01"), _span_of("2025-01-31"))


def test_a_date_range_runs_from_the_first_start_to_the_last_end() -> None:
    span = date_range(PartialDate.parse("2025-03-15T18:45"), PartialDate.parse("2025-03-15T18:48"))
    assert span.end - span.start == timedelta(minutes=4)
    assert spans_overlap(span, _span_of("2025-03-15T18:47"))
    assert not spans_overlap(span, _span_of("2025-03-15T18:49"))
    assert str(span) == "2025-03-15T18:45..2025-03-15T18:48"
    with pytest.raises(ValueError, match="zone"):
        date_range(PartialDate.parse("2025-03-15T18:45Z"), PartialDate.parse("2025-03-15T18:48"))
    with pytest.raises(ValueError, match="before it starts"):
        date_range(PartialDate.parse("2025-03-16"), PartialDate.parse("2025-03-15"))


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2023", "year"),
        ("late 2023", "year"),
        ("2023-01", "month"),
        ("2023-01-31", "day"),
        ("2023-01-31T10:00Z", "time"),
    ],
)
def test_precision(text: str, precision: str) -> None:
    assert PartialDate.parse(text).precision == precision


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0000-01", "year out of range"),
        ("2023-00", "month out of range"),
        ("2023-02-29", "day out of range"),
        ("9999-12-31", "out of range"),
        ("2023-01-31T24:00", "hour"),
    ],
)
def test_out_of_range_dates_say_which_part(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(text)


def test_a_zoned_time_is_kept_in_utc() -> None:
    d = PartialDate.parse("2025-03-15T18:45-04:00")
    assert d.instant == datetime(2025, 3, 15, 22, 45)
    assert d.zoned and str(d) == "2025-03-15T22:45Z"


@settings(max_examples=60, deadline=None)
@given(a=date_values(), b=date_values())
def test_date_values_overlap_themselves_and_symmetrically(a: object, b: object) -> None:
    def span(v: object) -> DateSpan:
        if isinstance(v, tuple):
            return date_range(PartialDate.parse(v[0]), PartialDate.parse(v[1]))
        assert isinstance(v, str)
        return _span_of(v)

    x, y = span(a), span(b)
    assert spans_overlap(x, x)
    assert spans_overlap(x, y) == spans_overlap(y, x)
    assert (compare_dates(x, y) is Order.BEFORE) == (compare_dates(y, x) is Order.AFTER)
