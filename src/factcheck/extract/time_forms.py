"""How clock times are written: "5:26 p.m.", "18:45 GMT", "Kick Off 18.00", and the zone
written after them, as patterns; :mod:`factcheck.extract.times` makes them mentions.

Split out of :mod:`factcheck.extract.times`. A 24-hour time written with a dot and no
zone ("kick off at 17.35", British, Australian and European usage) reads like a decimal
("5.3 percent", "$18.40"), so it is a time only after a word that says when ("at", "by",
"until", "just after", "Kick Off") or right after another such time on its line ("Kick Off
18.00 Actual 18.07", "17.35 and 18.00"); see :func:`clock_matches`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from factcheck.extract.dates import MONTHS
from factcheck.extract.zone_names import TIMED_NAMES, ZONE_ABBREVIATIONS

__all__ = [
    "DOCUMENT_ZONE",
    "PLACE_TIME",
    "SPLIT_RE",
    "TIME_RE",
    "ZONE_AFTER",
    "ZONE_WORD",
    "clock_matches",
]

ZONE_WORD: Final = (
    r"(?P<z>(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Daylight|Standard))?|"
    r"(?:" + TIMED_NAMES + r")(?=\s+[Tt]ime\b)|" + "|".join(ZONE_ABBREVIATIONS) + r"|local)"
    r"(?:\s+(?:Daylight\s+|Standard\s+)?[Tt]ime)?(?![\w])"
    # not "Central American"; an abbreviation may be followed by a name ("3:40 p.m. PT Sunday")
    r"(?!(?<=[a-z])\s+[A-Z][a-z])"
)
# A zone written as a 24-hour time says it: an abbreviation, a name ending in "Time", or
# "hours" ("0430 GMT", "1359 Atlantic Daylight Time", "1400 hours"); "1959 Pacific" is a year.
_ZONE_AHEAD: Final = (
    r"(?=\s*\(?(?:(?:" + "|".join(ZONE_ABBREVIATIONS) + r"|[Hh]ours)\b|[A-Z][a-z]+\s+"
    r"(?:[A-Z][a-z]+\s+)?(?:[A-Z][a-z]+\s+)?[Tt]ime\b|local\s+time\b))"
)
DOCUMENT_ZONE: Final = re.compile(
    r"\b(?:[Aa]ll\s+times|[Tt]imes)\s+(?:are\s+|in\s+|listed\s+(?:are\s+|in\s+)?)?"
    r"(?:in\s+)?(?:the\s+)?"
    + ZONE_WORD
    # "all Eastern Daylight Time:" says it too, where the zone ends the phrase
    + r"|\b[Aa]ll\s+"
    + ZONE_WORD.replace("?P<z>", "?P<z2>")
    + r"(?=\s*(?:[:.;,)\]]|$))",
    re.MULTILINE,
)
# "5 P. M.": a space inside the abbreviation, as some wire copy sets it
_AMPM: Final = r"(?P<ap{n}>[ap]\.\s?m\.?|[ap]m\b|[AP]M\b|[AP]\.\s?M\.?)"
# "5:26 p.m.", "1.24am" (a dot, as British and Australian papers write), "1:24:33 a.m."
_HM: Final = (
    r"(?P<h{n}>1[0-2]|0?[1-9])(?:[:.](?P<m{n}>[0-5]\d)(?:[:.](?P<s{n}>[0-5]\d))?)?"
    r"(?(m{n})|(?![.:]\d))"
)
# "13:14" is a time whatever follows; "18.45" and "18h45" only before a zone ("18.45 GMT");
# four digits ("0430", military and official reports) before a zone or with seconds
# ("1358:51", as transport safety boards write the second of an event).
# What follows a figure and not a time: "5.30 percent", "18.40 km", "12.50 a share".
_NOT_A_QUANTITY: Final = (
    r"(?!\s*(?:%|\u00b0|per\b|percent|points?\b|pts\b|a\s+share|(?:thousand|million|billion|"
    r"trillion|degrees?|metres?|meters?|miles?|seconds?|minutes?|years?|km|kg|mi|mph|cm|mm|m|s|"
    r"lbs?|ft|g)\b))"
)
_H24: Final = (
    # "14:43:59 CT": seconds only before a zone ("won in 2:06:17" is how long it took)
    r"(?P<H{n}>[01]?\d|2[0-3])(?::(?P<M{n}>[0-5]\d)(?::(?P<T{n}>[0-5]\d)"
    + _ZONE_AHEAD
    + r")?(?![\d:])"
    r"|[.h](?P<N{n}>[0-5]\d)"
    + _ZONE_AHEAD
    + r")|(?P<K{n}>[01]\d|2[0-3])(?P<L{n}>[0-5]\d)(?::(?P<S{n}>[0-5]\d)(?![\d:])|"
    + _ZONE_AHEAD
    + r"(?![\d:])"
    # "At 0956, Reno reported": a leading zero after "at" is no year and no count
    + r"|(?<=\b[Aa]t\s0\d\d\d)(?![\d:]|[.,]\d))"
    # "kick off at 17.35", "Kick Off 18.00 Actual 18.07": a 24-hour time with a dot and no
    # zone; a time only where a time word or another such time is before it (clock_matches)
    + r"|(?<![$\u20ac\u00a3\u00a5])(?P<D{n}>[01]\d|2[0-3])\.(?P<E{n}>[0-5]\d)(?![\d:]|[.,]\d)"
    + _NOT_A_QUANTITY
)
# The zone after a time, after its day ("9:30 p.m. May 9, California local time") and
# after the place whose local time it is.
_DAY_BETWEEN: Final = (
    r"\s*\(?(?:,?\s*(?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\s*,\s*)?"
)
ZONE_AFTER: Final = re.compile(
    _DAY_BETWEEN
    + r"(?:(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?=local\s+time))?"
    + ZONE_WORD
    + r"\)?"
)
# "3 a.m. on March 16, Hanoi time", "9 p.m. (Kyiv local time)": a place's time named by
# the place; kept only where the place has one zone (see _place_zone).
PLACE_TIME: Final = re.compile(
    _DAY_BETWEEN + r"(?P<place>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2})\s+(?:local\s+)?time\b\)?"
)
# "through the first 5K in 14:21": minutes and seconds after "in", with no a.m. or p.m. and
# no zone, are how long something took, not when it happened; so is a margin ("trailing by
# 2:21", "won by 0:45").
SPLIT_RE: Final = re.compile(
    r"(?:\b[Ii]n|\b(?:trail\w*|lead\w*|led|won|wins|ahead|behind|beat\w*)\s+by)\s+(?P<d>(?P<mm>[0-5]?\d):(?P<ss>[0-5]\d))(?![\d:]|\.\d)"
    r"(?!\s*(?:[ap]\.?\s?m\b|[AP]M\b|[ap]\.\s?m\.|\(?" + ZONE_WORD + r"))"
)


def _time(n: int, *, need_ampm: bool = True) -> str:
    ampm = _AMPM.format(n=n) + ("" if need_ampm else "?")
    return (
        rf"(?:{_HM.format(n=n)}\s?{ampm}|(?P<w{n}>[Nn]oon|[Mm]idnight)"
        rf"|{_H24.format(n=n)})"
    )


# Not inside a figure ("1.5:30"), but a time glued to the sentence before it is one
# ("the Palisades.11:44 a.m.: Nearly an hour later", as timelines lose their line breaks).
_NOT_AFTER: Final = r"(?<![\w:])(?<![^A-Za-z]\.)"
# "Friday, July 5 \u2014 11:25 p.m.": the 5 after a month is its day, not a range's start
_NOT_MONTH_DAY: Final = "".join(
    rf"(?<!\b{re.escape(name)}\s)(?<!\b{re.escape(name)}\.\s)" for name in MONTHS
)
TIME_RE: Final = re.compile(
    _NOT_AFTER
    + r"(?=[\dBbFf])"  # the month checks below only where a range can start: cheap
    + _NOT_MONTH_DAY
    + r"(?:(?P<between>[Bb]etween\s+|[Ff]rom\s+)?"
    + _time(1, need_ampm=False)
    + r"(?:\s*(?P<sep>and|to|[-\u2013\u2014])\s*"
    + _time(2)
    + r"))"
    r"|" + _NOT_AFTER + _time(3)
)


# The word before a dotted time that says it is one: "at 17.35", "by 19.00", "just after
# 17.15", "rescheduled to 18.00", "Kick Off 18.00", "from 10.30".
_WHEN_WORD: Final = re.compile(
    r"\b(?:at|by|after|before|until|till|from|to|around|about|approximately|off|kick-?off|"
    r"kickoff)\s+$",
    re.IGNORECASE,
)
# Between two dotted times on a line: a few words, no figure ("18.00 Actual 18.07").
_BETWEEN_TIMES: Final = re.compile(
    r"[^\S\n]*(?:[,;&]|[A-Za-z]+)?(?:[^\S\n]+[A-Za-z]+){0,2}[^\S\n]*"
)


def clock_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The clock times in ``text[start:end]`` (:data:`TIME_RE`), without the dotted
    24-hour readings ("17.35") that no time word or earlier time on the line vouches for."""
    last_dotted = -1  # where the last dotted time taken ends
    for m in TIME_RE.finditer(text, start, end):
        if m["D1"] is None and m["D3"] is None:
            yield m
            continue
        near = _BETWEEN_TIMES.fullmatch(text, last_dotted, m.start()) if last_dotted >= 0 else None
        if near or _WHEN_WORD.search(text, max(start, m.start() - 20), m.start()):
            last_dotted = m.end()
            yield m
