"""The command line's memory of its last audit: reuse the result when nothing changed."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date

from .cache import full_fingerprint
from .conflict import AuditResult
from .corpus import Corpus
from .loader import Scan, _state

__all__ = ["AuditMemo"]


class AuditMemo:
    """An audit's result stored under the state of the whole corpus, for the command line.

    The key is a hash of every file's name and content, of all of factcheck's code, of
    the date (waivers expire) and of ``variant`` (the options that change the result).
    When nothing changed, :meth:`get` gives the stored result and a corpus holding only
    the entity, property, rule and waiver definitions (no claims): what reporters that
    read only the result and the rules need. A scan without a usable cache (no signing
    key) never hits.
    """

    def __init__(self, scanned: Scan, variant: str, *, today: date) -> None:
        self._store = scanned.store
        self._key: str | None = None
        if self._store.usable:
            state = _state(scanned.files, scanned.prints)
            self._key = hashlib.sha256(
                f"audit\0{state}\0{full_fingerprint()}\0{today}\0{variant}".encode()
            ).hexdigest()

    def get(self) -> tuple[AuditResult, Corpus] | None:
        """The stored result and definitions, or ``None``."""
        hit = self._store.get(self._key) if self._key else None
        if not (isinstance(hit, tuple) and len(hit) == 2):
            return None
        result, corpus = hit
        if isinstance(result, AuditResult) and isinstance(corpus, Corpus):
            return result, corpus
        return None

    def put(self, result: AuditResult, corpus: Corpus) -> None:
        """Store ``result``, audited from ``corpus`` (whose claims are left out)."""
        if self._key:
            light = dataclasses.replace(corpus, sources={}, facts=[], _by_property={}, _indexed=-1)
            self._store.put(self._key, (result, light))
