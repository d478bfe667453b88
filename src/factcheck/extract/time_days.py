"""A clock time's day: the day written with it ("March 15 at 5:26 p.m.", "10:03 a.m. ET on
March 17"), earlier in its sentence, or the day the text is at (a timeline's heading).

Split out of :mod:`factcheck.extract.draft`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from factcheck.extract.dates import DATE_HEDGES
from factcheck.extract.mention import Mention, with_changes
from factcheck.extract.times import Clock, find_times

__all__ = ["times_on_days"]


def _day_of(seen: str, dates: list[Mention], at: int) -> Mention | None:
    """The day of the time at ``at``: a day written right after it ("10:03 a.m. ET on
    March 17"), else the last day before it in the sentence."""
    after = [d for d in dates if d.precision == "day" and at < d.start <= at + 50]
    if after and _DAY_AFTER_TIME.fullmatch(seen, at, after[0].start):
        return after[0]
    before = [d for d in dates if d.end <= at and d.precision == "day"]
    return before[-1] if before else None


def times_on_days(
    seen: str,
    start: int,
    end: int,
    dates: list[Mention],
    day: date | None,
    zones: tuple[Clock | None, tuple[str, str] | None],
    *,
    ahead: bool = False,
) -> tuple[list[Mention], set[int]]:
    """Clock times on their day, with notes saying where the day came from, and the starts
    of the dates folded into a time ("March 15 at 5:26 p.m.", "5:26 p.m. on March 15")."""

    def day_at(at: int) -> date | None:
        found = _day_of(seen, dates, at)
        return date.fromisoformat(str(found.value)) if found else day

    times = find_times(seen, start, end, day_at, *zones)
    folded: set[int] = set()
    for i, t in enumerate(times):
        h = next((hedge for r, hedge in DATE_HEDGES if r.search(seen, start, t.start)), None)
        own = _day_of(seen, dates, t.start)
        notes = [t.note] if t.note else []
        if own is not None and (
            own.start > t.start or _JOINS_TIME.fullmatch(seen, own.end, t.start)
        ):
            folded.add(own.start)  # the day is part of the time
            notes.append(f"day from {own.text!r}")
        elif own is not None:
            notes.append(f"day from {own.text!r}, earlier in the sentence")
        elif day is not None and ahead:
            notes.append(f"day {day}, the day to come the text named before it")
        elif day is not None:
            notes.append(f"day {day} from the last date before it in the text")
        t = with_changes(t, hedge=h) if h and t.hedge == "exact" else t
        # "on Friday, at 10 a.m.", or a day to come: no day a timeline's later entries are at
        to_come = own.flags & {"ahead"} if own else frozenset({"ahead"} if ahead else ())
        times[i] = with_changes(t, flags=t.flags | to_come, note="; ".join(notes) or None)
    return times, folded


# Between a day and a time that falls on it: "March 15 at 5:26", "March 15, 5:26", "March
# 15 before noon", "March 15 between 6:45 and 6:48".
_JOINS_TIME: Final = re.compile(
    r"(?:\s*,)?\s*(?:at|on|from|between|before|after|around|about|by|\(|[-\u2013\u2014])?"
    r"(?:\s*(?:approximately|about|around|roughly|nearly|almost|just))?\s*",
    re.IGNORECASE,
)
# From a time to the day written right after it: "10:03 a.m. ET on March 17", "5 p.m.,
# Sunday, March 16", "9:30 p.m. May 9" (the time, its zone, then "on", a comma or a space).
_DAY_AFTER_TIME: Final = re.compile(
    r"[\d:.\s]*(?:[ap]\.?\s?m\.?|noon|midnight)?\s*(?:\(?[A-Z]{2,4}\)?|local\s+time\)?)?"
    r"(?:\s*\([\d:.\sapm]+(?:[A-Z]{2,4}|local\s+time)\))?"  # "09:18 UTC (04:18 local time)"
    r"\s*(?:,\s*|\s+(?:on\s+)?)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
    re.IGNORECASE,
)
