"""factcheck.extract.times: clock times, their day and their zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import draft_fact_file, find_mentions
from factcheck.extract.times import document_zone, writes_zone

EASTERN = "All times are Eastern Time.\n"


@pytest.mark.parametrize(
    ("text", "day", "value", "hedge"),
    [
        # the zone of the whole text, with summer time where the day has it
        (EASTERN + "5:26 p.m. - A plane departs.", "2025-03-15", "2025-03-15T17:26-04:00", "exact"),
        (EASTERN + "5:26 p.m. - A plane departs.", "2025-01-15", "2025-01-15T17:26-05:00", "exact"),
        (
            "(all times Eastern) At 9:40 a.m. it began.",
            "2025-03-15",
            "2025-03-15T09:40-04:00",
            "exact",
        ),
        (
            "According to the BBC, all Eastern Daylight Time:\n5:25 PM A plane leaves.",
            "2025-03-15",
            "2025-03-15T17:25-04:00",
            "exact",
        ),
        # a zone after the time wins, fixed abbreviations and 24-hour times
        ("It landed at 18:45 GMT.", "2025-03-15", "2025-03-15T18:45+00:00", "exact"),
        # a dot between hours and minutes, and seconds
        (
            EASTERN + "At 1.24am the lights went out.",
            "2025-03-15",
            "2025-03-15T01:24-04:00",
            "exact",
        ),
        (EASTERN + "At 1:24:33 a.m. it hit.", "2025-03-15", "2025-03-15T01:24:33-04:00", "exact"),
        (EASTERN + "At 1.24:33am it hit.", "2025-03-15", "2025-03-15T01:24:33-04:00", "exact"),
        # a 24-hour time with seconds before its zone ("Central" in March: -05:00)
        ("Posted at 14:43:59 CT by a member.", "2025-03-19", "2025-03-19T14:43:59-05:00", "exact"),
        (EASTERN + "It ended at 7 p.m. PT.", "2025-03-15", "2025-03-15T19:00-07:00", "exact"),
        ("At 10 am EST it began.", "2025-03-15", "2025-03-15T10:00-05:00", "exact"),
        # "P. M." with a space inside, as some wire copy sets it
        ("It hit at 5 P. M. CDT near here.", "2020-07-25", "2020-07-25T17:00-05:00", "exact"),
        # a range is its start, not-before; "before noon" is before 12:00
        (
            EASTERN + "Between 6:45 p.m. and 6:48 p.m. - he ruled.",
            "2025-03-15",
            "2025-03-15T18:45-04:00",
            "not-before",
        ),
        (
            EASTERN + "5:26 - 5:44 p.m. Planes left.",
            "2025-03-15",
            "2025-03-15T17:26-04:00",
            "not-before",
        ),
        (EASTERN + "It happened before noon.", "2025-03-15", "2025-03-15T12:00-04:00", "before"),
        # any zone abbreviation after a 24-hour time; a name may follow the zone
        ("It struck at 13:14 CDT on the 19th.", "2017-09-19", "2017-09-19T13:14-05:00", "exact"),
        ("It struck at 3:40 p.m. PT Sunday.", "2010-04-04", "2010-04-04T15:40-07:00", "exact"),
        # "local time" names no zone: kept as the day, and "04:18" is never two numbers
        ("It hit at 04:18 local time on Sunday.", "2018-01-14", "2018-01-14", "exact"),
        # no zone in the text: the time is kept as its day, never given a guessed zone
        ("It landed at 5:26 p.m. on time.", "2025-03-15", "2025-03-15", "exact"),
        # four-digit 24-hour times before a zone, and long zone names ending in "Time"
        (
            "At approximately 1359 Atlantic Daylight Time, it derailed.",
            "2010-06-13",
            "2010-06-13T13:59-03:00",
            "exact",
        ),
        ("It lifted off (0430 GMT; late).", "2024-05-10", "2024-05-10T04:30+00:00", "exact"),
        ("It began at 2310 UTC.", "2024-05-10", "2024-05-10T23:10+00:00", "exact"),
        ("It hit at 10:05 Alaska Daylight Time.", "2024-05-10", "2024-05-10T10:05-08:00", "exact"),
        ("It hit at 9 a.m. Greenwich Mean Time.", "2024-05-10", "2024-05-10T09:00+00:00", "exact"),
        # four digits with seconds are a time; without a zone it is kept as its day
        ("At 1358:51, the brakes applied.", "2010-06-13", "2010-06-13", "exact"),
        # four digits with a leading zero after "at": no year, a time (here without a zone)
        ("At 0956, Reno reported wind.", "2005-11-02", "2005-11-02", "exact"),
        # a time glued to the sentence before it, as timelines lose their line breaks
        (
            EASTERN + "A fire shows in the hills.11:44 a.m.: Warnings.",
            "2025-01-07",
            "2025-01-07T11:44-05:00",
            "exact",
        ),
    ],
)
def test_times(text: str, day: str, value: str, hedge: str) -> None:
    clock = document_zone(text)
    times = [
        m for m in find_mentions(text, day=date.fromisoformat(day), clock=clock) if m.kind == "date"
    ]
    assert [(m.value, m.hedge) for m in times] == [(value, hedge)]
    assert not [m for m in find_mentions(text, day=date.fromisoformat(day)) if m.kind == "quantity"]


def test_time_without_zone_says_so() -> None:
    [m] = find_mentions("It landed at 5:26 p.m.", day=date(2025, 3, 15))
    assert m.note is not None and "no zone" in m.note


def test_time_without_day_is_not_drafted_as_numbers() -> None:
    assert find_mentions(EASTERN + "At 5:26 p.m. it left.", clock=document_zone(EASTERN)) == []


def test_timeline_headings_give_the_day_and_fold_into_the_time() -> None:
    text = (
        "Timeline\nAll times are Eastern Time.\nSaturday March 15\n"
        "5:26 p.m. - A plane departs.\nMarch 16 at 1:05 a.m.\nIt lands.\n"
    )
    draft = draft_fact_file(text, "t", published="2025-03")
    values = [c["value"] for c in draft.claims]
    assert values == ["2025-03-15", "2025-03-15T17:26-04:00", "2025-03-16T01:05-04:00"]
    assert "day from 'March 16'" in draft.claims[2]["note"]
    assert "All times are Eastern Time" in draft.data["source"]["note"]


_ZONES = {"GMT": 0, "EST": -5, "EDT": -4, "PST": -8, "CET": 1}


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(sorted(_ZONES)),
)
def test_written_times_read_back(d: date, hour: int, minute: int, zone: str) -> None:
    h12 = hour % 12 or 12
    said = f"at {h12}:{minute:02d} {'p.m.' if hour >= 12 else 'a.m.'} {zone}"
    [m] = find_mentions(f"It happened {said} exactly.", day=d)
    want = datetime(
        d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=_ZONES[zone]))
    )
    assert datetime.fromisoformat(str(m.value)) == want
    assert m.text.endswith(zone)


def test_a_status_date_is_not_the_day_of_the_times_after_it() -> None:
    text = (
        "It happened on Saturday March 15. As now early March 24, nothing was said.\n"
        "All times are ET.\n5:25 PM A plane leaves."
    )
    claims = draft_fact_file(text, "t", published="2025-03").claims
    assert claims[-1]["value"] == "2025-03-15T17:25-04:00"


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("All times are Eastern Time.", "eastern"),
        ("(all times Eastern)", "eastern"),
        ("Times are in GMT.", "gmt"),
        ("According to the BBC, all Eastern Daylight Time:", "eastern daylight"),
        ("It visited all Central American countries.", None),
        ("They attended all PT sessions.", None),
    ],
)
def test_document_zone(text: str, zone: str | None) -> None:
    clock = document_zone(text)
    assert (clock.name if clock else None) == zone


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # minutes and seconds after "in", bare: how long it took, in seconds
        ("He ran the first 5K in 14:21.", "quantity", 861),
        ("She crossed in 28:28, a record.", "quantity", 1708),
        # a margin: "trailing by", "won by"
        ("He was trailing by 2:21 at 25K.", "quantity", 141),
        ("She won by 0:45 over the field.", "quantity", 45),
        ("It was over by 5:30 p.m. ET.", "date", "2025-03-15T17:30-04:00"),
        # a clock time: said "at", or with a zone or a.m./p.m. after "in"
        ("The plane landed at 14:21 ET.", "date", "2025-03-15T14:21-04:00"),
        ("It starts in 5:30 p.m. ET slots.", "date", "2025-03-15T17:30-04:00"),
    ],
)
def test_minutes_and_seconds_after_in_are_a_duration(text: str, kind: str, value: object) -> None:
    [m] = find_mentions(text, day=date(2025, 3, 15))
    assert (m.kind, m.value) == (kind, value)
    assert (m.unit == "s") == (kind == "quantity")


@pytest.mark.parametrize(
    "text",
    [
        "The 1959 Pacific hurricane season was mild.",
        "In 1800 Hours of Darkness was a book.",
        "The score was 1.5:30 at the end.",
        "An Asian Games event: AST 1200 was late.",
        "At 1959, the war was long over.",
        "It sank at 0956.5 metres.",
    ],
)
def test_four_digits_that_are_no_time(text: str) -> None:
    """A year before a word that is no zone stays a year; a shared abbreviation ("AST":
    Atlantic or Arabia) is no zone."""
    found = find_mentions(text, day=date(2025, 3, 15))
    assert not [m for m in found if "time" in m.flags and m.precision == "time"]


@pytest.mark.parametrize(
    ("text", "values", "hedges"),
    [
        # "X and Y PM Eastern": two times, the first taking the second's p.m. and zone
        (
            "At 5:26 and 5:42 PM Eastern, two planes took off.",
            ["2025-03-15T17:26-04:00", "2025-03-15T17:42-04:00"],
            ["exact", "exact"],
        ),
        # "between X and Y" is a range: its start, not-before
        (
            "Between 5:26 and 5:42 PM Eastern, two planes took off.",
            ["2025-03-15T17:26-04:00"],
            ["not-before"],
        ),
        (
            "At 9 a.m. and 2 p.m. ET it rang.",
            ["2025-03-15T09:00-04:00", "2025-03-15T14:00-04:00"],
            ["exact", "exact"],
        ),
        # "from X to Y" is a window: its start and its end
        (
            "The road is closed from 6:30 a.m. to 7:30 a.m. ET.",
            ["2025-03-15T06:30-04:00", "2025-03-15T07:30-04:00"],
            ["exact", "exact"],
        ),
        (
            "The road is closed from 6:30 to 7:30 p.m. ET.",
            ["2025-03-15T18:30-04:00", "2025-03-15T19:30-04:00"],
            ["exact", "exact"],
        ),
    ],
)
def test_two_times_joined_by_and(text: str, values: list[str], hedges: list[str]) -> None:
    times = [m for m in find_mentions(text, day=date(2025, 3, 15)) if m.kind == "date"]
    assert [m.value for m in times] == values
    assert [m.hedge for m in times] == hedges
    assert not [
        m
        for m in find_mentions(text, day=date(2025, 3, 15))
        if m.kind == "quantity" and m.value != 2
    ]


def test_a_zone_written_once_holds_for_later_times() -> None:
    text = (
        "On March 15, a plane took off at 7:36 PM Eastern.\n"
        "A judge told lawyers at 6:48 PM to turn it around."
    )
    claims = draft_fact_file(text, "t", published="2025").claims
    last = claims[-1]
    assert last["value"] == "2025-03-15T18:48-04:00"
    assert "earlier in the text" in last["note"]


def test_two_zones_written_and_neither_holds_for_later_times() -> None:
    text = (
        "On May 10, it lifted off at 12:30 a.m. EDT (0430 GMT).\n"
        "The stage landed at 12:38 a.m. on the ship."
    )
    claims = draft_fact_file(text, "t", published="2024").claims
    assert claims[-1]["value"] == "2024-05-10"
    assert "no zone" in claims[-1]["note"]


_REGION_STD = {"Eastern": -5, "Central": -6, "Mountain": -7, "Pacific": -8, "Atlantic": -4}


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(sorted(_ZONES)),
)
def test_four_digit_times_read_back(d: date, hour: int, minute: int, zone: str) -> None:
    """ "1359 GMT" is the same instant as "1:59 p.m. GMT"."""
    [m] = [x for x in find_mentions(f"It happened at {hour:02d}{minute:02d} {zone}.", day=d)]
    want = datetime(
        d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=_ZONES[zone]))
    )
    assert datetime.fromisoformat(str(m.value)) == want


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from(sorted(_REGION_STD)),
    st.booleans(),
)
def test_standard_and_daylight_names_are_an_hour_apart(d: date, region: str, summer: bool) -> None:
    """ "Pacific Daylight Time" is one hour ahead of "Pacific Standard Time", on any day."""
    kind = "Daylight" if summer else "Standard"
    [m] = find_mentions(f"It happened at 1:15 p.m. {region} {kind} Time.", day=d)
    offset = datetime.fromisoformat(str(m.value)).utcoffset()
    assert offset == timedelta(hours=_REGION_STD[region] + summer)


def test_a_zone_written_in_a_paragraph_holds_for_its_later_times() -> None:
    """Two zones in the text, one in the paragraph: the paragraph's holds in it."""
    text = (
        "November 1, 2005, Daytona Beach\nAt about 1136 Eastern time, a plane landed hard.\n"
        "November 2, 2005, Sparks\nA glider broke up at about 0940 Pacific time. The last "
        "radar hit was at 0939:30. At 0956, Reno reported wind.\nA plane landed at 0815."
    )
    values = [c["value"] for c in draft_fact_file(text, "t", published="2005").claims]
    assert "2005-11-02T09:39:30-08:00" in values
    assert "2005-11-02T09:56-08:00" in values
    assert values[-1] == "2005-11-02"  # the next paragraph has no zone of its own


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(0, 9),
    st.integers(0, 59),
    st.sampled_from(sorted(_ZONES)),
)
def test_leading_zero_times_after_at_read_back(d: date, hour: int, minute: int, zone: str) -> None:
    """ "At 0956," in a paragraph whose earlier time says its zone is that zone's 09:56."""
    day = f"{d:%B} {d.day}, {d.year}"
    text = f"{day}: it began at 1200 {zone} in the hills. At {hour:02d}{minute:02d}, it hit."
    claims = draft_fact_file(text, "t", published=str(d.year)).claims
    want = datetime(
        d.year, d.month, d.day, hour, minute, tzinfo=timezone(timedelta(hours=_ZONES[zone]))
    )
    assert datetime.fromisoformat(str(claims[-1]["value"])) == want


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a city's time, named after the time (after its day too)
        ("It was posted at 3 a.m. on March 16, Hanoi time.", "2025-03-16T03:00+07:00"),
        ("It was posted (3 a.m. on March 16, Hanoi time).", "2025-03-16T03:00+07:00"),
        ("Sirens sounded at 9 p.m. Kyiv time on Sunday.", "2025-03-16T21:00+02:00"),
        ("It hit at 9 p.m. Kyiv local time on Sunday.", "2025-03-16T21:00+02:00"),
        ("It struck at 7 a.m. Pakistan time on Sunday.", "2025-03-16T07:00+05:00"),
        # a place with several zones, or none known, is no zone
        ("It hit at 9 p.m. Mexico time on Sunday.", "2025-03-16"),
        ("It hit at 9 p.m. Portland time on Sunday.", "2025-03-16"),
        ("It hit at 9 p.m. Party time on Sunday.", "2025-03-16"),
    ],
)
def test_a_citys_time(text: str, value: str) -> None:
    times = [
        m for m in find_mentions(text, "2025-03-16", day=date(2025, 3, 16)) if "time" in m.flags
    ]
    assert [m.value for m in times] == [value]


@given(st.text(max_size=120))
def test_any_text_with_a_place_time_never_raises(place: str) -> None:
    text = f"It began at 9 p.m. {place} time on Sunday."
    for m in find_mentions(text, "2025-03-16", day=date(2025, 3, 16)):
        if m.precision == "time":
            assert datetime.fromisoformat(str(m.value)).tzinfo is not None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the bracketed equivalent in a known zone is the same instant: it gives the offset
        (
            "It was posted at 4 p.m. on March 15 (3 a.m. on March 16, Hanoi time).",
            "2025-03-15T16:00-04:00",
        ),
        ("It began at 9 a.m. (1400 GMT).", "2025-03-15T09:00-05:00"),
        # not an equivalent: words before the bracketed time, or an offset no zone has
        ("It began at 9 a.m. (after the 2 p.m. GMT raid).", "2025-03-15"),
        ("It began at 9 a.m. (11 p.m. on March 16, GMT).", "2025-03-15"),
    ],
)
def test_a_bracketed_equivalent_gives_the_zone(text: str, value: str) -> None:
    found = [
        m for m in find_mentions(text, "2025-03-15", day=date(2025, 3, 15)) if "time" in m.flags
    ]
    assert found[0].value == value


@given(st.integers(0, 23), st.integers(0, 23))
def test_an_equivalent_gives_a_whole_hour_offset(here: int, there: int) -> None:
    text = f"It began at {here:02d}:00 ({there:02d}:00 GMT)."
    found = find_mentions(text, "2025-03-15", day=date(2025, 3, 15))
    first = datetime.fromisoformat(str(found[0].value))
    if found[0].precision == "time":
        assert first.utcoffset() == timedelta(hours=here - there)


def test_two_names_of_one_regions_clock_are_one_zone() -> None:
    """ "ET" then "EST": one clock said twice holds for a later time with none."""
    text = (
        "It was set to launch at 9:58 p.m. ET Tuesday.\nIt lifted off at 3:15 a.m. EST.\n"
        "Just before 8 p.m., the launch was moved."
    )
    claims = draft_fact_file(text, "t", published="2021-03-09").claims
    assert claims[-1]["value"] == "2021-03-09T20:00-05:00"
    assert "earlier in the text" in claims[-1]["note"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("It began at 5 p.m. ET.", True),
        ("Services resumed shortly after 9am local time.", True),
        ("It began at 5 p.m. Sunday in San Diego.", False),
        ("No time at all, 5 people.", False),
    ],
)
def test_writes_zone(text: str, written: bool) -> None:
    assert writes_zone(text) is written


def test_a_text_writing_no_zone_takes_its_places_zone() -> None:
    text = "Fires burn in Ventura and Los Angeles counties.\nA fire broke out at 11 a.m. Thursday."
    claim = draft_fact_file(text, "t", published="2017-12-07").claims[-1]
    assert claim["value"] == "2017-12-07T11:00-08:00"
    assert "places the text names" in claim["note"]


def test_places_in_two_zones_give_no_zone() -> None:
    text = "Flights from Chicago and Los Angeles.\nOne left at 11 a.m. Thursday."
    claim = draft_fact_file(text, "t", published="2017-12-07").claims[-1]
    assert claim["value"] == "2017-12-07"


@pytest.mark.parametrize(
    ("heading", "value"),
    [
        # the day after a month is no range's start: "July 5 - 11:25 p.m." is a day and a time
        ("Friday, July 5 \u2014 11:25 p.m. EDT", "2013-07-05T23:25-04:00"),
        ("Saturday, July 6 - 12:56 a.m. EDT", "2013-07-06T00:56-04:00"),
        ("Sept. 3 \u2013 9 a.m. EDT", "2013-09-03T09:00-04:00"),
        # "Midnight" and "Noon" capitalised, as a heading sets them
        ("July 5 Noon EDT", "2013-07-05T12:00-04:00"),
        ("July 5 Midnight EDT", "2013-07-05T00:00-04:00"),
    ],
)
def test_a_timeline_heading_is_its_day_and_time(heading: str, value: str) -> None:
    mentions = find_mentions(heading, "2013-07-10")
    assert [m.value for m in mentions] == [value]


def test_a_range_of_hours_still_is_one() -> None:
    day, m = find_mentions("On July 5 it ran 5 - 7 p.m. EDT.", "2013-07-10")
    assert day.value == "2013-07-05"
    assert (m.value, m.hedge, m.text) == ("2013-07-05T17:00-04:00", "not-before", "5 - 7 p.m. EDT")


def test_a_seat_of_government_gives_an_unzoned_text_its_zone() -> None:
    """A text that writes no zone, about what happened at the White House: Washington's."""
    text = "Pool report #2\nBukele's SUV pulled up to the White House at 11:29am on April 14, 2025."
    claims = draft_fact_file(text, "x", published="2025-04-14").claims
    assert "2025-04-14T11:29-04:00" in [c["value"] for c in claims]


def test_a_windows_start_and_end_say_so() -> None:
    start, end = find_mentions("Closed from 6:30 a.m. to 7:30 a.m. ET.", day=date(2025, 3, 15))
    assert (start.text, end.text) == ("from 6:30 a.m.", "7:30 a.m. ET")
    assert start.note is not None and "a window, 06:30 to 07:30: its start" in start.note
    assert end.note is not None and "a window, 06:30 to 07:30: its end" in end.note
