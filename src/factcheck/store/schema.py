"""The tables of the store's database, and their layout's version."""

from __future__ import annotations

import sqlite3

from factcheck.store.fingerprint import LAYOUT

__all__ = ["create_tables"]


def create_tables(db: sqlite3.Connection) -> None:
    """Make the tables; tables of another layout (an older factcheck) are dropped first:
    they are the store's own, inside its own database (``PRAGMA user_version``)."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version == int(LAYOUT):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        for table in ("files", "claims", "results"):  # claims: a table of layout 2
            db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute(
            "CREATE TABLE files (key TEXT PRIMARY KEY, sid TEXT NOT NULL, head BLOB NOT NULL, "
            "head_mac BLOB NOT NULL, body BLOB NOT NULL, body_mac BLOB NOT NULL)"
        )
        db.execute(
            "CREATE TABLE results (key TEXT PRIMARY KEY, body BLOB NOT NULL, mac BLOB NOT NULL)"
        )
        db.execute(f"PRAGMA user_version = {int(LAYOUT)}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
