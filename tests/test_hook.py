"""The hook's partial load (factcheck.hook): what it takes, and that it answers as a
full audit does for the files it is given (more in tests/test_scope.py and
tests/test_store_warm_equals_cold.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck.hook import load_around
from factcheck.io import records
from factcheck.store import CACHE_DIR

from .conftest import CAPACITY_RULE, FILLS, MakeCorpus, fill_store, open_store, source_yaml


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


def _hook(root: Path, given: Path, fill: str) -> factcheck.Corpus:
    """The hook's load for ``given``, its store holding ``fill`` of the files before."""
    fill_store(root, fill)
    with open_store(root / CACHE_DIR) as store:
        return load_around(root, [given], store=store).corpus


def test_without_a_store_it_is_the_whole_corpus(make_corpus: MakeCorpus) -> None:
    root = _corpus(make_corpus)
    part = load_around(root, [root / "sources" / "a.yaml"]).corpus
    assert {f.ref for f in part.facts} == {f.ref for f in factcheck.load(root).facts}


@pytest.mark.parametrize("fill", FILLS)
@pytest.mark.parametrize(
    ("given", "taken"),
    [
        ("sources/a.yaml", {"a/c", "b/c"}),  # same key: the other capacity, not inmates
        ("sources/c.yaml", {"c/i"}),
        ("rules.yaml", {"a/c", "b/c", "c/i"}),  # a definition file: everything
    ],
)
def test_it_takes_only_the_claims_in_reach(
    make_corpus: MakeCorpus, given: str, taken: set[str], fill: str
) -> None:
    # Files the store does not hold are read, and cut to the reach as stored ones are.
    root = _corpus(make_corpus)
    full = factcheck.audit(factcheck.load(root))
    part = _hook(root, root / given, fill)
    assert {f.ref for f in part.facts} == taken
    assert part.files == factcheck.load(root).files  # every file stays listed
    assert _about(factcheck.audit(part), root / given) == _about(full, root / given)


@pytest.mark.parametrize("fill", FILLS)
def test_a_duplicate_source_id_is_decided_as_in_a_full_load(
    make_corpus: MakeCorpus, fill: str
) -> None:
    # b2 repeats b's id; which one a load keeps depends on both, whatever is in reach.
    # b3 repeats c's id with a claim in a's reach; a is the given file.
    dup = source_yaml("b", _claim("d", "inmates", 1))
    dup_c = source_yaml("c", _claim("d", "capacity", 30000))
    root = _corpus(make_corpus, **{"sources/b2.yaml": dup, "sources/b3.yaml": dup_c})
    full = factcheck.audit(factcheck.load(root))
    assert full.errors  # the duplicate ids
    for name in ("a", "b", "b2", "b3", "c"):
        path = root / "sources" / f"{name}.yaml"
        part = factcheck.audit(_hook(root, path, fill))
        assert _about(part, path) == _about(full, path), name


#: A source with a claim in a's reach, one out of it and one that is not valid.
_FLAWED = source_yaml(
    "e",
    _claim("c", "capacity", 30000)
    + _claim("i", "inmates", 5)
    + "- {id: x, subject: cecot, property: capacity, value: lots, quote: q}\n",
)


@pytest.mark.parametrize("workers", [False, True])
@pytest.mark.parametrize("fill", FILLS)
def test_files_with_load_errors_are_cut_and_their_errors_kept(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch, fill: str, workers: bool
) -> None:
    # Read now (here or by worker processes) or stored, a file with load errors is cut
    # to the claims in reach, and its errors are what a full load gives when it is given.
    if workers:
        monkeypatch.setattr(records, "PARALLEL_MIN_FILES", 1)
        monkeypatch.setattr(records, "_cpus", lambda: 2)
    root = _corpus(
        make_corpus,
        **{"sources/e.yaml": _FLAWED, "sources/f.yaml": "source: [\n", "sources/g.yaml": "- a\n"},
    )
    full = factcheck.audit(factcheck.load(root))
    for name in ("e", "f", "g"):
        assert _about(full, root / "sources" / f"{name}.yaml")[1], name  # errors to report
    for name in ("a", "b", "c", "e", "f", "g"):
        path = root / "sources" / f"{name}.yaml"
        part = _hook(root, path, fill)
        assert _about(factcheck.audit(part), path) == _about(full, path), name
        if name == "a":
            assert {f.ref for f in part.facts} == {"a/c", "b/c", "e/c"}


#: A file of reading errors (a claim without its value) that no claim of a's reach is in.
_INVALID_ELSEWHERE = source_yaml("x", "- {id: n, subject: el-salvador, property: name, quote: q}")


@pytest.mark.parametrize("fill", FILLS)
@pytest.mark.parametrize(
    ("extra", "given", "whole", "file_errors"),
    [
        ({}, "sources/a.yaml", False, False),  # c is out of reach
        ({}, "rules.yaml", True, False),  # a definition file: everything
        ({"sources/x.yaml": _INVALID_ELSEWHERE}, "sources/a.yaml", False, True),
        ({"sources/x.yaml": "source: [\n"}, "sources/a.yaml", False, True),
        ({"sources/x.yaml": _INVALID_ELSEWHERE}, "sources/x.yaml", False, True),
        # Errors of resolving a claim need the definitions: no file counts them.
        (
            {"sources/x.yaml": source_yaml("x", _claim("n", "bogus", 1))},
            "sources/a.yaml",
            False,
            False,
        ),
    ],
)
def test_it_says_whether_it_is_whole_and_whether_a_file_gave_load_errors(
    make_corpus: MakeCorpus,
    fill: str,
    extra: dict[str, str],
    given: str,
    whole: bool,
    file_errors: bool,
) -> None:
    # Known for the files left out too: from their stored heads, or their rows read now.
    root = _corpus(make_corpus, **extra)
    fill_store(root, fill)
    with open_store(root / CACHE_DIR) as store:
        around = load_around(root, [root / given], store=store)
    assert (around.whole, around.file_errors) == (whole, file_errors)
    cold = load_around(root, [root / given])  # no store: the whole corpus, as a load gives it
    assert cold.whole
    assert cold.file_errors == file_errors
    assert _about(factcheck.audit(around.corpus), root / given) == _about(
        factcheck.audit(cold.corpus), root / given
    )


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
        # The same graph in another order (other files given): the same row.
        swapped = [(graph[1][0], graph[0][1]), (tuple(reversed(graph[0][0])), graph[1][1])]
        assert hook._stored_cycles(store)(["after"], ["on"], swapped) == want
        # ... or with a part twice (a given file's parts from its head and its reading).
        assert hook._stored_cycles(store)(["after"], ["on"], [*graph, graph[0]]) == want
        assert made == [] and len(set(keys)) == 1
        # Another graph is another key: one more edge closes c-d.
        hook._stored_cycles(store)({"after"}, {"on"}, [*graph, ((("after", "d", "c"),), ())])
        assert made == [1] and len(set(keys)) == 2
        for bad in (b"[1]", b"{", b'[["a", 2]]', b'"a"'):
            store.write(results=[(keys[0], bad)])
            assert hook._stored_cycles(store)({"after"}, {"on"}, graph) == want
        assert len(made) == 5
