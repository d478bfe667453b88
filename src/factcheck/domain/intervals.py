"""Hedged quantities as intervals of real numbers, each end open or closed, ends possibly
infinite; whether two intervals meet; and the arithmetic the derived checks do on them.

Two claims can both be true exactly when their intervals intersect (:func:`intersects`).
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass

from factcheck.domain.hedges import DEFAULT_TOLERANCE, HEDGES, normalize_hedge

__all__ = [
    "Interval",
    "bounded",
    "hedge_interval",
    "intersects",
    "iv_add",
    "iv_inv",
    "iv_mul",
    "iv_neg",
]


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


# --- arithmetic ---------------------------------------------------------------------
# Hand-written rather than a library (mpmath.iv, pyinterval): hedges need open ends
# ("more than 100" excludes 100) and infinite ends, which those libraries do not keep.
# Each operation returns an interval holding every result of the operation on members
# of its operands (tests/test_intervals.py checks it on members drawn from both).

_ANY = Interval(-math.inf, math.inf)
_MAX = sys.float_info.max


def bounded(lo: float, hi: float, lo_open: bool = False, hi_open: bool = False) -> Interval:
    """The interval ``lo..hi`` made from float results that may have overflowed.

    Figures near the largest float (a claimed 1e308 times 100) overflow to infinity, and
    infinity minus infinity is NaN: a NaN end is unbounded, and an end that overflowed
    past every float stays just inside them (open), so that the interval still holds the
    true result rather than no number at all.
    """
    if math.isnan(lo) or lo == -math.inf:
        lo, lo_open = -math.inf, False
    elif lo == math.inf:
        lo, lo_open = _MAX, True
    if math.isnan(hi) or hi == math.inf:
        hi, hi_open = math.inf, False
    elif hi == -math.inf:
        hi, hi_open = -_MAX, True
    if lo == hi and (lo_open or hi_open):  # both ends overflowed the same way
        return Interval(lo, math.inf) if lo > 0 else Interval(-math.inf, hi)
    return Interval(lo, hi, lo_open, hi_open)


def iv_add(a: Interval, b: Interval) -> Interval:
    """Every ``x + y`` for ``x`` in ``a`` and ``y`` in ``b``."""
    return bounded(a.lo + b.lo, a.hi + b.hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open)


def iv_neg(a: Interval) -> Interval:
    """Every ``-x`` for ``x`` in ``a``."""
    return Interval(-a.hi, -a.lo, a.hi_open, a.lo_open)


def iv_mul(a: Interval, b: Interval) -> Interval:
    """Every ``x * y`` for ``x`` in ``a`` and ``y`` in ``b``.

    The ends are the least and greatest products of the operands' ends (an infinite end
    times zero counting as zero). An end is closed when some members reach it: two
    closed finite ends whose product it is, or, for an end at zero, a zero in either
    operand (``[-inf, 0]`` times ``(0, 1)`` holds ``0 * 0.5``).
    """
    corners = [
        (0.0 if x == 0 or y == 0 else x * y, not (xo or yo) and math.isfinite(x * y))
        for x, xo in ((a.lo, a.lo_open), (a.hi, a.hi_open))
        for y, yo in ((b.lo, b.lo_open), (b.hi, b.hi_open))
    ]
    lo, hi = min(v for v, _ in corners), max(v for v, _ in corners)
    if lo == hi and math.isfinite(lo):
        return Interval.point(lo)
    zero_reached = a.contains(0) or b.contains(0)

    def reached(end: float) -> bool:
        return (end == 0 and zero_reached) or any(c for v, c in corners if v == end)

    # Infinite ends are unbounded, never reached: marked closed, as everywhere.
    lo_open = math.isfinite(lo) and not reached(lo)
    hi_open = math.isfinite(hi) and not reached(hi)
    return bounded(lo, hi, lo_open, hi_open)


def iv_inv(a: Interval) -> Interval:
    """Every ``1 / x`` for ``x`` in ``a``: anything at all when ``a`` may be zero."""
    if a.contains(0) or a.lo == 0 or a.hi == 0:
        return _ANY  # dividing by something that may be zero says nothing
    lo = 0.0 if math.isinf(a.hi) else 1 / a.hi
    hi = 0.0 if math.isinf(a.lo) else 1 / a.lo
    return bounded(lo, hi, a.hi_open or math.isinf(a.hi), a.lo_open or math.isinf(a.lo))
