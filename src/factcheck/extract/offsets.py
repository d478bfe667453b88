"""Time offsets: "about five years later", "A day later", "Two years after dropping out".

"N years later" says when something happened, counted from the date the narrative was at:
"sent to the U.S. around 2011 ... He met her about five years later" is 2016, and "on
Friday, March 14, Trump invoked the act. A day later, a judge blocked it" is March 15. Such
an offset is resolved against the last date before it (in its sentence, else the narrative's
last date), to that date's precision or the offset's unit, whichever is coarser, and noted;
"about", "around", "roughly" or "some" before it make it approximate (hedge ``about``).
Resolved or not, its count is no figure of its own: "five" in "five years later" counts no
thing a fact file records, and neither does "Two" in "Two years after dropping out of the
race" at the start of a sentence, where nothing before says from when. Minutes and hours
are left to the clock-time readers: an offset of a time needs the time's day and zone.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.dates import relative_mention, shift
from factcheck.extract.mention import Mention, with_changes
from factcheck.extract.number_words import CARDINALS, count

__all__ = ["find_offset_dates", "offset_spans"]

_COUNT: Final = rf"(?P<n>\d{{1,2}}|an?|{'|'.join(sorted(CARDINALS, key=len, reverse=True))})"
_UNIT: Final = r"(?P<unit>day|week|month|year|decade)s?"
_OFFSET_RE: Final = re.compile(
    rf"(?P<hedge>\b(?:about|around|roughly|approximately|some)\s+)?\b{_COUNT}\s+{_UNIT}\s+"
    r"(?P<dir>later|earlier)\b",
    re.IGNORECASE,
)
# "Two years after dropping out", "Six months before the vote": an offset opening its
# sentence, from an event the sentence names; not "He served two years after ..."
_OPENING_RE: Final = re.compile(
    rf"(?P<hedge>(?:About|Around|Roughly|Some)\s+)?{_COUNT}\s+{_UNIT}\s+(?P<dir>after|before)\b",
    re.IGNORECASE,
)
_PRECISION: Final = {"day": 10, "week": 10, "month": 7, "year": 4, "decade": 4}


def offset_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where time offsets are written in ``text[start:end]``: no count is read there."""
    spans = [m.span() for m in _OFFSET_RE.finditer(text, start, end)]
    opening = _OPENING_RE.match(text, start, end)
    return [*spans, opening.span()] if opening else spans


def find_offset_dates(
    text: str, start: int, end: int, dates: list[Mention], previous: Mention | None
) -> list[Mention]:
    """The dates "N units later" or "earlier" says in ``text[start:end]``, counted from the
    last date before each (in ``dates``, else ``previous``); none without such a date."""
    out: list[Mention] = []
    for m in _OFFSET_RE.finditer(text, start, end):
        before = [d for d in dates if d.end <= m.start() and _plain(d)]
        ref = before[-1] if before else previous
        if ref is None or not _plain(ref):
            continue
        n, unit = count(m["n"]), m["unit"].casefold()
        n *= -1 if m["dir"].casefold() == "earlier" else 1
        base = str(ref.value)[: min(len(str(ref.value)), _PRECISION[unit])]
        steps = {"week": (7 * n, "day"), "decade": (10 * n, "year")}.get(unit, (n, unit))
        value = shift(base, steps[1], steps[0]) if len(base) >= _PRECISION[steps[1]] else None
        if value is None:
            continue
        precision = {4: "year", 7: "month", 10: "day"}[len(value)]
        note = f"{m.group()!r} counted from {ref.text!r} ({ref.value}), the last date before it"
        mention = relative_mention(m, value, precision, note)
        out.append(with_changes(mention, hedge="about") if m["hedge"] else mention)
    return out


def _plain(d: Mention) -> bool:
    """A date an offset can count from: one day, month or year, not a span or a time."""
    return isinstance(d.value, str) and len(d.value) in (4, 7, 10) and "ambiguous" not in d.flags
