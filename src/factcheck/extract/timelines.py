"""Timelines: the day a time under a heading falls on, when the entries pass midnight.

A timeline writes its day once, in a heading ("— Friday, July 5 — 11:25 p.m. EDT"), and
its later entries only as times ("— 11:30 p.m. EDT", "— Midnight"); each entry's day is the
heading's (see :mod:`factcheck.extract.draft`). "Midnight" right after an evening entry of
that day is where the night turns: the next day's 00:00, as a reader of the timeline takes
it, not the 00:00 that began the heading's day 23 hours before. Only "midnight" moves, and
only when its day was carried from an earlier entry: a time whose own sentence gives its
day ("midnight on July 5") stays on that day, and other times earlier than the entry before
them may be told out of order ("Earlier, at 10 a.m.").
"""

from __future__ import annotations

from datetime import date, timedelta

from factcheck.extract.mention import Mention, with_changes

__all__ = ["past_midnight"]


def past_midnight(
    mentions: list[Mention], before: Mention | None
) -> tuple[list[Mention], Mention | None]:
    """``mentions`` with a carried-day "midnight" that follows an afternoon or evening time
    of the same day (``before``, the last zoned time of the text so far, or one earlier in
    these mentions) moved to the next day; and the last zoned time after them."""
    out: list[Mention] = []
    for m in mentions:
        if before is not None and _turns_the_night(m, before):
            value = str(m.value)
            day = date.fromisoformat(value[:10]) + timedelta(days=1)
            note = f"{m.text!r} after {before.text!r} on {value[:10]}: the next day's 00:00"
            m = with_changes(m, value=day.isoformat() + value[10:], note=_join(m.note, note))
        if "time" in m.flags and m.precision == "time":
            before = m
        out.append(m)
    return out, before


def _turns_the_night(m: Mention, before: Mention) -> bool:
    if m.precision != "time" or not m.text.strip().casefold().startswith("midnight"):
        return False
    if "day from '" in (m.note or ""):  # its own sentence gives the day
        return False
    value, last = str(m.value), str(before.value)
    return value[:10] == last[:10] and int(last[11:13]) >= 12


def _join(note: str | None, more: str) -> str:
    return f"{note}; {more}" if note else more
