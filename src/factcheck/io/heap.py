"""Giving the C heap's free pages back to the system once a large load has read its files.

A scan holds every file's bytes at once (some 200 MB at a million claims), each its own
allocation in the C library's heap: a fact file is some 20 KB, below the size glibc
serves from a mapping of its own. The bytes are freed as the files are parsed, but the
pages stay with the process: glibc gives heap memory back by itself only from the top
of the heap, and Python keeps its small objects (nearly everything a load builds) in
arenas of its own, which never reuse those holes. Asked (``malloc_trim``), glibc gives
back every free page, wherever it lies: at a million claims that is about 135 MiB of the
cold audit's peak, which comes later, when the corpus is audited.
"""

from __future__ import annotations

import sys
from typing import Final

__all__ = ["MIN_BYTES", "give_back"]

#: Below this many bytes freed, what could be given back is not worth importing ctypes.
MIN_BYTES: Final = 8 * 2**20


def give_back(freed: int) -> bool:
    """After ``freed`` bytes (the files' contents) were let go of, ask the C library to
    return its heap's free pages to the system. Whether it was asked: only glibc can be;
    elsewhere, and for fewer than :data:`MIN_BYTES`, nothing is done. Changes no value."""
    if freed < MIN_BYTES or not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # another C library (musl): nothing to ask
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True
