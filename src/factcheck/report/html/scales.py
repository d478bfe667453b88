"""The charts' geometry: page width and margins, time in days, and axis ticks.

Time is measured in days since 1970 so that one linear scale serves a decade and an
afternoon alike; ticks fall on round numbers and on years, months or days as the span asks.
"""

from __future__ import annotations

import math
import sys
from datetime import datetime, timedelta
from typing import Final

from factcheck.report.html.text import MONTHS

#: Width of every chart, and the margins of a figure chart: value ticks on the left,
#: labels running past the last mark on the right.
W: Final = 880
LEFT: Final = 84
RIGHT: Final = 190
TOP: Final = 24


def days(t: datetime) -> float:
    """``t`` as days since 1970-01-01."""
    return (t - datetime(1970, 1, 1)).total_seconds() / 86400


FIRST_DAY: Final = days(datetime(1, 1, 1))
LAST_DAY: Final = days(datetime(9999, 12, 31))


def from_days(d: float) -> datetime:
    """The datetime ``d`` days after 1970-01-01, kept within the calendar."""
    # Axis padding may reach past the calendar's ends; ticks there are simply not drawn.
    return datetime(1970, 1, 1) + timedelta(days=min(max(d, FIRST_DAY), LAST_DAY))


def is_open(t: datetime) -> bool:
    """Open-ended spans use the extreme datetimes of :mod:`factcheck.domain.values`."""
    return t.year <= 1 or t.year >= 9999


def nice_step(span: float, target: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) cutting ``span`` in about ``target``."""
    raw = span / max(target, 1)
    # A float power of ten: an int one made every tick an int, growing past every float.
    mag = 10.0 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def value_ticks(lo: float, hi: float) -> list[float]:
    """Round values from ``lo`` to ``hi``, a :func:`nice_step` apart."""
    # A span from near the lowest float to near the highest overflows: the largest float
    # stands for it (a few more ticks, never an endless loop or a crash).
    step = nice_step(min(hi - lo, sys.float_info.max))
    # The last tick may lie a rounding error past ``hi``, but never at infinity: past the
    # largest float the loop would never end.
    limit = min(hi + step * 1e-9, sys.float_info.max)
    ticks = []
    x = math.ceil(lo / step) * step
    while x <= limit:
        ticks.append(round(x, 10))
        x += step
    return ticks


def time_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """Tick positions (days) and labels for a time axis from ``lo`` to ``hi`` (days)."""
    a, b = from_days(lo), from_days(hi)
    years = (hi - lo) / 365.25
    if years > 4:
        return _year_ticks(a, b, years)
    if (hi - lo) < 45:
        return _day_ticks(a, b, max(1, round((hi - lo) / 6)))
    return _month_ticks(a, b, 1 if years <= 0.6 else 3 if years <= 2 else 6)


def _year_ticks(a: datetime, b: datetime, years: float) -> list[tuple[float, str]]:
    ticks: list[tuple[float, str]] = []
    step = max(1, int(nice_step(years, 6)))
    y = (a.year // step + 1) * step
    while y <= b.year:
        ticks.append((days(datetime(y, 1, 1)), str(y)))
        y += step
    return ticks


def _day_ticks(a: datetime, b: datetime, step_days: int) -> list[tuple[float, str]]:
    ticks: list[tuple[float, str]] = []
    day = datetime(a.year, a.month, a.day) + timedelta(days=1)
    while day <= b:
        ticks.append((days(day), f"{day.day} {MONTHS[0][day.month - 1]} {day.year}"))
        day += timedelta(days=step_days)
    return ticks


def _month_ticks(a: datetime, b: datetime, months: int) -> list[tuple[float, str]]:
    ticks: list[tuple[float, str]] = []
    y, m = a.year, a.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        if (m - 1) % months:
            continue
        t = datetime(y, m, 1)
        if t > b:
            break
        label = str(y) if m == 1 else f"{MONTHS[0][m - 1]} {y}"
        ticks.append((days(t), label))
    return ticks
