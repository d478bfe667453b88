"""Figures as people write them (factcheck.domain.quantities)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.quantities import (
    parse_number,
    parse_quantity,
    written_interval,
    written_step,
)


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
    ("text", "value"),
    [("1,659", 1659), ("14,5", 14.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("-3", -3)],
)
def test_parse_number_reads_the_comma_as_people_mean_it(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("written", "step"),
    [
        (8848, 1),
        (40000, 10000),
        ("40,000", 10000),
        (2.4, 0.1),
        ("14.5 thousand", 100),
        ("14,5 thousand", 100),
        ("2.50", 0.01),
        (0, 1),
    ],
)
def test_written_step_is_the_last_significant_place(written: float | str, step: float) -> None:
    assert math.isclose(written_step(written), step)


@given(st.integers(1, 10**9))
def test_a_whole_figure_is_within_half_a_step_of_itself(n: int) -> None:
    interval = written_interval(n, n)
    step = written_step(n)
    assert interval.contains(n)
    assert interval.hi - interval.lo == pytest.approx(step)
    assert n % step == 0


@given(st.integers(0, 10**12), st.sampled_from(["", " thousand", " million", "%", " percent"]))
def test_written_figures_read_back(n: int, suffix: str) -> None:
    text = f"{n:,}{suffix}"
    value, unit = parse_quantity(text)
    scale = {" thousand": 1e3, " million": 1e6}.get(suffix, 1)
    assert value == pytest.approx(n * scale)
    assert unit == ("percent" if "%" in suffix or "percent" in suffix else None)
