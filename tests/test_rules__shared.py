"""The helpers several check kinds share: grouping claims, saying who says what, comparing
hedged figures (their interval arithmetic is tested in tests/test_intervals.py)."""

from __future__ import annotations

import math
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.domain.values import Interval
from factcheck.rules import _shared

from .kind_corpora import CAP, INM, Sources, files, write

_FINITE = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    a, b = draw(_FINITE), draw(_FINITE)
    return Interval(min(a, b), max(a, b))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (Interval(2, 3), Interval(0, 1), True),
        (Interval(1, 3), Interval(0, 1), False),  # 1 is in both
        (Interval(1, 3, lo_open=True), Interval(0, 1), True),  # more than 1 vs at most 1
        (Interval(1, 3), Interval(0, 1, hi_open=True), True),  # at least 1 vs less than 1
        (Interval(0, 1), Interval(2, 3), False),
        (Interval(0, math.inf), Interval(0, 1), False),
    ],
)
def test_above_means_every_value_exceeds_every_value(
    a: Interval, b: Interval, expected: bool
) -> None:
    assert _shared.above(a, b) is expected


@given(_intervals(), _intervals())
def test_above_is_never_mutual_and_never_of_itself(x: Interval, y: Interval) -> None:
    assert not (_shared.above(x, y) and _shared.above(y, x))
    assert not _shared.above(x, x)


@given(_intervals(), st.floats(0, 1))
def test_widening_keeps_what_it_widens(x: Interval, tolerance: float) -> None:
    wide = _shared.widen(x, tolerance)
    assert wide.lo <= x.lo and wide.hi >= x.hi
    assert _shared.widen(x, 0) is x


@given(st.floats(1e307, 1.7e308), st.floats(0, 1))
def test_widening_a_figure_at_the_edge_of_floats(x: float, tolerance: float) -> None:
    for value in (Interval.point(x), Interval(x, math.inf), Interval(-math.inf, -x)):
        wide = _shared.widen(value, tolerance)
        assert wide.lo <= value.lo and wide.hi >= value.hi


# --- helpers on claims ------------------------------------------------------------------


def _facts(sources: Sources) -> list[factcheck.Fact]:
    rule = "kind: agree, select: {property: capacity}"
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(write(Path(tmp), files(rule, sources)))
    assert not corpus.errors
    return sorted(corpus.facts, key=lambda f: f.ref)


SOURCES: Sources = {
    "a": [f"id: x, {CAP}, value: 40000", f"id: y, {INM}, value: 100, as_of: 2024"],
    "b": [f"id: x, {CAP}, value: 20000", f"id: z, {CAP}, value: 20000"],
    "c": [f"id: x, {CAP}, value: 41000, hedge: about", f"id: y, {INM}, value: 900, as_of: 2023"],
}


def test_key_groups_are_by_subject_and_property_in_order_whatever_the_input_order() -> None:
    facts = _facts(SOURCES)
    groups = _shared.key_groups(facts)
    assert [key for key, _ in groups] == [("cecot", "capacity"), ("cecot", "inmates")]
    assert [f.ref for f in groups[0][1]] == ["a/x", "b/x", "b/z", "c/x"]
    shuffled = list(facts)
    random.Random(1).shuffle(shuffled)
    assert _shared.key_groups(shuffled) == groups


def test_said_by_says_a_repeated_claim_once_with_its_count() -> None:
    facts = {f.ref: f for f in _facts(SOURCES)}
    said = _shared.said_by([facts["a/x"], facts["b/x"], facts["b/z"]])
    assert said.count("b says 20,000") == 1 and "(2 claims)" in said
    assert said.startswith("a says 40,000")
    assert _shared.source_ids(facts.values()) == {"a", "b", "c"}


def test_compatible_and_same_time_are_symmetric_and_reflexive() -> None:
    facts = _facts(SOURCES)
    for a in facts:
        assert _shared.compatible(a, a) and _shared.same_time(a, a)
        for b in facts:
            assert _shared.compatible(a, b) == _shared.compatible(b, a)
            assert _shared.same_time(a, b) == _shared.same_time(b, a)
    by = {f.ref: f for f in facts}
    assert _shared.compatible(by["a/x"], by["c/x"])  # about 41,000 may be 40,000
    assert not _shared.compatible(by["a/x"], by["b/x"])
    assert not _shared.same_time(by["a/y"], by["c/y"])  # 2024 and 2023


@given(seed=st.integers(0, 1000))
def test_clash_components_do_not_depend_on_order_and_split_no_edge(seed: int) -> None:
    facts = _facts(SOURCES)

    def clash(a: factcheck.Fact, b: factcheck.Fact) -> bool:
        return a.prop.id == b.prop.id and not _shared.compatible(a, b)

    comps = _shared.clash_components(facts, clash)
    shuffled = list(facts)
    random.Random(seed).shuffle(shuffled)
    assert _shared.clash_components(shuffled, clash) == comps
    members = [{f.ref for f in _shared.edge_members(c)} for c in comps]
    assert members == [{"a/x", "b/x", "b/z", "c/x"}, {"a/y", "c/y"}]
    edges = [(a.ref, b.ref) for c in comps for a, b in c]
    assert len(edges) == len(set(edges))  # every clashing pair in exactly one component


def test_no_clash_no_component() -> None:
    assert _shared.clash_components(_facts(SOURCES), lambda a, b: False) == []


LENGTH = "subject: e1, property: length"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("value: 0.3048", "value: 1, unit: ft", False),  # 1 ft is 0.30479999999999996 m
        ("value: 1, unit: ft", "value: 0.3048", False),
        ("value: 0.31", "value: 1, unit: ft", True),
        ("value: 1, unit: km", "value: 999", True),
        ("value: 100, hedge: more-than", "value: 100", True),  # same unit: exact
        ("value: 100, hedge: at-least", "value: 100", False),
    ],
)
def test_exceeds_compares_across_units_beyond_conversion_error(
    a: str, b: str, expected: bool
) -> None:
    facts = {
        f.ref: f for f in _facts({"a": [f"id: x, {LENGTH}, {a}"], "b": [f"id: x, {LENGTH}, {b}"]})
    }
    assert _shared.exceeds(facts["a/x"], facts["b/x"]) is expected


@pytest.mark.parametrize(
    ("claim", "lo", "hi"),
    [
        ("value: 1, unit: km", 1000, 1000),
        ("value: 1500", 1500, 1500),  # the property's own unit
        ("value: 1, unit: ft", 0.3048, 0.3048),
        ("value: [1, 2], unit: km, hedge: between", 1000, 2000),
        ("value: 3, unit: storeys", 3, 3),  # no conversion: as given
    ],
)
def test_a_figure_in_its_own_unit(claim: str, lo: float, hi: float) -> None:
    (f,) = _facts({"a": [f"id: x, {LENGTH}, {claim}"]})
    value = _shared.in_own_unit(f)
    assert math.isclose(value.lo, lo) and math.isclose(value.hi, hi)
