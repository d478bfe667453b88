"""factcheck.extract.local_zones: the zone "local time" is, from the places a text names."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import draft_fact_file
from factcheck.extract.local_zones import PlaceZones, place_zone


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
        # whom a person stands for is not where the story is; a place's name with "of" is
        (
            "Trump hosts President Nayib Bukele of El Salvador at the White House at 11 a.m.",
            "America/New_York",
        ),
        ("The Mayor of London met them in Paris at 9 a.m. local time.", "Europe/Paris"),
        ("A storm in the Gulf of Mexico hit Houston at 2 p.m. local time.", "America/Chicago"),
        ("Rain fell in the Republic of Ireland at 2 p.m. local time.", "Europe/Dublin"),
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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the one place named before the time, in a text that writes no zone: its time
        (
            "Noem arrived in El Salvador on a private flight at 12:17 p.m. yesterday, her "
            "first stop on a tour that also includes Colombia and Mexico.",
            "2025-03-26T12:17-06:00",
        ),
        # a place named only after the time gives none
        ("She landed at 12:17 p.m. yesterday and then flew to Colombia.", "2025-03-26"),
        # two places with different zones before the time give none
        ("She left Colombia for El Salvador at 12:17 p.m. yesterday.", "2025-03-26"),
    ],
)
def test_a_time_in_a_sentence_naming_one_place_before_it(text: str, value: str) -> None:
    text = text + "\nShe went on to Japan and Colombia after."  # no one zone for the text
    claims = draft_fact_file(text, "x", published="2025-03-27").claims
    assert [c["value"] for c in claims if str(c["value"]).startswith("2025")] == [value]


def test_a_text_that_writes_a_zone_keeps_its_own() -> None:
    text = (
        "She arrived in El Salvador at 12:17 p.m. yesterday.\n"
        "Colombia's talks end at 5 p.m. EST today."
    )
    values = [c["value"] for c in draft_fact_file(text, "x", published="2025-03-27").claims]
    assert "2025-03-26T12:17-06:00" not in values  # a zone is written: none is taken from a place


@given(st.sampled_from(["Tokyo", "Paris", "Nairobi", "Lima", "Bangkok"]), st.integers(1, 12))
def test_the_one_place_before_a_time_gives_its_offset(city: str, hour: int) -> None:
    zone = ZoneInfo(place_zone(city) or "UTC")
    text = f"The minister arrived in {city} at {hour} p.m. yesterday, officials said."
    [claim] = draft_fact_file(text, "x", published="2024-07-10").claims
    want = datetime(2024, 7, 9, hour % 12 + 12, tzinfo=zone)
    assert datetime.fromisoformat(str(claim["value"])) == want


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the places of a text that writes no zone give its times theirs...
        ("The court met at 5:30 p.m. yesterday in Tokyo.", "2025-07-09T17:30+09:00"),
        # ...but not a place someone only speaks of, in a quotation
        ('The court met at 5:30 p.m. yesterday. "Not to Tokyo," she said.', "2025-07-09"),
        ("The court met at 5:30 p.m. yesterday. \u201cNot to Tokyo,\u201d she said.", "2025-07-09"),
    ],
)
def test_a_place_named_only_in_a_quotation_is_not_where_the_story_is(text: str, value: str) -> None:
    claims = draft_fact_file(text, "x", published="2025-07-10").claims
    assert [c["value"] for c in claims] == [value]
    assert PlaceZones(text).zone(0, len(text)) == ("Asia/Tokyo", "Tokyo")  # said, it is named


@given(st.sampled_from(["Tokyo", "Paris", "Nairobi", "Lima", "Nome"]), st.text("ab ,", max_size=20))
def test_a_quoted_place_gives_no_zone_unless_said_counts(city: str, words: str) -> None:
    text = f'He said: "{words} {city} {words}" and left.'
    assert PlaceZones(text).zone(0, len(text), said=False) is None
    assert PlaceZones(text).zone(0, len(text)) == (place_zone(city), city)
