"""factcheck.extract.zone_names: zone names as written after a time, and their zones."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.zone_names import ZONE_ABBREVIATIONS, zone_family, zone_named


@pytest.mark.parametrize(
    ("name", "day", "hours"),
    [
        ("Eastern", date(2025, 3, 15), -4),  # summer time already
        ("Eastern", date(2025, 1, 15), -5),
        ("Pacific  Daylight", date(2025, 1, 15), -7),  # the name says daylight: fixed
        ("EST", date(2025, 7, 1), -5),
        ("gmt", date(2025, 7, 1), 0),
        ("Atlantic", date(2010, 6, 13), -3),
    ],
)
def test_zone_named(name: str, day: date, hours: float) -> None:
    zone = zone_named(name, day)
    assert zone is not None
    assert datetime(day.year, day.month, day.day, 12, tzinfo=zone).utcoffset() == timedelta(
        hours=hours
    )


def test_unknown_names_and_local_without_a_place_are_no_zone() -> None:
    assert zone_named("AST", date(2025, 3, 15)) is None  # Atlantic or Arabia: not guessed
    assert zone_named("local", date(2025, 3, 15)) is None
    assert zone_named("local", date(2025, 3, 15), "Asia/Karachi") is not None


def test_abbreviations_are_tried_longest_first() -> None:
    assert [len(a) for a in ZONE_ABBREVIATIONS] == sorted(map(len, ZONE_ABBREVIATIONS))[::-1]


@given(st.sampled_from(ZONE_ABBREVIATIONS), st.dates(date(1970, 1, 1), date(2099, 12, 31)))
def test_every_abbreviation_is_a_zone_within_a_day_of_utc(name: str, day: date) -> None:
    zone = zone_named(name, day)
    assert zone is not None
    offset = datetime(day.year, day.month, day.day, tzinfo=zone).utcoffset()
    assert offset is not None and abs(offset) < timedelta(hours=14)


@pytest.mark.parametrize(
    ("names", "family"),
    [
        (["ET", "EST", "edt", "Eastern", "Eastern  Daylight", "eastern standard"], "eastern"),
        (["PT", "PST", "PDT", "Pacific"], "pacific"),
        (["CT", "cst", "Central Standard"], "central"),
        # other names are their own family: "CET" is no North American Central
        (["CET"], "cet"),
        (["GMT"], "gmt"),
        (["local"], "local"),
    ],
)
def test_zone_family(names: list[str], family: str) -> None:
    assert {zone_family(n) for n in names} == {family}


@given(st.sampled_from(["Eastern", "Central", "Mountain", "Pacific"]), st.sampled_from("SD"))
def test_a_regions_abbreviations_are_its_family(region: str, kind: str) -> None:
    """ "EST", "EDT" and "ET" are all the clock of "Eastern", and a family names itself."""
    abbreviation = region[0] + kind + "T"
    assert zone_family(abbreviation) == zone_family(region[0] + "T") == zone_family(region)
    assert zone_family(zone_family(abbreviation)) == zone_family(abbreviation)
