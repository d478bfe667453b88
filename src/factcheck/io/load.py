"""Loading a corpus directory: :func:`load`, pure, or through the store."""

from __future__ import annotations

import os
import warnings
from typing import TYPE_CHECKING, Final

from factcheck.domain.corpus import Corpus
from factcheck.domain.errors import FactcheckError
from factcheck.io import gc_pause, heap
from factcheck.io.assemble import assemble
from factcheck.io.discovery import Scan, scan
from factcheck.io.parse import Reading, parse_file

if TYPE_CHECKING:
    from factcheck.store import Store

__all__ = ["load", "read_all"]


def load(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    store: Store | None = None,
    scanned: Scan | None = None,
    cache: object = None,
) -> Corpus:
    """Load the corpus in directory ``path``.

    Every problem is collected in ``corpus.errors`` (each names file, line and field) and
    valid files are still loaded, so one run shows everything. With ``strict=True`` any
    error raises :class:`~factcheck.FactcheckError` instead. A missing directory always
    raises.

    Pure: nothing is written anywhere. ``store`` (a :class:`factcheck.store.Store`, as the
    command line and the pytest plugin open one) serves files read before and keeps the
    ones read now; the corpus is the same with or without it. ``scanned`` reuses a
    :func:`scan` of ``path``. ``cache`` is accepted for one release and ignored.
    """
    if cache is not None:
        warnings.warn(
            "load(cache=...) is deprecated and ignored: load() never writes; "
            "pass store=factcheck.store.Store.open(DIR) to reuse earlier reads",
            DeprecationWarning,
            stacklevel=2,
        )
    # Reading builds millions of objects that live on: automatic collections would walk
    # the growing heap again and again (a fifth of a cold load's time at 1M claims).
    with gc_pause.paused():
        sc = scanned if scanned is not None else scan(path)
        size = sum(len(data) for data in sc.contents if data is not None)
        readings = read_all(sc, store)
        # The files' bytes are all let go of now: their pages go back before the corpus
        # is built and audited (the peak of a large load comes then).
        heap.give_back(size)
        corpus = assemble(sc.root, sc.errors, sc.names, readings)
    if strict and corpus.errors:
        raise FactcheckError(corpus.errors)
    return corpus


def read_all(sc: Scan, store: Store | None) -> list[Reading]:
    """Every file's :class:`Reading`, from ``store`` where it has it (then kept there).

    Consumes the scan's bytes (see :meth:`Scan.take`).
    """
    if store is None and len(sc.files) < _PARALLEL_MIN_FILES:
        return _read_here(sc)
    keys = sc.store_keys()
    known = _read_by_key(sc, keys, store)
    return [
        known[key] if key is not None else Reading(None, None, None, errors)
        for key, errors in zip(keys, sc.read_errors, strict=True)
    ]


def _read_here(sc: Scan) -> list[Reading]:
    """Every file parsed in this process, one after the other (a few files, no store)."""
    sc._check_unread()
    return [
        parse_file(sc.take(i), name) if data is not None else Reading(None, None, None, errs)
        for i, (name, data, errs) in enumerate(
            zip(sc.names, list(sc.contents), sc.read_errors, strict=True)
        )
    ]


def _read_by_key(sc: Scan, keys: list[str | None], store: Store | None) -> dict[str, Reading]:
    """The reading of each file that could be read, by its store key: from ``store`` when
    it has it, else parsed (in worker processes when there are many) and kept there."""
    from factcheck.io import records

    known: dict[str, Reading] = {}
    if store is not None:
        with store.snapshot():
            known = records.fetch(store, [k for k in keys if k is not None])
    missing = [i for i, key in enumerate(keys) if key is not None and key not in known]
    if store is not None:
        size = sum(len(sc.contents[i] or b"") for i in missing)
        store.announce_misses(len(missing), size)
    items = [(sc.names[i], sc.take(i), keys[i] or "") for i in missing]
    for i, reading in zip(missing, records.read_saving(store, items), strict=True):
        known[keys[i] or ""] = reading
    del items
    if store is not None and missing:
        records.tidy(store, [k for k in keys if k is not None])
    for i, key in enumerate(keys):  # the files known to the store are let go of too
        if key is not None and sc.contents[i] is not None:
            sc.take(i)
    return known


#: Below this many files a load reads them in this process (see :mod:`factcheck.io.records`).
_PARALLEL_MIN_FILES: Final = 64
