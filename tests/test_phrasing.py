"""Claims in findings as people write them (factcheck.domain.phrasing); the dates in them
are tested in tests/test_datewords.py."""

from __future__ import annotations

import pytest

from factcheck.domain.model import Claim, Property
from factcheck.domain.phrasing import describe


def _claim(value: object, **extra: object) -> Claim:
    fields = {"id": "c", "subject": "s", "property": "p", "value": value, **extra}
    return Claim.model_validate(fields)


@pytest.mark.parametrize(
    ("value", "extra", "unit", "shown"),
    [
        (
            250,
            {"hedge": "more-than", "as_of": "2025-03-16"},
            "people",
            "more than 250 people (as of 16 Mar 2025)",
        ),
        (40000, {}, "inmates", "40,000 inmates"),
        ([1, 2], {"hedge": "between"}, None, "between 1 and 2"),
        ("57%", {}, "percent", "57%"),  # written as text: its unit shows already
        ("$6 million", {"hedge": "about"}, "USD", "about $6 million"),
        # A scale word is no unit: the figure gets its unit as a plain figure does.
        ("14,5 thousand", {"as_of": "2024-08"}, "people", "14,5 thousand people (in August 2024)"),
        ("6.6 million", {"hedge": "more-than"}, "people", "more than 6.6 million people"),
        (
            ["10 thousand", "20 thousand"],
            {"hedge": "between"},
            "people",
            "between 10 thousand and 20 thousand people",
        ),
        (
            ["$5 million", "$6 million"],
            {"hedge": "between"},
            "USD",
            "between $5 million and $6 million",
        ),
        ("14,5 thousand", {}, None, "14,5 thousand"),
        (
            12,
            {"period": {"start": "2013-01", "end": "2023-12"}},
            None,
            "12 (from January 2013 to December 2023)",
        ),
    ],
)
def test_describe_a_quantity(
    value: object, extra: dict[str, object], unit: str | None, shown: str
) -> None:
    prop = Property(id="p", type="quantity", unit=unit)
    assert describe(_claim(value, **extra), prop, unit) == shown


def test_describe_says_yes_and_no_and_leaves_text_as_written() -> None:
    assert describe(_claim(True), Property(id="p", type="boolean"), None) == "yes"
    assert describe(_claim(False), Property(id="p", type="boolean"), None) == "no"
    assert describe(_claim(1500), Property(id="p", type="text"), None) == "1500"


@pytest.mark.parametrize(
    ("value", "hedge", "shown"),
    [
        ("2023-01", "exact", "January 2023"),
        ("2023-01-31", "exact", "31 Jan 2023"),
        ("2022-03", "before", "before March 2022"),
        ("late 2025-01", "exact", "late January 2025"),
        (
            ["2025-03-15T18:45-04:00", "2025-03-15T18:48-04:00"],
            "between",
            "between 6:45 and 6:48 pm UTC-4 on 15 Mar 2025",
        ),
        (["2025-03-16", "2025-03-20"], "between", "between 16 and 20 Mar 2025"),
    ],
)
def test_describe_a_date(value: object, hedge: str, shown: str) -> None:
    prop = Property(id="p", type="date")
    assert describe(_claim(value, hedge=hedge), prop, None) == shown


@pytest.mark.parametrize("written", ["14,5 thousand", "14500", 14500])
def test_a_figure_shows_its_unit_however_it_is_written(written: object) -> None:
    """The same figure, written with a scale word or as digits, is worded with its unit."""
    prop = Property(id="p", type="quantity", unit="people")
    assert describe(_claim(written), prop, "people").endswith(" people")
