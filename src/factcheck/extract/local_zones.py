"""Which zone "local time" is: the place the text names, read from the IANA tables.

"just after 3 a.m. local time", in a story about Pakistan, is Pakistan's time. The IANA
time zone database lists every country's zones (``zone.tab``, with ``iso3166.tab`` for the
countries' names) and names each zone by a city ("Asia/Karachi", "America/Mexico_City").
A country with one zone, or a zone's city, named in the text gives the zone; a country
with several (the United States, Mexico) gives none, and neither do two places with
different zones: a zone is never guessed. The tables are read from the system's database
or from the ``tzdata`` package, whichever ``zoneinfo`` would use; with neither, "local
time" stays unknown and the note says so.
"""

from __future__ import annotations

import re
import zoneinfo
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

from factcheck.extract.city_zones import CITY_ZONES

__all__ = ["PlaceZones", "place_zone"]

_TABLES: Final = ("iso3166.tab", "zone.tab")
# The IANA tables name no states: the US states wholly in one zone, each with its zone
# ("California local time"). Split states (Florida, Texas, Tennessee...) are left out, and
# so are names another place shares (Georgia the country, Washington the capital).
_US_STATES: Final = {
    "America/New_York": "Connecticut Delaware Maine Maryland Massachusetts New_Hampshire "
    "New_Jersey North_Carolina Ohio Pennsylvania Rhode_Island South_Carolina Vermont "
    "Virginia West_Virginia",
    "America/Chicago": "Alabama Arkansas Illinois Iowa Louisiana Minnesota Mississippi "
    "Missouri Oklahoma Wisconsin",
    "America/Denver": "Colorado Montana New_Mexico Utah Wyoming",
    "America/Phoenix": "Arizona",
    "America/Los_Angeles": "California",
    "Pacific/Honolulu": "Hawaii",
}


def _read(name: str) -> str | None:
    for root in zoneinfo.TZPATH:
        path = Path(root) / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return None


def _rows(text: str) -> list[list[str]]:
    return [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]


@cache
def _places() -> dict[str, str]:
    """Place name -> its one IANA zone: countries with a single zone, and zones' cities."""
    countries, zones = (_read(name) for name in _TABLES)
    if countries is None or zones is None:
        return {}
    by_code: dict[str, list[str]] = {}
    places: dict[str, str] = {}
    for row in _rows(zones):
        if len(row) >= 3:
            by_code.setdefault(row[0], []).append(row[2])
            if row[2].startswith(("Antarctica/", "Arctic/")):  # stations: "Casey", "Davis"
                continue
            city = row[2].rsplit("/", 1)[-1].replace("_", " ")
            places.setdefault(city, row[2])
    for row in _rows(countries):
        found = by_code.get(row[0], [])
        if len(row) >= 2 and len(found) == 1:
            # "Britain (UK)", "Korea (South)": the name as a text writes it comes first
            places[row[1].split(" (")[0]] = found[0]
    # "Passengers wait at Orlando International Airport ... shortly after 9am local time":
    # the cities news names (capitals, datelines) are places too
    for city, zone in CITY_ZONES.items():
        places.setdefault(city, zone)
    for zone, states in _US_STATES.items():
        places.update({state.replace("_", " "): zone for state in states.split()})
    places.pop("Georgia", None)  # the country or the US state: a zone is never guessed
    return places


# A quotation on one line: straight or curly double quotes.
_QUOTED: Final = re.compile(r'"[^"\n]{1,400}"|\u201c[^\u201d\n]{1,400}\u201d')


# A capitalised word and "of" right before a place: a person's title or name ("Bukele of")
_OF_PLACE: Final = re.compile(r"\b(?P<word>[A-Z][a-z]+)\s+of\s+(?:the\s+)?$")
# the words before "of" that make a place's name, not a person's
_PLACE_WORDS: Final = frozenset(
    {
        *("Gulf", "Bay", "Sea", "City", "Port", "Isle", "Island", "Islands", "Republic"),
        *("Kingdom", "State", "States", "Province", "County", "Cape", "Strait", "Straits"),
        *("Coast", "Lake", "Sound", "Commonwealth", "Federation", "Emirate", "Principality"),
    }
)


class PlaceZones:
    """The places with one zone that a text names, in order."""

    def __init__(self, text: str) -> None:
        places = _places()
        pattern = (
            # not "Jersey" in "New Jersey", "York" in "New York"
            re.compile(
                r"(?<!New )\b(" + "|".join(map(re.escape, sorted(places, key=len)[::-1])) + r")\b"
            )
            if places
            else None
        )
        self._named: list[tuple[int, str, str]] = (
            [(m.start(), m.group(), places[m.group()]) for m in pattern.finditer(text)]
            if pattern
            else []
        )
        self._quoted = [m.span() for m in _QUOTED.finditer(text)]
        # "President Nayib Bukele of El Salvador": whom a person stands for, not where the
        # story is (but "the Gulf of Mexico", "the Republic of Korea" are places)
        self._named = [
            (at, place, zone)
            for at, place, zone in self._named
            if not (m := _OF_PLACE.search(text, max(0, at - 40), at)) or m["word"] in _PLACE_WORDS
        ]

    def zone(
        self, start: int, end: int, *, only: bool = False, said: bool = True
    ) -> tuple[str, str] | None:
        """(IANA zone, place) whose local time ``text[start:end]`` means: the one zone of
        the places named in it, else (unless ``only``) of those named up to its end; None
        if no place, or places with different zones, are named. Not ``said``: leave out
        the places named only inside quotation marks ("spirit him away to Nome, Alaska"),
        where someone speaks of a place, not where the story is."""
        named_at = [
            (at, place, zone)
            for at, place, zone in self._named
            if said or not any(a < at < b for a, b in self._quoted)
        ]
        for lo in (start,) if only else (start, 0):
            named = {(zone, place) for at, place, zone in named_at if lo <= at < end}
            if len({zone for zone, _ in named}) == 1:
                return min(named)
        return None


def place_zone(name: str) -> str | None:
    """The one IANA zone of the place ``name`` ("California", "Pakistan"), if it has one."""
    return _places().get(re.sub(r"\s+", " ", name))
