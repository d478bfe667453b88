"""The ``agree`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta
from itertools import combinations
from typing import Literal

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.model import Rule
from factcheck.domain.units import comparable
from factcheck.domain.values import (
    DateSpan,
    Interval,
)
from factcheck.rules._shared import (
    clash_components,
    compatible,
    edge_members,
    entity_name,
    interval_of,
    key_groups,
    said_by,
    same_time,
    source_ids,
)
from factcheck.rules.registry import Finding, Params, check, parse_params

_PRECISION: dict[str, timedelta] = {
    "day": timedelta(days=1),
    "month": timedelta(days=31),
    "year": timedelta(days=366),
}


class AgreeParams(Params):
    """``min_precision``: compare only claims dated at least this precisely."""

    min_precision: Literal["day", "month", "year"] | None = None


def _precise(f: Fact, precision: str | None) -> bool:
    if precision is None:
        return True
    return f.time is not None and f.time.end - f.time.start <= _PRECISION[precision]


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
            if (len(source_ids(side)), len(side)) > (len(source_ids(best)), len(best)):
                best = sorted(side, key=lambda f: f.ref)
        sides.append(best)
        rest = [f for f in rest if f not in best]
    return sides


def _odd_one_out(sides: Sequence[Sequence[Fact]]) -> list[Fact]:
    """The claims against a clear majority: the first side has at least two sources and
    at least twice as many as all other sides together; else none.

    A source with claims on both sides (one that contradicts itself, or quotes someone
    who contradicts it) counts against the majority only: it is no evidence for it.
    """
    if len(sides) < 2:
        return []
    others = source_ids(f for side in sides[1:] for f in side)
    majority = source_ids(sides[0]) - others
    if len(majority) >= 2 and len(majority) >= 2 * len(others):
        return sorted((f for side in sides[1:] for f in side), key=lambda f: f.ref)
    return []


def _sided(sides: Sequence[Sequence[Fact]], odd: Sequence[Fact]) -> str:
    """Each side's claims together, sides apart, the odd one out named."""
    text = " vs ".join(said_by(side) for side in sides)
    if odd:
        text += f"; the odd one out: {', '.join(sorted(source_ids(odd)))}"
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
        stale = [f for f in group if compatible(f, old) and not compatible(f, new)]
        if stale:
            out.append((new, old, stale))
    return out


def _outdated_findings(outdated: Sequence[Outdated], corpus: Corpus) -> Iterator[Finding]:
    for new, old, stale in outdated:
        others = [f for f in stale if f is not old]
        who = f"; still given by {said_by(others)}" if others else ""
        yield Finding(
            (*stale, new) if old in stale else (*stale, old, new),
            f"{entity_name(corpus, new.subject)} {new.prop.id}: {old.source.id}'s "
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
    pairs = [(a, b) for a in zoned for b in local if same_time(a, b)]
    if not pairs:
        return
    cited = edge_members(pairs)
    f = cited[0]
    yield Finding(
        tuple(cited),
        f"{entity_name(corpus, f.subject)} {f.prop.id}: "
        f"{said_by(edge_members((a, a) for a, _ in pairs))} "
        f"with a time zone, {said_by(edge_members((b, b) for _, b in pairs))} "
        "without one; they are "
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
        and same_time(a, b)
        and comparable(interval_of(a), a.unit, interval_of(b), b.unit) is None
    ]
    if not pairs:
        return
    cited = edge_members(pairs)
    units = sorted({str(f.unit) for f in cited})
    f = cited[0]
    yield Finding(
        tuple(cited),
        f"{entity_name(corpus, f.subject)} {f.prop.id}: {said_by(cited)}; units "
        f"{', '.join(repr(u) for u in units)} cannot be converted into one another, so "
        "these figures were not compared",
        severity="info",
        key="units " + " ".join(x.ref for x in cited),
    )


@check("agree", AgreeParams, reach="key")
def agree(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """Claims on one subject and property, at overlapping times, must be compatible.

    One finding per group of clashing claims, its claims split into sides that agree
    within themselves; the side against a clear majority is named the odd one out.
    """
    p = parse_params(rule, AgreeParams)
    chosen = [f for f in facts if _precise(f, p.min_precision)]
    for (subject, prop), group in key_groups(chosen):
        yield from _mixed_zones(group, corpus)
        yield from _unit_mismatches(group, corpus)
        outdated = _outdated(group)
        yield from _outdated_findings(outdated, corpus)
        stale = {f.ref for _, _, old in outdated for f in old}
        group = [f for f in group if f.ref not in stale]
        clash = lambda a, b: same_time(a, b) and not compatible(a, b)  # noqa: E731
        for edges in clash_components(group, clash):
            members = edge_members(edges)
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
                f"{entity_name(corpus, subject)} {prop}: {_sided(sides, odd)}; {why}",
                odd=tuple(odd),
                key=" ".join((subject, prop, *about)),
            )
