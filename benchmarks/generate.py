"""Synthetic corpora in the real fact-file format, with planted conflicts.

    python benchmarks/generate.py OUT --claims 100000 [--seed 1] [--conflict-share 0.02]

writes ``OUT/facts/`` (entities.yaml, properties.yaml, rules.yaml, sources/*.yaml,
reference/*.yaml) and ``OUT/expected.json``: every conflict the audit must report, as
``[rule, [refs...]]`` (the claims in dispute, not those a conflict cites only as
support), and nothing else. The corpus is a pure function of ``--claims``,
``--seed`` and ``--conflict-share``.

Shape: sources of about 100 claims; every (subject, property) key is stated by 3-5
different sources. Of each scenario's groups of claims, the first and then every
``1 / --conflict-share``-th gets a planted contradiction (``ceil(share x groups)`` of
them), so every kind is planted even in a small corpus and the counts are known. Claims
that agree use every hedge that stays compatible with the truth (exact, about, between,
at-most, ...), subjects are written as ids or aliases, some claims carry ``as_of``, so the
audit does real work on the honest claims too.
Every scenario also writes consistent look-alikes that must NOT conflict (a growth within
the allowed factor, a change over another period, a correct alias, a title inside its
period, events on the same day, a derived figure within tolerance, ...).

Every check kind of factcheck has a ``_<kind>_kind`` function returning its properties,
rules and scenarios (see :data:`Scenario`), registered in :data:`KINDS`;
tests/test_benchmarks.py fails when a kind of ``factcheck.rules.checks.KINDS`` has none. Kinds
the installed factcheck does not know are skipped.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

CLAIMS_PER_SOURCE = 100
SHA = "ab" * 32


@dataclass
class Key:
    """One (subject, property) that several sources state."""

    subject: str
    prop: str
    ptype: str
    year: int
    rule: str = ""


@dataclass
class ClaimSpec:
    """A claim to write: the YAML fields after ``id``, and whether it was planted."""

    key: Key
    fields: dict[str, Any]
    planted: bool = False
    #: the name the quote uses for the subject, when it must be a given one (naming)
    quote_name: str | None = None
    #: a claim of a reference source (a basis instead of a quote, in facts/reference/)
    reference: bool = False


@dataclass
class Plan:
    """Everything the writer needs, plus the conflicts the audit must find."""

    entities: list[dict[str, Any]] = field(default_factory=list)
    properties: list[dict[str, Any]] = field(default_factory=list)
    rules: list[dict[str, Any]] = field(default_factory=list)
    # claims about one subject, each to land in a different source
    groups: list[list[ClaimSpec]] = field(default_factory=list)
    # per group: the conflicts it plants, as (rule id, indexes into the group)
    expected: list[list[tuple[str, list[int]]]] = field(default_factory=list)
    # aliases scenarios add to the subject entities (which are written last)
    aliases: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def entity(self, eid: str, name: str, kind: str) -> str:
        """Add an entity other than a subject (an event, say); return its id."""
        self.entities.append({"id": eid, "name": name, "kind": kind})
        return eid


#: A planter gets the key, how many claims to state it with, whether to plant a
#: contradiction, and a random generator; it returns the claims (planted one last).
Planter = Callable[[Key, int, bool, random.Random], list[ClaimSpec]]

# Property types and how many properties of each the corpus has.
PROPERTY_TYPES: dict[str, int] = {
    "quantity": 8,
    "date": 3,
    "text": 1,
    "entity": 1,
    "status": 1,
    "boolean": 1,
}
STATUS_VALUES = ["proposed", "agreed", "signed", "in-force"]
N_PLACES = 50  # entities used as values of the entity-type property


def _quantity(key: Key, n: int, plant: bool, rng: random.Random) -> list[ClaimSpec]:
    truth = rng.randrange(100, 100_000)
    out = []
    for _ in range(n - plant):
        hedge = rng.choice(["exact", "exact", "about", "between", "at-most", "less-than"])
        f: dict[str, Any]
        if hedge == "exact":
            f = {"value": truth}
        elif hedge == "about":
            f = {"value": round(truth * rng.uniform(0.97, 1.03)), "hedge": "about"}
        elif hedge == "between":
            f = {"value": [round(truth * 0.9), round(truth * 1.1) + 1], "hedge": "between"}
        elif hedge == "at-most":
            # rounded up, so the figure still admits the truth
            f = {"value": f"{math.ceil(truth * 1.2 / 100) / 10:.1f} thousand", "hedge": "up to"}
        else:
            f = {"value": round(truth * 1.5) + 1, "hedge": "under"}
        out.append(ClaimSpec(key, f))
    if plant:
        # Outside every honest claim: those admit at most 1.5 * truth.
        out.append(ClaimSpec(key, {"value": truth * 3, "hedge": "more-than"}, planted=True))
    return out


def _date(key: Key, n: int, plant: bool, rng: random.Random) -> list[ClaimSpec]:
    y, m, d = key.year, rng.randrange(1, 13), rng.randrange(1, 29)
    out = []
    for _ in range(n - plant):
        form = rng.choice(["day", "month", "year", "before"])
        if form == "day":
            f: dict[str, Any] = {"value": f"{y}-{m:02d}-{d:02d}"}
        elif form == "month":
            f = {"value": f"{y}-{m:02d}"}
        elif form == "year":
            f = {"value": y}
        else:
            f = {"value": f"{y + 1}", "hedge": "before"}
        out.append(ClaimSpec(key, f))
    if plant:
        # After every honest claim (the latest admits dates before year + 1).
        out.append(ClaimSpec(key, {"value": f"{y + 3}-{m:02d}"}, planted=True))
    return out


def _text(key: Key, n: int, plant: bool, rng: random.Random) -> list[ClaimSpec]:
    truth = f"Official Name {rng.randrange(10**6)}"
    out = [
        ClaimSpec(key, {"value": truth if rng.random() < 0.5 else f"  {truth.lower()}"})
        for _ in range(n - plant)
    ]
    if plant:
        out.append(ClaimSpec(key, {"value": f"Other Name {rng.randrange(10**6)}"}, planted=True))
    return out


def _entity(key: Key, n: int, plant: bool, rng: random.Random) -> list[ClaimSpec]:
    truth = rng.randrange(N_PLACES)
    wrong = (truth + 1 + rng.randrange(N_PLACES - 1)) % N_PLACES
    out = [
        ClaimSpec(key, {"value": f"place-{truth}" if rng.random() < 0.5 else f"Place {truth}"})
        for _ in range(n - plant)
    ]
    if plant:
        out.append(ClaimSpec(key, {"value": f"place-{wrong}"}, planted=True))
    return out


def _status(key: Key, n: int, plant: bool, rng: random.Random) -> list[ClaimSpec]:
    i = rng.randrange(len(STATUS_VALUES))
    out = [ClaimSpec(key, {"value": STATUS_VALUES[i]}) for _ in range(n - plant)]
    if plant:
        wrong = STATUS_VALUES[(i + 1) % len(STATUS_VALUES)]
        out.append(ClaimSpec(key, {"value": wrong}, planted=True))
    return out


def _boolean(key: Key, n: int, plant: bool, rng: random.Random) -> list[ClaimSpec]:
    truth = rng.random() < 0.5
    out = [ClaimSpec(key, {"value": truth}) for _ in range(n - plant)]
    if plant:
        out.append(ClaimSpec(key, {"value": not truth}, planted=True))
    return out


#: Property type -> planter for ``agree``: claims on one key must be compatible.
AGREE: dict[str, Planter] = {
    "quantity": _quantity,
    "date": _date,
    "text": _text,
    "entity": _entity,
    "status": _status,
    "boolean": _boolean,
}

#: What a scenario returns: its claims (each goes to a different source) and the
#: conflicts the audit must report, as (rule id, indexes into the claims).
Outcome = tuple[list[ClaimSpec], list[tuple[str, list[int]]]]
#: A scenario states facts about one subject (and may add entities or aliases to the
#: plan): it gets the plan, the subject id, whether to plant a conflict, and a generator.
Scenario = Callable[[Plan, str, bool, random.Random], Outcome]


@dataclass
class Kind:
    """What a check kind adds to the corpus: properties, rules and scenarios."""

    properties: list[dict[str, Any]]
    rules: list[dict[str, Any]]
    scenarios: list[Scenario]


def _agree_kind() -> Kind:
    kind = Kind([], [], [])
    for ptype, count in PROPERTY_TYPES.items():
        for i in range(count):
            pid = f"{ptype}-{i}"
            p: dict[str, Any] = {"id": pid, "type": ptype}
            if ptype == "quantity":
                p.update(unit="people", tolerance=0.1)
            if ptype == "status":
                p["values"] = STATUS_VALUES
            kind.properties.append(p)
            rule = f"agree-{pid}"
            kind.rules.append(
                {"id": rule, "kind": "agree", "select": {"property": pid}, "description": rule}
            )
            kind.scenarios.append(_agree_scenario(pid, ptype, rule))
    return kind


def _agree_scenario(pid: str, ptype: str, rule: str) -> Scenario:
    def scenario(plan: Plan, subject: str, plant: bool, rng: random.Random) -> Outcome:
        key = Key(subject, pid, ptype, rng.randrange(1990, 2025), rule)
        claims = AGREE[ptype](key, rng.randrange(3, 6), plant, rng)
        # The planted claim clashes with every other claim of its key, which agree with
        # each other: one conflict citing the whole group.
        return claims, [(rule, list(range(len(claims))))] if plant else []

    return scenario


def _bound_kind() -> Kind:
    """``bound``: a load never exceeds the limit of the same subject."""
    rule = "bound-load"

    def scenario(plan: Plan, subject: str, plant: bool, rng: random.Random) -> Outcome:
        limit = rng.randrange(1000, 100_000)
        lim, load = Key(subject, "limit", "quantity", 0), Key(subject, "load", "quantity", 0)
        claims = [
            ClaimSpec(lim, {"value": limit}),
            ClaimSpec(lim, {"value": limit, "hedge": "about"}),
        ]
        for _ in range(rng.randrange(1, 3)):
            claims.append(ClaimSpec(load, {"value": round(limit * rng.uniform(0.3, 0.8))}))
        # Look-alike: "about" 5% over the limit may still be within it.
        claims.append(ClaimSpec(load, {"value": round(limit * 1.05), "hedge": "about"}))
        if not plant:
            return claims, []
        # Above every value the limit claims admit ("about" reaches 1.1 x limit).
        claims.append(ClaimSpec(load, {"value": limit * 2, "hedge": "more-than"}, planted=True))
        return claims, [(rule, [len(claims) - 1, 0, 1])]

    return Kind(
        [
            {"id": "limit", "type": "quantity", "unit": "people", "tolerance": 0.1},
            {"id": "load", "type": "quantity", "unit": "people", "tolerance": 0.1},
        ],
        [
            {
                "id": rule,
                "kind": "bound",
                "select": {"property": "load"},
                "params": {"max": "limit"},
                "description": rule,
            }
        ],
        [scenario],
    )


def _lifetime_kind() -> Kind:
    """``lifetime``: no dated figure about a subject precedes its start."""
    rule = "lifetime-visitors"

    def scenario(plan: Plan, subject: str, plant: bool, rng: random.Random) -> Outcome:
        y, m = rng.randrange(1990, 2020), rng.randrange(1, 13)
        start, visitors = (
            Key(subject, "founded", "date", y),
            Key(subject, "visitors", "quantity", y),
        )
        claims = [ClaimSpec(start, {"value": f"{y}-{m:02d}"}), ClaimSpec(start, {"value": y})]
        if rng.random() < 0.5:
            # Look-alike: a figure that fits one of two disputed starts is left to agree.
            claims.append(ClaimSpec(start, {"value": f"{y - 1}"}))
            claims.append(
                ClaimSpec(visitors, {"value": rng.randrange(100, 10_000), "as_of": f"{y - 1}"})
            )
        starts = [i for i, c in enumerate(claims) if c.key is start]
        for _ in range(rng.randrange(1, 3)):
            later = f"{y + rng.randrange(1, 5)}"
            claims.append(
                ClaimSpec(visitors, {"value": rng.randrange(100, 10_000), "as_of": later})
            )
        if not plant:
            return claims, []
        early = {"value": rng.randrange(100, 10_000), "as_of": f"{y - 2}"}
        claims.append(ClaimSpec(visitors, early, planted=True))
        return claims, [(rule, [len(claims) - 1, *starts])]

    return Kind(
        [
            {"id": "founded", "type": "date"},
            {"id": "visitors", "type": "quantity", "unit": "people", "tolerance": 0.1},
        ],
        [
            {
                "id": rule,
                "kind": "lifetime",
                "select": {"property": "visitors"},
                "params": {"start": "founded"},
                "description": rule,
            }
        ],
        [scenario],
    )


def _rule(rid: str, kind: str, select: dict[str, Any] | None, **params: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {"id": rid, "kind": kind}
    if select:
        rule["select"] = select
    if params:
        rule["params"] = params
    rule["description"] = rid
    return rule


def _quantity_prop(pid: str, unit: str = "people", **more: Any) -> dict[str, Any]:
    return {"id": pid, "type": "quantity", "unit": unit, "tolerance": 0.1, **more}


def _trend_kind() -> Kind:
    """``trend``: a series grows at most 2-fold a year; a running total never falls."""
    growth, total = "trend-growth", "trend-running-total"

    def series(plan: Plan, subject: str, plant: bool, rng: random.Random) -> Outcome:
        y, base = rng.randrange(1990, 2020), rng.randrange(1000, 100_000)
        key = Key(subject, "headcount", "quantity", y, growth)
        claims = []
        # Within 1.3 x base (about: 0.9..1.43 x base) over three years: at most 1.59-fold.
        for i in range(rng.randrange(2, 4)):
            v = round(base * rng.uniform(1, 1.3)) if i else base
            hedge = {"hedge": "about"} if rng.random() < 0.4 else {}
            claims.append(ClaimSpec(key, {"value": v, **hedge, "as_of": f"{y + i}"}))
        # Look-alike: doubled two years later, where the rule allows 4-fold.
        claims.append(ClaimSpec(key, {"value": base * 2, "as_of": f"{y + 3}"}))
        if not plant:
            return claims, []
        # 10-fold within two years of every claim but the last (which allows 8-fold).
        claims.append(ClaimSpec(key, {"value": base * 10, "as_of": f"{y + 1}"}, planted=True))
        n = len(claims)
        return claims, [(growth, [i for i in range(n) if i != n - 2])]

    def running(plan: Plan, subject: str, plant: bool, rng: random.Random) -> Outcome:
        y, base = rng.randrange(1990, 2020), rng.randrange(1000, 100_000)
        key = Key(subject, "arrests-total", "quantity", y, total)
        claims = [ClaimSpec(key, {"value": base * (i + 1), "as_of": f"{y + i}"}) for i in range(3)]
        # Look-alike: lower, but "about" still admits the last figure.
        claims.append(
            ClaimSpec(key, {"value": round(base * 2.9), "hedge": "about", "as_of": f"{y + 3}"})
        )
        if not plant:
            return claims, []
        # Below every earlier figure; the same year as the look-alike orders nothing.
        claims.append(ClaimSpec(key, {"value": base // 2, "as_of": f"{y + 3}"}, planted=True))
        return claims, [(total, [0, 1, 2, 4])]

    return Kind(
        [
            _quantity_prop("headcount"),
            _quantity_prop("arrests-total", cumulative=True),
        ],
        [
            _rule(growth, "trend", {"property": "headcount"}, max_factor=2, per_days=365),
            _rule(total, "trend", {"property": "arrests-total"}),
        ],
        [series, running],
    )


def _derived_kind() -> Kind:
    """``derived``: units x places per unit = total places (5% tolerance)."""
    rule = "derived-places"

    def scenario(plan: Plan, subject: str, plant: bool, rng: random.Random) -> Outcome:
        units, per = rng.randrange(2, 50), rng.randrange(10, 1000)
        k_units = Key(subject, "units", "quantity", 0, rule)
        k_per = Key(subject, "places-per-unit", "quantity", 0, rule)
        k_total = Key(subject, "places", "quantity", 0, rule)
        claims = [
            ClaimSpec(k_units, {"value": units}),
            ClaimSpec(k_per, {"value": per}),
            ClaimSpec(k_total, {"value": units * per}),
            # Look-alike: 4% off, within the rule's tolerance.
            ClaimSpec(k_total, {"value": round(units * per * 1.04)}),
        ]
        if rng.random() < 0.5:
            claims.append(ClaimSpec(k_per, {"value": per, "hedge": "about"}))
        if not plant:
            return claims, []
        claims.append(ClaimSpec(k_total, {"value": units * per * 2}, planted=True))
        # Each claim is in a source of its own, so every combination of inputs is tried;
        # none fits, and the result is one finding citing all of them.
        n = len(claims)
        return claims, [(rule, [0, *(p for p in (1, 4) if p < n - 1), n - 1])]

    return Kind(
        [
            _quantity_prop("units", "units"),
            _quantity_prop("places-per-unit"),
            _quantity_prop("places"),
        ],
        [
            _rule(
                rule,
                "derived",
                {"property": "places"},
                relation="product",
                factors=["units", "places-per-unit"],
                result="places",
                tolerance=0.05,
            )
        ],
        [scenario],
    )


def _change_kind() -> Kind:
    """``change``: a stated percentage fall agrees with the levels it runs between."""
    rule = "change-level"

    def scenario(plan: Plan, subject: str, plant: bool, rng: random.Random) -> Outcome:
        y, k, pct = rng.randrange(1990, 2015), rng.randrange(1, 100), rng.randrange(10, 80)
        level = Key(subject, "level", "quantity", y, rule)
        fall = Key(subject, "level-decrease", "quantity", y, rule)
        period = {"start": f"{y}", "end": f"{y + 5}"}
        claims = [
            ClaimSpec(level, {"value": 100 * k, "as_of": f"{y}"}),
            ClaimSpec(level, {"value": 70 * k, "as_of": f"{y + 2}"}),
            ClaimSpec(level, {"value": (100 - pct) * k, "as_of": f"{y + 5}"}),
            ClaimSpec(fall, {"value": pct, "period": period}),
            # Look-alike: another period (no level at its start), not compared.
            ClaimSpec(
                fall, {"value": pct + 15, "period": {"start": f"{y - 3}", "end": f"{y + 5}"}}
            ),
        ]
        if not plant:
            return claims, []
        if rng.random() < 0.5:
            wrong = pct + 15 if pct < 50 else pct - 15
            claims.append(ClaimSpec(fall, {"value": wrong, "period": period}, planted=True))
            return claims, [(rule, [0, 2, len(claims) - 1])]
        # No closed period (none at all, only a date, or one open at an end): reported
        # on its own, for review (severity info).
        when = rng.choice([{}, {"as_of": f"{y + 5}"}, {"period": {"start": f"{y}"}}])
        claims.append(ClaimSpec(fall, {"value": pct + 5, **when}, planted=True))
        return claims, [(rule, [len(claims) - 1])]

    return Kind(
        [_quantity_prop("level", "per 100k"), _quantity_prop("level-decrease", "percent")],
        [
            _rule(
                rule,
                "change",
                {"property": "level-decrease"},
                level="level",
                direction="decrease",
                tolerance=0.01,
            )
        ],
        [scenario],
    )


def _order_kind() -> Kind:
    """``order``: stated orders of events and their dates form no cycle."""
    rule = "order-events"

    def scenario(plan: Plan, subject: str, plant: bool, rng: random.Random) -> Outcome:
        a = subject
        b = plan.entity(f"{subject}-b", f"Event B of {subject}", "event")
        c = plan.entity(f"{subject}-c", f"Event C of {subject}", "event")
        y, m = rng.randrange(1990, 2020), rng.randrange(1, 10)
        day = f"{y}-{m + 2:02d}-{rng.randrange(1, 29):02d}"
        claims = [
            ClaimSpec(Key(a, "event-date", "date", y, rule), {"value": f"{y}-{m:02d}"}),
            ClaimSpec(Key(b, "event-date", "date", y, rule), {"value": day}),
            ClaimSpec(Key(c, "event-date", "date", y, rule), {"value": day}),
            ClaimSpec(Key(a, "precedes", "order", y, rule), {"value": b}),
            # Look-alike: C before B, both on the same day, which orders nothing.
            ClaimSpec(Key(c, "precedes", "order", y, rule), {"value": b}),
        ]
        if not plant:
            return claims, []
        if rng.random() < 0.5:
            # Against the stated order: A before B (one claim) and B before A.
            claims.append(ClaimSpec(Key(b, "precedes", "order", y, rule), {"value": a}, True))
            return claims, [(rule, [3, len(claims) - 1])]
        # Against the dates alone: A's month is before C's day.
        claims.append(ClaimSpec(Key(c, "precedes", "order", y, rule), {"value": a}, True))
        return claims, [(rule, [0, 2, len(claims) - 1])]

    return Kind(
        [{"id": "event-date", "type": "date"}, {"id": "precedes", "type": "order"}],
        [_rule(rule, "order", {"property": "precedes"}, date="event-date")],
        [scenario],
    )


def _reference_kind() -> Kind:
    """``reference``: an article's title is one the reference gives for that date."""
    rule = "reference-title"

    def scenario(plan: Plan, subject: str, plant: bool, rng: random.Random) -> Outcome:
        y, n = rng.randrange(1990, 2015), rng.randrange(10**6)
        key = Key(subject, "title", "text", y, rule)
        first, second = f"Director {n}", f"Minister {n}"
        claims = [
            ClaimSpec(
                key,
                {"value": first, "period": {"start": f"{y}-01-15", "end": f"{y + 4}-06-30"}},
                reference=True,
            ),
            ClaimSpec(
                key, {"value": second, "period": {"start": f"{y + 4}-07-01"}}, reference=True
            ),
            # Look-alikes: each title inside its period.
            ClaimSpec(key, {"value": first, "as_of": f"{y + 2}"}),
            ClaimSpec(key, {"value": second, "as_of": f"{y + 6}"}),
        ]
        if not plant:
            return claims, []
        # The first title, dated when the reference gives only the second.
        claims.append(ClaimSpec(key, {"value": first, "as_of": f"{y + 6}-03"}, planted=True))
        return claims, [(rule, [0, 1, len(claims) - 1])]

    return Kind(
        [{"id": "title", "type": "text"}],
        [_rule(rule, "reference", {"property": "title"})],
        [scenario],
    )


def _naming_kind() -> Kind:
    """``naming``: a quote that uses a name marked as a misspelling or mistranslation."""
    rule = "naming-wrong-names"

    def scenario(plan: Plan, subject: str, plant: bool, rng: random.Random) -> Outcome:
        n = subject.rsplit("-", 1)[1]
        misspelt, mistranslated = f"Subjcet {n}", f"Sujeto {n}"
        plan.aliases.setdefault(subject, []).extend(
            [
                {"name": misspelt, "error": "misspelling"},
                {"name": mistranslated, "lang": "es", "error": "mistranslation"},
            ]
        )
        key = Key(subject, "staff", "quantity", 0, rule)
        staff = rng.randrange(10, 1000)
        claims = [
            ClaimSpec(key, {"value": staff}, quote_name=f"Subject {n}"),
            # Look-alikes: a correct alias, and the wrong name inside a longer word.
            ClaimSpec(key, {"value": staff}, quote_name=f"Subjekt {n}"),
            ClaimSpec(key, {"value": staff}, quote_name=f"{misspelt}th"),
        ]
        if not plant:
            return claims, []
        wrong = rng.choice([misspelt, mistranslated])
        claims.append(ClaimSpec(key, {"value": staff}, planted=True, quote_name=wrong))
        return claims, [(rule, [len(claims) - 1])]

    return Kind(
        [_quantity_prop("staff")],
        [_rule(rule, "naming", None)],
        [scenario],
    )


#: Check kind -> what it plants. Add a kind here (with its ``_<kind>_kind`` function).
KINDS: dict[str, Callable[[], Kind]] = {
    "agree": _agree_kind,
    "bound": _bound_kind,
    "lifetime": _lifetime_kind,
    "trend": _trend_kind,
    "derived": _derived_kind,
    "change": _change_kind,
    "order": _order_kind,
    "reference": _reference_kind,
    "naming": _naming_kind,
}


def _plan(claims: int, seed: int, share: float, kinds: list[str]) -> Plan:
    rng = random.Random(seed)
    plan = Plan()
    scenarios: list[Scenario] = []
    for name in kinds:
        kind = KINDS[name]()
        plan.properties.extend(kind.properties)
        plan.rules.extend(kind.rules)
        scenarios.extend(kind.scenarios)
    for i in range(N_PLACES):
        plan.entities.append(
            {"id": f"place-{i}", "name": f"Place {i}", "kind": "place", "aliases": [f"P{i}"]}
        )
    q = Fraction(share).limit_denominator(10**6)
    total = 0
    k = 0
    while total < claims:
        j, n = k % len(scenarios), k // len(scenarios)
        subject = f"subject-{n}"
        # Exact arithmetic: 50 x 0.02 must be 1, not 1.0000000000000002.
        plant = math.ceil((n + 1) * q) > math.ceil(n * q)
        group, conflicts = scenarios[j](plan, subject, plant, rng)
        plan.groups.append(group)
        plan.expected.append(conflicts)
        total += len(group)
        k += 1
    n_subjects = -(-len(plan.groups) // len(scenarios))
    for i in range(n_subjects):
        plan.entities.append(
            {
                "id": f"subject-{i}",
                "name": f"Subject {i}",
                "kind": "facility",
                "aliases": [
                    f"SUB{i}",
                    {"name": f"Subjekt {i}", "lang": "de"},
                    *plan.aliases.get(f"subject-{i}", []),
                ],
            }
        )
    return plan


def _yaml_scalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_yaml_scalar(x) for x in v) + "]"
    return json.dumps(v)  # a JSON string is a valid double-quoted YAML scalar


def _write_list(path: Path, top: str, items: list[dict[str, Any]]) -> None:
    lines = [f"{top}:"]
    for item in items:
        first = True
        for k, v in item.items():
            lead = "  - " if first else "    "
            first = False
            if isinstance(v, dict):
                inner = ", ".join(f"{a}: {_yaml_scalar(b)}" for a, b in v.items())
                lines.append(f"{lead}{k}: {{{inner}}}")
            elif isinstance(v, list) and v and isinstance(v[0], dict | str) and k == "aliases":
                lines.append(f"{lead}{k}:")
                for a in v:
                    if isinstance(a, dict):
                        inner = ", ".join(f"{x}: {_yaml_scalar(y)}" for x, y in a.items())
                        lines.append(f"      - {{{inner}}}")
                    else:
                        lines.append(f"      - {_yaml_scalar(a)}")
            else:
                lines.append(f"{lead}{k}: {_yaml_scalar(v)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate(out: Path, claims: int, seed: int = 1, share: float = 0.02) -> dict[str, Any]:
    """Write the corpus under ``out/facts`` and ``out/expected.json``; return the manifest."""
    kinds = [k for k in KINDS if k in _known_kinds()]
    plan = _plan(claims, seed, share, kinds)
    rng = random.Random(seed + 1)
    n_refs = sum(spec.reference for group in plan.groups for spec in group)
    # Enough sources that each claim of a group lands in a different one.
    widest = max(sum(not c.reference for c in group) for group in plan.groups)
    n_articles = sum(len(g) for g in plan.groups) - n_refs
    n_sources = max(widest, -(-n_articles // CLAIMS_PER_SOURCE))
    n_records = -(-n_refs // CLAIMS_PER_SOURCE)
    per_source: list[list[tuple[str, ClaimSpec]]] = [[] for _ in range(n_sources)]
    per_record: list[list[tuple[str, ClaimSpec]]] = [[] for _ in range(n_records)]
    expected: list[tuple[str, list[str]]] = []
    kind_of = {r["id"]: r["kind"] for r in plan.rules}
    for g, group in enumerate(plan.groups):
        refs = []
        articles = iter(rng.sample(range(n_sources), sum(not c.reference for c in group)))
        for j, spec in enumerate(group):
            cid = f"k{g}-c{j}"
            if spec.reference:
                r = rng.randrange(n_records)
                per_record[r].append((cid, spec))
                refs.append(f"ref-{r:07d}/{cid}")
            else:
                s = next(articles)
                per_source[s].append((cid, spec))
                refs.append(f"src-{s:07d}/{cid}")
        for rule, members in plan.expected[g]:
            expected.append((rule, sorted(refs[m] for m in members)))
    root = out / "facts"
    if root.exists():
        shutil.rmtree(root)
    (root / "sources").mkdir(parents=True)
    # At most 20,000 entities a file: a million claims' entities would pass the loader's
    # 4 MiB limit on one file.
    for n, i in enumerate(range(0, max(len(plan.entities), 1), 20_000)):
        name = "entities.yaml" if n == 0 else f"entities-{n + 1}.yaml"
        _write_list(root / name, "entities", plan.entities[i : i + 20_000])
    _write_list(root / "properties.yaml", "properties", plan.properties)
    _write_list(root / "rules.yaml", "rules", plan.rules)
    for s, items in enumerate(per_source):
        _write_source(root / "sources" / f"src-{s:07d}.yaml", s, items, rng)
    if per_record:
        (root / "reference").mkdir()
    for r, items in enumerate(per_record):
        _write_record(root / "reference" / f"ref-{r:07d}.yaml", r, items)
    manifest = {
        "claims": sum(len(g) for g in plan.groups),
        "sources": n_sources,
        "references": n_records,
        "keys": len(plan.groups),
        "seed": seed,
        "kinds": kinds,
        "planted": dict(sorted(Counter(kind_of[rule] for rule, _ in expected).items())),
        "conflicts": [[rule, refs] for rule, refs in sorted(expected)],
    }
    (out / "expected.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


_SUBJECT = re.compile(r"subject-(\d+)")


def _write_source(
    path: Path, s: int, items: list[tuple[str, ClaimSpec]], rng: random.Random
) -> None:
    sid = f"src-{s:07d}"
    lines = [
        "source:",
        f"  id: {sid}",
        "  kind: article",
        f'  title: "Synthetic article number {s}: a report on facilities"',
        f"  publisher: Publisher {s % 97}",
        f"  published: 2025-{1 + s % 12:02d}-{1 + s % 28:02d}",
        "  language: en",
        "  snapshot:",
        f"    file: {sid}.txt",
        f"    sha256: {SHA}",
        "claims:",
    ]
    for cid, spec in items:
        key = spec.key
        subject = key.subject
        if m := _SUBJECT.fullmatch(subject):
            n = m.group(1)
            subject = rng.choice([subject, subject, f"SUB{n}", f"Subjekt {n}"])
        lines.append(f"  - id: {cid}")
        lines.append(f"    subject: {_yaml_scalar(subject) if ' ' in subject else subject}")
        lines.append(f"    property: {key.prop}")
        for k, v in spec.fields.items():
            lines.append(f"    {k}: {_yaml_scalar(v)}")
        if key.rule.startswith("agree-") and key.ptype == "quantity" and rng.random() < 0.3:
            lines.append(f"    as_of: {key.year}")
        if rng.random() < 0.2:
            lines.append(f"    attributed_to: {json.dumps(f'Spokesperson {rng.randrange(1000)}')}")
        if rng.random() < 0.1:
            lines.append("    note: >-")
            lines.append("      A longer note that spans lines, as reporters write them when a")
            lines.append("      figure needs context: who said it, and when.")
        name = spec.quote_name or subject
        quote = f"{name} {key.prop.replace('-', ' ')}: {spec.fields['value']} (as reported)"
        lines.append(f"    quote: {json.dumps(quote)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_record(path: Path, r: int, items: list[tuple[str, ClaimSpec]]) -> None:
    """A reference source: established facts, each with a basis instead of a quote."""
    rid = f"ref-{r:07d}"
    lines = [
        "source:",
        f"  id: {rid}",
        "  kind: reference",
        f'  title: "Synthetic reference record {r}"',
        '  basis: "Official registers of the synthetic facilities."',
        "claims:",
    ]
    for cid, spec in items:
        lines.append(f"  - id: {cid}")
        lines.append(f"    subject: {spec.key.subject}")
        lines.append(f"    property: {spec.key.prop}")
        for k, v in spec.fields.items():
            lines.append(f"    {k}: {_yaml_scalar(v)}")
        lines.append(f'    basis: "Register entry {cid}."')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _known_kinds() -> set[str]:
    try:
        from factcheck.rules.checks import KINDS
    except ImportError:  # generating without factcheck installed: plant every kind we know
        return set(KINDS)
    return set(KINDS)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path)
    p.add_argument("--claims", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--conflict-share", type=float, default=0.02)
    args = p.parse_args(argv)
    m = generate(args.out, args.claims, args.seed, args.conflict_share)
    print(
        f"{m['claims']} claims in {m['sources']} sources, {m['keys']} keys, "
        f"{len(m['conflicts'])} planted conflicts "
        f"({', '.join(f'{k} {n}' for k, n in m['planted'].items())})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
