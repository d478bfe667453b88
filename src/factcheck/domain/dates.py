"""Dates with precision: partial dates ("2023-01", "late 2025"), times with or without a
zone, the spans of instants they cover, hedged dates ("before 2023") and how two spans
compare (before, after, or can't tell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Final

from factcheck.domain.hedges import DATE_HEDGES, normalize_hedge

__all__ = [
    "DateSpan",
    "Order",
    "PartialDate",
    "aligned",
    "compare_dates",
    "date_range",
    "date_span",
    "spans_overlap",
]


class Order(Enum):
    """Three-valued comparison of two times."""

    BEFORE = "before"
    AFTER = "after"
    UNKNOWN = "can't tell"


_DATE_RE: Final = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?P<t>[T ]\d{2}:\d{2}(?P<s>:\d{2}(?P<f>\.\d+)?)?"
    r"(?P<z>Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)
_PART_RE: Final = re.compile(r"^(?P<part>early|mid|late)[\s-]+(?P<rest>.+)$", re.IGNORECASE)
#: Parts of a year (months) and of a month (days) that "early", "mid" and "late" cover.
_YEAR_PARTS: Final = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_MONTH_PARTS: Final = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
# The earliest and latest local time a calendar day can cover anywhere on earth, used when
# a day with no time zone is compared with a zoned timestamp.
_ZONE_SLACK_BEFORE: Final = timedelta(hours=14)
_ZONE_SLACK_AFTER: Final = timedelta(hours=12)
_MIN: Final = datetime(1, 1, 1)
_MAX: Final = datetime(9999, 12, 31, 23, 59)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to year, month or day precision, or a timestamp with a time zone.

    ``PartialDate.parse("2023-01")`` is January 2023: every instant of that month.
    """

    year: int
    month: int | None = None
    day: int | None = None
    instant: datetime | None = None  # naive: UTC when zoned, else the local clock time
    #: How long a written time lasts: a minute unless seconds (or fractions) are written.
    resolution: timedelta = timedelta(minutes=1)
    #: Whether a time has a zone; a calendar date is never zoned.
    zoned: bool = True
    #: ``early``, ``mid`` or ``late`` part of a month or year.
    part: str | None = None

    @classmethod
    def parse(cls, text: str | int) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, an ISO time (with or without a
        zone: ``2025-03-15T18:45``, ``2025-03-15T18:45:30-05:00``) or ``early``/``mid``/
        ``late`` before a year or month (``late 2025-01``)."""
        s = str(text).strip()
        part = None
        if (p := _PART_RE.match(s)) is not None:
            part, s = p["part"].lower(), p["rest"].strip()
        m = _DATE_RE.match(s)
        if not m:
            raise ValueError(
                f"not a date: {s!r} (write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM with "
                "an optional zone, or early/mid/late YYYY or YYYY-MM)"
            )
        if part is not None and m["d"]:
            raise ValueError(f"early/mid/late applies to a year or a month, not {s!r}")
        year, month, day = _calendar(m, s)
        try:
            instant, resolution, zoned = _clock(m, s)
            result = cls(year, month, day, instant, resolution, zoned, part)
            # Checks use the span; a date at the edge of the calendar (9999-12-31) has none.
            result.span()
        except OverflowError:
            raise ValueError(f"date out of range in {s!r}") from None
        return result

    @property
    def precision(self) -> str:
        if self.instant is not None:
            return "time"
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def span(self) -> DateSpan:
        """The instants this date covers, as a half-open span: a written time covers its
        minute (or second), ``late 2025-01`` the 21st to the end of January."""
        if self.instant is not None:
            return DateSpan(self.instant, self.instant + self.resolution, zoned=self.zoned)
        if self.part is not None:
            return self._part_span()
        if self.month is None:
            return DateSpan(datetime(self.year, 1, 1), _next_year(self.year))
        start = datetime(self.year, self.month, self.day or 1)
        if self.day is not None:
            return DateSpan(start, start + timedelta(days=1))
        end = _next_year(self.year) if self.month == 12 else datetime(self.year, self.month + 1, 1)
        return DateSpan(start, end)

    def _part_span(self) -> DateSpan:
        assert self.part is not None
        whole = PartialDate(self.year, self.month).span()
        if self.month is None:
            first, last = _YEAR_PARTS[self.part]
            start = datetime(self.year, first, 1)
            end = whole.end if last == 12 else datetime(self.year, last + 1, 1)
            return DateSpan(start, end)
        first, last = _MONTH_PARTS[self.part]
        start = datetime(self.year, self.month, first)
        end = whole.end if last == 31 else datetime(self.year, self.month, last + 1)
        return DateSpan(start, end)

    def __str__(self) -> str:
        if self.instant is not None:
            spec = "minutes" if self.resolution >= timedelta(minutes=1) else "auto"
            return self.instant.isoformat(timespec=spec) + ("Z" if self.zoned else "")
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        text = "-".join(parts)
        return f"{self.part} {text}" if self.part else text


def _calendar(m: re.Match[str], s: str) -> tuple[int, int | None, int | None]:
    """Year, month and day of a date matched by ``_DATE_RE``, each checked."""
    year = int(m["y"])
    month = int(m["m"]) if m["m"] else None
    day = int(m["d"]) if m["d"] else None
    if year < 1:
        raise ValueError(f"year out of range in {s!r}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month out of range in {s!r}")
    if day is not None:
        try:
            datetime(year, month or 1, day)
        except ValueError:
            raise ValueError(f"day out of range in {s!r}") from None
    return year, month, day


def _clock(m: re.Match[str], s: str) -> tuple[datetime | None, timedelta, bool]:
    """The instant a matched date names (UTC when zoned), how long it lasts, whether it
    is zoned; no instant for a calendar date."""
    if not m["t"]:
        return None, timedelta(minutes=1), True
    stamp = datetime.fromisoformat(s.replace(" ", "T").replace("Z", "+00:00"))
    zoned = stamp.tzinfo is not None
    instant = stamp.astimezone(UTC).replace(tzinfo=None) if zoned else stamp
    if m["f"]:
        return instant, timedelta(microseconds=1), zoned
    if m["s"]:
        return instant, timedelta(seconds=1), zoned
    return instant, timedelta(minutes=1), zoned


def _next_year(year: int) -> datetime:
    return _MAX if year >= 9999 else datetime(year + 1, 1, 1)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A half-open span of instants ``[start, end)``; ``zoned`` when it came from a timestamp."""

    start: datetime
    end: datetime
    zoned: bool = False

    def __str__(self) -> str:
        if self.end - self.start < timedelta(days=1) and self.start.time() != self.end.time():
            # A time of day (or a range of them): the clock times, to the minute.
            zone = "Z" if self.zoned else ""
            lo = self.start.isoformat(timespec="minutes") + zone
            last = self.end - timedelta(microseconds=1)
            if last.replace(second=0, microsecond=0) == self.start.replace(second=0, microsecond=0):
                return lo
            return f"{lo}..{last.isoformat(timespec='minutes')}{zone}"
        lo = "" if self.start == _MIN else self.start.date().isoformat()
        hi = "" if self.end == _MAX else (self.end - timedelta(microseconds=1)).date().isoformat()
        return lo if lo == hi else f"{lo}..{hi}"


def date_range(first: PartialDate, last: PartialDate) -> DateSpan:
    """The instants from the start of ``first`` to the end of ``last`` ("between 6:45 and
    6:48 pm"); both zoned or both not."""
    a, b = first.span(), last.span()
    if a.zoned != b.zoned:
        raise ValueError("a date range needs both ends with a time zone, or neither")
    if b.end <= a.start:
        raise ValueError(f"a date range ends ({last}) before it starts ({first})")
    return DateSpan(a.start, b.end, a.zoned)


def date_span(date: PartialDate, hedge: str = "exact") -> DateSpan:
    """The instants a hedged date admits: ``before 2023`` is everything up to 2023-01-01."""
    span = date.span()
    match normalize_hedge(hedge):
        case "exact":
            return span
        case "before":
            return DateSpan(_MIN, span.start, span.zoned)
        case "not-after":
            return DateSpan(_MIN, span.end, span.zoned)
        case "after":
            return DateSpan(span.end, _MAX, span.zoned)
        case "not-before":
            return DateSpan(span.start, _MAX, span.zoned)
    raise ValueError(
        f"unknown date hedge {hedge!r}; expected one of {', '.join(sorted(DATE_HEDGES))}"
    )


def aligned(span: DateSpan, other_zoned: bool) -> DateSpan:
    """``span`` as it is compared with a span whose ``zoned`` is ``other_zoned``.

    A zone-less calendar span is widened when it meets a zoned timestamp (the day may
    have been in any time zone); otherwise the span is unchanged. Comparisons depend on
    the pair only through this, so ``compare_dates(a, b)`` is ``BEFORE`` exactly when
    ``aligned(a, b.zoned).end <= aligned(b, a.zoned).start``.
    """
    if span.zoned or not other_zoned:
        return span
    start = span.start if span.start == _MIN else span.start - _ZONE_SLACK_BEFORE
    end = span.end if span.end == _MAX else span.end + _ZONE_SLACK_AFTER
    return DateSpan(start, end)


def _aligned(a: DateSpan, b: DateSpan) -> tuple[DateSpan, DateSpan]:
    return aligned(a, b.zoned), aligned(b, a.zoned)


def spans_overlap(a: DateSpan, b: DateSpan) -> bool:
    """True when some instant lies in both spans (the two dates can be the same time)."""
    a, b = _aligned(a, b)
    return a.start < b.end and b.start < a.end


def compare_dates(a: DateSpan, b: DateSpan) -> Order:
    """BEFORE when every instant of ``a`` precedes every instant of ``b``; AFTER mirrored."""
    a, b = _aligned(a, b)
    if a.end <= b.start:
        return Order.BEFORE
    if b.end <= a.start:
        return Order.AFTER
    return Order.UNKNOWN
