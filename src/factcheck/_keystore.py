"""The hook's store of claims by key: read a few hundred claims, not whole files.

``factcheck check FILE`` needs the claims within reach of FILE's (see
:mod:`factcheck.scope`); in a corpus of 100,000 claims those are a few hundred, spread
over a quarter of the files. The per-file cache can only give whole files, so this store
keeps every source file's claims grouped by key (subject *as written*, folded as aliases
are matched, and property): one row per key and file, indexed by key. What is stored
depends on the file's bytes alone, never on the entities or properties: the hook resolves
each claim it reads against the current ones, so a changed vocabulary cannot make it
wrong.

Per file the store also keeps the content key its claims were read from (they are only
used while the file still has that key), its kind and source id, its ``stat`` when it was
read (so that the hook need not hash it again, see :func:`settled_stat`), its source, its
part of the event graph of order rules (under ``context``: the entity, property, rule and
waiver files and the code it was computed with) and, per order rule, the groups of events
that may share a cycle, under a hash of the whole graph. Last, the corpus-wide files
assembled, under their context: the entities of a large corpus take longer to read from
the per-file cache and index by name than to restore.

The store is one SQLite database in the cache directory, named by an HMAC of the corpus
directory with the user's cache key (see :mod:`factcheck.cache`), so nobody without the
key can plant one. Claims are plain values (``marshal``, which never runs code when
loading), checked for shape when read; the pickled blobs (sources, events, the assembled
corpus-wide files) and the cycle groups are authenticated with the key before they are
decoded. Each write is one transaction: a reader sees all of a file's old entry or all of
its new one. A database that cannot be read is deleted and made again; without SQLite, or
when anything fails, the store is not used and the hook loads the whole corpus.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import marshal
import operator
import os
import pickle
import stat
from collections.abc import Collection, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from . import _yaml, cache
from .cache import code_fingerprint, full_fingerprint
from .corpus import Corpus, PackedEntities, _fold
from .model import Claim, Period, Source, SourceFile

if TYPE_CHECKING:
    import sqlite3

    from .scope import Events

__all__ = [
    "SETTLE_NS",
    "FileRow",
    "FileUpdate",
    "KeyStore",
    "StoreError",
    "StoredClaim",
    "Vocabulary",
    "claim_groups",
    "current_stat",
    "events_hash",
    "open_store",
    "settled_stat",
]

#: A file's ``(size, mtime_ns, ctime_ns, inode, device)``.
Stat = tuple[int, int, int, int, int]

#: A file's ``stat`` is recorded only when its last change (``ctime``) is at least this
#: long before the moment its content started being read: any later write then moves
#: ``ctime`` (which no tool can set back) past the recorded one, so an equal ``stat``
#: means equal content. The margin covers timestamp granularity (2 s on FAT) and small
#: clock differences; a file changed more recently is hashed until it settles.
SETTLE_NS: Final = 3_000_000_000
#: POSIX: any write or metadata change sets ``st_ctime`` to the current time.
_CTIME_IS_CHANGE: Final = os.name == "posix"

_CLAIMS_INDEX: Final = "CREATE INDEX claims_by_key ON claims (s, p)"
_SCHEMA: Final = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # ``keys``: the keys the file has claims on, to find them again when it goes. The
    # large blobs last: the hook reads every row's leading columns, and SQLite reaches a
    # column stored after a blob that overflowed its page only by following the overflow.
    """CREATE TABLE files (
        fid INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, key TEXT NOT NULL,
        kind TEXT, sid TEXT, size INTEGER, mtime INTEGER, ctime INTEGER, ino INTEGER,
        dev INTEGER, context TEXT, ehash TEXT, source BLOB, events BLOB, keys BLOB)""",
    # A row per key and file, its claims on the key: the hook reads what it needs in one
    # query per property; a full load streams them in, in file order (an index by key
    # rather than a table clustered by key: three times faster to fill).
    """CREATE TABLE claims (
        s TEXT NOT NULL, p TEXT NOT NULL, fid INTEGER NOT NULL, data BLOB NOT NULL)""",
    _CLAIMS_INDEX,
    "CREATE TABLE groups (sig TEXT PRIMARY KEY, version TEXT NOT NULL, data BLOB NOT NULL)",
    # The corpus-wide files assembled (entities with their names indexed, properties,
    # rules, waivers), under the context of their names and content keys: one row.
    "CREATE TABLE vocabulary (context TEXT PRIMARY KEY, data BLOB NOT NULL)",
)
_MAC_BYTES: Final = 16
#: marshal's format 2: no back-references, which cost more than they save on claims.
_MARSHAL: Final = 2
#: Values bound in one query (old SQLite allows 999).
_CHUNK: Final = 900
_CLAIM_FIELDS: Final = tuple(Claim.model_fields)
_PERIOD_FIELDS: Final = tuple(Period.model_fields)
_PERIOD_AT: Final = _CLAIM_FIELDS.index("period")
_SUBJECT_AT: Final = _CLAIM_FIELDS.index("subject")
_PROPERTY_AT: Final = _CLAIM_FIELDS.index("property")
_FIELD_VALUES: Final = operator.itemgetter(*_CLAIM_FIELDS)


class StoreError(Exception):
    """Something stored is missing, damaged or not authentic: the store cannot answer."""


@dataclass(frozen=True, slots=True)
class FileRow:
    """What the store knows of one file (see the module docstring)."""

    fid: int
    key: str
    kind: str | None
    sid: str | None
    stat: Stat | None
    context: str | None
    ehash: str | None
    source: bytes | None


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The corpus-wide files assembled alone (entities with their names indexed,
    properties, rules, waivers, their errors), and every spelling (folded) of each
    entity, to look its claims up by subject as written."""

    corpus: Corpus
    spellings: dict[str, list[str]]

    def __reduce__(self) -> tuple[Any, ...]:
        # The entities are pickled one by one (see PackedEntities): a hook run restores
        # only those it looks up. The store authenticates the whole blob before decoding.
        rest = replace(self.corpus, entities={})
        return (_vocabulary, (rest, self.spellings, PackedEntities.pack(self.corpus.entities)))


def _vocabulary(
    corpus: Corpus, spellings: dict[str, list[str]], entities: dict[str, tuple[str, bytes]]
) -> Vocabulary:
    corpus.entities = PackedEntities(entities)
    return Vocabulary(corpus, spellings)


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim read back from the store, with what its place in the file needs."""

    fid: int
    claim: Claim
    index: int
    line: int
    lines: tuple[int | None, ...]


@dataclass(frozen=True, slots=True)
class FileUpdate:
    """A file's new entry. ``claims`` (from :func:`claim_groups`) replace the stored
    ones; ``None`` keeps them (the content key is unchanged)."""

    name: str
    key: str
    kind: str | None
    sid: str | None
    stat: Stat | None
    context: str | None
    events: Events | None
    ehash: str | None
    source: Source | None
    claims: dict[tuple[str, str], bytes] | None


def current_stat(path: Path) -> Stat | None:
    """``path``'s stat now, or ``None`` for anything but a regular file (a symbolic link
    can be pointed elsewhere without touching either file's stat), and on a system whose
    ``st_ctime`` is not the time of the last change (Windows: the creation time)."""
    if not _CTIME_IS_CHANGE:
        return None
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def settled_stat(path: Path, clock: int) -> Stat | None:
    """The stat to record for ``path`` whose content was read after ``clock``
    (``time.time_ns()``), or ``None`` when it changed too recently to vouch for it.

    Taken after the read, it still describes the content read: a write after ``clock``
    would have set ``ctime`` after ``clock - SETTLE_NS``.
    """
    st = current_stat(path)
    return st if st is not None and st[2] < clock - SETTLE_NS else None


def events_hash(events: Events | None) -> str | None:
    """A hash of a file's part of the event graph; ``None`` when it has none."""
    if not events or not (events[0] or events[1]):
        return None
    return hashlib.sha256(repr(events).encode()).hexdigest()[:32]


def claim_groups(parsed: SourceFile, positions: Any) -> dict[tuple[str, str], bytes]:
    """A source file's claims by key (subject as written, folded; property), each group
    encoded.

    Exactly the claims the loader keeps (valid, and the first of each id), each with the
    lines it is cited at. A full load makes this for every claim of a corpus: lean.
    """
    items = positions.get("claims") if positions is not None else None
    if not isinstance(items, _yaml.YamlSeq):  # no claims, or not a list of them (an error)
        return {}
    item_lines = items.item_lines
    groups: dict[tuple[str, str], list[tuple[object, ...]]] = {}
    seen: set[str] = set()
    masks: dict[int, int] = {}
    field_sets = []  # alive while their id() keys masks
    folded: dict[str, str] = {}
    for i, claim in enumerate(parsed.claims):
        if claim is None or claim.id in seen or i >= len(items):
            continue
        seen.add(claim.id)
        values = _FIELD_VALUES(claim.__dict__)
        period = values[_PERIOD_AT]
        if period is not None:
            encoded = (period.start, period.end, _mask(period.model_fields_set, _PERIOD_FIELDS))
            values = (*values[:_PERIOD_AT], encoded, *values[_PERIOD_AT + 1 :])
        # The loader makes a file's claims share their sets of fields: one mask each.
        fields_set = claim.__pydantic_fields_set__
        mask = masks.get(id(fields_set))
        if mask is None:
            field_sets.append(fields_set)
            mask = masks[id(fields_set)] = _claim_mask(frozenset(fields_set))
        subject = values[_SUBJECT_AT]
        key = folded.get(subject)
        if key is None:
            key = folded[subject] = _fold(subject)
        row = (values, mask, i, item_lines[i], items[i])
        group = groups.get((key, values[_PROPERTY_AT]))
        if group is None:
            groups[(key, values[_PROPERTY_AT])] = [row]
        else:
            group.append(row)
    return {key: marshal.dumps(rows, _MARSHAL) for key, rows in groups.items()}


@functools.lru_cache(maxsize=1024)
def _claim_mask(names: frozenset[str]) -> int:
    return _mask(names, _CLAIM_FIELDS)


def _mask(names: Iterable[str], order: Sequence[str]) -> int:
    return sum(1 << order.index(n) for n in names)


def _unmask(mask: int, order: Sequence[str]) -> set[str]:
    return {name for bit, name in enumerate(order) if mask >> bit & 1}


def _decode(fid: int, blob: bytes) -> list[StoredClaim]:
    """The claims of one group."""
    out = []
    try:
        for encoded, fields_set, index, line, lines in marshal.loads(blob):
            values = dict(zip(_CLAIM_FIELDS, encoded, strict=True))
            period = encoded[_PERIOD_AT]
            if period is not None:
                start, end, period_set = period
                values["period"] = Period.model_construct(
                    _unmask(period_set, _PERIOD_FIELDS), start=start, end=end
                )
            claim = Claim.model_construct(_unmask(fields_set, _CLAIM_FIELDS), **values)
            out.append(StoredClaim(fid, claim, index, line, tuple(lines)))
    except (ValueError, EOFError, TypeError) as exc:
        raise StoreError(f"stored claims are damaged: {exc}") from None
    return out


def open_store(directory: Path | None, root: Path) -> KeyStore | None:
    """The store of the corpus ``root`` in cache directory ``directory``, or ``None``
    when it cannot be used (no cache, no signing key, no SQLite, no room)."""
    secret = cache._secret()
    if directory is None or secret is None:
        return None
    try:
        import sqlite3
    except ImportError:  # a Python built without it: the hook loads everything
        return None
    here = directory / code_fingerprint()
    name = hmac.new(secret, f"keys\0{root}".encode("utf-8", "surrogateescape"), "sha256")
    path = here / f"keys-{name.hexdigest()[:32]}.sqlite"
    for attempt in (1, 2):
        try:
            here.mkdir(parents=True, exist_ok=True)
            return KeyStore(sqlite3.connect(path, isolation_level=None, timeout=5), secret)
        except sqlite3.DatabaseError:
            # Not a database (damaged, truncated, something else): start afresh, once.
            if attempt == 2:
                return None
            try:
                path.unlink(missing_ok=True)
            except OSError:
                return None
        except (sqlite3.Error, OSError):
            return None
    return None


class KeyStore:
    """One corpus's claims by key; see the module docstring. Close it after use."""

    def __init__(self, db: sqlite3.Connection, secret: bytes) -> None:
        self._db = db
        self._secret = secret
        try:
            self._prepare()
        except BaseException:
            db.close()
            raise

    def _prepare(self) -> None:
        db = self._db
        if self._current():
            return
        # New, or written by other code (claims, events and groups may all differ).
        db.execute("BEGIN IMMEDIATE")
        if self._current():  # made by another process meanwhile
            db.execute("COMMIT")
            return
        code = full_fingerprint()
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            db.execute(f'DROP TABLE "{table}"')
        for statement in _SCHEMA:
            db.execute(statement)
        db.execute("INSERT INTO meta VALUES ('code', ?)", (code,))
        db.execute("PRAGMA user_version = 1")
        db.execute("COMMIT")

    def _current(self) -> bool:
        """Whether the database has this code's tables (made by this code)."""
        if self._db.execute("PRAGMA user_version").fetchone()[0] != 1:
            return False
        row = self._db.execute("SELECT value FROM meta WHERE name = 'code'").fetchone()
        return row is not None and row[0] == full_fingerprint()

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def _mac(self, blob: bytes, *context: str) -> bytes:
        h = hashlib.blake2b(key=self._secret, digest_size=_MAC_BYTES)
        for part in context:
            data = part.encode("utf-8", "surrogateescape")
            h.update(len(data).to_bytes(8, "little") + data)
        h.update(blob)
        return h.digest()

    def _sign(self, blob: bytes, *context: str) -> bytes:
        return self._mac(blob, *context) + blob

    def _open(self, signed: bytes | None, *context: str) -> bytes | None:
        if signed is None:
            return None
        mac, blob = signed[:_MAC_BYTES], signed[_MAC_BYTES:]
        return blob if hmac.compare_digest(mac, self._mac(blob, *context)) else None

    def files(self) -> dict[str, FileRow]:
        """Every file the store knows, by displayed name."""
        rows = self._db.execute(
            "SELECT fid, name, key, kind, sid, size, mtime, ctime, ino, dev, context, ehash,"
            " source FROM files"
        )
        out = {}
        for fid, name, key, kind, sid, size, mt, ct, ino, dev, ctx, eh, src in rows:
            st = None if size is None else (size, mt, ct, ino, dev)
            out[name] = FileRow(fid, key, kind, sid, st, ctx, eh, src)
        return out

    def source(self, row: FileRow) -> Source | None:
        """The source a file declares (``None`` if not stored or not authentic)."""
        blob = self._open(row.source, "source", row.key)
        if blob is None:
            return None
        value = pickle.loads(blob)
        return value if isinstance(value, Source) else None

    def claims(
        self, wanted: Mapping[str, Collection[str] | None], usable: Container[int]
    ) -> Iterator[StoredClaim]:
        """The claims whose subject as written folds to a key of ``wanted`` and whose
        property is one of its value (``None``: any), of the files ``usable`` names (by
        id). Damaged claims raise :class:`StoreError`.
        """
        anything: list[str] = []
        by_property: dict[str, list[str]] = {}
        for s, props in wanted.items():
            if props is None:
                anything.append(s)
            for p in props or ():
                by_property.setdefault(p, []).append(s)
        # One query per property, so that only the keys wanted come back.
        found = list(self._select("SELECT fid, data FROM claims WHERE s IN", anything))
        for p, subjects in by_property.items():
            found += self._select("SELECT fid, data FROM claims WHERE p = ? AND s IN", subjects, p)
        for fid, group in found:
            if fid in usable:
                yield from _decode(fid, group)

    def _select(self, query: str, values: list[Any], *first: Any) -> Iterator[Any]:
        """``query (?, ?, ...)`` over ``values`` (after ``first``), in chunks SQLite takes."""
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            yield from self._db.execute(f"{query} ({marks})", (*first, *chunk))

    def events(self, rows: Iterable[FileRow]) -> list[Events]:
        """The stored event-graph parts of files (those with one); :class:`StoreError` if
        one is missing or not authentic."""
        out = []
        for row in rows:
            if row.ehash is None:
                continue
            found = self._db.execute("SELECT events FROM files WHERE fid = ?", (row.fid,))
            signed = found.fetchone()
            blob = self._open(signed and signed[0], "events", row.key, row.context or "")
            if blob is None:
                raise StoreError("stored events are missing or not authentic")
            out.append(pickle.loads(blob))
        return out

    def vocabulary(self, context: str) -> Vocabulary | None:
        """The corpus-wide files assembled under ``context`` (see the module docstring)."""
        row = self._db.execute(
            "SELECT data FROM vocabulary WHERE context = ?", (context,)
        ).fetchone()
        blob = self._open(row and row[0], "vocabulary", context)
        if blob is None:
            return None
        value = pickle.loads(blob)
        return value if isinstance(value, Vocabulary) else None

    def has_vocabulary(self, context: str) -> bool:
        """Whether :meth:`vocabulary` has one for ``context`` (without restoring it)."""
        found = self._db.execute("SELECT 1 FROM vocabulary WHERE context = ?", (context,))
        return found.fetchone() is not None

    def state(self) -> str | None:
        """The state of the corpus the last full load wrote (see :meth:`update`)."""
        row = self._db.execute("SELECT value FROM meta WHERE name = 'state'").fetchone()
        return None if row is None else str(row[0])

    def groups(self, sig: str, version: str) -> list[list[str]] | None:
        """The cycle groups stored for order rule ``sig`` and graph ``version``."""
        row = self._db.execute("SELECT version, data FROM groups WHERE sig = ?", (sig,)).fetchone()
        if row is None or row[0] != version:
            return None
        blob = self._open(row[1], "groups", sig, version)
        if blob is None:
            return None
        value = marshal.loads(blob)
        return [list(group) for group in value] if isinstance(value, list) else None

    def update(
        self,
        files: Iterable[FileUpdate],
        removed: Iterable[str] = (),
        stats: Mapping[str, Stat | None] | None = None,
        groups: Mapping[str, tuple[str, Sequence[Sequence[str]]]] | None = None,
        state: str | None = None,
        vocabulary: tuple[str, Vocabulary] | None = None,
    ) -> None:
        """Write new file entries, forget ``removed`` files, record new ``stats`` of
        unchanged files, store ``groups`` (sig -> version, groups) and the
        ``vocabulary`` (context, corpus-wide files assembled): one transaction.

        ``state`` names the whole corpus the store now describes (a full load's); any
        other change of entries forgets the one stored.
        """
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            known: dict[str, int] = dict(db.execute("SELECT name, fid FROM files"))
            # Filling an empty store (a first full load): rows go in unindexed and the
            # index is built once at the end, by sorting. Kept up row by row, the index
            # outgrows SQLite's page cache at a million claims and the fill takes 2.5
            # times as long.
            bulk = not known
            if bulk:
                db.execute("DROP INDEX IF EXISTS claims_by_key")
            entries = False
            for name in removed:
                if name in known:
                    self._drop(known[name])
                    entries = True
            for u in files:  # one at a time: a full load's claims are never all in memory
                self._write(u, known.get(u.name))
                entries = True
            if state is not None:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('state', ?)", (state,))
            elif entries:  # the store no longer describes exactly the state it names
                db.execute("DELETE FROM meta WHERE name = 'state'")
            for name, st in (stats or {}).items():
                if name in known:
                    db.execute(
                        "UPDATE files SET size = ?, mtime = ?, ctime = ?, ino = ?, dev = ?"
                        " WHERE fid = ?",
                        (*(st or (None,) * 5), known[name]),
                    )
            if vocabulary is not None:
                context, made = vocabulary
                blob = self._sign(pickle.dumps(made), "vocabulary", context)
                db.execute("DELETE FROM vocabulary")
                db.execute("INSERT INTO vocabulary VALUES (?, ?)", (context, blob))
            for sig, (version, value) in (groups or {}).items():
                blob = marshal.dumps([list(g) for g in value])
                db.execute(
                    "INSERT OR REPLACE INTO groups VALUES (?, ?, ?)",
                    (sig, version, self._sign(blob, "groups", sig, version)),
                )
            if bulk:
                db.execute(_CLAIMS_INDEX)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _drop(self, fid: int) -> None:
        row = self._db.execute("SELECT keys FROM files WHERE fid = ?", (fid,)).fetchone()
        keys = _loads(row[0]) if row is not None and row[0] is not None else ()
        self._db.executemany(
            "DELETE FROM claims WHERE s = ? AND p = ? AND fid = ?", [(s, p, fid) for s, p in keys]
        )
        self._db.execute("DELETE FROM files WHERE fid = ?", (fid,))

    def _write(self, u: FileUpdate, fid: int | None) -> None:
        db = self._db
        ehash = u.ehash
        events = (
            self._sign(pickle.dumps(u.events), "events", u.key, u.context or "") if ehash else None
        )
        source = (
            self._sign(pickle.dumps(u.source), "source", u.key) if u.source is not None else None
        )
        entry = (u.key, u.kind, u.sid, *(u.stat or (None,) * 5), u.context, ehash, events, source)
        if u.claims is None and fid is not None:
            db.execute(
                "UPDATE files SET key = ?, kind = ?, sid = ?, size = ?, mtime = ?, ctime = ?,"
                " ino = ?, dev = ?, context = ?, ehash = ?, events = ?, source = ?"
                " WHERE fid = ?",
                (*entry, fid),
            )
            return
        if fid is not None:
            self._drop(fid)
        claims = u.claims or {}
        cursor = db.execute(
            "INSERT INTO files (name, key, kind, sid, size, mtime, ctime, ino, dev, context,"
            " ehash, events, source, keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (u.name, *entry, marshal.dumps(list(claims), _MARSHAL)),
        )
        new = cursor.lastrowid
        assert new is not None
        db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?)",
            [(s, p, new, group) for (s, p), group in claims.items()],
        )


def _loads(blob: bytes) -> Any:
    try:
        return marshal.loads(blob)
    except (ValueError, EOFError, TypeError) as exc:
        raise StoreError(f"the store is damaged: {exc}") from None
