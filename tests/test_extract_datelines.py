"""factcheck.extract.datelines: the date a text was published is not one of its claims."""

from __future__ import annotations

import zoneinfo
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.values import PartialDate
from factcheck.extract import draft_fact_file
from factcheck.extract.datelines import (
    WINDOW,
    dateline_spans,
    dateline_zone,
    stamp_lines,
    updated_day,
)


@pytest.mark.parametrize(
    ("text", "datelines"),
    [
        ("date 2025-02-04 Donald Trump is pursuing a policy.", ["2025-02-04"]),
        ("Headline\n\nTue 4th Feb, 2025\n\nIn a surprising development", ["Tue 4th Feb, 2025"]),
        ("Published: March 3, 2025 10:00 ET\nBody", ["March 3, 2025"]),
        ("Updated 5 min read March 3, 2025\nBody", ["March 3, 2025"]),
        # a date in a sentence, or a timeline's heading with its event, is a claim
        ("On March 3, 2025 the court ruled.", []),
        ("Headline\nMarch 15, 2025: the plane left.", []),
        # below the top of the text, a date alone on its line is a timeline's heading
        ("x" * WINDOW + "\nMarch 15, 2025\n5 p.m.: the plane left.", []),
    ],
)
def test_dateline_spans(text: str, datelines: list[str]) -> None:
    assert [text[a:b] for a, b in dateline_spans(text)] == datelines


def test_a_dateline_is_not_drafted() -> None:
    text = "Headline\n\nTue 4th Feb, 2025\n\nOn 3 February 2025, 40 people left."
    values = [c["value"] for c in draft_fact_file(text, "x").claims]
    assert values == ["2025-02-03", 40]


@given(st.text(max_size=200))
def test_spans_are_dates_at_the_top(text: str) -> None:
    for a, b in dateline_spans(text):
        assert 0 <= a < b <= len(text) and a < WINDOW


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("SACRAMENTO, Calif. (AP) \u2014 The power came back at 9 a.m.", "America/Los_Angeles"),
        (" date 2019-10-11 SACRAMENTO (CBS13) \u2014 Customers", "America/Los_Angeles"),
        ("Headline\nKYIV, Ukraine (AP) \u2014 Sirens", "Europe/Kyiv"),
        ("ST. LOUIS -- A storm", "America/Chicago"),
        # a region that says otherwise: not the city the table means
        ("ATHENS, Ga. (AP) \u2014 A game", None),
        ("LONDON, Ontario \u2014 A game", None),
        ("PARIS, Japan \u2014 x", None),
        # a city left out, a name not in capitals, no dash, too far down
        ("PORTLAND, Ore. (AP) \u2014 Rain", None),
        ("Sacramento is hot \u2014 again", None),
        ("SACRAMENTO, Calif. The power", None),
        ("x" * WINDOW + "\nSACRAMENTO (AP) \u2014 x", None),
    ],
)
def test_dateline_zone(text: str, zone: str | None) -> None:
    found = dateline_zone(text)
    assert (found[0] if found else None) == zone


def test_a_dateline_city_zones_the_times_with_none_written() -> None:
    text = "SACRAMENTO, Calif. (AP) \u2014 Power was back by 3:30 p.m. Friday."
    claim = draft_fact_file(text, "x", published="2019-10-11").claims[0]
    assert claim["value"] == "2019-10-11T15:30-07:00"
    assert "SACRAMENTO" in claim["note"]


def test_a_zone_written_beats_the_dateline() -> None:
    text = "SACRAMENTO, Calif. (AP) \u2014 It began at 3:30 p.m. EDT Friday."
    claim = draft_fact_file(text, "x", published="2019-10-11").claims[0]
    assert claim["value"] == "2019-10-11T15:30-04:00"


@given(st.text(max_size=200))
def test_dateline_zone_never_raises_and_is_a_real_zone(text: str) -> None:
    found = dateline_zone(text)
    assert found is None or zoneinfo.ZoneInfo(found[0]).key == found[0]


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a page of Thursday 2017-12-07 updated on the Sunday after it
        (
            "date 2017-12-07 Updated at 8:05 p.m. Sunday (more to come):\nBody",
            "2017-12-07",
            "2017-12-10",
        ),
        ("Last updated Thursday\nBody", "2017-12-07", "2017-12-07"),  # the same day
        ("Updated at 8:05 p.m. Sunday\nBody", "2017-12", None),  # a month: no week to count in
        ("The fire was updated Sunday.", "2017-12-07", None),  # a sentence: no stamp
        ("Body first.\nIt was updated on Sunday", "2017-12-07", None),  # not at a line's start
        ("No stamp at all. Sunday", "2017-12-07", None),
    ],
)
def test_updated_day(text: str, published: str, day: str | None) -> None:
    found = updated_day(text, PartialDate.parse(published))
    assert (found[0].isoformat() if found else None) == day


def test_weekdays_are_of_the_updates_week() -> None:
    text = (
        "date 2017-12-07 Updated at 8:05 p.m. Sunday:\n"
        "The fire was contained by 8:30 p.m. Saturday in Los Angeles. It began at 11 a.m. Thursday."
    )
    values = [c["value"] for c in draft_fact_file(text, "x", published="2017-12-07").claims]
    assert values == ["2017-12-10T20:05-08:00", "2017-12-09T20:30-08:00", "2017-12-07T11:00-08:00"]


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
)
def test_an_update_is_the_weekday_written_within_a_week_after_publication(
    published: date, weekday: str
) -> None:
    found = updated_day(f"Updated {weekday}\nBody", PartialDate.parse(published.isoformat()))
    assert found is not None
    assert f"{found[0]:%A}" == weekday
    assert timedelta(0) <= found[0] - published < timedelta(days=7)


@pytest.mark.parametrize(
    ("text", "stamps"),
    [
        (
            "Headline\n10:07 AM \u2013 Sunday, March 16, 2025\nThe story.",
            ["10:07 AM \u2013 Sunday, March 16, 2025"],
        ),
        (
            "Headline\nPublished March 16, 2025 at 9:30 a.m.\nBody.",
            ["Published March 16, 2025 at 9:30 a.m."],
        ),
        # a date with no time, or a line with more than a stamp, is none
        ("Headline\nSunday, March 16, 2025\nThe story.", []),
        ("On March 16, 2025 at 9:30 a.m. the plane landed.", []),
    ],
)
def test_stamp_lines(text: str, stamps: list[str]) -> None:
    assert [text[a:b] for a, b in stamp_lines(text)] == stamps


def test_a_page_stamp_takes_no_zone_from_the_story_s_places() -> None:
    text = "Headline\n10:07 AM \u2013 Sunday, March 16, 2025\nInmates arrived in El Salvador."
    [claim] = [c for c in draft_fact_file(text, "x").claims if "10:07" in c["note"]]
    assert claim["value"] == "2025-03-16"


@pytest.mark.parametrize("words", ["on tue ", "Tuesday ", "at 9:30 PM ", "Updated: AM "])
def test_a_long_line_of_dateline_words_is_read_once(words: str) -> None:
    # a line of forty such words that ends in one that is none: read one way only, as a
    # loop of overlapping alternatives tried 2 ** 40 ways to read it (and never returned)
    line = words * 40 + "the plane"
    text = f"Headline\n{line} March 16, 2025 {line}\nBody."
    assert dateline_spans(text) == []
    assert stamp_lines(text) == []
    stamped = f"Headline\n{words * 40}10:07 AM \u2013 Sunday, March 16, 2025\nBody."
    assert [stamped[a:b] for a, b in stamp_lines(stamped)] == [stamped.split("\n")[1]]
