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
        ("2025-03", "Mar 2025"),
        ("2025-03-16", "16 Mar 2025"),
        ("2025-12-01", "1 Dec 2025"),
        ("2025-03-16T18:45-04:00", "2025-03-16T18:45-04:00"),  # a moment: as written
        ("2025-13", "2025-13"),  # not a month: as written, never a crash
        ("about then", "about then"),
    ],
)
def test_date_text(text: str, shown: str) -> None:
    assert date_text(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [("2025", "in 2025"), ("2025-03", "in Mar 2025"), ("2025-02-04", "as of 4 Feb 2025")],
)
def test_as_of_text(text: str, shown: str) -> None:
    assert as_of_text(text) == shown


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2025-03-16", None, "from 16 Mar 2025"),
        (None, "2024", "until 2024"),
        ("2025-03-16", "2025", "from 16 Mar 2025 through 2025"),
        ("2013-01", "2023-12", "from Jan 2013 to Dec 2023"),
        ("2013", "2023", "from 2013 through 2023"),
        (None, None, "at some time"),
    ],
)
def test_period_text(start: str | None, end: str | None, shown: str) -> None:
    assert period_text(start, end) == shown


@given(st.dates())
def test_every_day_reads_back(day: object) -> None:
    import datetime as dt

    assert isinstance(day, dt.date)
    shown = date_text(day.isoformat())
    assert dt.datetime.strptime(shown, "%d %b %Y").date() == day


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
            "12 (from Jan 2013 to Dec 2023)",
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
