"""A source file's claim index as its store head keeps it: one column per field.

A hook decodes the index of every claim in the corpus (100k claims: 1,000 heads) to find
the few it needs. As rows of four (one JSON list per claim, checked one by one in Python)
that was the largest part of its work; as columns, JSON makes one list per field and
each column is checked in one call into C (``set(map(type, column))``), and a hook
finds the claims of a subject or property it wants with ``map`` over a column.

Authenticated rows are still checked in full: a row that does not decode to a well-formed
index raises :class:`ValueError` (a miss, as every bad row is).
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, count, filterfalse, repeat
from operator import is_
from typing import Any, Final

__all__ = ["ClaimIndex", "IndexEntry", "IndexValue", "decode_index", "encode_index"]

#: An index value: text, a whole number, a date range (two of those), or ``None``.
IndexValue = str | int | tuple[str | int, ...] | None
#: One claim's entry: subject as written, property, value, hedge; ``None``: invalid claim.
IndexEntry = tuple[str, str, IndexValue, str] | None

_TEXT: Final = frozenset({str})
_INT: Final = frozenset({int})
_VALUE: Final = frozenset({str, int, type(None), list})
_COLUMNS: Final = ("subjects", "properties", "values", "hedges")


@dataclass(frozen=True, slots=True)
class ClaimIndex:
    """The index of a source file's claims, by column (an invalid claim's place in each
    column holds a placeholder; its number is in ``invalid``)."""

    subjects: tuple[str, ...] = ()
    properties: tuple[str, ...] = ()
    values: tuple[IndexValue, ...] = ()
    hedges: tuple[str, ...] = ()
    invalid: frozenset[int] = frozenset()

    def __len__(self) -> int:
        return len(self.subjects)

    def entry(self, n: int) -> IndexEntry:
        """Claim ``n``'s entry (``None`` for an invalid claim)."""
        return None if n in self.invalid else self.row(n)

    def row(self, n: int) -> tuple[str, str, IndexValue, str]:
        """Claim ``n``'s fields in the columns (placeholders for an invalid claim)."""
        return self.subjects[n], self.properties[n], self.values[n], self.hedges[n]

    def where(self, column: Sequence[str], wanted: Container[str]) -> Iterator[int]:
        """The numbers of the valid claims whose ``column`` (``subjects`` or
        ``properties``) is in ``wanted``: the test is made in C for every claim."""
        found = compress(range(len(column)), map(wanted.__contains__, column))
        return filterfalse(self.invalid.__contains__, found) if self.invalid else found


def encode_index(entries: Sequence[list[Any] | None]) -> dict[str, list[Any]]:
    """The JSON form of a file's index entries (``None`` for an invalid claim)."""
    invalid = [n for n, e in enumerate(entries) if e is None]
    rows = [e if e is not None else ("", "", None, "") for e in entries]
    out: dict[str, list[Any]] = {"invalid": invalid}
    for i, name in enumerate(_COLUMNS):
        out[name] = [row[i] for row in rows]
    return out


def decode_index(data: Any) -> ClaimIndex:
    """The index ``encode_index`` made, checked; raises ``ValueError`` for anything else."""
    if type(data) is not dict:
        raise ValueError("claim index is not a mapping")
    subjects, props, values, hedges, invalid = (
        data[name] for name in (*_COLUMNS, "invalid")
    )  # a KeyError (a miss) when one is not there
    columns = (subjects, props, values, hedges, invalid)
    if any(type(c) is not list for c in columns):
        raise ValueError("claim index column is not a list")
    n = len(subjects)
    if not len(props) == len(values) == len(hedges) == n:
        raise ValueError("claim index columns differ in length")
    texts = (subjects, props, hedges)
    if not all(_TEXT.issuperset(map(type, c)) for c in texts):
        raise ValueError("claim index text column holds something else")
    if not _INT.issuperset(map(type, invalid)) or len(set(invalid)) != len(invalid):
        raise ValueError("claim index invalid claims are not distinct numbers")
    if invalid and (min(invalid) < 0 or max(invalid) >= n):
        raise ValueError("claim index invalid claim out of range")
    kinds = set(map(type, values))
    if not _VALUE.issuperset(kinds):
        raise ValueError("claim index value of another type")
    if list in kinds:  # a date range (one claim in twenty): two dates, text or numbers
        values = list(values)  # a copy: what was given is left as it was
        for n in compress(count(), map(is_, map(type, values), repeat(list))):
            values[n] = _date_range(values[n])
    return ClaimIndex(
        tuple(subjects), tuple(props), tuple(values), tuple(hedges), frozenset(invalid)
    )


def _date_range(value: list[Any]) -> tuple[str | int, str | int]:
    first, last = value  # a ValueError (a miss) unless two
    if type(first) not in (str, int) or type(last) not in (str, int):
        raise ValueError(f"bad index value {value!r}")
    return first, last
