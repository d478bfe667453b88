"""The ``order`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import chain

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.model import Rule
from factcheck.domain.values import (
    DateSpan,
    aligned,
)
from factcheck.rules._shared import (
    by_subject,
    date_of,
    entity_name,
    is_before,
)
from factcheck.rules.registry import Finding, Params, check, parse_params


class OrderParams(Params):
    """``date``: the date property whose values also order the events (null: none)."""

    date: str | None = "date"

    def properties(self) -> list[str]:
        return [self.date] if self.date else []


Edge = tuple[str, str]
#: How two dates are compared: (the earlier one is zoned, the later one is zoned).
_Zones = tuple[bool, bool]
_ZONES: tuple[_Zones, ...] = ((False, False), (False, True), (True, False), (True, True))


@dataclass(frozen=True, slots=True)
class _Dates:
    """One event's dates, reduced to what ordering it against other events needs.

    Some date of ``u`` is before some date of ``v`` exactly when ``u.ends[z] <=
    v.starts[z]`` for some ``z`` (see :func:`factcheck.domain.values.aligned`): ``ends[z]`` is
    the earliest end of the event's dates compared as the earlier side, ``starts[z]`` the
    latest start compared as the later side. ``single`` is its date when it has exactly
    one distinct span; ``several`` when it has two or more.
    """

    ends: dict[_Zones, datetime]
    starts: dict[_Zones, datetime]
    single: DateSpan | None
    several: bool

    @classmethod
    def of(cls, spans: Iterable[DateSpan]) -> _Dates:
        distinct = set(spans)
        ends: dict[_Zones, datetime] = {}
        starts: dict[_Zones, datetime] = {}
        for span in distinct:
            for other in (False, True):
                view = aligned(span, other)
                z = (span.zoned, other)
                if z not in ends or view.end < ends[z]:
                    ends[z] = view.end
                z = (other, span.zoned)
                if z not in starts or view.start > starts[z]:
                    starts[z] = view.start
        single = next(iter(distinct)) if len(distinct) == 1 else None
        return cls(ends, starts, single, len(distinct) > 1)

    def before(self, other: _Dates) -> bool:
        """Some date of this event is before some date of ``other``."""
        return any(z in other.starts and end <= other.starts[z] for z, end in self.ends.items())


def _spans(facts: Iterable[Fact]) -> list[DateSpan]:
    return [f.value for f in facts if isinstance(f.value, DateSpan)]


def _cheapest_cycle(
    graph: Mapping[str, Sequence[tuple[str, int]]],
    start: str,
    extra: Mapping[str, Sequence[tuple[str, int]]] | None = None,
) -> tuple[int, list[str]] | None:
    """The lightest cycle through ``start`` (Dijkstra), as its weight and its nodes.

    ``extra`` adds edges for this search only. Of equally light paths, each node keeps
    the one through the node popped first (nearest, then smallest name).
    """
    more = extra or {}
    dist, prev = {start: 0}, {start: start}
    heap: list[tuple[int, str]] = [(0, start)]
    best: tuple[int, list[str]] | None = None
    while heap:
        d, u = heapq.heappop(heap)
        if best is not None and d + 1 >= best[0]:
            break  # every edge weighs at least 1: nothing left can close a lighter cycle
        if d > dist.get(u, math.inf):
            continue
        for v, w in chain(graph.get(u, ()), more.get(u, ())):
            if v == start and (best is None or d + w < best[0]):
                path = [u]
                while path[-1] != start:
                    path.append(prev[path[-1]])
                best = (d + w, path[::-1])
            elif v != start and d + w < dist.get(v, math.inf):
                dist[v], prev[v] = d + w, u
                heapq.heappush(heap, (d + w, v))
    return best


def tangled(
    events: Sequence[str], stated: Iterable[Edge], dates: Mapping[str, Sequence[Fact]]
) -> list[list[str]]:
    """Groups of two or more events that lie on a common cycle, each sorted.

    The stated orderings and the orderings their date claims imply form the graph; a
    cycle never leaves its group (the hook's reach uses this too).
    """
    return _strongly_connected_events(
        events, stated, {e: _Dates.of(_spans(dates.get(e, []))) for e in events}
    )


def _strongly_connected_events(
    events: Sequence[str], stated: Iterable[Edge], dated: Mapping[str, _Dates]
) -> list[list[str]]:
    """The strongly connected groups (two or more events, each sorted) of the order graph.

    An edge for every pair of dated events would be quadratic; instead each way of
    comparing dates is one chain of time points in sorted order: an event leads to the
    point of its earliest end, each point to the next, and the point of an event's latest
    start leads to the event. One event reaches another along a chain exactly when some
    date of the one is before some date of the other, so the groups are those of the full
    graph, in O(n log n).
    """
    index = {e: i for i, e in enumerate(events)}
    graph: list[list[int]] = [[] for _ in events]
    for u, v in stated:
        if u != v:
            graph[index[u]].append(index[v])
    for z in _ZONES:
        ends = [(dated[e].ends[z], 0, i) for i, e in enumerate(events) if z in dated[e].ends]
        starts = [(dated[e].starts[z], 1, i) for i, e in enumerate(events) if z in dated[e].starts]
        if not ends or not starts:
            continue
        # At equal times an end comes first: a date ending as another starts is before it.
        points = sorted(ends + starts)
        first = len(graph)
        for i, (_, way, e) in enumerate(points):
            graph.append([first + i + 1] if i + 1 < len(points) else [])
            if way == 0:
                graph[e].append(first + i)
            else:
                graph[first + i].append(e)
    n = len(events)
    return [
        sorted(events[i] for i in group if i < n)
        for group in _strongly_connected(graph)
        if sum(i < n for i in group) > 1
    ]


def _strongly_connected(graph: Sequence[Sequence[int]]) -> list[list[int]]:
    """Strongly connected components (Tarjan's algorithm, iterative: no recursion limit)."""
    index = [-1] * len(graph)
    low = [0] * len(graph)
    on_stack = [False] * len(graph)
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for root in range(len(graph)):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, 0)]
        while work:
            node, i = work[-1]
            children = graph[node]
            if i < len(children):
                work[-1] = (node, i + 1)
                child = children[i]
                if index[child] < 0:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = True
                    work.append((child, 0))
                elif on_stack[child]:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    group.append(member)
                    if member == node:
                        break
                out.append(group)
    return out


def _tame(a: DateSpan, b: DateSpan) -> bool:
    """An ordering of an event dated ``a`` before one dated ``b`` that leads nowhere earlier.

    Either the dates already imply it, or ``b`` neither starts nor ends before ``a`` (same
    zoning): a chain of such steps between two dated claims keeps every date before the
    first also before the last (see :func:`_lightest_cycles`).
    """
    return is_before(a, b) or (a.zoned == b.zoned and a.start <= b.start and a.end <= b.end)


def _lightest_cycles(
    group: Sequence[str],
    stated: Collection[Edge],
    after: Mapping[str, Sequence[str]],
    dated: Mapping[str, _Dates],
) -> Iterator[tuple[int, list[str]]]:
    """The lightest cycle through each event of one strongly connected group: what
    :func:`_cheapest_cycle` finds over all the group's stated edges (weight 1) and date
    edges (weight 2), ties broken the same way, without the quadratically many date edges.

    An event is *plain* when it has one date and every stated ordering it takes part in
    within the group is :func:`_tame`; the others are *pivots*. Tame steps never lead to
    an earlier date, so a stretch of plain events entered or left by a date edge can be
    replaced by the date edge between its two ends, which is lighter and leaves from a
    nearer event: no lightest path, and no tie, goes through such a stretch. So only these
    edges are needed: the stated ones, the date edges between pivots, the start's date
    edges to and from every pivot when the start is plain, and, when it has several dates,
    those to and from the first (by name) plain event dated between two of them (the one
    way a stretch of plain events can lead back to where it was entered).
    """
    graph, plain = _group_graph(group, after, dated)
    pivots = [u for u in group if not plain[u]]
    for u in pivots:
        graph[u] += [
            (v, 2) for v in pivots if v != u and (u, v) not in stated and dated[u].before(dated[v])
        ]
    for start in group:
        extra = _date_edges_of(start, group, plain, pivots, stated, dated)
        if found := _cheapest_cycle(graph, start, extra):
            yield found


def _group_graph(
    group: Sequence[str], after: Mapping[str, Sequence[str]], dated: Mapping[str, _Dates]
) -> tuple[dict[str, list[tuple[str, int]]], dict[str, bool]]:
    """The group's stated edges (weight 1), and which of its events are plain (see
    :func:`_lightest_cycles`)."""
    members = set(group)
    graph: dict[str, list[tuple[str, int]]] = {u: [] for u in group}
    plain = {u: dated[u].single is not None for u in group}
    for u in group:
        for v in after[u]:
            if v not in members:
                continue
            graph[u].append((v, 1))
            a, b = dated[u].single, dated[v].single
            if u == v or a is None or b is None or not _tame(a, b):
                plain[u] = plain[v] = False
    return graph, plain


def _date_edges_of(
    start: str,
    group: Sequence[str],
    plain: Mapping[str, bool],
    pivots: Sequence[str],
    stated: Collection[Edge],
    dated: Mapping[str, _Dates],
) -> dict[str, list[tuple[str, int]]]:
    """The date edges (weight 2) the search from ``start`` needs besides those between
    pivots: to and from every pivot when ``start`` is plain; when it has several dates,
    to and from the first plain event dated between two of them."""
    here = dated[start]
    extra: dict[str, list[tuple[str, int]]] = defaultdict(list)
    if plain[start]:
        for p in pivots:
            if (start, p) not in stated and here.before(dated[p]):
                extra[start].append((p, 2))
            if (p, start) not in stated and dated[p].before(here):
                extra[p].append((start, 2))
    elif here.several:
        between = [y for y in group if plain[y] and here.before(dated[y]) and dated[y].before(here)]
        if between:
            y = min(between)
            extra[start].append((y, 2))
            extra[y].append((start, 2))
    return extra


def _contradictions(stated: Collection[Edge], dated: Mapping[str, _Dates]) -> list[list[str]]:
    """The cycles to report, each as its events in order around it.

    Every event's lightest cycle, lightest first (then by its events, then by the event
    it was found from), each unless it shares an ordering with one reported before: so
    each contradiction is reported once, with the smallest set of claims.
    """
    events = sorted({e for edge in stated for e in edge})
    groups = _strongly_connected_events(events, stated, dated)
    grouped = {e for group in groups for e in group}
    # A stated self-loop is a cycle on its own.
    groups += [[u] for u, v in sorted(stated) if u == v and u not in grouped]
    after: dict[str, list[str]] = defaultdict(list)
    for u, v in sorted(stated):
        after[u].append(v)
    found = [
        (weight, sorted(nodes), nodes)
        for group in groups
        for weight, nodes in _lightest_cycles(group, stated, after, dated)
    ]
    found.sort(key=lambda c: (c[0], c[1], c[2][0]))
    taken: set[Edge] = set()
    out: list[list[str]] = []
    for _, _, nodes in found:
        edges = list(zip(nodes, nodes[1:] + nodes[:1], strict=True))
        if taken.isdisjoint(edges):
            taken.update(edges)
            out.append(nodes)
    return out


@check("order", OrderParams, reach="property")
def order(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """Stated orderings and event dates must be satisfiable together (no cycle)."""
    p = parse_params(rule, OrderParams)
    stated: dict[Edge, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.prop.type == "order" and isinstance(f.value, str):
            stated[(f.subject, f.value)].append(f)
    index = by_subject(corpus, p.date) if p.date else {}
    events = {e for edge in stated for e in edge}
    dates = {e: [d for d in index.get(e, []) if isinstance(d.value, DateSpan)] for e in events}
    dated = {e: _Dates.of(_spans(dates[e])) for e in events}

    def evidence(u: str, v: str) -> tuple[Fact, ...]:
        # The smallest support of an ordering: one order claim, else two date claims.
        if (u, v) in stated:
            return (min(stated[(u, v)], key=lambda f: f.ref),)
        return min(
            ((du, dv) for du in dates[u] for dv in dates[v] if is_before(date_of(du), date_of(dv))),
            key=lambda pair: (pair[0].ref, pair[1].ref),
        )

    for nodes in _contradictions(stated, dated):
        edges = list(zip(nodes, nodes[1:] + nodes[:1], strict=True))
        best = {e: evidence(*e) for e in edges}
        cited = tuple(f for e in edges for f in best[e])
        steps = "; ".join(
            f"{entity_name(corpus, u)} before {entity_name(corpus, v)} ("
            + ", ".join(f.ref for f in best[(u, v)])
            + ")"
            for u, v in edges
        )
        yield Finding(cited, f"these orderings form a cycle, so they cannot all hold: {steps}")
