"""Store keys: what a stored row was made from, hashed with the code that made it."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Final

__all__ = ["code_fingerprint", "content_key", "package_root"]

#: The layout of stored rows; a change makes every earlier row a miss.
LAYOUT: Final = "5"


def package_root() -> Path:
    """The directory of the top-level ``factcheck`` package (wherever it is installed).

    Found from this module's dotted name, not from its own directory: the fingerprint
    must cover the rule kinds, the models and the parser, not only the store.
    """
    here = Path(__file__).resolve().parent
    for _ in range(__name__.count(".") - 1):
        here = here.parent
    return here


@cache
def code_fingerprint() -> str:
    """A hash of everything besides the fact files that a stored row depends on.

    Every file of the installed ``factcheck`` package (not a hand-kept list, so moving
    code never leaves a stale row behind) and the versions of Python, pydantic and PyYAML.
    """
    import pydantic
    import yaml

    h = hashlib.sha256(
        f"{LAYOUT}|{sys.version}|{pydantic.VERSION}|{yaml.__version__}|"
        f"{hasattr(yaml, 'CSafeLoader')}".encode()
    )
    for name, path in sorted(_package_files(str(package_root()), "")):
        h.update(name.encode() + b"\0")
        with open(path, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()


def _package_files(folder: str, prefix: str) -> Iterator[tuple[str, str]]:
    """Each file under ``folder`` outside ``__pycache__``: its name relative to the
    package (``prefix`` and ``/``), and its path.

    ``os.scandir`` rather than ``Path.rglob``: every hook run computes the fingerprint,
    and path objects for each file (and each bytecode file) cost it 5 ms of start-up.
    """
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    yield from _package_files(entry.path, f"{prefix}{entry.name}/")
            elif entry.is_file():
                yield f"{prefix}{entry.name}", entry.path


def content_key(*parts: str | bytes) -> str:
    """A row key: the hash of :func:`code_fingerprint` and ``parts``."""
    h = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogateescape")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()
