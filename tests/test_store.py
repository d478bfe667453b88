"""The one store (factcheck.store): it owns one directory, trusts nothing it reads back,
and never changes an answer."""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import factcheck
from factcheck.hook import load_around
from factcheck.io import records
from factcheck.io.discovery import scan
from factcheck.store import CACHE_DIR

from .conftest import MakeCorpus, bound_corpus, open_store


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _tree(path: Path) -> dict[str, bytes | str]:
    """Every entry below ``path`` (links as their targets, files as their bytes)."""
    out: dict[str, bytes | str] = {}
    for p in sorted(path.rglob("*")):
        rel = p.relative_to(path).as_posix()
        if p.is_symlink():
            out[rel] = f"-> {os.readlink(p)}"
        elif p.is_file():
            out[rel] = p.read_bytes()
        else:
            out[rel] = "dir"
    return out


def test_load_and_audit_write_nothing(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = bound_corpus(make_corpus)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    before = _tree(tmp_path)
    factcheck.audit(factcheck.load(root))
    factcheck.audit(load_around(root, [root / "sources" / "a.yaml"]).corpus)
    assert _tree(tmp_path) == before  # no store, and no key either


def test_a_new_store_is_a_tagged_ignored_directory(make_corpus: MakeCorpus) -> None:
    root = bound_corpus(make_corpus)
    with open_store(root / CACHE_DIR) as store:
        factcheck.load(root, store=store)
    names = sorted(p.name for p in (root / CACHE_DIR).iterdir())
    assert names[:3] == [".gitignore", "CACHEDIR.TAG", "store.sqlite"]
    assert (
        (root / CACHE_DIR / "CACHEDIR.TAG")
        .read_bytes()
        .startswith(b"Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (root / CACHE_DIR / ".gitignore").read_text() == "*\n"
    key = Path(os.environ["XDG_CACHE_HOME"]) / "factcheck" / "store-key"
    assert key.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("what", ["link-to-corpus", "link-to-nothing", "file", "foreign-dir"])
def test_a_path_the_store_does_not_own_is_never_used(
    make_corpus: MakeCorpus, tmp_path: Path, what: str
) -> None:
    root = bound_corpus(make_corpus)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("precious\n")
    (victim / ".gitignore").write_text("mine\n")
    (victim / "sub").mkdir()
    path = root / CACHE_DIR
    if what == "link-to-corpus":
        path.symlink_to(victim, target_is_directory=True)
    elif what == "link-to-nothing":
        path.symlink_to(tmp_path / "nowhere")
    elif what == "file":
        path.write_text("not a directory\n")
    else:
        path.mkdir()
        (path / "notes.txt").write_text("someone else's\n")
    before = _tree(tmp_path)
    cold = _run(root, "audit", ".", "--no-cache")
    for args in (["audit", "."], ["check", "sources/a.yaml"], ["audit", ".", "--format", "json"]):
        proc = _run(root, *args)
        assert "Traceback" not in proc.stderr
        assert proc.stderr.count("running without the store") == 1, proc.stderr
        assert proc.returncode == 1
        if args == ["audit", "."]:
            assert proc.stdout == cold.stdout
    assert _tree(tmp_path) == before  # nothing made, removed or overwritten anywhere


def test_no_cache_and_the_environment_turn_the_store_off(make_corpus: MakeCorpus) -> None:
    root = bound_corpus(make_corpus)
    assert _run(root, "audit", ".", "--no-cache").returncode == 1
    assert not (root / CACHE_DIR).exists()
    env_run = subprocess.run(
        [sys.executable, "-m", "factcheck", "audit", "."],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "FACTCHECK_NO_CACHE": "1"},
        check=False,
    )
    assert env_run.returncode == 1 and not (root / CACHE_DIR).exists()


def test_cache_dir_moves_the_store(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    root = bound_corpus(make_corpus)
    elsewhere = tmp_path / "elsewhere"
    assert _run(root, "audit", ".", "--cache-dir", str(elsewhere)).returncode == 1
    assert (elsewhere / "store.sqlite").is_file() and not (root / CACHE_DIR).exists()


def _rows(root: Path) -> sqlite3.Connection:
    return sqlite3.connect(root / CACHE_DIR / "store.sqlite", isolation_level=None)


@pytest.mark.parametrize(
    "tamper",
    [
        # The exact attack: a claim's stored value changed, MAC left as it was.
        "UPDATE files SET body = replace(body, '40000', '4000')",
        "UPDATE files SET body = replace(body, 'a', 'b')",
        "UPDATE files SET head = replace(head, 'inmates', 'capacity')",
        "UPDATE results SET body = replace(body, '1]', '0]')",
        "UPDATE files SET body_mac = zeroblob(32)",
        "UPDATE files SET body = 'not json'",
        "DELETE FROM files WHERE sid = 'a'",
        "UPDATE results SET body = '[\"all clear\", 0]'",
    ],
)
def test_tampered_rows_are_misses_never_answers(make_corpus: MakeCorpus, tamper: str) -> None:
    root = bound_corpus(make_corpus)
    cold_audit = _run(root, "audit", ".", "--no-cache")
    cold_check = _run(root, "check", "sources/a.yaml", "--no-cache")
    assert cold_audit.returncode == 1
    _run(root, "audit", ".")  # fills the store
    db = _rows(root)
    db.execute(tamper)
    db.close()
    for args, cold in ((["audit", "."], cold_audit), (["check", "sources/a.yaml"], cold_check)):
        warm = _run(root, *args)
        assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)


def test_a_forged_store_with_rows_signed_by_another_key_is_ignored(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    # A store committed to a repository by someone else: their key, their verdict.
    root = bound_corpus(make_corpus)
    cold = _run(root, "audit", ".", "--no-cache")
    other = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "attacker")}
    subprocess.run(
        [sys.executable, "-m", "factcheck", "audit", "."], cwd=root, env=other, check=False
    )
    db = _rows(root)
    (text,) = db.execute("SELECT body FROM results").fetchone()
    db.close()
    assert json.loads(text)[-1] == 1  # [report, note, exit code]
    warm = _run(root, "audit", ".")
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)


def test_a_corrupt_database_runs_without_the_store(make_corpus: MakeCorpus) -> None:
    root = bound_corpus(make_corpus)
    cold = _run(root, "audit", ".", "--no-cache")
    _run(root, "audit", ".")
    (root / CACHE_DIR / "store.sqlite").write_bytes(b"garbage" * 1000)
    for name in ("store.sqlite-wal", "store.sqlite-shm"):
        (root / CACHE_DIR / name).unlink(missing_ok=True)
    warm = _run(root, "audit", ".")
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
    assert "Traceback" not in warm.stderr


def test_a_link_planted_inside_the_store_is_not_followed(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    root = bound_corpus(make_corpus)
    _run(root, "audit", ".")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    db = root / CACHE_DIR / "store.sqlite"
    for name in ("store.sqlite-wal", "store.sqlite-shm"):
        (root / CACHE_DIR / name).unlink(missing_ok=True)
    db.unlink()
    db.symlink_to(victim)
    proc = _run(root, "audit", ".")
    assert proc.returncode == 1 and "not a regular file" in proc.stderr
    assert victim.read_text() == "precious\n"


def test_files_beside_a_missing_database_are_never_deleted(make_corpus: MakeCorpus) -> None:
    # SQLite takes a WAL or shared-memory file beside a database for its own, and deletes
    # it: with no database, the store did not make them (a tagged directory committed to
    # a repository, say).
    root = bound_corpus(make_corpus)
    _run(root, "audit", ".")
    for name in ("store.sqlite", "store.sqlite-wal", "store.sqlite-shm"):
        (root / CACHE_DIR / name).unlink(missing_ok=True)
    wal = root / CACHE_DIR / "store.sqlite-wal"
    wal.write_text("precious\n")
    proc = _run(root, "audit", ".")
    assert proc.returncode == 1 and "the store did not make" in proc.stderr
    assert wal.read_text() == "precious\n"


def test_deleting_the_store_only_makes_runs_slower(make_corpus: MakeCorpus) -> None:
    root = bound_corpus(make_corpus)
    first = _run(root, "audit", ".")
    second = _run(root, "audit", ".")
    for p in sorted((root / CACHE_DIR).iterdir()):
        p.unlink()
    (root / CACHE_DIR).rmdir()
    third = _run(root, "audit", ".")
    assert first.stdout == second.stdout == third.stdout


def test_a_row_of_another_shape_is_a_miss(make_corpus: MakeCorpus) -> None:
    # Valid JSON with a valid MAC, but not what a reading looks like (as an older or
    # newer factcheck might have written): read from the file instead.
    root = bound_corpus(make_corpus)
    cold = factcheck.load(root)
    with open_store(root / CACHE_DIR) as store:
        factcheck.load(root, store=store)
        heads = store.heads([k for k in scan(root).store_keys() if k])
        store.write(files=[(k, sid, b'{"kind": "source"}', b"{}") for k, (sid, _) in heads.items()])
        warm = factcheck.load(root, store=store)
    assert [f.ref for f in warm.facts] == [f.ref for f in cold.facts]
    assert warm.errors == cold.errors


def test_rows_written_inside_a_snapshot_are_kept_when_it_ends(make_corpus: MakeCorpus) -> None:
    root = bound_corpus(make_corpus)
    with open_store(root / CACHE_DIR) as store:
        with store.snapshot():
            store.write(files=[("k", "", b"{}", b"{}")], results=[("r", b"[]")])
            assert store.file_count() == 0  # not yet: a read transaction is open
        assert store.file_count() == 1
        assert store.result("r") == b"[]"


def test_a_hook_on_an_empty_store_fills_it(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first hook after a clone reads every file; the next one must read none.
    root = bound_corpus(make_corpus)
    given = [root / "sources" / "a.yaml"]
    with open_store(root / CACHE_DIR) as store:
        first = factcheck.audit(load_around(root, given, store=store).corpus)
        assert store.file_count() == len(scan(root).files)

    def no_parsing(*args: object) -> None:
        raise AssertionError("a file was parsed again")

    monkeypatch.setattr(records, "parse_file", no_parsing)
    with open_store(root / CACHE_DIR) as store:
        assert factcheck.audit(load_around(root, given, store=store).corpus) == first


def _open_at(directory: Path, start: float, out: multiprocessing.Queue[list[str]]) -> None:
    from factcheck.store import Store

    while time.time() < start:  # all at once, as hooks started together are
        pass
    warnings: list[str] = []
    store = Store.open(directory, warn=warnings.append)
    if store is None:
        warnings.append("no store")
    else:
        store.close()
    out.put(warnings)


def test_eight_runs_opening_one_new_store_at_once_all_use_it(tmp_path: Path) -> None:
    # One saw the directory another had just made before its tag was in it ("a directory
    # factcheck did not make"), or the database while another switched it to WAL
    # ("database is locked"), and ran without the store, saying to delete it.
    ctx = multiprocessing.get_context("fork")
    seen: list[str] = []
    for round_ in range(12):
        directory = tmp_path / f"store{round_}"
        queue: multiprocessing.Queue[list[str]] = ctx.Queue()
        start = time.time() + 0.3
        procs = [ctx.Process(target=_open_at, args=(directory, start, queue)) for _ in range(8)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join(timeout=60)
        seen += [w for _ in procs for w in queue.get(timeout=10)]
    assert seen == []
