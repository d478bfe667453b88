"""Synthetic corpora in the real fact-file format, with planted conflicts.

    python benchmarks/generate.py OUT --claims 100000 [--seed 1] [--conflict-share 0.02]

writes ``OUT/facts/`` (entities.yaml, properties.yaml, rules.yaml, sources/*.yaml) and
``OUT/expected.json``: every conflict the audit must report, as ``[rule, [refs...]]``,
and nothing else. The corpus is a pure function of ``--claims`` and ``--seed``.

Shape: sources of about 100 claims; every (subject, property) key is stated by 3-5
different sources; a share of the keys gets one planted claim that contradicts all the
others. Claims that agree use every hedge that stays compatible with the truth (exact,
about, between, at-most, ...), subjects are written as ids or aliases, some claims carry
``as_of``, so the audit does real work on the honest claims too.

Adding a check kind: write a ``_<kind>_kind`` function returning its properties, rules
and scenarios (see :data:`Scenario`) and register it in :data:`KINDS`; kinds the
installed factcheck does not know are skipped. Planted now: agree (every property type),
bound, lifetime.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
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

#: A scenario states facts about one subject: its claims (each goes to a different
#: source) and the conflicts the audit must report, as (rule id, indexes into the claims).
Scenario = Callable[[str, bool, random.Random], tuple[list[ClaimSpec], list[tuple[str, list[int]]]]]


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
    def scenario(
        subject: str, plant: bool, rng: random.Random
    ) -> tuple[list[ClaimSpec], list[tuple[str, list[int]]]]:
        key = Key(subject, pid, ptype, rng.randrange(1990, 2025), rule)
        claims = AGREE[ptype](key, rng.randrange(3, 6), plant, rng)
        # The planted claim clashes with every other claim of its key, which agree with
        # each other: one conflict citing the whole group.
        return claims, [(rule, list(range(len(claims))))] if plant else []

    return scenario


def _bound_kind() -> Kind:
    """``bound``: a load never exceeds the limit of the same subject."""
    rule = "bound-load"

    def scenario(
        subject: str, plant: bool, rng: random.Random
    ) -> tuple[list[ClaimSpec], list[tuple[str, list[int]]]]:
        limit = rng.randrange(1000, 100_000)
        lim, load = Key(subject, "limit", "quantity", 0), Key(subject, "load", "quantity", 0)
        claims = [
            ClaimSpec(lim, {"value": limit}),
            ClaimSpec(lim, {"value": limit, "hedge": "about"}),
        ]
        for _ in range(rng.randrange(1, 3)):
            claims.append(ClaimSpec(load, {"value": round(limit * rng.uniform(0.3, 0.8))}))
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

    def scenario(
        subject: str, plant: bool, rng: random.Random
    ) -> tuple[list[ClaimSpec], list[tuple[str, list[int]]]]:
        y, m = rng.randrange(1990, 2020), rng.randrange(1, 13)
        start, visitors = (
            Key(subject, "founded", "date", y),
            Key(subject, "visitors", "quantity", y),
        )
        claims = [ClaimSpec(start, {"value": f"{y}-{m:02d}"}), ClaimSpec(start, {"value": y})]
        for _ in range(rng.randrange(1, 3)):
            later = f"{y + rng.randrange(1, 5)}"
            claims.append(
                ClaimSpec(visitors, {"value": rng.randrange(100, 10_000), "as_of": later})
            )
        if not plant:
            return claims, []
        early = {"value": rng.randrange(100, 10_000), "as_of": f"{y - 2}"}
        claims.append(ClaimSpec(visitors, early, planted=True))
        return claims, [(rule, [len(claims) - 1, 0, 1])]

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


#: Check kind -> what it plants. Add a kind here (with its ``_<kind>_kind`` function).
KINDS: dict[str, Callable[[], Kind]] = {
    "agree": _agree_kind,
    "bound": _bound_kind,
    "lifetime": _lifetime_kind,
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
    total = 0
    k = 0
    while total < claims:
        subject = f"subject-{k // len(scenarios)}"
        group, conflicts = scenarios[k % len(scenarios)](subject, rng.random() < share, rng)
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
                "aliases": [f"SUB{i}", {"name": f"Subjekt {i}", "lang": "de"}],
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
    n_sources = max(3, -(-claims // CLAIMS_PER_SOURCE))
    per_source: list[list[tuple[str, ClaimSpec]]] = [[] for _ in range(n_sources)]
    expected: list[tuple[str, list[str]]] = []
    for g, group in enumerate(plan.groups):
        refs = []
        for j, (spec, s) in enumerate(
            zip(group, rng.sample(range(n_sources), len(group)), strict=True)
        ):
            cid = f"k{g}-c{j}"
            per_source[s].append((cid, spec))
            refs.append(f"src-{s:07d}/{cid}")
        for rule, members in plan.expected[g]:
            expected.append((rule, sorted(refs[m] for m in members)))
    root = out / "facts"
    if root.exists():
        shutil.rmtree(root)
    (root / "sources").mkdir(parents=True)
    _write_list(root / "entities.yaml", "entities", plan.entities)
    _write_list(root / "properties.yaml", "properties", plan.properties)
    _write_list(root / "rules.yaml", "rules", plan.rules)
    for s, items in enumerate(per_source):
        _write_source(root / "sources" / f"src-{s:07d}.yaml", s, items, rng)
    manifest = {
        "claims": sum(len(g) for g in plan.groups),
        "sources": n_sources,
        "keys": len(plan.groups),
        "seed": seed,
        "kinds": kinds,
        "conflicts": [[rule, refs] for rule, refs in sorted(expected)],
    }
    (out / "expected.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


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
        n = int(key.subject.rsplit("-", 1)[1])
        subject = rng.choice([key.subject, key.subject, f"SUB{n}", f"Subjekt {n}"])
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
        quote = f"{subject} {key.prop.replace('-', ' ')}: {spec.fields['value']} (as reported)"
        lines.append(f"    quote: {json.dumps(quote)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _known_kinds() -> set[str]:
    try:
        from factcheck.checks import KINDS
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
        f"{len(m['conflicts'])} planted conflicts ({', '.join(m['kinds'])})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
