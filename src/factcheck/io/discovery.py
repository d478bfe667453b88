"""Finding a corpus's fact files and reading each one's bytes, exactly once."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from factcheck.domain.errors import FactcheckError, LoadError

__all__ = ["MAX_FILE_BYTES", "YAML_SUFFIXES", "Scan", "iter_fact_files", "read_bytes", "scan"]

#: Largest fact file read; a newsroom's source file is a few kilobytes. Composing YAML
#: costs about 500 bytes of memory per value: a hostile file of this size full of one-character
#: values needs some 700 MB and a few seconds before it is refused.
MAX_FILE_BYTES: Final = 4 * 1024 * 1024
YAML_SUFFIXES: Final = (".yaml", ".yml")


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
        subdirs = []
        for entry in _listing(here, errors):
            path = here / entry.name
            what, why = _what(entry, path, real_root)
            if what == "dir":
                subdirs.append(path)
            elif what == "file":
                files.append(path)
            elif why:
                errors.append(LoadError(str(path), None, "", why))
        pending.extend(reversed(subdirs))
    return files, errors


def _listing(here: Path, errors: list[LoadError]) -> list[os.DirEntry[str]]:
    """The entries of directory ``here`` (sorted, hidden ones left out)."""
    try:
        with os.scandir(here) as listing:
            return sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
    except FileNotFoundError:  # gone meanwhile: nothing to read there
        return []
    except OSError as exc:  # unreadable: its files would be missing without a word
        errors.append(
            LoadError(str(here), None, "", f"cannot read directory: {exc.strerror or exc}")
        )
        return []


def _what(entry: os.DirEntry[str], path: Path, real_root: Path) -> tuple[str, str]:
    """What an entry is to the walk: ``dir`` (walked), ``file`` (read), or neither, with
    why it is not read (a load error) or ``""`` (not a fact file: passed over)."""
    try:
        is_dir = entry.is_dir()
    except OSError as exc:  # a link loop, say: read as a file, which reports why
        if not entry.name.endswith(YAML_SUFFIXES):
            # Not read as a file either, but it may be a directory of fact files.
            return "", f"cannot be looked at ({exc.strerror or exc}): not read"
        is_dir = False
    if is_dir:
        if entry.is_symlink():
            return "", "symbolic link to a directory: not followed"
        return "dir", ""
    if not entry.name.endswith(YAML_SUFFIXES):
        return "", ""
    if entry.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # RuntimeError: a loop of links
            return "", "symbolic link that leads nowhere (broken, or a loop): not read"
        if not target.is_relative_to(real_root):
            return "", "symbolic link leads outside the corpus: not read"
    return "file", ""


#: Open flags for a fact file: never waiting (a FIFO that turned up after the type check
#: opens at once and is then refused unread), binary on Windows.
_OPEN_FLAGS: Final = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_bytes(path: Path, display: str) -> tuple[bytes | None, list[LoadError]]:
    """A fact file's bytes (at most one more than :data:`MAX_FILE_BYTES`, for the parser
    to refuse), or ``None`` with why it could not be read."""
    try:
        # Opening a FIFO or a device named *.yaml would block or never end: its type is
        # looked at before it is opened, and again on what was opened.
        if not stat.S_ISREG(_mode(path)):
            why = "not a regular file: not read"
            if path.is_symlink():
                why = "symbolic link that leads nowhere (broken, or a loop): not read"
            return None, [LoadError(display, None, "", why)]
        fd = os.open(path, _OPEN_FLAGS)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return None, [LoadError(display, None, "", "not a regular file: not read")]
            return _read_up_to(fd, st.st_size), []
        finally:
            os.close(fd)
    except OSError as exc:
        return None, [LoadError(display, None, "", f"cannot read file: {exc.strerror or exc}")]


def _mode(path: Path) -> int:
    """``path``'s mode, following links; 0 where ``Path.is_file`` says ``False`` rather
    than raise (missing, a link loop, a file used as a directory)."""
    try:
        return os.stat(path).st_mode
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return 0
        raise


def _read_up_to(fd: int, size: int) -> bytes:
    """The file's bytes, up to ``MAX_FILE_BYTES + 1``.

    Asked for by its size (plus one byte, to see it end), not by the limit: a buffer of
    the limit for every file (``read(MAX_FILE_BYTES + 1)``) cost a hook on a corpus of
    1,000 files 70 ms of its 100 ms of reading. A file that grew since ``fstat`` is read
    on, one that shrank stops early: the result is what reading to the limit gives.
    """
    want = MAX_FILE_BYTES + 1
    chunks = []
    ask = min(size + 1, want)
    while want > 0:
        chunk = os.read(fd, min(ask, want))
        if not chunk:
            break
        chunks.append(chunk)
        want -= len(chunk)
        ask = max(ask, 1 << 16)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


@dataclass(frozen=True)
class Scan:
    """A corpus directory's fact files, each read exactly once.

    Everything a load computes comes from these bytes, and a stored row is keyed by
    them: a file changed on disk after the scan changes neither the answer nor what is
    stored under the scan's keys.
    """

    root: Path
    files: list[Path]
    #: Problems of the directory walk (links leading out, an empty corpus).
    errors: list[LoadError]
    #: Each file's bytes, or ``None`` when it could not be read (see ``read_errors``).
    #: A load consumes them (a corpus of a million claims need not hold its files twice).
    contents: list[bytes | None]
    read_errors: list[list[LoadError]]
    #: The files as reports name them, made once (a load takes them per file).
    names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _hashes: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", tuple(map(str, self.files)))

    def store_keys(self) -> list[str | None]:
        """Each readable file's store key: a hash of factcheck's code, its name and bytes."""
        if "keys" not in self._hashes:
            self._check_unread()
            from factcheck.store import content_key

            self._hashes["keys"] = [
                None if data is None else content_key("file", name, data)
                for name, data in zip(self.names, self.contents, strict=True)
            ]
        return list(self._hashes["keys"])

    def state(self) -> str:
        """A hash of the whole corpus as scanned: every file's name and bytes (or why
        it could not be read) and the walk's errors."""
        if "state" not in self._hashes:
            from factcheck.store import content_key

            keys = self.store_keys()
            parts: list[str | bytes] = ["state"]
            for name, key, errors in zip(self.names, keys, self.read_errors, strict=True):
                parts += [name, key if key is not None else repr([str(e) for e in errors])]
            parts += [str(e) for e in self.errors]
            self._hashes["state"] = content_key(*parts)
        return str(self._hashes["state"])

    def take(self, i: int) -> bytes:
        """File ``i``'s bytes, once: the scan lets go of them."""
        data = self.contents[i]
        if data is None:
            raise ValueError("this scan was loaded already: scan the directory again")
        self.contents[i] = None
        return data

    def _check_unread(self) -> None:
        if any(d is None and not e for d, e in zip(self.contents, self.read_errors, strict=True)):
            raise ValueError("this scan was loaded already: scan the directory again")


def scan(path: str | os.PathLike[str]) -> Scan:
    """Find and read the fact files of ``path`` (raises for a missing directory)."""
    root = _root(path)
    files, errors = _files(root)
    contents: list[bytes | None] = []
    read_errors: list[list[LoadError]] = []
    for file in files:
        data, problems = read_bytes(file, str(file))
        contents.append(data)
        read_errors.append(problems)
    return Scan(root, files, errors, contents, read_errors)


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
