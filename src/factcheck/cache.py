"""A per-file cache of parsed and validated fact files, keyed by content.

Reading a fact file (YAML parsing, then pydantic validation) is most of the cost of an
audit. The result of reading one file depends only on its bytes, its displayed name and
factcheck's own code, so it is stored under a hash of exactly those, in
``.factcheck-cache/`` inside the corpus directory (hidden, so never read as a fact file,
and git-ignored). An entry is never trusted when anything it was made from changed: a new
hash simply misses. Entries are written atomically; one that cannot be read (truncated,
corrupt, from another Python) counts as a miss and is rewritten. The directory can be
deleted at any time.

Entries are pickles: the fastest way to get validated pydantic models back (several times
faster than re-validating JSON). A pickle can run code when loaded, and a pull request can
commit files into ``.factcheck-cache/`` (its key and name are predictable), so every entry
is signed (HMAC-SHA256) with a random per-user key kept outside any corpus, in
``$XDG_CACHE_HOME/factcheck/cache-key`` (default ``~/.cache``); an entry whose signature
does not match is a miss and is never unpickled. Without a usable key nothing is cached.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, Final

__all__ = ["CACHE_DIR", "FileCache", "code_fingerprint", "full_fingerprint"]

#: Name of the cache directory inside a corpus directory.
CACHE_DIR: Final = ".factcheck-cache"
_FORMAT: Final = "2"
_MAC_BYTES: Final = 32
# The modules whose code decides what reading a file produces.
_CODE: Final = (
    "_yaml.py",
    "cache.py",
    "corpus.py",
    "errors.py",
    "loader.py",
    "model.py",
    "values.py",
)


@cache
def code_fingerprint() -> str:
    """A hash of everything besides a file's bytes that its cached reading depends on."""
    import pydantic

    h = hashlib.sha256(f"{_FORMAT}|{sys.version}|{pydantic.VERSION}".encode())
    here = Path(__file__).parent
    for name in _CODE:
        h.update(name.encode())
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


@cache
def full_fingerprint() -> str:
    """A hash of all of factcheck's code: what a stored audit result depends on."""
    h = hashlib.sha256(code_fingerprint().encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


@cache
def _secret() -> bytes | None:
    """This user's signing key for cache entries (made on first use), or ``None``."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        path = base / "factcheck" / "cache-key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-key-")  # mode 0600
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(secrets.token_bytes(_MAC_BYTES))
                # Atomic and never overwriting: concurrent processes all end up with one key.
                os.link(tmp, path)
            except FileExistsError:
                pass
            finally:
                Path(tmp).unlink(missing_ok=True)
        key = path.read_bytes()
    except (OSError, RuntimeError):  # RuntimeError: no home directory
        return None
    return key if len(key) == _MAC_BYTES else None


def _mac(body: bytes) -> bytes | None:
    secret = _secret()
    return None if secret is None else hmac.digest(secret, body, "sha256")


class FileCache:
    """Cached readings of files under one directory; every failure is a miss, never an error.

    ``FileCache(None)`` is a cache that is always empty (``load(..., cache=False)``).
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._dir = directory / code_fingerprint() if directory is not None else None
        self._pruned = False

    @property
    def usable(self) -> bool:
        """Whether entries can be stored and read (a directory and a signing key)."""
        return self._dir is not None and _secret() is not None

    def key(self, display: str, data: bytes) -> str:
        """The entry name for file ``display`` with content ``data``."""
        h = hashlib.sha256(display.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def get(self, key: str) -> Any | None:
        """The stored value for ``key``, or ``None`` when absent or unreadable."""
        if self._dir is None:
            return None
        try:
            blob = (self._dir / key[:2] / key).read_bytes()
        except OSError:
            return None
        return self.loads(blob, key)

    @staticmethod
    def loads(blob: bytes, key: str) -> Any | None:
        """Unpickle an entry; ``None`` unless it is intact and was stored under ``key``."""
        mac, body = blob[:_MAC_BYTES], blob[_MAC_BYTES:]
        expected = _mac(body)
        # Checked before unpickling: bytes this user's factcheck did not sign never run.
        if expected is None or not hmac.compare_digest(mac, expected):
            return None
        try:
            stored_key, value = pickle.loads(body)
        except Exception:  # a damaged entry can fail in any way; it is only a miss
            return None
        return value if stored_key == key else None

    @staticmethod
    def loads_own(blob: bytes) -> tuple[str, Any]:
        """``(key, value)`` of an entry that never left memory (a worker's answer).

        Not for anything read from disk: it checks no signature, so it works without a
        key (a home directory that cannot hold one still gets parallel loads).
        """
        key, value = pickle.loads(blob[_MAC_BYTES:])
        return key, value

    @staticmethod
    def dumps(key: str, value: Any) -> bytes:
        """The bytes :meth:`put_bytes` stores for ``value`` (made where the value is)."""
        body = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        return (_mac(body) or bytes(_MAC_BYTES)) + body

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` (best effort: a read-only tree just stays uncached)."""
        if self._dir is not None:
            self.put_bytes(key, self.dumps(key, value))

    def put_bytes(self, key: str, blob: bytes) -> None:
        """Store an entry made by :meth:`dumps`."""
        if self._dir is None or _secret() is None:
            return
        self._prune_other_versions()
        sub = self._dir / key[:2]
        try:
            sub.mkdir(parents=True, exist_ok=True)
            # Atomic: a reader sees the old entry, no entry or the whole new one.
            fd, tmp = tempfile.mkstemp(dir=sub, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(blob)
                os.replace(tmp, sub / key)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass

    def _prune_other_versions(self) -> None:
        # Entries made by another version of factcheck can never hit again.
        if self._pruned or self.directory is None or self._dir is None:
            return
        self._pruned = True
        try:
            self.directory.mkdir(exist_ok=True)
            (self.directory / ".gitignore").write_text("*\n", encoding="utf-8")
            for entry in self.directory.iterdir():
                if entry.is_dir() and entry != self._dir:
                    shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            pass
