"""Check kinds: each one small function, registered in :data:`KINDS`.

A check receives a rule, the facts the rule selects (sorted, drafts excluded) and the
corpus, and yields :class:`Finding` s: the facts that cannot all be true and a message
saying, in plain words, what each says and why. The engine adds rule id, kind and
severity. Every kind is documented in ``docs/checks.md`` (a test enforces it).

A kind is registered with ``@_kind(name, ParamsModel)``: the pydantic model validates the
rule's ``params`` before the audit runs (the engine reports bad params with file and
line), and lists the property ids the params name so that typos are caught too.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import chain, combinations, pairwise, product
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from factcheck.domain.conflict import Severity
from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.model import Rule
from factcheck.domain.units import comparable, in_common
from factcheck.domain.values import (
    DateSpan,
    Interval,
    Order,
    PartialDate,
    aligned,
    compare_dates,
    intersects,
    spans_overlap,
)

__all__ = ["KINDS", "PARAMS", "Check", "Finding", "Params"]


@dataclass(frozen=True, slots=True)
class Finding:
    """Facts that cannot all be true, and why.

    ``severity`` overrides the rule's severity for this finding only (a change claim
    with no period is reported as ``info``, for review, by an ``error`` rule).
    """

    facts: tuple[Fact, ...]
    message: str
    severity: Severity | None = None
    #: The claims on the side with the fewest independent sources, when a clear
    #: majority of sources agrees against them (see :func:`_sides`).
    odd: tuple[Fact, ...] = ()
    #: What the finding is about, stable when claims agreeing with a side are added or
    #: removed (the engine prefixes the rule id); default: the cited claims.
    key: str | None = None
    #: Claims cited only as evidence for a side (an article agreeing with the reference,
    #: a count agreeing with an end of a jump): not themselves in dispute.
    support: tuple[Fact, ...] = ()


Check = Callable[[Rule, list[Fact], Corpus], Iterable[Finding]]


class Params(BaseModel):
    """Parameters of a check kind (none by default); unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def properties(self) -> list[str]:
        """Property ids these params name (the engine checks that they exist)."""
        return []


#: Every check kind, by the name rules use in ``kind:``.
KINDS: dict[str, Check] = {}
#: The params model of every kind in :data:`KINDS`.
PARAMS: dict[str, type[Params]] = {}

_C = TypeVar("_C", bound=Check)
_P = TypeVar("_P", bound=Params)


def _kind(name: str, params: type[Params] = Params) -> Callable[[_C], _C]:
    def register(check: _C) -> _C:
        KINDS[name] = check
        PARAMS[name] = params
        return check

    return register


def _params(rule: Rule, model: type[_P]) -> _P:
    return model.model_validate(rule.params)


# --- shared helpers ------------------------------------------------------------------


def _groups(facts: Iterable[Fact]) -> list[tuple[tuple[str, str], list[Fact]]]:
    """Facts by (subject, property), groups and members in a stable order."""
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        groups[(f.subject, f.prop.id)].append(f)
    return sorted((key, sorted(g, key=lambda f: f.ref)) for key, g in groups.items())


def _index(corpus: Corpus, prop: str) -> dict[str, list[Fact]]:
    """The (non-draft) facts of one property, by subject: partners of a rule's facts."""
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in corpus.facts_of(prop):
        if not f.claim.draft:
            out[f.subject].append(f)
    for group in out.values():
        group.sort(key=lambda f: f.ref)
    return out


def _name(corpus: Corpus, subject: str) -> str:
    return corpus.entities[subject].name


def _says(facts: Iterable[Fact]) -> str:
    # A source saying the same thing in several claims is said once, with the count.
    said: dict[str, int] = {}
    for f in facts:
        text = f"{f.source.id} says {f.describe()}"
        said[text] = said.get(text, 0) + 1
    return "; ".join(t if n == 1 else f"{t} ({n} claims)" for t, n in said.items())


def _same_time(a: Fact, b: Fact) -> bool:
    # A claim with no time of its own could refer to any time; a value that never
    # changes is the same at every time.
    if a.prop.invariant and b.prop.invariant:
        return True
    return a.time is None or b.time is None or spans_overlap(a.time, b.time)


def _compatible(a: Fact, b: Fact) -> bool:
    if isinstance(a.value, Interval) and isinstance(b.value, Interval):
        # Units that cannot be compared are reported apart (see _unit_mismatches).
        return comparable(a.value, a.unit, b.value, b.unit) is not False
    if isinstance(a.value, DateSpan) and isinstance(b.value, DateSpan):
        return spans_overlap(a.value, b.value)
    return a.value == b.value


def _above(a: Interval, b: Interval) -> bool:
    """Every value ``a`` admits exceeds every value ``b`` admits."""
    return a.lo > b.hi or (a.lo == b.hi and (a.lo_open or b.hi_open))


def _components(
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


def _before(a: DateSpan, b: DateSpan) -> bool:
    return compare_dates(a, b) is Order.BEFORE


def _members(edges: Iterable[tuple[Fact, Fact]]) -> list[Fact]:
    return sorted({f.ref: f for e in edges for f in e}.values(), key=lambda f: f.ref)


_PRECISION: dict[str, timedelta] = {
    "day": timedelta(days=1),
    "month": timedelta(days=31),
    "year": timedelta(days=366),
}


# --- interval arithmetic on hedged figures --------------------------------------------
# Hand-written rather than a library (mpmath.iv, pyinterval): hedges need open ends
# ("more than 100" excludes 100) and infinite ends, which those libraries do not keep.

_ANY = Interval(-math.inf, math.inf)


def _add(a: Interval, b: Interval) -> Interval:
    return Interval(a.lo + b.lo, a.hi + b.hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open)


def _neg(a: Interval) -> Interval:
    return Interval(-a.hi, -a.lo, a.hi_open, a.lo_open)


def _mul(a: Interval, b: Interval) -> Interval:
    ends = [
        (0.0 if x == 0 or y == 0 else x * y, xo or yo)
        for x, xo in ((a.lo, a.lo_open), (a.hi, a.hi_open))
        for y, yo in ((b.lo, b.lo_open), (b.hi, b.hi_open))
    ]
    lo, hi = min(v for v, _ in ends), max(v for v, _ in ends)
    if lo == hi:
        return Interval.point(lo)
    lo_open = all(o for v, o in ends if v == lo)
    hi_open = all(o for v, o in ends if v == hi)
    return Interval(lo, hi, lo_open and math.isfinite(lo), hi_open and math.isfinite(hi))


def _inv(a: Interval) -> Interval:
    if a.contains(0) or a.lo == 0 or a.hi == 0:
        return _ANY  # dividing by something that may be zero says nothing
    lo = 0.0 if math.isinf(a.hi) else 1 / a.hi
    hi = 0.0 if math.isinf(a.lo) else 1 / a.lo
    return Interval(lo, hi, a.hi_open or math.isinf(a.hi), a.lo_open or math.isinf(a.lo))


def _widen(a: Interval, tolerance: float) -> Interval:
    if tolerance == 0:
        return a
    return Interval(a.lo - abs(a.lo) * tolerance, a.hi + abs(a.hi) * tolerance)


def _quantities(facts: Iterable[Fact]) -> list[Fact]:
    return [f for f in facts if isinstance(f.value, Interval)]


def _iv(f: Fact) -> Interval:
    assert isinstance(f.value, Interval)
    return f.value


def _date(f: Fact) -> DateSpan:
    assert isinstance(f.value, DateSpan)
    return f.value


def _when(f: Fact) -> DateSpan:
    """The claim's own time (callers have checked it has one)."""
    assert f.time is not None
    return f.time


# --- agree ---------------------------------------------------------------------------


class AgreeParams(Params):
    """``min_precision``: compare only claims dated at least this precisely."""

    min_precision: Literal["day", "month", "year"] | None = None


def _precise(f: Fact, precision: str | None) -> bool:
    if precision is None:
        return True
    return f.time is not None and f.time.end - f.time.start <= _PRECISION[precision]


def _sources(facts: Iterable[Fact]) -> set[str]:
    """The independent sources of some claims (a source counts once however often it
    says something)."""
    return {f.source.id for f in facts}


def _sides(members: Sequence[Fact], clash: Callable[[Fact, Fact], bool]) -> list[list[Fact]]:
    """The claims of one disagreement split into sides whose claims all agree.

    Each side is the largest (most sources, then most claims) set of remaining claims
    that agree with each other, grown greedily from each claim in turn, in order of
    refs; sides come largest first. Every claim is on exactly one side, and the result
    does not depend on the order of ``members``.
    """
    rest = sorted(members, key=lambda f: f.ref)
    sides: list[list[Fact]] = []
    while rest:
        best: list[Fact] = []
        for seed in rest:
            side = [seed]
            for f in rest:
                if f is not seed and not any(clash(f, g) for g in side):
                    side.append(f)
            # Strictly larger only: of equal sides, the one grown from the first claim.
            if (len(_sources(side)), len(side)) > (len(_sources(best)), len(best)):
                best = sorted(side, key=lambda f: f.ref)
        sides.append(best)
        rest = [f for f in rest if f not in best]
    return sides


def _odd_one_out(sides: Sequence[Sequence[Fact]]) -> list[Fact]:
    """The claims against a clear majority: the first side has at least two sources and
    at least twice as many as all other sides together; else none."""
    if len(sides) < 2:
        return []
    majority = _sources(sides[0])
    others = _sources(f for side in sides[1:] for f in side) - majority
    if len(majority) >= 2 and len(majority) >= 2 * len(others) and others:
        return sorted((f for side in sides[1:] for f in side), key=lambda f: f.ref)
    return []


def _sided(sides: Sequence[Sequence[Fact]], odd: Sequence[Fact]) -> str:
    """Each side's claims together, sides apart, the odd one out named."""
    text = " vs ".join(_says(side) for side in sides)
    if odd:
        text += f"; the odd one out: {', '.join(sorted(_sources(odd)))}"
    return text


def _clock_time(f: Fact, zoned: bool) -> bool:
    """The claim gives a time of day (shorter than a day), with or without a zone."""
    v = f.value
    return isinstance(v, DateSpan) and v.zoned == zoned and v.end - v.start < timedelta(days=1)


Outdated = tuple[Fact, Fact, list[Fact]]


def _outdated(group: Sequence[Fact]) -> list[Outdated]:
    """For each claim that supersedes another in the group: (the newer, the older, and
    the claims giving the older figure and not the newer, the older one included)."""
    by_ref = {f.ref: f for f in group}
    out: list[Outdated] = []
    for new in group:
        old = by_ref.get(new.claim.supersedes or "")
        if old is None or old is new:
            continue
        stale = [f for f in group if _compatible(f, old) and not _compatible(f, new)]
        if stale:
            out.append((new, old, stale))
    return out


def _outdated_findings(outdated: Sequence[Outdated], corpus: Corpus) -> Iterator[Finding]:
    for new, old, stale in outdated:
        others = [f for f in stale if f is not old]
        who = f"; still given by {_says(others)}" if others else ""
        yield Finding(
            (*stale, new) if old in stale else (*stale, old, new),
            f"{_name(corpus, new.subject)} {new.prop.id}: {old.source.id}'s "
            f"{old.describe()} is outdated, superseded by {new.source.id}'s "
            f"{new.describe()}{who}",
            severity="info",
            key=f"outdated {new.ref} {old.ref}",
            support=(new,),
        )


def _mixed_zones(group: Sequence[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A warning when times of one event are given both with and without a time zone.

    A time without a zone may be in any zone, so it is compared as if it covered its
    whole day and more: claims a few hours apart then agree. Not a contradiction, but
    the comparison is much weaker than either claim, which a reviewer should know.
    """
    zoned = [f for f in group if _clock_time(f, True)]
    local = [f for f in group if _clock_time(f, False)]
    pairs = [(a, b) for a in zoned for b in local if _same_time(a, b)]
    if not pairs:
        return
    cited = _members(pairs)
    f = cited[0]
    yield Finding(
        tuple(cited),
        f"{_name(corpus, f.subject)} {f.prop.id}: {_says(_members((a, a) for a, _ in pairs))} "
        f"with a time zone, {_says(_members((b, b) for _, b in pairs))} without one; they are "
        "compared only to within a day (a time without a zone could be in any zone); "
        "give the zone where the source does",
        severity="warning",
        key="zones " + " ".join(x.ref for x in cited),
    )


def _unit_mismatches(group: Sequence[Fact], corpus: Corpus) -> Iterator[Finding]:
    """One ``info`` finding per group whose figures are in units that cannot be compared
    (unknown to pint, or of different dimensions): they are not checked, and say so."""
    quantities = [f for f in group if isinstance(f.value, Interval)]
    pairs = [
        (a, b)
        for a, b in combinations(quantities, 2)
        if a.unit != b.unit
        and _same_time(a, b)
        and comparable(_iv(a), a.unit, _iv(b), b.unit) is None
    ]
    if not pairs:
        return
    cited = _members(pairs)
    units = sorted({str(f.unit) for f in cited})
    f = cited[0]
    yield Finding(
        tuple(cited),
        f"{_name(corpus, f.subject)} {f.prop.id}: {_says(cited)}; units "
        f"{', '.join(repr(u) for u in units)} cannot be converted into one another, so "
        "these figures were not compared",
        severity="info",
        key="units " + " ".join(x.ref for x in cited),
    )


@_kind("agree", AgreeParams)
def agree(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """Claims on one subject and property, at overlapping times, must be compatible.

    One finding per group of clashing claims, its claims split into sides that agree
    within themselves; the side against a clear majority is named the odd one out.
    """
    p = _params(rule, AgreeParams)
    chosen = [f for f in facts if _precise(f, p.min_precision)]
    for (subject, prop), group in _groups(chosen):
        yield from _mixed_zones(group, corpus)
        yield from _unit_mismatches(group, corpus)
        outdated = _outdated(group)
        yield from _outdated_findings(outdated, corpus)
        stale = {f.ref for _, _, old in outdated for f in old}
        group = [f for f in group if f.ref not in stale]
        clash = lambda a, b: _same_time(a, b) and not _compatible(a, b)  # noqa: E731
        for edges in _components(group, clash):
            members = _members(edges)
            sides = _sides(members, clash)
            odd = _odd_one_out(sides)
            why = (
                "one date cannot be all of these"
                if isinstance(members[0].value, DateSpan)
                else ("no single value fits all of them")
            )
            # About the odd claims when there are some (more claims agreeing with the
            # majority do not change it), else about the distinct values in dispute.
            about = [f"{f.ref}={f.value}" for f in odd] or sorted({str(f.value) for f in members})
            yield Finding(
                tuple(members),
                f"{_name(corpus, subject)} {prop}: {_sided(sides, odd)}; {why}",
                odd=tuple(odd),
                key=" ".join((subject, prop, *about)),
            )


# --- bound ---------------------------------------------------------------------------


class BoundParams(Params):
    """``max``: the property the selected one may not exceed (same subject and time)."""

    max: str

    def properties(self) -> list[str]:
        return [self.max]


@_kind("bound", BoundParams)
def bound(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A quantity may not exceed another property of the same subject at the same time."""
    p = _params(rule, BoundParams)
    limits = _index(corpus, p.max)
    for f in _quantities(facts):
        over = [
            m
            for m in _quantities(limits.get(f.subject, []))
            if _same_time(f, m) and _above(*in_common(_iv(f), f.unit, _iv(m), m.unit))
        ]
        if over:
            yield Finding(
                (f, *over),
                f"{_name(corpus, f.subject)}: {f.source.id} says {f.prop.id} {f.describe()}, "
                f"but {_says(over)} for {p.max}; {f.prop.id} cannot exceed {p.max}",
                key=f"{f.ref} {p.max}",
            )


# --- lifetime ------------------------------------------------------------------------


class LifetimeParams(Params):
    """``start``: the date property that says when the subject came into being."""

    start: str

    def properties(self) -> list[str]:
        return [self.start]


@_kind("lifetime", LifetimeParams)
def lifetime(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A dated claim cannot lie entirely before every date given for the subject's start."""
    p = _params(rule, LifetimeParams)
    starts = _index(corpus, p.start)
    for f in facts:
        begun = [s for s in starts.get(f.subject, []) if isinstance(s.value, DateSpan)]
        if f.time is None or f.prop.id == p.start or not begun:
            continue
        if all(_before(f.time, _date(s)) for s in begun):
            yield Finding(
                (f, *begun),
                f"{_name(corpus, f.subject)}: {f.source.id} gives {f.prop.id} {f.describe()}, "
                f"before it existed ({p.start}: {_says(begun)})",
                key=f"{f.ref} {p.start}",
            )


# --- trend ---------------------------------------------------------------------------


class TrendParams(Params):
    """``max_factor`` per ``per_days``: the largest growth or decline allowed in a series."""

    max_factor: float | None = Field(default=None, gt=1)
    per_days: float = Field(default=365, gt=0)


def _jump(a: Fact, b: Fact, p: TrendParams) -> str | None:
    """Why ``a`` and ``b`` cannot be points of one series, or ``None``."""
    assert a.time is not None and b.time is not None
    order = compare_dates(a.time, b.time)
    first, last = (b, a) if order is Order.AFTER else (a, b)
    x, y = in_common(_iv(first), first.unit, _iv(last), last.unit)
    if first.prop.cumulative and order is not Order.UNKNOWN and _above(x, y):
        return f"{_says((first, last))}: a running total cannot fall"
    if p.max_factor is None or min(x.lo, y.lo) < 0:
        return None
    days = max((_when(last).end - _when(first).start) / timedelta(days=1), 0)
    try:
        allowed = p.max_factor ** max(1.0, days / p.per_days)
    except OverflowError:  # centuries apart: any change is allowed
        return None
    if y.lo > allowed * x.hi or x.lo > allowed * y.hi:
        factor = max(y.lo / x.hi if x.hi else math.inf, x.lo / y.hi if y.hi else math.inf)
        return (
            f"{_says((first, last))}: at least a {factor:.2f}-fold change within "
            f"{days:.0f} days, where the rule allows {allowed:.2f}-fold "
            f"({p.max_factor:g}-fold per {p.per_days:g} days)"
        )
    return None


@_kind("trend", TrendParams)
def trend(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """Dated figures of one series stay within a rate of change; running totals never fall."""
    p = _params(rule, TrendParams)
    for (subject, prop), group in _groups(_quantities(facts)):
        dated = [f for f in group if f.time is not None]
        for edges in _components(dated, lambda a, b: _jump(a, b, p) is not None):
            reasons = "; ".join(r for a, b in edges if (r := _jump(a, b, p)))
            members = _members(edges)
            # The counts on either end that agree with it: the evidence for each end.
            backing = [
                g
                for g in dated
                if g not in members
                and any(spans_overlap(_when(g), _when(m)) and _compatible(g, m) for m in members)
            ]
            also = f"; the same at those times: {_says(backing)}" if backing else ""
            yield Finding(
                (*members, *backing),
                f"{_name(corpus, subject)} {prop}: {reasons}{also}",
                key=" ".join(f.ref for f in members),
                support=tuple(backing),
            )


# --- derived -------------------------------------------------------------------------


class DerivedParams(Params):
    """An arithmetic relation between properties of one subject (see docs/checks.md)."""

    relation: Literal["ratio", "product", "sum"]
    numerator: str | None = None
    denominator: str | None = None
    scale: float = 1.0
    factors: list[str] | None = None
    parts: list[str] | None = None
    result: str | None = None
    total: str | None = None
    tolerance: float = Field(default=0.0, ge=0)
    compare: Literal["equal", "at-most", "at-least"] = "equal"

    @model_validator(mode="after")
    def _complete(self) -> DerivedParams:
        need = {
            "ratio": ("numerator", "denominator", "result"),
            "product": ("factors", "result"),
            "sum": ("parts", "total"),
        }[self.relation]
        missing = [n for n in need if getattr(self, n) is None]
        if missing:
            raise ValueError(f"relation {self.relation!r} needs {', '.join(missing)}")
        return self

    def inputs(self) -> list[str]:
        if self.relation == "ratio":
            return [self.numerator or "", self.denominator or ""]
        return list((self.factors if self.relation == "product" else self.parts) or [])

    def output(self) -> str:
        return (self.total if self.relation == "sum" else self.result) or ""

    def properties(self) -> list[str]:
        return [*self.inputs(), self.output()]

    def compute(self, values: list[Interval]) -> Interval:
        if self.relation == "ratio":
            return _mul(_mul(values[0], _inv(values[1])), Interval.point(self.scale))
        out = values[0]
        for v in values[1:]:
            out = _mul(out, v) if self.relation == "product" else _add(out, v)
        return out


_RELATION = {"equal": "equal to", "at-most": "at least", "at-least": "at most"}


def _fits(computed: Interval, claimed: Interval, compare: str) -> bool:
    if compare == "at-most":
        return not _above(computed, claimed)
    if compare == "at-least":
        return not _above(claimed, computed)
    return intersects(computed, claimed)


Combo = tuple[Fact, ...]


def _derivations(choices: list[list[Fact]], out: Fact) -> list[Combo]:
    """The input combinations a claimed result is checked against.

    All inputs from the result's own source when it gives them all; else from any one
    source that gives them all (each such source on its own); only when no single source
    has them all, every combination of claims at one time across sources. Mixing a
    figure of one source with a factor of another that disagrees with it is not a check
    of the relation: the disagreement is for the ``agree`` rules to report, once.
    """
    if not all(choices):
        return []
    sources = sorted({f.source.id for f in choices[0]})
    whole = [s for s in sources if all(any(f.source.id == s for f in c) for c in choices)]
    if whole:
        chosen = [out.source.id] if out.source.id in whole else whole
        combos = [
            combo
            for s in chosen
            for combo in product(*([f for f in c if f.source.id == s] for c in choices))
        ]
    else:
        combos = list(product(*choices))
    return [c for c in combos if all(_same_time(a, b) for a, b in combinations(c, 2))]


def _formula(p: DerivedParams, combo: Combo) -> str:
    op = {"ratio": " / ", "product": " x ", "sum": " + "}[p.relation]
    scale = f" x {p.scale:g}" if p.relation == "ratio" and p.scale != 1 else ""
    return op.join(f"{f.prop.id} {f.describe()} ({f.source.id})" for f in combo) + scale


@_kind("derived", DerivedParams)
def derived(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A figure computed from other properties matches the figure claimed for it.

    Each claimed result is checked against the inputs :func:`_derivations` picks and
    fails only when none of them fits. Results failing against the same inputs are one
    finding, citing every such result.
    """
    p = _params(rule, DerivedParams)
    inputs = [_index(corpus, prop) for prop in p.inputs()]
    failed: dict[tuple[str, tuple[Combo, ...]], list[Fact]] = defaultdict(list)
    undecided: dict[tuple[str, Combo], list[Fact]] = defaultdict(list)
    for out in _quantities(f for f in facts if f.prop.id == p.output()):
        choices = [
            [f for f in _quantities(i.get(out.subject, [])) if _same_time(f, out)] for i in inputs
        ]
        combos = _derivations(choices, out)
        computed = [_widen(p.compute([_iv(f) for f in c]), p.tolerance) for c in combos]
        fitting = [
            c for c, v in zip(combos, computed, strict=True) if _fits(v, _iv(out), p.compare)
        ]
        if combos and not fitting:
            failed[(out.subject, tuple(combos))].append(out)
        elif fitting and all(_open_ended(p, c) is not None for c in fitting):
            # Fits only because a hedge leaves the computed figure unbounded ("more
            # than 100" per cell): not a conflict, but what it takes is worth a look.
            undecided[(out.subject, fitting[0])].append(out)
    yield from _undecided(p, undecided, corpus)
    for (subject, tried), outs in sorted(
        failed.items(), key=lambda kv: (kv[0][0], [[f.ref for f in c] for c in kv[0][1]])
    ):
        gives = "; ".join(
            f"{_formula(p, c)} gives {_widen(p.compute([_iv(f) for f in c]), p.tolerance)}"
            for c in tried
        )
        cited = sorted({f.ref: f for c in tried for f in c}.values(), key=lambda f: f.ref)
        yield Finding(
            (*outs, *cited),
            f"{_name(corpus, subject)}: {gives} (tolerance {p.tolerance:g}), but "
            f"{_says(outs)} for {p.output()}; it should be {_RELATION[p.compare]} the "
            "computed figure",
            key=" ".join(f.ref for f in cited),
        )


def _open_ended(p: DerivedParams, combo: Combo) -> int | None:
    """The one input of a combination whose value is unbounded, if it alone is."""
    if p.compare != "equal":
        return None
    unbounded = [i for i, f in enumerate(combo) if math.isinf(_iv(f).lo) or math.isinf(_iv(f).hi)]
    return unbounded[0] if len(unbounded) == 1 else None


def _solve(p: DerivedParams, combo: Combo, which: int, result: Interval) -> Interval:
    """The values input ``which`` would need for the relation to give ``result``."""
    others = [_iv(f) for i, f in enumerate(combo) if i != which]
    if p.relation == "sum":
        return _add(result, _neg(p.compute(others) if others else Interval.point(0.0)))
    if p.relation == "product":
        return _mul(result, _inv(p.compute(others))) if others else result
    # ratio: result = numerator / denominator x scale
    unscaled = _mul(result, Interval.point(1 / p.scale))
    if which == 0:
        return _mul(unscaled, others[0])
    return _mul(others[0], _inv(unscaled))


def _undecided(
    p: DerivedParams, undecided: Mapping[tuple[str, Combo], list[Fact]], corpus: Corpus
) -> Iterator[Finding]:
    for (subject, combo), outs in sorted(
        undecided.items(), key=lambda kv: (kv[0][0], [f.ref for f in kv[0][1]])
    ):
        which = _open_ended(p, combo)
        assert which is not None
        hedged = combo[which]
        needs: dict[str, list[Fact]] = defaultdict(list)
        for out in outs:
            key = f"{out.describe()} needs {hedged.prop.id} {_solve(p, combo, which, _iv(out))}"
            needs[key].append(out)
        need = "; ".join(
            f"{what} ({', '.join(sorted(_sources(said)))})" for what, said in needs.items()
        )
        computed = _widen(p.compute([_iv(f) for f in combo]), p.tolerance)
        yield Finding(
            (*combo, *outs),
            f"{_name(corpus, subject)}: {_formula(p, combo)} gives {computed}, only a bound "
            f"that cannot decide {p.output()}: {need} on average, where "
            f"{hedged.source.id} says {hedged.describe()}",
            severity="info",
            key="undecided " + " ".join(f.ref for f in combo),
        )


# --- change --------------------------------------------------------------------------


class ChangeParams(Params):
    """``level``: the property whose change the selected percentage claims describe."""

    level: str
    direction: Literal["decrease", "increase"] = "decrease"
    tolerance: float = Field(default=0.0, ge=0)

    def properties(self) -> list[str]:
        return [self.level]


def _percent_change(first: Interval, last: Interval, direction: str) -> Interval:
    ratio = _mul(last, _inv(first))
    change = _add(ratio, Interval.point(-1.0))
    return _mul(_neg(change) if direction == "decrease" else change, Interval.point(100.0))


@_kind("change", ChangeParams)
def change(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A percentage change agrees with the levels claimed at its period's start and end."""
    p = _params(rule, ChangeParams)
    levels = _index(corpus, p.level)
    for f in _quantities(facts):
        name, period = _name(corpus, f.subject), f.claim.period
        if period is None and f.claim.as_of is None:
            # The levels it would be compared with, for the reviewer.
            on_record = _quantities(levels.get(f.subject, []))
            compared = f"; the {p.level} levels on record: {_says(on_record)}" if on_record else ""
            yield Finding(
                (f, *on_record),
                f"{name} {f.prop.id}: {f.source.id} says {f.describe()} without a period; "
                f"it cannot be checked against levels, review it by hand{compared}",
                severity="info",
                key=f.ref,
                support=tuple(on_record),
            )
            continue
        if period is None or period.start is None or period.end is None:
            continue
        start, end = PartialDate.parse(period.start).span(), PartialDate.parse(period.end).span()
        dated = [lv for lv in _quantities(levels.get(f.subject, [])) if lv.time is not None]
        firsts = [lv for lv in dated if spans_overlap(_when(lv), start)]
        lasts = [lv for lv in dated if spans_overlap(_when(lv), end)]
        for a, b in product(firsts, lasts):
            if not _before(_when(a), _when(b)):
                continue
            computed = _widen(_percent_change(_iv(a), _iv(b), p.direction), p.tolerance)
            if not intersects(computed, _iv(f)):
                yield Finding(
                    (f, a, b),
                    f"{name} {f.prop.id}: {f.source.id} says {f.describe()}, but the levels "
                    f"{a.describe()} ({a.source.id}) and {b.describe()} ({b.source.id}) "
                    f"give a {p.direction} of {computed} percent over that period",
                )


# --- order ---------------------------------------------------------------------------


class OrderParams(Params):
    """``date``: the date property whose values also order the events (null: none)."""

    date: str | None = "date"

    def properties(self) -> list[str]:
        return [self.date] if self.date else []


Edge = tuple[str, str]
#: How two dates are compared: (the earlier one is zoned, the later one is zoned).
_Zones = tuple[bool, bool]
_ZONES: tuple[_Zones, ...] = ((False, False), (False, True), (True, False), (True, True))


@dataclass(frozen=True, slots=True)
class _Dates:
    """One event's dates, reduced to what ordering it against other events needs.

    Some date of ``u`` is before some date of ``v`` exactly when ``u.ends[z] <=
    v.starts[z]`` for some ``z`` (see :func:`factcheck.domain.values.aligned`): ``ends[z]`` is
    the earliest end of the event's dates compared as the earlier side, ``starts[z]`` the
    latest start compared as the later side. ``single`` is its date when it has exactly
    one distinct span; ``several`` when it has two or more.
    """

    ends: dict[_Zones, datetime]
    starts: dict[_Zones, datetime]
    single: DateSpan | None
    several: bool

    @classmethod
    def of(cls, spans: Iterable[DateSpan]) -> _Dates:
        distinct = set(spans)
        ends: dict[_Zones, datetime] = {}
        starts: dict[_Zones, datetime] = {}
        for span in distinct:
            for other in (False, True):
                view = aligned(span, other)
                z = (span.zoned, other)
                if z not in ends or view.end < ends[z]:
                    ends[z] = view.end
                z = (other, span.zoned)
                if z not in starts or view.start > starts[z]:
                    starts[z] = view.start
        single = next(iter(distinct)) if len(distinct) == 1 else None
        return cls(ends, starts, single, len(distinct) > 1)

    def before(self, other: _Dates) -> bool:
        """Some date of this event is before some date of ``other``."""
        return any(z in other.starts and end <= other.starts[z] for z, end in self.ends.items())


def _spans(facts: Iterable[Fact]) -> list[DateSpan]:
    return [f.value for f in facts if isinstance(f.value, DateSpan)]


def _cheapest_cycle(
    graph: Mapping[str, Sequence[tuple[str, int]]],
    start: str,
    extra: Mapping[str, Sequence[tuple[str, int]]] | None = None,
) -> tuple[int, list[str]] | None:
    """The lightest cycle through ``start`` (Dijkstra), as its weight and its nodes.

    ``extra`` adds edges for this search only. Of equally light paths, each node keeps
    the one through the node popped first (nearest, then smallest name).
    """
    more = extra or {}
    dist, prev = {start: 0}, {start: start}
    heap: list[tuple[int, str]] = [(0, start)]
    best: tuple[int, list[str]] | None = None
    while heap:
        d, u = heapq.heappop(heap)
        if best is not None and d + 1 >= best[0]:
            break  # every edge weighs at least 1: nothing left can close a lighter cycle
        if d > dist.get(u, math.inf):
            continue
        for v, w in chain(graph.get(u, ()), more.get(u, ())):
            if v == start and (best is None or d + w < best[0]):
                path = [u]
                while path[-1] != start:
                    path.append(prev[path[-1]])
                best = (d + w, path[::-1])
            elif v != start and d + w < dist.get(v, math.inf):
                dist[v], prev[v] = d + w, u
                heapq.heappush(heap, (d + w, v))
    return best


def tangled(
    events: Sequence[str], stated: Iterable[Edge], dates: Mapping[str, Sequence[Fact]]
) -> list[list[str]]:
    """Groups of two or more events that lie on a common cycle, each sorted.

    The stated orderings and the orderings their date claims imply form the graph; a
    cycle never leaves its group (the hook's reach uses this too).
    """
    return _strongly_connected_events(
        events, stated, {e: _Dates.of(_spans(dates.get(e, []))) for e in events}
    )


def _strongly_connected_events(
    events: Sequence[str], stated: Iterable[Edge], dated: Mapping[str, _Dates]
) -> list[list[str]]:
    """The strongly connected groups (two or more events, each sorted) of the order graph.

    An edge for every pair of dated events would be quadratic; instead each way of
    comparing dates is one chain of time points in sorted order: an event leads to the
    point of its earliest end, each point to the next, and the point of an event's latest
    start leads to the event. One event reaches another along a chain exactly when some
    date of the one is before some date of the other, so the groups are those of the full
    graph, in O(n log n).
    """
    index = {e: i for i, e in enumerate(events)}
    graph: list[list[int]] = [[] for _ in events]
    for u, v in stated:
        if u != v:
            graph[index[u]].append(index[v])
    for z in _ZONES:
        ends = [(dated[e].ends[z], 0, i) for i, e in enumerate(events) if z in dated[e].ends]
        starts = [(dated[e].starts[z], 1, i) for i, e in enumerate(events) if z in dated[e].starts]
        if not ends or not starts:
            continue
        # At equal times an end comes first: a date ending as another starts is before it.
        points = sorted(ends + starts)
        first = len(graph)
        for i, (_, way, e) in enumerate(points):
            graph.append([first + i + 1] if i + 1 < len(points) else [])
            if way == 0:
                graph[e].append(first + i)
            else:
                graph[first + i].append(e)
    n = len(events)
    return [
        sorted(events[i] for i in group if i < n)
        for group in _strongly_connected(graph)
        if sum(i < n for i in group) > 1
    ]


def _strongly_connected(graph: Sequence[Sequence[int]]) -> list[list[int]]:
    """Strongly connected components (Tarjan's algorithm, iterative: no recursion limit)."""
    index = [-1] * len(graph)
    low = [0] * len(graph)
    on_stack = [False] * len(graph)
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for root in range(len(graph)):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, 0)]
        while work:
            node, i = work[-1]
            children = graph[node]
            if i < len(children):
                work[-1] = (node, i + 1)
                child = children[i]
                if index[child] < 0:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = True
                    work.append((child, 0))
                elif on_stack[child]:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    group.append(member)
                    if member == node:
                        break
                out.append(group)
    return out


def _tame(a: DateSpan, b: DateSpan) -> bool:
    """An ordering of an event dated ``a`` before one dated ``b`` that leads nowhere earlier.

    Either the dates already imply it, or ``b`` neither starts nor ends before ``a`` (same
    zoning): a chain of such steps between two dated claims keeps every date before the
    first also before the last (see :func:`_lightest_cycles`).
    """
    return _before(a, b) or (a.zoned == b.zoned and a.start <= b.start and a.end <= b.end)


def _lightest_cycles(
    group: Sequence[str],
    stated: Collection[Edge],
    after: Mapping[str, Sequence[str]],
    dated: Mapping[str, _Dates],
) -> Iterator[tuple[int, list[str]]]:
    """The lightest cycle through each event of one strongly connected group: what
    :func:`_cheapest_cycle` finds over all the group's stated edges (weight 1) and date
    edges (weight 2), ties broken the same way, without the quadratically many date edges.

    An event is *plain* when it has one date and every stated ordering it takes part in
    within the group is :func:`_tame`; the others are *pivots*. Tame steps never lead to
    an earlier date, so a stretch of plain events entered or left by a date edge can be
    replaced by the date edge between its two ends, which is lighter and leaves from a
    nearer event: no lightest path, and no tie, goes through such a stretch. So only these
    edges are needed: the stated ones, the date edges between pivots, the start's date
    edges to and from every pivot when the start is plain, and, when it has several dates,
    those to and from the first (by name) plain event dated between two of them (the one
    way a stretch of plain events can lead back to where it was entered).
    """
    members = set(group)
    graph: dict[str, list[tuple[str, int]]] = {u: [] for u in group}
    plain = {u: dated[u].single is not None for u in group}
    for u in group:
        for v in after[u]:
            if v not in members:
                continue
            graph[u].append((v, 1))
            a, b = dated[u].single, dated[v].single
            if u == v or a is None or b is None or not _tame(a, b):
                plain[u] = plain[v] = False
    pivots = [u for u in group if not plain[u]]
    for u in pivots:
        graph[u] += [
            (v, 2) for v in pivots if v != u and (u, v) not in stated and dated[u].before(dated[v])
        ]
    for start in group:
        here = dated[start]
        extra: dict[str, list[tuple[str, int]]] = defaultdict(list)
        if plain[start]:
            for p in pivots:
                if (start, p) not in stated and here.before(dated[p]):
                    extra[start].append((p, 2))
                if (p, start) not in stated and dated[p].before(here):
                    extra[p].append((start, 2))
        elif here.several:
            between = [
                y for y in group if plain[y] and here.before(dated[y]) and dated[y].before(here)
            ]
            if between:
                y = min(between)
                extra[start].append((y, 2))
                extra[y].append((start, 2))
        if found := _cheapest_cycle(graph, start, extra):
            yield found


def _contradictions(stated: Collection[Edge], dated: Mapping[str, _Dates]) -> list[list[str]]:
    """The cycles to report, each as its events in order around it.

    Every event's lightest cycle, lightest first (then by its events, then by the event
    it was found from), each unless it shares an ordering with one reported before: so
    each contradiction is reported once, with the smallest set of claims.
    """
    events = sorted({e for edge in stated for e in edge})
    groups = _strongly_connected_events(events, stated, dated)
    grouped = {e for group in groups for e in group}
    # A stated self-loop is a cycle on its own.
    groups += [[u] for u, v in sorted(stated) if u == v and u not in grouped]
    after: dict[str, list[str]] = defaultdict(list)
    for u, v in sorted(stated):
        after[u].append(v)
    found = [
        (weight, sorted(nodes), nodes)
        for group in groups
        for weight, nodes in _lightest_cycles(group, stated, after, dated)
    ]
    found.sort(key=lambda c: (c[0], c[1], c[2][0]))
    taken: set[Edge] = set()
    out: list[list[str]] = []
    for _, _, nodes in found:
        edges = list(zip(nodes, nodes[1:] + nodes[:1], strict=True))
        if taken.isdisjoint(edges):
            taken.update(edges)
            out.append(nodes)
    return out


@_kind("order", OrderParams)
def order(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """Stated orderings and event dates must be satisfiable together (no cycle)."""
    p = _params(rule, OrderParams)
    stated: dict[Edge, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.prop.type == "order" and isinstance(f.value, str):
            stated[(f.subject, f.value)].append(f)
    index = _index(corpus, p.date) if p.date else {}
    events = {e for edge in stated for e in edge}
    dates = {e: [d for d in index.get(e, []) if isinstance(d.value, DateSpan)] for e in events}
    dated = {e: _Dates.of(_spans(dates[e])) for e in events}

    def evidence(u: str, v: str) -> tuple[Fact, ...]:
        # The smallest support of an ordering: one order claim, else two date claims.
        if (u, v) in stated:
            return (min(stated[(u, v)], key=lambda f: f.ref),)
        return min(
            ((du, dv) for du in dates[u] for dv in dates[v] if _before(_date(du), _date(dv))),
            key=lambda pair: (pair[0].ref, pair[1].ref),
        )

    for nodes in _contradictions(stated, dated):
        edges = list(zip(nodes, nodes[1:] + nodes[:1], strict=True))
        best = {e: evidence(*e) for e in edges}
        cited = tuple(f for e in edges for f in best[e])
        steps = "; ".join(
            f"{_name(corpus, u)} before {_name(corpus, v)} ("
            + ", ".join(f.ref for f in best[(u, v)])
            + ")"
            for u, v in edges
        )
        yield Finding(cited, f"these orderings form a cycle, so they cannot all hold: {steps}")


# --- reference -----------------------------------------------------------------------


@_kind("reference")
def reference(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """An article's claim agrees with the reference facts that hold at its date."""
    refs: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    by_key: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.source.kind == "reference":
            refs[(f.subject, f.prop.id)].append(f)
        else:
            by_key[(f.subject, f.prop.id)].append(f)
    for f in facts:
        known = refs.get((f.subject, f.prop.id), [])
        if f.source.kind == "reference" or not known:
            continue
        when = f.when
        around = [r for r in known if when is None or r.time is None or spans_overlap(r.time, when)]
        if not around or any(_compatible(f, r) for r in around):
            continue
        elsewhere = [r for r in known if r not in around and _compatible(f, r)]
        # Counter-evidence in the corpus: articles that agree with the reference there.
        backing = [
            g
            for g in by_key.get((f.subject, f.prop.id), [])
            if g is not f
            and _same_time(g, f)
            and not _compatible(g, f)
            and any(_compatible(g, r) for r in around)
        ]
        at = f"as of {when}" if when is not None else "undated"
        also = (
            f"; the reference has it only at other times: {_says(elsewhere)}" if elsewhere else ""
        )
        agreeing = f"; agreeing with the reference: {_says(backing)}" if backing else ""
        yield Finding(
            (f, *around, *elsewhere, *backing),
            f"{_name(corpus, f.subject)} {f.prop.id} ({at}): {f.source.id} says "
            f"{f.describe()}, but the reference says otherwise for that time: "
            f"{_says(around)}{also}{agreeing}",
            key=f.ref,
            support=tuple(backing),
        )


# --- naming --------------------------------------------------------------------------


def _variants(names: Iterable[str]) -> re.Pattern[str]:
    # Longest first, so "Foreign Enemies Act of 1798" wins over "Foreign Enemies Act".
    ordered = sorted(names, key=lambda n: (-len(n), n))
    alts = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in ordered)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


_WORD = re.compile(r"\w+")
# re.IGNORECASE takes each of these for I and i, which casefold() keeps apart.
_TURKISH_I = str.maketrans({"\u0130": "i", "\u0131": "i"})
# The one character that is not a word character but case folds to one (iota): next to
# it, a text's words are not those re's word boundaries see.
_YPOGEGRAMMENI = "\u0345"


def _words(text: str) -> list[str]:
    """The words of ``text`` in order, case folded so that characters ``re.IGNORECASE``
    takes for one another give the same words (tests/test_checks.py checks every such
    class of characters)."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text):
        text = text.translate(_TURKISH_I)
    return _WORD.findall(text.casefold())


class _Finder:
    """Finds wrong names in text without running one huge alternation over every quote.

    A match of a name starts and ends at word boundaries and takes the name character by
    character (ignoring case), so the name's words (see :func:`_words`) are consecutive
    words of the text. A quote is only searched for the names whose first two words (or
    only word) it has in a row and all of whose words it has, with one small cached
    pattern per such set of names: the matches are those of the alternation of all names.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._all = frozenset(names)
        always: set[str] = set()
        self._by_start: dict[tuple[str, ...], list[tuple[str, frozenset[str]]]] = defaultdict(list)
        for n in sorted(self._all):
            words = _words(n)
            if words:
                self._by_start[tuple(words[:2])].append((n, frozenset(words)))
            else:
                always.add(n)
        self._always = frozenset(always)
        self._firsts = frozenset(k[0] for k in self._by_start if len(k) == 1)
        self._pairs = frozenset(k for k in self._by_start if len(k) == 2)
        self._patterns: dict[frozenset[str], re.Pattern[str]] = {}

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if _YPOGEGRAMMENI in text:
            names = self._all
        else:
            words = _words(text)
            starts: list[tuple[str, ...]] = [(w,) for w in self._firsts.intersection(words)]
            starts += self._pairs.intersection(pairwise(words))
            names = self._always
            if starts:
                have = set(words)
                names = names.union(
                    n for start in starts for n, need in self._by_start[start] if need <= have
                )
        if not names:
            return iter(())
        if names not in self._patterns:
            self._patterns[names] = _variants(names)
        return self._patterns[names].finditer(text)


@_kind("naming")
def naming(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A quote that uses a name marked as a misspelling or mistranslation (info).

    One finding per source and variant, citing every claim whose quote uses it: a name
    misspelt in one sentence that several claims quote is one thing to fix, not several.
    """
    wrong = corpus.wrong_names()
    if not wrong:
        return
    folded = {" ".join(n.split()).casefold(): n for n in wrong}
    finder = _Finder(wrong)
    uses: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        for m in finder.finditer(f.claim.quote or ""):
            variant = folded[" ".join(m.group(0).split()).casefold()]
            if f not in uses[(f.source.id, variant)]:
                uses[(f.source.id, variant)].append(f)
    by_source: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_source[f.source.id].append(f)
    for (source, variant), cited in sorted(uses.items(), key=lambda kv: kv[0]):
        entity, alias = wrong[variant]
        times = f" ({len(cited)} claims quote it)" if len(cited) > 1 else ""
        # Where the same source writes the name correctly (the hook loads no more than
        # the source for this kind, so evidence from other sources is not cited).
        right = _right_names(corpus, entity)
        correct = [
            f
            for f in by_source[source]
            if f not in cited and right is not None and right.search(f.claim.quote or "")
        ]
        shown = correct[:_SHOWN]
        more = f" and {len(correct) - len(shown)} more" if len(correct) > len(shown) else ""
        elsewhere = (
            f"; it names {_name(corpus, entity)!r} correctly in "
            + ", ".join(f.ref for f in shown)
            + more
            if correct
            else ""
        )
        yield Finding(
            (*cited, *shown),
            f"{source} writes {variant!r}, a {alias.error} of {_name(corpus, entity)!r}"
            f"{times}{elsewhere}",
            key=f"{source} {variant}",
            support=tuple(shown),
        )


#: How many claims naming an entity correctly a naming finding cites.
_SHOWN = 3


def _right_names(corpus: Corpus, entity: str) -> re.Pattern[str] | None:
    """The entity's name and its aliases not marked as errors, as one pattern."""
    e = corpus.entities[entity]
    names = [e.name, *(a.name for a in e.aliases if a.error is None)]
    names = [n for n in names if _words(n)]
    return _variants(names) if names else None
