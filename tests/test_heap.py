"""Giving freed C heap pages back after a large load (factcheck.io.heap)."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from factcheck.io.heap import MIN_BYTES, give_back

#: A scan's pattern: many file-sized allocations, then one that outlives them (what the
#: load builds next), then the files freed. Prints the resident set (KiB) before and after.
_PROBE = """
import sys
from factcheck.io.heap import give_back

def rss():
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS"))

files = [bytes(20_000) + str(i).encode() for i in range(4_000)]
pin = bytes(20_000) + b"kept"
size = sum(map(len, files))
del files
before = rss()
asked = give_back(size)
print(asked, before, rss())
"""


def test_small_loads_ask_nothing() -> None:
    assert give_back(0) is False
    assert give_back(MIN_BYTES - 1) is False


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="malloc_trim is glibc's",
)
def test_freed_file_pages_go_back_to_the_system() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
    ).stdout.split()
    asked, before, after = out[0], int(out[1]), int(out[2])
    assert asked == "True"
    # 80 MB of files were freed and had stayed resident: most of them go back.
    assert before - after > 40_000, (before, after)
