"""Dates: written, numeric and relative dates with their precision."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from factcheck.domain.values import PartialDate
from factcheck.extract.mention import Mention, with_changes
from factcheck.extract.number_words import CARDINALS, count

MONTHS: Final = {
    name: i
    for i, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS: Final = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|"
    "Fri|Sat|Sun"
)
_MONTH: Final = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY: Final = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR: Final = r"(?:1[5-9]\d\d|20\d\d)"
_WD: Final = rf"(?:(?P<wd>{WEEKDAYS})\.?,?\s+)?"
DATE_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (name, re.compile(pattern))
    for name, pattern in [
        ("iso", r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?![\d-])"),
        # "2021-Dec-15", as status pages and logs write a day
        ("year-month-day", rf"(?<![\d-])(?P<y>{_YEAR})-(?P<m>{_MONTH})-(?P<d>{_DAY})(?![\d-])"),
        ("numeric", r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"),
        (
            "day-month-year",
            rf"\b{_WD}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b",
        ),
        ("month-day-year", rf"\b{_WD}(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b"),
        ("month-year", rf"\b(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
        ("month-relative-year", rf"\b(?P<m>{_MONTH})\s+(?P<rel>this|last|next)\s+year\b"),
        # not "May 1.5", "June 5, 6 and 7", "March 15, 2025" (a year: read above); but
        # "On April 15, 30,000 athletes" is a day and then a count
        (
            "month-day",
            rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b"
            rf"(?!\.\d|,?\s*(?:{_YEAR}\b|\d{{1,2}}\b(?!,\d{{3}})))",
        ),
        (
            "month",
            r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Ee]arly|[Ll]ate|mid-)\s+"
            # not a name that begins with a month's letters ("in Mar-a-Lago")
            rf"(?P<m>{_MONTH})(?!\s*\d|-[a-z])",
        ),
        ("relative-year", r"\b(?P<rel>this|last|next)\s+year\b"),
        (
            "year",
            rf"(?<![\d$€£,.\-/])(?P<y>{_YEAR})(?![\d%]|s\b|-\d|\s*(?:thousand|million|billion|percent)\b)",
        ),
    ]
)
RELATIVE_PATTERNS: Final = frozenset({"month-relative-year", "month-day", "month", "relative-year"})
_REL_YEAR: Final = {"this": 0, "last": -1, "next": 1}
WEEKDAY_INDEX: Final = {
    name: i % 7 for i, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
}
DATE_HEDGES: Final = (
    (re.compile(r"\b(?:before|prior to)\s+(?:the\s+)?$", re.IGNORECASE), "before"),
    (re.compile(r"\bafter\s+$", re.IGNORECASE), "after"),
    (re.compile(r"\b(?:by|no later than)\s+$", re.IGNORECASE), "not-after"),
)


def day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]  # always digits


def _month_number(text: str) -> int:
    return MONTHS[text.rstrip(".")]


def _date_text(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """``YYYY[-MM[-DD]]`` when it is a real date, else ``None``."""
    parts = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    try:
        PartialDate.parse(parts)
    except ValueError:
        return None
    return parts


def find_dates(text: str, start: int, end: int, published: PartialDate | None) -> list[Mention]:
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            mention = _date_mention(name, m, published)
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    for i, mention in enumerate(found):
        before = text[start : mention.start]
        for hedge_re, hedge in DATE_HEDGES:
            if hedge_re.search(before):
                found[i] = with_changes(mention, hedge=hedge)
                break
    return found


def _numeric_month_day(
    m: re.Match[str], year: int | None, flags: set[str], notes: list[str]
) -> tuple[int | None, int | None] | None:
    """Month and day of "2/4/2025": the one reading that fits, or neither when both do
    (flagged ambiguous: only the year is certain); None when no reading fits."""
    a, b = int(m.group("a")), int(m.group("b"))
    month: int | None
    day: int | None
    if a > 12 and b <= 12:
        month, day = b, a
    elif b > 12 and a <= 12:
        month, day = a, b
    elif a == b:
        month = day = a
    elif a <= 12 and b <= 12:
        us, eu = _date_text(year or 0, a, b), _date_text(year or 0, b, a)
        flags.add("ambiguous")
        notes.append(
            f"ambiguous date {m.group()!r}: {us} (month/day) or {eu} (day/month); "
            "only the year is certain"
        )
        month = day = None
    else:
        return None
    if m.end() < len(m.string) and m.string[m.end()].isdigit():
        notes.append(f"{m.group()!r} runs straight into more digits in the text")
    return month, day


def _parts(
    name: str, m: re.Match[str], flags: set[str], notes: list[str]
) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) as written; None when the text is no date."""
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if name == "iso":
        return year, int(g["m"]), int(g["d"]) if g["d"] else None
    if name == "numeric":
        md = _numeric_month_day(m, year, flags, notes)
        return None if md is None else (year, *md)
    month = _month_number(g["m"]) if name not in ("relative-year", "year") and g.get("m") else None
    return year, month, day_number(g["d"]) if g.get("d") else None


def _relative_year(
    name: str, m: re.Match[str], published: PartialDate | None, flags: set[str], notes: list[str]
) -> int | None:
    """The year of a date written without one ("April 14", "last year"), from the
    publication date; None without it."""
    if published is None:
        return None
    rel = m.groupdict().get("rel")
    flags.add("relative")
    notes.append(
        f"relative date {m.group()!r} resolved against the publication date {published}"
        if rel
        else f"{m.group()!r} gives no year; year taken from the publication date {published}"
    )
    return published.year + _REL_YEAR.get(rel or "this", 0)


def _weekday_check(wd: str | None, day: date, value: str) -> list[str]:
    """A note when the weekday written with a date is not that date's."""
    if wd and WEEKDAY_INDEX[wd[:3].casefold()] != day.weekday():
        return [f"the weekday {wd!r} does not match {value}"]
    return []


def _date_mention(name: str, m: re.Match[str], published: PartialDate | None) -> Mention | None:
    flags: set[str] = set()
    notes: list[str] = []
    parts = _parts(name, m, flags, notes)
    if parts is None:
        return None
    year, month, day = parts
    if m.groupdict().get("rel") or (year is None and name != "year"):
        year = _relative_year(name, m, published, flags, notes)
    if year is None:
        return None
    ambiguous = "ambiguous" in flags
    value = _date_text(year) if ambiguous else _date_text(year, month, day)
    if value is None:
        return None
    if day and not ambiguous:
        notes += _weekday_check(m.groupdict().get("wd"), date(year, month or 1, day), value)
    start, end = m.span()
    if name == "month":  # the word before the month is context, not part of the date
        start, end = m.start("m"), m.end("m") - m.group("m").endswith(".")
    return Mention(
        kind="date",
        start=start,
        end=end,
        text=m.string[start:end],
        value=value,
        precision="year" if ambiguous or not month else "month" if not day else "day",
        flags=frozenset(flags),
        note="; ".join(notes) or None,
    )


# "the following month", "the next day", "the previous year": relative to the narrative.
_ANAPHORIC_RE: Final = re.compile(
    r"\b(?:(?:the\s+)?(?P<d1>following|preceding)|the\s+(?P<d2>next|previous))\s+"
    r"(?P<unit>day|month|year)\b",
    re.IGNORECASE,
)


def shift(value: str, unit: str, step: int) -> str | None:
    parts = [int(x) for x in value[:10].split("-")]
    if unit == "year":
        return _date_text(parts[0] + step)
    if unit == "month" and len(parts) >= 2:
        months = parts[0] * 12 + parts[1] - 1 + step
        return _date_text(months // 12, months % 12 + 1)
    if unit == "day" and len(parts) == 3:
        return (date(*parts) + timedelta(days=step)).isoformat()
    return None


def find_anaphoric_dates(
    text: str, start: int, end: int, dates: list[Mention], previous: Mention | None
) -> list[Mention]:
    """Dates such as "the following month", resolved against the last date before them
    (in ``dates``, else ``previous`` from an earlier sentence); the note says so."""
    out: list[Mention] = []
    for m in _ANAPHORIC_RE.finditer(text, start, end):
        before = [d for d in dates if d.end <= m.start() and "ambiguous" not in d.flags]
        ref = before[-1] if before else previous
        if ref is None:
            continue
        step = 1 if (m["d1"] or m["d2"]).casefold() in ("following", "next") else -1
        unit = m["unit"].casefold()
        value = shift(str(ref.value), unit, step)
        if value is None:
            continue
        said = f"relative date {m.group()!r} resolved against {ref.text!r} ({ref.value}), "
        out.append(relative_mention(m, value, unit, said + "the last date before it"))
    for m in _THAT_YEAR_RE.finditer(text, start, end):
        before = [d for d in dates if d.end <= m.start() and "ambiguous" not in d.flags]
        ref = before[-1] if before else previous
        got = _rest_of_year(str(ref.value), m["when"].casefold()) if ref else None
        if ref is not None and got is not None:
            said = f"relative date {m.group()!r}: of the year of {ref.text!r} ({ref.value}), "
            out.append(relative_mention(m, got, "month", said + f"{m['when']} than its month"))
    return out


# "later that year", "earlier that year": the rest of the year of the date before them.
_THAT_YEAR_RE: Final = re.compile(r"\b(?P<when>later|earlier)\s+(?:in\s+)?that\s+year\b", re.I)


def _rest_of_year(ref: str, when: str) -> tuple[str, str] | None:
    """The months of ``ref``'s year after its month ("later") or before it ("earlier"),
    as a span; none when ``ref`` has no month or is at its year's end."""
    if not isinstance(ref, str) or len(ref) < 7:
        return None
    year, month = int(ref[:4]), int(ref[5:7])
    lo, hi = (month + 1, 12) if when == "later" else (1, month - 1)
    if lo > hi:
        return None
    return f"{year:04d}-{lo:02d}", f"{year:04d}-{hi:02d}"


def relative_mention(
    m: re.Match[str], value: str | tuple[str, str], precision: str, note: str
) -> Mention:
    """A date written relative to another ("the following month", "six months ago",
    "yesterday"); a pair of days ("last night") is a span, hedge ``between``."""
    return Mention(
        "date",
        m.start(),
        m.end(),
        m.group(),
        value,
        hedge="between" if isinstance(value, tuple) else "exact",
        precision=precision,
        flags=frozenset({"relative"}),
        note=note,
    )


# "six months ago", "two years ago", "a week ago": relative to the publication date.
_AGO_RE: Final = re.compile(
    rf"\b(?P<n>\d{{1,3}}|an?|{'|'.join(CARDINALS)})\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
# What a date so far back must be known to: "two days ago" needs the day of publication.
_AGO_NEEDS: Final = {"day": "day", "week": "day", "month": "month", "year": "year"}


def find_ago_dates(text: str, start: int, end: int, published: PartialDate | None) -> list[Mention]:
    """Dates such as "six months ago", counted back from the publication date, to the
    precision of their unit (a month back from 2025-03-10 is 2025-02)."""
    out: list[Mention] = []
    if published is None:
        return out
    for m in _AGO_RE.finditer(text, start, end):
        n, unit = count(m["n"]), m["unit"].casefold()
        need = _AGO_NEEDS[unit]
        known = {"day": published.day, "month": published.month, "year": published.year}
        if known[need] is None:  # "two days ago" of a text dated only to its month
            continue
        step = -n * 7 if unit == "week" else -n
        value = shift(str(published), "day" if unit == "week" else unit, step)
        if value is None:
            continue
        note = f"{m.group()!r} counted back from the publication date {published}"
        out.append(relative_mention(m, value, need, note))
    return out


# What comes before a comparison's baseline: "up to $6.86 billion from $5.42 billion a year
# ago", "up 17% compared to last year", "more than last year".
_FIGURE: Final = (
    r"(?:US)?[$\u20ac\u00a3]?\d[\d.,]*(?:\s*(?:%|percent|cents?|[mb]n|(?:thousand|million|"
    r"billion|trillion)\b))?(?:,\s*or\s+[^,]{1,30},)?\s+"  # ", or $1.27 a share,"
)
_BASELINE_BEFORE: Final = re.compile(
    rf"(?:\bfrom\s+{_FIGURE}|\b(?:than|over|compared\s+(?:to|with)|versus|vs\.?)\s+(?:{_FIGURE})?)"
    r"(?:(?:in\s+)?the\s+same\s+\w+\s+)?\Z",
    re.IGNORECASE,
)


def is_baseline(text: str, m: Mention, sent_start: int) -> bool:
    """Whether the relative date ``m`` is what a figure is compared with ("from $5.42
    billion a year ago", "last year's $1.72", "compared to last year"): the time of the
    other figure, which dates it, not an event of its own to draft."""
    if m.kind != "date" or not _SAID_RELATIVE.search(m.text):
        return False
    possessive = text.startswith(("'s ", "\u2019s "), m.end)
    return possessive or _BASELINE_BEFORE.search(text, sent_start, m.start) is not None


_SAID_RELATIVE: Final = re.compile(r"\b(?:ago|earlier)$|^(?:last|this|next)\s", re.IGNORECASE)
