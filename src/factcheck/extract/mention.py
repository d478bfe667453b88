"""What the stages hand each other: a figure found in the text, where it is, and the
placeholders."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

#: Placeholder subject of a draft claim whose subject the extractor could not tell.
UNIDENTIFIED: Final = "unidentified"
#: Placeholder property of a draft number claim whose property is not clear.
UNREVIEWED_NUMBER: Final = "unreviewed-number"
#: Placeholder property of a draft date claim whose property is not clear.
UNREVIEWED_DATE: Final = "unreviewed-date"


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure found in the text: where it is, what it says, how sure the reading is.

    ``value`` is a number, a ``(low, high)`` pair (hedge ``between``) or, for a date, a
    partial-date string whose length is its precision (a span of two days: a pair of them).
    ``flags`` name what a person must check: ``ambiguous`` (2/4/2025), ``relative``
    (resolved against the publication date), ``word`` (written in words), ``ordinal`` (a
    rank), ``multiplier`` ("doubling"), ``ahead`` (a day to come, after the publication
    date: "there would be a briefing on Friday").
    """

    kind: str  # "quantity" or "date"
    start: int
    end: int
    text: str
    value: float | tuple[float, float] | tuple[str, str] | str
    unit: str | None = None
    hedge: str = "exact"
    precision: str | None = None  # dates: year, month or day
    flags: frozenset[str] = frozenset()
    note: str | None = None
    label: str | None = None  # infobox or table label the value was glued to


def with_changes(m: Mention, **changes: Any) -> Mention:
    fields = {f: getattr(m, f) for f in Mention.__slots__}
    fields.update(changes)
    return Mention(**fields)


def overlaps(m: Mention, others: list[Mention]) -> bool:
    """Whether ``m`` shares any character with one of ``others``."""
    return any(m.start < o.end and o.start < m.end for o in others)


#: Entities named in a sentence: (start, end, entity id).
Found = list[tuple[int, int, str]]


@dataclass(frozen=True)
class Place:
    """Where the figure is: its text, sentence, offsets and what was said before it."""

    text: str
    sent: tuple[int, int]
    at: int
    end: int | None = None  # end of a counted figure (a quantity); None for dates
    prop: str | None = None
    earlier: Found | None = None
    last: str | None = None  # the subject chosen for the figure before, for "it"
    recent: tuple[int, str] | None = None  # where the last subject was chosen, and which
    day: str | None = None  # a date's value, ISO to the day at most ("2019", "2025-03-12")
    restates: str | None = None  # the subject of the figure this one says again, otherwise


def figure(
    m: re.Match[str], value: float, unit: str | None, flag: str, note: str, group: int | str = 0
) -> Mention:
    """A quantity read from a whole match, or from one named group of it."""
    return Mention(
        "quantity",
        m.start(group),
        m.end(group),
        m.group(group),
        value,
        unit,
        flags=frozenset({flag}),
        note=note,
    )
