"""The ``order`` check's cycle search: dates compared, tame orderings, bystanders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.domain.values import DateSpan, Order, PartialDate, compare_dates, date_span
from factcheck.rules import _shared
from factcheck.rules.kinds import order, order_cycles

#: Stated orderings, and each event's dates.
Graph = tuple[set[tuple[str, str]], dict[str, list[DateSpan]]]


def date_spans() -> st.SearchStrategy[DateSpan]:
    """Dates close together, so every way two can compare turns up: precisions, nesting,
    time zones (a calendar day widens against a timestamp), open-ended hedges."""
    calendar = st.sampled_from(
        ["2024", "2024-12-31", "2025", "2025-03", "2025-04", "2025-03-15", "2025-03-16"]
    )
    stamps = st.builds(
        "2025-03-{:02d}T{:02d}:00{}".format,
        st.integers(15, 16),
        st.sampled_from([1, 11, 19, 23]),
        st.sampled_from(["+00:00", "-04:00", "+09:00"]),
    )
    hedges = st.sampled_from(["exact", "exact", "exact", "before", "after", "not-after"])
    return st.builds(
        lambda text, hedge: date_span(PartialDate.parse(text), hedge),
        st.one_of(calendar, stamps),
        hedges,
    )


def any_before(a: list[DateSpan], b: list[DateSpan]) -> bool:
    """Some date of ``a`` is before some date of ``b``, pair by pair."""
    return any(compare_dates(x, y) is Order.BEFORE for x in a for y in b)


@st.composite
def crowded_graphs(draw: st.DrawFn) -> Graph:
    """A few events that may contradict (two dates, or an ordering against the dates)
    among many with one date each, ordered mostly forward in pairs and chains: the
    bystanders of a large group, several dated alike (names in a random order, for ties)."""
    names = draw(st.permutations([f"e{i:02d}" for i in range(24)]))
    days = ["2025-02", "2025-02-10", "2025-02-11", "2025-03-15", "2025-03-16"]
    spans: dict[str, list[DateSpan]] = {}
    stated: set[tuple[str, str]] = set()
    for e in names[:4]:
        spans[e] = draw(st.lists(date_spans(), min_size=1, max_size=2))
    for _ in range(draw(st.integers(1, 4))):
        stated.add((draw(st.sampled_from(names[:4])), draw(st.sampled_from(names[:4]))))
    for e in names[4:]:
        text = draw(st.sampled_from(days))
        spans[e] = [date_span(PartialDate.parse(text), "exact")]
    for _ in range(draw(st.integers(4, 24))):
        u, v = draw(st.sampled_from(names[4:])), draw(st.sampled_from(names))
        if u != v and spans[u][0].start <= spans[v][0].start:
            stated.add((u, v))
        elif u != v and draw(st.booleans()):
            stated.add((v, u))
    return stated, spans


@given(a=st.lists(date_spans(), max_size=3), b=st.lists(date_spans(), max_size=3))
def test_order_dates_compare_like_every_pair(a: list[DateSpan], b: list[DateSpan]) -> None:
    assert order_cycles.Dates.of(a).before(order_cycles.Dates.of(b)) is any_before(a, b)


@given(p=date_spans(), a=date_spans(), b=date_spans(), q=date_spans())
def test_tame_orderings_keep_earlier_dates_earlier(
    p: DateSpan, a: DateSpan, b: DateSpan, q: DateSpan
) -> None:
    # What lightest_cycles relies on to leave out date edges of plain events.
    if order_cycles._tame(a, b):
        assert not _shared.is_before(p, a) or _shared.is_before(p, b)
        assert not _shared.is_before(b, q) or _shared.is_before(a, q)


def _groups(
    graph: Graph,
) -> tuple[list[list[str]], dict[str, list[str]], dict[str, order_cycles.Dates]]:
    stated, spans = graph
    events = sorted({e for edge in stated for e in edge})
    dated = {e: order_cycles.Dates.of(spans[e]) for e in events}
    after: dict[str, list[str]] = defaultdict(list)
    for u, v in sorted(stated):
        after[u].append(v)
    return order._strongly_connected_events(events, stated, dated), after, dated


def _each_searched(
    group: list[str],
    stated: Collection[tuple[str, str]],
    after: Mapping[str, list[str]],
    dated: Mapping[str, order_cycles.Dates],
) -> list[tuple[int, list[str]]]:
    """The lightest cycle through each event of a group, one search from each."""
    graph, plain = order_cycles._group_graph(group, after, dated)
    pivots = [u for u in group if not plain[u]]
    for u in pivots:
        graph[u] += [
            (v, 2) for v in pivots if v != u and (u, v) not in stated and dated[u].before(dated[v])
        ]
    return [
        found
        for start in group
        if (
            found := order_cycles._cheapest_cycle(
                graph,
                start,
                order_cycles._date_edges_of(start, group, plain, pivots, stated, dated),
            )
        )
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowded_graphs())
def test_bystanders_find_what_a_search_from_each_finds(graph: Graph) -> None:
    """A search shared by the bystanders dated alike finds, for each, the cycle that a
    search from it finds: the same weight and the same path, tie for tie."""
    groups, after, dated = _groups(graph)
    for group in groups:
        found = list(order_cycles.lightest_cycles(group, graph[0], after, dated))
        assert found == _each_searched(group, graph[0], after, dated)


def _at(event: str, text: str) -> tuple[str, DateSpan]:
    return event, date_span(PartialDate.parse(text), "exact")


def test_bystanders_dated_alike_share_one_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """An ordering against the dates (C before A, A's month before C's day) puts every
    event dated in between on a cycle with them; those that no ordering ties to A or C
    are searched once per place among A's and C's dates, not once each."""
    pairs = [(f"x{i:02d}", f"y{i:02d}") for i in range(30)]
    dates = [_at("a", "2025-01"), _at("c", "2025-03-15")]
    dates += [_at(e, "2025-02-10") for pair in pairs[:20] for e in pair]
    dates += [_at(e, "2025-02-20") for pair in pairs[20:] for e in pair]
    spans: dict[str, list[DateSpan]] = defaultdict(list)
    for event, span in dates:
        spans[event].append(span)
    graph: Graph = ({("c", "a"), *pairs}, dict(spans))
    (group,), after, dated = _groups(graph)
    assert len(group) == 62
    expected = _each_searched(group, graph[0], after, dated)
    searches = []
    search = order_cycles._cheapest_cycle

    def counted(*args: object, **kwargs: object) -> object:
        searches.append(args[1])
        return search(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(order_cycles, "_cheapest_cycle", counted)
    found = list(order_cycles.lightest_cycles(group, graph[0], after, dated))
    monkeypatch.undo()
    assert found == expected
    assert sorted(found)[0] == (3, ["a", "c"])
    # a and c, then one search for the 60 others: both their dates fall after a's and
    # before c's, so each is before and after the same events that may contradict.
    assert len(searches) == 3
