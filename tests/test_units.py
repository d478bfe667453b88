"""Quantities compared across units (factcheck.domain.units), with properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import Interval
from factcheck.domain import units
from factcheck.domain.units import comparable, in_common

P = Interval.point


@pytest.mark.parametrize(
    ("a", "a_unit", "b", "b_unit", "expected"),
    [
        # Everest written to the metre and to the foot
        (Interval(8847.5, 8848.5), "m", Interval(29028.5, 29029.5), "ft", True),
        (P(8848), "m", P(30000), "ft", False),  # a real cross-unit contradiction
        (P(1), "km", P(1000), "m", True),
        (P(5), "m", P(5), "kg", None),  # different dimensions
        (P(40000), "inmates", P(40000), "people", None),  # nouns pint does not know
        (P(3), "people", P(3), "people", True),
    ],
)
def test_comparable(
    a: Interval, a_unit: str, b: Interval, b_unit: str, expected: bool | None
) -> None:
    assert comparable(a, a_unit, b, b_unit) is expected


finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@given(finite, st.sampled_from(["m", "km", "ft", "mile"]), st.sampled_from(["m", "km", "ft"]))
def test_a_figure_and_its_exact_conversion_always_meet(x: float, unit: str, other: str) -> None:
    a, b = in_common(P(x), unit, P(x), unit)
    assert comparable(a, unit, b, unit) is True
    # symmetric, whatever the units
    assert comparable(P(x), unit, P(x + 1), other) == comparable(P(x + 1), other, P(x), unit)


def _pint_reads(unit: str) -> bool:
    try:
        units._registry().parse_units(unit)
    except Exception:  # pint raises several unrelated types for text it cannot read
        return False
    return True


UNIT_WORDS = [
    "people", "inmates", "cells", "m", "metres", "km/h", "ft", "feet", "hectares", "m2",
    "per 100k", "times", "USD", "percent", "%", "kg/m^2", "square metres", "°C", "degC",
    "miles per hour", "US_survey_foot", "kilometre", "sq ft", "acres", "mph", "kmh",
    "megawatts", "GW", "tonnes", "lb", "inch", "in", "yards", "nautical_mile", "knots",
]  # fmt: skip


@pytest.mark.parametrize("unit", UNIT_WORDS)
def test_the_shortcut_says_unknown_only_when_pint_cannot_read_it(unit: str) -> None:
    if not units._pint_may_know(unit):
        assert not _pint_reads(unit)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ /^*2", max_size=12))
def test_the_shortcut_never_hides_a_unit_pint_reads(unit: str) -> None:
    if not units._pint_may_know(unit):
        assert not _pint_reads(unit)


def test_count_nouns_are_compared_without_building_the_registry() -> None:
    units._registry.cache_clear()
    units._base.cache_clear()
    assert in_common(P(1), "people", P(2), "inmates") == (P(1), P(2))
    assert comparable(P(1), "people", P(1), "inmates") is None
    assert units._registry.cache_info().currsize == 0
    assert comparable(P(1), "km", P(1000), "m") is True  # a real unit still converts


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("mi", "miles", True),
        ("min", "minutes", True),
        ("s", "seconds", True),
        ("lb", "pounds", True),
        ("inmates", "inmates", True),
        ("deg", "degF", False),  # an angle is no temperature
        ("t", "tons", False),  # a tonne is no short ton
        ("min", "m", False),
        ("inmates", "people", False),  # count nouns only as written
    ],
)
def test_same_unit(a: str, b: str, same: bool) -> None:
    assert units.same_unit(a, b) is same


SPELLINGS = [
    "mi",
    "miles",
    "mile",
    "km",
    "kilometers",
    "min",
    "minutes",
    "s",
    "seconds",
    "h",
    "hours",
    "lb",
    "pounds",
    "ft",
    "feet",
    "deg",
    "degF",
    "inmates",
    "people",
]


@given(st.sampled_from(SPELLINGS), st.sampled_from(SPELLINGS), finite)
def test_one_unit_in_two_spellings_gives_the_same_figure(a: str, b: str, x: float) -> None:
    """Symmetric, and a figure in one spelling is the same figure in the other."""
    assert units.same_unit(a, b) is units.same_unit(b, a)
    if units.same_unit(a, b):
        assert comparable(P(x), a, P(x), b) is True


@given(st.text())
def test_pint_words_are_the_runs_of_ascii_letters_and_underscores(text: str) -> None:
    # What re.findall(r"[A-Za-z_]+", text) gives: a non-ASCII letter ("é") separates words.
    assert units._words(text.encode()) == re.findall(r"[A-Za-z_]+", text)


def test_pint_words_are_read_from_its_definition_files() -> None:
    words = units._pint_words()
    assert words is not None
    assert {"metre", "foot", "hectare", "kilo"} <= words
