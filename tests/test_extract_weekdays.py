"""factcheck.extract.weekdays: weekdays said alone, resolved around the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.values import PartialDate
from factcheck.extract import draft_fact_file
from factcheck.extract.weekdays import find_weekday_dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They arrived Sunday morning.", "2025-03-16"),  # published on Monday 17 March
        ("It happened last Monday.", "2025-03-10"),
        ("It happens next Monday.", "2025-03-24"),
        ("It happened on Monday.", "2025-03-17"),
    ],
)
def test_weekdays_resolved_against_the_publication_day(text: str, value: str) -> None:
    [claim] = draft_fact_file(text, "x", published="2025-03-17").claims
    assert claim["value"] == value
    assert "resolved against the publication date" in claim["note"]


def test_weekday_with_a_date_is_that_date_and_without_a_day_is_unresolved() -> None:
    claims = draft_fact_file("On Friday, March 14, it began.", "x", published="2025-03-17").claims
    assert [c["value"] for c in claims] == ["2025-03-14"]
    draft = draft_fact_file("Headline\nEarly Saturday it began.", "x", published="2025-03")
    assert draft.claims == []
    assert any("Saturday" in u for u in draft.unresolved)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # published on Monday 17 March: a sentence about what is to come looks ahead
        ("Inspections will continue Saturday.", "2025-03-22"),
        ("The next launch opportunity is Sunday.", "2025-03-23"),
        ("The vote is scheduled for Monday.", "2025-03-17"),
        # a report's weekday is when it was said, whatever it says will happen
        ("Officials said Sunday they will appeal.", "2025-03-16"),
        ("The next morning, Sunday, they left.", "2025-03-16"),
        # what was said or ordered to come: "would", "ordered to"
        ("He advised there would be a briefing on Friday.", "2025-03-21"),
        ("Both were ordered to appear in court Friday.", "2025-03-21"),
        ("Both appeared in court Friday.", "2025-03-14"),
    ],
)
def test_weekdays_of_what_is_to_come_look_ahead(text: str, value: str) -> None:
    [claim] = draft_fact_file(text, "x", published="2025-03-17").claims
    assert claim["value"] == value


def test_a_weekday_before_a_time_is_the_time_s_day() -> None:
    """ "Sunday 9:38 a.m. EST": the weekday is no date written with a day number."""
    [claim] = draft_fact_file(
        "The next launch opportunity is Sunday 9:38:59 a.m. EST.", "x", published="2017-02-18"
    ).claims
    assert claim["value"] == "2017-02-19T09:38:59-05:00"


@given(
    st.dates(min_value=date(1900, 1, 8), max_value=date(2099, 12, 24)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    st.booleans(),
)
def test_a_weekday_alone_is_that_weekday_within_a_week_of_publication(
    published: date, weekday: str, future: bool
) -> None:
    text = f"The work will resume {weekday}." if future else f"The work resumed {weekday}."
    [claim] = draft_fact_file(text, "x", published=published.isoformat()).claims
    day = date.fromisoformat(str(claim["value"]))
    assert f"{day:%A}" == weekday
    assert 0 <= ((day - published).days if future else (published - day).days) <= 6


@given(
    st.dates(min_value=date(1900, 1, 8), max_value=date(2099, 12, 24)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    st.sampled_from(["There would be a briefing on", "They met on", "It resumes next"]),
)
def test_a_day_is_flagged_ahead_exactly_when_it_is_after_publication(
    published: date, weekday: str, said: str
) -> None:
    text = f"{said} {weekday}."
    [m] = find_weekday_dates(text, 0, len(text), PartialDate.parse(published.isoformat()))
    assert ("ahead" in m.flags) == (date.fromisoformat(str(m.value)) > published)


# A notice published on Saturday 2 November 2019 about Sunday's race: its times to come
# are Sunday's (after the clocks went back: EST), its times past the publication day's.
_NOTICE = (
    "The marathon will close several Raleigh streets on Sunday morning.\n\n"
    "Most roads will close at 7 a.m. and reopen later. Crews closed Lane Street at 6 a.m."
)


def test_times_to_come_fall_on_the_day_to_come_named_before_them() -> None:
    claims = draft_fact_file(_NOTICE, "x", published="2019-11-02").claims
    values = [c["value"] for c in claims]
    assert values == ["2019-11-03", "2019-11-03T07:00-05:00", "2019-11-02T06:00-04:00"]


def test_a_day_written_after_the_day_to_come_ends_it() -> None:
    text = _NOTICE.replace("Most roads", "On November 1 it rained. Most roads")
    claims = draft_fact_file(text, "x", published="2019-11-02").claims
    assert "2019-11-01T07:00-04:00" in [c["value"] for c in claims]


def test_a_weekday_said_again_is_the_day_to_come_named_before() -> None:
    text = _NOTICE + "\n\nSunday also is the first day of daylight savings."
    claims = draft_fact_file(text, "x", published="2019-11-02").claims
    sunday = [c for c in claims if c["value"] == "2019-11-03"]
    assert len(sunday) == 1 and "said again" in sunday[0]["note"]
    assert "2019-10-27" not in [c["value"] for c in claims]
    # said first of the past, a weekday keeps its own week
    past = "Roads closed on Sunday morning. Sunday was quiet."
    assert {c["value"] for c in draft_fact_file(past, "x", published="2019-11-02").claims} == {
        "2019-10-27"
    }
