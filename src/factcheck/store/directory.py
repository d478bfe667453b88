"""Where the store lives, and whether it may live there: the one directory it owns.

The store never follows a symbolic link at its path and only ever uses a directory it
made itself (its ``CACHEDIR.TAG`` says so). Anything else at the path is refused, and
nothing there is written or removed.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Final

__all__ = [
    "CACHE_DIR",
    "CACHE_DIR_ENV",
    "NO_CACHE_ENV",
    "claim_directory",
    "default_directory",
    "disabled_by_environment",
    "not_a_file",
]

#: Name of the store's directory inside a corpus directory.
CACHE_DIR: Final = ".factcheck-cache"
#: Environment variables: a non-empty value other than ``0`` turns the store off; a path
#: moves it.
NO_CACHE_ENV: Final = "FACTCHECK_NO_CACHE"
CACHE_DIR_ENV: Final = "FACTCHECK_CACHE_DIR"

TAG_NAME: Final = "CACHEDIR.TAG"
# https://bford.info/cachedir/: backup tools skip a directory holding this file.
TAG: Final = (
    b"Signature: 8a477f597d28d172789f06886806bc55\n"
    b"# This directory is factcheck's store. It is safe to delete: runs only get slower.\n"
)


#: How long a directory without its tag may be one a concurrent run is still making.
_NEW_DIRECTORY_SECONDS: Final = 1.0


def disabled_by_environment() -> bool:
    """Whether ``FACTCHECK_NO_CACHE`` asks for no store."""
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0")


def default_directory(corpus: Path) -> Path:
    """Where the store of ``corpus`` lives: ``$FACTCHECK_CACHE_DIR``, else
    ``corpus/.factcheck-cache``."""
    moved = os.environ.get(CACHE_DIR_ENV)
    return Path(moved) if moved else corpus / CACHE_DIR


def claim_directory(path: Path) -> str | None:
    """Make ``path`` the store's directory, or say why it cannot be (``None``: usable).

    Only a real directory holding the store's tag is the store's; a symbolic link, a
    file, or a directory someone else made is never used, written or removed.
    """
    try:
        st = path.lstat()
    except FileNotFoundError:
        try:
            path.mkdir()  # never parents: the corpus (or the chosen place) must exist
        except FileExistsError:  # made by a concurrent run: check it as found
            return claim_directory(path)
        except OSError as exc:
            return f"cannot make the store's directory ({exc.strerror or exc})"
        for name, body in ((TAG_NAME, TAG), (".gitignore", b"*\n")):
            _write_new(path / name, body)
        return _owned(path)
    except OSError as exc:
        return f"cannot look at the store's directory ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link, not a directory factcheck made"
    if not stat.S_ISDIR(st.st_mode):
        return "is not a directory"
    # A run that made the directory an instant ago writes its tag right after: a
    # directory that new gets a moment for it (8 hooks starting on a cold store).
    deadline = min(st.st_ctime + _NEW_DIRECTORY_SECONDS, time.time() + _NEW_DIRECTORY_SECONDS)
    while (problem := _owned(path)) is not None and time.time() < deadline:
        time.sleep(0.01)
    return problem


def not_a_file(path: Path) -> bool:
    """Whether something other than a regular file (a link, a directory, ...) is at
    ``path``, or it cannot be looked at. Nothing there is fine."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return not stat.S_ISREG(mode)


def _owned(path: Path) -> str | None:
    tag = path / TAG_NAME
    try:
        st = tag.lstat()
        if stat.S_ISREG(st.st_mode) and tag.read_bytes() == TAG:
            return None
    except OSError:
        pass
    return "is a directory factcheck did not make (no factcheck CACHEDIR.TAG in it)"


def _write_new(path: Path, body: bytes) -> None:
    """Write a file that must not exist yet (never through a link, never over a file)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError:
        return
    with os.fdopen(fd, "wb") as fh:
        fh.write(body)
