"""Clock times: "5:26 p.m.", "noon", "18:45 GMT", ranges, and the zone the text gives them.

A time becomes an ISO timestamp with its UTC offset (``2025-03-15T17:26-04:00``), the form
fact files accept, only when the text gives both its day (a date in the same sentence, or
the last day-precision date before it, as in a timeline's headings) and its zone (after the
time, or a statement such as "All times are Eastern Time"; "local time" is the zone of the
place the text names, see :mod:`factcheck.extract.local_zones`). Missing either, the time is
kept as the day it falls on (or dropped, without a day) and the note says what is missing:
a zone is never assumed. Zone names are resolved with the IANA database (``zoneinfo``), so
"Eastern Time" in March is -04:00 or -05:00 depending on the day. A zone written after the
times of an account holds for its later times without one ("at 7:36 PM Eastern ... at 6:48
PM"), while it is the only zone the text has written after a time.

Times are written "5:26 p.m.", "1.24am", "13:14", "18.45 GMT", and, as official reports
and militaries write them, "1359 Atlantic Daylight Time", "0430 GMT", "1358:51" (four
digits only before a zone or with seconds: "in 1959" is a year), "14:43:59 CT" (seconds
only before a zone: "won in 2:06:17" is a duration), and "kick off at 17.35"
(a dot and no zone: only after a time word, see :mod:`factcheck.extract.time_forms`, where
the written forms are). "5:26 and 5:42 PM Eastern" is two times sharing the second's p.m.
and zone.

A range ("between 6:45 p.m. and 6:48 p.m.", "5:26 - 5:44 p.m.") is drafted as its start
with hedge ``not-before``; the format has no time ranges yet, so the end is in the note.
A window ("closed from 6:30 a.m. to 7:30 a.m.") is two times, its start and its end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Final

from factcheck.extract.city_zones import city_zone
from factcheck.extract.fact_file import KEPT_AS_DAY
from factcheck.extract.local_zones import place_zone
from factcheck.extract.mention import Mention, with_changes
from factcheck.extract.time_forms import (
    DOCUMENT_ZONE,
    PLACE_TIME,
    SPLIT_RE,
    ZONE_AFTER,
    clock_matches,
)
from factcheck.extract.zone_names import zone_family, zone_named

__all__ = [
    "Clock",
    "WrittenZones",
    "document_zone",
    "find_times",
    "time_spans",
    "writes_zone",
]


@dataclass(frozen=True, slots=True)
class Clock:
    """The zone a text gives its times, and where it says so."""

    name: str
    said: str
    earlier: bool = False  # said of an earlier time in the text, not of all its times


def document_zone(text: str) -> Clock | None:
    """The zone of a statement such as "All times are Eastern Time", if the text has one."""
    m = DOCUMENT_ZONE.search(text)
    if m is None:
        return None
    return Clock(re.sub(r"\s+", " ", m["z"] or m["z2"]).casefold(), m.group())


HMS = tuple[int, int, int]


def _clock(m: re.Match[str], n: int, ampm: str | None) -> HMS | None:
    word = m[f"w{n}"]
    if word:
        return (12, 0, 0) if word.casefold() == "noon" else (0, 0, 0)
    if m[f"H{n}"]:
        return int(m[f"H{n}"]), int(m[f"M{n}"] or m[f"N{n}"]), int(m[f"T{n}"] or 0)
    if m[f"D{n}"]:
        return int(m[f"D{n}"]), int(m[f"E{n}"]), 0
    if m[f"K{n}"]:
        return int(m[f"K{n}"]), int(m[f"L{n}"]), int(m[f"S{n}"] or 0)
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
    return [m.span() for m in clock_matches(text, start, end) if m.start() not in splits]


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
    by the text after it or by ``clock``; ``local``: the zone and place "local time" is.

    "5:26 and 5:42 PM Eastern" is two times sharing the second's p.m. and zone, and so is
    a window's start and end ("closed from 6:30 to 7:30 a.m."); "between 5:26 and 5:42
    PM" and "5:26 - 5:42 PM" are a range."""
    out: list[Mention] = []
    clocks: list[tuple[HMS, date] | None] = []  # each single time's clock and day
    splits = _splits(text, start, end)
    for m in clock_matches(text, start, end):
        if m.start() in splits:
            continue  # a duration (see SPLIT_RE), which the number reader reads
        ranged = any(m[g] is not None for g in ("h2", "H2", "K2", "D2", "w2"))
        first = _clock(m, 1, m["ap1"] or m["ap2"]) if ranged else _clock(m, 3, m["ap3"])
        last = _clock(m, 2, m["ap2"]) if ranged else None
        day = day_at(m.start())
        if first is None or day is None:
            continue
        # "5:26 and 5:42 PM": two times; "from 6:30 a.m. to 7:30 a.m.": a window, its
        # start and its end (not "between 6:45 and 6:48 p.m.", one time known to a range)
        window = (m["between"] or "").casefold().startswith("from")
        if last is not None and ((m["sep"] == "and" and not m["between"]) or window):
            out += _two_times(m, end, day, (first, last), clock, local, window=window)
            clocks += [None, None]
        else:
            out.append(_time_mention(m, m.span(), end, day, (first, last), clock, local))
            clocks.append((first, day) if last is None else None)
    _zone_by_equivalent(text, out, clocks)
    return out


def _two_times(
    m: re.Match[str],
    end: int,
    day: date,
    hours: tuple[HMS, HMS],
    clock: Clock | None,
    local: tuple[str, str] | None,
    *,
    window: bool,
) -> list[Mention]:
    """The two times of "5:26 and 5:42 PM" (the first may take the second's p.m.), or a
    ``window``'s start and end ("from 6:30 a.m. to 7:30 a.m.")."""
    text, (first, last) = m.string, hours
    second = m.start("sep") + len(m["sep"])
    second += len(text[second:]) - len(text[second:].lstrip())
    shared = f"{text[second : m.end()]!r} after it" if m["ap2"] and not m["ap1"] else ""
    first_end = len(text[: m.start("sep")].rstrip())
    pair = [
        _time_mention(m, (m.start(), first_end), end, day, (first, None), clock, local, shared),
        _time_mention(m, (second, m.end()), end, day, (last, None), clock, local),
    ]
    if not window:
        return pair
    said = f"a window, {_said(first)} to {_said(last)}"
    return [
        with_changes(t, note="; ".join(filter(None, [t.note, f"{said}: its {what}"])))
        for t, what in zip(pair, ("start", "end"), strict=True)
    ]


# "4 p.m. on March 15 (3 a.m. on March 16, Hanoi time)": a time whose equivalent in a
# zone follows in brackets
_EQUIVALENT: Final = re.compile(
    r"(?:,?\s*(?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)?\s*\(\s*"
)


def _zone_by_equivalent(
    text: str, out: list[Mention], clocks: list[tuple[HMS, date] | None]
) -> None:
    """Give a time with no zone the offset its bracketed equivalent in a known zone says
    (the same instant): "4 p.m. on March 15 (3 a.m. on March 16, Hanoi time)" is 16:00
    at -04:00. An offset no zone has (beyond 14 hours, not whole quarter hours) gives none."""
    for i in range(len(out) - 1):
        here, there, got = out[i], out[i + 1], clocks[i]
        if got is None or here.precision != "day" or there.precision != "time":
            continue
        if not _EQUIVALENT.fullmatch(text, here.end, there.start):
            continue
        (hm, day), at = got, datetime.fromisoformat(str(there.value))
        utc = at.astimezone(UTC).replace(tzinfo=None)
        offset = datetime(day.year, day.month, day.day, *hm) - utc
        if abs(offset) > timedelta(hours=14) or offset % timedelta(minutes=15):
            continue
        notes = [n for n in (here.note or "").split("; ") if n and KEPT_AS_DAY not in n]
        notes.append(f"zone from its equivalent {there.text!r}, the same instant")
        stamp = _stamp(day, hm, timezone(offset))
        out[i] = with_changes(here, value=stamp, precision="time", note="; ".join(notes))


def _time_mention(
    m: re.Match[str],
    span: tuple[int, int],
    end: int,
    day: date,
    hours: tuple[HMS, HMS | None],
    clock: Clock | None,
    local: tuple[str, str] | None,
    shared: str = "",
) -> Mention:
    """A time (or a range's start) written at ``span`` on ``day``, with the zone written
    after ``m``, else the document's; kept as its day, and the note says why, when there is
    no known zone. ``shared``: the later time whose a.m. or p.m. it takes."""
    text, (first, last) = m.string, hours
    notes = [f"a.m. or p.m. from {shared}"] if shared else []
    zone_match = ZONE_AFTER.match(text, m.end(), end)
    placed = None if zone_match else PLACE_TIME.match(text, m.end(), end)
    place = _place_zone(placed["place"]) if placed else None
    said = zone_match or (placed if place else None)
    span_end = said.end() if said and span[1] == m.end() else span[1]
    if placed and place:
        where = "after the time" if span[1] == m.end() else "after the next time"
        notes.append(f"local time of {placed['place']}, named {where} ({place})")
        zone, why = zone_named("local", day, place), f"zone {place!r} unknown"
    else:
        zone, why = _zone_said(zone_match, span[1] == m.end(), day, clock, local, notes)
    if last is not None:
        notes.append(
            f"a time range, {_said(first)} to {_said(last)}: drafted as its start with "
            "hedge not-before (the format has no time ranges)"
        )
    if zone is None:
        notes.append(f"the time {_said(first)} {KEPT_AS_DAY}: {why}")
        value, precision = day.isoformat(), "day"
    else:
        value, precision = _stamp(day, first, zone), "time"
    return Mention(
        "date",
        span[0],
        span_end,
        text[span[0] : span_end],
        value,
        hedge="not-before" if last is not None else "exact",
        precision=precision,
        flags=frozenset({"time"}),
        note="; ".join(notes),
    )


def _zone_said(
    zone_match: re.Match[str] | None,
    own: bool,
    day: date,
    clock: Clock | None,
    local: tuple[str, str] | None,
    notes: list[str],
) -> tuple[tzinfo | None, str]:
    """The zone of a time: written after it (``own``) or after the next one, else
    ``clock``'s; notes where it came from. With no zone known, why not."""
    zone_name = zone_match["z"] if zone_match else (clock.name if clock else None)
    if zone_match:
        where = "after the time" if own else "after the next time"
        notes.append(f"zone {zone_match['z']!r} given {where}")
    elif clock:
        notes.append(
            f"zone from {clock.said!r}" + (", earlier in the text" if clock.earlier else "")
        )
    if zone_name is None:
        return None, "no zone in the text"
    is_local = zone_name.casefold() == "local"
    named = _place_zone(zone_match["place"]) if zone_match and zone_match["place"] else None
    local = (named, zone_match["place"]) if named and zone_match else local
    zone = zone_named(zone_name, day, local[0] if local else None)
    if zone is not None and local and is_local:
        notes.append(f"local time of {local[1]}, named in the text ({local[0]})")
    if is_local:
        return zone, "the text names no place with one zone for 'local time'"
    return zone, f"zone {zone_name!r} unknown"


def writes_zone(text: str) -> bool:
    """Whether any clock time in ``text`` has a zone written after it ("5 p.m. ET",
    "9am local time")."""
    return any(ZONE_AFTER.match(text, m.end()) for m in clock_matches(text, 0, len(text)))


def _place_zone(name: str) -> str | None:
    """The one zone of a city (:mod:`.city_zones`), or of a place the IANA tables name."""
    return city_zone(name) or place_zone(name)


class WrittenZones:
    """The zones written after an account's clock times so far ("5:42 PM Eastern"): one
    zone said once holds for its later times ("... at 6:48 PM"); two zones, and none does,
    except in a paragraph that has written one of them ("0940 Pacific time ... at 0939:30"
    in a report whose previous paragraph was in Eastern time). "local" is left out: it is a
    place's time, not the account's."""

    def __init__(self) -> None:
        self._said: dict[str, Clock] = {}
        self._paragraph = -1  # where the paragraph of the zones in ``_here`` starts
        self._here: dict[str, Clock] = {}

    def read(self, text: str, start: int, end: int) -> None:
        """Note the zones written after the times in ``text[start:end]``."""
        paragraph = text.rfind("\n", 0, start) + 1
        if paragraph != self._paragraph:
            self._paragraph, self._here = paragraph, {}
        for m in clock_matches(text, start, end):
            z = ZONE_AFTER.match(text, m.end(), end)
            if z is not None and z["z"].casefold() != "local":
                name = re.sub(r"\s+", " ", z["z"]).casefold()
                said = text[m.start() : z.end()].strip(" ()")
                # "ET" then "EST": one region's clock, said twice, is one zone
                family = zone_family(name)
                self._said.setdefault(family, Clock(name, said, earlier=True))
                self._here.setdefault(family, Clock(name, said, earlier=True))

    def one(self, text: str = "", at: int = 0) -> Clock | None:
        """The one zone written so far in the paragraph of ``text[at]``, else in the text,
        if there is exactly one."""
        here = text.rfind("\n", 0, at) + 1 == self._paragraph and len(self._here) == 1
        zones = self._here if here else self._said
        return next(iter(zones.values())) if len(zones) == 1 else None
