"""Strategies for claim values: partial dates, times, date ranges, and figures as they
are written (numbers, "14 thousand", pairs) for each hedge."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Final

from hypothesis import strategies as st

from factcheck.domain.values import DATE_HEDGES, HEDGES

__all__ = [
    "DATE_HEDGE_NAMES",
    "QUANTITY_HEDGES",
    "clock_times",
    "date_values",
    "partial_dates",
    "quantity_values",
]

#: Quantity hedges (canonical names), in a stable order for shrinking.
QUANTITY_HEDGES: Final = tuple(sorted(HEDGES))
#: Date hedges (canonical names), in a stable order for shrinking.
DATE_HEDGE_NAMES: Final = tuple(sorted(DATE_HEDGES))


def partial_dates(min_year: int = 1900, max_year: int = 2100) -> st.SearchStrategy[str]:
    """Partial dates as written in fact files: ``2023``, ``2023-01`` or ``2023-01-31``."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        year = draw(st.integers(min_year, max_year))
        precision = draw(st.sampled_from(("year", "month", "day")))
        if precision == "year":
            return f"{year:04d}"
        month = draw(st.integers(1, 12))
        if precision == "month":
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{draw(st.integers(1, 28)):02d}"

    return build()


def clock_times(min_year: int = 1900, max_year: int = 2100) -> st.SearchStrategy[str]:
    """Times as written in fact files: to the minute or second, with a zone or without."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        day = draw(partial_dates(min_year, max_year).filter(lambda d: len(d) == 10))
        text = f"{day}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
        if draw(st.booleans()):
            text += f":{draw(st.integers(0, 59)):02d}"
        zone = draw(st.sampled_from(("", "Z", "+00:00", "-05:00", "+05:30")))
        return text + zone

    return build()


def date_values(min_year: int = 1900, max_year: int = 2100) -> st.SearchStrategy[Any]:
    """A value for a date claim: a partial date, a time, ``early``/``mid``/``late`` of a
    year or month, or a range ``(first, last)`` (hedge ``between``)."""
    single = st.one_of(
        partial_dates(min_year, max_year),
        clock_times(min_year, max_year),
        st.builds(
            lambda part, d: f"{part} {d}",
            st.sampled_from(("early", "mid", "late")),
            partial_dates(min_year, max_year).filter(lambda d: len(d) < 10),
        ),
    )

    @st.composite
    def ranged(draw: st.DrawFn) -> tuple[str, str]:
        day = draw(partial_dates(min_year, max_year).filter(lambda d: len(d) == 10))
        start = datetime.fromisoformat(day) + timedelta(minutes=draw(st.integers(0, 1439)))
        last = start + timedelta(minutes=draw(st.integers(0, 600)))
        return start.isoformat(timespec="minutes"), last.isoformat(timespec="minutes")

    return st.one_of(single, ranged())


def _numbers() -> st.SearchStrategy[int | float]:
    return st.one_of(
        st.integers(-1_000, 10_000_000),
        st.floats(-1e3, 1e7, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 3)),
    )


def quantity_values(hedge: str) -> st.SearchStrategy[Any]:
    """A value for a quantity claim with ``hedge``: a number, a scaled text, or a pair."""
    if hedge == "between":
        return st.tuples(_numbers(), _numbers()).map(lambda p: (min(p), max(p)))
    pair = st.tuples(_numbers(), _numbers()).map(lambda p: (min(p), max(p)))
    scaled = st.builds(
        lambda n, scale: f"{n} {scale}",
        st.integers(1, 999),
        st.sampled_from(("thousand", "million")),
    )
    if hedge == "about":  # "some 10,000 to 20,000"
        return st.one_of(_numbers(), scaled, pair)
    return st.one_of(_numbers(), scaled)
