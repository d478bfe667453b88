"""Ranges of days written with a dash: "April 5-7, 2025" (an en dash as often), "5-7 April";
and spans of months ("in March and April", "from June to August 2024").

A timeline heading "April 5-7, 2025" says that what follows happened on some day of the
three: one span of days (hedge ``between``, precision ``days``, as "between Monday and
Thursday" in :mod:`factcheck.extract.relative_days`), not the date "April 5", a count of 7
and the year 2025. The second day must come after the first ("March 3-2" is a score or a
vote, not a range), and the dash must not run on into a clock time ("April 5 - 7 p.m."
is a day and a time). A range written without its year takes the publication's, as "April
14" does, and the note says so; without a publication date it is left out.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from factcheck.domain.values import PartialDate
from factcheck.extract.dates import MONTHS, day_number
from factcheck.extract.mention import Mention
from factcheck.extract.relative_days import RANGE

__all__ = ["find_day_ranges"]

_MONTH: Final = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY: Final = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR: Final = r"(?:1[5-9]\d\d|20\d\d)"
_DASH: Final = r"\s*[-\u2013]\s*"
# not the start of a clock time, a longer figure or a decimal after the second day
_ENDS: Final = r"(?![-\u2013:.,]?\d|\s*(?:[ap]\.?\s?m\b|[AP]\.?\s?M\b))"
_RANGES: Final = (
    re.compile(
        rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY}){_DASH}(?P<d2>{_DAY})\b"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?{_ENDS}"
    ),
    re.compile(
        rf"(?<![\d.,:])\b(?P<d>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
    ),
)


# "in March and April", "from June to August 2024": a span of months (one reading, not
# "March" alone and April lost); not "March and April 14" (a month, then a day)
_MONTHS_RE: Final = re.compile(
    rf"\b(?:in|from|between)\s+(?P<m>{_MONTH})\s+(?:and|to|through|until)\s+(?P<m2>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR})\b)?(?!\s*\d)"
)


def find_day_ranges(
    text: str, start: int, end: int, published: PartialDate | None
) -> list[Mention]:
    """The ranges of days written with a dash in ``text[start:end]``, each a span of two
    days (hedge ``between``); in reading order."""
    out: list[Mention] = []
    for pattern in _RANGES:
        for m in pattern.finditer(text, start, end):
            if any(m.start() < o.end and o.start < m.end() for o in out):
                continue
            mention = _range(m, published)
            if mention is not None:
                out.append(mention)
    out += [r for m in _MONTHS_RE.finditer(text, start, end) if (r := _months(m, published))]
    return sorted(out, key=lambda r: r.start)


def _months(m: re.Match[str], published: PartialDate | None) -> Mention | None:
    """ "in March and April": the months from the first to the second of one year (the
    one written, else the publication's), hedge ``between``."""
    first, last = MONTHS[m["m"].rstrip(".")], MONTHS[m["m2"].rstrip(".")]
    year = int(m["y"]) if m["y"] else published.year if published else None
    if year is None or last <= first:
        return None
    note = f"a span of months written {m.group()!r}: drafted as a span, hedge between"
    if not m["y"]:
        note += f"; no year written, taken from the publication date ({year})"
    return Mention(
        "date",
        m.start(),
        m.end(),
        m.group(),
        (f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}"),
        hedge="between",
        precision="month",
        flags=frozenset() if m["y"] else frozenset({"relative"}),
        note=note,
    )


def _range(m: re.Match[str], published: PartialDate | None) -> Mention | None:
    first, last = day_number(m["d"]), day_number(m["d2"])
    if last <= first:
        return None
    notes = [f"a range of days written {m.group()!r}: drafted as a span, hedge between"]
    year = int(m["y"]) if m["y"] else None
    if year is None:
        if published is None:
            return None
        year = published.year
        notes.append(f"{m.group()!r} gives no year; year taken from the publication date")
    month = MONTHS[m["m"].rstrip(".")]
    try:
        low, high = date(year, month, first), date(year, month, last)
    except ValueError:  # "February 28-30"
        return None
    return Mention(
        "date",
        m.start(),
        m.end(),
        m.group(),
        (low.isoformat(), high.isoformat()),
        hedge="between",
        precision=RANGE,
        flags=frozenset() if m["y"] else frozenset({"relative"}),
        note="; ".join(notes),
    )
