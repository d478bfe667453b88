"""Clock times: "5:26 p.m.", "noon", "18:45 GMT", ranges, and the zone the text gives them.

A time becomes an ISO timestamp with its UTC offset (``2025-03-15T17:26-04:00``), the form
fact files accept, only when the text gives both its day (a date in the same sentence, or
the last day-precision date before it, as in a timeline's headings) and its zone (after the
time, or a statement such as "All times are Eastern Time"; "local time" is the zone of the
place the text names, see :mod:`factcheck.extract.local_zones`). Missing either, the time is
kept as the day it falls on (or dropped, without a day) and the note says what is missing:
a zone is never assumed. Zone names are resolved with the IANA database (``zoneinfo``), so
"Eastern Time" in March is -04:00 or -05:00 depending on the day.

A range ("between 6:45 p.m. and 6:48 p.m.", "5:26 - 5:44 p.m.") is drafted as its start
with hedge ``not-before``; the format has no time ranges yet, so the end is in the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from factcheck.extract.mention import Mention

__all__ = ["Clock", "document_zone", "find_times", "time_spans"]

# Zone words -> IANA name, or a fixed offset in hours (abbreviations that name one).
_ZONE_NAMES: Final[dict[str, str | float]] = {
    "eastern": "America/New_York",
    "et": "America/New_York",
    "eastern daylight": -4,
    "edt": -4,
    "eastern standard": -5,
    "est": -5,
    "central": "America/Chicago",
    "ct": "America/Chicago",
    "cdt": -5,
    "cst": -6,
    "mountain": "America/Denver",
    "mt": "America/Denver",
    "mdt": -6,
    "mst": -7,
    "pacific": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "pdt": -7,
    "pst": -8,
    "gmt": 0,
    "utc": 0,
    "bst": 1,
    "cet": 1,
    "cest": 2,
}
_ZONE_WORD: Final = (
    r"(?P<z>Eastern\s+Daylight|Eastern\s+Standard|Eastern|Central|Mountain|Pacific|"
    r"ET|EDT|EST|CT|CDT|CST|MT|MDT|MST|PT|PDT|PST|GMT|UTC|BST|CEST|CET|local)"
    r"(?:\s+(?:Daylight\s+|Standard\s+)?[Tt]ime)?(?![\w])"
    # not "Central American"; an abbreviation may be followed by a name ("3:40 p.m. PT Sunday")
    r"(?!(?<=[a-z])\s+[A-Z][a-z])"
)
_DOCUMENT_ZONE: Final = re.compile(
    r"\b(?:[Aa]ll\s+times|[Tt]imes)\s+(?:are\s+|in\s+|listed\s+(?:are\s+|in\s+)?)?"
    r"(?:in\s+)?(?:the\s+)?"
    + _ZONE_WORD
    # "all Eastern Daylight Time:" says it too, where the zone ends the phrase
    + r"|\b[Aa]ll\s+"
    + _ZONE_WORD.replace("?P<z>", "?P<z2>")
    + r"(?=\s*(?:[:.;,)\]]|$))",
    re.MULTILINE,
)
_AMPM: Final = r"(?P<ap{n}>[ap]\.\s?m\.?|[ap]m\b|[AP]M\b|[AP]\.M\.?)"
# "5:26 p.m.", "1.24am" (a dot, as British and Australian papers write), "1:24:33 a.m."
_HM: Final = (
    r"(?P<h{n}>1[0-2]|0?[1-9])(?:[:.](?P<m{n}>[0-5]\d)(?:[:.](?P<s{n}>[0-5]\d))?)?"
    r"(?(m{n})|(?![.:]\d))"
)
# "13:14" is a time whatever follows; "18.45" and "18h45" only before a zone ("18.45 GMT")
_H24: Final = (
    r"(?P<H{n}>[01]?\d|2[0-3])(?::(?P<M{n}>[0-5]\d)(?![\d:])|[.h](?P<N{n}>[0-5]\d)"
    r"(?=\s*\(?(?:GMT|UTC|E[DS]?T|C[DS]?T|M[DS]?T|P[DS]?T|BST|CES?T|[Hh]ours|local\s+time)\b))"
)
_ZONE_AFTER: Final = re.compile(r"\s*\(?" + _ZONE_WORD + r"\)?")
# "through the first 5K in 14:21": minutes and seconds after "in", with no a.m. or p.m. and
# no zone, are how long something took, not when it happened.
SPLIT_RE: Final = re.compile(
    r"\b[Ii]n\s+(?P<d>(?P<mm>[0-5]?\d):(?P<ss>[0-5]\d))(?![\d:]|\.\d)"
    r"(?!\s*(?:[ap]\.?\s?m\b|[AP]M\b|[ap]\.\s?m\.|\(?" + _ZONE_WORD + r"))"
)


def _time(n: int, *, need_ampm: bool = True) -> str:
    ampm = _AMPM.format(n=n) + ("" if need_ampm else "?")
    return (
        rf"(?:{_HM.format(n=n)}\s?{ampm}|(?P<w{n}>noon|midnight)"
        rf"|{_H24.format(n=n)})"
    )


_TIME_RE: Final = re.compile(
    r"(?<![\w:.])"
    r"(?:(?P<between>[Bb]etween\s+|[Ff]rom\s+)?"
    + _time(1, need_ampm=False)
    + r"(?:\s*(?:and|to|[-\u2013\u2014])\s*"
    + _time(2)
    + r"))"
    r"|(?<![\w:.])" + _time(3)
)


@dataclass(frozen=True, slots=True)
class Clock:
    """The zone a text gives its times, and where it says so."""

    name: str
    said: str


def document_zone(text: str) -> Clock | None:
    """The zone of a statement such as "All times are Eastern Time", if the text has one."""
    m = _DOCUMENT_ZONE.search(text)
    if m is None:
        return None
    return Clock(re.sub(r"\s+", " ", m["z"] or m["z2"]).casefold(), m.group())


def _zone(name: str, day: date, local: str | None = None) -> tzinfo | None:
    folded = re.sub(r"\s+", " ", name).casefold()
    spec = local if folded == "local" else _ZONE_NAMES.get(folded)
    if spec is None:
        return None
    if isinstance(spec, str):
        try:
            return ZoneInfo(spec)
        except ZoneInfoNotFoundError:  # no tz database on this system: say so, not guess
            return None
    return timezone(timedelta(hours=spec))


HMS = tuple[int, int, int]


def _clock(m: re.Match[str], n: int, ampm: str | None) -> HMS | None:
    word = m[f"w{n}"]
    if word:
        return (12, 0, 0) if word.casefold() == "noon" else (0, 0, 0)
    if m[f"H{n}"]:
        return int(m[f"H{n}"]), int(m[f"M{n}"] or m[f"N{n}"]), 0
    if not m[f"h{n}"]:
        return None
    h, mins, secs = int(m[f"h{n}"]), int(m[f"m{n}"] or 0), int(m[f"s{n}"] or 0)
    if ampm:
        pm = ampm.casefold().startswith("p")
        h = h % 12 + (12 if pm else 0)
    return h, mins, secs


def _stamp(day: date, hm: HMS, zone: tzinfo) -> str:
    local = datetime(day.year, day.month, day.day, *hm, tzinfo=zone)
    offset = local.utcoffset() or timedelta()
    sign = "-" if offset < timedelta() else "+"
    total = abs(int(offset.total_seconds())) // 60
    clock = f"{local:%Y-%m-%dT%H:%M:%S}" if hm[2] else f"{local:%Y-%m-%dT%H:%M}"
    return f"{clock}{sign}{total // 60:02d}:{total % 60:02d}"


def _said(hm: HMS) -> str:
    return f"{hm[0]:02d}:{hm[1]:02d}" + (f":{hm[2]:02d}" if hm[2] else "")


def time_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where clock times are written in ``text[start:end]``, drafted or not."""
    splits = _splits(text, start, end)
    return [m.span() for m in _TIME_RE.finditer(text, start, end) if m.start() not in splits]


def _splits(text: str, start: int, end: int) -> set[int]:
    return {m.start("d") for m in SPLIT_RE.finditer(text, start, end)}


def find_times(
    text: str,
    start: int,
    end: int,
    day_at: Callable[[int], date | None],
    clock: Clock | None,
    local: tuple[str, str] | None = None,
) -> list[Mention]:
    """The clock times in ``text[start:end]``, each on the day ``day_at`` its offset, zoned
    by the text after it or by ``clock``; ``local``: the zone and place "local time" is."""
    out: list[Mention] = []
    splits = _splits(text, start, end)
    for m in _TIME_RE.finditer(text, start, end):
        if m.start() in splits:
            continue  # a duration (see SPLIT_RE), which the number reader reads
        ranged = any(m[g] is not None for g in ("h2", "H2", "w2"))
        first = _clock(m, 1, m["ap1"] or m["ap2"]) if ranged else _clock(m, 3, m["ap3"])
        last = _clock(m, 2, m["ap2"]) if ranged else None
        day = day_at(m.start())
        if first is not None and day is not None:
            out.append(_time_mention(m, end, day, (first, last), clock, local))
    return out


def _time_mention(
    m: re.Match[str],
    end: int,
    day: date,
    hours: tuple[HMS, HMS | None],
    clock: Clock | None,
    local: tuple[str, str] | None,
) -> Mention:
    """A time (or a range's start) on ``day``, with the zone written after it, else the
    document's; kept as its day, and the note says why, when there is no known zone."""
    text, (first, last) = m.string, hours
    notes: list[str] = []
    zone_match = _ZONE_AFTER.match(text, m.end(), end)
    zone_name = zone_match["z"] if zone_match else (clock.name if clock else None)
    span_end = zone_match.end() if zone_match else m.end()
    if zone_match:
        notes.append(f"zone {zone_match['z']!r} given after the time")
    elif clock:
        notes.append(f"zone from {clock.said!r}")
    zone = _zone(zone_name, day, local[0] if local else None) if zone_name else None
    if zone is not None and local and zone_name and zone_name.casefold() == "local":
        notes.append(f"local time of {local[1]}, named in the text ({local[0]})")
    if last is not None:
        notes.append(
            f"a time range, {_said(first)} to {_said(last)}: drafted as its start with "
            "hedge not-before (the format has no time ranges)"
        )
    if zone is None:
        why = (
            "no zone in the text"
            if zone_name is None
            else "the text names no place with one zone for 'local time'"
            if zone_name.casefold() == "local"
            else f"zone {zone_name!r} unknown"
        )
        notes.append(f"the time {_said(first)} is kept as its day: {why}")
        value, precision = day.isoformat(), "day"
    else:
        value, precision = _stamp(day, first, zone), "time"
    return Mention(
        "date",
        m.start(),
        span_end,
        text[m.start() : span_end],
        value,
        hedge="not-before" if last is not None else "exact",
        precision=precision,
        flags=frozenset({"time"}),
        note="; ".join(notes),
    )
