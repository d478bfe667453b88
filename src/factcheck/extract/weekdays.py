"""Weekdays said alone ("Sunday morning", "last Friday", "9 a.m. Friday"): the day of the
week around the publication date that the sentence means.

A news story's weekday is within a week of its date: the latest such day on or before it,
unless the sentence speaks of what is to come ("will continue Saturday", "there would be
a conference on Friday", "were ordered to appear at 9 a.m. Friday"), when it is the first
on or after it. A day to come is flagged ``ahead``: a timeline's account has not reached
it, so it is no day for the entries that follow.

Split out of :mod:`factcheck.extract.dates`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

from factcheck.domain.values import PartialDate
from factcheck.extract.dates import MONTHS, WEEKDAY_INDEX
from factcheck.extract.mention import Mention
from factcheck.extract.tense import speaks_ahead

__all__ = ["WEEKDAY_RE", "find_weekday_dates"]

_MONTH: Final = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
WEEKDAY_RE: Final = re.compile(
    r"\b(?:(?P<rel>last|next|this)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b"
    # "Friday, March 14" is a date already; "Sunday 9:38 a.m." is a weekday and a time
    rf"(?!,?\s+(?:the\s+)?(?:\d(?!\d?(?:[:.]\d\d|\s*[ap]\.?\s?m\b))|{_MONTH}))",
)


def find_weekday_dates(
    text: str,
    start: int,
    end: int,
    published: PartialDate | None,
    said: str = "",
    to_come: Mapping[int, date] | None = None,
) -> list[Mention]:
    """Weekdays said alone ("Sunday morning", "last Friday"), resolved against a
    publication date known to the day: the latest such weekday on or before it ("next":
    the first after it). The note says so, naming the date as ``said`` (default: the
    publication date); without such a date they are left out. ``to_come``: the days to
    come the text named before, by weekday (0 is Monday); a weekday said alone again is
    that day ("will close streets on Sunday morning" ... "Sunday also is the first
    day")."""
    if published is None or published.day is None or published.month is None:
        return []
    base = date(published.year, published.month, published.day)
    out: list[Mention] = []
    for m in WEEKDAY_RE.finditer(text, start, end):
        target = WEEKDAY_INDEX[m["wd"][:3].casefold()]
        rel = (m["rel"] or "").casefold()
        future = speaks_ahead(text, start, m.start())
        again = (to_come or {}).get(target) if not rel else None
        day = again or _resolved(base, target, rel, future=bool(future))
        why = (
            f", the {m['wd']} to come the text named before"
            if again is not None
            else ", ahead of it: the sentence speaks of what is to come"
            if future
            else ""
        )
        out.append(
            Mention(
                "date",
                m.start(),
                m.end(),
                m.group(),
                day.isoformat(),
                precision="day",
                # "ahead": a day to come, which a timeline's account has not reached
                flags=frozenset({"relative", "ahead"} if day > base else {"relative"}),
                note=f"relative date {m.group()!r} resolved against "
                f"{said or 'the publication date'} {published} ({base:%A}){why}",
            )
        )
    return out


def _resolved(base: date, target: int, rel: str, *, future: bool) -> date:
    """The weekday ``target`` (0 is Monday) said around ``base``: "next" the first after
    it, a sentence to come the first on or after it, else the latest on or before it
    ("last": before it)."""
    if rel == "next":
        return base + timedelta(days=(target - base.weekday() - 1) % 7 + 1)
    if future and not rel:
        return base + timedelta(days=(target - base.weekday()) % 7)
    back = (base.weekday() - target) % 7
    return base - timedelta(days=back or (7 if rel == "last" else 0))
