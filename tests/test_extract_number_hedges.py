"""factcheck.extract.number_hedges: hedges, ranges, changes and conversions around figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import find_mentions


@pytest.mark.parametrize(
    ("text", "values", "unit", "hedge"),
    [
        # a bound said before the figure, or after it
        ("more than 250 people", [250], None, "more-than"),
        ("men aged 14 and older", [14], None, "at-least"),
        ("250 or more people", [250], None, "at-least"),
        ("5 or fewer cases", [5], None, "at-most"),
        ("children 12 and under", [12], None, "at-most"),
        # "and more than" begins another figure's hedge, "and up to" another's bound
        ("3 and more than 4", [3, 4], None, "exact"),
        ("15 and up to 20", [15, 20], None, "exact"),
        # a range is one figure
        ("between 10 and 20 people", [(10, 20)], None, "between"),
        # "from A to B unit": the unit is written once, for both
        ("cut from 40 to 10 minutes", [40, 10], "minutes", "exact"),
        # "by A to B": the change, then the figure changed to, not a range
        ("it lifted its forecast by 700 to 6200 units", [700, 6200], None, "exact"),
        # a bracketed conversion is the same figure
        ("a depth of 36.3 km (22.7 miles)", [36.3], "km", "exact"),
        ("winds near 130 mph (215 km/h) with higher gusts", [130], "mph", "exact"),
        ("the minimum central pressure is 953 mb (28.15 inches).", [953], "mbar", "exact"),
        ("cell space covers 6 acres (2.4 ha) in all", [6], "acres", "exact"),
        ("surrounded by 3-meter-tall (9.8 ft) walls", [3], "m", "exact"),
        # a temperature's conversion too, with its scale or with none in the brackets
        ("a reading of 77 degrees Fahrenheit (25 Celsius)", [77], None, "exact"),
        ("it climbed to 86 degrees (30) near the finish", [86], "deg", "exact"),
        # a bracketed figure after a count is no conversion
        ("it hit 4 runs (3 of them late)", [4, 3], None, "exact"),
    ],
)
def test_hedges(text: str, values: list[object], unit: str | None, hedge: str) -> None:
    found = find_mentions(text)
    assert [m.value for m in found] == values
    assert found[0].unit == unit
    assert found[0].hedge == hedge


@given(
    st.integers(1, 10**6),
    st.sampled_from(["", "more than ", "about ", "up to ", "at least "]),
    st.sampled_from(["", " and older", " or more", " or fewer"]),
)
def test_a_hedge_never_changes_the_value(n: int, before: str, after: str) -> None:
    [m] = find_mentions(f"counted {before}{n:,}{after} people")
    assert m.value == n
    assert (m.hedge == "exact") == (not before and not after)


@given(
    st.integers(1, 10**5),
    st.integers(1, 10**5),
    st.sampled_from(["rose", "was raised", "lifted its forecast"]),
)
def test_by_a_to_b_is_a_change_and_a_level(a: int, b: int, verb: str) -> None:
    """ "rose by 20 to 210": two figures, the first a change, whatever their order."""
    found = find_mentions(f"It {verb} by {a:,} to {b:,} this year.")
    assert [m.value for m in found] == [a, b]
    assert "change" in found[0].flags
    assert "change" not in found[1].flags


@given(st.integers(0, 130), st.integers(0, 55), st.sampled_from(["", " Celsius", " C"]))
def test_a_temperature_converted_in_brackets_is_one_figure(f: int, c: int, scale: str) -> None:
    found = find_mentions(f"It was {f} degrees Fahrenheit ({c}{scale}) at noon.")
    assert [m.value for m in found if m.kind == "quantity"] == [f]
