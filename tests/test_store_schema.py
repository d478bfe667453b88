"""The store's tables (factcheck.store.schema): made once, and a database of another
layout has its tables replaced inside it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factcheck.store.fingerprint import LAYOUT
from factcheck.store.schema import create_tables


def _tables(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_tables_are_made_once(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "s.sqlite", isolation_level=None)
    create_tables(db)
    assert _tables(db) == {"files", "results"}
    assert db.execute("PRAGMA user_version").fetchone()[0] == int(LAYOUT)
    db.execute("INSERT INTO results VALUES ('k', x'00', x'00')")
    create_tables(db)  # the same layout: rows stay
    assert db.execute("SELECT count(*) FROM results").fetchone()[0] == 1


def test_tables_of_another_layout_are_replaced(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "s.sqlite", isolation_level=None)
    db.execute("CREATE TABLE claims (x)")
    db.execute("CREATE TABLE files (key TEXT, stale BLOB)")
    db.execute("INSERT INTO files VALUES ('k', x'00')")
    db.execute("PRAGMA user_version = 2")
    create_tables(db)
    assert _tables(db) == {"files", "results"}
    assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 0
    columns = [r[1] for r in db.execute("PRAGMA table_info(files)")]
    assert columns == ["key", "sid", "head", "head_mac", "body", "body_mac"]
