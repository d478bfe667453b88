"""The one store: what the command line, the hook and the pytest plugin keep between runs.

Everything here is a convenience on top of a pure core: :func:`factcheck.load` and
:func:`factcheck.audit` never touch it, and deleting the store only makes runs slower.
The doors open it (:meth:`Store.open`) and hand it to the loader.

* **One directory, one database.** ``.factcheck-cache/`` (in the corpus, or where
  ``--cache-dir`` / ``FACTCHECK_CACHE_DIR`` says) holds ``CACHEDIR.TAG``, a ``.gitignore``
  and one SQLite database in WAL mode. The store never follows a symbolic link at its
  path, only ever uses a directory it made itself (the tag says so), and never deletes a
  file: old rows are deleted inside the database. Anything else at the path is refused
  with a one-line warning, and the run goes on without a store (:mod:`.directory`).
* **Content-addressed rows.** Every key is a hash of what the row was made from: a fact
  file's name and bytes plus the code's fingerprint (every file of the installed package,
  Python's, pydantic's and PyYAML's versions; :mod:`.fingerprint`). Concurrent writers of
  one key write the same value, so there is nothing to coordinate, and a changed input is
  simply a miss.
* **Authenticated plain data.** Rows are JSON, never pickle; each carries an HMAC-SHA256
  over its table, key, index columns and body, with a random per-user key kept outside
  any corpus (``$XDG_CACHE_HOME/factcheck/store-key``, made by the first door that opens
  a store; :mod:`.userkey`). A row whose MAC does not match, or that fails validation
  when it is read back, is a miss and never an answer, so a store committed to a
  repository or edited by hand can only make a run slower.
* **Snapshots.** All reads of one corpus state happen in one transaction (one consistent
  snapshot); all writes of one run in one transaction, so ``kill -9`` leaves the
  database as it was before or after, never half-written.
"""

from __future__ import annotations

import contextlib
import hmac
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final

from factcheck.store.directory import claim_directory, not_a_file
from factcheck.store.schema import create_tables
from factcheck.store.userkey import user_key

__all__ = ["FileRow", "Store"]

_DB_NAME: Final = "store.sqlite"
#: Bytes of fact files to read before a run says it is filling the store (about a
#: second of parsing on a laptop).
_ANNOUNCE_BYTES: Final = 4 * 2**20
#: Stored audit outputs kept; older ones are deleted (inside the database) on write.
_KEEP_RESULTS: Final = 64

#: The files SQLite keeps beside a database, and deletes when it is done with them.
_SIDE_FILES: Final = (f"{_DB_NAME}-wal", f"{_DB_NAME}-shm", f"{_DB_NAME}-journal")

#: A file row: its key, its source id (or ``""``), its JSON head (what a hook looks at
#: for every file) and its JSON body (read only for the files taken).
FileRow = tuple[str, str, bytes, bytes]


def _warn_stderr(message: str) -> None:
    print(f"factcheck: {message}", file=sys.stderr)


def _wal(db: sqlite3.Connection) -> None:
    """Put the database in WAL mode. A run switching a new database to WAL meanwhile makes
    this fail at once ("database is locked"), without waiting as other statements do:
    try again for a while rather than run without the store."""
    for attempt in range(100):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.01 * (1 + attempt % 5))


class Store:
    """The open store of one directory. Every failure inside is a miss, never an error."""

    def __init__(
        self,
        directory: Path,
        db: sqlite3.Connection,
        secret: bytes,
        warn: Callable[[str], None] = _warn_stderr,
    ) -> None:
        self.directory = directory
        self._db = db
        self._secret = secret
        self._warn = warn
        # Rows written while a snapshot is open, written when it ends (see write).
        self._pending: tuple[list[FileRow], list[tuple[str, bytes]]] = ([], [])

    def announce_misses(self, files: int, size: int) -> None:
        """Say on stderr that a slow first fill is under way (when it will take seconds)."""
        if size >= _ANNOUNCE_BYTES:
            self._warn(
                f"reading {files} fact files ({size / 2**20:.0f} MiB) not in the store yet "
                f"({self.directory}); later runs reuse them"
            )

    @classmethod
    def open(
        cls, directory: str | os.PathLike[str], *, warn: Callable[[str], None] = _warn_stderr
    ) -> Store | None:
        """The store in ``directory``, made if absent; ``None`` (after one warning where
        the path is not a directory the store owns) when it cannot be used."""
        path = Path(directory)
        problem = claim_directory(path)
        if problem is not None:
            warn(f"{path}: {problem}; running without the store")
            return None
        secret = user_key()
        if secret is None:
            return None  # no private place for a key: nothing could be trusted back
        db_path = path / _DB_NAME
        for name in (_DB_NAME, *_SIDE_FILES):
            if not_a_file(path / name):
                warn(f"{path / name}: not a regular file; running without the store")
                return None
        # SQLite would take these for its own and delete them: without the database they
        # are not the store's (a tagged directory committed to a repository). Looked for
        # before the database, which SQLite makes first: a run making them meanwhile has.
        side = [name for name in _SIDE_FILES if os.path.lexists(path / name)]
        if side and not os.path.lexists(db_path):
            warn(f"{path / side[0]}: a file the store did not make; running without it")
            return None
        try:
            db = sqlite3.connect(db_path, timeout=10.0, isolation_level=None)
            _wal(db)
            db.execute("PRAGMA synchronous=NORMAL")
            create_tables(db)
        except sqlite3.Error as exc:
            warn(f"{db_path}: unusable ({exc}); running without the store (delete {path})")
            return None
        return cls(path, db, secret, warn)

    def close(self) -> None:
        """Close the database (idempotent)."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside the block see one state of the database, whatever others write."""
        try:
            self._db.execute("BEGIN")
        except sqlite3.Error:
            yield
            return
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("COMMIT")
            files, results = self._pending
            self._pending = ([], [])
            self.write(files, results)

    def _mac(self, table: str, key: str, *rest: str | int | bytes) -> bytes:
        # Every part but the body (last) is a name, a hex key or a number: none holds a
        # NUL, so joining them with NULs is unambiguous. One C call per row.
        *head, body = rest
        prefix = "\0".join([table, key, *map(str, head), ""]).encode()
        data = body if isinstance(body, bytes) else str(body).encode()
        return hmac.digest(self._secret, prefix + data, "sha256")

    def heads(self, keys: Sequence[str]) -> dict[str, tuple[str, bytes]]:
        """The authentic file heads among ``keys``: key -> (source id, head)."""
        out: dict[str, tuple[str, bytes]] = {}
        for key, sid, head, mac in self._select(
            "SELECT key, sid, head, head_mac FROM files WHERE key IN ({})", keys
        ):
            if hmac.compare_digest(mac, self._mac("head", key, sid, head)):
                out[key] = (sid, head)
        return out

    def bodies(self, keys: Sequence[str]) -> dict[str, bytes]:
        """The authentic file bodies among ``keys``."""
        out: dict[str, bytes] = {}
        for key, body, mac in self._select(
            "SELECT key, body, body_mac FROM files WHERE key IN ({})", keys
        ):
            if hmac.compare_digest(mac, self._mac("body", key, body)):
                out[key] = body
        return out

    def result(self, key: str) -> bytes | None:
        """An authentic stored result under ``key``, or ``None``."""
        for body, mac in self._select("SELECT body, mac FROM results WHERE key IN ({})", [key]):
            if hmac.compare_digest(mac, self._mac("results", key, body)):
                # A row rewritten by hand can come back as TEXT with the same content.
                return (
                    body.encode("utf-8", "surrogateescape")
                    if isinstance(body, str)
                    else bytes(body)
                )
        return None

    def _select(self, query: str, keys: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        # SQLite allows a limited number of parameters per statement.
        for i in range(0, len(keys), 900):
            chunk = list(keys[i : i + 900])
            try:
                rows = self._db.execute(query.format(",".join("?" * len(chunk))), chunk)
                yield from rows.fetchall()
            except sqlite3.Error:
                return

    def write(
        self,
        files: Sequence[FileRow] = (),
        results: Sequence[tuple[str, bytes]] = (),
    ) -> None:
        """Store rows, all in one transaction (best effort: a busy or read-only store
        simply stays as it was); inside :meth:`snapshot`, when it ends."""
        if not (files or results):
            return
        if self._db.in_transaction:
            # Inside a snapshot (a read transaction) a write transaction cannot begin:
            # the rows are kept until the snapshot ends, never dropped.
            self._pending[0].extend(files)
            self._pending[1].extend(results)
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (k, s, h, self._mac("head", k, s, h), b, self._mac("body", k, b))
                        for k, s, h, b in files
                    ],
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO results (key, body, mac) VALUES (?, ?, ?)",
                    [(k, b, self._mac("results", k, b)) for k, b in results],
                )
                if results:
                    self._db.execute(
                        "DELETE FROM results WHERE rowid NOT IN "
                        "(SELECT rowid FROM results ORDER BY rowid DESC LIMIT ?)",
                        (_KEEP_RESULTS,),
                    )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass

    def file_count(self) -> int:
        """How many file rows the store holds."""
        try:
            return int(self._db.execute("SELECT count(*) FROM files").fetchone()[0])
        except sqlite3.Error:
            return 0

    def prune(self, keep: Iterable[str]) -> None:
        """Delete the file rows whose keys are not in ``keep``: rows
        of files that changed, or of another version of factcheck."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM keep")
                self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keep))
                self._db.execute("DELETE FROM files WHERE key NOT IN (SELECT key FROM keep)")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass
