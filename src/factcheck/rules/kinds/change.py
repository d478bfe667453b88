"""The ``change`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import product
from typing import Literal

from pydantic import Field

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.intervals import iv_add, iv_inv, iv_mul, iv_neg
from factcheck.domain.model import Rule
from factcheck.domain.units import in_common
from factcheck.domain.values import (
    Interval,
    PartialDate,
    intersects,
    spans_overlap,
)
from factcheck.rules._shared import (
    by_subject,
    entity_name,
    interval_of,
    is_before,
    quantities_of,
    said_by,
    when_of,
    widen,
)
from factcheck.rules.registry import Finding, Params, check, parse_params


class ChangeParams(Params):
    """``level``: the property whose change the selected percentage claims describe."""

    level: str
    direction: Literal["decrease", "increase"] = "decrease"
    tolerance: float = Field(default=0.0, ge=0)

    def properties(self) -> list[str]:
        return [self.level]


#: The float error a percent change may carry: levels equal to 15 digits (49 and 49)
#: give a change of about 1e-14 percent, not 0. A billionth of the ratio of the levels
#: (1e-7 percent per 100 percent) is far below any figure a source writes.
_FLOAT_ERROR = 1e-9


def _agrees(computed: Interval, claimed: Interval) -> bool:
    """The computed change meets the claimed one, to within float error."""
    ends = [abs(x) for x in (computed.lo, computed.hi) if math.isfinite(x)]
    pad = _FLOAT_ERROR * (100 + max(ends, default=0.0))
    return intersects(Interval(computed.lo - pad, computed.hi + pad), claimed)


def _percent_change(first: Interval, last: Interval, direction: str) -> Interval:
    ratio = iv_mul(last, iv_inv(first))
    change = iv_add(ratio, Interval.point(-1.0))
    return iv_mul(iv_neg(change) if direction == "decrease" else change, Interval.point(100.0))


def _for_review(f: Fact, name: str, level: str, on_record: list[Fact]) -> Finding:
    """An info finding for a change that gives no closed period, citing the levels on
    record that it would be compared with, for the reviewer."""
    compared = f"; the {level} levels on record: {said_by(on_record)}" if on_record else ""
    period = f.claim.period
    lacks = "without a period" if period is None else "with a period open at one end"
    return Finding(
        (f, *on_record),
        f"{name} {f.prop.id}: {f.source.id} says {f.describe()} {lacks}; "
        f"it cannot be checked against levels, review it by hand{compared}",
        severity="info",
        key=f.ref,
        support=tuple(on_record),
    )


@check("change", ChangeParams, reach="subject")
def change(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A percentage change agrees with the levels claimed at its period's start and end."""
    p = parse_params(rule, ChangeParams)
    levels = by_subject(corpus, p.level)
    for f in quantities_of(facts):
        name, period = entity_name(corpus, f.subject), f.claim.period
        if period is None or period.start is None or period.end is None:
            # Without both ends there are no levels to compare with (an as_of alone says
            # when it was said, not over what span): for review, never silently dropped.
            yield _for_review(f, name, p.level, quantities_of(levels.get(f.subject, [])))
            continue
        start, end = PartialDate.parse(period.start).span(), PartialDate.parse(period.end).span()
        dated = [lv for lv in quantities_of(levels.get(f.subject, [])) if lv.time is not None]
        firsts = [lv for lv in dated if spans_overlap(when_of(lv), start)]
        lasts = [lv for lv in dated if spans_overlap(when_of(lv), end)]
        for a, b in product(firsts, lasts):
            if not is_before(when_of(a), when_of(b)):
                continue
            # Levels in units that convert (1 km, then 500 m) are compared in one unit.
            first, last = in_common(interval_of(a), a.unit, interval_of(b), b.unit)
            computed = widen(_percent_change(first, last, p.direction), p.tolerance)
            if not _agrees(computed, interval_of(f)):
                yield Finding(
                    (f, a, b),
                    f"{name} {f.prop.id}: {f.source.id} says {f.describe()}, but the levels "
                    f"{a.describe()} ({a.source.id}) and {b.describe()} ({b.source.id}) "
                    f"give a {p.direction} of {computed} percent over that period",
                )
