"""Value semantics: tables of the cases people write, and properties that must always hold."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.domain.values import (
    HEDGES,
    DateSpan,
    Interval,
    Order,
    PartialDate,
    aligned,
    compare_dates,
    date_range,
    date_span,
    hedge_interval,
    intersects,
    normalize_hedge,
    parse_quantity,
    spans_overlap,
)
from factcheck.testing.strategies import date_values


def iv(value: float, hedge: str = "exact", tol: float = 0.1) -> Interval:
    return hedge_interval(value, hedge, tol)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (iv(250, "more-than"), iv(250, "about"), True),
        (iv(40000, "more-than"), iv(40000, "at-most"), False),
        (iv(40000, "more-than"), iv(40000), False),
        (iv(40000, "at-least"), iv(40000), True),
        (iv(40000, "at-most"), iv(40000), True),
        (iv(250, "less-than"), iv(250), False),
        (iv(57, "almost"), iv(57), False),
        (iv(57, "almost"), iv(55), True),
        (iv(80000, "almost"), iv(79000), True),
        (iv(14500), iv(40000, "more-than"), False),
        (hedge_interval((10, 20), "between"), iv(15), True),
        (hedge_interval((10, 20), "between"), iv(21), False),
        (iv(100, "about", 0.05), iv(106), False),
        (iv(100, "about", 0.05), iv(105), True),
    ],
)
def test_quantity_agreement(a: Interval, b: Interval, agree: bool) -> None:
    assert intersects(a, b) is agree
    assert intersects(b, a) is agree


@pytest.mark.parametrize(
    ("word", "canonical"),
    [
        ("over", "more-than"),
        ("Up to", "at-most"),
        ("nearly", "almost"),
        ("around", "about"),
        ("exact", "exact"),
        ("no later than", "not-after"),
    ],
)
def test_hedge_synonyms(word: str, canonical: str) -> None:
    assert normalize_hedge(word) == canonical


def test_unknown_hedge_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown hedge"):
        hedge_interval(3, "roughly-ish")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("14,5 thousand", 14500, None),
        ("109.5 thousand", 109500, None),
        ("1,659", 1659, None),
        ("100,000", 100000, None),
        ("$6 million", 6_000_000, "USD"),
        ("3%", 3, "percent"),
        ("57 percent", 57, "percent"),
        ("6.6 million", 6_600_000, None),
        ("2.4", 2.4, None),
        ("1.234,5", 1234.5, None),
    ],
)
def test_parse_quantity(text: str, value: float, unit: str | None) -> None:
    got, got_unit = parse_quantity(text)
    assert math.isclose(got, value)
    assert got_unit == unit


@pytest.mark.parametrize("text", ["", "lots", "1,2,3", "$5%"])
def test_parse_quantity_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_quantity(text)


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


# --- properties ------------------------------------------------------------------------

numbers = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
hedges = st.sampled_from(sorted(HEDGES - {"between"}))
tolerances = st.floats(min_value=0, max_value=1)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    if draw(st.booleans()):
        return hedge_interval((draw(numbers), draw(numbers)), "between")
    return hedge_interval(draw(numbers), draw(hedges), draw(tolerances))


@given(intervals(), intervals())
def test_intersection_is_symmetric(a: Interval, b: Interval) -> None:
    assert intersects(a, b) == intersects(b, a)


@given(intervals())
def test_a_claim_agrees_with_itself(a: Interval) -> None:
    assert intersects(a, a)


@given(numbers, hedges, tolerances)
def test_the_stated_figure_fits_its_hedge_unless_strict(x: float, hedge: str, tol: float) -> None:
    strict = hedge in {"more-than", "less-than", "almost"}
    assert hedge_interval(x, hedge, tol).contains(x) is not strict


@given(intervals(), intervals(), numbers)
def test_a_common_member_means_intersection(a: Interval, b: Interval, x: float) -> None:
    if a.contains(x) and b.contains(x):
        assert intersects(a, b)


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


def test_estimates_and_approximate_ranges() -> None:
    assert normalize_hedge("estimated") == "about"
    assert normalize_hedge("thought to be") == "about"
    assert hedge_interval((10_000, 20_000), "about", 0.1) == Interval(9_000, 22_000)
    with pytest.raises(ValueError, match="between' or 'about'"):
        hedge_interval((1, 2), "more-than")


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
