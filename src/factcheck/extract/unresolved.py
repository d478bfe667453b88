"""What a sentence holds that drafting could not read: the draft lists it at its end."""

from __future__ import annotations

from factcheck.domain.values import PartialDate
from factcheck.extract.dates import DATE_PATTERNS, RELATIVE_PATTERNS
from factcheck.extract.mention import Mention
from factcheck.extract.times import time_spans
from factcheck.extract.weekdays import WEEKDAY_RE

__all__ = ["unresolved"]


def unresolved(
    text: str, sent: tuple[int, int], mentions: list[Mention], pub: PartialDate | None
) -> list[str]:
    """What in the sentence could not be drafted: times without a day, weekdays and
    relative dates without the publication date they need."""
    s_start, s_end = sent
    sentence = text[s_start:s_end]
    starts = {m.start for m in mentions}
    out = [
        f"time {text[a:b]!r} in {sentence!r}: no date before it gives its day"
        for a, b in time_spans(text, s_start, s_end)
        if a not in starts
    ]
    if pub is None or pub.day is None:
        out += [
            f"{m.group()!r} in {sentence!r}: give --published (to the day) to resolve it"
            for m in WEEKDAY_RE.finditer(text, s_start, s_end)
        ]
    if pub is None:
        out += [
            f"{m.group()!r} in {sentence!r}: give --published to resolve it"
            for name, pattern in DATE_PATTERNS
            if name in RELATIVE_PATTERNS
            for m in pattern.finditer(text, s_start, s_end)
        ]
    return out
