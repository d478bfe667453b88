"""factcheck.extract.local_zones: the zone "local time" is, from the places a text names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import draft_fact_file
from factcheck.extract.local_zones import PlaceZones


def _zone(text: str, start: int = 0, end: int | None = None) -> str | None:
    found = PlaceZones(text).zone(start, len(text) if end is None else end)
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("An earthquake struck Pakistan at 3 a.m. local time.", "Asia/Karachi"),
        ("It hit Mexico City at 7:19 a.m. local time.", "America/Mexico_City"),
        ("Peru was shaken at 04:18 local time.", "America/Lima"),
        # a country with several zones gives none; two places with different zones neither
        ("It happened in Mexico at 7 a.m. local time.", None),
        ("From Pakistan to Peru, at 3 a.m. local time.", None),
        # "Jersey" in "New Jersey" is not the island, but the state, wholly Eastern
        ("In New Jersey, at 3 a.m. local time.", "America/New_York"),
        # US states wholly in one zone; a split one (Florida, Texas) gives none
        ("It launched from California at 9:30 p.m. local time.", "America/Los_Angeles"),
        ("It hit Arizona at 2 p.m. local time.", "America/Phoenix"),
        ("It hit Florida at 2 p.m. local time.", None),
        ("The storm reached Texas at 2 p.m. local time.", None),
        # "Georgia" is a country's name and a US state's: neither is guessed
        ("Rain fell in Georgia at 2 p.m. local time.", None),
        # research stations are no places a story means ("Casey", "Davis")
        ("Davis said it began at 3 a.m. local time.", None),
        ("Nothing is named here.", None),
        # the cities news names are places too (extract.city_zones)
        ("Passengers wait in Orlando. Flights resumed after 9am local time.", "America/New_York"),
    ],
)
def test_zone(text: str, zone: str | None) -> None:
    assert _zone(text) == zone


def test_the_sentence_first_then_the_text_before_it() -> None:
    text = "A quake hit Pakistan. Later it hit Peru at 4 a.m. local time."
    start = text.index("Later")
    assert _zone(text, start) == "America/Lima"
    text = "A quake hit Pakistan. It began at 3 a.m. local time."
    assert _zone(text, text.index("It")) == "Asia/Karachi"


def test_a_drafted_local_time_has_the_zone_and_says_where_from() -> None:
    text = "The quake struck Pakistan just after 3 a.m. local time on Thursday."
    claim = draft_fact_file(text, "x", published="2021-10-07").claims[0]
    assert claim["value"] == "2021-10-07T03:00+05:00"
    assert "local time of Pakistan" in claim["note"]


def test_without_a_place_local_time_stays_a_day() -> None:
    claim = draft_fact_file("It began at 3 a.m. local time.", "x", published="2021-10-07").claims[0]
    assert claim["value"] == "2021-10-07"
    assert "names no place" in claim["note"]


@given(st.text(max_size=80), st.integers(0, 80), st.integers(0, 80))
def test_never_raises_and_gives_a_real_zone(text: str, start: int, end: int) -> None:
    found = PlaceZones(text).zone(start, end)
    if found is not None:
        zone, place = found
        assert "/" in zone and place in text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the place written before "local time", after the time's own day
        (
            "It lifted off at 12:30 a.m. EDT (9:30 p.m. May 9, California local time).",
            "2024-05-09T21:30-07:00",
        ),
        # that place wins over another named in the sentence
        ("From Pakistan, it was 7 p.m. May 9, Ohio local time.", "2024-05-09T19:00-04:00"),
    ],
)
def test_the_place_before_local_time(text: str, value: str) -> None:
    claims = draft_fact_file(text, "x", published="2024-05-10").claims
    assert claims[-1]["value"] == value
