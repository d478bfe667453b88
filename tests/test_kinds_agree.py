"""The ``agree`` check kind: claims on one subject and property agree; sides, the odd
one out, dates, units, invariant and superseded figures."""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.report import reporters as report
from factcheck.rules import _shared
from factcheck.rules.kinds import agree

from .conftest import MakeCorpus
from .kind_corpora import (
    CAP,
    INM,
    PROPS,
    TITLE,
    Case,
    S,
    Sources,
    audit,
    audit_files,
    check_case,
    check_perturbation,
    files,
    found,
    shuffled_audits_agree,
    write,
)

CASES: list[Case] = [
    (
        "same figure",
        "kind: agree, select: {property: capacity}",
        {"a": [f"id: x, {CAP}, value: 40000"], "b": [f"id: x, {CAP}, value: 40000"]},
        set(),
    ),
    (
        "an invariant figure is compared across dates",
        "kind: agree, select: {property: summit}",
        {
            "a": ["id: x, subject: e1, property: summit, value: 8848, as_of: 2019"],
            "b": ["id: x, subject: e1, property: summit, value: 8850, as_of: 2021"],
            "c": ["id: x, subject: e1, property: summit, value: 8848, as_of: 2024"],
        },
        {S("a/x", "b/x", "c/x")},
    ),
    (
        "about vs more-than overlap",
        "kind: agree, select: {property: capacity}",
        {
            "a": [f"id: x, {CAP}, value: 250, hedge: more-than"],
            "b": [f"id: x, {CAP}, value: 250, hedge: about"],
        },
        set(),
    ),
    (
        "different figures",
        "kind: agree, select: {property: capacity}",
        {"a": [f"id: x, {CAP}, value: 40000"], "b": [f"id: x, {CAP}, value: 20000"]},
        {S("a/x", "b/x")},
    ),
    (
        "one outlier among three is one conflict",
        "kind: agree, select: {property: capacity}",
        {
            "a": [f"id: x, {CAP}, value: 40000"],
            "b": [f"id: x, {CAP}, value: 40000"],
            "c": [f"id: x, {CAP}, value: 10000"],
        },
        {S("a/x", "b/x", "c/x")},
    ),
    (
        "different subjects",
        "kind: agree, select: {property: capacity}",
        {
            "a": [f"id: x, {CAP}, value: 40000"],
            "b": ["id: x, subject: rikers, property: capacity, value: 14000"],
        },
        set(),
    ),
    (
        "different times",
        "kind: agree, select: {property: inmates}",
        {
            "a": [f"id: x, {INM}, value: 100, as_of: 2023"],
            "b": [f"id: x, {INM}, value: 900, as_of: 2024"],
        },
        set(),
    ),
    (
        "month vs month",
        "kind: agree, select: {property: opened}",
        {
            "a": ["id: x, subject: cecot, property: opened, value: 2023-01"],
            "b": ["id: x, subject: cecot, property: opened, value: 2023-02"],
        },
        {S("a/x", "b/x")},
    ),
    (
        "month vs day inside it",
        "kind: agree, select: {property: opened}",
        {
            "a": ["id: x, subject: cecot, property: opened, value: 2023-01"],
            "b": ["id: x, subject: cecot, property: opened, value: 2023-01-31"],
        },
        set(),
    ),
    (
        "text through aliases",
        "kind: agree, select: {property: title}",
        {
            "a": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2020"],
            "b": [f"id: x, {TITLE}, value: senator, as_of: 2020"],
        },
        set(),
    ),
    (
        "booleans",
        "kind: agree, select: {property: announced}",
        {
            "a": ["id: x, subject: cecot, property: announced, value: true, as_of: 2025"],
            "b": ["id: x, subject: cecot, property: announced, value: false, as_of: 2025"],
        },
        {S("a/x", "b/x")},
    ),
    (
        "status on the same day",
        "kind: agree, select: {property: status}, params: {min_precision: day}",
        {
            "a": ["id: x, subject: cecot, property: status, value: signed, as_of: 2025-02-04"],
            "b": ["id: x, subject: cecot, property: status, value: proposed, as_of: 2025-02-04"],
        },
        {S("a/x", "b/x")},
    ),
    (
        "status dated only to the year is not compared",
        "kind: agree, select: {property: status}, params: {min_precision: day}",
        {
            "a": ["id: x, subject: cecot, property: status, value: signed, as_of: 2025"],
            "b": ["id: x, subject: cecot, property: status, value: proposed, as_of: 2025-02-04"],
        },
        set(),
    ),
]


@pytest.mark.parametrize(("name", "rule", "sources", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case_table(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    check_case(make_corpus(files(rule, sources), defaults=False), "agree", rule, expected)


@pytest.mark.parametrize(
    ("name", "rule", "sources", "expected"),
    [c for c in CASES if c[3]],
    ids=[c[0] for c in CASES if c[3]],
)
def test_claim_order_does_not_matter(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    shuffled_audits_agree(make_corpus(files(rule, sources), defaults=False))


def test_message_says_what_each_side_says(make_corpus: MakeCorpus) -> None:
    _, rule, sources, _ = next(c for c in CASES if c[0] == "month vs month")
    (conflict,) = audit(make_corpus(files(rule, sources), defaults=False)).conflicts
    assert "a says January 2023" in conflict.message and "b says February 2023" in conflict.message


_HEDGED = st.sampled_from(
    ["exact", "about", "at-least", "at-most", "more-than", "less-than", "between"]
)


def _hedged_claim(i: int, v: int, hedge: str, k: int) -> str:
    value = {
        "exact": f"{v}",
        "about": f"{v + v // 20}",
        "at-least": f"{v - k}",
        "at-most": f"{v + k}",
        "more-than": f"{v - k - 1}",
        "less-than": f"{v + k + 1}",
        "between": f"[{v - k}, {v + k}]",
    }[hedge]
    return f"id: c{i}, {CAP}, value: {value}, hedge: {hedge}"


@PROPS
@given(
    v=st.integers(1000, 10**6),
    hedges=st.lists(_HEDGED, min_size=2, max_size=5),
    k=st.integers(0, 500),
)
def test_agree_properties(v: int, hedges: list[str], k: int) -> None:
    rule = "kind: agree, select: {property: capacity}"
    clean = {f"s{i}": [_hedged_claim(i, v, h, k)] for i, h in enumerate(hedges)}
    perturbed = {f"s{i}": [f"id: c{i}, {CAP}, value: {v}"] for i in range(len(hedges))}
    perturbed["s0"] = [f"id: c0, {CAP}, value: {v * 2}"]
    check_perturbation(rule, clean, perturbed, "s0/c0")


OPENED = "subject: cecot, property: opened"


AGREE_OPENED = "kind: agree, select: {property: opened}"


def _opened(**dates: str) -> Sources:
    return {sid: [f"id: o, {OPENED}, value: '{d}'"] for sid, d in dates.items()}


def _audit_with_reports(sources: Sources) -> tuple[factcheck.AuditResult, dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(write(Path(tmp), files(AGREE_OPENED, sources)))
        result = factcheck.audit(corpus)
        return result, {
            "json": json.loads(report.as_json(result, corpus)),
            "sarif": json.loads(report.sarif(result, corpus)),
        }


def test_agree_names_the_odd_one_out_against_a_clear_majority() -> None:
    result, out = _audit_with_reports(
        _opened(a="2023-01", b="2023-01", c="2023-01-31", d="2023-02")
    )
    (conflict,) = result.conflicts
    assert conflict.refs == {"a/o", "b/o", "c/o", "d/o"}
    assert conflict.odd_one_out == ("d/o",)
    assert "the odd one out: d" in conflict.message
    # The agreeing claims are listed together, as one side, before the odd one.
    assert (
        "a says January 2023; b says January 2023; c says 31 Jan 2023 vs d says February 2023"
        in conflict.message
    )
    assert out["json"]["conflicts"][0]["odd_one_out"] == ["d/o"]
    assert out["json"]["conflicts"][0]["key"] == conflict.key
    (sarif_result,) = out["sarif"]["runs"][0]["results"]
    assert sarif_result["properties"]["oddOneOut"] == ["d/o"]
    assert sarif_result["partialFingerprints"]["factcheckKey/v1"] == conflict.key


@pytest.mark.parametrize(
    "dates",
    [
        {"a": "2023-01", "b": "2023-02"},  # one against one: no majority
        {"a": "2023-01", "b": "2023-01", "c": "2023-02", "d": "2023-02"},
        {"a": "2023-01", "b": "2023-01", "c": "2023-01", "d": "2023-02", "e": "2023-03"},
    ],
)
def test_agree_names_no_odd_one_out_without_a_clear_majority(dates: dict[str, str]) -> None:
    result, _ = _audit_with_reports(_opened(**dates))
    (conflict,) = result.conflicts
    assert conflict.odd_one_out == ()
    assert "odd one out" not in conflict.message
    assert conflict.refs == {f"{sid}/o" for sid in dates}


def test_a_source_on_both_sides_counts_against_the_majority_only() -> None:
    # d says 2023-02 and also (quoting someone) 2023-01: the odd one out is still its
    # 2023-02, against a and b; d's 2023-01 is no evidence for the majority.
    sources = _opened(a="2023-01", b="2023-01", d="2023-02")
    sources["d"].append(f"id: p, {OPENED}, value: '2023-01'")
    result, _ = _audit_with_reports(sources)
    (conflict,) = result.conflicts
    assert conflict.odd_one_out == ("d/o",)
    # With c also on both sides, two sources (a, b) against two (c, d) is no majority.
    sources["c"] = [f"id: o, {OPENED}, value: '2023-01'", f"id: q, {OPENED}, value: '2023-02'"]
    result, _ = _audit_with_reports(sources)
    (conflict,) = result.conflicts
    assert conflict.odd_one_out == ()


def test_a_conflict_key_survives_more_agreeing_claims() -> None:
    before, _ = _audit_with_reports(_opened(a="2023-01", b="2023-01", d="2023-02"))
    after, _ = _audit_with_reports(_opened(a="2023-01", b="2023-01", c="2023-01-31", d="2023-02"))
    assert before.conflicts[0].key == after.conflicts[0].key
    other, _ = _audit_with_reports(_opened(a="2023-01", b="2023-01", d="2023-03"))
    assert other.conflicts[0].key != before.conflicts[0].key


_MONTHS = st.lists(
    st.sampled_from(["2023", "2023-01", "2023-01-31", "2023-02", "2024"]), min_size=2, max_size=7
)


@PROPS
@given(months=_MONTHS, seed=st.integers(0, 100))
def test_sides_lose_no_claim_agree_within_and_ignore_order(months: list[str], seed: int) -> None:
    sources = {f"s{i}": [f"id: o, {OPENED}, value: '{m}'"] for i, m in enumerate(months)}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(write(Path(tmp), files(AGREE_OPENED, sources)))
    facts = [f for f in corpus.facts if f.prop.id == "opened"]

    def clash(a: Any, b: Any) -> bool:
        return not _shared.compatible(a, b)

    sides = agree._sides(facts, clash)
    flat = [f.ref for side in sides for f in side]
    assert sorted(flat) == sorted(f.ref for f in facts)  # every claim, once
    for side in sides:
        assert not any(clash(a, b) for a in side for b in side)  # a claim never clashes with itself
    shuffled = list(facts)
    random.Random(seed).shuffle(shuffled)
    assert [[f.ref for f in side] for side in agree._sides(shuffled, clash)] == [
        [f.ref for f in side] for side in sides
    ]
    odd = agree._odd_one_out(sides)
    assert {f.ref for f in odd} <= set(flat)
    if odd:
        assert len(_shared.source_ids(sides[0])) >= 2 * len(_shared.source_ids(odd))


DATE = "subject: e1, property: date"


AGREE_DATES = "kind: agree, select: {property: date}"


@pytest.mark.parametrize(
    ("name", "sources", "expected"),
    [
        (
            "a range of clock times agrees with a time inside it",
            {
                "a": [
                    f"id: d, {DATE}, value: ['2025-03-15T18:45', '2025-03-15T18:48'],"
                    " hedge: between"
                ],
                "b": [f"id: d, {DATE}, value: '2025-03-15T18:47'"],
            },
            set(),
        ),
        (
            "a range of clock times disagrees with a time outside it",
            {
                "a": [
                    f"id: d, {DATE}, value: ['2025-03-15T18:45', '2025-03-15T18:48'],"
                    " hedge: between"
                ],
                "b": [f"id: d, {DATE}, value: '2025-03-15T18:50'"],
            },
            {S("a/d", "b/d")},
        ),
        (
            "late January agrees with January 31 and with January",
            {
                "a": [f"id: d, {DATE}, value: late 2025-01"],
                "b": [f"id: d, {DATE}, value: '2025-01-31'"],
                "c": [f"id: d, {DATE}, value: '2025-01'"],
            },
            set(),
        ),
        (
            "early 2023 against mid 2023",
            {
                "a": [f"id: d, {DATE}, value: early 2023"],
                "b": [f"id: d, {DATE}, value: mid 2023"],
            },
            {S("a/d", "b/d")},
        ),
    ],
)
def test_date_formats_in_agree(name: str, sources: Sources, expected: set[frozenset[str]]) -> None:
    assert found(audit_files(files(AGREE_DATES, sources))) == expected


def test_zoned_and_unzoned_times_of_one_event_give_a_warning() -> None:
    result = audit_files(
        files(
            AGREE_DATES,
            {
                "a": [f"id: d, {DATE}, value: '2025-03-15T18:45-05:00'"],
                "b": [f"id: d, {DATE}, value: '2025-03-15T18:45'"],
                "c": [f"id: d, {DATE}, value: '2025-03-15'"],
            },
        )
    )
    (warning,) = result.conflicts
    assert warning.severity == "warning"
    assert warning.refs == {"a/d", "b/d"}
    assert "without one" in warning.message
    assert not result.failed


def test_an_approximate_range_agrees_with_a_figure_near_its_ends() -> None:
    rule = "kind: agree, select: {property: inmates}"
    quiet = audit_files(
        files(
            rule,
            {
                "a": [f"id: x, {INM}, value: [10000, 20000], hedge: some"],
                "b": [f"id: x, {INM}, value: 21000, hedge: estimated"],
            },
        )
    )
    assert quiet.conflicts == ()
    loud = audit_files(
        files(
            rule,
            {
                "a": [f"id: x, {INM}, value: [10000, 20000], hedge: some"],
                "b": [f"id: x, {INM}, value: 30000"],
            },
        )
    )
    assert found(loud) == {S("a/x", "b/x")}


HEIGHT = "subject: e1, property: height"


AGREE_HEIGHT = "kind: agree, select: {property: height}"


@pytest.mark.parametrize(
    ("name", "claims", "expected"),
    [
        ("written to the metre: 8,848 m agrees with 8848.4 m", ["8,848", "8848.4"], set()),
        ("8,848 m against 8,850 m", ["8,848", "8850.4"], {S("a/h", "b/h")}),
        ("29,029 ft is 8,848 m", ["8,848", "29029 ft"], set()),
        ("29,032 ft is 8,849 m, not 8,848 m", ["8,848", "29032 ft"], {S("a/h", "b/h")}),
        ("8.848 km is 8,848 m", ["8,848", "8.848 km"], set()),
    ],
)
def test_heights_compare_across_units_at_written_precision(
    name: str, claims: list[str], expected: set[frozenset[str]]
) -> None:
    def claim(written: str) -> str:
        number, _, unit = written.partition(" ")
        return f"id: h, {HEIGHT}, value: '{number}'" + (f", unit: {unit}" if unit else "")

    sources = {sid: [claim(c)] for sid, c in zip("ab", claims, strict=True)}
    assert found(audit_files(files(AGREE_HEIGHT, sources))) == expected


def test_units_that_cannot_be_converted_are_reported_not_skipped() -> None:
    result = audit_files(
        files(
            AGREE_HEIGHT,
            {
                "a": [f"id: h, {HEIGHT}, value: 8848"],
                "b": [f"id: h, {HEIGHT}, value: 5, unit: storeys"],
                "c": [f"id: h, {HEIGHT}, value: 3, unit: kg"],
            },
        )
    )
    (info,) = result.conflicts
    assert info.severity == "info"
    assert info.refs == {"a/h", "b/h", "c/h"}
    assert "'kg', 'm', 'storeys' cannot be converted" in info.message


@PROPS
@given(kmh=st.floats(1, 1000), factor=st.floats(1.2, 3))
def test_speed_agrees_across_units_and_disagrees_when_off(kmh: float, factor: float) -> None:
    mph = kmh / 1.609344
    rule = "kind: agree, select: {property: speed}"
    speed = "subject: e1, property: speed"
    check_perturbation(
        rule,
        {
            "a": [f"id: s, {speed}, value: {kmh!r}"],
            "b": [f"id: s, {speed}, value: {mph!r}, unit: mph"],
        },
        {
            "a": [f"id: s, {speed}, value: {kmh!r}"],
            "b": [f"id: s, {speed}, value: {mph * factor!r}, unit: mph"],
        },
        "b/s",
    )


SUMMIT = "subject: e1, property: summit"


AGREE_SUMMIT = "kind: agree, select: {property: summit}"


def test_an_invariant_property_is_compared_whatever_the_dates() -> None:
    sources = {
        "a": [f"id: h, {SUMMIT}, value: 8848, as_of: 2019"],
        "b": [f"id: h, {SUMMIT}, value: 8850, as_of: 2021"],
    }
    assert found(audit_files(files(AGREE_SUMMIT, sources))) == {S("a/h", "b/h")}
    # The same figures of a property that may change over time, at other times: quiet.
    varying = {
        k: [c.replace("property: summit", "property: height")]
        for k, c in ((k, v[0]) for k, v in sources.items())
    }
    assert found(audit_files(files(AGREE_HEIGHT, varying))) == set()


def test_a_superseded_figure_is_outdated_not_a_contradiction() -> None:
    result = audit_files(
        files(
            AGREE_SUMMIT,
            {
                "ref": [
                    f"id: old, {SUMMIT}, value: 8848, as_of: 1955",
                    f"id: new, {SUMMIT}, value: 8848.86, as_of: 2020-12-08, supersedes: ref/old",
                ],
                "a": [f"id: h, {SUMMIT}, value: 8848, as_of: 2021"],
                "b": [f"id: h, {SUMMIT}, value: 8848.86"],
                "c": [f"id: h, {SUMMIT}, value: 8000"],
            },
        )
    )
    outdated = [c for c in result.conflicts if c.severity == "info"]
    (info,) = outdated
    assert info.refs == {"ref/old", "ref/new", "a/h"}
    assert info.support == ("ref/new",)
    assert "outdated, superseded by ref's 8,848.86" in info.message
    # A figure that is neither is still a contradiction, against the current one.
    (error,) = [c for c in result.conflicts if c.severity == "error"]
    assert "c/h" in error.refs and "a/h" not in error.refs


# --- cumulative stages ------------------------------------------------------------------

STAGE = "subject: cecot, property: stage, as_of: 2025-02-04"
AGREE_STAGE = "kind: agree, select: {property: [stage, status]}"


def test_cumulative_stages_reached_do_not_contradict_each_other() -> None:
    # Designated, then listed: a source saying "listed" does not deny "designated".
    sources = {
        "a": [f"id: x, {STAGE}, value: designated"],
        "b": [f"id: x, {STAGE}, value: listed"],
        "c": [f"id: x, {STAGE}, value: nominated, hedge: at-least"],
    }
    assert audit_files(files(AGREE_STAGE, sources)).conflicts == ()
    # A status that is not cumulative still compares plain values.
    plain = "subject: cecot, property: status, as_of: 2025-02-04"
    statuses = {"a": [f"id: x, {plain}, value: proposed"], "b": [f"id: x, {plain}, value: signed"]}
    assert len(audit_files(files(AGREE_STAGE, statuses)).conflicts) == 1


def test_a_stage_not_passed_contradicts_a_later_stage() -> None:
    sources = {
        "a": [f"id: x, {STAGE}, value: designated, hedge: at-most"],
        "b": [f"id: x, {STAGE}, value: nominated, hedge: at-most"],
        "c": [f"id: x, {STAGE}, value: listed"],
        "d": [f"id: x, {STAGE}, value: designated"],
    }
    (conflict,) = audit_files(files(AGREE_STAGE, sources)).conflicts
    # b (not past nominated) clashes with c and d; a (not past designated) only with c.
    assert conflict.refs == {"a/x", "b/x", "c/x", "d/x"}
    assert "b says at most nominated" in conflict.message


def test_stage_hedges_only_on_cumulative_statuses() -> None:
    bad = {"a": ["id: x, subject: cecot, property: status, value: proposed, hedge: at-most"]}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(write(Path(tmp), files(AGREE_STAGE, bad)))
    (error,) = corpus.errors
    assert "hedge 'at-most' does not apply to a status value" in str(error)
    assert "a.yaml" in error.file


_STAGE_CLAIMS = st.lists(
    st.tuples(
        st.sampled_from(["nominated", "designated", "listed"]),
        st.sampled_from(["exact", "at-least", "at-most"]),
    ),
    min_size=1,
    max_size=6,
)


@PROPS
@given(claims=_STAGE_CLAIMS, seed=st.integers(0, 100))
def test_stage_comparison_is_symmetric_reflexive_and_order_free(
    claims: list[tuple[str, str]], seed: int
) -> None:
    sources = {
        f"s{i}": [f"id: x, {STAGE}, value: {v}, hedge: {h}"] for i, (v, h) in enumerate(claims)
    }
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(write(Path(tmp), files(AGREE_STAGE, sources)))
    facts = list(corpus.facts)
    for a in facts:
        assert _shared.compatible(a, a)  # a claim never conflicts with itself
        for b in facts:
            assert _shared.compatible(a, b) == _shared.compatible(b, a)
    # Stages admitted by all claims: none exactly when the audit reports a conflict.
    common = set(range(3))
    for f in facts:
        lo, hi = _shared.stages(f) or (0, 2)
        common &= set(range(lo, hi + 1))
    result = factcheck.audit(corpus)
    pairwise_ok = all(_shared.compatible(a, b) for a in facts for b in facts)
    assert bool(result.conflicts) == (not pairwise_ok)
    assert pairwise_ok == bool(common)  # intervals: pairwise overlap = one common stage
    # The same claims under shuffled source names give the same findings.
    names = [f"s{i}" for i in range(len(claims))]
    random.Random(seed).shuffle(names)
    renamed = {n: sources[f"s{i}"] for i, n in enumerate(names)}
    with tempfile.TemporaryDirectory() as tmp:
        again = factcheck.audit(factcheck.load(write(Path(tmp), files(AGREE_STAGE, renamed))))
    assert len(again.conflicts) == len(result.conflicts)


@PROPS
@given(
    v=st.integers(1000, 10**6),
    hedge=_HEDGED,
    k=st.integers(0, 500),
    copies=st.integers(1, 4),
)
def test_a_claim_never_conflicts_with_itself(v: int, hedge: str, k: int, copies: int) -> None:
    """The same claim, however hedged, given by several sources (or twice by one)."""
    claim = _hedged_claim(0, v, hedge, k)
    sources = {f"s{i}": [claim] for i in range(copies)}
    sources["s0"] = [claim, claim.replace("id: c0", "id: again")]
    assert audit_files(files("kind: agree, select: {property: capacity}", sources)).conflicts == ()


@PROPS
@given(a=st.integers(1, 10**6), b=st.integers(1, 10**6), hedge=_HEDGED, k=st.integers(0, 500))
def test_agreement_is_symmetric(a: int, b: int, hedge: str, k: int) -> None:
    """Whether two claims clash does not depend on which source says which."""
    rule = "kind: agree, select: {property: capacity}"
    one, other = _hedged_claim(0, a, hedge, k), f"id: c0, {CAP}, value: {b}"
    there = found(audit_files(files(rule, {"x": [one], "y": [other]})))
    back = found(audit_files(files(rule, {"x": [other], "y": [one]})))
    assert len(there) == len(back) and len(there) <= 1
