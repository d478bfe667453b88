"""Dates and periods in findings as people write them (``corpus.date_text`` and kin)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.corpus import as_of_text, date_text, period_text


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
