"""Strategies for claim values (factcheck.testing.values): every date drawn reads, every
figure drawn suits its hedge."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck import PartialDate
from factcheck.domain.corpus import date_claim_span
from factcheck.domain.values import DATE_HEDGES, HEDGES, hedge_interval, parse_quantity
from factcheck.testing.values import (
    DATE_HEDGE_NAMES,
    QUANTITY_HEDGES,
    clock_times,
    date_values,
    partial_dates,
    quantity_values,
)


def test_hedge_names_are_the_canonical_ones_in_order() -> None:
    assert tuple(sorted(HEDGES)) == QUANTITY_HEDGES
    assert tuple(sorted(DATE_HEDGES)) == DATE_HEDGE_NAMES


@given(partial_dates())
def test_partial_dates_parse(text: str) -> None:
    assert PartialDate.parse(text).span().start.year >= 1900


@given(st.integers(1, 9000).flatmap(lambda y: st.tuples(st.just(y), partial_dates(y, y + 5))))
def test_partial_dates_keep_to_their_years(drawn: tuple[int, str]) -> None:
    first, text = drawn
    assert first <= PartialDate.parse(text).year <= first + 5


@given(clock_times())
def test_clock_times_are_times(text: str) -> None:
    date = PartialDate.parse(text)
    assert date.precision == "time"
    assert date.zoned == text.endswith(("Z", "+00:00", "-05:00", "+05:30"))


@given(date_values())
def test_date_values_are_readable_dates(value: object) -> None:
    hedge = "between" if isinstance(value, tuple) else "exact"
    span = date_claim_span(value, hedge)
    assert span.start < span.end


@given(
    st.sampled_from(QUANTITY_HEDGES).flatmap(lambda h: st.tuples(st.just(h), quantity_values(h)))
)
def test_quantity_values_suit_their_hedge(drawn: tuple[str, object]) -> None:
    hedge, value = drawn
    if isinstance(value, str):
        number, _unit = parse_quantity(value)
        interval = hedge_interval(number, hedge)
    else:
        assert isinstance(value, int | float | tuple)
        # A pair is drawn only where a pair means something: between, or about a range.
        assert not isinstance(value, tuple) or hedge in ("between", "about")
        assert hedge != "between" or isinstance(value, tuple)
        interval = hedge_interval(value, hedge)
    assert interval.lo <= interval.hi
