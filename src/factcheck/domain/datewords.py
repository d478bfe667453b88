"""Dates and periods as people write them, for messages meant to be read.

Fact files write dates the ISO way (``2025``, ``2025-03``, ``2025-03-16``,
``2025-03-15T18:45-04:00``, ``late 2025-01``); findings say them as a reporter would:
"in 2025", "in March 2025", "on 16 Mar 2025", "at 6:45 pm UTC-4 on 15 Mar 2025", "from
16 Mar 2025", "from 2019 to 2025", "between 6:45 and 6:48 pm UTC-4 on 15 Mar 2025". A
written time zone is kept as its offset from UTC (a fact file writes no zone name, and
-04:00 is not only New York); an instant computed in UTC says "UTC"; a time without a
zone is a local clock time and says none.

Every function here is pure and total: text that is not a date comes back as it is
(behind the preposition where there is one), so a message is never lost to its wording.
Machine formats (JSON, SARIF) keep the ISO text and never come through here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Final

from factcheck.domain.values import DateSpan

__all__ = [
    "MONTHS",
    "as_of_words",
    "date_words",
    "period_words",
    "range_words",
    "span_words",
    "when_words",
]

#: Month names in English, January first (the HTML report's axes take their first three
#: letters).
MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WRITTEN: Final = re.compile(
    r"^(?:(?P<part>early|mid|late)[\s-]+)?(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"(?P<z>Z|[+-]\d{2}:?\d{2})?)?)?)?$",
    re.IGNORECASE,
)
#: The open ends of a span (``before 2023`` starts at the first instant there is).
_FIRST: Final = datetime(1, 1, 1)
_LAST: Final = datetime(9999, 12, 31, 23, 59)


@dataclass(frozen=True, slots=True)
class _Date:
    """A date to the precision it was written: a year, month, day, minute or second."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    #: ``UTC``, ``UTC-4``, ``UTC+5:30``, or ``""`` for a local clock time.
    zone: str = ""
    #: ``early``, ``mid`` or ``late`` part of a year or month.
    part: str | None = None

    @property
    def calendar(self) -> tuple[int, int | None, int | None]:
        return self.year, self.month, self.day


def _read(text: object) -> _Date | None:
    m = _WRITTEN.match(str(text).strip())
    if m is None:
        return None
    year = int(m["y"])
    month, day = (int(m[k]) if m[k] else None for k in ("m", "d"))
    hour, minute, second = (int(m[k]) if m[k] else None for k in ("H", "M", "S"))
    try:
        datetime(max(year, 1), month or 1, day or 1, hour or 0, minute or 0, second or 0)
    except ValueError:
        return None
    if year < 1 or (m["part"] and day is not None):
        return None
    part = m["part"].lower() if m["part"] else None
    return _Date(year, month, day, hour, minute, second, _zone(m["z"]), part)


def _zone(written: str | None) -> str:
    if not written:
        return ""
    if written.upper() == "Z":
        return "UTC"
    sign, digits = written[0], written[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours == minutes == 0:
        return "UTC"
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def _month(d: _Date) -> str:
    assert d.month is not None
    return MONTHS[d.month - 1]


def _day(d: _Date, *, year: bool = True, month: bool = True) -> str:
    """``16 Mar 2025`` (or without the month and year said elsewhere)."""
    assert d.month is not None and d.day is not None
    words = [str(d.day)]
    if month:
        words.append(_month(d)[:3])
    if year:
        words.append(str(d.year))
    return " ".join(words)


def _clock(d: _Date, *, meridiem: bool = True) -> str:
    """``6:45 pm``, ``6:45:30 pm``, ``12:00 am`` (midnight)."""
    assert d.hour is not None and d.minute is not None
    h = d.hour % 12 or 12
    text = f"{h}:{d.minute:02d}" + (f":{d.second:02d}" if d.second is not None else "")
    return f"{text} {'am' if d.hour < 12 else 'pm'}" if meridiem else text


def _bare(d: _Date) -> str:
    if d.hour is not None:
        zone = f" {d.zone}" if d.zone else ""
        return f"{_clock(d)}{zone} on {_day(d)}"
    if d.day is not None:
        return _day(d)
    text = f"{_month(d)} {d.year}" if d.month is not None else str(d.year)
    return f"{d.part} {text}" if d.part else text


def _when(d: _Date) -> str:
    if d.hour is not None:
        return f"at {_bare(d)}"
    return f"on {_bare(d)}" if d.day is not None else f"in {_bare(d)}"


def date_words(text: object) -> str:
    """A written date as people write it: ``2025``, ``March 2025``, ``16 Mar 2025``,
    ``early 2025``, ``6:45 pm UTC-4 on 15 Mar 2025``; anything else as it is."""
    d = _read(text)
    return str(text) if d is None else _bare(d)


def as_of_words(text: object) -> str:
    """The date a state holds at: ``in 2025``, ``in March 2025``, ``as of 4 Feb 2025``,
    ``as of 6:45 pm UTC on 15 Mar 2025``."""
    d = _read(text)
    if d is None or d.day is not None:
        return f"as of {date_words(text)}"
    return _when(d)


def when_words(text: object) -> str:
    """The time a claim holds, with its preposition: ``in 2025``, ``in March 2025``,
    ``on 16 Mar 2025``, ``at 6:45 pm UTC on 15 Mar 2025`` (``as of ...`` for a text that
    is not a date)."""
    d = _read(text)
    return f"as of {text}" if d is None else _when(d)


def _pair(a: _Date, b: _Date, joint: str) -> str:
    """``a`` and ``b`` said once each, sharing what they share: ``6:45 and 6:48 pm UTC
    on 15 Mar 2025``, ``16 and 20 Mar 2025``, ``January and March 2025``."""
    if a.part or b.part or (a.hour is None) != (b.hour is None):
        return f"{_bare(a)} {joint} {_bare(b)}"
    if a.hour is not None and b.hour is not None:
        if a.calendar != b.calendar or a.zone != b.zone:
            return f"{_bare(a)} {joint} {_bare(b)}"
        zone = f" {a.zone}" if a.zone else ""
        same_half = (a.hour < 12) == (b.hour < 12)
        return f"{_clock(a, meridiem=not same_half)} {joint} {_clock(b)}{zone} on {_day(a)}"
    if (
        a.year != b.year
        or (a.day is None) != (b.day is None)
        or (a.month is None) != (b.month is None)
    ):
        return f"{_bare(a)} {joint} {_bare(b)}"
    if a.day is not None:
        same_month = a.month == b.month
        return f"{_day(a, year=False, month=not same_month)} {joint} {_day(b)}"
    if a.month is not None:
        return f"{_month(a)} {joint} {_month(b)} {b.year}"
    return f"{_bare(a)} {joint} {_bare(b)}"


def range_words(first: object, last: object) -> str:
    """A value written as a range, ``[first, last]``: ``between 6:45 and 6:48 pm UTC-4 on
    15 Mar 2025``, ``between 16 and 20 Mar 2025``, ``between 2019 and 2021``."""
    a, b = _read(first), _read(last)
    if a is None or b is None:
        return f"between {first} and {last}"
    if a == b:
        return _bare(a)
    return f"between {_pair(a, b, 'and')}"


def period_words(start: object, end: object) -> str:
    """The period a claim covers (either end may be ``None``): ``from 2019 to 2025``,
    ``from 16 Mar 2025``, ``until 2024``, ``from January to March 2025``, ``from 16 Mar to
    the end of 2025`` (an end written as a year only: to the end of that year)."""
    if start is None or end is None:
        if start is not None:
            return f"from {date_words(start)}"
        return f"until {date_words(end)}" if end is not None else "at any time"
    a, b = _read(start), _read(end)
    if a is None or b is None:
        return f"from {date_words(start)} to {date_words(end)}"
    if a == b:
        return _when(a)
    if b.month is None and b.part is None and a.month is not None and a.part is None:
        return _to_year_end(a, b.year)
    return f"from {_pair(a, b, 'to')}"


def _to_year_end(a: _Date, year: int) -> str:
    """``from 16 Mar to the end of 2025``: a start within a year, an end written as a year
    (to the end of it)."""
    if a.hour is None and a.year == year:
        shown = _day(a, year=False) if a.day is not None else _month(a)
        return f"from {shown} to the end of {year}"
    return f"from {_bare(a)} to the end of {year}"


def _unit(moment: datetime) -> str:
    """The coarsest calendar unit ``moment`` starts: year, month, day, minute, second."""
    if moment.microsecond:
        return "instant"
    if moment.second:
        return "second"
    if moment.minute or moment.hour:
        return "minute"
    if moment.day != 1:
        return "day"
    return "month" if moment.month != 1 else "year"


_ORDER: Final = ("year", "month", "day", "minute", "second", "instant")


def _at(moment: datetime, unit: str, zone: str) -> _Date:
    d = _Date(moment.year)
    if unit in ("year",):
        return d
    d = replace(d, month=moment.month)
    if unit == "month":
        return d
    d = replace(d, day=moment.day)
    if unit == "day":
        return d
    d = replace(d, hour=moment.hour, minute=moment.minute, zone=zone)
    return d if unit == "minute" else replace(d, second=moment.second)


def _step_back(moment: datetime, unit: str) -> datetime:
    """The start of the ``unit`` just before ``moment`` (an end is exclusive)."""
    if unit == "year":
        return moment.replace(year=moment.year - 1)
    if unit == "month":
        if moment.month == 1:
            return moment.replace(year=moment.year - 1, month=12)
        return moment.replace(month=moment.month - 1)
    step = {"day": timedelta(days=1), "minute": timedelta(minutes=1)}.get(unit)
    return moment - (step or timedelta(seconds=1))


def span_words(span: DateSpan) -> str:
    """A span of instants with its preposition: ``in 2025``, ``in March 2025``, ``on 16
    Mar 2025``, ``from 2019 to 2025``, ``before 2023``, ``from 16 Mar 2025``, ``between
    6:45 and 6:48 pm UTC on 15 Mar 2025``, ``at any time``."""
    start, end = span.start, span.end
    zone = "UTC" if span.zoned else ""
    open_start, open_end = start <= _FIRST, end >= _LAST
    if open_start and open_end:
        return "at any time"
    if open_start:
        unit = _unit(end)
        if unit == "instant":
            return f"before {end.isoformat()}"
        return f"before {_bare(_at(end, unit, zone))}"
    unit = _unit(start)
    if unit == "instant":
        return f"from {start.isoformat()}" + ("" if open_end else f" to {end.isoformat()}")
    if open_end:
        return f"from {_bare(_at(start, unit, zone))}"
    if end <= start:
        return f"at {start.isoformat()}"
    unit = max(unit, _unit(end), key=_ORDER.index)
    if unit == "instant":
        return f"from {start.isoformat()} to {end.isoformat()}"
    a, b = _at(start, unit, zone), _at(_step_back(end, unit), unit, zone)
    if a == b:
        return _when(a)
    return f"between {_pair(a, b, 'and')}" if a.hour is not None else f"from {_pair(a, b, 'to')}"
