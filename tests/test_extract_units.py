"""factcheck.extract.units: the unit the word after a figure names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import find_mentions
from factcheck.extract.units import is_measure, shared_unit, unit_after


def _unit_of(text: str, figure: str) -> str | None:
    at = text.index(figure) + len(figure)
    return unit_after(text, at, len(text))


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("wind from 190 degrees at 29 knots", "190", "deg"),
        ("wind from 190 degrees at 29 knots", "29", "knots"),
        ("approaching the coast at 9 mph", "9", "mph"),
        ("the glider was about 0.8 nm north-northeast of Sparks", "0.8", "nmi"),
        ("about 1.6 nm and 007 degrees from the main wreckage", "1.6", "nmi"),
        ("sailed 40 nautical miles out", "40", "nmi"),
        ("few clouds at 10,000 feet", "10,000", "ft"),
        ("a 14-day period", "14", "days"),
        # speeds before the distances they begin with, pressures as weather services write them
        ("near 130 mph (215 km/h) with higher gusts", "215", "km/h"),
        ("MAXIMUM SUSTAINED WINDS...130 MPH...215 KM/H", "215", "km/h"),
        ("moving at 13 miles per hour", "13", "mph"),
        ("a minimum central pressure of 938 mb.", "938", "mbar"),
        ("pressure fell to 1013 hPa", "1013", "hPa"),
        ("953 mb (28.15 inches)", "28.15", "inches"),
        ("about 1 inch of rain", "1", "inches"),
        # the short forms of a figure converted in brackets
        ("covers 6 acres (2.4 ha) in all", "2.4", "hectares"),
        ("0.6 square metres (6.5 sq ft) each", "6.5", "square feet"),
        ("3-meter-tall (9.8 ft) walls", "9.8", "ft"),
        ("60-centimeter-thick (24 in) walls", "60", "cm"),
        ("60-centimeter-thick (24 in) walls", "24", "inches"),
    ],
)
def test_unit_words(text: str, figure: str, unit: str) -> None:
    assert _unit_of(text, figure) == unit


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a temperature is no angle: no unit rather than a wrong one
        ("a starting temperature of about 16 degrees with 58 percent humidity", "16"),
        ("It climbed to nearly 86 degrees (30 Celsius).", "86"),
        ("a reading of 77 degrees Fahrenheit", "77"),
        # nanometres, not nautical miles: no direction or "from" after "nm"
        ("a 7 nm process", "7"),
        # "in" is a unit only closing a bracket: not a preposition
        ("He scored 5 in the first half", "5"),
    ],
)
def test_no_unit_rather_than_a_wrong_one(text: str, figure: str) -> None:
    assert _unit_of(text, figure) is None


def test_two_figures_share_the_unit_written_after_the_second() -> None:
    text = "broken clouds at 15,000 and 25,000 feet"
    found = [m for m in find_mentions(text) if m.kind == "quantity"]
    assert [(m.value, m.unit) for m in found] == [(15000, "ft"), (25000, "ft")]


def test_a_figure_joined_by_a_comma_does_not_share_the_unit() -> None:
    text = "In 12 cities, 40 miles of road were closed"
    found = [m for m in find_mentions(text) if m.kind == "quantity"]
    assert [m.unit for m in found] == [None, "miles"]


@given(st.sampled_from(["and", "or", "to", "-"]), st.sampled_from(["feet", "miles", "knots"]))
def test_joining_words_share_a_unit(joiner: str, word: str) -> None:
    text = f"at 15 {joiner} 25 {word}"
    assert shared_unit(text, (3, 5), (text.rindex("25"), text.rindex("25") + 2))


@pytest.mark.parametrize(
    ("unit", "measure"),
    [
        ("ft", True),
        ("acres", True),
        ("degF", True),
        ("USD", True),
        ("percent", True),
        ("days", True),
        ("knots", True),
        ("percentage points", True),
        ("prisoners per 100,000", True),
        ("people", False),
        ("flights", False),
        ("satellites", False),
        ("structures", False),
    ],
)
def test_measures_and_counted_nouns(unit: str, measure: bool) -> None:
    assert is_measure(unit) is measure
