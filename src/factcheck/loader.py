"""Reading a corpus directory: find the fact files, parse, validate, report every problem."""

from __future__ import annotations

import gc
import hashlib
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pydantic import BaseModel, ValidationError

from . import _gc, _yaml
from .cache import CACHE_DIR, FileCache, code_fingerprint
from .corpus import (
    PLACE_KEYS,
    ClaimPlace,
    Corpus,
    Located,
    Resolved,
    build,
    index_names,
    resolve_source,
)
from .errors import FactcheckError, LoadError, did_you_mean
from .model import (
    Claim,
    EntityFile,
    PropertyFile,
    RuleFile,
    Source,
    SourceFile,
    WaiverFile,
)
from .values import DateSpan, Interval

__all__ = [
    "FILE_KINDS",
    "MAX_FILE_BYTES",
    "Scan",
    "iter_fact_files",
    "load",
    "load_around",
    "read_file",
    "scan",
]

#: Largest fact file read; a newsroom's source file is a few kilobytes. Composing YAML
#: costs about 500 bytes of memory per value: a hostile file of this size full of one-character
#: values needs some 700 MB and a few seconds before it is refused.
MAX_FILE_BYTES: Final = 4 * 1024 * 1024
YAML_SUFFIXES: Final = (".yaml", ".yml")

#: Top-level key -> model of the file it introduces.
FILE_KINDS: Final[dict[str, type[BaseModel]]] = {
    "source": SourceFile,
    "entities": EntityFile,
    "properties": PropertyFile,
    "rules": RuleFile,
    "waivers": WaiverFile,
}


def iter_fact_files(root: Path) -> tuple[list[Path], list[LoadError]]:
    """Every YAML file below ``root`` (sorted; hidden entries skipped), never leaving ``root``."""
    files: list[Path] = []
    errors: list[LoadError] = []
    real_root = root.resolve()
    # Directories still to list, the next one last; each lists its files before its
    # subdirectories, as a top-down walk does. Entries of os.scandir know whether they
    # are links without another system call (a thousand fewer in a corpus of 100k claims).
    pending = [root]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(
                    (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError:  # gone or unreadable meanwhile: nothing to read there
            continue
        subdirs = []
        for entry in entries:
            path = here / entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:  # cannot be looked at: read as a file, which reports why
                is_dir = False
            if is_dir:
                if entry.is_symlink():
                    errors.append(
                        LoadError(str(path), None, "", "symbolic link to a directory: not followed")
                    )
                else:
                    subdirs.append(path)
                continue
            if not entry.name.endswith(YAML_SUFFIXES):
                continue
            if entry.is_symlink() and not path.resolve().is_relative_to(real_root):
                errors.append(
                    LoadError(
                        str(path), None, "", "symbolic link leads outside the corpus: not read"
                    )
                )
                continue
            files.append(path)
        pending.extend(reversed(subdirs))
    return files, errors


def read_file(path: Path, display: str) -> tuple[Any, list[LoadError]]:
    """Read and parse one file; every failure becomes a :class:`LoadError`."""
    data, errors = _read_bytes(path, display)
    if data is None:
        return None, errors
    return _parse_bytes(data, display)


def _read_bytes(path: Path, display: str) -> tuple[bytes | None, list[LoadError]]:
    try:
        # Opening a FIFO or a device named *.yaml would block or never end.
        if not path.is_file():
            return None, [LoadError(display, None, "", "not a regular file: not read")]
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1), []
    except OSError as exc:
        return None, [LoadError(display, None, "", f"cannot read file: {exc.strerror or exc}")]


def _parse_bytes(data: bytes, display: str) -> tuple[Any, list[LoadError]]:
    if len(data) > MAX_FILE_BYTES:
        return None, [
            LoadError(display, None, "", f"file is larger than {MAX_FILE_BYTES // 2**20} MiB")
        ]
    if b"\0" in data:
        return None, [LoadError(display, None, "", "binary file (contains NUL bytes), not YAML")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [LoadError(display, line, "", f"not valid UTF-8 (byte {exc.start})")]
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return None, [LoadError(display, None, "", "empty file")]
    return _yaml.parse(text, display)


def _field(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _validation_errors(
    exc: ValidationError,
    data: Any,
    display: str,
    model: type[BaseModel],
    prefix: tuple[int | str, ...] = (),
) -> list[LoadError]:
    errors = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        line = _yaml.line_of(data, loc)
        message = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            name = str(loc[-1])
            parent = _model_at(model, loc[:-1])
            hint = did_you_mean(name, parent.model_fields) if parent is not None else ""
            message = f"unknown field {name!r}{hint}"
        elif err["type"] == "missing":
            message = f"missing required field {loc[-1]!r}"
        elif err["type"] in _EXPECTED:
            message = f"expected {_EXPECTED[err['type']]}, got {_describe(err.get('input'))}"
            if err["type"] == "string_type" and isinstance(err.get("input"), int | float):
                message += " (quote it to make it text)"
        elif err["type"] == "literal_error":
            message = f"{message}; got {_describe(err.get('input'))}"
        errors.append(LoadError(display, line, _field(loc), message))
    return errors


#: Pydantic error type -> what the field wanted, in the words of a fact file.
_EXPECTED: Final = {
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "dict_type": "a mapping (key: value lines)",
    "list_type": "a list",
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


def _describe(value: Any) -> str:
    """A YAML value as an error message names it."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class at ``loc`` inside ``model`` (to suggest field names)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _kind_of(data: Any, display: str) -> tuple[str | None, list[LoadError]]:
    line = getattr(data, "line", 1)
    expected = "source (with claims), entities, properties, rules or waivers"
    if not isinstance(data, dict):
        return None, [
            LoadError(
                display,
                line,
                "",
                f"not a fact file: the top level must be a mapping with {expected}",
            )
        ]
    kinds = [k for k in FILE_KINDS if k in data]
    if len(kinds) != 1:
        found = ", ".join(repr(k) for k in data) or "nothing"
        what = "more than one of" if kinds else "none of"
        return None, [
            LoadError(
                display,
                line,
                "",
                f"not a fact file: found {what} {expected} at the top level (keys: {found})",
            )
        ]
    return kinds[0], []


@dataclass(frozen=True)
class Scan:
    """A corpus directory's files, read once: their bytes, read errors and cache keys."""

    root: Path
    files: list[Path]
    errors: list[LoadError]
    store: FileCache
    prints: list[_Print]
    #: ``time.time_ns()`` before the first file was read (see :mod:`factcheck._keystore`).
    clock: int | None = None


@_gc.paused_during
def scan(path: str | os.PathLike[str], cache: bool | str | os.PathLike[str] = True) -> Scan:
    """Find and read the fact files of ``path`` (raises for a missing directory)."""
    root = _root(path)
    clock = time.time_ns()
    files, errors = _files(root)
    store = _store(root, cache)
    return Scan(root, files, errors, store, _fingerprints(files, store), clock)


def load(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    cache: bool | str | os.PathLike[str] = True,
    workers: int | None = None,
    scanned: Scan | None = None,
) -> Corpus:
    """Load the corpus in directory ``path``.

    Every problem is collected in ``corpus.errors`` (each names file, line and field) and
    valid files are still loaded, so one run shows everything. With ``strict=True`` any
    error raises :class:`~factcheck.FactcheckError` instead. A missing directory always
    raises.

    Each file's reading is cached by content (see :mod:`factcheck.cache`) in
    ``path/.factcheck-cache``, or in the directory ``cache`` names; ``cache=False`` reads
    every file afresh. Files not in the cache are read by ``workers`` processes (default:
    one per core, and only when there are many files); the result never depends on it.
    ``scanned`` reuses a :func:`scan` of ``path`` made with the same ``cache``, so the
    files are not read twice; a scan is loaded once (it keeps its keys, not the files).
    """
    # Reading builds millions of objects that live on: automatic collections would walk
    # the growing heap again and again (a fifth of a cold load's time at 1M claims).
    with _gc.paused():
        return _load(path, strict, cache, workers, scanned)


def _load(
    path: str | os.PathLike[str],
    strict: bool,
    cache: bool | str | os.PathLike[str],
    workers: int | None,
    scanned: Scan | None,
) -> Corpus:
    sc = scanned if scanned is not None else scan(path, cache)
    root, files, store, prints = sc.root, sc.files, sc.store, sc.prints
    if any(data is None and key is not None for data, _, key in prints):
        raise ValueError("this scan was loaded already: scan the directory again")
    fresh: dict[str, Any] = {}
    results = list(_read_all(files, prints, store, workers, fresh))
    # From here on only the keys are needed: dropping the files' contents now frees as
    # much memory as the files take on disk before the corpus is assembled.
    prints[:] = [(None, errors, key) for _, errors, key in prints]
    corpus = _assemble(root, list(sc.errors), files, results, store, fresh=fresh)
    _save_index(store, root, files, results, corpus, sc.clock)
    if strict and corpus.errors:
        raise FactcheckError(corpus.errors)
    return corpus


def load_around(path: str | os.PathLike[str], given: Iterable[str | os.PathLike[str]]) -> Corpus:
    """The part of the corpus in ``path`` that conflicts involving the ``given`` files need.

    What the pre-commit hook audits: the entity, property, rule and waiver files, the
    given files, every file changed since the cache last saw it, and the claims within
    reach of a given file's claims (see :mod:`factcheck.scope`), taken claim by claim
    from a store the cache keeps (see :mod:`factcheck._keystore`). Auditing it gives
    exactly the conflicts and errors of a full audit that cite a given file. Without a
    usable store (no cache, no signing key), when an entity, property, rule or waiver file
    changed or is given, or for a rule kind of unknown reach, it is the whole corpus, as
    :func:`load` gives it.
    """
    # Imported here: _around builds on this module.
    from ._around import load_around as around

    with _gc.paused():  # as for load(); a partial load may turn into a whole one
        return around(path, given)


def _root(path: str | os.PathLike[str]) -> Path:
    root = Path(path)
    if not root.is_dir():
        raise FactcheckError([LoadError(str(root), None, "", "no such corpus directory")])
    return root


def _files(root: Path) -> tuple[list[Path], list[LoadError]]:
    files, errors = iter_fact_files(root)
    if not files and not errors:
        # Most likely a wrong path: auditing nothing must not look like a clean audit.
        errors.append(LoadError(str(root), None, "", "no fact files (*.yaml, *.yml) here"))
    return files, errors


def _store(root: Path, cache: bool | str | os.PathLike[str]) -> FileCache:
    return FileCache(None if cache is False else root / CACHE_DIR if cache is True else Path(cache))


#: A file's bytes (``None`` when unreadable, or once loaded), its read errors and its
#: cache key.
_Print = tuple[bytes | None, list[LoadError], str | None]


def _fingerprints(files: list[Path], store: FileCache) -> list[_Print]:
    out: list[_Print] = []
    for path in files:
        data, errors = _read_bytes(path, str(path))
        out.append((data, errors, None if data is None else store.key(str(path), data)))
    return out


def _state(files: list[Path], prints: list[_Print]) -> str:
    """A hash of every file's name and content (or why it could not be read)."""
    h = hashlib.sha256(code_fingerprint().encode())
    for path, (_, errors, key) in zip(files, prints, strict=True):
        h.update(f"{path}\0{key or [e.message for e in errors]}\0".encode())
    return h.hexdigest()


def _assemble(
    root: Path,
    iter_errors: list[LoadError],
    files: list[Path],
    results: list[tuple[_FileResult, str | None]],
    store: FileCache,
    fresh: dict[str, Any] | None = None,
) -> Corpus:
    """Merge files' readings into a corpus and resolve its claims (cached per source).

    ``fresh`` holds resolved claims that workers just stored, by cache key (see
    :func:`_read_all`); each is taken out of it as its source's facts are made.
    """
    corpus = Corpus(root=root, errors=list(iter_errors))
    places: dict[tuple[str, str], ClaimPlace] = {}
    keys: dict[str, str] = {}
    for display, (result, key) in zip((str(f) for f in files), results, strict=True):
        corpus.files.append(display)
        corpus.errors.extend(result.errors)
        if key is not None:
            keys[display] = key
        if result.parsed is not None:
            assert result.kind is not None
            _merge(corpus, result.kind, result.parsed, result.positions, display, places)
    context = _context(files, results)
    memo = {
        sid: _facts_key(keys[display], context)
        for sid, display in corpus.source_files.items()
        if sid in corpus.sources and display in keys
    }
    fresh = fresh if fresh is not None else {}
    # What workers made is in the cache already.
    stored = {k for k in memo.values() if k in fresh}

    def known(sid: str) -> list[Resolved] | None:
        key = memo.get(sid)
        if key is None:
            return None
        # Popped: the packed copy goes as soon as its facts are made.
        hit = fresh.pop(key) if key in fresh else store.get(key)
        return _unpack(hit) if isinstance(hit, list) else None

    for sid, resolved in build(corpus, places, known).items():
        if sid in memo and memo[sid] not in stored:
            store.put(memo[sid], _pack(resolved))
    corpus.errors.sort(key=lambda e: (e.file, e.line or 0, e.field, e.message))
    return corpus


def _save_index(
    store: FileCache,
    root: Path,
    files: list[Path],
    results: list[tuple[_FileResult, str | None]],
    corpus: Corpus,
    clock: int | None,
) -> None:
    """Bring the hook's store up to date with a corpus loaded whole (see
    :func:`factcheck._around.save_index`); ``clock`` is when its files started being read."""
    if not store.usable:
        return
    from ._around import save_index  # builds on this module

    save_index(store, root, files, results, corpus, clock)


@dataclass(frozen=True, slots=True)
class _FileResult:
    """One file read and validated on its own: what the cache stores and workers return.

    ``positions`` is the file's tree cut down to the lines merging needs (see
    :func:`_positions`), so the cache holds no second copy of the values.
    """

    kind: str | None
    parsed: BaseModel | None
    positions: Any
    errors: list[LoadError]


def _check_file(data: Any, file_errors: list[LoadError], display: str) -> _FileResult:
    if data is None:
        return _FileResult(None, None, None, file_errors)
    kind, parsed, errors = _check(data, display)
    # A value the YAML reader refused (a tag, an alias) is already reported; the model
    # would only add "value is missing" for the same field.
    reported = {e.field for e in file_errors}
    errors = file_errors + [e for e in errors if not _consequence(e.field, reported)]
    positions = _positions(data) if parsed is not None else None
    return _FileResult(kind, parsed, positions, errors)


def _consequence(field: str, reported: set[str]) -> bool:
    """Whether a model error at ``field`` follows from a YAML error at or below it."""
    return field in reported or any(
        r.startswith((f"{field}.", f"{field}[")) for r in reported if field
    )


def _positions(data: Any) -> Any:
    """``data`` with every value below the second level dropped; lines kept.

    A claim keeps only the lines of :data:`~factcheck.corpus.PLACE_KEYS`, as a tuple.
    """
    out = _yaml.YamlMap(data.line)
    out.key_lines.update(data.key_lines)
    for key, value in data.items():
        if key == "claims" and isinstance(value, _yaml.YamlSeq):
            seq = _yaml.YamlSeq(value.line)
            seq.item_lines.extend(value.item_lines)
            for item in value:
                lines = getattr(item, "key_lines", {})
                seq.append(tuple(lines.get(k) for k in PLACE_KEYS))
            out[key] = seq
        elif isinstance(value, _yaml.YamlMap):
            sub = _yaml.YamlMap(value.line)
            sub.key_lines.update(value.key_lines)
            out[key] = sub
        elif isinstance(value, _yaml.YamlSeq):
            seq = _yaml.YamlSeq(value.line)
            seq.item_lines.extend(value.item_lines)
            for item in value:
                entry = _yaml.YamlMap(getattr(item, "line", value.line))
                entry.key_lines.update(getattr(item, "key_lines", {}))
                seq.append(entry)
            out[key] = seq
        else:
            out[key] = value
    return out


def _from_bytes(data: bytes, display: str) -> _FileResult:
    parsed, parse_errors = _parse_bytes(data, display)
    return _check_file(parsed, parse_errors, display)


#: Below this many uncached files, starting worker processes costs more than it saves.
_PARALLEL_MIN_FILES: Final = 64


#: File kinds that every claim's resolution depends on.
_VOCABULARY: Final = ("entities", "properties")
#: A top-level ``entities:`` or ``properties:`` key: how files that workers need before
#: they can resolve claims are spotted without parsing anything.
_VOCABULARY_KEY: Final = re.compile(rb"^(?:entities|properties)[ \t]*:", re.MULTILINE)
#: The entities and properties (and their context, see :func:`_context`) that forked
#: workers resolve claims with: set only while a pool starts, and inherited by the fork.
_fork_vocabulary: tuple[Corpus, str] | None = None


def _read_all(
    files: list[Path],
    prints: list[_Print],
    store: FileCache,
    workers: int | None = None,
    fresh: dict[str, Any] | None = None,
) -> Iterator[tuple[_FileResult, str | None]]:
    """Every file's reading and content key, in the order of ``files``.

    Files not in the cache are read in parallel when that is worth it. Given ``fresh``,
    the workers also resolve the claims of the sources they read, store that and add it
    to ``fresh`` by its cache key (see :func:`_assemble`).
    """
    global _fork_vocabulary
    results: list[tuple[_FileResult, str | None] | None] = []
    misses: list[tuple[int, str, bytes]] = []
    for i, (data, errors, key) in enumerate(prints):
        if data is None or key is None:
            results.append((_FileResult(None, None, None, errors), None))
            continue
        hit = store.get(key)
        results.append((hit, key) if isinstance(hit, _FileResult) else None)
        if results[-1] is None:
            misses.append((i, key, data))
    n = workers if workers is not None else _cpus()
    parallel = n > 1 and len(misses) >= _PARALLEL_MIN_FILES
    if parallel and fresh is not None:
        # Entities and properties first, here: with them, the workers resolve claims too,
        # which would otherwise be serial work for this process after they finish.
        for i, key, data in misses:
            if _VOCABULARY_KEY.search(data):
                one = _from_bytes(data, str(files[i]))
                store.put(key, one)
                results[i] = (one, key)
        misses = [m for m in misses if results[m[0]] is None]
        _fork_vocabulary = _worker_vocabulary(files, results)
    if parallel:
        # Workers read the files again and hash what they read: a file changed meanwhile
        # must not be stored under the old content's key.
        args = [(str(files[i]), store.directory) for i, _, _ in misses]
        chunk = max(1, len(args) // (n * 8))
        # Imported here: multiprocessing costs `import factcheck` 20 ms it rarely needs.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Fork where there is one: workers then share the vocabulary and start at once.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        try:
            with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
                answers = pool.map(_worker, args, chunksize=chunk)
                for (i, _, data), (blob, facts) in zip(misses, answers, strict=True):
                    # The key of what the worker read (the file may have changed since).
                    key, result = FileCache.loads_own(blob)
                    # Always a _FileResult (the bytes come straight from our worker);
                    # checked all the same rather than trusted.
                    results[i] = (
                        (result, key or None)
                        if isinstance(result, _FileResult)
                        else (_from_bytes(data, str(files[i])), None)
                    )
                    if facts is not None and fresh is not None:
                        facts_key, packed = FileCache.loads_own(facts)
                        fresh[facts_key] = packed
        finally:
            _fork_vocabulary = None
    else:
        for i, key, data in misses:
            one = _from_bytes(data, str(files[i]))
            store.put(key, one)
            results[i] = (one, key)
    for result in results:
        assert result is not None
        yield result


def _worker_vocabulary(
    files: list[Path], results: list[tuple[_FileResult, str | None] | None]
) -> tuple[Corpus, str]:
    """The entities and properties among ``results`` read so far, and their context."""
    corpus = Corpus(root=Path())
    places: dict[tuple[str, str], ClaimPlace] = {}
    for path, read in zip(files, results, strict=True):
        if read is not None and read[0].kind in _VOCABULARY and read[0].parsed is not None:
            _merge(corpus, read[0].kind, read[0].parsed, read[0].positions, str(path), places)
    index_names(corpus)
    return corpus, _context(files, results)


# Resolved values travel through the cache as plain tuples: unpickling frozen dataclasses
# goes through Python-level __setstate__, three times slower than calling the class.
def _pack(resolved: list[Resolved]) -> list[Any]:
    return [
        ((f[0], _pack_value(f[1]), f[2], _pack_value(f[3])) if f else None, errors)
        for f, errors in resolved
    ]


def _pack_value(v: Any) -> Any:
    if isinstance(v, Interval):
        return (0, v.lo, v.hi, v.lo_open, v.hi_open)
    if isinstance(v, DateSpan):
        return (1, v.start, v.end, v.zoned)
    return v


def _unpack(packed: list[Any]) -> list[Resolved]:
    return [
        ((f[0], _unpack_value(f[1]), f[2], _unpack_value(f[3])) if f else None, errors)
        for f, errors in packed
    ]


def _unpack_value(v: Any) -> Any:
    if type(v) is tuple:
        return Interval(*v[1:]) if v[0] == 0 else DateSpan(*v[1:])
    return v


def _facts_key(file_key: str, context: str) -> str:
    return hashlib.sha256(f"facts\0{file_key}\0{context}".encode()).hexdigest()


def context_hash(files: Iterable[tuple[str, str | None]]) -> str:
    """A hash of factcheck's code and of the corpus-wide ``files`` (name and content key,
    in load order): what a file's resolved claims, or its part of the event graph, depend
    on besides the file itself."""
    h = hashlib.sha256(code_fingerprint().encode())
    for name, key in files:
        h.update(f"{name}\0{key}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def _context(files: list[Path], results: Sequence[tuple[_FileResult, str | None] | None]) -> str:
    """:func:`context_hash` of the entity and property files among ``results`` (files not
    read yet, ``None``, count as neither)."""
    return context_hash(
        (str(path), read[1])
        for path, read in zip(files, results, strict=True)
        if read is not None and read[0].kind in _VOCABULARY
    )


def _cpus() -> int:
    """Cores this process may run on (fewer than the machine's in a container or taskset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker(arg: tuple[str, Path | None]) -> tuple[bytes, bytes | None]:
    """Read one file in a worker process and cache it; return its cache entry.

    With a vocabulary from the parent, also resolve its claims and return (and cache)
    that entry too.
    """
    display, directory = arg
    gc.disable()
    data, errors = _read_bytes(Path(display), display)
    if data is None:
        return FileCache.dumps("", _FileResult(None, None, None, errors)), None
    store = FileCache(directory)
    key = store.key(display, data)
    result = _from_bytes(data, display)
    # Pickled once: the same bytes are the cache entry and the answer to the parent.
    blob = FileCache.dumps(key, result)
    store.put_bytes(key, blob)
    facts = None
    if _fork_vocabulary is not None and isinstance(result.parsed, SourceFile):
        vocabulary, context = _fork_vocabulary
        own = Corpus(root=vocabulary.root)
        places: dict[tuple[str, str], ClaimPlace] = {}
        _add_source(own, result.parsed, result.positions, display, places)
        resolved = resolve_source(vocabulary, own.sources[result.parsed.source.id], places)
        facts_key = _facts_key(key, context)
        facts = FileCache.dumps(facts_key, _pack(resolved))
        store.put_bytes(facts_key, facts)
    return blob, facts


def _check(data: Any, display: str) -> tuple[str | None, BaseModel | None, list[LoadError]]:
    """Validate one file's tree on its own: its kind, its model (if valid) and errors."""
    kind, errors = _kind_of(data, display)
    if kind is None:
        return None, None, errors
    model = FILE_KINDS[kind]
    if kind == "source":
        # Claim by claim, so that one bad claim does not hide the rest of its file.
        parsed: BaseModel | None = _validate_source(errors, data, display)
    else:
        try:
            parsed = model.model_validate(data)
        except ValidationError as exc:
            errors.extend(_validation_errors(exc, data, display, model))
            parsed = None
    return kind, parsed, errors


def _merge(
    corpus: Corpus,
    kind: str,
    parsed: BaseModel,
    data: Any,
    display: str,
    places: dict[tuple[str, str], ClaimPlace],
) -> None:
    """Add one validated file to the corpus; ``data`` needs only its positions."""
    if isinstance(parsed, SourceFile):
        _add_source(corpus, parsed, data, display, places)
        return
    corpus.definition_files.add(display)
    if isinstance(parsed, EntityFile):
        corpus.source_files.setdefault("entities", display)
        _add_unique(
            corpus, corpus.entities, ((e.id, e) for e in parsed.entities), data, "entities", display
        )
    elif isinstance(parsed, PropertyFile):
        _add_unique(
            corpus,
            corpus.properties,
            ((p.id, p) for p in parsed.properties),
            data,
            "properties",
            display,
        )
    elif isinstance(parsed, RuleFile):
        seen: dict[str, None] = {}
        for i, rule in enumerate(parsed.rules):
            line = data["rules"].item_lines[i]
            if rule.id in corpus.rule_places or rule.id in seen:
                corpus.errors.append(
                    LoadError(display, line, f"rules[{i}].id", f"duplicate rule id {rule.id!r}")
                )
                continue
            seen[rule.id] = None
            corpus.rules.append(rule)
            corpus.rule_places[rule.id] = Located(display, line)
    elif isinstance(parsed, WaiverFile):
        for i, waiver in enumerate(parsed.waivers):
            corpus.waivers.append(waiver)
            corpus.waiver_places.append(Located(display, data["waivers"].item_lines[i]))


def _validate_source(out: list[LoadError], data: Any, display: str) -> SourceFile | None:
    errors: list[LoadError] = []
    for key in data:
        if key not in ("source", "claims"):
            more = did_you_mean(key, ["source", "claims"])
            errors.append(
                LoadError(display, data.key_lines[key], key, f"unknown field {key!r}{more}")
            )
    source: Source | None = None
    try:
        source = Source.model_validate(data["source"])
    except ValidationError as exc:
        errors.extend(_validation_errors(exc, data, display, SourceFile, prefix=("source",)))
    raw = data.get("claims")
    claims: list[Claim] = []
    if raw is None:
        raw = _yaml.YamlSeq(data.line)
    if not isinstance(raw, list):
        errors.append(
            LoadError(display, data.key_lines["claims"], "claims", "claims must be a list")
        )
        raw = _yaml.YamlSeq(data.line)
    for i, item in enumerate(raw):
        try:
            claims.append(Claim.model_validate(item))
        except ValidationError as exc:
            errors.extend(_validation_errors(exc, data, display, SourceFile, prefix=("claims", i)))
            claims.append(None)  # type: ignore[arg-type]  # placeholder keeps indexes aligned
    out.extend(errors)
    _share(claims)
    if source is None:
        return None
    need = "quote" if source.kind == "article" else "basis"
    for i, claim in enumerate(claims):
        if claim is not None and getattr(claim, need) is None:
            line = raw.item_lines[i]
            out.append(
                LoadError(
                    display,
                    line,
                    f"claims[{i}].{need}",
                    f"missing required field {need!r} "
                    f"(every claim of a {source.kind} source cites one)",
                )
            )
            claims[i] = None  # type: ignore[call-overload]
    return SourceFile.model_construct(source=source, claims=claims)


#: Claim fields whose values repeat across a file's claims (ids of entities, properties).
_REPEATED: Final = ("subject", "property", "unit", "hedge", "as_of", "attributed_to")


def _share(claims: list[Claim]) -> None:
    """Make a file's claims share equal field-name sets and repeated strings.

    Pickle stores a shared object once, so the cache entry, the time to load it and the
    loaded corpus all shrink (the field set alone is 200 bytes a claim). Safe: the models
    are frozen, and pydantic copies the field set whenever it copies a model.
    """
    sets: dict[frozenset[str], set[str]] = {}
    texts: dict[str, str] = {}
    for claim in claims:
        if claim is None:
            continue
        fields = claim.__pydantic_fields_set__
        object.__setattr__(
            claim, "__pydantic_fields_set__", sets.setdefault(frozenset(fields), fields)
        )
        values = claim.__dict__
        for name in _REPEATED:
            value = values[name]
            if type(value) is str:
                values[name] = texts.setdefault(value, value)


def _add_unique(
    corpus: Corpus,
    table: dict[str, Any],
    items: Iterable[tuple[str, Any]],
    data: Any,
    key: str,
    display: str,
) -> None:
    for i, (ident, item) in enumerate(items):
        if ident in table:
            line = data[key].item_lines[i]
            corpus.errors.append(
                LoadError(display, line, f"{key}[{i}].id", f"duplicate id {ident!r}")
            )
            continue
        table[ident] = item


def _add_source(
    corpus: Corpus,
    parsed: SourceFile,
    data: Any,
    display: str,
    places: dict[tuple[str, str], ClaimPlace],
) -> None:
    sid = parsed.source.id
    if sid in corpus.sources:
        corpus.errors.append(
            LoadError(
                display,
                data["source"].key_lines.get("id", data["source"].line),
                "source.id",
                f"duplicate source id {sid!r} (also in {corpus.source_files[sid]})",
            )
        )
        return
    claims = data.get("claims") if isinstance(data.get("claims"), list) else _yaml.YamlSeq(1)
    kept = []
    for i, claim in enumerate(parsed.claims):
        if claim is None:
            continue
        lines = claims[i]
        line = claims.item_lines[i]
        if (sid, claim.id) in places:
            corpus.errors.append(
                LoadError(
                    display,
                    lines[0] or line,
                    f"claims[{i}].id",
                    f"duplicate claim id {claim.id!r} "
                    f"(first on line {places[(sid, claim.id)].line})",
                )
            )
            continue
        places[(sid, claim.id)] = ClaimPlace(file=display, line=line, index=i, lines=lines)
        kept.append(claim)
    parsed = SourceFile.model_construct(source=parsed.source, claims=kept)
    corpus.sources[sid] = parsed
    corpus.source_files[sid] = display
