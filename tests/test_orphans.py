"""factcheck.io.orphans: workers end when the process that started them is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

# A parent that starts a worker pool as a load does, prints its worker's pid, and waits.
_PARENT = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
import multiprocessing
from factcheck.io.orphans import end_with_parent
ctx = multiprocessing.get_context("fork")
pool = ProcessPoolExecutor(1, mp_context=ctx, initializer=end_with_parent, initargs=(0.05,))
print(pool.submit(os.getpid).result(), flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is gone but for its exit status: its state letter is Z
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        return f.read().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and forks")
def test_a_worker_ends_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    assert _alive(worker)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)


def test_a_process_whose_parent_lives_is_left_running() -> None:
    # In a child of this test: the watch looks many times and must not end it.
    code = (
        "import time; from factcheck.io.orphans import end_with_parent; "
        "end_with_parent(0.01); time.sleep(0.3); print('still here')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, "still here\n")
