"""The hook's partial load audits to exactly what a full audit reports about the given files.

``factcheck check FILE`` loads only the files within reach of FILE's claims (see
:mod:`factcheck.rules.scope`); whatever it reports about FILE must be what auditing the whole
corpus reports, for every check kind, before and after files change.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.domain.corpus import Corpus
from factcheck.domain.model import Property, Rule, Selector
from factcheck.hook import load_around
from factcheck.io.dump import render
from factcheck.rules.scope import SCOPES, Events, event_date_properties, reach
from factcheck.testing import strategies as fst

from .conftest import FILLS, fill_store, open_store

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


def _about(result: factcheck.AuditResult, file: str) -> tuple[list[Any], list[Any]]:
    return (
        [c for c in result.conflicts if any(x.file == file for x in c.disputed)],
        [e for e in result.errors if e.file == file],
    )


def _agrees_for_every_file(root: Path, fill: str | None) -> int:
    """Check each source file alone against the full audit, the store holding ``fill``
    of the files before each check (see ``FILLS``; ``None``: the store as it is); the
    number of claims loaded."""
    full = factcheck.audit(factcheck.load(root))
    loaded = 0
    for path in sorted((root / "sources").glob("*.yaml")):
        if fill is not None:
            fill_store(root, fill)
        with open_store(root / ".factcheck-cache") as store:
            part = load_around(root, [path], store=store).corpus
        assert _about(factcheck.audit(part), str(path)) == _about(full, str(path)), path
        loaded += len(part.facts)
    return loaded


def _rules(props: list[Property]) -> st.SearchStrategy[list[Rule]]:
    """Valid rules of every check kind over ``props``."""
    ids = [p.id for p in props]
    quantities = [p.id for p in props if p.type == "quantity"] or ids
    dates = [p.id for p in props if p.type == "date"]
    some = st.sampled_from(ids)
    q = st.sampled_from(quantities)
    selector = st.one_of(
        st.just(Selector()),
        st.lists(some, min_size=1, max_size=2, unique=True).map(lambda p: Selector(property=p)),
    )
    kinds: list[st.SearchStrategy[tuple[str, dict[str, Any]]]] = [
        st.just(("agree", {})),
        st.just(("reference", {})),
        st.just(("naming", {})),
        # max_factor is left out: trend overflows on far-apart dates (a checks.py bug).
        st.just(("trend", {})),
        q.map(lambda m: ("bound", {"max": m})),
        q.map(lambda lv: ("change", {"level": lv})),
        st.tuples(q, q, q).map(
            lambda t: ("derived", {"relation": "sum", "parts": [t[0], t[1]], "total": t[2]})
        ),
        st.just(("order", {"date": None})),
    ]
    if dates:
        d = st.sampled_from(dates)
        kinds += [
            d.map(lambda s: ("lifetime", {"start": s})),
            d.map(lambda s: ("order", {"date": s})),
        ]

    @st.composite
    def build(draw: st.DrawFn, i: int) -> Rule:
        kind, params = draw(st.one_of(kinds))
        return Rule(id=f"r{i}", kind=kind, params=params, select=draw(selector), description="rule")

    return st.lists(st.integers(0, 999), min_size=1, max_size=4, unique=True).flatmap(
        lambda ns: st.tuples(*(build(n) for n in ns)).map(list)
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fst.corpora(max_entities=3, max_properties=4, max_sources=5, max_claims=6),
    st.data(),
)
def test_hook_reports_what_the_full_audit_reports(corpus: Corpus, data: st.DataObject) -> None:
    corpus.rules = data.draw(_rules(list(corpus.properties.values())))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "facts"
        for name, text in render(corpus).items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        for fill in FILLS:
            _agrees_for_every_file(root, fill)
        # A changed file is read afresh (it is not what the index says) and still agrees.
        fill_store(root, "every")
        first = sorted((root / "sources").glob("*.yaml"))[0]
        first.write_text(first.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        _agrees_for_every_file(root, None)


@pytest.fixture(scope="module")
def generate() -> Any:
    spec = importlib.util.spec_from_file_location("bench_generate_scope", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("fill", FILLS)
@pytest.mark.parametrize(("claims", "seed"), [(1200, 1), (1500, 4)])
def test_generated_corpora_every_file(
    generate: Any, tmp_path: Path, claims: int, seed: int, fill: str
) -> None:
    generate.generate(tmp_path, claims, seed, 0.5)
    root = tmp_path / "facts"
    files = len(list((root / "sources").glob("*.yaml")))
    loaded = _agrees_for_every_file(root, fill)
    # ... and loads far fewer claims than the whole corpus for each file, whether the
    # store holds the other files or they are read now (a first check after a clone).
    assert loaded < claims * files / 2


@pytest.mark.parametrize(
    ("rule", "seed", "needed", "not_needed"),
    [
        (Rule(id="a", kind="agree", description="d"), ("s", "cap"), [("s", "cap")], [("s", "pop")]),
        (
            Rule(
                id="b",
                kind="bound",
                select=Selector(property=["pop"]),
                params={"max": "cap"},
                description="d",
            ),
            ("s", "cap"),
            [("s", "pop"), ("s", "cap")],
            [("t", "pop"), ("s", "opened")],
        ),
        (
            Rule(id="l", kind="lifetime", params={"start": "opened"}, description="d"),
            ("s", "opened"),
            [("s", "pop"), ("s", "cap")],
            [("t", "opened")],
        ),
        (
            Rule(id="o", kind="order", params={"date": "opened"}, description="d"),
            ("s", "opened"),
            [("t", "opened"), ("u", "after")],
            [("s", "pop")],
        ),
        (
            Rule(id="o", kind="order", params={"date": "opened"}, description="d"),
            ("s", "pop"),
            [],
            [("t", "opened"), ("u", "after")],
        ),
        (Rule(id="n", kind="naming", description="d"), ("s", "pop"), [], [("s", "cap")]),
    ],
    ids=[
        "agree-key",
        "bound-subject",
        "lifetime-all-props",
        "order-touched",
        "order-untouched",
        "naming-source",
    ],
)
def test_reach_table(
    rule: Rule,
    seed: tuple[str, str],
    needed: list[tuple[str, str]],
    not_needed: list[tuple[str, str]],
) -> None:
    props = {
        "cap": Property(id="cap", type="quantity"),
        "pop": Property(id="pop", type="quantity"),
        "opened": Property(id="opened", type="date"),
        "after": Property(id="after", type="order"),
    }
    within = reach([rule], props, [seed])
    assert within.needs(seed)
    assert all(within.needs(k) for k in needed)
    assert not any(within.needs(k) for k in not_needed)


def test_naming_reaches_the_claims_about_the_misnamed_entities() -> None:
    props = {
        "cap": Property(id="cap", type="quantity"),
        "pop": Property(id="pop", type="quantity"),
    }
    every = Rule(id="n", kind="naming", description="d")
    within = reach([every], props, [("s", "pop")], named={"t"})
    assert within.needs(("t", "cap")) and within.needs(("t", "pop"))
    assert not within.needs(("u", "cap")) and not within.needs(("s", "cap"))
    some = Rule(id="n", kind="naming", select=Selector(property=["cap"]), description="d")
    within = reach([some], props, [("s", "pop")], named={"t"})
    assert within.needs(("t", "cap")) and not within.needs(("t", "pop"))


def test_every_kind_has_a_scope() -> None:
    # A kind without one makes the hook load everything: correct, but slow.
    from factcheck.rules.checks import KINDS

    assert set(KINDS) <= set(SCOPES)


def test_unknown_reach_loads_everything() -> None:
    from factcheck.rules import checks

    checks.KINDS["made-up"] = checks.KINDS["agree"]
    try:
        within = reach([Rule(id="m", kind="made-up", description="d")], {}, [("s", "p")])
    finally:
        del checks.KINDS["made-up"]
    assert within.everything


EVENTS = """\
entities:
""" + "".join(f"  - {{id: {e}, name: Event {e.upper()}, kind: event}}\n" for e in "abcde")

EVENT_PROPS = """\
properties:
  - {id: event-date, type: date}
  - {id: precedes, type: order}
"""

ORDER_RULE = """\
rules:
  - {id: order, kind: order, select: {property: precedes}, params: {date: event-date},
     description: events happen in one order}
"""


def _claim(i: int, subject: str, prop: str, value: str) -> str:
    return f"- {{id: c{i}, subject: {subject}, property: {prop}, value: '{value}', quote: q}}\n"


@pytest.mark.parametrize("fill", FILLS)
@pytest.mark.parametrize(
    ("given", "read"),
    [
        # a before b, b before a: a cycle; the dates of a and b can support its edges
        ("s1", {"s1", "s2", "s5"}),
        ("s2", {"s1", "s2", "s5"}),
        ("s3", {"s3"}),  # d before e, by statement and by date: no cycle possible
        ("s4", {"s4"}),
        ("s5", {"s5", "s1", "s2"}),  # a date of a: a is on the cycle
    ],
)
def test_order_reaches_only_events_that_can_share_a_cycle(
    make_corpus: Any, given: str, read: set[str], fill: str
) -> None:
    # The hook finds the cycle groups from the heads alone (order edges and dated
    # events; stored, or of the files read now) and takes only the claims of events in
    # the given file's groups.

    sources = {
        "s1": _claim(1, "a", "precedes", "b"),
        "s2": _claim(1, "b", "precedes", "a"),
        "s3": _claim(1, "d", "precedes", "e"),
        "s4": _claim(1, "d", "event-date", "2020") + _claim(2, "e", "event-date", "2021"),
        "s5": _claim(1, "a", "event-date", "2019"),
    }
    part = _hook_on_the_cycle(make_corpus, sources, EVENT_PROPS, given, fill)
    assert {f.source.id for f in part.facts} == read


def _hook_on_the_cycle(
    make_corpus: Any, sources: dict[str, str], props: str, given: str, fill: str = "every"
) -> factcheck.Corpus:
    """The hook's partial load for source ``given`` of an order corpus whose full audit
    finds the one a-b cycle, the store holding ``fill`` of the files; checked to give
    what the full audit gives for that file."""
    from .conftest import source_yaml

    root = make_corpus(
        {
            "entities.yaml": EVENTS,
            "properties.yaml": props,
            "rules.yaml": ORDER_RULE,
            **{f"sources/{s}.yaml": source_yaml(s, text) for s, text in sources.items()},
        }
    )
    full = factcheck.audit(factcheck.load(root))
    assert len(full.conflicts) == 1  # the a-b cycle
    path = root / "sources" / f"{given}.yaml"
    fill_store(root, fill)
    with open_store(root / ".factcheck-cache") as store:
        part = load_around(root, [path], store=store).corpus
    assert _about(factcheck.audit(part), str(path)) == _about(full, str(path))
    return part


def test_event_dates_are_the_date_params_of_order_rules_only() -> None:
    rules = [
        Rule(id="o", kind="order", params={"date": "opened"}, description="d"),
        Rule(id="u", kind="order", params={"date": None}, description="d"),
        Rule(id="l", kind="lifetime", params={"start": "founded"}, description="d"),
        Rule(id="x", kind="no-such-kind", params={"date": "closed"}, description="d"),
    ]
    assert event_date_properties(rules) == {"opened"}
    assert event_date_properties([]) == set()


@pytest.mark.parametrize(("given", "graph_made"), [("s1", True), ("s5", True), ("s6", False)])
def test_the_event_graph_is_made_only_when_an_order_rule_reads_a_given_claim(
    make_corpus: Any, monkeypatch: pytest.MonkeyPatch, given: str, graph_made: bool
) -> None:
    # The graph spans every stored head: a file stating no order edge and no event date
    # (s6) is answered without it, and still as the full audit answers.
    from factcheck import hook

    sources = {
        "s1": _claim(1, "a", "precedes", "b"),
        "s2": _claim(1, "b", "precedes", "a"),
        "s5": _claim(1, "a", "event-date", "2019"),
        "s6": _claim(1, "a", "size", "big") + _claim(2, "b", "size", "small"),
    }
    made: list[object] = []
    real = hook._events

    def spy(*args: Any) -> Any:
        made.append(args)
        return real(*args)

    monkeypatch.setattr(hook, "_events", spy)
    props = EVENT_PROPS + "  - {id: size, type: text}\n"
    _hook_on_the_cycle(make_corpus, sources, props, given)
    assert bool(made) == graph_made


def test_reach_makes_a_lazy_event_graph_only_for_keys_an_order_rule_reads() -> None:
    props = {
        "opened": Property(id="opened", type="date"),
        "after": Property(id="after", type="order"),
        "pop": Property(id="pop", type="quantity"),
    }
    rule = Rule(id="o", kind="order", params={"date": "opened"}, description="d")
    calls: list[int] = []

    def graph() -> list[Events]:
        calls.append(1)
        return [((("after", "a", "b"), ("after", "b", "a")), ())]

    assert reach([rule], props, [("a", "pop")], graph).keys == {("a", "pop")}
    assert calls == []
    within = reach([rule], props, [("a", "after")], graph)
    assert calls == [1] and within.needs(("b", "after")) and not within.needs(("c", "after"))
    # A function that finds no graph: every claim of the rule's properties.
    assert reach([rule], props, [("a", "after")], lambda: None).needs(("c", "after"))
