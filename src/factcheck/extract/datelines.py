"""Datelines: when a text was published, written at its top, is no claim of the text.

"Tue 4th Feb, 2025" alone on a line, "date 2025-02-04" before the headline, "2/4/2025 2 min
read", "Published: March 3, 2025": the date says when the source appeared (its
``published``), not what happened then. A dateline is a date near the top of the text
whose line holds nothing else but dateline words (published, updated, a weekday, a reading
time, a byline's "By ..."), or that opens the text or its line with such a word before it.

A news dateline also names the city a story was filed from ("SACRAMENTO, Calif. (AP) —"),
whose local time a time with no zone written is (see :func:`dateline_zone`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from factcheck.domain.values import PartialDate
from factcheck.extract.city_zones import city_zone
from factcheck.extract.dates import find_dates
from factcheck.extract.local_zones import place_zone

__all__ = ["dateline_spans", "dateline_zone", "stamp_lines", "updated_day"]

#: Characters at the top of a text where a dateline may stand.
WINDOW: Final = 600
# One word of a dateline's line. The lines are read a token at a time, each token once
# (an atomic group in a possessive loop): the alternatives overlap ("on" is a word and two
# capitals, case ignored), and a plain loop of them tried every way of reading a line that
# failed, 2 ** tokens ways (a line of twelve "on tue" took 51 s).
_TOKEN: Final = (
    r"\s|[,:|\u2022\u00b7-]|\b(?:date|dated|published|updated|posted|last|on|at|mon|tue|wed|"
    r"thu|fri|sat|sun)[a-z]*\.?\b|\b\d+\s*min(?:ute)?s?\s+read\b|\b(?:[ap]\.?m\.?|[A-Z]{2,4})\b"
    r"|\d{1,2}:\d{2}"
)
_WORDS: Final = re.compile(rf"(?>{_TOKEN})*+", re.IGNORECASE)
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


def stamp_lines(text: str) -> list[tuple[int, int]]:
    """The lines at the top of ``text`` that are a page's stamp, a clock time and its date
    and nothing else ("10:07 AM \u2013 Sunday, March 16, 2025"): the clock of whoever
    published the page, which the places the story names do not tell."""
    top = min(len(text), WINDOW)
    out = []
    for d in find_dates(text, 0, top, None):
        lo = text.rfind("\n", 0, d.start) + 1
        hi = text.find("\n", d.end)
        hi = len(text) if hi < 0 else hi
        rest = text[lo : d.start] + " " + text[d.end : hi]
        # "date 2017-12-07 Updated at 8:05 p.m. Sunday": the snapshot's date line, before
        # a local paper's update, is no stamp of the page's own
        archived = re.search(r"\bdate\s+$", text[lo : d.start])
        if _CLOCK.search(rest) and _STAMP.fullmatch(rest) and not archived:
            out.append((lo, hi))
    return out


_CLOCK: Final = re.compile(r"\d{1,2}:\d{2}")
# "a.m." before the token's "a.m" (which leaves its final dot unread), as each token is
# taken once
_STAMP: Final = re.compile(rf"(?>[ap]\.\s?m\.|{_TOKEN}|[\u2013\u2014])*+", re.I)


# "SACRAMENTO, Calif. (AP) —", "KYIV, Ukraine —", "SACRAMENTO (CBS13) —": the city in
# capitals at a line's start (after a date, as snapshots' first lines have it), its region,
# the agency, and a dash.
_CITY_LINE: Final = re.compile(
    r"^[^\S\n]*(?:date\s+\d{4}-\d\d-\d\d\s+)?(?P<city>[A-Z][A-Z.'-]+(?:[^\S\n][A-Z][A-Z.'-]+){0,2})"
    r"(?:,[^\S\n]*(?P<region>[A-Z][A-Za-z.]*(?:[^\S\n][A-Z][A-Za-z.]*)?))?"
    r"[^\S\n]*(?:\([^()\n]{1,30}\)[^\S\n]*)?(?:\u2014|\u2013|--?)[^\S\n]",
    re.MULTILINE,
)
# North American regions after a city: US states datelines write whole (the others are
# abbreviated, "Calif.", "N.Y."), and Canada's provinces ("LONDON, Ontario")
_NORTH_AMERICAN: Final = {
    *("Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah", "Ontario"),
    *("Quebec", "Alberta", "Manitoba", "Saskatchewan", "British Columbia", "Nova Scotia"),
    "New Brunswick",
}


def dateline_zone(text: str) -> tuple[str, str] | None:
    """(IANA zone, the dateline as written) of the city a news dateline at the top of
    ``text`` names ("SACRAMENTO, Calif. (AP) —": America/Los_Angeles), if the city is in
    :mod:`factcheck.extract.city_zones` and its region says no other: a US state or
    Canadian province after it ("MOSCOW, Idaho") must follow a North American city, a place
    with one zone must have the city's."""
    m = _CITY_LINE.search(text, 0, min(len(text), WINDOW))
    zone = city_zone(m["city"]) if m else None
    if m is None or zone is None:
        return None
    region = m["region"]
    if region and (region.endswith(".") or region in _NORTH_AMERICAN):
        if not zone.startswith(("America/", "Pacific/Honolulu")):
            return None
    elif region and place_zone(region) not in (None, zone):
        return None
    return zone, text[m.start("city") : m.end()].strip()


# "Updated at 8:05 p.m. Sunday", "Last updated Monday": a running story's stamp at its top
_UPDATED: Final = re.compile(
    r"^[^\S\n]*(?:date\s+\S+\s+)?(?:last\s+)?updated\b[^\n]{0,40}?\b"
    r"(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE | re.MULTILINE,
)


def updated_day(text: str, published: PartialDate | None) -> tuple[date, str] | None:
    """(The day, the stamp as written) of an "Updated ... <weekday>" stamp at the top of
    ``text``: the first such weekday on or after the publication date, since a page is
    updated after it first appears. Its weekdays ("Saturday", "as of 4 p.m. Sunday") are
    then those of the week the update speaks of, not of the week the page first appeared."""
    if published is None or published.month is None or published.day is None:
        return None
    m = _UPDATED.search(text, 0, min(len(text), WINDOW))
    if m is None:
        return None
    base = date(published.year, published.month, published.day)
    target = _WEEKDAYS.index(m["wd"][:3].casefold())
    return base + timedelta(days=(target - base.weekday()) % 7), m.group().strip()


_WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
