"""The pre-commit hook's load: only what conflicts involving the given files can involve.

``factcheck check FILE...`` reports the load errors of the given files and the conflicts
that cite them. Every check kind compares claims within a bounded neighbourhood of each
claim (see :mod:`factcheck.rules.scope`), so the hook needs, besides the entity, property, rule
and waiver files and the given files themselves, only the claims of other files in the
neighbourhood of the given files' claims. With a :class:`~factcheck.store.Store` that
knows the other files (by the exact bytes just read), those claims are taken from it one
by one. The files it does not know (changed since, or all of them on a first run) are
read, and their rows stored; the other files' claims are then taken from those rows as
they are from the store, so that a first run audits only the neighbourhood too.

The answer never depends on the store: without one, with an empty one, or with rows that
fail their checks, the files are read and the result is the same. A given definition
file, or a rule whose reach is unbounded, loads the whole corpus.

Besides the corpus, :class:`Around` says whether it is the whole one, and whether reading
any file gave a load error, the files left out included (their heads count them): what a
full audit's load errors depend on beyond the claims, known without taking those files.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from factcheck.domain.corpus import Corpus, date_claim_span
from factcheck.domain.model import SourceFile
from factcheck.io import gc_pause
from factcheck.io.assemble import assemble
from factcheck.io.discovery import Scan, scan
from factcheck.io.parse import FILE_KINDS, Reading
from factcheck.io.records import (
    FileRecord,
    fetch_records,
    file_record,
    from_fresh,
    from_row,
    index_entry,
    read_rows,
    read_saving,
    readings,
    tidy,
)
from factcheck.rules.kinds.naming import misnamed
from factcheck.rules.scope import (
    SCOPES,
    CycleGroups,
    Events,
    Groups,
    Reach,
    cycle_groups,
    event_date_properties,
    reach,
)
from factcheck.store import Store, content_key

__all__ = ["Around", "load_around"]

#: Kinds of the files that define the corpus for every source.
_DEFINITIONS = frozenset(FILE_KINDS) - {"source"}


@dataclass(frozen=True, slots=True)
class Around:
    """What :func:`load_around` loaded."""

    #: The part of the corpus that conflicts citing the given files need.
    corpus: Corpus
    #: Whether ``corpus`` holds every claim of every file: it is what a full load gives.
    whole: bool
    #: Whether reading some file of the corpus (in ``corpus`` or left out) gave a load
    #: error, or the directory's walk did: a full load then has load errors too.
    file_errors: bool


def load_around(
    path: str | os.PathLike[str],
    given: Iterable[str | os.PathLike[str]],
    *,
    store: Store | None = None,
    scanned: Scan | None = None,
) -> Around:
    """The part of the corpus in ``path`` that conflicts citing the ``given`` files need.

    Auditing it gives exactly the conflicts and load errors of a full audit that cite a
    given file (``tests/test_hook.py`` and ``tests/test_scope.py`` compare the two).
    Without a store it is the whole corpus, as :func:`factcheck.load` gives it.
    """
    with gc_pause.paused():
        sc = scanned if scanned is not None else scan(path)
        if store is None:
            # Imported here: the hook runs with a store, and the loader (with the heap's
            # trimming) is then never needed.
            from factcheck.io.load import read_all

            read = read_all(sc, None)
            errors = _file_errors(sc, read, {})
            return Around(assemble(sc.root, sc.errors, sc.names, read), True, errors)
        return _around(sc, {os.path.realpath(g) for g in given}, store)


def _around(sc: Scan, wanted: set[str], store: Store) -> Around:
    keys = sc.store_keys()
    names = sc.names
    dirs: dict[str, str] = {}
    given = {i for i, f in enumerate(sc.files) if _realpath(f, dirs) in wanted}
    out: list[Reading | None] = [None] * len(names)
    # The files known by their heads (stored, or read now), whose claims are taken as
    # needed; and the bodies of the rows of those read now.
    heads: dict[int, FileRecord] = {}
    fresh: dict[int, bytes] = {}
    with store.snapshot():
        records = fetch_records(store, [k for k in keys if k is not None])
        missing = [i for i, k in enumerate(keys) if k is not None and k not in records]
        store.announce_misses(len(missing), sum(len(sc.contents[i] or b"") for i in missing))
        # Files not in the store (changed since, or a first run) are read and stored.
        # Definition files, given files and files that are no source are kept whole;
        # other sources are cut to the reach from this run's rows, as stored ones are.
        items = [(names[i], sc.take(i), keys[i] or "") for i in missing]
        for i, (made, row) in zip(missing, read_rows(store, items), strict=True):
            rec = file_record(row)
            if rec.kind == "source" and i not in given:
                heads[i], fresh[i] = rec, row[3]
            else:
                out[i] = made if made is not None else from_row(row)
        for i, key in enumerate(keys):
            if key is None:
                out[i] = Reading(None, None, None, sc.read_errors[i])
            elif key in records:
                heads[i] = records[key]
        vocabulary = None
        if any(getattr(heads.get(i) or out[i], "kind", None) in _DEFINITIONS for i in given):
            # A definition file can move conflicts anywhere: everything.
            _take(sc, out, heads, {i: None for i in heads}, store, fresh)
        else:
            vocabulary = _take_around(sc, out, heads, given, store, fresh)
    fresh.clear()  # the rows of files out of reach go before the merge
    if missing:
        tidy(store, [k for k in keys if k is not None])
    errors = _file_errors(sc, out, heads)
    whole = all(r is not None and r.indexes is None for r in out)
    # Files with nothing in reach are left out of the merge; every file stays listed.
    kept = [i for i, r in enumerate(out) if r is not None]
    kept_readings: list[Reading] = [out[i] for i in kept]  # type: ignore[misc]
    # The vocabulary was assembled from the same definition readings: its names serve.
    corpus = assemble(sc.root, sc.errors, [names[i] for i in kept], kept_readings, vocabulary)
    corpus.files = list(names)
    return Around(corpus, whole, errors)


def _file_errors(sc: Scan, out: Sequence[Reading | None], heads: dict[int, FileRecord]) -> bool:
    """Whether the walk or reading some file gave load errors: a reading taken (whole or
    cut) holds all of its file's, the head of a file left out counts them."""
    return bool(sc.errors) or any(
        r.errors if r is not None else heads[i].errors for i, r in enumerate(out)
    )


def _take_around(
    sc: Scan,
    out: list[Reading | None],
    heads: dict[int, FileRecord],
    given: set[int],
    store: Store,
    fresh: dict[int, bytes],
) -> Corpus:
    """Fill ``out``: definitions and given files whole, other files' claims in reach.
    The vocabulary (the definitions assembled alone)."""
    whole: dict[int, set[int] | None] = {
        i: None for i, rec in heads.items() if rec.kind in _DEFINITIONS or i in given
    }
    _take(sc, out, heads, whole, store, fresh)
    # The definitions alone, assembled, resolve names and say which rules there are.
    defs = [i for i, r in enumerate(out) if r is not None and r.kind in _DEFINITIONS]
    vocabulary = assemble(sc.root, (), [sc.names[i] for i in defs], [out[i] for i in defs])  # type: ignore[misc]
    seed, sids = _seed(out, given, vocabulary)
    read = [r for r in out if r is not None]

    def events() -> list[Events] | None:
        # Made only when an order rule reads a claim of the given files: the graph spans
        # every head, and most edits state no order or event date.
        return _events(vocabulary, heads.values(), read)

    named = _misnamed(out, given, vocabulary)
    within = reach(
        vocabulary.rules,
        vocabulary.properties,
        seed,
        events,
        named=named,
        cycles=_stored_cycles(store),
    )
    _take(sc, out, heads, _in_reach(out, heads, vocabulary, within, sids), store, fresh)
    return vocabulary


def _seed(
    out: list[Reading | None], given: set[int], vocabulary: Corpus
) -> tuple[set[tuple[str, str]], set[str]]:
    """The keys of the given files' claims (conflicts citing a given file involve them
    and claims within their reach), and the source ids of every source file read."""
    seed: set[tuple[str, str]] = set()
    sids: set[str] = set()
    for i, r in enumerate(out):
        if r is None or not isinstance(r.parsed, SourceFile):
            continue
        sids.add(r.parsed.source.id)
        if i in given:
            for claim in r.parsed.claims:
                subject = None if claim is None else vocabulary.resolve(claim.subject)
                if claim is not None and subject is not None:
                    seed.add((subject, claim.property))
    return seed, sids


def _misnamed(out: list[Reading | None], given: set[int], vocabulary: Corpus) -> set[str]:
    """The entities the given files' quotes misname: a naming finding cites other
    sources' claims about them (worked out only when a rule of that reach runs)."""
    if not any(SCOPES.get(rule.kind) == "named" for rule in vocabulary.rules):
        return set()
    quotes = [
        claim.quote or ""
        for i in given
        if (r := out[i]) is not None and isinstance(r.parsed, SourceFile)
        for claim in r.parsed.claims
        if claim is not None
    ]
    return misnamed(vocabulary, quotes)


def _in_reach(
    out: list[Reading | None],
    heads: dict[int, FileRecord],
    vocabulary: Corpus,
    within: Reach,
    sids: set[str],
) -> dict[int, set[int] | None]:
    """The files known by their heads and not taken yet that the hook needs, each with
    the indexes of its claims within reach (``None``: the whole file)."""
    # A source id stated by several files: which one a full load keeps depends on all of
    # them, so each is merged (with its claims in reach, maybe none) in its place.
    shared = Counter(rec.sid for rec in heads.values() if rec.kind == "source")
    shared.update(sids)
    # Only claims about these subjects, or of these properties, can be in reach.
    subjects = {subject for subject, _ in within.keys} | set(within.subjects)
    props = within.properties
    # A corpus spells its few thousand subjects many times: each spelling is resolved
    # once, and the claims near the reach are found by a set lookup made in C for each
    # entry of the index's columns (most are out of reach).
    spellings: set[str] = set()
    for rec in heads.values():
        spellings.update(rec.index.subjects)
    resolved = {raw: vocabulary.resolve(raw) for raw in spellings}
    near = {raw for raw, subject in resolved.items() if subject in subjects}
    known = {raw for raw, subject in resolved.items() if subject is not None}

    rest: dict[int, set[int] | None] = {}
    for i, rec in heads.items():
        if out[i] is not None:
            continue
        if within.everything or rec.sid in sids:
            rest[i] = None  # shares a source id with a file read: merged exactly as whole
            continue
        index = rec.index
        spelt, of = index.subjects, index.properties
        maybe = set(index.where(spelt, near))
        if props:
            maybe.update(n for n in index.where(of, props) if spelt[n] in known)
        taken = {n for n in maybe if within.needs((resolved[spelt[n]], of[n]))}  # type: ignore[arg-type]
        if taken or rec.kind != "source" or shared[rec.sid] > 1:
            rest[i] = taken
    return rest


def _take(
    sc: Scan,
    out: list[Reading | None],
    heads: dict[int, FileRecord],
    which: dict[int, set[int] | None],
    store: Store,
    fresh: dict[int, bytes],
) -> None:
    """Put the readings of the files ``which`` names into ``out`` (with only the claims
    given for each, ``None`` for all): from this run's rows for the files read now (let
    go of once taken), else from the store; a stored file whose rows fail is read afresh."""
    stored = {i: only for i, only in which.items() if i not in fresh}
    for i in which.keys() - stored.keys():
        out[i] = from_fresh(heads[i], fresh.pop(i), which[i])
    whole = [heads[i] for i, only in stored.items() if only is None]
    some = {heads[i].key: only for i, only in stored.items() if only is not None}
    got = readings(store, whole, None)
    got.update(readings(store, [heads[i] for i, o in stored.items() if o is not None], some))
    for i in stored:
        key = heads[i].key
        if key in got:
            out[i] = got[key]
        else:  # a row that fails its checks: read the file, and store it right
            (out[i],) = read_saving(store, [(sc.names[i], sc.take(i), key)])


def _events(
    vocabulary: Corpus, heads: Iterable[FileRecord], read: Iterable[Reading]
) -> list[Events] | None:
    """The corpus's event graph for order rules, from the heads (stored, or of the
    files read now) and the files read whole, without loading any other claim
    (``None``: no order rule).

    Each claim that could be an order edge or a dated event in a full load is one here
    (more never hurts: a cycle group only grows, and so does what the hook takes).
    """
    named = event_date_properties(vocabulary.rules)
    if not any(SCOPES.get(rule.kind) == "property" for rule in vocabulary.rules):
        return None
    # Only order claims and claims of the dates the rules order by can be events: the
    # rest (nearly every claim) are passed over on their property alone.
    kinds = {
        p: prop.type
        for p, prop in vocabulary.properties.items()
        if prop.type == "order" or (prop.type == "date" and p in named)
    }
    entries = [
        head.index.row(n) for head in heads for n in head.index.where(head.index.properties, kinds)
    ]
    for r in read:
        if isinstance(r.parsed, SourceFile):
            entries += [index_entry(c) for c in r.parsed.claims if c is not None]  # type: ignore[misc]
    edges: list[tuple[str, str, str]] = []
    spans: list[tuple[str, str, datetime, datetime]] = []
    for raw, prop, value, hedge in entries:
        kind = kinds.get(prop)
        subject = vocabulary.resolve(raw) if kind is not None else None
        if subject is None or value is None:
            continue
        if kind == "order" and isinstance(value, str):
            target = vocabulary.resolve(value)
            if target is not None:
                edges.append((prop, subject, target))
        elif kind == "date":
            try:
                span = date_claim_span(value, hedge)
            except ValueError:
                continue
            spans.append((prop, subject, span.start, span.end))
    return [(tuple(edges), tuple(spans))]


def _stored_cycles(store: Store) -> CycleGroups:
    """:func:`~factcheck.rules.scope.cycle_groups`, kept in ``store`` under a key made of
    its whole input (and the code): an edit that changes no order edge and no event date
    finds the groups of the graph it leaves as it was."""

    def groups(props: Iterable[str], named: Iterable[str], graph: Sequence[Events]) -> Groups:
        given = (sorted(props), sorted(named))
        graph = list(graph)
        # The graph as a set, as the groups depend on it: its parts come in the order of
        # the files read whole (the given ones last), a given file's parts may also come
        # from its stored head, and neither changes the groups. The repr of a tuple of
        # text and datetimes is exact, the same in every process, and holds no line break.
        parts = sorted({repr(p) for edges, spans in graph for p in (*edges, *spans)})
        key = content_key("order-cycle-groups", repr(given), "\n".join(parts))
        found = _groups(store.result(key))
        if found is None:
            found = cycle_groups(*given, graph)
            store.write(results=[(key, json.dumps(found).encode())])
        return found

    return groups


def _groups(body: bytes | None) -> Groups | None:
    """Stored cycle groups, checked (a list of lists of text); ``None`` for a miss."""
    if body is None:
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if type(data) is list and all(type(g) is list and all(type(e) is str for e in g) for g in data):
        return data
    return None


def _realpath(path: os.PathLike[str] | str, dirs: dict[str, str]) -> str:
    """``os.path.realpath(path)``, with the real paths of directories kept in ``dirs``:
    one ``lstat`` per file instead of one per component of its path."""
    directory, name = os.path.split(path)
    if os.path.islink(path):  # a link is where it leads
        return os.path.realpath(path)
    if directory not in dirs:
        dirs[directory] = os.path.realpath(directory)
    return os.path.join(dirs[directory], name)
