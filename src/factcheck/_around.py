"""The pre-commit hook's partial load, and the store that makes it partial.

:func:`load_around` is :func:`factcheck.loader.load_around`: it reads the entity,
property, rule and waiver files, the given files, the files changed since the store last
saw them and the files sharing a source id with any of those, then takes the claims within
reach of the given files' claims (see :mod:`factcheck.scope`) from the other files out of
the store (see :mod:`factcheck._keystore`), claim by claim. :func:`save_index` brings the
store up to date after every full load.

The store is only ever trusted for a file whose content key is the one it was made from;
a file's ``stat`` stands for that key only when recorded as settled (see
:func:`factcheck._keystore.settled_stat`), and every other file is hashed as before.
Anything the store cannot answer, or any change to an entity, property, rule or waiver
file, loads the whole corpus (and writes the store): slower, never different.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from . import _keystore
from ._keystore import Vocabulary
from .cache import FileCache, code_fingerprint
from .corpus import ClaimPlace, Corpus, Fact, _fold, _resolve, build
from .errors import LoadError
from .loader import (
    FILE_KINDS,
    _assemble,
    _FileResult,
    _files,
    _merge,
    _Print,
    _read_all,
    _read_bytes,
    _root,
    _store,
    context_hash,
)
from .model import Claim, SourceFile
from .scope import Events, Reach, cycle_groups, cycle_rules, event_digest, reach

if TYPE_CHECKING:
    from ._keystore import FileRow, FileUpdate, KeyStore

__all__ = ["load_around", "save_index"]

#: Kinds of the files that define the corpus for every source: a change to one can move
#: conflicts anywhere.
_DEFINITIONS: Final = frozenset(FILE_KINDS) - {"source"}

#: Files the hook would read whole or hash again, before it writes what it learnt back.
_WRITE_AFTER: Final = 8

_ReadOne = tuple[_FileResult, str | None]
_Read = dict[int, _ReadOne]


class _Everything(Exception):
    """The partial load cannot be trusted or is not worth it: load the whole corpus."""


def load_around(path: str | os.PathLike[str], given: Iterable[str | os.PathLike[str]]) -> Corpus:
    """See :func:`factcheck.loader.load_around`."""
    root = _root(path)
    # Before any file is read: a stat recorded in this run must predate its content.
    clock = time.time_ns()
    files, errors = _files(root)
    store = _store(root, True)
    keys = _keystore.open_store(store.directory, root) if store.usable else None
    if keys is None:
        return _whole(root, files, errors, store, None, clock, [None] * len(files), {})
    import sqlite3

    try:
        prints: list[_Print | None] = [None] * len(files)
        read: _Read = {}
        try:
            return _partial(root, files, errors, store, keys, clock, given, prints, read)
        except (_Everything, _keystore.StoreError, sqlite3.Error):
            return _whole(root, files, errors, store, keys, clock, prints, read)
    finally:
        keys.close()


def _partial(
    root: Path,
    files: list[Path],
    errors: list[LoadError],
    store: FileCache,
    keys: KeyStore,
    clock: int,
    given: Iterable[str | os.PathLike[str]],
    prints: list[_Print | None],
    read: _Read,
) -> Corpus:
    known = keys.files()
    names = [str(f) for f in files]
    present = set(names)
    removed = [n for n in known if n not in present]
    if any(known[n].kind in _DEFINITIONS for n in removed):
        raise _Everything
    wanted = {os.path.realpath(g) for g in given}
    given_idx, changed, hashed = _survey(files, names, known, store, wanted, prints)
    if any(_kind(known, names[i]) in _DEFINITIONS for i in changed | given_idx):
        raise _Everything  # a corpus-wide file changed, or is given: everything
    definitions = [i for i, n in enumerate(names) if _kind(known, n) in _DEFINITIONS]
    context = context_hash((names[i], known[names[i]].key) for i in definitions)
    vocabulary = keys.vocabulary(context)
    _read_into(read, sorted(changed | given_idx), files, prints, store)
    if any(read[i][0].kind in _DEFINITIONS for i in changed | given_idx):
        raise _Everything
    _read_same_sources(files, names, known, store, removed, given_idx, changed, prints, read)
    sids = {r.parsed.source.id for r, _ in read.values() if isinstance(r.parsed, SourceFile)}
    if vocabulary is None or "entities" in sids:
        # Merged with the files read, as a full load merges them (a source named
        # "entities" takes the name the entity file's errors are cited under).
        if _read_bytes_of(definitions, files, names, known, store, prints):
            raise _Everything  # changed since it was looked at
        _read_into(read, definitions, files, prints, store)
        order = sorted(read)
        corpus = _assemble(root, errors, [files[i] for i in order], [read[i] for i in order], store)
    else:
        order = sorted(read)
        corpus = _assemble_on(
            vocabulary.corpus, errors, [names[i] for i in order], [read[i] for i in order]
        )
    fresh = event_digest(corpus.rules, corpus.facts)
    unread = [i for i in range(len(files)) if i not in read]
    rows = {i: known[names[i]] for i in unread}
    if any(r.kind == "source" and r.context != context for r in rows.values()):
        raise _Everything  # stored events made under other entities or rules
    given_files = {names[i] for i in given_idx}
    seed = {(f.subject, f.prop.id) for f in corpus.facts if f.file in given_files}
    ehashes = {names[i]: _keystore.events_hash(fresh.get(names[i])) for i in read}
    ehashes.update((names[i], r.ehash) for i, r in rows.items())
    version = _version(context, ehashes)
    new_groups: dict[str, tuple[str, list[list[str]]]] = {}

    def groups(props: frozenset[str], named: frozenset[str]) -> list[list[str]]:
        sig = _signature(props, named)
        found = keys.groups(sig, version)
        if found is None:
            digest = keys.events(rows.values()) + list(fresh.values())
            found = cycle_groups(props, named, digest)
            new_groups[sig] = (version, found)
        return found

    within = reach(corpus.rules, corpus.properties, seed, groups=groups)
    if within.everything or within.properties:
        raise _Everything
    # Of the files not read, the first with each source id is the one merged (no file
    # read has one of theirs: see _read_same_sources).
    usable: dict[int, int] = {}
    for i in unread:
        row = rows[i]
        if row.kind == "source" and row.sid is not None and row.sid not in sids:
            sids.add(row.sid)
            usable[row.fid] = i
    whole = given_files | {names[i] for i in changed}
    # The other claims of files read for their source id cannot be in a conflict that
    # cites a given file; auditing them would only cost time.
    corpus.facts = [
        f for f in corpus.facts if f.file in whole or within.needs((f.subject, f.prop.id))
    ]
    spellings = vocabulary.spellings if vocabulary is not None else _spellings(corpus)
    taken_from = _stored_facts(corpus, keys, within, spellings, usable, rows, names)
    corpus.files = [names[i] for i in sorted(set(read) | taken_from | set(definitions))]
    made = None
    if vocabulary is None:
        made = (context, _vocabulary(root, store, files, read, definitions))
    _write_back(
        keys,
        files,
        names,
        known,
        read,
        given_idx,
        hashed,
        removed,
        (fresh, ehashes, context, clock),
        new_groups,
        made,
    )
    return corpus


def _read_same_sources(
    files: list[Path],
    names: list[str],
    known: Mapping[str, FileRow],
    store: FileCache,
    removed: list[str],
    given_idx: set[int],
    changed: set[int],
    prints: list[_Print | None],
    read: _Read,
) -> None:
    """Read every file that shares a source id with a file given, changed or removed.

    Files with one source id are merged together (the first keeps it, the others are
    errors), so the claims of each depend on the others being there.
    """
    sids = {known[n].sid for n in removed}
    done: set[int] = set()
    while True:
        for i in (changed | given_idx) - done:
            done.add(i)
            sids.add(_sid(known, names[i]))
            parsed = read[i][0].parsed
            if isinstance(parsed, SourceFile):
                sids.add(parsed.source.id)
        sids.discard(None)
        more = [i for i, n in enumerate(names) if i not in read and _sid(known, n) in sids]
        if not more:
            return
        # Changed since they were looked at: their new source ids count too.
        changed |= _read_bytes_of(more, files, names, known, store, prints)
        _read_into(read, more, files, prints, store)
        if any(read[i][0].kind in _DEFINITIONS for i in more):
            raise _Everything


def _read_bytes_of(
    which: Iterable[int],
    files: list[Path],
    names: list[str],
    known: Mapping[str, FileRow],
    store: FileCache,
    prints: list[_Print | None],
) -> set[int]:
    """Read the bytes of the files ``which`` known so far by their stat; those whose
    content is not the one the store has after all (changed meanwhile)."""
    changed = set()
    for i in which:
        p = prints[i]
        if p is None:
            data, errs = _read_bytes(files[i], names[i])
            p = prints[i] = (data, errs, None if data is None else store.key(names[i], data))
        if p[2] != known[names[i]].key:
            changed.add(i)
    return changed


def _assemble_on(
    vocabulary: Corpus,
    errors: list[LoadError],
    names: list[str],
    results: list[tuple[_FileResult, str | None]],
) -> Corpus:
    """What :func:`factcheck.loader._assemble` makes of the corpus-wide files and these
    source files, from the corpus-wide files already assembled (``vocabulary``)."""
    corpus = vocabulary
    corpus.errors.extend(errors)
    places: dict[tuple[str, str], ClaimPlace] = {}
    for display, (result, _) in zip(names, results, strict=True):
        corpus.files.append(display)
        corpus.errors.extend(result.errors)
        if result.parsed is not None:
            assert result.kind is not None
            _merge(corpus, result.kind, result.parsed, result.positions, display, places)
    build(corpus, places, names=False)
    corpus.errors.sort(key=lambda e: (e.file, e.line or 0, e.field, e.message))
    return corpus


def _vocabulary(
    root: Path, store: FileCache, files: list[Path], read: Mapping[int, _ReadOne], which: list[int]
) -> Vocabulary:
    """The corpus-wide files assembled alone (what :func:`_assemble_on` starts from)."""
    corpus = _assemble(root, [], [files[i] for i in which], [read[i] for i in which], store)
    return Vocabulary(corpus, _spellings(corpus))


def _spellings(corpus: Corpus) -> dict[str, list[str]]:
    """Every spelling (folded) of each entity: its id and the names that resolve to it."""
    spelled: dict[str, set[str]] = {}
    for folded, entity in corpus._aliases.items():
        spelled.setdefault(entity, set()).add(folded)
    for entity in corpus.entities:
        spelled.setdefault(entity, set()).add(_fold(entity))
    return {entity: sorted(names) for entity, names in spelled.items()}


def _survey(
    files: list[Path],
    names: list[str],
    known: Mapping[str, FileRow],
    store: FileCache,
    wanted: set[str],
    prints: list[_Print | None],
) -> tuple[set[int], set[int], set[int]]:
    """Which files are given, changed since the store saw them, or were hashed to find
    them unchanged; ``prints`` gets what was read (``None`` for files known by stat)."""
    inodes = set()
    for w in wanted:
        try:
            st = os.stat(w)
        except OSError:
            continue
        inodes.add((st.st_dev, st.st_ino))
    given_idx: set[int] = set()
    changed: set[int] = set()
    hashed: set[int] = set()
    for i, f in enumerate(files):
        name = names[i]
        now = _keystore.current_stat(f)
        # A regular file is given only if it is the same inode as a given file (no
        # realpath for the thousand others); a link, if it leads to one.
        if (now is None or (now[4], now[3]) in inodes) and os.path.realpath(f) in wanted:
            given_idx.add(i)
        row = known.get(name)
        if row is not None and i not in given_idx and row.stat is not None and row.stat == now:
            continue  # settled and untouched since: the content the store has
        data, errs = _read_bytes(f, name)
        key = None if data is None else store.key(name, data)
        prints[i] = (data, errs, key)
        if row is None or key is None or key != row.key:
            changed.add(i)
        elif i not in given_idx:
            hashed.add(i)
    return given_idx, changed, hashed


def _stored_facts(
    corpus: Corpus,
    keys: KeyStore,
    within: Reach,
    spellings: Mapping[str, list[str]],
    usable: Mapping[int, int],
    rows: Mapping[int, FileRow],
    names: Sequence[str],
) -> set[int]:
    """Add the facts within reach from the files not read; the files they came from.

    A claim is stored under its subject as written: it is looked up under every
    spelling of the subject (see :func:`_spellings`).
    """
    wanted: dict[str, set[str] | None] = {}

    def want(subject: str, props: Iterable[str] | None) -> None:
        for s in spellings.get(subject) or (_fold(subject),):
            had = wanted.get(s, set())
            wanted[s] = None if had is None or props is None else had | set(props)

    for subject, p in within.keys:
        want(subject, (p,))
    for subject, props in within.subjects.items():
        want(subject, props)
    sources = {}
    claims: dict[int, list[tuple[int, Claim]]] = {}
    for stored in keys.claims(wanted, usable):
        i = usable[stored.fid]
        place = ClaimPlace(names[i], stored.line, stored.index, stored.lines)
        resolved, _ = _resolve(corpus, stored.claim, place)
        if resolved is None:
            continue  # an error of a file not given: never reported
        subject, value, unit, when = resolved
        if not within.needs((subject, stored.claim.property)):
            continue
        if i not in sources:
            found = keys.source(rows[i])
            if found is None:
                raise _keystore.StoreError("a stored source is missing or not authentic")
            sources[i] = found
        corpus.facts.append(
            Fact(
                source=sources[i],
                claim=stored.claim,
                prop=corpus.properties[stored.claim.property],
                subject=subject,
                value=value,
                unit=unit,
                time=when,
                file=names[i],
                line=place.line,
                quote_line=place.quote_line,
            )
        )
        claims.setdefault(i, []).append((stored.index, stored.claim))
    for i, taken in claims.items():
        taken.sort(key=lambda item: item[0])
        source = sources[i]
        corpus.sources[source.id] = SourceFile.model_construct(
            source=source, claims=[c for _, c in taken]
        )
        corpus.source_files[source.id] = names[i]
    return set(claims)


def _whole(
    root: Path,
    files: list[Path],
    errors: list[LoadError],
    store: FileCache,
    keys: KeyStore | None,
    clock: int,
    prints: list[_Print | None],
    read: _Read,
) -> Corpus:
    """The whole corpus, given what was already read (by position in ``files``)."""
    todo = [i for i in range(len(files)) if i not in read]
    for i in todo:
        if prints[i] is None:  # not read yet: known by its stat
            data, errs = _read_bytes(files[i], str(files[i]))
            prints[i] = (data, errs, None if data is None else store.key(str(files[i]), data))
    _read_into(read, todo, files, prints, store)
    results = [read[i] for i in range(len(files))]
    corpus = _assemble(root, errors, files, results, store)
    save_index(store, root, files, results, corpus, clock, keys)
    return corpus


def _read_into(
    read: _Read,
    which: Sequence[int],
    files: list[Path],
    prints: list[_Print | None],
    store: FileCache,
) -> None:
    """Read (from the cache, or parse) the files ``which`` into ``read``."""
    which = [i for i in which if i not in read]
    chosen: list[_Print] = []
    for i in which:
        p = prints[i]
        assert p is not None, "only files whose bytes were read"
        chosen.append(p)
    read.update(zip(which, _read_all([files[i] for i in which], chosen, store), strict=True))


def _kind(known: Mapping[str, FileRow], name: str) -> str | None:
    row = known.get(name)
    return row.kind if row is not None else None


def _key_of(known: Mapping[str, FileRow], name: str) -> str | None:
    row = known.get(name)
    return row.key if row is not None else None


def _sid(known: Mapping[str, FileRow], name: str) -> str | None:
    row = known.get(name)
    return row.sid if row is not None else None


def _version(context: str, ehashes: Mapping[str, str | None]) -> str:
    """A hash of the whole event graph, from each file's part."""
    h = hashlib.sha256(context.encode())
    for name in sorted(n for n, e in ehashes.items() if e is not None):
        h.update(f"{name}\0{ehashes[name]}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:32]


def _signature(props: Iterable[str], named: Iterable[str]) -> str:
    return repr((sorted(props), sorted(named)))


def _update_for(
    name: str,
    result: _FileResult,
    key: str,
    row: FileRow | None,
    st: _keystore.Stat | None,
    context: str,
    events: Events | None,
    ehash: str | None,
) -> FileUpdate | None:
    """The store's new entry for a file just read, or ``None`` when it has it already.

    ``ehash`` is :func:`factcheck._keystore.events_hash` of ``events``.
    """
    renew = row is None or row.key != key
    if not renew and row is not None and (row.stat, row.context, row.ehash) == (st, context, ehash):
        return None
    parsed = result.parsed
    source = parsed if isinstance(parsed, SourceFile) else None
    claims = None
    if renew:
        claims = _keystore.claim_groups(source, result.positions) if source is not None else {}
    return _keystore.FileUpdate(
        name,
        key,
        result.kind,
        source.source.id if source is not None else None,
        st,
        context,
        events,
        ehash,
        source.source if source is not None else None,
        claims,
    )


def _write_back(
    keys: KeyStore,
    files: list[Path],
    names: list[str],
    known: Mapping[str, FileRow],
    read: _Read,
    given_idx: set[int],
    hashed: set[int],
    removed: list[str],
    made: tuple[Mapping[str, Events], Mapping[str, str | None], str, int],
    groups: Mapping[str, tuple[str, list[list[str]]]],
    vocabulary: tuple[str, Vocabulary] | None,
) -> None:
    """Record what this partial load read, so that the next one need not (best effort:
    a store that cannot be written, being written by another process, stays as it was).

    ``made`` is the events of the files read, their hashes, the context they were made
    under and the clock at which reading began. Only once :data:`_WRITE_AFTER` files
    would be read or hashed again for want of it, or when cycle groups or the assembled
    corpus-wide files were made: a commit waits for the disk (tens of milliseconds after
    a full load has written the cache), while reading a file again costs about one.
    """
    import sqlite3

    fresh, ehashes, context, clock = made
    stats = {}
    for i in hashed - set(read):
        st = _keystore.settled_stat(files[i], clock)
        if st != known[names[i]].stat:
            stats[names[i]] = st
    stale = [
        i for i, (_, key) in read.items() if i not in given_idx and key != _key_of(known, names[i])
    ]
    if not (groups or vocabulary) and len(stale) + len(stats) + len(removed) < _WRITE_AFTER:
        return
    updates = []
    for i, (result, key) in sorted(read.items()):
        if key is None:
            continue
        st = _keystore.settled_stat(files[i], clock)
        events = fresh.get(names[i])
        update = _update_for(
            names[i], result, key, known.get(names[i]), st, context, events, ehashes[names[i]]
        )
        if update is not None:
            updates.append(update)
    with contextlib.suppress(sqlite3.Error):
        keys.update(updates, removed, stats, groups, vocabulary=vocabulary)


def save_index(
    store: FileCache,
    root: Path,
    files: list[Path],
    results: Sequence[tuple[_FileResult, str | None]],
    corpus: Corpus,
    clock: int | None,
    keys: KeyStore | None = None,
) -> None:
    """Bring the store up to date with a corpus just loaded whole.

    Writes the rows of every file whose content the store does not have, the events of
    every file (under the current corpus-wide files) and the cycle groups of the order
    rules. ``clock`` is when the files started being read (``None``: record no stat).
    Best effort: a store that cannot be written stays as it was.
    """
    own = keys is None
    if keys is None:
        keys = _keystore.open_store(store.directory, root) if store.usable else None
        if keys is None:
            return
    import sqlite3

    try:
        _save(keys, root, store, files, results, corpus, clock)
    except (sqlite3.Error, _keystore.StoreError):
        pass
    finally:
        if own:
            keys.close()


def _save(
    keys: KeyStore,
    root: Path,
    store: FileCache,
    files: list[Path],
    results: Sequence[tuple[_FileResult, str | None]],
    corpus: Corpus,
    clock: int | None,
) -> None:
    names = [str(f) for f in files]
    known = keys.files()
    state = hashlib.sha256(code_fingerprint().encode())
    for name, (_, key) in zip(names, results, strict=True):
        state.update(f"{name}\0{key}\0".encode("utf-8", "surrogateescape"))
    stats = {}
    if keys.state() == state.hexdigest():
        # The store describes these very files: at most their stats are new.
        for i, name in enumerate(names):
            row = known.get(name)
            st = _keystore.settled_stat(files[i], clock) if clock is not None else None
            if row is not None and st is not None and st != row.stat:
                stats[name] = st
        if stats:
            keys.update([], stats=stats)
        return
    read = dict(enumerate(results))
    definitions = [i for i, (result, _) in read.items() if result.kind in _DEFINITIONS]
    context = context_hash((names[i], read[i][1]) for i in definitions)
    vocabulary = None
    if not keys.has_vocabulary(context):
        vocabulary = (context, _vocabulary(root, store, files, read, definitions))
    events = event_digest(corpus.rules, corpus.facts)
    ehashes = {
        n: _keystore.events_hash(events.get(n))
        for n, (_, k) in zip(names, results, strict=True)
        if k
    }
    present = set(names)
    removed = [n for n in known if n not in present]
    # Unreadable now: forgotten, so that it is read afresh whenever it is needed.
    removed += [names[i] for i, (_, key) in enumerate(results) if key is None and names[i] in known]

    def updates() -> Iterator[FileUpdate]:
        # Made as they are written: a corpus's claims encoded are never all in memory.
        for i, (result, key) in enumerate(results):
            if key is not None:
                st = _keystore.settled_stat(files[i], clock) if clock is not None else None
                row = known.get(names[i])
                name = names[i]
                update = _update_for(
                    name, result, key, row, st, context, events.get(name), ehashes[name]
                )
                if update is not None:
                    yield update

    version = _version(context, ehashes)
    groups = {}
    for props, named in cycle_rules(corpus.rules, corpus.properties):
        sig = _signature(props, named)
        if keys.groups(sig, version) is None:
            groups[sig] = (version, cycle_groups(props, named, events.values()))
    keys.update(updates(), removed, groups=groups, state=state.hexdigest(), vocabulary=vocabulary)
