"""The ``bound`` check kind: a quantity does not exceed its limit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import MakeCorpus
from .kind_corpora import (
    CAP,
    INM,
    PROPS,
    Case,
    S,
    Sources,
    audit_files,
    check_case,
    check_perturbation,
    files,
    found,
    shuffled_audits_agree,
)

CASES: list[Case] = [
    (
        "below capacity",
        "kind: bound, select: {property: inmates}, params: {max: capacity}",
        {"a": [f"id: x, {CAP}, value: 40000", f"id: y, {INM}, value: 14500, as_of: 2024"]},
        set(),
    ),
    (
        "at capacity",
        "kind: bound, select: {property: inmates}, params: {max: capacity}",
        {"a": [f"id: x, {CAP}, value: 40000", f"id: y, {INM}, value: 40000, as_of: 2024"]},
        set(),
    ),
    (
        "over capacity",
        "kind: bound, select: {property: inmates}, params: {max: capacity}",
        {
            "a": [f"id: x, {CAP}, value: 40000"],
            "b": [f"id: y, {INM}, value: 40000, hedge: more-than, as_of: 2025"],
        },
        {S("a/x", "b/y")},
    ),
    (
        "about 42,000 may be 40,000",
        "kind: bound, select: {property: inmates}, params: {max: capacity}",
        {"a": [f"id: x, {CAP}, value: 40000", f"id: y, {INM}, value: 42000, hedge: about"]},
        set(),
    ),
    (
        "other facility's capacity",
        "kind: bound, select: {property: inmates}, params: {max: capacity}",
        {
            "a": [
                "id: x, subject: rikers, property: capacity, value: 14000",
                f"id: y, {INM}, value: 20000",
            ]
        },
        set(),
    ),
]


@pytest.mark.parametrize(("name", "rule", "sources", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case_table(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    check_case(make_corpus(files(rule, sources), defaults=False), "bound", rule, expected)


@pytest.mark.parametrize(
    ("name", "rule", "sources", "expected"),
    [c for c in CASES if c[3]],
    ids=[c[0] for c in CASES if c[3]],
)
def test_claim_order_does_not_matter(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    shuffled_audits_agree(make_corpus(files(rule, sources), defaults=False))


@PROPS
@given(cap=st.integers(100, 10**6), shares=st.lists(st.floats(0, 1), min_size=1, max_size=5))
def test_bound_properties(cap: int, shares: list[float]) -> None:
    rule = "kind: bound, select: {property: inmates}, params: {max: capacity}"
    counts = [
        f"id: i{n}, {INM}, value: {int(cap * s)}, as_of: {2020 + n}" for n, s in enumerate(shares)
    ]
    clean = {"a": [f"id: c, {CAP}, value: {cap}"], "b": counts}
    perturbed = {
        "a": clean["a"],
        "b": [*counts[1:], f"id: i0, {INM}, value: {cap * 2 + 1}, as_of: 2020"],
    }
    check_perturbation(rule, clean, perturbed, "b/i0")


def test_bound_compares_across_units() -> None:
    props = "kind: bound, select: {property: height}, params: {max: summit}"
    over = audit_files(
        files(
            props,
            {
                "a": ["id: s, subject: e1, property: summit, value: 8848"],
                "b": ["id: h, subject: e1, property: height, value: '29100', unit: ft"],
            },
        )
    )
    assert found(over) == {S("a/s", "b/h")}  # 29,100 ft is 8,870 m
    under = audit_files(
        files(
            props,
            {
                "a": ["id: s, subject: e1, property: summit, value: 8848"],
                "b": ["id: h, subject: e1, property: height, value: '28000', unit: ft"],
            },
        )
    )
    assert under.conflicts == ()  # 28,000 ft is 8,534 m: raw, 28,000 > 8,848 would clash


@PROPS
@given(
    value=st.integers(0, 10**6),
    hedge=st.sampled_from(["exact", "about", "at-most", "at-least", "more-than", "less-than"]),
)
def test_a_figure_never_exceeds_itself(value: int, hedge: str) -> None:
    """A property bounded by itself: every claim is within its own limit."""
    rule = "kind: bound, select: {property: capacity}, params: {max: capacity}"
    claim = f"id: x, {CAP}, value: {value}, hedge: {hedge}"
    assert audit_files(files(rule, {"a": [claim], "b": [claim]})).conflicts == ()


def _metres(feet: int) -> str:
    """``feet`` in metres, to the last digit (1 ft is 0.3048 m exactly)."""
    return str(Decimal(feet) * Decimal("0.3048"))


@PROPS
@given(feet=st.integers(1, 10**5), limit_in_feet=st.booleans())
def test_a_figure_never_exceeds_its_exact_conversion(feet: int, limit_in_feet: bool) -> None:
    """A length equal to its limit in other units is within it, whatever float error the
    conversion leaves (1 ft becomes 0.30479999999999996 m); a little more is over it."""
    rule = "kind: bound, select: {property: length}, params: {max: summit}"
    in_feet, in_metres = f"value: {feet}, unit: ft", f"value: {_metres(feet)}"
    limit, length = (in_feet, in_metres) if limit_in_feet else (in_metres, in_feet)
    clean = {
        "a": [f"id: s, subject: e1, property: summit, {limit}"],
        "b": [f"id: l, subject: e1, property: length, {length}"],
    }
    more = Decimal(_metres(feet)) * Decimal("1.0001")
    over = f"value: {more}" if limit_in_feet else f"value: {feet * 1.0001!r}, unit: ft"
    perturbed = {"a": clean["a"], "b": [f"id: l, subject: e1, property: length, {over}"]}
    check_perturbation(rule, clean, perturbed, "b/l")
