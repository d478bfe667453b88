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
    audit_files,
    check_case,
    check_perturbation,
    files,
    found,
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
        "as_of but no period: for review, citing the levels",
        DECREASE + "}",
        {
            "a": [
                f"id: s, {ES}, property: homicide-rate, value: 103, as_of: 2015",
                f"id: e, {ES}, property: homicide-rate, value: 2.4, as_of: 2024",
            ],
            "b": [f"id: d, {ES}, property: decrease, value: 57, as_of: 2025"],
        },
        {S("b/d", "a/s", "a/e")},
    ),
    (
        "period open at its start: for review",
        DECREASE + "}",
        {"b": [f"id: d, {ES}, property: decrease, value: 57, period: {{end: 2024}}"]},
        {S("b/d")},
    ),
    (
        "period open at its end: for review",
        DECREASE + "}",
        {"b": [f"id: d, {ES}, property: decrease, value: 57, period: {{start: 2015}}"]},
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


# --- float error: levels equal to the last digit give no change, not 1e-14 percent ------


@pytest.mark.parametrize(
    ("first", "last", "direction", "claimed"),
    [
        ("49", "49", "decrease", "0"),  # 49 x (1/49) is 0.9999999999999999
        ("49", "49", "increase", "0"),
        ("0.1", "0.3", "increase", "200"),  # (0.3 / 0.1 - 1) x 100 is 199.99999999999997
        ("0.7", "0.07", "decrease", "90"),
        ("3", "1", "decrease", "66.66666666666667"),
    ],
)
def test_a_change_the_levels_give_exactly_is_no_conflict(
    first: str, last: str, direction: str, claimed: str
) -> None:
    rule = f"{DECREASE}, direction: {direction}}}"
    sources = {
        "a": [
            f"id: s, {ES}, property: homicide-rate, value: {first}, as_of: 2015",
            f"id: e, {ES}, property: homicide-rate, value: {last}, as_of: 2024",
            f"id: d, {ES}, property: decrease, value: {claimed}, tolerance: 0, period: {PERIOD}",
        ]
    }
    assert audit_files(files(rule, sources)).conflicts == ()


@PROPS
@given(
    first=st.integers(1, 10**6), last=st.integers(1, 10**6), scale=st.sampled_from([1, 10, 1000])
)
def test_a_change_computed_from_its_levels_never_conflicts_with_them(
    first: int, last: int, scale: int
) -> None:
    """Whatever the levels, the change they give (computed as a reader would, to the last
    digit, with no tolerance) agrees with them; twice that change does not, unless zero."""
    a, b = first / scale, last / scale
    direction = "decrease" if b <= a else "increase"
    change = abs(a - b) / a * 100
    rule = f"{DECREASE}, direction: {direction}}}"
    levels = [
        f"id: s, {ES}, property: homicide-rate, value: {a!r}, as_of: 2015",
        f"id: e, {ES}, property: homicide-rate, value: {b!r}, as_of: 2024",
    ]
    claim = f"id: d, {ES}, property: decrease, tolerance: 0, period: {PERIOD}"
    assert (
        audit_files(files(rule, {"a": levels, "b": [f"{claim}, value: {change:.12f}"]})).conflicts
        == ()
    )
    if change > 1e-5:
        off = audit_files(files(rule, {"a": levels, "b": [f"{claim}, value: {change * 2:.12f}"]}))
        assert found(off) == {S("a/s", "a/e", "b/d")}


@pytest.mark.parametrize(
    ("first", "last", "claimed", "expected"),
    [
        ("1, unit: km", "500", "50", set()),  # 1 km to 500 m is a fall of half
        ("1, unit: km", "500", "99.95", {S("a/s", "a/e", "a/d")}),  # not 1 to 500 raw
        ("1000", "0.25, unit: km", "75", set()),
        ("3, unit: ft", "0.3048", "66.66666666666667", set()),  # 3 ft to 1 ft
    ],
)
def test_levels_in_units_that_convert_are_compared_in_one(
    first: str, last: str, claimed: str, expected: set[frozenset[str]]
) -> None:
    rule = "kind: change, select: {property: decrease}, params: {level: length}"
    sources = {
        "a": [
            f"id: s, subject: e1, property: length, value: {first}, as_of: 2015",
            f"id: e, subject: e1, property: length, value: {last}, as_of: 2024",
            f"id: d, subject: e1, property: decrease, value: {claimed}, tolerance: 0,"
            f" period: {PERIOD}",
        ]
    }
    assert found(audit_files(files(rule, sources))) == expected


@pytest.mark.parametrize(
    ("when", "lacks"),
    [
        ("as_of: 2025", "without a period"),
        ("period: {start: 2015}", "with a period open at one end"),
        ("period: {end: 2024}", "with a period open at one end"),
    ],
)
def test_a_change_with_no_closed_period_is_info_for_review(when: str, lacks: str) -> None:
    """Like a change with neither period nor as_of: info whatever the rule's severity,
    citing the levels on record as support, saying what it lacks."""
    levels = [
        f"id: s, {ES}, property: homicide-rate, value: 103, as_of: 2015",
        f"id: e, {ES}, property: homicide-rate, value: 2.4, as_of: 2024",
    ]
    claim = f"id: d, {ES}, property: decrease, value: 57, {when}"
    (conflict,) = audit_files(files(DECREASE + "}", {"a": levels, "b": [claim]})).conflicts
    assert conflict.severity == "info"
    assert lacks in conflict.message and "review it by hand" in conflict.message
    assert "homicide-rate levels on record" in conflict.message
