"""The ``trend`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import timedelta

from pydantic import Field

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.model import Rule
from factcheck.domain.units import in_common
from factcheck.domain.values import (
    Order,
    compare_dates,
    spans_overlap,
)
from factcheck.rules._shared import (
    clash_components,
    compatible,
    edge_members,
    entity_name,
    exceeds,
    interval_of,
    key_groups,
    quantities_of,
    said_by,
    when_of,
)
from factcheck.rules.registry import Finding, Params, check, parse_params


class TrendParams(Params):
    """``max_factor`` per ``per_days``: the largest growth or decline allowed in a series."""

    max_factor: float | None = Field(default=None, gt=1)
    per_days: float = Field(default=365, gt=0)


def _jump(a: Fact, b: Fact, p: TrendParams) -> str | None:
    """Why ``a`` and ``b`` cannot be points of one series, or ``None``."""
    assert a.time is not None and b.time is not None
    order = compare_dates(a.time, b.time)
    first, last = (b, a) if order is Order.AFTER else (a, b)
    x, y = in_common(interval_of(first), first.unit, interval_of(last), last.unit)
    if first.prop.cumulative and order is not Order.UNKNOWN and exceeds(first, last):
        return f"{said_by((first, last))}: a running total cannot fall"
    if p.max_factor is None or min(x.lo, y.lo) < 0:
        return None
    days = max((when_of(last).end - when_of(first).start) / timedelta(days=1), 0)
    try:
        allowed = p.max_factor ** max(1.0, days / p.per_days)
    except OverflowError:  # centuries apart: any change is allowed
        return None
    if y.lo > allowed * x.hi or x.lo > allowed * y.hi:
        factor = max(y.lo / x.hi if x.hi else math.inf, x.lo / y.hi if y.hi else math.inf)
        return (
            f"{said_by((first, last))}: at least a {factor:.2f}-fold change within "
            f"{days:.0f} days, where the rule allows {allowed:.2f}-fold "
            f"({p.max_factor:g}-fold per {p.per_days:g} days)"
        )
    return None


@check("trend", TrendParams, reach="key")
def trend(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """Dated figures of one series stay within a rate of change; running totals never fall."""
    p = parse_params(rule, TrendParams)
    for (subject, prop), group in key_groups(quantities_of(facts)):
        dated = [f for f in group if f.time is not None]
        for edges in clash_components(dated, lambda a, b: _jump(a, b, p) is not None):
            reasons = "; ".join(r for a, b in edges if (r := _jump(a, b, p)))
            members = edge_members(edges)
            # The counts on either end that agree with it: the evidence for each end.
            backing = [
                g
                for g in dated
                if g not in members
                and any(spans_overlap(when_of(g), when_of(m)) and compatible(g, m) for m in members)
            ]
            also = f"; the same at those times: {said_by(backing)}" if backing else ""
            yield Finding(
                (*members, *backing),
                f"{entity_name(corpus, subject)} {prop}: {reasons}{also}",
                key=" ".join(f.ref for f in members),
                support=tuple(backing),
            )
