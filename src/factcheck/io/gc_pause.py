"""Pausing Python's cyclic garbage collector while a corpus is built or audited.

Loading and auditing allocate millions of small objects and free almost none, so every
automatic collection walks the whole growing heap for nothing: 10-35% of the time on
large corpora. Fact-file objects hold no reference cycles, so nothing is lost by waiting;
reference counting still frees everything as usual.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

__all__ = ["paused", "paused_during"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def paused() -> Iterator[None]:
    """Disable automatic collection inside the block; restore the previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def paused_during(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator: run ``func`` with automatic collection paused."""

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with paused():
            return func(*args, **kwargs)

    return wrapper
