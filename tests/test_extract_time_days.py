"""factcheck.extract.time_days: the day a clock time falls on."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.domain.values import PartialDate
from factcheck.extract.dates import find_dates
from factcheck.extract.time_days import times_on_days
from factcheck.extract.times import Clock

_EASTERN = (Clock("eastern", "All times are Eastern"), None)
_AT = date(2025, 3, 14)  # the day the text is at


def _times(text: str, day: date | None = _AT, *, ahead: bool = False) -> tuple[list[str], bool]:
    dates = find_dates(text, 0, len(text), PartialDate.parse("2025-03-17"))
    times, folded = times_on_days(text, 0, len(text), dates, day, _EASTERN, ahead=ahead)
    return [str(t.value) for t in times], bool(folded)


@pytest.mark.parametrize(
    ("text", "value", "folded"),
    [
        # the day written with the time, before or after it, is part of it
        ("March 15 at 5:26 p.m. it left.", "2025-03-15T17:26-04:00", True),
        ("At 10:03 a.m. on March 17 it left.", "2025-03-17T10:03-04:00", True),
        # a day earlier in the sentence, apart from the time
        ("On March 16, after a long delay, it left at 1:05 a.m.", "2025-03-16T01:05-04:00", False),
        # no day in the sentence: the day the text is at
        ("At 9 a.m. it left.", "2025-03-14T09:00-04:00", False),
    ],
)
def test_the_day_of_a_time(text: str, value: str, folded: bool) -> None:
    assert _times(text) == ([value], folded)


def test_no_day_anywhere_no_time() -> None:
    assert _times("At 9 a.m. it left.", None) == ([], False)


def test_a_time_on_a_day_to_come_is_flagged_ahead_and_says_so() -> None:
    text = "Roads will close at 7 a.m."
    dates = find_dates(text, 0, len(text), None)
    [t], _ = times_on_days(text, 0, len(text), dates, date(2019, 11, 3), _EASTERN, ahead=True)
    assert "ahead" in t.flags
    assert t.note is not None and "the day to come the text named" in t.note
    [t], _ = times_on_days(text, 0, len(text), dates, date(2019, 11, 3), _EASTERN)
    assert "ahead" not in t.flags
