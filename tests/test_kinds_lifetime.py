"""The ``lifetime`` check kind: no dated claim lies before the subject's start."""

from __future__ import annotations

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
    shuffled_audits_agree,
)

CASES: list[Case] = [
    (
        "after opening",
        "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}",
        {
            "a": [
                "id: o, subject: cecot, property: opened, value: 2023-01",
                f"id: y, {INM}, value: 100, as_of: 2024",
            ]
        },
        set(),
    ),
    (
        "before opening",
        "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}",
        {
            "a": ["id: o, subject: cecot, property: opened, value: 2023-01"],
            "b": [f"id: y, {INM}, value: 100, as_of: 2022"],
        },
        {S("a/o", "b/y")},
    ),
    (
        "same month as opening",
        "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}",
        {
            "a": [
                "id: o, subject: cecot, property: opened, value: 2023-01-31",
                f"id: y, {INM}, value: 100, as_of: 2023-01",
            ]
        },
        set(),
    ),
    (
        "before one opening date but not the other",
        "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}",
        {
            "a": ["id: o, subject: cecot, property: opened, value: 2023-01"],
            "b": ["id: o, subject: cecot, property: opened, value: 2023-02"],
            "c": [f"id: y, {INM}, value: 100, as_of: 2023-01-15"],
        },
        set(),
    ),
    (
        "undated claim",
        "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}",
        {
            "a": [
                "id: o, subject: cecot, property: opened, value: 2023-01",
                f"id: y, {CAP}, value: 1",
            ]
        },
        set(),
    ),
]


@pytest.mark.parametrize(("name", "rule", "sources", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case_table(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    check_case(make_corpus(files(rule, sources), defaults=False), "lifetime", rule, expected)


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
@given(opened=st.integers(2000, 2020), later=st.lists(st.integers(0, 10), min_size=1, max_size=5))
def test_lifetime_properties(opened: int, later: list[int]) -> None:
    rule = "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}"
    start = [f"id: o, subject: cecot, property: opened, value: {opened}-06"]
    counts = [f"id: i{n}, {INM}, value: 1, as_of: {opened + d}-07" for n, d in enumerate(later)]
    early = f"id: i0, {INM}, value: 1, as_of: {opened - 1}"
    check_perturbation(
        rule, {"a": start, "b": counts}, {"a": start, "b": [early, *counts[1:]]}, "b/i0"
    )


@PROPS
@given(
    opened=st.sampled_from(["2023", "2023-01", "2023-01-31"]),
    at=st.sampled_from(["2023", "2023-01", "2023-01-31", "2024"]),
)
def test_nothing_at_or_after_the_start_is_before_it(opened: str, at: str) -> None:
    """A claim dated at the start (at any precision that meets it) or later is never
    before it; the start date itself is never checked against itself."""
    rule = "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}"
    claims = [
        f"id: o, subject: cecot, property: opened, value: '{opened}'",
        f"id: y, {INM}, value: 100, as_of: '{at}'",
    ]
    assert audit_files(files(rule, {"a": claims})).conflicts == ()
