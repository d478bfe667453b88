"""The ``derived`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from itertools import combinations, product
from typing import Literal

from pydantic import Field, model_validator

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.intervals import iv_add, iv_inv, iv_mul, iv_neg
from factcheck.domain.model import Rule
from factcheck.domain.values import (
    Interval,
    intersects,
)
from factcheck.rules._shared import (
    above,
    by_subject,
    entity_name,
    in_own_unit,
    quantities_of,
    said_by,
    same_time,
    source_ids,
    widen,
)
from factcheck.rules.registry import Finding, Params, check, parse_params


class DerivedParams(Params):
    """An arithmetic relation between properties of one subject (see docs/checks.md)."""

    relation: Literal["ratio", "product", "sum"]
    numerator: str | None = None
    denominator: str | None = None
    scale: float = Field(default=1.0, gt=0)
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
            return iv_mul(iv_mul(values[0], iv_inv(values[1])), Interval.point(self.scale))
        out = values[0]
        for v in values[1:]:
            out = iv_mul(out, v) if self.relation == "product" else iv_add(out, v)
        return out


_RELATION = {"equal": "equal to", "at-most": "at least", "at-least": "at most"}


#: The float error a computed figure may carry (0.1 + 0.2 is 0.30000000000000004, 7 /
#: 100,000 x 100,000 is 7.000000000000001, a figure converted from feet to metres): the
#: computed figure is widened by a billionth before it is compared.
_FLOAT_ERROR = 1e-9


def _fits(exact: Interval, claimed: Interval, compare: str) -> bool:
    computed = widen(exact, _FLOAT_ERROR)
    if compare == "at-most":
        return not above(computed, claimed)
    if compare == "at-least":
        return not above(claimed, computed)
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
    return [c for c in combos if all(same_time(a, b) for a, b in combinations(c, 2))]


def _formula(p: DerivedParams, combo: Combo) -> str:
    op = {"ratio": " / ", "product": " x ", "sum": " + "}[p.relation]
    scale = f" x {p.scale:g}" if p.relation == "ratio" and p.scale != 1 else ""
    return op.join(f"{f.prop.id} {f.describe()} ({f.source.id})" for f in combo) + scale


@check("derived", DerivedParams, reach="subject")
def derived(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A figure computed from other properties matches the figure claimed for it.

    Each claimed result is checked against the inputs :func:`_derivations` picks and
    fails only when none of them fits. Results failing against the same inputs are one
    finding, citing every such result.
    """
    p = parse_params(rule, DerivedParams)
    inputs = [by_subject(corpus, prop) for prop in p.inputs()]
    # Keyed by the values the inputs give, not by the claims giving them: two sources
    # giving the same inputs make one disagreement with a result, not one per source.
    failed: dict[tuple[str, frozenset[tuple[str, ...]]], list[Fact]] = defaultdict(list)
    tried: dict[tuple[str, frozenset[tuple[str, ...]]], list[Combo]] = defaultdict(list)
    undecided: dict[tuple[str, tuple[str, ...]], list[Fact]] = defaultdict(list)
    open_combos: dict[tuple[str, tuple[str, ...]], list[Combo]] = defaultdict(list)
    for out in quantities_of(f for f in facts if f.prop.id == p.output()):
        choices = [
            [f for f in quantities_of(i.get(out.subject, [])) if same_time(f, out)] for i in inputs
        ]
        combos = _derivations(choices, out)
        computed = [widen(p.compute([in_own_unit(f) for f in c]), p.tolerance) for c in combos]
        fitting = [
            c
            for c, v in zip(combos, computed, strict=True)
            if _fits(v, in_own_unit(out), p.compare)
        ]
        if combos and not fitting:
            key = (out.subject, frozenset(_values(c) for c in combos))
            failed[key].append(out)
            tried[key] += [c for c in combos if c not in tried[key]]
        elif fitting and all(_open_ended(p, c) is not None for c in fitting):
            # Fits only because a hedge leaves the computed figure unbounded ("more
            # than 100" per cell): not a conflict, but what it takes is worth a look.
            # Keyed by its figures, as failures are: sources repeating them are one.
            at = (out.subject, _values(fitting[0]))
            undecided[at].append(out)
            open_combos[at] += [c for c in fitting[:1] if c not in open_combos[at]]
    yield from _undecided(p, undecided, open_combos, corpus)
    unit = corpus.properties[p.output()].unit
    for key, outs in sorted(failed.items(), key=lambda kv: (kv[0][0], _refs(tried[kv[0]]))):
        subject, combos = key[0], sorted(tried[key], key=lambda c: [f.ref for f in c])
        gives = "; ".join(
            f"{_formula(p, c)} gives {_figure(p.compute([in_own_unit(f) for f in c]), p, unit)}"
            for c in combos
        )
        cited = sorted({f.ref: f for c in combos for f in c}.values(), key=lambda f: f.ref)
        yield Finding(
            (*outs, *cited),
            f"{entity_name(corpus, subject)}: {gives} (tolerance {p.tolerance:g}), but "
            f"{said_by(outs)} for {p.output()}; it should be {_RELATION[p.compare]} the "
            "computed figure",
            key=" ".join(f.ref for f in cited),
        )


def _values(combo: Combo) -> tuple[str, ...]:
    """What a combination of inputs says, whoever says it."""
    return tuple(f"{f.prop.id}={f.value} {f.unit or ''}" for f in combo)


def _refs(combos: list[Combo]) -> list[list[str]]:
    return sorted([f.ref for f in c] for c in combos)


def _figure(value: Interval, p: DerivedParams, unit: str | None) -> str:
    """A computed figure, widened by the rule's tolerance, in the result's unit."""
    return f"{widen(value, p.tolerance)}{f' {unit}' if unit else ''}"


def _open_ended(p: DerivedParams, combo: Combo) -> int | None:
    """The one input of a combination whose value is unbounded, if it alone is."""
    if p.compare != "equal":
        return None
    unbounded = [
        i
        for i, f in enumerate(combo)
        if math.isinf(in_own_unit(f).lo) or math.isinf(in_own_unit(f).hi)
    ]
    return unbounded[0] if len(unbounded) == 1 else None


def _solve(p: DerivedParams, combo: Combo, which: int, result: Interval) -> Interval:
    """The values input ``which`` would need for the relation to give ``result``."""
    others = [in_own_unit(f) for i, f in enumerate(combo) if i != which]
    if p.relation == "sum":
        return iv_add(result, iv_neg(p.compute(others) if others else Interval.point(0.0)))
    if p.relation == "product":
        return iv_mul(result, iv_inv(p.compute(others))) if others else result
    # ratio: result = numerator / denominator x scale
    unscaled = iv_mul(result, Interval.point(1 / p.scale))
    if which == 0:
        return iv_mul(unscaled, others[0])
    return iv_mul(others[0], iv_inv(unscaled))


def _undecided(
    p: DerivedParams,
    undecided: Mapping[tuple[str, tuple[str, ...]], list[Fact]],
    open_combos: Mapping[tuple[str, tuple[str, ...]], list[Combo]],
    corpus: Corpus,
) -> Iterator[Finding]:
    unit = corpus.properties[p.output()].unit
    for at, outs in sorted(undecided.items(), key=lambda kv: (kv[0][0], _refs(open_combos[kv[0]]))):
        subject, combos = at[0], sorted(open_combos[at], key=lambda c: [f.ref for f in c])
        combo = combos[0]
        which = _open_ended(p, combo)
        assert which is not None
        hedged = combo[which]
        needs: dict[str, list[Fact]] = defaultdict(list)
        for out in outs:
            solved = _solve(p, combo, which, in_own_unit(out))
            key = f"{out.describe()} needs {hedged.prop.id} {solved}"
            needs[key].append(out)
        need = "; ".join(
            f"{what} ({', '.join(sorted(source_ids(said)))})" for what, said in needs.items()
        )
        computed = _figure(p.compute([in_own_unit(f) for f in combo]), p, unit)
        inputs = sorted({f.ref: f for c in combos for f in c}.values(), key=lambda f: f.ref)
        yield Finding(
            (*inputs, *outs),
            f"{entity_name(corpus, subject)}: {_formula(p, combo)} gives {computed}, only a bound "
            f"that cannot decide {p.output()}: {need} on average, where "
            f"{said_by(c[which] for c in combos)}",
            severity="info",
            key="undecided " + " ".join(f.ref for f in combo),
        )
