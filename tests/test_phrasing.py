"""Claims, dates and periods in findings as people write them (factcheck.domain.phrasing)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.model import Claim, Property
from factcheck.domain.phrasing import as_of_text, date_text, describe, period_text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2025", "2025"),
        ("2025-03", "March 2025"),
        ("2025-03-16", "16 Mar 2025"),
        ("2025-12-01", "1 Dec 2025"),
        ("2025-03-16T18:45-04:00", "6:45 pm UTC-4 on 16 Mar 2025"),  # its written zone
        ("2025-13", "2025-13"),  # not a month: as written, never a crash
        ("about then", "about then"),
    ],
)
def test_date_text(text: str, shown: str) -> None:
    assert date_text(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [("2025", "in 2025"), ("2025-03", "in March 2025"), ("2025-02-04", "as of 4 Feb 2025")],
)
def test_as_of_text(text: str, shown: str) -> None:
    assert as_of_text(text) == shown


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2025-03-16", None, "from 16 Mar 2025"),
        (None, "2024", "until 2024"),
        ("2025-03-16", "2025", "from 16 Mar to the end of 2025"),
        ("2013-01", "2023-12", "from January 2013 to December 2023"),
        ("2013", "2023", "from 2013 to 2023"),
        (None, None, "at any time"),
    ],
)
def test_period_text(start: str | None, end: str | None, shown: str) -> None:
    assert period_text(start, end) == shown


@given(st.dates())
def test_every_day_reads_back(day: object) -> None:
    import datetime as dt

    assert isinstance(day, dt.date)
    shown = date_text(day.isoformat())
    # A year is written as people write it: 999, not 0999.
    d, month, year = shown.split(" ")
    assert dt.datetime.strptime(f"{d} {month} {int(year):04d}", "%d %b %Y").date() == day


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
