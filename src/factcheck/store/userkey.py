"""The per-user secret that authenticates the store's rows.

It lives outside any corpus (``$XDG_CACHE_HOME/factcheck/store-key``), readable by its
owner only: a store committed to a repository, or written by someone else, was signed
with another key and is never believed.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import Final

__all__ = ["KEY_BYTES", "key_path", "user_key"]

KEY_BYTES: Final = 32


def key_path() -> Path:
    """Where this user's key is (``RuntimeError`` when there is no home directory)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "factcheck" / "store-key"


def user_key() -> bytes | None:
    """This user's key for the store's MACs (made on first use), or ``None`` when there
    is no private place for one."""
    try:
        path = key_path()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_key(path)
        st = path.lstat()
        if not stat.S_ISREG(st.st_mode) or st.st_mode & 0o077 or st.st_uid != os.getuid():
            return None  # a key others could read or write authenticates nothing
        key = path.read_bytes()
    except (OSError, RuntimeError):  # RuntimeError: no home directory
        return None
    return key if len(key) == KEY_BYTES else None


def _write_key(path: Path) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:  # a concurrent first run made it: use that one
        return
    with os.fdopen(fd, "wb") as fh:
        fh.write(secrets.token_bytes(KEY_BYTES))
