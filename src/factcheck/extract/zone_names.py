"""Zone names as texts write them after a clock time, and the zones they are.

"Eastern", "Eastern Daylight Time", "EDT", "GMT", "Atlantic Daylight Time": each names an
IANA zone (which follows the day: "Eastern" in March is -04:00 or -05:00) or a fixed offset.
Split out of :mod:`factcheck.extract.times`, which reads the times themselves.
"""

from __future__ import annotations

import re
from datetime import date, timedelta, timezone, tzinfo
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["TIMED_NAMES", "ZONE_ABBREVIATIONS", "zone_family", "zone_named"]

# North American zones by region: the IANA zone, and the standard offset in hours ("Eastern
# Daylight" is one hour ahead of "Eastern Standard"; "Eastern" alone follows the day).
_REGIONS: Final[dict[str, tuple[str, float]]] = {
    "eastern": ("America/New_York", -5),
    "central": ("America/Chicago", -6),
    "mountain": ("America/Denver", -7),
    "pacific": ("America/Los_Angeles", -8),
    "atlantic": ("America/Halifax", -4),
    "alaska": ("America/Anchorage", -9),
    "newfoundland": ("America/St_Johns", -3.5),
}
# Zone words -> IANA name, or a fixed offset in hours (abbreviations that name one). An
# abbreviation two regions share ("AST": Atlantic or Arabia, "IST": India, Israel or
# Ireland) is left out: a zone is never guessed.
_ZONE_NAMES: Final[dict[str, str | float]] = {
    **{region: iana for region, (iana, _) in _REGIONS.items()},
    **{f"{region} standard": std for region, (_, std) in _REGIONS.items()},
    **{f"{region} daylight": std + 1 for region, (_, std) in _REGIONS.items()},
    "et": "America/New_York",
    "edt": -4,
    "est": -5,
    "ct": "America/Chicago",
    "cdt": -5,
    "cst": -6,
    "mt": "America/Denver",
    "mdt": -6,
    "mst": -7,
    "pt": "America/Los_Angeles",
    "pdt": -7,
    "pst": -8,
    "adt": -3,
    "akdt": -8,
    "akst": -9,
    "hst": -10,
    "hawaii": "Pacific/Honolulu",
    "hawaii-aleutian standard": -10,
    "gmt": 0,
    "utc": 0,
    "greenwich mean": 0,
    "coordinated universal": 0,
    "bst": 1,
    "british summer": 1,
    "cet": 1,
    "cest": 2,
    "central european": 1,
    "central european summer": 2,
    "msk": 3,
    "moscow": "Europe/Moscow",
    "jst": 9,
    "japan standard": 9,
    "kst": 9,
    "korea standard": 9,
    "aest": 10,
    "aedt": 11,
    "awst": 8,
}
#: Zone abbreviations a time may be followed by, longest first (the regex tries in order).
ZONE_ABBREVIATIONS: Final = sorted(
    (
        name.upper()
        for name in _ZONE_NAMES
        if name.isalpha()
        and len(name) <= 5
        and name not in _REGIONS
        and name not in ("hawaii", "moscow")
    ),
    key=len,
    reverse=True,
)
# Zones said with "time" after them: "Atlantic Daylight Time", "Greenwich Mean Time".
TIMED_NAMES: Final = (
    r"(?:Atlantic|Alaska|Newfoundland|Hawaii|Moscow)(?:\s+(?:Daylight|Standard))?|"
    r"Hawaii-Aleutian\s+Standard|Greenwich\s+Mean|Coordinated\s+Universal|British\s+Summer|"
    r"Central\s+European(?:\s+Summer)?|Japan\s+Standard|Korea\s+Standard"
)


def zone_named(name: str, day: date, local: str | None = None) -> tzinfo | None:
    """The zone ``name`` is on ``day`` ("Eastern": -04:00 or -05:00 as the day has it);
    "local": ``local``, an IANA name; an IANA name is itself. None when unknown: a zone
    is never guessed."""
    folded = re.sub(r"\s+", " ", name).casefold()
    # an IANA name itself ("America/Los_Angeles": a dateline city's zone) is its zone
    spec = local if folded == "local" else name if "/" in name else _ZONE_NAMES.get(folded)
    if spec is None:
        return None
    if isinstance(spec, str):
        try:
            return ZoneInfo(spec)
        except ZoneInfoNotFoundError:  # no tz database on this system: say so, not guess
            return None
    return timezone(timedelta(hours=spec))


# "ET", "EST", "EDT", "Eastern Standard": names of one North American region's clock, its
# standard or daylight time, or whichever the day has
_FAMILY: Final = re.compile(r"(?P<r>[ecmp])[sd]?t|(?P<w>[a-z]+)(?: (?:standard|daylight))?")
_INITIALS: Final = {region[0]: region for region in ("eastern", "central", "mountain", "pacific")}


def zone_family(name: str) -> str:
    """The region whose clock ``name`` is, for North American names ("EST", "ET" and
    "Eastern Daylight" are all "eastern"): an account that writes "9:58 p.m. ET" and then
    "3:15 a.m. EST" keeps one clock. Any other name is its own family."""
    folded = re.sub(r"\s+", " ", name).strip().casefold()
    m = _FAMILY.fullmatch(folded)
    if m and m["r"]:
        return _INITIALS[m["r"]]
    if m and m["w"] in _REGIONS:
        return m["w"]
    return folded
