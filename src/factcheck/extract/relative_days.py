"""Days said relative to the text's own day, and spans of two days.

News writes the day of an event from the day it is read: "said yesterday", "Last night, in
a joint operation", "deported earlier this month", "the first launch last May". Each is
resolved against the publication date (known to the day, or to the month for a month), and
the note says so: "last May" is the latest May before the publication's month, "next May"
the earliest after it.
A night lies across two days, so "last night" and "overnight Sunday" are drafted as
``between`` the day it starts and the next; "started between Monday and Thursday" is one
span of days, not two dates. Such a span's value is the pair of days and its precision
``days``: no clock time falls on it and nothing is counted from it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from factcheck.domain.values import PartialDate
from factcheck.extract.dates import MONTHS, relative_mention
from factcheck.extract.mention import Mention, with_changes

__all__ = ["RANGE", "VAGUE", "day_spans", "find_relative_days", "named_month_year"]

#: The precision of a span of days ("between Monday and Thursday").
RANGE: Final = "days"

#: The flags of a month said from the publication date ("earlier this month").
VAGUE: Final = frozenset({"relative", "vague"})

_DAY_WORDS: Final = re.compile(r"\b(?P<w>[Yy]esterday|[Tt]omorrow)\b|\b(?P<n>[Ll]ast\s+night)\b")
_STEPS: Final = {"yesterday": -1, "tomorrow": 1}
# "earlier this month", "last month": the month of the publication date, or next to it
_MONTH_WORDS: Final = re.compile(
    r"\b(?:(?:earlier|later)\s+)?(?P<rel>this|last|next)\s+month\b", re.IGNORECASE
)
_MONTH_STEPS: Final = {"this": 0, "last": -1, "next": 1}
# "the company's first launch last May", "due next March": a month named from the
# publication date (not "last May 5", a day, nor "May" the verb: a month's full name)
_NAMED_MONTH: Final = re.compile(
    r"\b(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+(?P<m>"
    + "|".join(name for name in MONTHS if len(name) > 3 or name == "May")
    + r")\b(?!\.?\s*\d)"
)
# "conducted overnight Sunday": the night of that day, into the next
_OVERNIGHT: Final = re.compile(r"\bovernight\s+(?:on\s+)?$", re.IGNORECASE)
# "between Monday and Thursday", "from Monday to Thursday": a span of two days
_SPAN_OPEN: Final = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_SPAN_JOIN: Final = re.compile(r"\s*(?:and|to|through|until|-|\u2013)\s*")


def _day(published: PartialDate | None) -> date | None:
    if published is None or published.month is None or published.day is None:
        return None
    return date(published.year, published.month, published.day)


def find_relative_days(
    text: str, start: int, end: int, published: PartialDate | None
) -> list[Mention]:
    """ "yesterday", "tomorrow", "last night" (a day known to the day) and "earlier this
    month", "last month" (to the month) in ``text[start:end]``, resolved against
    ``published``; none without it."""
    out: list[Mention] = []
    day = _day(published)
    for m in _DAY_WORDS.finditer(text, start, end) if day else ():
        assert day is not None  # for mypy: the loop runs only with a day
        said = f"{m.group()!r} counted from the publication date {day}"
        if m["n"]:
            night = (day - timedelta(days=1)).isoformat(), day.isoformat()
            out.append(
                relative_mention(m, night, RANGE, said + ": the night before it, across two days")
            )
        else:
            value = (day + timedelta(days=_STEPS[m["w"].casefold()])).isoformat()
            out.append(relative_mention(m, value, "day", said))
    if published is None or published.month is None:
        return out
    for m in _MONTH_WORDS.finditer(text, start, end):
        months = published.year * 12 + published.month - 1 + _MONTH_STEPS[m["rel"].casefold()]
        value = f"{months // 12:04d}-{months % 12 + 1:02d}"
        said = f"{m.group()!r} of the publication date {published}"
        # a month said from today tells no day: it is no evidence of which event is meant
        out.append(with_changes(relative_mention(m, value, "month", said), flags=VAGUE))
    for m in _NAMED_MONTH.finditer(text, start, end):
        year = named_month_year(m["rel"].casefold(), MONTHS[m["m"]], published)
        said = f"{m.group()!r}: that {m['m']} from the publication date {published}"
        out.append(relative_mention(m, f"{year:04d}-{MONTHS[m['m']]:02d}", "month", said))
    return out


def named_month_year(rel: str, month: int, published: PartialDate) -> int:
    """The year of "last May", "this May" or "next May" said on ``published`` (known to
    the month): last is the latest such month before the publication's month, next the
    earliest after it, this the one of the publication's year."""
    assert published.month is not None
    year = published.year
    if rel == "last":
        return year if month < published.month else year - 1
    if rel == "next":
        return year if month > published.month else year + 1
    return year


def day_spans(text: str, dates: list[Mention]) -> list[Mention]:
    """``dates`` with the spans of days they make read as one: "overnight Sunday" (the
    Sunday and the Monday), "between Monday and Thursday" (both days, in order)."""
    out: list[Mention] = []
    for d in dates:
        plain = d.precision == "day" and "time" not in d.flags and not _PART_OF_DAY.search(d.text)
        prev = out[-1] if out else None
        if plain and _OVERNIGHT.search(text, max(0, d.start - 20), d.start):
            night = (date.fromisoformat(str(d.value)) + timedelta(days=1)).isoformat()
            note = f"overnight {d.text!r}: its night, into {night}"
            out.append(
                with_changes(
                    d, value=(str(d.value), night), hedge="between", precision=RANGE, note=note
                )
            )
            continue
        if (
            plain
            and prev is not None
            and prev.precision == "day"
            and "time" not in prev.flags
            and str(prev.value) < str(d.value)
            and _SPAN_JOIN.fullmatch(text, prev.end, d.start)
            and _SPAN_OPEN.search(text, max(0, prev.start - 20), prev.start)
        ):
            note = "; ".join(
                filter(None, [prev.note, d.note, f"a span of days, {prev.value} to {d.value}"])
            )
            out[-1] = with_changes(
                prev,
                end=d.end,
                text=text[prev.start : d.end],
                value=(str(prev.value), str(d.value)),
                hedge="between",
                precision=RANGE,
                note=note,
            )
            continue
        out.append(d)
    return out


_PART_OF_DAY: Final = re.compile(r"\b(?:morning|afternoon|evening|night)\b", re.IGNORECASE)
