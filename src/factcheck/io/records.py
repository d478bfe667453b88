"""A file's :class:`~factcheck.io.parse.Reading` as store rows, and back.

A file row has a head (its kind, its count of load errors and an index of its claims:
subject as written, property, and value and hedge when text or a whole number; ``None``
for an invalid claim) and a body: JSON lines, the first what reading the file gave
besides its claims (errors, the lines merging needs, the model of a definition file or a
source's ``source:`` block), then one line per claim (its fields and lines). A hook
decodes only the lines of the claims in reach of its files; a whole reading, all at once.

Rows are JSON of the models' own fields (``model_dump(mode="json", exclude_unset=True)``)
and are validated again by the same pydantic models when read back: anything malformed,
whatever its origin, is a miss (:class:`Unreadable`), and the file is read from its bytes.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from pydantic import ValidationError

from factcheck.domain.corpus import PLACE_KEYS
from factcheck.domain.errors import LoadError
from factcheck.domain.model import Claim, Source, SourceFile
from factcheck.io import yaml_reader as _yaml
from factcheck.io.claim_index import ClaimIndex, IndexEntry, decode_index, encode_index
from factcheck.io.compact import compact_claims, share_fields
from factcheck.io.parse import FILE_KINDS, Reading, parse_file
from factcheck.io.position_rows import decode_positions, encode_positions
from factcheck.io.worker_claims import claim_from_worker
from factcheck.store import FileRow, Store

__all__ = [
    "FileRecord",
    "Unreadable",
    "fetch",
    "fetch_records",
    "file_record",
    "from_fresh",
    "from_row",
    "read_fresh",
    "read_rows",
    "read_saving",
    "reading",
    "tidy",
    "to_row",
]


class Unreadable(Exception):
    """A stored row that does not decode to what it should: treated as a miss."""


@dataclass(frozen=True, slots=True)
class FileRecord:
    """A decoded file head: the kind, source id, number of load errors and claim index.

    The rest of the file's reading (its body) is fetched and validated only when the
    file is taken (see :func:`readings`), so that a hook that needs a few files of a
    large corpus reads only those, and validates only the claims it takes.
    """

    key: str
    kind: str | None
    sid: str
    #: How many load errors reading the file gave (the body's, checked when it is taken).
    errors: int
    index: ClaimIndex


#: What decoding a bad row can raise: each is a miss.
_ERRORS = (Unreadable, ValueError, TypeError, KeyError, IndexError, AttributeError, ValidationError)


def to_row(key: str, r: Reading) -> FileRow:
    """The row that stores ``r``, the reading of the file whose key is ``key``."""
    head: dict[str, Any] = {"kind": r.kind, "errors": len(r.errors)}
    body: dict[str, Any] = {"errors": [[e.file, e.line, e.field, e.message] for e in r.errors]}
    claims: list[bytes] = []
    sid = ""
    positions = r.positions
    if isinstance(r.parsed, SourceFile):
        sid = r.parsed.source.id
        body["source"] = r.parsed.source.model_dump(mode="json", exclude_unset=True)
        seq = positions.get("claims")
        if not isinstance(seq, _yaml.YamlSeq):  # "claims must be a list": none were read
            seq = _yaml.YamlSeq(1)
        head["index"] = encode_index(
            [None if c is None else index_entry(c) for c in r.parsed.claims]
        )
        for i, claim in enumerate(r.parsed.claims):
            if claim is None:
                claims.append(b"null")
            else:  # pydantic's own JSON writer: the fastest way to the same JSON
                dumped = claim.model_dump_json(exclude_unset=True).encode()
                claims.append(b"[" + dumped + b"," + _json(list(seq[i])) + b"]")
        bare = _yaml.YamlMap(positions.line)
        bare.key_lines.update(positions.key_lines)
        bare.update(positions)
        empty = _yaml.YamlSeq(seq.line)
        empty.item_lines.extend(seq.item_lines)
        bare["claims"] = empty
        positions = bare
    elif r.parsed is not None:
        body["model"] = r.parsed.model_dump(mode="json", exclude_unset=True)
    body["positions"] = encode_positions(positions)
    # One line per claim: JSON never holds a raw line break (it escapes them in strings).
    text = b"\n".join([_json(body), *claims])
    return key, sid, _json(head), text


#: How a stored claim becomes a model: validated in full, or (from a worker) rebuilt.
_Make = Callable[[Any], Claim]

#: Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 64

Fresh = tuple[Reading, FileRow]
#: A file read now: its reading when this process made one, and its store row.
Row = tuple[Reading | None, FileRow]


def read_fresh(items: list[tuple[str, bytes, str]]) -> Iterator[Row]:
    """Read files (display name, bytes, store key) into their store rows, in the order
    given, each as soon as it is read, with the reading when this process made one.

    Many files are read by one worker process per core, which hand back the rows (plain
    JSON, validated again here: :func:`from_row` makes the reading, which is ``None``
    until then, so that a hook decodes only the claims it takes): the bytes read once by
    the scan are what is parsed, and what is stored under their key. Takes ``items`` over
    (the list is emptied), so that each file's bytes are let go of once read, not when
    the last file is: a million claims are some 200 MB of files.
    """
    n = _cpus()
    if n < 2 or len(items) < PARALLEL_MIN_FILES:
        items.reverse()
        while items:
            yield _fresh(items.pop())
        return
    # Imported here: multiprocessing costs `import factcheck` 20 ms it rarely needs, and
    # a hook that reads one edited file starts no worker.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from factcheck.io.orphans import end_with_parent

    # Fork where there is one: workers start at once, with the code already imported.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(items) // (n * 8))
    pool = ProcessPoolExecutor(n, mp_context=context, initializer=end_with_parent)
    with pool:
        rows = pool.map(_worker, items, chunksize=chunk)
        items.clear()  # the pool holds each chunk of files until its rows are back
        for row in rows:
            yield None, row


def _fresh(item: tuple[str, bytes, str], keep: bool = True) -> Fresh:
    name, data, key = item
    r = parse_file(data, name, keep=keep)
    return r, to_row(key, r)


def _worker(item: tuple[str, bytes, str]) -> FileRow:
    gc.disable()  # a short-lived process: collections would only walk what it built
    return _fresh(item, keep=False)[1]


def _cpus() -> int:
    """Cores this process may run on (fewer than the machine's in a container or taskset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: Rows written per transaction while a load reads: a cold load of a large corpus
#: never holds more than these in memory besides the readings themselves.
_SAVE_EVERY: Final = 256


def read_saving(store: Store | None, items: list[tuple[str, bytes, str]]) -> Iterator[Reading]:
    """The readings of :func:`read_rows`."""
    for made, row in read_rows(store, items):
        yield made if made is not None else from_row(row)


def read_rows(store: Store | None, items: list[tuple[str, bytes, str]]) -> Iterator[Row]:
    """:func:`read_fresh` (which takes ``items`` over), keeping the rows in ``store`` (when
    given) in batches as they come. Each row stands alone (its key is its content), so a
    run killed between two batches leaves only rows that are right."""
    batch: list[FileRow] = []
    for made, row in read_fresh(items):
        yield made, row
        if store is not None:
            batch.append(row)
            if len(batch) >= _SAVE_EVERY:
                store.write(files=batch)
                batch = []
    if store is not None:
        store.write(files=batch)


def tidy(store: Store, current: Sequence[str]) -> None:
    """When rows of files that are no longer there (edited, removed, or read by another
    version of factcheck) outnumber the ``current`` ones, delete them."""
    if store.file_count() > 2 * len(current):
        store.prune(current)


def index_entry(claim: Claim) -> list[Any]:
    """A claim's index entry: subject as written, property, and the value and hedge when
    the value is text or a whole number (what an order rule's events are made of)."""
    value: Any = claim.value
    if isinstance(value, tuple) and all(type(x) in (str, int) for x in value):
        value = list(value)  # a date range
    elif type(value) not in (str, int):
        value = None
    return [claim.subject, claim.property, value, claim.hedge]


def from_row(row: FileRow) -> Reading:
    """The reading that :func:`to_row` made ``row`` from in a worker process of this run,
    checked as anything read back is, but its claims only by type: the worker validated
    them (see :func:`~factcheck.io.worker_claims.claim_from_worker`)."""
    key, sid, head, body = row
    return from_fresh(_record(key, sid, head), body, None)


def file_record(row: FileRow) -> FileRecord:
    """The head of a row this run made (see :func:`from_row`)."""
    key, sid, head, _ = row
    return _record(key, sid, head)


def from_fresh(rec: FileRecord, body: bytes, only: set[int] | None) -> Reading:
    """:func:`from_row` for a row this run made whose head is ``rec`` (``only`` the
    claims of those indexes when given, as :func:`readings` takes stored ones)."""
    return reading(rec, body, only, claim_from_worker)


def fetch_records(store: Store, keys: Sequence[str]) -> dict[str, FileRecord]:
    """The decodable file heads among ``keys`` (call inside :meth:`Store.snapshot`)."""
    out: dict[str, FileRecord] = {}
    for key, (sid, head) in store.heads(keys).items():
        try:
            out[key] = _record(key, sid, head)
        except _ERRORS:
            continue
    return out


def fetch(store: Store, keys: Sequence[str]) -> dict[str, Reading]:
    """Whole readings of the files among ``keys`` that the store has in full."""
    records = fetch_records(store, keys)
    return readings(store, records.values(), None)


def readings(
    store: Store,
    records: Iterable[FileRecord],
    wanted: dict[str, set[int]] | None,
) -> dict[str, Reading]:
    """The readings of ``records``, with only the claims ``wanted`` names for each key
    (``None``: every claim). A record missing any row it needs is left out."""
    records = list(records)
    bodies = store.bodies([rec.key for rec in records]) if records else {}
    out: dict[str, Reading] = {}
    for rec in records:
        try:
            only = None if wanted is None else wanted.get(rec.key)
            out[rec.key] = reading(rec, bodies[rec.key], only)
        except _ERRORS:
            continue
    return out


def reading(
    rec: FileRecord, body: bytes, only: set[int] | None, make_claim: _Make | None = None
) -> Reading:
    """The reading of ``rec`` with its stored ``body`` (``only`` the claims of those
    indexes when given: only their lines are decoded; each validated in full, or made by
    ``make_claim`` as a load keeps them). Raises one of :data:`_ERRORS` for a bad row."""
    first, *lines = body.split(b"\n")
    data = json.loads(first)
    errors = [LoadError(str(f), _line(n), str(fd), str(m)) for f, n, fd, m in data["errors"]]
    if len(errors) != rec.errors:
        raise Unreadable("the head's count of load errors is not the body's")
    positions = decode_positions(data["positions"])
    if rec.kind is None:
        return Reading(None, None, None, errors)
    if rec.kind != "source":
        model = FILE_KINDS[rec.kind].model_validate(data["model"]) if "model" in data else None
        return Reading(rec.kind, model, positions if model is not None else None, errors)
    if "source" not in data:
        return Reading(rec.kind, None, None, errors)
    source = Source.model_validate(data["source"])
    seq = positions.get("claims") if isinstance(positions, _yaml.YamlMap) else None
    if source.id != rec.sid or not isinstance(seq, _yaml.YamlSeq):
        raise Unreadable("source row does not match its file row")
    make = make_claim or Claim.model_validate
    claims, claim_lines, indexes = _claims(rec, seq, lines, only, make)
    positions["claims"] = claim_lines
    if make_claim is None:  # validated: made as a load keeps its claims (a maker does that)
        # None stands for an invalid claim, as in the loader's own readings.
        share_fields(claims)  # type: ignore[arg-type]
        compact_claims(claims)  # type: ignore[arg-type]
    parsed = SourceFile.model_construct(source=source, claims=claims)  # type: ignore[arg-type]
    kept = None if only is None else tuple(indexes)
    return Reading(rec.kind, parsed, positions, errors, kept)


def _claims(
    rec: FileRecord, seq: _yaml.YamlSeq, rows: list[bytes], only: set[int] | None, make: _Make
) -> tuple[list[Claim | None], _yaml.YamlSeq, list[int]]:
    """The stored claims of a source file (``only`` those indexes when given), each
    validated and checked against its index entry; their lines; their indexes."""
    if not len(seq.item_lines) == len(rec.index) == len(rows):
        raise Unreadable("claim lines, claims and index differ")
    stored: Any
    if only is None:  # every line: one JSON document, one call
        stored = json.loads(b"[" + b",".join(rows) + b"]")
    else:
        stored = {i: json.loads(rows[i]) for i in only if i not in rec.index.invalid}
    claims: list[Claim | None] = []
    lines = _yaml.YamlSeq(seq.line)
    indexes: list[int] = []
    for i in range(len(rec.index)):
        if only is not None and i not in only:
            continue
        entry = rec.index.entry(i)
        claim_lines: Any = None
        claim = None
        if entry is not None:
            dumped, claim_lines = stored[i]
            claim = make(dumped)
            if not _matches(claim, entry) or not _place_lines(claim_lines):
                raise Unreadable("claim row does not match its index")
            claim_lines = tuple(claim_lines)
        claims.append(claim)
        lines.append(claim_lines)
        lines.item_lines.append(seq.item_lines[i])
        indexes.append(i)
    return claims, lines, indexes


def _record(key: str, sid: str, head: bytes) -> FileRecord:
    data = json.loads(head)
    kind, errors = data["kind"], data["errors"]
    if (kind is not None and kind not in FILE_KINDS) or type(errors) is not int or errors < 0:
        raise Unreadable(f"bad kind or count of load errors: {kind!r}, {errors!r}")
    index = ClaimIndex()
    if kind == "source" and data.get("index") is not None:
        index = decode_index(data["index"])
    return FileRecord(key, kind, sid, errors, index)


def _index_entry(e: Any) -> tuple[str, str, str | int | tuple[str | int, ...] | None, str]:
    subject, prop, value, hedge = e
    if type(value) is list and len(value) == 2 and all(type(x) in (str, int) for x in value):
        value = tuple(value)
    elif not (type(value) in (str, int) or value is None):
        raise Unreadable(f"bad index value {value!r}")
    return str(subject), str(prop), value, str(hedge)


def _line(n: Any) -> int | None:
    if n is None or (type(n) is int and n > 0):
        return n
    raise Unreadable(f"bad line {n!r}")


def _json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def _matches(claim: Claim, entry: IndexEntry) -> bool:
    """Whether ``entry`` is ``claim``'s index entry (built only for values not str or int)."""
    value = claim.value
    if type(value) is str or type(value) is int:
        return (claim.subject, claim.property, value, claim.hedge) == entry
    return _index_entry(index_entry(claim)) == entry


#: Types first, then the numbers: two calls in C, where a generator took one a line.
_LINE_TYPES: Final = frozenset({int, type(None)})


def _place_lines(lines: Any) -> bool:
    return (
        type(lines) is list
        and len(lines) == len(PLACE_KEYS)
        and _LINE_TYPES.issuperset(map(type, lines))
        and min([n for n in lines if n is not None], default=1) > 0
    )
