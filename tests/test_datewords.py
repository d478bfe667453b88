"""Dates and periods as people write them: every precision, and never an exception."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.datewords import (
    as_of_words,
    date_words,
    period_words,
    range_words,
    span_words,
    when_words,
)
from factcheck.domain.values import DateSpan, PartialDate, date_range, date_span
from factcheck.testing.strategies import clock_times, date_values, partial_dates

#: What an ISO date looks like: readable wording never shows one.
ISO = re.compile(r"\d{4}-\d{2}")


@pytest.mark.parametrize(
    ("written", "bare", "when"),
    [
        ("2025", "2025", "in 2025"),
        ("2025-03", "March 2025", "in March 2025"),
        ("2025-03-16", "16 Mar 2025", "on 16 Mar 2025"),
        ("early 2025", "early 2025", "in early 2025"),
        ("late 2025-01", "late January 2025", "in late January 2025"),
        ("2025-03-15T18:45", "6:45 pm on 15 Mar 2025", "at 6:45 pm on 15 Mar 2025"),
        ("2025-03-15T18:45-04:00", "6:45 pm UTC-4 on 15 Mar 2025", None),
        ("2025-03-15T00:05:30Z", "12:05:30 am UTC on 15 Mar 2025", None),
        ("2025-03-15T12:00+05:30", "12:00 pm UTC+5:30 on 15 Mar 2025", None),
        ("2025-03-15T12:00+00:00", "12:00 pm UTC on 15 Mar 2025", None),
        ("not a date", "not a date", "as of not a date"),
        ("2025-02-30", "2025-02-30", "as of 2025-02-30"),
    ],
)
def test_each_precision(written: str, bare: str, when: str | None) -> None:
    assert date_words(written) == bare
    if when is not None:
        assert when_words(written) == when


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("2025", "in 2025"),
        ("2025-03", "in March 2025"),
        ("2025-02-04", "as of 4 Feb 2025"),
        ("2025-03-15T18:45Z", "as of 6:45 pm UTC on 15 Mar 2025"),
        ("soon", "as of soon"),
    ],
)
def test_as_of(written: str, words: str) -> None:
    assert as_of_words(written) == words


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [
        (
            "2025-03-15T18:45-04:00",
            "2025-03-15T18:48-04:00",
            "between 6:45 and 6:48 pm UTC-4 on 15 Mar 2025",
        ),
        ("2025-03-15T11:45", "2025-03-15T12:10", "between 11:45 am and 12:10 pm on 15 Mar 2025"),
        ("2025-03-16", "2025-03-20", "between 16 and 20 Mar 2025"),
        ("2025-03-16", "2025-04-02", "between 16 Mar and 2 Apr 2025"),
        ("2025-01", "2025-03", "between January and March 2025"),
        ("2019", "2021", "between 2019 and 2021"),
        ("2024-12-30", "2025-01-02", "between 30 Dec 2024 and 2 Jan 2025"),
        ("2025", "2025", "2025"),
    ],
)
def test_ranges(first: str, last: str, words: str) -> None:
    assert range_words(first, last) == words


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2019", "2025", "from 2019 to 2025"),
        ("2025-03-16", None, "from 16 Mar 2025"),
        (None, "2024", "until 2024"),
        (None, None, "at any time"),
        ("2025-03-16", "2025", "from 16 Mar to the end of 2025"),
        ("2025-03-16", "2026", "from 16 Mar 2025 to the end of 2026"),
        ("2025-03", "2025", "from March to the end of 2025"),
        ("2013-01", "2023-12", "from January 2013 to December 2023"),
        ("2025-01", "2025-03", "from January to March 2025"),
        ("2025", "2025", "in 2025"),
    ],
)
def test_periods(start: str | None, end: str | None, words: str) -> None:
    assert period_words(start, end) == words


D = datetime


@pytest.mark.parametrize(
    ("span", "words"),
    [
        ((D(2025, 1, 1), D(2026, 1, 1)), "in 2025"),
        ((D(2025, 3, 1), D(2025, 4, 1)), "in March 2025"),
        ((D(2025, 3, 16), D(2025, 3, 17)), "on 16 Mar 2025"),
        ((D(2019, 1, 1), D(2026, 1, 1)), "from 2019 to 2025"),
        ((D(2025, 1, 1), D(2025, 4, 1)), "from January to March 2025"),
        ((D(2025, 3, 16), D(2026, 1, 1)), "from 16 Mar to 31 Dec 2025"),
        ((D(1, 1, 1), D(2023, 1, 1)), "before 2023"),
        ((D(2025, 3, 16), D(9999, 12, 31, 23, 59)), "from 16 Mar 2025"),
        ((D(1, 1, 1), D(9999, 12, 31, 23, 59)), "at any time"),
    ],
)
def test_spans(span: tuple[datetime, datetime], words: str) -> None:
    assert span_words(DateSpan(*span)) == words


def test_zoned_spans_say_utc() -> None:
    start = D(2025, 3, 15, 18, 45)
    assert span_words(DateSpan(start, start + timedelta(minutes=4), zoned=True)) == (
        "between 6:45 and 6:48 pm UTC on 15 Mar 2025"
    )
    assert span_words(DateSpan(start, start + timedelta(minutes=1))) == "at 6:45 pm on 15 Mar 2025"


anything = st.one_of(st.text(max_size=30), st.integers(), st.none(), date_values())


@given(anything)
def test_never_raises_and_keeps_what_it_cannot_read(value: object) -> None:
    assert isinstance(date_words(value), str)
    assert str(value) in when_words(value) or not ISO.search(when_words(value))


@given(anything, anything)
def test_pairs_never_raise(a: object, b: object) -> None:
    assert isinstance(range_words(a, b), str)
    assert isinstance(period_words(a, b), str)


@given(st.one_of(partial_dates(1, 9998), clock_times(1, 9998), date_values(1, 9998)))
def test_every_written_date_reads_without_iso(written: object) -> None:
    if isinstance(written, tuple):  # a range [first, last]
        assert not ISO.search(range_words(*written)), written
        return
    text = str(written)
    assert not ISO.search(date_words(text)), text
    assert not ISO.search(when_words(text)), text


@given(partial_dates(1, 9998), partial_dates(1, 9998))
def test_periods_and_ranges_of_dates_read_without_iso(a: str, b: str) -> None:
    for words in (period_words(a, b), range_words(a, b), period_words(a, None)):
        assert not ISO.search(words), words


@given(
    st.one_of(partial_dates(2, 9998), clock_times(2, 9998)),
    st.sampled_from(["exact", "before", "after", "not-before", "not-after"]),
)
def test_the_span_of_a_written_date_reads_as_that_date(written: str, hedge: str) -> None:
    date = PartialDate.parse(written)
    span = date_span(date, hedge)
    words = span_words(span)
    assert not ISO.search(words), words
    if hedge == "exact" and date.instant is None:
        assert words == when_words(written)


@given(partial_dates(2, 9998), partial_dates(2, 9998))
def test_a_range_span_names_both_ends(a: str, b: str) -> None:
    first, last = sorted((a, b), key=lambda t: PartialDate.parse(t).span().start)
    try:
        span = date_range(PartialDate.parse(first), PartialDate.parse(last))
    except ValueError:
        return
    words = span_words(span)
    assert str(PartialDate.parse(first).year) in words
    assert str(PartialDate.parse(last).year) in words or span.end.year == 9999


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
def test_date_words_as_findings_say_them(text: str, shown: str) -> None:
    assert date_words(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [("2025", "in 2025"), ("2025-03", "in March 2025"), ("2025-02-04", "as of 4 Feb 2025")],
)
def test_as_of_words_as_findings_say_them(text: str, shown: str) -> None:
    assert as_of_words(text) == shown


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
def test_period_words_as_findings_say_them(start: str | None, end: str | None, shown: str) -> None:
    assert period_words(start, end) == shown


@given(st.dates())
def test_every_day_reads_back(day: object) -> None:
    import datetime as dt

    assert isinstance(day, dt.date)
    shown = date_words(day.isoformat())
    # A year is written as people write it: 999, not 0999.
    d, month, year = shown.split(" ")
    assert dt.datetime.strptime(f"{d} {month} {int(year):04d}", "%d %b %Y").date() == day
