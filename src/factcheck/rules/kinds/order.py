"""The ``order`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.model import Rule
from factcheck.domain.values import DateSpan
from factcheck.rules._shared import by_subject, date_of, entity_name, is_before
from factcheck.rules.kinds.order_cycles import (
    ZONES,
    Dates,
    Edge,
    lightest_cycles,
    strongly_connected,
)
from factcheck.rules.registry import Finding, Params, check, parse_params


class OrderParams(Params):
    """``date``: the date property whose values also order the events (null: none)."""

    date: str | None = "date"

    def properties(self) -> list[str]:
        return [self.date] if self.date else []


def _spans(facts: Iterable[Fact]) -> list[DateSpan]:
    return [f.value for f in facts if isinstance(f.value, DateSpan)]


def tangled(
    events: Sequence[str], stated: Iterable[Edge], dates: Mapping[str, Sequence[Fact]]
) -> list[list[str]]:
    """Groups of two or more events that lie on a common cycle, each sorted.

    The stated orderings and the orderings their date claims imply form the graph; a
    cycle never leaves its group (the hook's reach uses this too).
    """
    return _strongly_connected_events(
        events, stated, {e: Dates.of(_spans(dates.get(e, []))) for e in events}
    )


def _strongly_connected_events(
    events: Sequence[str], stated: Iterable[Edge], dated: Mapping[str, Dates]
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
    for z in ZONES:
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
        for group in strongly_connected(graph)
        if sum(i < n for i in group) > 1
    ]


def _contradictions(stated: Collection[Edge], dated: Mapping[str, Dates]) -> list[list[str]]:
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
        for weight, nodes in lightest_cycles(group, stated, after, dated)
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
    dated = {e: Dates.of(_spans(dates[e])) for e in events}

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
