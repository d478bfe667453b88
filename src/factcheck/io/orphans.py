"""Worker processes that end when the process that started them is gone.

A load reads many files in worker processes. When the main process is killed outright
(``kill -9``, an out-of-memory kill), nothing tells its workers: each waits for work on a
pipe it holds open itself, and would live on until the machine restarts. Workers write
nothing anywhere (they hand rows back to the main process, which alone writes the store),
so ending them at once loses nothing.
"""

from __future__ import annotations

import os
import threading
import time

__all__ = ["end_with_parent"]


def end_with_parent(interval: float = 1.0) -> None:
    """Watch, from a daemon thread, for this process's parent to be gone, and then end
    this process at once. Meant as a worker pool's ``initializer``."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:  # an orphan is handed to another process
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="factcheck-end-with-parent", daemon=True).start()
