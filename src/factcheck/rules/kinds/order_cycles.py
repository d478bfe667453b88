"""The lightest cycle through each event of a strongly connected group of the ``order``
check's graph (:mod:`factcheck.rules.kinds.order`): events, the orderings stated between
them (weight 1) and those their dates imply (weight 2)."""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import chain

from factcheck.domain.values import DateSpan, aligned
from factcheck.rules._shared import is_before

__all__ = ["ZONES", "Dates", "Edge", "Zones", "lightest_cycles", "strongly_connected"]

Edge = tuple[str, str]
#: How two dates are compared: (the earlier one is zoned, the later one is zoned).
Zones = tuple[bool, bool]
ZONES: tuple[Zones, ...] = ((False, False), (False, True), (True, False), (True, True))


@dataclass(frozen=True, slots=True)
class Dates:
    """One event's dates, reduced to what ordering it against other events needs.

    Some date of ``u`` is before some date of ``v`` exactly when ``u.ends[z] <=
    v.starts[z]`` for some ``z`` (see :func:`factcheck.domain.values.aligned`): ``ends[z]`` is
    the earliest end of the event's dates compared as the earlier side, ``starts[z]`` the
    latest start compared as the later side. ``single`` is its date when it has exactly
    one distinct span; ``several`` when it has two or more.
    """

    ends: dict[Zones, datetime]
    starts: dict[Zones, datetime]
    single: DateSpan | None
    several: bool

    @classmethod
    def of(cls, spans: Iterable[DateSpan]) -> Dates:
        """The dates of one event, from its date claims' spans."""
        distinct = set(spans)
        ends: dict[Zones, datetime] = {}
        starts: dict[Zones, datetime] = {}
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

    def before(self, other: Dates) -> bool:
        """Some date of this event is before some date of ``other``."""
        return any(z in other.starts and end <= other.starts[z] for z, end in self.ends.items())


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


def strongly_connected(graph: Sequence[Sequence[int]]) -> list[list[int]]:
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
    first also before the last (see :func:`lightest_cycles`).
    """
    return is_before(a, b) or (a.zoned == b.zoned and a.start <= b.start and a.end <= b.end)


def lightest_cycles(
    group: Sequence[str],
    stated: Collection[Edge],
    after: Mapping[str, Sequence[str]],
    dated: Mapping[str, Dates],
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
        dated: Mapping[str, Dates],
    ) -> None:
        self._graph, self._pivots, self._dated = graph, pivots, dated
        self._members = _bystanders(group, graph, plain)
        # For each way of comparing dates, the pivots in order of the latest start of
        # their dates (a bystander is before those from some point on) and of the earliest
        # end (it is after those up to some point).
        self._starts = {z: _points(pivots, dated, z, later=True) for z in ZONES}
        self._ends = {z: _points(pivots, dated, z, later=False) for z in ZONES}
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
        n = len(ZONES)
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
    pivots: Sequence[str], dated: Mapping[str, Dates], z: Zones, *, later: bool
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
    looped = {free[i] for part in strongly_connected(among) if len(part) > 1 for i in part}
    return set(free) - looped


def _group_graph(
    group: Sequence[str], after: Mapping[str, Sequence[str]], dated: Mapping[str, Dates]
) -> tuple[dict[str, list[tuple[str, int]]], dict[str, bool]]:
    """The group's stated edges (weight 1), and which of its events are plain (see
    :func:`lightest_cycles`)."""
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
    dated: Mapping[str, Dates],
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
