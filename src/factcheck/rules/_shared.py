"""Helpers that several check kinds share: grouping claims, describing them, comparing
hedged figures (their interval arithmetic is :mod:`factcheck.domain.intervals`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.intervals import bounded
from factcheck.domain.units import comparable, in_common, to_base
from factcheck.domain.values import (
    DateSpan,
    Interval,
    Order,
    compare_dates,
    spans_overlap,
)

__all__ = [
    "above",
    "by_subject",
    "clash_components",
    "compatible",
    "date_of",
    "edge_members",
    "entity_name",
    "exceeds",
    "in_own_unit",
    "interval_of",
    "is_before",
    "key_groups",
    "quantities_of",
    "said_by",
    "same_time",
    "source_ids",
    "stages",
    "when_of",
    "widen",
]


def key_groups(facts: Iterable[Fact]) -> list[tuple[tuple[str, str], list[Fact]]]:
    """Facts by (subject, property), groups and members in a stable order."""
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        groups[(f.subject, f.prop.id)].append(f)
    return sorted((key, sorted(g, key=lambda f: f.ref)) for key, g in groups.items())


def by_subject(corpus: Corpus, prop: str) -> dict[str, list[Fact]]:
    """The (non-draft) facts of one property, by subject: partners of a rule's facts."""
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in corpus.facts_of(prop):
        if not f.claim.draft:
            out[f.subject].append(f)
    for group in out.values():
        group.sort(key=lambda f: f.ref)
    return out


def entity_name(corpus: Corpus, subject: str) -> str:
    return corpus.entities[subject].name


def said_by(facts: Iterable[Fact]) -> str:
    # A source saying the same thing in several claims is said once, with the count.
    said: dict[str, int] = {}
    for f in facts:
        text = f"{f.source.id} says {f.describe()}"
        said[text] = said.get(text, 0) + 1
    return "; ".join(t if n == 1 else f"{t} ({n} claims)" for t, n in said.items())


def same_time(a: Fact, b: Fact) -> bool:
    # A claim with no time of its own could refer to any time; a value that never
    # changes is the same at every time.
    if a.prop.invariant and b.prop.invariant:
        return True
    return a.time is None or b.time is None or spans_overlap(a.time, b.time)


def compatible(a: Fact, b: Fact) -> bool:
    if isinstance(a.value, Interval) and isinstance(b.value, Interval):
        # Units that cannot be compared are reported apart (see _unit_mismatches).
        return comparable(a.value, a.unit, b.value, b.unit) is not False
    if isinstance(a.value, DateSpan) and isinstance(b.value, DateSpan):
        return spans_overlap(a.value, b.value)
    sa, sb = stages(a), stages(b)
    if sa is not None and sb is not None:
        return sa[0] <= sb[1] and sb[0] <= sa[1]
    return a.value == b.value


def stages(f: Fact) -> tuple[int, int] | None:
    """The stages (indexes into the property's ``values``) a claim of a cumulative status
    admits: a stage says it was reached, later ones perhaps too (``at-least`` says the
    same); ``at-most`` says it was not passed. ``None`` for any other claim."""
    values = f.prop.values
    if f.prop.type != "status" or not f.prop.cumulative or values is None:
        return None
    if not isinstance(f.value, str) or f.value not in values:
        return None
    i = values.index(f.value)
    return (0, i) if f.claim.hedge == "at-most" else (i, len(values) - 1)


def above(a: Interval, b: Interval) -> bool:
    """Every value ``a`` admits exceeds every value ``b`` admits."""
    return a.lo > b.hi or (a.lo == b.hi and (a.lo_open or b.hi_open))


#: The float error a unit conversion leaves (1 ft is 0.30479999999999996 m, not 0.3048):
#: a figure and its exact conversion must not exceed one another.
_CONVERSION_ERROR = 1e-9


def exceeds(a: Fact, b: Fact) -> bool:
    """Every value quantity claim ``a`` admits is above every value ``b`` admits, in one
    unit when their units convert (beyond the conversion's float error)."""
    x, y = interval_of(a), interval_of(b)
    cx, cy = in_common(x, a.unit, y, b.unit)
    if cx is x and cy is y:  # not converted: exact
        return above(x, y)
    return above(widen(cx, _CONVERSION_ERROR), widen(cy, _CONVERSION_ERROR))


def in_own_unit(f: Fact) -> Interval:
    """A quantity claim's figure in its property's unit, when the claim gives another
    that converts into it (1 km of a property in metres is 1,000); else as given."""
    value = interval_of(f)
    if f.unit is None or f.prop.unit is None or f.unit == f.prop.unit:
        return value
    given, own = to_base(value, f.unit), to_base(Interval(0.0, 1.0), f.prop.unit)
    if given is None or own is None or given[0] != own[0]:
        return value
    zero, scale = own[1].lo, own[1].hi - own[1].lo
    lo, hi = (given[1].lo - zero) / scale, (given[1].hi - zero) / scale
    return Interval(lo, hi, value.lo_open, value.hi_open)


def clash_components(
    facts: Sequence[Fact], clash: Callable[[Fact, Fact], bool]
) -> list[list[tuple[Fact, Fact]]]:
    """Clashing pairs, grouped into connected components: one finding per component.

    Grouping keeps one wrong figure among many agreeing ones at one conflict, and the
    result does not depend on the order of ``facts`` (components are sorted by refs).
    """
    edges = [(a, b) for a, b in combinations(sorted(facts, key=lambda f: f.ref), 2) if clash(a, b)]
    if not edges:  # most groups: nothing more to build
        return []
    parent = {f.ref: f.ref for f in facts}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[root(a.ref)] = root(b.ref)
    comps: dict[str, list[tuple[Fact, Fact]]] = defaultdict(list)
    for a, b in edges:
        comps[root(a.ref)].append((a, b))
    return sorted(comps.values(), key=lambda c: sorted(f.ref for e in c for f in e))


def is_before(a: DateSpan, b: DateSpan) -> bool:
    return compare_dates(a, b) is Order.BEFORE


def edge_members(edges: Iterable[tuple[Fact, Fact]]) -> list[Fact]:
    return sorted({f.ref: f for e in edges for f in e}.values(), key=lambda f: f.ref)


def widen(a: Interval, tolerance: float) -> Interval:
    if tolerance == 0:
        return a
    return bounded(a.lo - abs(a.lo) * tolerance, a.hi + abs(a.hi) * tolerance)


def quantities_of(facts: Iterable[Fact]) -> list[Fact]:
    return [f for f in facts if isinstance(f.value, Interval)]


def interval_of(f: Fact) -> Interval:
    assert isinstance(f.value, Interval)
    return f.value


def date_of(f: Fact) -> DateSpan:
    assert isinstance(f.value, DateSpan)
    return f.value


def when_of(f: Fact) -> DateSpan:
    """The claim's own time (callers have checked it has one)."""
    assert f.time is not None
    return f.time


def source_ids(facts: Iterable[Fact]) -> set[str]:
    """The independent sources of some claims (a source counts once however often it
    says something)."""
    return {f.source.id for f in facts}
