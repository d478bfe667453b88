"""The ``order`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
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

    Most of a large group's events are *bystanders* (see :class:`_Bystanders`), whose
    search depends on which pivots they are dated after and before, and on nothing else:
    one search serves every bystander dated alike, so a group's cost grows with its
    pivots, not with its pivots times its events.
    """
    graph, plain = _group_graph(group, after, dated)
    pivots = [u for u in group if not plain[u]]
    for u in pivots:
        graph[u] += [
            (v, 2) for v in pivots if v != u and (u, v) not in stated and dated[u].before(dated[v])
        ]
    bystanders = _Bystanders(group, graph, plain, pivots, dated)
    for start in group:
        if start in bystanders:
            found = bystanders.cycle(start)
        else:
            extra = _date_edges_of(start, group, plain, pivots, stated, dated)
            found = _cheapest_cycle(graph, start, extra)
        if found:
            yield found


class _Bystanders:
    """The plain events of a group that no stated ordering ties to a pivot: no chain of
    stated orderings (through plain events) leads from one to a pivot or from a pivot to
    it, and none leads from it back to itself.

    The search from a bystander leaves it by its date edges to the pivots dated after it
    and comes back by those from the pivots dated before it. The events its own stated
    orderings lead to are dead ends (they lead to no pivot and not back to it), so they
    change nothing on a path back; and no event that leads to it can be reached (the
    other plain events have no date edges in its search). Its lightest cycle is therefore
    the bystander followed by the path that a search from those pivots back to those
    pivots finds, and a search never compares its start with another node, so that path
    is the same for every bystander with the same two sets of pivots. The sets are told
    apart by where the bystander's dates fall among the pivots' dates (by bisection);
    each pair of sets is searched once.
    """

    def __init__(
        self,
        group: Sequence[str],
        graph: Mapping[str, Sequence[tuple[str, int]]],
        plain: Mapping[str, bool],
        pivots: Sequence[str],
        dated: Mapping[str, _Dates],
    ) -> None:
        self._graph, self._pivots, self._dated = graph, pivots, dated
        self._members = _bystanders(group, graph, plain)
        # For each way of comparing dates, the pivots in order of the latest start of
        # their dates (a bystander is before those from some point on) and of the earliest
        # end (it is after those up to some point).
        self._starts = {z: _points(pivots, dated, z, later=True) for z in _ZONES}
        self._ends = {z: _points(pivots, dated, z, later=False) for z in _ZONES}
        self._found: dict[tuple[int, ...], tuple[int, list[str]] | None] = {}
        # The searches' start: a name that is no event of the group.
        self._start = "\0"
        while self._start in graph:
            self._start += "\0"

    def __contains__(self, event: str) -> bool:
        return event in self._members

    def cycle(self, event: str) -> tuple[int, list[str]] | None:
        """The lightest cycle through a bystander, as :func:`_cheapest_cycle` gives it."""
        here = self._dated[event]
        # Where the bystander's dates fall: pivots from the ``a``-th on (by latest start)
        # begin no earlier than one of its dates ends; pivots before the ``b``-th (by
        # earliest end) end no later than one of its dates begins.
        key = tuple(
            bisect_left(times, here.ends[z]) if z in here.ends else len(times)
            for z, (times, _) in self._starts.items()
        ) + tuple(
            bisect_right(times, here.starts[z]) if z in here.starts else 0
            for z, (times, _) in self._ends.items()
        )
        if key not in self._found:
            self._found[key] = self._search(key)
        found = self._found[key]
        if found is None:
            return None
        weight, path = found
        return weight, [event, *path[1:]]

    def _search(self, key: tuple[int, ...]) -> tuple[int, list[str]] | None:
        """The lightest cycle from a start that is before the pivots from the ``key[i]``-th
        on in ``_starts`` and after those before the ``key[4 + i]``-th in ``_ends``, for
        each ``i``-th way of comparing dates."""
        n = len(_ZONES)
        later = {
            p for (_, ps), a in zip(self._starts.values(), key[:n], strict=True) for p in ps[a:]
        }
        earlier = {
            p for (_, ps), b in zip(self._ends.values(), key[n:], strict=True) for p in ps[:b]
        }
        extra: dict[str, list[tuple[str, int]]] = {
            self._start: [(p, 2) for p in self._pivots if p in later]
        }
        for p in earlier:
            extra[p] = [(self._start, 2)]
        return _cheapest_cycle(self._graph, self._start, extra)


def _points(
    pivots: Sequence[str], dated: Mapping[str, _Dates], z: _Zones, *, later: bool
) -> tuple[list[datetime], list[str]]:
    """The pivots that compare by ``z``, sorted by the latest start of their dates
    (``later``) or by the earliest end, with those times."""
    times = [(dated[p].starts if later else dated[p].ends).get(z) for p in pivots]
    pairs = sorted((t, p) for t, p in zip(times, pivots, strict=True) if t is not None)
    return [t for t, _ in pairs], [p for _, p in pairs]


def _bystanders(
    group: Sequence[str],
    graph: Mapping[str, Sequence[tuple[str, int]]],
    plain: Mapping[str, bool],
) -> set[str]:
    """The plain events of a group that no chain of stated orderings (weight-1 edges)
    through plain events ties to a pivot, either way, or to themselves (see
    :class:`_Bystanders`)."""
    succ = {u: [v for v, w in graph[u] if w == 1] for u in group}
    pred: dict[str, list[str]] = {u: [] for u in group}
    for u in group:
        for v in succ[u]:
            pred[v].append(u)
    tied: set[str] = set()
    for edges in (succ, pred):
        todo = [u for u in group if not plain[u]]
        seen: set[str] = set()
        while todo:
            for v in edges[todo.pop()]:
                if plain[v] and v not in seen:
                    seen.add(v)
                    todo.append(v)
        tied |= seen
    free = [u for u in group if plain[u] and u not in tied]
    index = {u: i for i, u in enumerate(free)}
    among = [[index[v] for v in succ[u] if v in index] for u in free]
    looped = {free[i] for part in _strongly_connected(among) if len(part) > 1 for i in part}
    return set(free) - looped


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
