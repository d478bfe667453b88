"""How long something took: "2:06:17", "in 14:21", "2 hours, 39 minutes".

A duration is one figure, not a count of each of its units. Written with colons it is in
seconds ("won in 2:06:17" is 7,577 s; minutes and seconds only after "in" or a margin's
"by", see :data:`~factcheck.extract.time_forms.SPLIT_RE`); hours, minutes and seconds
before a zone or a.m./p.m. are a clock time instead ("14:43:59 CT"). Said in its units it
is in the smallest of them, as a reader writes it down: "2 hours, 39 minutes" is 159
minutes, "8 minutes and 31 seconds" 511 seconds, "41 hours and four minutes" 2,464 minutes
and "a six-hour 34-minute spacewalk" 394.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.mention import Mention, figure
from factcheck.extract.number_words import CARDINALS, cardinal
from factcheck.extract.time_forms import SPLIT_RE, ZONE_WORD

__all__ = ["find_durations"]

# "won in 2:06:17": hours, minutes and seconds, but not a clock time's (before a.m., p.m.
# or a zone: "14:43:59 CT")
_COLONS_RE: Final = re.compile(
    r"(?<![\w:.])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])"
    r"(?!\s*(?:[ap]\.?\s?m\b|[AP]M\b|[ap]\.\s?m\.|\(?" + ZONE_WORD + r"))"
)
# "a winning time of 2 hours, 27 minutes, 20 seconds", "3 hours and 5 minutes": a duration
# said in two or three of its units, largest first, is one figure, not a count of each
# (in digits, "967 hours", or in words, "four minutes", "a six-hour 34-minute spacewalk")
_NUMBER: Final = (
    r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + r"(?:(?:"
    + "|".join(sorted((w for w in CARDINALS if w.endswith("ty")), key=len, reverse=True))
    + r")-)?(?:"
    + "|".join(sorted(CARDINALS, key=len, reverse=True))
    + ")"
)
_PART: Final = r"(?P<{g}>" + _NUMBER.replace("{", "{{").replace("}", "}}") + r")[\s-]+(?:{w})\b"
_AND: Final = r"(?:,?\s+(?:and\s+)?)"
_SPOKEN_RE: Final = re.compile(
    r"(?<![\w.,])(?:"
    + _PART.format(g="h", w="hours?|hrs?")
    + _AND
    + _PART.format(g="m", w="minutes?|mins?")
    + "(?:"
    + _AND
    + _PART.format(g="s", w="seconds?|secs?")
    + ")?|"
    + _PART.format(g="m2", w="minutes?|mins?")
    + _AND
    + _PART.format(g="s2", w="seconds?|secs?")
    + ")",
    re.IGNORECASE,
)


def find_durations(text: str, start: int, end: int) -> list[Mention]:
    """The durations in ``text[start:end]``: "2:06:17", "in 14:21" (in seconds), "2 hours,
    39 minutes" (in the smallest unit said)."""
    splits = [
        figure(
            m,
            float(int(m["mm"]) * 60 + int(m["ss"])),
            "s",
            "duration",
            f"a duration, minutes:seconds after 'in': {m['d']!r}",
            "d",
        )
        for m in SPLIT_RE.finditer(text, start, end)
    ]
    return (
        splits
        + [
            figure(
                m,
                float(int(m["h"]) * 3600 + int(m["m"]) * 60 + int(m["s"])),
                "s",
                "duration",
                f"a duration, hours:minutes:seconds: {m.group()!r}",
            )
            for m in _COLONS_RE.finditer(text, start, end)
        ]
        + [_spoken_duration(m) for m in _SPOKEN_RE.finditer(text, start, end)]
    )


def _spoken_duration(m: re.Match[str]) -> Mention:
    """ "2 hours, 39 minutes" is 159 minutes, "8 minutes and 31 seconds" 511 seconds: a
    duration said in several units is one figure in the smallest of them, as a reader
    would write it down (hours and minutes in seconds would be a number no one said)."""
    minutes = _number(m["h"] or "0") * 60 + _number(m["m"] or m["m2"])
    seconds = m["s"] or m["s2"]
    if seconds is None:
        value, unit, said = minutes, "minutes", "in minutes"
    else:
        value, unit, said = minutes * 60 + _number(seconds), "s", "in seconds"
    note = f"a duration in its units, {said}: {m.group()!r}"
    return figure(m, round(value, 10), unit, "duration", note)


def _number(said: str) -> float:
    """A part's figure: digits ("967", "1,200", "2.5") or a number word ("four")."""
    word = cardinal(said)
    return float(word) if word is not None else float(said.replace(",", ""))
