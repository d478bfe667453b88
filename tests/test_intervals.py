"""Quantities as intervals (factcheck.domain.intervals): agreement and arithmetic.

The arithmetic is checked on members drawn from both operands, with open, closed and
infinite ends and zero among them: the result must hold every result of the operation
on members, and a closed end of a product must be reached by some pair of members.
Ends are whole numbers and members quarters, so that every product is exact.
"""

from __future__ import annotations

import math
import sys

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.domain.hedges import HEDGES, normalize_hedge
from factcheck.domain.intervals import (
    Interval,
    bounded,
    hedge_interval,
    intersects,
    iv_add,
    iv_inv,
    iv_mul,
    iv_neg,
)

INF = math.inf
_ENDS = st.one_of(st.integers(-40, 40).map(float), st.sampled_from([-INF, INF]))
#: How far a member is drawn past a finite end when the other end is infinite.
_REACH = 10_000


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    lo, hi = sorted((draw(_ENDS), draw(_ENDS)))
    assume(not (lo == hi and math.isinf(lo)))  # no real number lies there
    if lo == hi:
        return Interval.point(lo)
    lo_open = math.isfinite(lo) and draw(st.booleans())
    hi_open = math.isfinite(hi) and draw(st.booleans())
    return Interval(lo, hi, lo_open, hi_open)


@st.composite
def with_member(draw: st.DrawFn) -> tuple[Interval, float]:
    iv = draw(intervals())
    lo = iv.lo if math.isfinite(iv.lo) else min(iv.hi, 0) - _REACH
    hi = iv.hi if math.isfinite(iv.hi) else max(iv.lo, 0) + _REACH
    special = [x for x in (iv.lo, iv.hi, 0.0) if math.isfinite(x) and iv.contains(x)]
    quarters = st.integers(math.ceil(lo * 4), math.floor(hi * 4)).map(lambda k: k / 4)
    member = draw(st.one_of(st.sampled_from(special), quarters) if special else quarters)
    assume(iv.contains(member))
    return iv, member


@given(with_member(), with_member())
def test_a_product_holds_every_product_of_members(
    a: tuple[Interval, float], b: tuple[Interval, float]
) -> None:
    (x, xv), (y, yv) = a, b
    assert iv_mul(x, y).contains(xv * yv), (x, y, xv, yv)


@given(intervals(), intervals())
def test_a_closed_end_of_a_product_is_reached(x: Interval, y: Interval) -> None:
    product = iv_mul(x, y)
    # Products of closed finite ends, and zero when either holds zero (times any member).
    reachable = {
        p * q
        for p in (x.lo, x.hi)
        for q in (y.lo, y.hi)
        if math.isfinite(p) and math.isfinite(q) and x.contains(p) and y.contains(q)
    }
    if x.contains(0) or y.contains(0):
        reachable.add(0.0)
    for end, is_open in ((product.lo, product.lo_open), (product.hi, product.hi_open)):
        if math.isfinite(end) and not is_open:
            assert end in reachable, (x, y, product)


@given(with_member(), with_member())
def test_a_sum_holds_every_sum_of_members(
    a: tuple[Interval, float], b: tuple[Interval, float]
) -> None:
    (x, xv), (y, yv) = a, b
    assume(
        not (math.isinf(x.lo) and math.isinf(y.hi)) and not (math.isinf(x.hi) and math.isinf(y.lo))
    )
    assert iv_add(x, y).contains(xv + yv)
    assert iv_neg(x).contains(-xv)


@given(with_member())
def test_an_inverse_holds_every_inverse(a: tuple[Interval, float]) -> None:
    x, xv = a
    inverse = iv_inv(x)
    if xv != 0:
        assert inverse.contains(1 / xv)
    if x.contains(0):  # dividing by what may be zero says nothing
        assert (inverse.lo, inverse.hi) == (-INF, INF)


@given(intervals(), intervals())
def test_arithmetic_is_symmetric(x: Interval, y: Interval) -> None:
    assert iv_mul(x, y) == iv_mul(y, x)
    assume(
        not (math.isinf(x.lo) and math.isinf(y.hi)) and not (math.isinf(x.hi) and math.isinf(y.lo))
    )
    assert iv_add(x, y) == iv_add(y, x)


@pytest.mark.parametrize(
    ("a", "b", "product"),
    [
        # "at most 0" times "between 0 and 1, both excluded": 0 * 0.5 is 0.
        (Interval(-INF, 0), Interval(0, 1, True, True), Interval(-INF, 0)),
        (Interval(0, 1), Interval(0, 1, True, True), Interval(0, 1, False, True)),
        (Interval(0, 1, True), Interval(2, 3), Interval(0, 3, True)),
        (Interval(-1, 1, True, True), Interval(2, INF), Interval(-INF, INF)),
        (Interval.point(0), Interval(100, INF, True), Interval.point(0)),
        # More than 100 per cell in 8 cells: more than 800, unbounded above.
        (Interval.point(8), Interval(100, INF, True), Interval(800, INF, True)),
        (Interval(-2, -1), Interval(1, INF, True), Interval(-INF, -1, False, True)),
    ],
)
def test_products(a: Interval, b: Interval, product: Interval) -> None:
    assert iv_mul(a, b) == product


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (Interval(1, 2), Interval(3, 4), Interval(4, 6)),
        (Interval(1, 2, lo_open=True), Interval(3, 4), Interval(4, 6, lo_open=True)),
        (Interval(0, INF, lo_open=True), Interval(5, 5), Interval(5, INF, True, False)),
    ],
)
def test_sums_keep_open_ends(a: Interval, b: Interval, expected: Interval) -> None:
    assert iv_add(a, b) == expected


def test_an_interval_is_never_empty_or_unnumbered() -> None:
    with pytest.raises(ValueError, match="empty"):
        Interval(2, 1)
    with pytest.raises(ValueError, match="empty"):
        Interval(1, 1, lo_open=True)
    with pytest.raises(ValueError, match="numbers"):
        Interval(math.nan, 1)


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval.point(40000), "40,000"),
        (Interval(1, 2.5, True, False), "(1, 2.5]"),
        (hedge_interval(250, "more-than"), "(250, inf]"),
        (hedge_interval(250, "at-most"), "[-inf, 250]"),
    ],
)
def test_interval_text(interval: Interval, text: str) -> None:
    assert str(interval) == text


@given(intervals(), intervals())
def test_intersection_is_symmetric_and_reflexive(a: Interval, b: Interval) -> None:
    assert intersects(a, b) == intersects(b, a)
    assert intersects(a, a)


# --- hedged figures as intervals -------------------------------------------------------


def iv(value: float, hedge: str = "exact", tol: float = 0.1) -> Interval:
    return hedge_interval(value, hedge, tol)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (iv(250, "more-than"), iv(250, "about"), True),
        (iv(40000, "more-than"), iv(40000, "at-most"), False),
        (iv(40000, "more-than"), iv(40000), False),
        (iv(40000, "at-least"), iv(40000), True),
        (iv(40000, "at-most"), iv(40000), True),
        (iv(250, "less-than"), iv(250), False),
        (iv(57, "almost"), iv(57), False),
        (iv(57, "almost"), iv(55), True),
        (iv(80000, "almost"), iv(79000), True),
        (iv(14500), iv(40000, "more-than"), False),
        (hedge_interval((10, 20), "between"), iv(15), True),
        (hedge_interval((10, 20), "between"), iv(21), False),
        (iv(100, "about", 0.05), iv(106), False),
        (iv(100, "about", 0.05), iv(105), True),
    ],
)
def test_quantity_agreement(a: Interval, b: Interval, agree: bool) -> None:
    assert intersects(a, b) is agree
    assert intersects(b, a) is agree


def test_unknown_hedge_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown hedge"):
        hedge_interval(3, "roughly-ish")


def test_estimates_and_approximate_ranges() -> None:
    assert normalize_hedge("estimated") == "about"
    assert normalize_hedge("thought to be") == "about"
    assert hedge_interval((10_000, 20_000), "about", 0.1) == Interval(9_000, 22_000)
    with pytest.raises(ValueError, match="between' or 'about'"):
        hedge_interval((1, 2), "more-than")


numbers = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
hedges = st.sampled_from(sorted(HEDGES - {"between"}))
tolerances = st.floats(min_value=0, max_value=1)


@st.composite
def hedged(draw: st.DrawFn) -> Interval:
    if draw(st.booleans()):
        return hedge_interval((draw(numbers), draw(numbers)), "between")
    return hedge_interval(draw(numbers), draw(hedges), draw(tolerances))


@given(hedged(), hedged())
def test_intersection_is_symmetric(a: Interval, b: Interval) -> None:
    assert intersects(a, b) == intersects(b, a)


@given(hedged())
def test_a_claim_agrees_with_itself(a: Interval) -> None:
    assert intersects(a, a)


@given(numbers, hedges, tolerances)
def test_the_stated_figure_fits_its_hedge_unless_strict(x: float, hedge: str, tol: float) -> None:
    strict = hedge in {"more-than", "less-than", "almost"}
    assert hedge_interval(x, hedge, tol).contains(x) is not strict


@given(hedged(), hedged(), numbers)
def test_a_common_member_means_intersection(a: Interval, b: Interval, x: float) -> None:
    if a.contains(x) and b.contains(x):
        assert intersects(a, b)


# --- figures near the largest float -----------------------------------------------------
# A claimed 1e308 times 100 overflows to infinity, and infinity minus infinity is NaN: the
# arithmetic still gives an interval (it made the audit crash), one that holds the result.
_HUGE = st.floats(min_value=1e300, max_value=sys.float_info.max).flatmap(
    lambda x: st.sampled_from([x, -x])
)
_ANY_END = st.one_of(_HUGE, st.sampled_from([-INF, INF, 0.0, 1.0, -1.0, 1e-320, -1e-320]))


@st.composite
def huge_intervals(draw: st.DrawFn) -> Interval:
    lo, hi = sorted((draw(_ANY_END), draw(_ANY_END)))
    assume(not (lo == hi and math.isinf(lo)))
    return Interval.point(lo) if lo == hi else Interval(lo, hi)


@given(huge_intervals(), huge_intervals())
def test_arithmetic_on_huge_figures_gives_an_interval(x: Interval, y: Interval) -> None:
    for result in (iv_add(x, y), iv_mul(x, y), iv_inv(x), iv_mul(x, iv_inv(y))):
        assert not math.isnan(result.lo) and not math.isnan(result.hi)
        assert result.lo < INF and result.hi > -INF  # it holds some number


@given(_HUGE, _HUGE)
def test_an_overflowing_product_still_holds_its_sign(x: float, y: float) -> None:
    product = iv_mul(Interval.point(x), Interval.point(y))
    positive = (x > 0) == (y > 0)
    assert (product.lo > 0) if positive else (product.hi < 0)


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        (1.0, 2.0, Interval(1.0, 2.0)),
        (INF, INF, Interval(sys.float_info.max, INF, lo_open=True)),
        (-INF, -INF, Interval(-INF, -sys.float_info.max, hi_open=True)),
        (math.nan, 5.0, Interval(-INF, 5.0)),
        (5.0, math.nan, Interval(5.0, INF)),
        (INF, math.nan, Interval(sys.float_info.max, INF, lo_open=True)),
    ],
)
def test_bounded_ends(lo: float, hi: float, expected: Interval) -> None:
    assert bounded(lo, hi) == expected
