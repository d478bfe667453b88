"""The hook's store of claims by key (factcheck._keystore, factcheck._around).

Whatever the store holds, ``load_around`` must audit to exactly what a full audit says
about the given files: after files change, appear, disappear or share a source id, after
the entities change, with a damaged store, and whatever the stat of a file claims.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck import _around, _keystore, loader, scope
from factcheck.cache import CACHE_DIR
from factcheck.cli import main
from factcheck.corpus import PackedEntities
from factcheck.loader import load_around

from .conftest import CAPACITY_RULE, OPENED_RULE, MakeCorpus, source_yaml

RULES = CAPACITY_RULE + OPENED_RULE
ENTITIES = """\
entities:
  - {id: cecot, name: Terrorism Confinement Center, kind: prison, aliases: [CECOT, The Megaprison]}
  - {id: el-salvador, name: El Salvador, kind: country}
"""


def _claims(*items: tuple[str, str, str, str]) -> str:
    return "".join(
        f"- {{id: {cid}, subject: '{subject}', property: {prop}, value: '{value}', quote: q}}\n"
        for cid, subject, prop, value in items
    )


SOURCES = {
    "sources/a.yaml": source_yaml(
        "a",
        _claims(
            ("cap", "the  megaprison", "capacity", "40,000"), ("open", "cecot", "opened", "2023")
        ),
    ),
    "sources/b.yaml": source_yaml(
        "b", _claims(("cap", "cecot", "capacity", "20,000"), ("open", "cecot", "opened", "2022"))
    ),
    "sources/c.yaml": source_yaml("c", _claims(("cap", "el-salvador", "capacity", "1"))),
    "sources/d.yaml": source_yaml("d", _claims(("pop", "cecot", "inmates", "15,000"))),
}


def _about(result: factcheck.AuditResult, file: Path) -> tuple[list[Any], list[Any]]:
    return (
        [c for c in result.conflicts if any(x.file == str(file) for x in c.citations)],
        [e for e in result.errors if e.file == str(file)],
    )


def _agrees(root: Path, *names: str) -> None:
    """The hook on each named source file says what the full audit says about it."""
    full = factcheck.audit(factcheck.load(root, cache=False))
    for name in names:
        path = root / "sources" / f"{name}.yaml"
        assert _about(factcheck.audit(load_around(root, [path])), path) == _about(full, path), name


@pytest.fixture
def root(make_corpus: MakeCorpus) -> Path:
    root = make_corpus({"entities.yaml": ENTITIES, "rules.yaml": RULES, **SOURCES})
    factcheck.load(root)  # writes the store
    return root


def _store(root: Path) -> _keystore.KeyStore:
    keys = _keystore.open_store(root / CACHE_DIR, root)
    assert keys is not None
    return keys


def test_a_full_load_fills_the_store(root: Path) -> None:
    keys = _store(root)
    try:
        files = keys.files()
        assert {Path(n).name for n in files} == {
            "entities.yaml",
            "properties.yaml",
            "rules.yaml",
            "a.yaml",
            "b.yaml",
            "c.yaml",
            "d.yaml",
        }
        a = files[str(root / "sources" / "a.yaml")]
        # Subjects as written, folded: "the  megaprison" is no name of an entity (yet).
        wanted: dict[str, set[str] | None] = {"the megaprison": None, "cecot": {"opened"}}
        claims = sorted(c.claim.id for c in keys.claims(wanted, {a.fid}))
        assert claims == ["cap", "open"]
        assert list(keys.claims({"cecot": {"capacity"}}, {a.fid})) == []
        source = keys.source(a)
        assert source is not None and source.id == "a"
    finally:
        keys.close()


def _plan(root: Path) -> str:
    keys = _store(root)
    try:
        rows = keys._db.execute(
            "EXPLAIN QUERY PLAN SELECT data FROM claims WHERE s = 'cecot' AND p = 'opened'"
        ).fetchall()
    finally:
        keys.close()
    return " ".join(str(r[-1]) for r in rows)


def test_claims_are_looked_up_by_index_after_a_fill_and_after_an_update(root: Path) -> None:
    # A first full load fills the store unindexed and indexes it at the end.
    assert "claims_by_key" in _plan(root)
    (root / "sources" / "a.yaml").write_text(
        source_yaml("a", _claims(("open", "cecot", "opened", "2023-02-01"))), encoding="utf-8"
    )
    factcheck.load(root)
    assert "claims_by_key" in _plan(root)


def test_stored_claims_equal_the_loaded_ones(root: Path) -> None:
    corpus = factcheck.load(root)
    keys = _store(root)
    try:
        files = keys.files()
        usable = {row.fid for row in files.values()}
        stored = {
            (Path(n).stem, c.claim.id): c.claim
            for n, row in files.items()
            for c in keys.claims(
                {"the megaprison": None, "cecot": None, "el-salvador": None}, {row.fid}
            )
        }
    finally:
        keys.close()
    assert usable
    loaded = {(sid, c.id): c for sid, sf in corpus.sources.items() for c in sf.claims}
    assert stored == loaded
    for key, claim in stored.items():
        assert claim.model_fields_set == loaded[key].model_fields_set


def test_hook_agrees_before_and_after_changes(root: Path) -> None:
    _agrees(root, "a", "b", "c", "d")
    # Edited: b now agrees with a on the capacity, and d's claim moves to another key.
    (root / "sources" / "b.yaml").write_text(SOURCES["sources/b.yaml"].replace("20,000", "40,000"))
    (root / "sources" / "d.yaml").write_text(
        SOURCES["sources/d.yaml"].replace("inmates", "capacity")
    )
    _agrees(root, "a", "b", "c", "d")
    # Removed, and added back under another name.
    (root / "sources" / "b.yaml").rename(root / "sources" / "e.yaml")
    _agrees(root, "a", "c", "d", "e")


def test_claims_of_an_edited_file_come_from_its_new_content(root: Path) -> None:
    path = root / "sources" / "b.yaml"
    load_around(root, [root / "sources" / "a.yaml"])  # the store is current
    path.write_text(SOURCES["sources/b.yaml"].replace("20,000", "40,000"))
    # a is given, b only changed: b is read whole, never taken from the store.
    part = load_around(root, [root / "sources" / "a.yaml"])
    assert [c.rule for c in factcheck.audit(part).conflicts] == ["opened-agrees"]
    _agrees(root, "a")


def test_a_new_vocabulary_resolves_stored_claims_again(root: Path) -> None:
    _agrees(root, "a", "b", "c")
    # "The megaprison" is an alias no more, and names El Salvador instead: a's capacity
    # claim no longer contradicts b's, but c's (read from the store).
    (root / "entities.yaml").write_text(
        ENTITIES.replace(", The Megaprison", "").replace(
            "kind: country}", "kind: country, aliases: [the megaprison]}"
        )
    )
    _agrees(root, "a", "b", "c")
    full = factcheck.audit(factcheck.load(root, cache=False))
    [conflict] = [c for c in full.conflicts if c.rule == "capacity-agrees"]
    assert {x.source for x in conflict.citations} == {"a", "c"}
    part = load_around(root, [root / "sources" / "a.yaml"])  # the store is current again
    assert "sources/c.yaml" in " ".join(part.files)


def test_an_alias_added_brings_stored_claims_into_reach(root: Path) -> None:
    (root / "sources" / "c.yaml").write_text(
        source_yaml("c", _claims(("cap", "Bukele Prison", "capacity", "1")))
    )
    _agrees(root, "a", "c")  # c's subject is no entity: a load error of c
    (root / "entities.yaml").write_text(
        ENTITIES.replace("Megaprison]", "Megaprison, Bukele Prison]")
    )
    factcheck.load(root)
    _agrees(root, "a", "c")  # now a claim on cecot: in conflict with a and b
    part = load_around(root, [root / "sources" / "a.yaml"])
    assert "sources/c.yaml" in " ".join(part.files)


def test_files_sharing_a_source_id_are_read_together(root: Path) -> None:
    # b2 declares source b again: whichever comes second is an error, whole.
    twin = SOURCES["sources/b.yaml"].replace("20,000", "30,000")
    (root / "sources" / "b2.yaml").write_text(twin)
    factcheck.load(root)
    _agrees(root, "a", "b", "b2")
    (root / "sources" / "b.yaml").unlink()  # b2 is now the one that counts
    _agrees(root, "a", "b2")


def test_a_damaged_store_is_made_again(root: Path) -> None:
    [path] = (root / CACHE_DIR).rglob("keys-*.sqlite")
    path.write_bytes(b"not a database" * 100)
    _agrees(root, "a", "b")
    with sqlite3.connect(path) as db:  # written afresh
        assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 7


def test_a_damaged_row_of_claims_is_not_trusted(root: Path) -> None:
    [path] = (root / CACHE_DIR).rglob("keys-*.sqlite")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE claims SET data = ?", (b"\x00junk",))
    _agrees(root, "a")


def test_without_a_signing_key_the_hook_loads_everything(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import cache

    monkeypatch.setattr(cache, "_secret", lambda: None)
    root = make_corpus({"entities.yaml": ENTITIES, "rules.yaml": RULES, **SOURCES})
    part = load_around(root, [root / "sources" / "a.yaml"])
    assert len(part.files) == 7
    assert not (root / CACHE_DIR).exists()


def test_unchanged_files_are_known_by_their_stat(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_keystore, "SETTLE_NS", 0)  # the files here were written just now
    factcheck.load(root)  # records every file's stat
    reads: list[str] = []
    real = loader._read_bytes

    def counting(path: Path, display: str) -> Any:
        reads.append(Path(display).name)
        return real(path, display)

    monkeypatch.setattr(_around, "_read_bytes", counting)
    part = load_around(root, [root / "sources" / "a.yaml"])
    # The given file; no other (the corpus-wide files are restored assembled).
    assert reads == ["a.yaml"]
    assert {Path(f).name for f in part.files} >= {"a.yaml", "b.yaml"}  # b from the store


def test_a_file_rewritten_with_its_old_size_and_mtime_is_read_again(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_keystore, "SETTLE_NS", 0)
    path = root / "sources" / "b.yaml"
    factcheck.load(root)
    before = os.stat(path)
    text = SOURCES["sources/b.yaml"].replace("20,000", "40,001")
    assert len(text) == before.st_size
    path.write_text(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a careless tool might
    assert os.stat(path).st_mtime_ns == before.st_mtime_ns
    _agrees(root, "a", "b")  # the change of ctime gives it away


def test_a_stat_is_recorded_only_once_the_file_has_settled(root: Path) -> None:
    # Written just now (less than SETTLE_NS ago): a write in the same clock tick after
    # it was read could leave its stat as it was.
    keys = _store(root)
    try:
        assert all(row.stat is None for row in keys.files().values())
    finally:
        keys.close()
    now = os.stat(root / "sources" / "a.yaml").st_ctime_ns
    assert _keystore.settled_stat(root / "sources" / "a.yaml", now) is None
    settled = _keystore.settled_stat(root / "sources" / "a.yaml", now + _keystore.SETTLE_NS + 1)
    assert settled is not None and settled[2] == now


def test_a_definition_file_given_reports_the_whole_corpus(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(root.parent)
    assert main(["audit", "facts"]) == 1
    everything = capsys.readouterr().out.splitlines()[-1]
    assert main(["check", "facts/rules.yaml"]) == 1  # after the audit filled the store
    assert capsys.readouterr().out.splitlines()[-1] == everything


def test_cycle_groups_are_kept_between_runs(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .test_scope import EVENT_PROPS, EVENTS, ORDER_RULE, _claim

    sources = {
        "s1": _claim(1, "a", "precedes", "b"),
        "s2": _claim(1, "b", "precedes", "a"),
        "s3": _claim(1, "a", "event-date", "2019"),
    }
    files = {f"sources/{s}.yaml": source_yaml(s, text) for s, text in sources.items()}
    root = make_corpus(
        {"entities.yaml": EVENTS, "properties.yaml": EVENT_PROPS, "rules.yaml": ORDER_RULE, **files}
    )
    factcheck.load(root)  # computes the groups of the whole graph once
    calls: list[object] = []
    real = scope.cycle_groups
    monkeypatch.setattr(_around, "cycle_groups", lambda *a: calls.append(a) or real(*a))
    s1 = root / "sources" / "s1.yaml"
    s1.write_text(s1.read_text() + "# a comment: the graph is the same\n")
    _agrees(root, "s1")
    assert calls == []
    s1.write_text(source_yaml("s1", _claim(1, "a", "precedes", "c")))  # an edge moves
    _agrees(root, "s1", "s2")
    assert len(calls) == 1


def _rows(root: Path) -> dict[str, _keystore.FileRow]:
    keys = _store(root)
    try:
        return {Path(n).name: row for n, row in keys.files().items()}
    finally:
        keys.close()


def test_the_hook_writes_back_once_it_saves_later_runs_work(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_around, "_WRITE_AFTER", 2)
    before = _rows(root)
    paths = {name: root / "sources" / f"{name}.yaml" for name in "abc"}
    for path in paths.values():
        path.write_text(path.read_text() + "# edited\n")
    # Only the given file is new to the store: read anyway, so nothing is written (a
    # commit can wait tens of milliseconds for the disk).
    load_around(root, [paths["a"], paths["b"], paths["c"]])
    assert _rows(root)["a.yaml"].key == before["a.yaml"].key
    # Given alone, a leaves b and c to be read whole for want of their entries: 2 files,
    # worth a write, of all three.
    load_around(root, [paths["a"]])
    after = _rows(root)
    assert all(after[f"{n}.yaml"].key != before[f"{n}.yaml"].key for n in "abc")
    assert after["d.yaml"] == before["d.yaml"]
    _agrees(root, "a", "b", "c", "d")


def test_the_hook_restores_only_the_entities_it_looks_up(make_corpus: MakeCorpus) -> None:
    # A rule that selects by entity kind, and one that names a kind no entity has.
    rules = RULES + (
        "  - {id: prisons-agree, kind: agree, select: {entity_kind: prison}, description: d}\n"
        "  - {id: no-such-kind, kind: agree, select: {entity_kind: prisn}, description: d}\n"
    )
    more = "".join(
        f"  - {{id: town-{i}, name: Town {i}, kind: town, aliases: [T{i}]}}\n" for i in range(40)
    )
    root = make_corpus({"entities.yaml": ENTITIES + more, "rules.yaml": rules, **SOURCES})
    factcheck.load(root)  # writes the store, vocabulary included
    _agrees(root, "a", "b", "c", "d")
    part = load_around(root, [root / "sources" / "a.yaml"])
    assert isinstance(part.entities, PackedEntities)
    assert len(part.entities) == 42 and "town-7" in part.entities
    assert part.entity_kinds() == {"prison", "country", "town"}
    audit = factcheck.audit(part)
    assert "did you mean 'prison'?" in " ".join(e.message for e in audit.errors)
    # a's claims name only cecot: the 41 other entities were never unpickled.
    assert list(dict.keys(part.entities)) == ["cecot"]
