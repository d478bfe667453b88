"""The hook's partial load (factcheck.hook): what it takes, and that it answers as a
full audit does for the files it is given (more in tests/test_scope.py and
tests/test_store_warm_equals_cold.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck.hook import load_around
from factcheck.store import CACHE_DIR

from .conftest import CAPACITY_RULE, MakeCorpus, open_store, source_yaml


def _claim(cid: str, prop: str, value: int) -> str:
    return f"- {{id: {cid}, subject: cecot, property: {prop}, value: {value}, quote: q}}\n"


def _corpus(make_corpus: MakeCorpus, **extra: str) -> Path:
    return make_corpus(
        {
            "rules.yaml": CAPACITY_RULE,
            "sources/a.yaml": source_yaml("a", _claim("c", "capacity", 40000)),
            "sources/b.yaml": source_yaml("b", _claim("c", "capacity", 20000)),
            "sources/c.yaml": source_yaml("c", _claim("i", "inmates", 15000)),
            **extra,
        }
    )


def _about(result: factcheck.AuditResult, file: Path) -> Any:
    return (
        sorted(repr(c) for c in result.conflicts if any(x.file == str(file) for x in c.disputed)),
        sorted(str(e) for e in result.errors if e.file == str(file)),
    )


def test_without_a_store_it_is_the_whole_corpus(make_corpus: MakeCorpus) -> None:
    root = _corpus(make_corpus)
    part = load_around(root, [root / "sources" / "a.yaml"])
    assert {f.ref for f in part.facts} == {f.ref for f in factcheck.load(root).facts}


@pytest.mark.parametrize(
    ("given", "taken"),
    [
        ("sources/a.yaml", {"a/c", "b/c"}),  # same key: the other capacity, not inmates
        ("sources/c.yaml", {"c/i"}),
        ("rules.yaml", {"a/c", "b/c", "c/i"}),  # a definition file: everything
    ],
)
def test_it_takes_only_the_claims_in_reach(
    make_corpus: MakeCorpus, given: str, taken: set[str]
) -> None:
    root = _corpus(make_corpus)
    full = factcheck.audit(factcheck.load(root))
    with open_store(root / CACHE_DIR) as store:
        factcheck.load(root, store=store)
        part = load_around(root, [root / given], store=store)
    assert {f.ref for f in part.facts} == taken
    assert part.files == factcheck.load(root).files  # every file stays listed
    assert _about(factcheck.audit(part), root / given) == _about(full, root / given)


def test_a_duplicate_source_id_is_decided_as_in_a_full_load(make_corpus: MakeCorpus) -> None:
    # b2 repeats b's id; which one a load keeps depends on both, whatever is in reach.
    dup = source_yaml("b", _claim("d", "inmates", 1))
    root = _corpus(make_corpus, **{"sources/b2.yaml": dup})
    full = factcheck.audit(factcheck.load(root))
    with open_store(root / CACHE_DIR) as store:
        factcheck.load(root, store=store)
        for name in ("a", "b", "b2", "c"):
            path = root / "sources" / f"{name}.yaml"
            part = factcheck.audit(load_around(root, [path], store=store))
            assert _about(part, path) == _about(full, path), name


def test_stored_cycle_groups_are_those_of_the_graph_and_a_bad_row_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from factcheck import hook
    from factcheck.rules.scope import cycle_groups
    from factcheck.store import content_key

    day = datetime(2020, 1, 1)
    graph = [
        ((("after", "a", "b"), ("after", "b", "a"), ("after", "c", "d")), ()),
        ((), (("on", "d", day, day), ("on", "c", datetime(2021, 1, 1), day))),
    ]
    want = cycle_groups({"after"}, {"on"}, graph)
    keys: list[str] = []
    real_key = content_key

    def key(*parts: str) -> str:
        keys.append(real_key(*parts))
        return keys[-1]

    made: list[int] = []

    def groups(*args: Any) -> list[list[str]]:
        made.append(1)
        return want

    monkeypatch.setattr("factcheck.hook.content_key", key)
    with open_store(tmp_path / "store") as store:
        assert hook._stored_cycles(store)({"after"}, {"on"}, graph) == want
        monkeypatch.setattr("factcheck.hook.cycle_groups", groups)
        assert hook._stored_cycles(store)({"after"}, {"on"}, graph) == want
        assert made == []  # served from the store
        # Another graph is another key: one more edge closes c-d.
        hook._stored_cycles(store)({"after"}, {"on"}, [*graph, ((("after", "d", "c"),), ())])
        assert made == [1] and len(set(keys)) == 2
        for bad in (b"[1]", b"{", b'[["a", 2]]', b'"a"'):
            store.write(results=[(keys[0], bad)])
            assert hook._stored_cycles(store)({"after"}, {"on"}, graph) == want
        assert len(made) == 5
