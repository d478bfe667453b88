"""Value semantics: hedged quantities as intervals, partial dates with precision.

Everything here is a pure function of its arguments. Two claims can both be true exactly
when their value sets intersect, so every comparison the checks make reduces to
:func:`intersects` on :class:`Interval` (numbers) or :class:`DateSpan` (times).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from functools import lru_cache
from typing import Final

__all__ = [
    "DATE_HEDGES",
    "HEDGES",
    "HEDGE_SYNONYMS",
    "DateSpan",
    "Interval",
    "Order",
    "PartialDate",
    "aligned",
    "compare_dates",
    "date_range",
    "date_span",
    "hedge_interval",
    "intersects",
    "normalize_hedge",
    "parse_quantity",
    "spans_overlap",
    "written_interval",
    "written_step",
]

#: Canonical quantity hedges.
HEDGES: Final = frozenset(
    {"exact", "about", "more-than", "at-least", "less-than", "at-most", "almost", "between"}
)
#: Canonical date hedges.
DATE_HEDGES: Final = frozenset({"exact", "before", "after", "not-before", "not-after"})
#: Words people write for a hedge, mapped to the canonical name.
HEDGE_SYNONYMS: Final = {
    "around": "about",
    "some": "about",
    "approximately": "about",
    "roughly": "about",
    "over": "more-than",
    "above": "more-than",
    "under": "less-than",
    "below": "less-than",
    "up-to": "at-most",
    "estimate": "about",
    "estimated": "about",
    "thought-to-be": "about",
    "believed-to-be": "about",
    "nearly": "almost",
    "approaching": "almost",
    "no-later-than": "not-after",
    "no-earlier-than": "not-before",
}

DEFAULT_TOLERANCE: Final = 0.1


@lru_cache(maxsize=1024)  # a handful of spellings, met on every claim
def normalize_hedge(hedge: str) -> str:
    """Return the canonical spelling of ``hedge`` ("over" -> "more-than").

    Unknown words are returned unchanged (lower-cased, spaces as dashes) so the caller
    can report them.
    """
    key = hedge.strip().lower().replace(" ", "-").replace("_", "-")
    return HEDGE_SYNONYMS.get(key, key)


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of real numbers ``lo..hi``; each end open or closed; ends may be infinite."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi):
            raise ValueError("interval ends must be numbers")
        if self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open)):
            raise ValueError(f"empty interval {self}")

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    def contains(self, x: float) -> bool:
        above = x > self.lo or (x == self.lo and not self.lo_open)
        below = x < self.hi or (x == self.hi and not self.hi_open)
        return above and below

    def __str__(self) -> str:
        if self.lo == self.hi:
            return _num(self.lo)
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"{left}{_num(self.lo)}, {_num(self.hi)}{right}"


def _num(x: float) -> str:
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return f"{x:,.0f}" if x == int(x) else f"{x:,g}"


def intersects(a: Interval, b: Interval) -> bool:
    """True when some number lies in both intervals (the two claims can both be true)."""
    if a.lo > b.lo or (a.lo == b.lo and a.lo_open):
        lo, lo_open = a.lo, a.lo_open
    else:
        lo, lo_open = b.lo, b.lo_open
    if a.hi < b.hi or (a.hi == b.hi and a.hi_open):
        hi, hi_open = a.hi, a.hi_open
    else:
        hi, hi_open = b.hi, b.hi_open
    if lo < hi:
        return True
    return lo == hi and not lo_open and not hi_open


def hedge_interval(
    value: float | tuple[float, float],
    hedge: str = "exact",
    tolerance: float = DEFAULT_TOLERANCE,
) -> Interval:
    """The set of values a hedged figure admits.

    ``about 250`` with tolerance 0.1 is [225, 275]; ``more than 250`` is (250, inf);
    ``almost 57`` is [57 - 57*tol, 57); ``between`` takes a ``(low, high)`` pair, and so
    does ``about`` ("some 10,000 to 20,000": [9,000, 22,000] at tolerance 0.1).
    """
    hedge = normalize_hedge(hedge)
    if tolerance < 0:
        raise ValueError("tolerance must not be negative")
    if hedge == "between":
        if not isinstance(value, tuple):
            raise ValueError("hedge 'between' needs a pair [low, high]")
        low, high = value
        return Interval(min(low, high), max(low, high))
    if isinstance(value, tuple):
        if hedge != "about":
            raise ValueError(f"a pair of values needs hedge 'between' or 'about', not {hedge!r}")
        # "some 10,000 to 20,000": a range whose ends are themselves approximate.
        low, high = min(value), max(value)
        return Interval(low - abs(low) * tolerance, high + abs(high) * tolerance)
    spread = abs(value) * tolerance
    inf = math.inf
    match hedge:
        case "exact":
            return Interval.point(value)
        case "about":
            return Interval(value - spread, value + spread)
        case "more-than":
            return Interval(value, inf, lo_open=True)
        case "at-least":
            return Interval(value, inf)
        case "less-than":
            return Interval(-inf, value, hi_open=True)
        case "at-most":
            return Interval(-inf, value)
        case "almost":
            # "almost" always admits something just below the figure, even at tolerance 0.
            below = spread or abs(value) * DEFAULT_TOLERANCE or 1.0
            return Interval(min(value - below, math.nextafter(value, -inf)), value, hi_open=True)
    raise ValueError(f"unknown hedge {hedge!r}; expected one of {', '.join(sorted(HEDGES))}")


# --- quantities as people write them -------------------------------------------------

_SCALES: Final = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
}
_CURRENCIES: Final = {"$": "USD", "€": "EUR", "£": "GBP", "US$": "USD"}
_QUANTITY_RE: Final = re.compile(
    r"""^\s*(?P<cur>US\$|\$|€|£)?\s*
        (?P<num>[-+]?\d[\d,.\s]*?)\s*
        (?P<scale>thousand|million|billion|mn|bn|k|m)?\s*
        (?P<pct>%|percent|per\s*cent)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_number(text: str) -> float:
    """Read a number written with thousands separators or a decimal comma.

    "1,659" and "100,000" use the comma as a thousands separator (groups of three);
    "14,5" uses it as a decimal comma.
    """
    s = re.sub(r"\s", "", text)
    if "," in s and "." in s:
        # Whichever comes last is the decimal mark.
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        groups = s.lstrip("+-").split(",")
        if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            s = s.replace(",", "")
        elif len(groups) == 2:
            s = s.replace(",", ".")
        else:
            raise ValueError(f"cannot read number {text!r}")
    return float(s)


def written_step(written: float | str) -> float:
    """The place of the last significant digit of a figure as written: 1 for ``8848``,
    10,000 for ``40,000`` (trailing zeros of a whole number are not significant), 0.1
    for ``2.4``, 100 for ``14.5 thousand``."""
    if isinstance(written, str):
        m = _QUANTITY_RE.match(written)
        if not m:
            raise ValueError(f"cannot read quantity {written!r}")
        digits = re.sub(r"\s", "", m["num"]).lstrip("+-")
        scale = _SCALES[m["scale"].lower()] if m["scale"] else 1.0
        decimals = _decimals(digits)
        if decimals:
            return float(10**-decimals * scale)
        return _integer_step(round(parse_number(m["num"]))) * scale
    if isinstance(written, float) and not written.is_integer():
        return float(10 ** -len(repr(written).split(".")[-1]))
    return _integer_step(int(written))


def _decimals(digits: str) -> int:
    """Digits after the decimal mark, read as :func:`parse_number` reads the mark."""
    if "," in digits and "." in digits:
        mark = "," if digits.rfind(",") > digits.rfind(".") else "."
    elif "," in digits:
        groups = digits.split(",")
        thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
        mark = "" if thousands else ","
    else:
        mark = "." if "." in digits else ""
    return len(digits.rsplit(mark, 1)[-1]) if mark else 0


def _integer_step(n: int) -> float:
    if n == 0:
        return 1.0
    step = 1
    while n % (step * 10) == 0:
        step *= 10
    return float(step)


def written_interval(written: float | str, value: float) -> Interval:
    """The interval a figure written at its precision rounds to."""
    half = written_step(written) / 2
    return Interval(value - half, value + half)


def parse_quantity(text: str) -> tuple[float, str | None]:
    """Parse "14,5 thousand", "$6 million", "3%", "1,659" into (value, unit or None).

    >>> parse_quantity("14,5 thousand")
    (14500.0, None)
    >>> parse_quantity("$6 million")
    (6000000.0, 'USD')
    """
    m = _QUANTITY_RE.match(text)
    if not m:
        raise ValueError(f"cannot read quantity {text!r}")
    value = parse_number(m["num"])
    if m["scale"]:
        value *= _SCALES[m["scale"].lower()]
    if not math.isfinite(value):
        raise ValueError(f"number too large in quantity {text[:40]!r}...")
    unit: str | None = None
    if m["cur"]:
        unit = _CURRENCIES[m["cur"]]
    if m["pct"]:
        if unit:
            raise ValueError(f"a quantity cannot be both money and a percentage: {text!r}")
        unit = "percent"
    return value, unit


# --- dates with precision -------------------------------------------------------------


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
        instant = None
        resolution = timedelta(minutes=1)
        zoned = True
        try:
            if m["t"]:
                stamp = datetime.fromisoformat(s.replace(" ", "T").replace("Z", "+00:00"))
                zoned = stamp.tzinfo is not None
                instant = stamp.astimezone(UTC).replace(tzinfo=None) if zoned else stamp
                if m["f"]:
                    resolution = timedelta(microseconds=1)
                elif m["s"]:
                    resolution = timedelta(seconds=1)
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
