"""The ``order`` check kind: stated orderings and dates form no cycle."""

from __future__ import annotations

import heapq
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.domain.values import DateSpan, PartialDate, date_span
from factcheck.rules import _shared
from factcheck.rules.kinds import order, order_cycles

from .conftest import MakeCorpus
from .kind_corpora import (
    PROPS,
    Case,
    S,
    Sources,
    check_case,
    check_perturbation,
    files,
    shuffled_audits_agree,
    write,
)
from .test_kinds_order_cycles import Graph, any_before, crowded_graphs, date_spans

CASES: list[Case] = [
    (
        "consistent chain",
        "kind: order, select: {property: precedes}",
        {
            "a": [
                "id: x, subject: e1, property: precedes, value: e2",
                "id: y, subject: e2, property: precedes, value: e3",
            ],
            "b": ["id: x, subject: e1, property: precedes, value: e3"],
        },
        set(),
    ),
    (
        "two-cycle",
        "kind: order, select: {property: precedes}",
        {
            "a": ["id: x, subject: e1, property: precedes, value: e2"],
            "b": ["id: x, subject: e2, property: precedes, value: e1"],
        },
        {S("a/x", "b/x")},
    ),
    (
        "smallest of two cycles",
        "kind: order, select: {property: precedes}",
        {
            "a": [
                "id: x, subject: e1, property: precedes, value: e2",
                "id: y, subject: e2, property: precedes, value: e3",
                "id: z, subject: e3, property: precedes, value: e1",
            ],
            "b": ["id: x, subject: e2, property: precedes, value: e1"],
        },
        {S("a/x", "b/x")},
    ),
    (
        "order against dates",
        "kind: order, select: {property: precedes}",
        {
            "a": [
                "id: x, subject: e1, property: precedes, value: e2",
                "id: d1, subject: e1, property: date, value: 2025-03-16",
                "id: d2, subject: e2, property: date, value: 2025-03-15",
            ]
        },
        {S("a/x", "a/d1", "a/d2")},
    ),
    (
        "same day, either order",
        "kind: order, select: {property: precedes}",
        {
            "a": [
                "id: x, subject: e1, property: precedes, value: e2",
                "id: d1, subject: e1, property: date, value: 2025-03-15",
                "id: d2, subject: e2, property: date, value: 2025-03-15",
            ]
        },
        set(),
    ),
]


@pytest.mark.parametrize(("name", "rule", "sources", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case_table(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    check_case(make_corpus(files(rule, sources), defaults=False), "order", rule, expected)


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
    order=st.permutations(["e1", "e2", "e3", "e4"]),
    pairs=st.sets(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1),
)
def test_order_properties(order: list[str], pairs: set[tuple[int, int]]) -> None:
    rule = "kind: order, select: {property: precedes}"
    claims = [
        f"id: p{i}-{j}, subject: {order[i]}, property: precedes, value: {order[j]}"
        for i, j in sorted(pairs)
        if i < j
    ]
    claims.append(f"id: chain, subject: {order[0]}, property: precedes, value: {order[3]}")
    back = f"id: back, subject: {order[3]}, property: precedes, value: {order[0]}"
    check_perturbation(rule, {"a": claims}, {"a": claims, "b": [back]}, "b/back")


def _reference_cycle(
    graph: dict[str, list[tuple[str, int]]], start: str
) -> tuple[int, list[str]] | None:
    """Dijkstra from ``start`` over the whole graph, to the end: the order check's reference."""
    dist, prev = {start: 0}, {start: start}
    heap: list[tuple[int, str]] = [(0, start)]
    best: tuple[int, list[str]] | None = None
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist.get(u, math.inf):
            continue
        for v, w in graph.get(u, []):
            if v == start and (best is None or d + w < best[0]):
                path = [u]
                while path[-1] != start:
                    path.append(prev[path[-1]])
                best = (d + w, path[::-1])
            elif v != start and d + w < dist.get(v, math.inf):
                dist[v], prev[v] = d + w, u
                heapq.heappush(heap, (d + w, v))
    return best


def _naive_order_cycles(corpus: factcheck.Corpus) -> list[frozenset[str]]:
    """The order check written the obvious, quadratic way: every pair of events compared."""
    support: dict[tuple[str, str], list[tuple[factcheck.Fact, ...]]] = {}
    for f in corpus.facts:
        if f.prop.id == "precedes" and isinstance(f.value, str):
            support.setdefault((f.subject, f.value), []).append((f,))
    events = sorted({e for edge in support for e in edge})
    dates: dict[str, list[factcheck.Fact]] = {}
    for f in sorted(corpus.facts, key=lambda f: f.ref):
        if f.prop.id == "date":
            dates.setdefault(f.subject, []).append(f)
    for u in events:
        for v in events:
            for du in dates.get(u, []) if u != v else []:
                for dv in dates.get(v, []):
                    assert isinstance(du.value, DateSpan) and isinstance(dv.value, DateSpan)
                    if _shared.is_before(du.value, dv.value):
                        support.setdefault((u, v), []).append((du, dv))
    best = {e: min(s, key=lambda s: (len(s), [f.ref for f in s])) for e, s in support.items()}
    graph: dict[str, list[tuple[str, int]]] = {}
    for (u, v), s in sorted(best.items()):
        graph.setdefault(u, []).append((v, len(s)))
    cycles = [c for n in events if (c := _reference_cycle(graph, n))]
    seen: set[frozenset[tuple[str, str]]] = set()
    out = []
    for _, nodes in sorted(cycles, key=lambda c: (c[0], sorted(c[1]))):
        edges = list(zip(nodes, nodes[1:] + nodes[:1], strict=True))
        if any(set(edges) & s for s in seen):
            continue
        seen.add(frozenset(edges))
        out.append(frozenset(f.ref for e in edges for f in best[e]))
    return out


_EVENTS = ["e1", "e2", "e3", "e4"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    stated=st.lists(st.tuples(st.sampled_from(_EVENTS), st.sampled_from(_EVENTS)), max_size=6),
    dated=st.lists(
        st.tuples(
            st.sampled_from(_EVENTS),
            st.sampled_from(
                [
                    "2025",
                    "2025-03",
                    "2025-03-15",
                    "2025-03-16",
                    "2025-04",
                    "2024-12-31",
                    "2025-03-15T23:30-04:00",
                    "2025-03-16T01:00+00:00",
                ]
            ),
        ),
        max_size=6,
    ),
)
@example(stated=[("e2", "e1")], dated=[("e1", "2025-03-15"), ("e2", "2025-03-16")])
@example(stated=[("e2", "e1")], dated=[("e1", "2025-03-16T01:00+00:00"), ("e2", "2025-03-17")])
@example(stated=[("e2", "e1")], dated=[("e1", "2025-03-15T23:30-04:00"), ("e2", "2025-03-16")])
def test_order_finds_what_comparing_every_pair_finds(
    stated: list[tuple[str, str]], dated: list[tuple[str, str]]
) -> None:
    claims = [
        f"id: s{i}, subject: {u}, property: precedes, value: {v}" for i, (u, v) in enumerate(stated)
    ]
    claims += [
        f"id: d{i}, subject: {e}, property: date, value: '{d}'" for i, (e, d) in enumerate(dated)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = write(Path(tmp), files("kind: order, select: {property: precedes}", {"a": claims}))
        corpus = factcheck.load(root)
        found = [c.refs for c in factcheck.audit(corpus).conflicts]
        assert sorted(found, key=sorted) == sorted(_naive_order_cycles(corpus), key=sorted)


_NAMES = [f"e{i}" for i in range(8)]


@st.composite
def _order_graphs(draw: st.DrawFn) -> Graph:
    """Events (named in a random order, for ties) with 0-2 dates, and stated orderings,
    mostly forward in time so that long paths and bystanders dated in between occur."""
    names = draw(st.permutations(_NAMES))[: draw(st.integers(2, len(_NAMES)))]
    spans = {e: draw(st.lists(date_spans(), max_size=2)) for e in names}
    stated = set()
    for _ in range(draw(st.integers(1, 12))):
        u, v = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        su, sv = spans[u], spans[v]
        forward = not su or not sv or min(x.start for x in su) <= min(x.start for x in sv)
        if forward or draw(st.booleans()):
            stated.add((u, v))
    return stated, spans


def _weights(
    stated: set[tuple[str, str]], spans: dict[str, list[DateSpan]]
) -> dict[str, list[tuple[str, int]]]:
    """Every edge of the order graph, pair by pair: 1 if stated, else 2 if dates imply it."""
    events = sorted({e for edge in stated for e in edge})
    weight = dict.fromkeys(stated, 1)
    for u in events:
        for v in events:
            if u != v and (u, v) not in weight and any_before(spans[u], spans[v]):
                weight[(u, v)] = 2
    graph: dict[str, list[tuple[str, int]]] = {}
    for (u, v), w in sorted(weight.items()):
        graph.setdefault(u, []).append((v, w))
    return graph


def _dated(graph: Graph) -> dict[str, order_cycles.Dates]:
    stated, spans = graph
    return {e: order_cycles.Dates.of(spans[e]) for edge in stated for e in edge}


@settings(max_examples=300, deadline=None)
@given(_order_graphs())
def test_order_groups_are_the_strongly_connected_ones(graph: Graph) -> None:
    stated, spans = graph
    edges = _weights(stated, spans)
    events = sorted({e for edge in stated for e in edge})

    def reach(e: str) -> set[str]:
        seen, todo = set(), [e]
        while todo:
            for v, _ in edges.get(todo.pop(), []):
                if v not in seen:
                    seen.add(v)
                    todo.append(v)
        return seen

    reached = {e: reach(e) for e in events}
    expected = {
        frozenset(v for v in events if v == u or (v in reached[u] and u in reached[v]))
        for u in events
    }
    got = order._strongly_connected_events(events, stated, _dated(graph))
    assert sorted(map(sorted, got)) == sorted(sorted(g) for g in expected if len(g) > 1)


def _at(event: str, text: str, hedge: str = "exact") -> tuple[str, DateSpan]:
    return event, date_span(PartialDate.parse(text), hedge)


def _graph(stated: list[tuple[str, str]], *dates: tuple[str, DateSpan]) -> Graph:
    spans: dict[str, list[DateSpan]] = {e: [] for edge in stated for e in edge}
    for event, span in dates:
        spans[event].append(span)
    return set(stated), spans


@settings(max_examples=1000, deadline=None)
@given(_order_graphs())
# A stated ordering between a year and a day inside it is not tame: the year ends later.
@example(
    _graph(
        [("e0", "e4"), ("e4", "e1"), ("e7", "e0")],
        _at("e1", "2024"),
        _at("e4", "2025-03", "before"),
        _at("e7", "2025"),
    )
)
# Nor is one from a calendar day to a timestamp hours later: the day widens against it.
@example(
    _graph(
        [("e3", "e2"), ("e4", "e3")],
        _at("e2", "2025-03-16T01:00+00:00"),
        _at("e4", "2024"),
        _at("e4", "2025-03-15T23:30-04:00"),
        _at("e3", "2025-03-15"),
    )
)
# An event with two dates makes a cycle with every plain event dated between them.
@example(
    _graph(
        [("e1", "e2"), ("e0", "e3")],
        _at("e0", "2024"),
        _at("e0", "2025-04"),
        _at("e1", "2025-03-15"),
        _at("e2", "2025-03-16"),
    )
)
def test_order_cycles_are_what_brute_force_finds(graph: Graph) -> None:
    """The order check's cycles, in the order reported, against the obvious quadratic way:
    every pair of events compared, Dijkstra from every event over the whole graph."""
    assert order._contradictions(graph[0], _dated(graph)) == _brute_force_cycles(graph)


def _brute_force_cycles(graph: Graph) -> list[list[str]]:
    """The cycles to report, found the obvious quadratic way: every pair of events
    compared, Dijkstra from every event over the whole graph."""
    stated, spans = graph
    edges = _weights(stated, spans)
    events = sorted({e for edge in stated for e in edge})
    cycles = [c for n in events if (c := _reference_cycle(edges, n))]
    expected: list[list[str]] = []
    seen: set[tuple[str, str]] = set()
    for _, nodes in sorted(cycles, key=lambda c: (c[0], sorted(c[1]))):
        around = set(zip(nodes, nodes[1:] + nodes[:1], strict=True))
        if not around & seen:
            seen |= around
            expected.append(nodes)
    return expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowded_graphs())
def test_crowded_order_cycles_are_what_brute_force_finds(graph: Graph) -> None:
    """Where most events are bystanders sharing their dates (one search serves several),
    the cycles are still those of the brute force, tie for tie."""
    assert order._contradictions(graph[0], _dated(graph)) == _brute_force_cycles(graph)
