"""factcheck.extract.city_zones: cities and the IANA zones they keep."""

from __future__ import annotations

import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.city_zones import CITY_ZONES, city_zone


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("Hanoi", "Asia/Ho_Chi_Minh"),
        ("SACRAMENTO", "America/Los_Angeles"),
        ("Kansas City", "America/Chicago"),
        ("ST. LOUIS", "America/Chicago"),
        ("Kyiv", "Europe/Kyiv"),
        # a seat of government stands for its city
        ("White House", "America/New_York"),
        ("Downing Street", "Europe/London"),
        ("Kremlin", "Europe/Moscow"),
        ("Ramallah", "Asia/Hebron"),
        ("New  Delhi", "Asia/Kolkata"),
        # names two cities in different zones share are left out: never guessed
        ("Portland", None),
        ("Birmingham", None),
        ("Washington", None),
        ("Georgia", None),
        ("Moscow", None),
        ("Nowhere", None),
    ],
)
def test_city_zone(name: str, zone: str | None) -> None:
    assert city_zone(name) == zone


def test_every_zone_is_a_real_iana_zone() -> None:
    for zone in set(CITY_ZONES.values()):
        assert zoneinfo.ZoneInfo(zone).key == zone


def test_the_table_is_a_few_hundred_cities() -> None:
    assert 100 <= len(CITY_ZONES) <= 400


@given(st.text(max_size=40))
def test_any_name_gives_none_or_a_real_zone(name: str) -> None:
    zone = city_zone(name)
    assert zone is None or zone in zoneinfo.available_timezones() or zoneinfo.ZoneInfo(zone)
