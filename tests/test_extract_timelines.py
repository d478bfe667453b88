"""factcheck.extract.timelines: "Midnight" after an evening entry is the next day's."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import draft_fact_file
from factcheck.extract.mention import Mention
from factcheck.extract.timelines import past_midnight

_TIMELINE = (
    "Timeline of the night\n"
    "\u2014 Friday, July 5 \u2014 11:25 p.m. EDT\n"
    "The train is parked.\n"
    "\u2014 11:30 p.m. EDT\n"
    "A resident calls.\n"
    "\u2014 Midnight\n"
    "Firefighters arrive.\n"
    "\u2014 1:15 a.m. EDT\n"
    "The first explosion.\n"
)


def test_a_timeline_passes_midnight() -> None:
    claims = draft_fact_file(_TIMELINE, "t", published="2013-07-10").claims
    assert [c["value"] for c in claims] == [
        "2013-07-05T23:25-04:00",
        "2013-07-05T23:30-04:00",
        "2013-07-06T00:00-04:00",
        "2013-07-06T01:15-04:00",
    ]
    # the quote keeps the dash that opens the entry's line, as a reader quoting it does
    assert claims[1]["quote"] == "\u2014 11:30 p.m. EDT"
    assert "the next day's 00:00" in claims[2]["note"]


def test_midnight_with_its_own_day_stays_on_it() -> None:
    text = "At 11:30 p.m. EDT on July 5 a resident called.\nAt midnight EDT on July 5 it ended.\n"
    values = [c["value"] for c in draft_fact_file(text, "t", published="2013-07-10").claims]
    assert values == ["2013-07-05T23:30-04:00", "2013-07-05T00:00-04:00"]


def _time(day: date, hour: int, text: str) -> Mention:
    value = f"{day.isoformat()}T{hour:02d}:00-04:00"
    note = "day 2013-07-05 from the last date before it in the text"
    return Mention(
        "date", 0, len(text), text, value, precision="time", flags=frozenset({"time"}), note=note
    )


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 23))
def test_only_midnight_after_an_afternoon_moves_a_day(day: date, hour: int) -> None:
    before = _time(day, hour, f"{hour}:00 EDT")
    [midnight], last = past_midnight([_time(day, 0, "Midnight")], before)
    moved = day + timedelta(days=1) if hour >= 12 else day
    assert str(midnight.value)[:10] == moved.isoformat()
    assert last is midnight
    # any other time stays where its day put it
    [other], _ = past_midnight([_time(day, 0, "12:00 a.m. EDT")], before)
    assert str(other.value)[:10] == day.isoformat()
