"""The ``derived`` check kind: an arithmetic relation between properties holds."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.rules.kinds import derived

from .conftest import MakeCorpus
from .kind_corpora import (
    CAP,
    ES,
    INM,
    PRODUCT,
    PROPS,
    RATIO,
    SUM,
    Case,
    S,
    Sources,
    audit_files,
    check_case,
    check_perturbation,
    files,
    shuffled_audits_agree,
    write,
)

_INPUTS = [
    "id: t, subject: cecot, property: transferred, value: 100",
    "id: i, subject: cecot, property: investigated, value: 20",
]

_SPANS = (
    "kind: derived, select: {property: summit}, params: {relation: sum,"
    " parts: [length, width], total: summit}"
)
_WIDTH_500 = [
    "id: w, subject: e1, property: width, value: 500",
    "id: s, subject: e1, property: summit, value: 1.5, unit: km",
]

CASES: list[Case] = [
    (
        "ratio holds",
        RATIO,
        {
            "a": [
                f"id: p, {ES}, property: prisoners, value: 109.5 thousand, as_of: 2024-08",
                f"id: n, {ES}, property: population, value: 6.6 million, as_of: 2024",
                f"id: r, {ES}, property: rate, value: 1659, as_of: 2024-08",
            ]
        },
        set(),
    ),
    (
        "ratio of",
        RATIO,
        {
            "a": [
                f"id: p, {ES}, property: prisoners, value: 109.5 thousand",
                f"id: n, {ES}, property: population, value: 6.6 million",
            ],
            "b": [f"id: r, {ES}, property: rate, value: 2000"],
        },
        {S("a/p", "a/n", "b/r")},
    ),
    (
        "product with an open factor cannot decide (info)",
        PRODUCT + "}",
        {
            "a": [
                "id: b, subject: cecot, property: buildings, value: 8",
                "id: c, subject: cecot, property: cells, value: 32",
                "id: p, subject: cecot, property: per-cell, value: 100, hedge: more-than",
                f"id: x, {CAP}, value: 40000",
            ]
        },
        {S("a/b", "a/c", "a/p", "a/x")},
    ),
    (
        "two sources giving the same open factor and result: one undecided finding",
        PRODUCT + "}",
        {
            sid: [
                "id: b, subject: cecot, property: buildings, value: 8",
                "id: c, subject: cecot, property: cells, value: 32",
                "id: p, subject: cecot, property: per-cell, value: 100, hedge: more-than",
                f"id: x, {CAP}, value: 40000",
            ]
            for sid in "ab"
        },
        {S("a/b", "a/c", "a/p", "a/x", "b/b", "b/c", "b/p", "b/x")},
    ),
    (
        "an open factor that another source bounds decides",
        PRODUCT + "}",
        {
            "a": [
                "id: b, subject: cecot, property: buildings, value: 8",
                "id: c, subject: cecot, property: cells, value: 32",
                "id: p, subject: cecot, property: per-cell, value: 100, hedge: more-than",
            ],
            "b": [
                "id: b, subject: cecot, property: buildings, value: 8",
                "id: c, subject: cecot, property: cells, value: 32",
                "id: p, subject: cecot, property: per-cell, value: 156",
            ],
            "c": [f"id: x, {CAP}, value: 40000, hedge: about"],
        },
        set(),
    ),
    (
        # 8e307 x 32 x 100 overflows floats: the product is past every float, not NaN (it
        # made the audit crash), and a claimed 8e307 is far below it.
        "product past the largest float",
        PRODUCT + "}",
        {
            "a": [
                "id: b, subject: cecot, property: buildings, value: 8e307",
                "id: c, subject: cecot, property: cells, value: 32",
                "id: p, subject: cecot, property: per-cell, value: 100",
                f"id: x, {CAP}, value: 8e307, hedge: about",
            ]
        },
        {S("a/b", "a/c", "a/p", "a/x")},
    ),
    (
        "product too small",
        PRODUCT + "}",
        {
            "a": [
                "id: b, subject: cecot, property: buildings, value: 8",
                "id: c, subject: cecot, property: cells, value: 32",
                "id: p, subject: cecot, property: per-cell, value: 100",
                f"id: x, {CAP}, value: 40000",
            ]
        },
        {S("a/b", "a/c", "a/p", "a/x")},
    ),
    (
        "product at most",
        PRODUCT + ", compare: at-most}",
        {
            "a": [
                "id: b, subject: cecot, property: buildings, value: 8",
                "id: c, subject: cecot, property: cells, value: 32",
                "id: p, subject: cecot, property: per-cell, value: 100",
                f"id: x, {CAP}, value: 40000",
            ]
        },
        set(),
    ),
    (
        "parts sum to total",
        SUM,
        {
            "a": [
                "id: t, subject: cecot, property: transferred, value: 14000, as_of: 2024-08",
                "id: i, subject: cecot, property: investigated, value: 500, hedge: about,"
                " as_of: 2024-08",
                f"id: x, {INM}, value: '14,5 thousand', as_of: 2024-08",
            ]
        },
        set(),
    ),
    (
        "a source's own parts are used, not another source's hedged part",
        SUM,
        {
            "a": [
                "id: t, subject: cecot, property: transferred, value: 238",
                "id: i, subject: cecot, property: investigated, value: 23",
                f"id: x, {INM}, value: 261",
            ],
            "b": ["id: t, subject: cecot, property: transferred, value: 250, hedge: over"],
        },
        set(),
    ),
    (
        "a result without inputs of its own is checked against a source that has them all",
        SUM,
        {
            "a": [
                "id: t, subject: cecot, property: transferred, value: 100",
                "id: i, subject: cecot, property: investigated, value: 20",
            ],
            "b": ["id: t, subject: cecot, property: transferred, value: 5000"],
            "c": [f"id: x, {INM}, value: 120"],
        },
        set(),
    ),
    (
        "sources combined only when none has every input; one fitting combination is enough",
        SUM,
        {
            "a": ["id: t, subject: cecot, property: transferred, value: 100"],
            "b": ["id: t, subject: cecot, property: transferred, value: 5000"],
            "c": ["id: i, subject: cecot, property: investigated, value: 20"],
            "d": [f"id: x, {INM}, value: 120"],
        },
        set(),
    ),
    (
        "one disagreement with a relation is one finding, citing every result it misses",
        PRODUCT + "}",
        {
            "a": [
                "id: b, subject: cecot, property: buildings, value: 8",
                "id: c, subject: cecot, property: cells, value: 32",
                "id: p, subject: cecot, property: per-cell, value: 80, hedge: about",
                f"id: x, {CAP}, value: 40000",
            ],
            "b": [f"id: x, {CAP}, value: 40000"],
            "c": [f"id: x, {CAP}, value: 40000, hedge: about"],
        },
        {S("a/b", "a/c", "a/p", "a/x", "b/x", "c/x")},
    ),
    (
        "two sources giving the same inputs and result: one disagreement, one finding",
        SUM,
        {
            "a": [*_INPUTS, f"id: x, {INM}, value: 500"],
            "b": [*_INPUTS, f"id: x, {INM}, value: 500"],
        },
        {S("a/t", "a/i", "a/x", "b/t", "b/i", "b/x")},
    ),
    (
        "a result of its own source's inputs and one of two sources' equal inputs: one",
        SUM,
        {
            "a": [*_INPUTS, f"id: x, {INM}, value: 500"],
            "b": _INPUTS,
            "c": [f"id: x, {INM}, value: 500"],
        },
        {S("a/t", "a/i", "a/x", "b/t", "b/i", "c/x")},
    ),
    (
        "inputs that differ are different disagreements",
        SUM,
        {
            "a": [*_INPUTS, f"id: x, {INM}, value: 500"],
            "b": [
                "id: t, subject: cecot, property: transferred, value: 300",
                "id: i, subject: cecot, property: investigated, value: 20",
                f"id: x, {INM}, value: 500",
            ],
        },
        {S("a/t", "a/i", "a/x"), S("b/t", "b/i", "b/x")},
    ),
    (
        "0.1 + 0.2 is 0.3 (not 0.30000000000000004)",
        SUM,
        {
            "a": [
                "id: t, subject: cecot, property: transferred, value: 0.1",
                "id: i, subject: cecot, property: investigated, value: 0.2",
                f"id: x, {INM}, value: 0.3",
            ]
        },
        set(),
    ),
    (
        "7 / 100,000 x 100,000 is 7, with no tolerance",
        RATIO.replace("tolerance: 0.02", "tolerance: 0"),
        {
            "a": [
                f"id: p, {ES}, property: prisoners, value: 7",
                f"id: n, {ES}, property: population, value: 100000",
                f"id: r, {ES}, property: rate, value: 7",
            ]
        },
        set(),
    ),
    (
        "inputs in units that convert: 1 km + 500 m is 1,500 m",
        _SPANS,
        {"a": ["id: l, subject: e1, property: length, value: 1, unit: km", *_WIDTH_500]},
        set(),
    ),
    (
        "inputs in units that convert: 1 km + 500 m is not 1,600 m",
        _SPANS,
        {
            "a": [
                "id: l, subject: e1, property: length, value: 1, unit: km",
                "id: w, subject: e1, property: width, value: 500",
                "id: s, subject: e1, property: summit, value: 1600",
            ]
        },
        {S("a/l", "a/w", "a/s")},
    ),
    (
        "parts exceed total",
        SUM,
        {
            "a": [
                "id: t, subject: cecot, property: transferred, value: 14000, as_of: 2024-08",
                "id: i, subject: cecot, property: investigated, value: 5000, as_of: 2024-08",
                f"id: x, {INM}, value: '14,5 thousand', as_of: 2024-08",
            ]
        },
        {S("a/t", "a/i", "a/x")},
    ),
    (
        "parts of another time",
        SUM,
        {
            "a": [
                "id: t, subject: cecot, property: transferred, value: 14 thousand, as_of: 2023",
                "id: i, subject: cecot, property: investigated, value: 5000, as_of: 2023",
                f"id: x, {INM}, value: '14,5 thousand', as_of: 2024-08",
            ]
        },
        set(),
    ),
]


@pytest.mark.parametrize(("name", "rule", "sources", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case_table(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    check_case(make_corpus(files(rule, sources), defaults=False), "derived", rule, expected)


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
@given(a=st.integers(0, 10**6), b=st.integers(0, 10**6))
def test_derived_properties(a: int, b: int) -> None:
    rule = SUM
    parts = [
        f"id: t, subject: cecot, property: transferred, value: {a}",
        f"id: i, subject: cecot, property: investigated, value: {b}",
    ]
    clean = {"a": parts, "b": [f"id: x, {INM}, value: {a + b}"]}
    perturbed = {"a": parts, "b": [f"id: x, {INM}, value: {2 * (a + b) + 1}"]}
    check_perturbation(rule, clean, perturbed, "b/x")


def test_an_undecided_product_says_what_the_open_factor_needs() -> None:
    result = audit_files(
        files(
            PRODUCT + "}",
            {
                "a": [
                    "id: b, subject: cecot, property: buildings, value: 8",
                    "id: c, subject: cecot, property: cells, value: 32",
                    "id: p, subject: cecot, property: per-cell, value: 100, hedge: more-than",
                ],
                "b": [f"id: x, {CAP}, value: 40000"],
                "c": [f"id: x, {CAP}, value: 40000"],
            },
        )
    )
    (conflict,) = result.conflicts
    assert conflict.severity == "info"
    assert conflict.refs == {"a/b", "a/c", "a/p", "b/x", "c/x"}
    assert "40,000 inmates needs per-cell 156.25 (b, c) on average" in conflict.message
    assert not result.failed


@PROPS
@given(
    relation=st.sampled_from(["sum", "product", "ratio"]),
    xs=st.lists(st.floats(0.5, 1e4), min_size=2, max_size=3),
    which=st.integers(0, 2),
)
def test_solving_for_an_input_gives_back_its_value(
    relation: str, xs: list[float], which: int
) -> None:
    from factcheck.domain.values import Interval

    if relation == "ratio":
        xs = xs[:2]
        p = derived.DerivedParams(
            relation="ratio", numerator="a", denominator="b", result="r", scale=100
        )
    elif relation == "sum":
        p = derived.DerivedParams(relation="sum", parts=["a"] * len(xs), total="t")
    else:
        p = derived.DerivedParams(relation="product", factors=["a"] * len(xs), result="r")
    which %= len(xs)
    result = p.compute([Interval.point(x) for x in xs])

    class _F:
        def __init__(self, x: float) -> None:
            self.value = Interval.point(x)
            self.unit = None

    combo = tuple(_F(x) for x in xs)
    solved = derived._solve(p, combo, which, result)  # type: ignore[arg-type]
    assert math.isclose(solved.lo, xs[which], rel_tol=1e-6)
    assert math.isclose(solved.hi, xs[which], rel_tol=1e-6)


@PROPS
@given(
    totals=st.lists(st.integers(1, 200), min_size=1, max_size=5),
    parts=st.tuples(st.integers(0, 100), st.integers(0, 100)),
    seed=st.integers(0, 100),
)
def test_derived_grouping_never_loses_a_failing_result(
    totals: list[int], parts: tuple[int, int], seed: int
) -> None:
    """Every result that its inputs cannot give is cited, whatever the claims' order;
    every result they can give is not."""
    a, b = parts
    claims = {
        "in": [
            f"id: t, subject: cecot, property: transferred, value: {a}",
            f"id: i, subject: cecot, property: investigated, value: {b}",
        ],
        **{f"s{n}": [f"id: x, {INM}, value: {t}"] for n, t in enumerate(totals)},
    }
    order = list(claims)
    random.Random(seed).shuffle(order)
    result = audit_files(files(SUM, {k: claims[k] for k in order}))
    cited = {r for c in result.conflicts for r in c.refs}
    wrong = {f"s{n}/x" for n, t in enumerate(totals) if t != a + b}
    assert {r for r in cited if r.startswith("s")} == wrong
    assert len(result.conflicts) == (1 if wrong else 0)  # one disagreement, one finding


@PROPS
@given(
    copies=st.integers(1, 4),
    results=st.lists(st.sampled_from(["own", "alone"]), min_size=1, max_size=4),
    seed=st.integers(0, 100),
)
def test_sources_repeating_the_same_inputs_make_one_finding(
    copies: int, results: list[str], seed: int
) -> None:
    """However many sources give the same inputs, and whether the wrong result comes from
    one of them or from a source of its own, it is one disagreement: one finding, citing
    every wrong result."""
    sources: Sources = {f"in{n}": list(_INPUTS) for n in range(copies)}
    for n, where in enumerate(results):
        sid = f"in{n}" if where == "own" and n < copies else f"r{n}"
        sources.setdefault(sid, []).append(f"id: x{n}, {INM}, value: 500")
    order = list(sources)
    random.Random(seed).shuffle(order)
    result = audit_files(files(SUM, {k: sources[k] for k in order}))
    (conflict,) = result.conflicts
    assert {r for r in conflict.refs if "/x" in r} == {
        f"{sid}/{c.split(',')[0].removeprefix('id: ')}"
        for sid, claims in sources.items()
        for c in claims
        if "value: 500" in c
    }


def test_a_computed_figure_is_given_in_the_result_unit() -> None:
    _, rule, sources, _ = next(c for c in CASES if c[0] == "ratio of")
    (conflict,) = audit_files(files(rule, sources)).conflicts
    # The computed figure (an interval, by the tolerance) is followed by the rate's unit.
    assert re.search(r"gives \[[\d,.]+, [\d,.]+\] per 100k", conflict.message), conflict.message
    _, rule, sources, _ = next(c for c in CASES if c[0] == "parts exceed total")
    (conflict,) = audit_files(files(rule, sources)).conflicts
    assert re.search(r"gives 19,000 inmates\b", conflict.message), conflict.message


@PROPS
@given(
    relation=st.sampled_from(["sum", "product", "ratio"]),
    xs=st.tuples(st.integers(1, 10**6), st.integers(1, 10**6)),
    scale=st.sampled_from([1, 10, 1000]),
)
def test_a_result_computed_from_its_inputs_never_conflicts_with_them(
    relation: str, xs: tuple[int, int], scale: int
) -> None:
    """Whatever the inputs, the result a reader computes from them (to the last digit,
    with no tolerance) agrees with them: float error is no disagreement."""
    a, b = xs[0] / scale, xs[1] / scale
    result = {"sum": a + b, "product": a * b, "ratio": a / b * 100000}[relation]
    rule = {
        "sum": "kind: derived, select: {property: rate}, params: {relation: sum,"
        " parts: [prisoners, population], total: rate}",
        "product": "kind: derived, select: {property: rate}, params: {relation: product,"
        " factors: [prisoners, population], result: rate}",
        "ratio": RATIO.replace("tolerance: 0.02", "tolerance: 0"),
    }[relation]
    claims = [
        f"id: p, {ES}, property: prisoners, value: {a!r}",
        f"id: n, {ES}, property: population, value: {b!r}",
        f"id: r, {ES}, property: rate, value: {result!r}, tolerance: 0",
    ]
    assert audit_files(files(rule, {"a": claims})).conflicts == ()


@pytest.mark.parametrize("scale", [0, -100000])
def test_a_scale_that_is_not_positive_is_a_load_error_at_its_rule(
    tmp_path: Path, scale: int
) -> None:
    # A rate per -100,000 (or per 0) would make findings of a meaningless figure.
    write(tmp_path, files(RATIO.replace("scale: 100000", f"scale: {scale}"), {}))
    errors = factcheck.audit(factcheck.load(tmp_path)).errors
    assert [(e.file, e.line, e.field, e.message) for e in errors] == [
        (str(tmp_path / "rules.yaml"), 2, "rules.r.params.scale", "Input should be greater than 0")
    ]
