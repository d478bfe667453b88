"""Datelines: when a text was published, written at its top, is no claim of the text.

"Tue 4th Feb, 2025" alone on a line, "date 2025-02-04" before the headline, "2/4/2025 2 min
read", "Published: March 3, 2025": the date says when the source appeared (its
``published``), not what happened then. A dateline is a date near the top of the text
whose line holds nothing else but dateline words (published, updated, a weekday, a reading
time, a byline's "By ..."), or that opens the text or its line with such a word before it.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.dates import find_dates

__all__ = ["dateline_spans"]

#: Characters at the top of a text where a dateline may stand.
WINDOW: Final = 600
_WORDS: Final = re.compile(
    r"(?:\s|[,:|\u2022\u00b7-]|\b(?:date|dated|published|updated|posted|last|on|at|mon|tue|wed|"
    r"thu|fri|sat|sun)[a-z]*\.?\b|\b\d+\s*min(?:ute)?s?\s+read\b|\b(?:[ap]\.?m\.?|[A-Z]{2,4})\b"
    r"|\d{1,2}:\d{2})*",
    re.IGNORECASE,
)
_LEAD: Final = re.compile(r"\s*(?:date|dated|published|updated|posted)\s*:?\s*$", re.IGNORECASE)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the dateline dates at the top of ``text``."""
    top = min(len(text), WINDOW)
    spans = []
    for d in find_dates(text, 0, top, None):
        if d.precision not in ("day", "time") and "ambiguous" not in d.flags:
            continue
        lo = text.rfind("\n", 0, d.start) + 1
        hi = text.find("\n", d.end)
        hi = len(text) if hi < 0 else hi
        alone = _WORDS.fullmatch(text, lo, d.start) and _WORDS.fullmatch(text, d.end, hi)
        if alone or _LEAD.fullmatch(text, lo, d.start):
            spans.append((d.start, d.end))
    return spans
