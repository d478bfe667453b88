"""The ``change`` check kind: a percentage change agrees with the levels at its period's ends."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import MakeCorpus
from .kind_corpora import (
    DECREASE,
    ES,
    PERIOD,
    PROPS,
    Case,
    S,
    Sources,
    check_case,
    check_perturbation,
    files,
    shuffled_audits_agree,
)

CASES: list[Case] = [
    (
        "fall matches levels",
        DECREASE + "}",
        {
            "a": [
                f"id: s, {ES}, property: homicide-rate, value: 103, as_of: 2015",
                f"id: e, {ES}, property: homicide-rate, value: 2.4, as_of: 2024",
                f"id: d, {ES}, property: decrease, value: 97.7, hedge: about, tolerance: 0.01,"
                f" period: {PERIOD}",
            ]
        },
        set(),
    ),
    (
        "fall of another period",
        DECREASE + "}",
        {
            "a": [
                f"id: s, {ES}, property: homicide-rate, value: 103, as_of: 2015",
                f"id: e, {ES}, property: homicide-rate, value: 2.4, as_of: 2024",
            ],
            "b": [
                f"id: d, {ES}, property: decrease, value: 57, hedge: almost,"
                " period: {start: 2022, end: 2022}"
            ],
        },
        set(),
    ),
    (
        "fall contradicts levels",
        DECREASE + "}",
        {
            "a": [
                f"id: s, {ES}, property: homicide-rate, value: 103, as_of: 2015",
                f"id: e, {ES}, property: homicide-rate, value: 2.4, as_of: 2024",
            ],
            "b": [f"id: d, {ES}, property: decrease, value: 57, period: {PERIOD}"],
        },
        {S("a/s", "a/e", "b/d")},
    ),
    (
        "no period: for review",
        DECREASE + "}",
        {"b": [f"id: d, {ES}, property: decrease, value: 57"]},
        {S("b/d")},
    ),
    (
        "increase",
        DECREASE + ", direction: increase}",
        {
            "a": [
                f"id: s, {ES}, property: homicide-rate, value: 10, as_of: 2020",
                f"id: e, {ES}, property: homicide-rate, value: 15, as_of: 2021",
                f"id: d, {ES}, property: decrease, value: 50, period: {{start: 2020, end: 2021}}",
            ]
        },
        set(),
    ),
]


@pytest.mark.parametrize(("name", "rule", "sources", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case_table(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    check_case(make_corpus(files(rule, sources), defaults=False), "change", rule, expected)


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
@given(first=st.floats(1, 1000), fraction=st.floats(0.05, 0.8))
def test_change_properties(first: float, fraction: float) -> None:
    rule = DECREASE + "}"
    last = first * fraction
    levels = [
        f"id: s, {ES}, property: homicide-rate, value: {first!r}, as_of: 2015",
        f"id: e, {ES}, property: homicide-rate, value: {last!r}, as_of: 2024",
    ]
    fall = (first - last) / first * 100
    change = f"id: d, {ES}, property: decrease, hedge: about, tolerance: 0.01, period: {PERIOD}"
    check_perturbation(
        rule,
        {"a": levels, "b": [f"{change}, value: {fall!r}"]},
        {"a": levels, "b": [f"{change}, value: {fall / 2!r}"]},
        "b/d",
    )
