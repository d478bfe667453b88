"""Where things were written: the file and lines a claim, rule or waiver came from.

Errors and citations point at these lines; a corpus keeps one small :class:`ClaimPlace`
per claim.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PLACE_KEYS", "ClaimPlace", "Located"]

#: The keys of a claim whose lines are kept (errors and citations point at them).
PLACE_KEYS: tuple[str, ...] = ("id", "subject", "property", "value", "quote", "basis")
_PLACE_INDEX = {k: i for i, k in enumerate(PLACE_KEYS)}


@dataclass(frozen=True, slots=True)
class Located:
    """A rule or waiver with the place it was written."""

    file: str
    line: int


@dataclass(frozen=True, slots=True)
class ClaimPlace:
    """Where a claim was written: its file, the line of its ``- id:`` and of a few keys.

    ``lines`` holds the line of each key of :data:`PLACE_KEYS` (``None`` when absent): a
    tuple, not the claim's whole key-to-line mapping, to keep a million claims small.
    """

    file: str
    line: int
    index: int
    lines: tuple[int | None, ...]

    def of(self, key: str) -> int:
        """The line of ``key`` in the claim, else of the claim."""
        i = _PLACE_INDEX.get(key)
        found = self.lines[i] if i is not None else None
        return found if found is not None else self.line

    @property
    def quote_line(self) -> int:
        """The line of the quote (or basis) that cites the claim."""
        q, b = self.lines[_PLACE_INDEX["quote"]], self.lines[_PLACE_INDEX["basis"]]
        return q if q is not None else b if b is not None else self.line
