"""The ``trend`` check kind: a series changes no faster than the rule allows, and a
running total never falls."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import MakeCorpus
from .kind_corpora import (
    ES,
    INM,
    PROPS,
    Case,
    S,
    Sources,
    audit_files,
    check_case,
    check_perturbation,
    files,
    shuffled_audits_agree,
)

CASES: list[Case] = [
    (
        "slow growth",
        "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}",
        {
            "a": [f"id: x, {INM}, value: 14500, as_of: 2024-08"],
            "b": [f"id: y, {INM}, value: 20000, as_of: 2025-02-04"],
        },
        set(),
    ),
    (
        "almost tripled in six months",
        "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}",
        {
            "a": [f"id: x, {INM}, value: 14500, as_of: 2024-08"],
            "b": [f"id: y, {INM}, value: 40000, hedge: more-than, as_of: 2025-02-04"],
        },
        {S("a/x", "b/y")},
    ),
    (
        "tripled over three years",
        "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}",
        {
            "a": [f"id: x, {INM}, value: 14500, as_of: 2022"],
            "b": [f"id: y, {INM}, value: 43500, as_of: 2025"],
        },
        set(),
    ),
    (
        "centuries apart: no overflow, any change allowed",
        "kind: trend, select: {property: inmates}, params: {max_factor: 10, per_days: 1}",
        {
            "a": [f"id: x, {INM}, value: 1, as_of: 1000"],
            "b": [f"id: y, {INM}, value: 90000, as_of: 2025"],
        },
        set(),
    ),
    (
        "collapse in a month",
        "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}",
        {
            "a": [f"id: x, {INM}, value: 30000, as_of: 2024-01"],
            "b": [f"id: y, {INM}, value: 3000, as_of: 2024-02"],
        },
        {S("a/x", "b/y")},
    ),
    (
        "running total falls",
        "kind: trend, select: {property: arrests}",
        {
            "a": [f"id: x, {ES}, property: arrests, value: 80000, as_of: 2024"],
            "b": [f"id: y, {ES}, property: arrests, value: 60000, as_of: 2025"],
        },
        {S("a/x", "b/y")},
    ),
    (
        "running total grows",
        "kind: trend, select: {property: arrests}",
        {
            "a": [f"id: x, {ES}, property: arrests, value: 60000, hedge: over, as_of: 2023-03"],
            "b": [f"id: y, {ES}, property: arrests, value: 80000, hedge: almost, as_of: 2025"],
        },
        set(),
    ),
    (
        "ordinary count may fall",
        "kind: trend, select: {property: inmates}",
        {
            "a": [
                f"id: x, {INM}, value: 900, as_of: 2024",
                f"id: y, {INM}, value: 100, as_of: 2025",
            ]
        },
        set(),
    ),
]


@pytest.mark.parametrize(("name", "rule", "sources", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case_table(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    check_case(make_corpus(files(rule, sources), defaults=False), "trend", rule, expected)


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
@given(
    start=st.integers(1000, 10**5),
    steps=st.lists(st.floats(0.95, 1.1), min_size=1, max_size=8),
    which=st.integers(0, 8),
)
def test_trend_properties(start: int, steps: list[float], which: int) -> None:
    rule = "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}"
    values = [float(start)]
    for s in steps:
        values.append(values[-1] * s)

    def claims(vals: list[float]) -> list[str]:
        return [
            f"id: m{n}, {INM}, value: {round(x)}, as_of: {2020 + n // 12}-{n % 12 + 1:02d}"
            for n, x in enumerate(vals)
        ]

    which %= len(values)
    bumped = [x * 10 if n == which else x for n, x in enumerate(values)]
    check_perturbation(rule, {"a": claims(values)}, {"a": claims(bumped)}, f"a/m{which}")


def test_trend_finding_cites_counts_agreeing_with_either_end() -> None:
    rule = "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}"
    result = audit_files(
        files(
            rule,
            {
                "a": [f"id: x, {INM}, value: 14500, as_of: 2024-08"],
                "b": [f"id: x, {INM}, value: 40000, as_of: 2025-02-04"],
                "c": [f"id: x, {INM}, value: 40000, hedge: about, as_of: 2025"],
                "d": [f"id: x, {INM}, value: 90000, as_of: 2019"],
            },
        )
    )
    jumps = [c for c in result.conflicts if "a/x" in c.refs]
    assert len(jumps) == 1
    # c, a year-long figure, is no jump from a, but agrees with b at b's time.
    assert jumps[0].refs == {"a/x", "b/x", "c/x"}
    assert jumps[0].support == ("c/x",)
    assert "d/x" not in jumps[0].support


@PROPS
@given(
    value=st.integers(0, 10**6),
    dates=st.lists(
        st.sampled_from(["2020", "2021-06", "2022-01-15", "2024", "2025-02"]), min_size=2
    ),
    prop=st.sampled_from(["inmates", "arrests"]),
)
def test_a_series_that_never_changes_never_jumps(value: int, dates: list[str], prop: str) -> None:
    """The same figure at any dates: no change, no fall of a running total."""
    rule = f"kind: trend, select: {{property: {prop}}}, params: {{max_factor: 1.01, per_days: 1}}"
    claims = [
        f"id: x{n}, subject: cecot, property: {prop}, value: {value}, as_of: '{d}'"
        for n, d in enumerate(dates)
    ]
    assert audit_files(files(rule, {"a": claims})).conflicts == ()


@PROPS
@given(feet=st.integers(1, 10**5), metres_first=st.booleans())
def test_a_running_total_does_not_fall_into_its_exact_conversion(
    feet: int, metres_first: bool
) -> None:
    """The same distance, in feet and then in metres (or the other way), is no fall,
    whatever float error the conversion leaves; a little less later is one."""
    rule = "kind: trend, select: {property: distance}"
    metres = str(Decimal(feet) * Decimal("0.3048"))
    first, then = ((metres, "m"), (str(feet), "ft"))[:: 1 if metres_first else -1]

    def claim(n: int, value: str, unit: str) -> str:
        distance = f"subject: e1, property: distance, value: {value}, unit: {unit}"
        return f"id: x{n}, {distance}, as_of: {2024 + n}"

    less = str(Decimal(then[0]) * Decimal("0.999"))
    check_perturbation(
        rule,
        {"a": [claim(0, *first), claim(1, *then)]},
        {"a": [claim(0, *first), claim(1, less, then[1])]},
        "a/x1",
    )
