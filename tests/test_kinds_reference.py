"""The ``reference`` check kind: an article agrees with the reference record at its date."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import MakeCorpus
from .kind_corpora import (
    PROPS,
    SECSTATE,
    SENATOR,
    TITLE,
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
        "title held at the date",
        "kind: reference, select: {property: title}",
        {
            "ref": [
                SENATOR,
                SECSTATE,
            ],
            "a": [f"id: x, {TITLE}, value: US Secretary of State, as_of: 2025-02-04"],
        },
        set(),
    ),
    (
        "title no longer held",
        "kind: reference, select: {property: title}",
        {
            "ref": [
                SENATOR,
                SECSTATE,
            ],
            "a": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2025-02-04"],
        },
        {S("a/x", "ref/s", "ref/t")},
    ),
    (
        "date straddling the change",
        "kind: reference, select: {property: title}",
        {
            "ref": [
                SENATOR,
                SECSTATE,
            ],
            "a": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2025-01"],
        },
        set(),
    ),
    (
        "nothing on record",
        "kind: reference, select: {property: title}",
        {
            "ref": [SECSTATE],
            "a": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2020"],
        },
        set(),
    ),
    (
        "undated reference date",
        "kind: reference, select: {property: opened}",
        {
            "ref": ["id: o, subject: cecot, property: opened, value: 2023-01-31"],
            "a": ["id: x, subject: cecot, property: opened, value: 2024"],
        },
        {S("a/x", "ref/o")},
    ),
]


@pytest.mark.parametrize(("name", "rule", "sources", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case_table(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    check_case(make_corpus(files(rule, sources), defaults=False), "reference", rule, expected)


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
@given(days=st.lists(st.integers(1, 28), min_size=1, max_size=4))
def test_reference_properties(days: list[int]) -> None:
    rule = "kind: reference, select: {property: title}"
    ref = [
        SENATOR,
        SECSTATE,
    ]
    titles = [
        f"id: x{n}, {TITLE}, value: US Secretary of State, as_of: 2025-02-{d:02d}"
        for n, d in enumerate(days)
    ]
    wrong = f"id: x0, {TITLE}, value: US Secretary of State, as_of: 2024-02-{days[0]:02d}"
    check_perturbation(
        rule, {"ref": ref, "a": titles}, {"ref": ref, "a": [wrong, *titles[1:]]}, "a/x0"
    )


def test_reference_finding_cites_articles_that_agree_with_the_reference() -> None:
    rule = "kind: reference, select: {property: title}"
    result = audit_files(
        files(
            rule,
            {
                "ref": [SENATOR.replace("quote: q", "basis: b"), SECSTATE],
                "a": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2025-02-04"],
                "b": [f"id: x, {TITLE}, value: US Secretary of State, as_of: 2025-02"],
                "c": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2024-06"],
            },
        )
    )
    (conflict,) = result.conflicts
    assert conflict.support == ("b/x",)  # c agrees with the reference at another time
    assert "b/x" in conflict.refs and "c/x" not in conflict.refs
    assert "agreeing with the reference: b says US Secretary of State" in conflict.message


@PROPS
@given(day=st.integers(1, 28), month=st.integers(1, 12), year=st.integers(2011, 2026))
def test_an_article_repeating_the_record_never_conflicts_with_it(
    day: int, month: int, year: int
) -> None:
    """At any date, the title the record gives for that date agrees with the record."""
    rule = "kind: reference, select: {property: title}"
    when = f"{year}-{month:02d}-{day:02d}"
    title = "U.S. Senator" if when <= "2025-01-20" else "US Secretary of State"
    article = f"id: x, {TITLE}, value: {title}, as_of: {when}"
    assert audit_files(files(rule, {"ref": [SENATOR, SECSTATE], "a": [article]})).conflicts == ()
