"""Draft a fact file from a source text: every number and date becomes a draft claim.

``factcheck extract SNAPSHOT.txt --source-id ID`` reads a snapshot, splits it into
sentences and proposes one claim per figure it recognises: counts ("1,659", "14,5
thousand", "two"), amounts ("$6 million"), percentages ("3%", "57 percent"), rates ("per
100,000"), and dates ("January 2023", "Tue 4th Feb, 2025", "2025-02-04", "2/4/2025",
"in March this year"). Each claim quotes its sentence verbatim and carries the parsed value,
unit, hedge ("more than" -> ``more-than``) and, for dates, the precision in the value itself
(``2023-01`` is a month).

Nothing is invented: where the subject or property is not clear from an entity alias or a
property keyword in the sentence, the claim names the placeholder entity ``unidentified``
and the property ``unreviewed-number`` / ``unreviewed-date`` (both defined in the corpus),
and every claim is ``draft: true``. ``factcheck audit`` reports draft claims as errors
(see :func:`factcheck.engine.draft_errors`) until a person confirms them.

Dates and numbers are read with regular expressions, not a date library: the forms the
sources use need precision ("January 2023" is a month, not the 1st or today's day of
January) and ambiguity ("2/4/2025") kept visible, which general date parsers resolve away.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

from .corpus import Corpus
from .dump import yaml_text
from .errors import FactcheckError, LoadError
from .values import PartialDate, _parse_number

__all__ = [
    "UNIDENTIFIED",
    "UNREVIEWED_DATE",
    "UNREVIEWED_NUMBER",
    "Draft",
    "Mention",
    "configure",
    "draft_fact_file",
    "find_mentions",
    "run",
    "split_sentences",
]

#: Placeholder subject of a draft claim whose subject the extractor could not tell.
UNIDENTIFIED: Final = "unidentified"
#: Placeholder property of a draft number claim whose property is not clear.
UNREVIEWED_NUMBER: Final = "unreviewed-number"
#: Placeholder property of a draft date claim whose property is not clear.
UNREVIEWED_DATE: Final = "unreviewed-date"


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure found in the text: where it is, what it says, how sure the reading is.

    ``value`` is a number, a ``(low, high)`` pair (hedge ``between``) or, for a date, a
    partial-date string whose length is its precision. ``flags`` name what a person must
    check: ``ambiguous`` (2/4/2025), ``relative`` (resolved against the publication date),
    ``word`` (written in words), ``ordinal`` (a rank), ``multiplier`` ("doubling").
    """

    kind: str  # "quantity" or "date"
    start: int
    end: int
    text: str
    value: float | tuple[float, float] | str
    unit: str | None = None
    hedge: str = "exact"
    precision: str | None = None  # dates: year, month or day
    flags: frozenset[str] = frozenset()
    note: str | None = None


# --- sentences -----------------------------------------------------------------------

# Words whose trailing period does not end a sentence ("U.S. Secretary", "Mr. Bukele").
_ABBREVIATIONS: Final = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gen",
        "sen",
        "rep",
        "gov",
        "prof",
        "no",
        "vs",
        "inc",
        "co",
        "corp",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "fig",
    }
)
# Closing and opening quotes as escapes: \u201d \u2019 close, \u201c \u2018 open.
_SENTENCE_END: Final = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u2022])"
)
_LEADING: Final = re.compile(r"[\s\u2022\u00b7*\-\u2013\u2014]*")  # bullets and dashes


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``; ``text[start:end]`` is verbatim.

    A line break always ends a sentence (snapshots hold one paragraph per line); within a
    line a sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a capital letter or a
    digit, except after an abbreviation or an initial ("U.S. Senator"). Leading bullets
    and spaces are not part of a sentence.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, body = pos, line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        pos += len(line)
        cut = 0
        for m in _SENTENCE_END.finditer(body):
            word = re.search(r"([A-Za-z]+)\.?$", body[cut : m.start() + 1])
            if m.group().startswith(".") and word and _is_abbreviation(word.group(1)):
                continue
            spans.extend(_trimmed(line_start, body, cut, m.end()))
            cut = m.end()
        spans.extend(_trimmed(line_start, body, cut, len(body)))
    return spans


def _is_abbreviation(word: str) -> bool:
    return (len(word) == 1 and word.isupper()) or word.casefold() in _ABBREVIATIONS


def _trimmed(offset: int, body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    start = _LEADING.match(body, start).end()  # type: ignore[union-attr]  # always matches
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        yield offset + start, offset + end


# --- dates ---------------------------------------------------------------------------

_MONTHS: Final = {
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
_WEEKDAYS: Final = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|"
    "Fri|Sat|Sun"
)
_MONTH: Final = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY: Final = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR: Final = r"(?:1[5-9]\d\d|20\d\d)"
_WD: Final = rf"(?:(?P<wd>{_WEEKDAYS})\.?,?\s+)?"
_DATE_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (name, re.compile(pattern))
    for name, pattern in [
        ("iso", r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?![\d-])"),
        ("numeric", r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"),
        (
            "day-month-year",
            rf"\b{_WD}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b",
        ),
        ("month-day-year", rf"\b{_WD}(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b"),
        ("month-year", rf"\b(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
        ("month-relative-year", rf"\b(?P<m>{_MONTH})\s+(?P<rel>this|last|next)\s+year\b"),
        ("month-day", rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?![,.]?\s*\d)"),
        (
            "month",
            r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Ee]arly|[Ll]ate|mid-)\s+"
            rf"(?P<m>{_MONTH})(?!\s*\d)",
        ),
        ("relative-year", r"\b(?P<rel>this|last|next)\s+year\b"),
        (
            "year",
            rf"(?<![\d$€£,.\-/])(?P<y>{_YEAR})(?![\d%]|s\b|-\d|\s*(?:thousand|million|billion|percent)\b)",
        ),
    ]
)
_RELATIVE_PATTERNS: Final = frozenset(
    {"month-relative-year", "month-day", "month", "relative-year"}
)
_REL_YEAR: Final = {"this": 0, "last": -1, "next": 1}
_WEEKDAY_INDEX: Final = {
    name: i % 7 for i, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
}
_DATE_HEDGES: Final = (
    (re.compile(r"\b(?:before|prior to)\s+(?:the\s+)?$", re.IGNORECASE), "before"),
    (re.compile(r"\bafter\s+$", re.IGNORECASE), "after"),
    (re.compile(r"\b(?:by|no later than)\s+$", re.IGNORECASE), "not-after"),
)


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]  # always digits


def _month_number(text: str) -> int:
    return _MONTHS[text.rstrip(".")]


def _date_text(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """``YYYY[-MM[-DD]]`` when it is a real date, else ``None``."""
    parts = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    try:
        PartialDate.parse(parts)
    except ValueError:
        return None
    return parts


def _find_dates(text: str, start: int, end: int, published: PartialDate | None) -> list[Mention]:
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            mention = _date_mention(name, m, published)
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    for i, mention in enumerate(found):
        before = text[start : mention.start]
        for hedge_re, hedge in _DATE_HEDGES:
            if hedge_re.search(before):
                found[i] = _with(mention, hedge=hedge)
                break
    return found


def _with(m: Mention, **changes: Any) -> Mention:
    fields = {f: getattr(m, f) for f in Mention.__slots__}
    fields.update(changes)
    return Mention(**fields)


def _date_mention(name: str, m: re.Match[str], published: PartialDate | None) -> Mention | None:
    g = m.groupdict()
    flags: set[str] = set()
    notes: list[str] = []
    year = int(g["y"]) if g.get("y") else None
    month = (
        _month_number(g["m"])
        if name not in ("iso", "numeric", "relative-year", "year") and g.get("m")
        else None
    )
    day = _day_number(g["d"]) if g.get("d") and name != "iso" else None
    if name == "iso":
        month = int(g["m"])
        day = int(g["d"]) if g["d"] else None
    elif name == "numeric":
        a, b = int(g["a"]), int(g["b"])
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
        else:
            return None
        if m.end() < len(m.string) and m.string[m.end()].isdigit():
            notes.append(f"{m.group()!r} runs straight into more digits in the text")
    if g.get("rel") or (year is None and name != "year"):
        if published is None:
            return None
        offset = _REL_YEAR.get(g.get("rel") or "this", 0)
        year = published.year + offset
        flags.add("relative")
        said = m.group()
        notes.append(
            f"relative date {said!r} resolved against the publication date {published}"
            if g.get("rel")
            else f"{said!r} gives no year; year taken from the publication date {published}"
        )
    assert year is not None
    value = _date_text(year, month, day) if "ambiguous" not in flags else _date_text(year)
    if value is None:
        return None
    wd = g.get("wd")
    if wd and day and "ambiguous" not in flags:
        actual = date(year, month or 1, day).weekday()
        if _WEEKDAY_INDEX[wd[:3].casefold()] != actual:
            notes.append(f"the weekday {wd!r} does not match {value}")
    precision = (
        ("day" if day else "month" if month else "year") if "ambiguous" not in flags else "year"
    )
    start, end = m.span()
    if name == "month":  # the word before the month is context, not part of the date
        start, end = m.start("m"), m.end("m") - m.group("m").endswith(".")
    return Mention(
        kind="date",
        start=start,
        end=end,
        text=m.string[start:end],
        value=value,
        precision=precision,
        flags=frozenset(flags),
        note="; ".join(notes) or None,
    )


# --- numbers -------------------------------------------------------------------------

_NUMBER_RE: Final = re.compile(
    r"(?<![\w$€£@#/.,\-])(?P<cur>US\$|\$|€|£)?(?P<num>\d+(?:[.,]\d+)*)"
    r"(?:\s?(?P<scale>thousand|million|billion|bn|mn)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per\s?cent)\b)?"
    r"(?(scale)|(?(pct)|(?![\w%])))"
)
_SCALE: Final = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "mn": 1e6}
_CURRENCY: Final = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
_UNIT_AFTER: Final = re.compile(
    r"\s+(?P<u>hours?|days?|weeks?|months?|years?|minutes?|seconds?|hectares?|acres?|"
    r"square\s+(?:meters|metres|kilometers|kilometres)|km|kilometers?|kilometres?|miles?|"
    r"dollars|euros)\b",
    re.IGNORECASE,
)
_UNIT_NAMES: Final = {
    "square meters": "m2",
    "square metres": "m2",
    "square kilometers": "km2",
    "square kilometres": "km2",
    "kilometer": "km",
    "kilometre": "km",
    "kilometers": "km",
    "kilometres": "km",
    "km": "km",
    "dollars": "USD",
    "euros": "EUR",
}
_WORD_NUMBERS: Final = {
    w: i
    for i, w in enumerate(
        [
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ],
        start=2,
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "once": 1,
    "twice": 2,
}
_UNITS_WORDS: Final = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_WORD_RE: Final = re.compile(
    r"\b(?P<w>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:"
    + "|".join(_UNITS_WORDS)
    + "))|"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_COUNTED_ONCE: Final = re.compile(
    r"only\s+once\b|\bonce\s+(?:a|an|per|every|for|more)\b", re.IGNORECASE
)
_ORDINALS: Final = {
    w: i
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
        ],
        start=1,
    )
}
_ORDINAL_RE: Final = re.compile(
    r"\brank(?:s|ed)?\s+(?P<o>" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th))\b"
    r"|\b(?P<p>" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th))\s+place\b",
    re.IGNORECASE,
)
_MULTIPLIER_RE: Final = re.compile(
    r"\b(?P<w>doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)|halv(?:e|ed|es|ing))\b",
    re.IGNORECASE,
)
_MULTIPLIERS: Final = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5}
_HALF_HOUR_RE: Final = re.compile(r"\bhalf an hour\b", re.IGNORECASE)
_NONE_RE: Final = re.compile(r"\bthere\s+(?:are|were)\s+(?P<no>no)\s+\w+", re.IGNORECASE)
_RATE_RE: Final = re.compile(
    r"\bper\s+(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?P<scale>thousand|million))?\b"
)
_HEDGE_PHRASES: Final = sorted(
    [
        ("more than", "more-than"),
        ("over", "more-than"),
        ("above", "more-than"),
        ("exceeding", "more-than"),
        ("exceeded", "more-than"),
        ("in excess of", "more-than"),
        ("upwards of", "more-than"),
        ("at least", "at-least"),
        ("no fewer than", "at-least"),
        ("no less than", "at-least"),
        ("a minimum of", "at-least"),
        ("less than", "less-than"),
        ("fewer than", "less-than"),
        ("under", "less-than"),
        ("below", "less-than"),
        ("at most", "at-most"),
        ("up to", "at-most"),
        ("no more than", "at-most"),
        ("a maximum of", "at-most"),
        ("about", "about"),
        ("around", "about"),
        ("some", "about"),
        ("approximately", "about"),
        ("roughly", "about"),
        ("an estimated", "about"),
        ("circa", "about"),
        ("almost", "almost"),
        ("nearly", "almost"),
        ("approached", "almost"),
        ("approaching", "almost"),
        ("approaches", "almost"),
        ("close to", "almost"),
        ("just under", "almost"),
        ("between", "between"),
    ],
    key=lambda p: -len(p[0]),
)
_HEDGE_RE: Final = re.compile(
    r"\b(?P<h>" + "|".join(re.escape(p) for p, _ in _HEDGE_PHRASES) + r")\s+$", re.IGNORECASE
)
_HEDGES: Final = dict(_HEDGE_PHRASES)


def _clean(value: float) -> float:
    return float(int(value)) if value == int(value) else round(value, 10)


def _find_numbers(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    rates: list[tuple[tuple[int, int], str]] = []  # clause -> "per 100,000"
    taken = list(taken)
    for m in _RATE_RE.finditer(text, start, end):
        base = _parse_number(m["num"]) * (_SCALE[m["scale"]] if m["scale"] else 1)
        rates.append((_clause(text, start, end, m.start()), f"per {base:,.0f}"))
        taken.append((m.start("num"), m.end()))

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    for m in _NUMBER_RE.finditer(text, start, end):
        if not free(m.start(), m.end()):
            continue
        try:
            value = _parse_number(m["num"])
        except ValueError:
            continue
        unit: str | None = None
        flags: set[str] = set()
        if m["scale"]:
            value *= _SCALE[m["scale"].lower()]
        if m["cur"]:
            unit = _CURRENCY[m["cur"]]
        if m["pct"]:
            unit = "percent" if unit is None else unit
        after = _UNIT_AFTER.match(text, m.end(), end)
        if unit is None and after:
            word = after["u"].casefold()
            word = re.sub(r"\s+", " ", word)
            unit = _UNIT_NAMES.get(word, word if word.endswith("s") else word + "s")
        rate = next((r for (lo, hi), r in rates if lo <= m.start() < hi), None)
        if unit is None and rate is not None:
            unit = rate
            flags.add("rate")
        out.append(
            Mention(
                "quantity",
                m.start(),
                m.end(),
                m.group(),
                _clean(value),
                unit,
                flags=frozenset(flags),
            )
        )
    for m in _WORD_RE.finditer(text, start, end):
        if not free(m.start(), m.end()):
            continue
        word = m["w"].casefold()
        if word == "once" and not _COUNTED_ONCE.search(text, max(start, m.start() - 5), end):
            continue  # "once" as "formerly" or "as soon as", not a count
        if "-" in word:
            tens, ones = word.split("-")
            value = _WORD_NUMBERS[tens] + _UNITS_WORDS.index(ones) + 1
        else:
            value = _WORD_NUMBERS[word]
        after = _UNIT_AFTER.match(text, m.end(), end)
        unit = None
        if after:
            u = re.sub(r"\s+", " ", after["u"].casefold())
            unit = _UNIT_NAMES.get(u, u if u.endswith("s") else u + "s")
        if word in ("once", "twice"):
            unit = "times"
        out.append(_figure(m, float(value), unit, "word", f"written as a word: {m.group()!r}"))
    for m in _ORDINAL_RE.finditer(text, start, end):
        word = (m["o"] or m["p"]).casefold()
        rank = _ORDINALS.get(word) or _day_number(word)
        group = "o" if m["o"] else "p"
        if free(m.start(group), m.end(group)):
            out.append(_figure(m, float(rank), "rank", "ordinal", f"a rank: {m.group()!r}", group))
    for m in _MULTIPLIER_RE.finditer(text, start, end):
        stem = next(s for s in _MULTIPLIERS if m["w"].casefold().startswith(s))
        factor = _MULTIPLIERS[stem]
        out.append(_figure(m, factor, "times", "multiplier", f"a factor: {m.group()!r}"))
    for m in _HALF_HOUR_RE.finditer(text, start, end):
        out.append(_figure(m, 30.0, "minutes", "word", f"{m.group()!r} = 30 minutes"))
    for m in _NONE_RE.finditer(text, start, end):
        out.append(_figure(m, 0.0, None, "word", f"{m.group()!r}: a count of zero", "no"))
    out.sort(key=lambda x: x.start)
    return _hedged(text, start, out)


def _figure(
    m: re.Match[str], value: float, unit: str | None, flag: str, note: str, group: int | str = 0
) -> Mention:
    """A quantity read from a whole match, or from one named group of it."""
    return Mention(
        "quantity",
        m.start(group),
        m.end(group),
        m.group(group),
        value,
        unit,
        flags=frozenset({flag}),
        note=note,
    )


def _hedged(text: str, start: int, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    skip = False
    for i, m in enumerate(mentions):
        if skip:
            skip = False
            continue
        h = _HEDGE_RE.search(text, start, m.start)
        hedge = _HEDGES[h["h"].casefold()] if h else "exact"
        if hedge == "between":
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if (
                nxt is not None
                and re.fullmatch(r"\s+and\s+", text[m.end : nxt.start])
                and isinstance(m.value, float)
                and isinstance(nxt.value, float)
            ):
                out.append(
                    _with(
                        m,
                        end=nxt.end,
                        text=text[m.start : nxt.end],
                        value=(m.value, nxt.value),
                        unit=m.unit or nxt.unit,
                        hedge="between",
                    )
                )
                skip = True
                continue
            hedge = "exact"
        out.append(_with(m, hedge=hedge) if hedge != "exact" else m)
    return out


def find_mentions(
    text: str,
    published: str | PartialDate | None = None,
    *,
    start: int = 0,
    end: int | None = None,
    taken: Iterable[tuple[int, int]] = (),
) -> list[Mention]:
    """Every number and date in ``text[start:end]``, in reading order.

    ``published`` resolves relative dates ("in March this year", "April 14"); without it
    they are left out (and :func:`draft_fact_file` lists them as unresolved). ``taken``
    spans are not read as numbers (names with digits such as "MS-13").
    """
    end = len(text) if end is None else end
    pub = PartialDate.parse(published) if isinstance(published, str) else published
    dates = _find_dates(text, start, end, pub)
    numbers = _find_numbers(text, start, end, [*taken, *((d.start, d.end) for d in dates)])
    return sorted([*dates, *numbers], key=lambda x: (x.start, x.end))


# --- subjects and properties ---------------------------------------------------------

#: Keywords that make a property clear: property id -> (phrases, unit the figure must have).
#: ``None`` for the unit means a plain count or measure (not a percentage or an amount).
_PROPERTY_KEYWORDS: Final[dict[str, tuple[tuple[str, ...], str | None]]] = {
    "capacity": (("designed for", "space for", "accommodate", "capacity of"), None),
    "inmates": (("houses", "serving sentences", "are held"), None),
    "opened": (("opened", "inaugurated"), None),
    "arrests": (("arrested",), None),
    "imprisoned": (("imprisoned",), None),
    "killed": (("killed", "lives"), None),
    "population": (("population of",), None),
    "prison-population": (("in prisons",), None),
    "incarceration-rate": (("prisoners per",), "per 100,000"),
    "incarceration-rate-world-rank": (("prisoners per",), "rank"),
    "enacted": (("act of",), None),
    "homicide-rate": (("murders per", "homicides per"), "per 100,000"),
    "homicide-rate-decrease": (("murder rate", "homicide rate"), "percent"),
    "approval-rating": (("approved of",), "percent"),
    "right-direction": (("right direction",), "percent"),
    "age": (("years old",), "years"),
    "payment": (("would receive",), "USD"),
    "payment-share-of-prison-budget": (("budget",), "percent"),
    "citizenship-investment": (("citizenship",), "USD"),
    "watchtowers": (("towers",), None),
    "site-area": (("located on an area",), "hectares"),
    "tco-designated": (("transnational criminal organization",), None),
    "fto-designated": (("foreign terrorist organization",), None),
    "founded": (("was formed", "was founded"), None),
    "time-outside-cell": (("leave their cells", "outside the cell"), "minutes"),
}


@dataclass
class _Names:
    """Entity aliases and property keywords of a corpus, compiled for matching."""

    aliases: re.Pattern[str] | None
    owner: dict[str, str]
    properties: dict[str, str]  # property id -> type
    kinds: dict[str, str] = field(default_factory=dict)  # entity id -> kind
    # property id -> kinds of entity that confirmed claims of it are about
    subject_kinds: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, corpus: Corpus | None) -> _Names:
        if corpus is None:
            return cls(None, {}, {})
        owner: dict[str, str] = {}
        for entity in corpus.entities.values():
            if entity.id == UNIDENTIFIED:
                continue
            for name in (entity.name, *(a.name for a in entity.aliases)):
                owner.setdefault(name, entity.id)
        names = sorted(owner, key=len, reverse=True)
        pattern = (
            re.compile(r"(?<![\w@])(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
            if names
            else None
        )
        props = {p.id: str(p.type) for p in corpus.properties.values()}
        kinds = {e.id: e.kind for e in corpus.entities.values()}
        subject_kinds: dict[str, set[str]] = {}
        for f in corpus.facts:
            if not f.claim.draft and f.subject in kinds:
                subject_kinds.setdefault(f.prop.id, set()).add(kinds[f.subject])
        return cls(
            pattern, owner, props, kinds, {k: frozenset(v) for k, v in subject_kinds.items()}
        )

    def entities_in(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        if self.aliases is None:
            return []
        return [
            (m.start(), m.end(), self.owner[m.group()])
            for m in self.aliases.finditer(text, start, end)
        ]


def _clause(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause around offset ``at``: between commas, semicolons, dashes or brackets."""
    seps = re.compile(r"[;:()\u2013\u2014]|,(?=\s)| - ")  # not the comma of "100,000"
    lo = max((m.end() for m in seps.finditer(text, start, at)), default=start)
    hi = next((m.start() for m in seps.finditer(text, at, end)), end)
    return lo, hi


def _propose_subject(
    names: _Names,
    found: list[tuple[int, int, str]],
    text: str,
    sent: tuple[int, int],
    at: int,
    prop: str | None,
) -> tuple[str | None, list[str], str | None]:
    """(subject or None, entities named in the sentence, why the subject was chosen).

    Clear means: the only entity named in the sentence, else the only one in the figure's
    clause, else (with a proposed property) the only one of a kind that the corpus's
    confirmed claims of that property are about ("opened" is said of prisons).
    """
    ids = list(dict.fromkeys(e for _, _, e in found))
    if len(ids) == 1:
        return ids[0], ids, None
    lo, hi = _clause(text, sent[0], sent[1], at)
    local = list(dict.fromkeys(e for a, b, e in found if lo <= a and b <= hi))
    if len(local) == 1:
        return local[0], ids, None
    wanted = names.subject_kinds.get(prop or "", frozenset())
    fitting = [e for e in ids if names.kinds.get(e) in wanted]
    if len(fitting) == 1:
        kind = names.kinds[fitting[0]]
        return fitting[0], ids, f"subject: the only {kind} named in the sentence"
    return None, ids, None


_SPECIAL_UNITS: Final = frozenset({"percent", "USD", "EUR", "GBP", "rank", "times"})


def _propose_property(
    names: _Names, text: str, sent: tuple[int, int], mention: Mention, alone: bool
) -> str | None:
    """A property whose keyword is in the mention's clause (or in its sentence, when the
    mention is the only figure of its kind there) and whose type and unit suit it."""

    def hits(low: str) -> list[str]:
        found = []
        for prop, (phrases, unit) in _PROPERTY_KEYWORDS.items():
            if names.properties.get(prop) != mention.kind or not any(p in low for p in phrases):
                continue
            if (
                mention.kind == "quantity"
                and unit != mention.unit
                and not (
                    unit is None
                    and mention.unit not in _SPECIAL_UNITS
                    and not (mention.unit or "").startswith("per ")
                )
            ):
                continue
            found.append(prop)
        return found

    lo, hi = _clause(text, sent[0], sent[1], mention.start)
    local = hits(text[lo:hi].casefold())
    if not local and alone:
        local = hits(text[sent[0] : sent[1]].casefold())
    if not local and mention.kind == "quantity" and not mention.unit:
        local = _counted_property(names, text[mention.end : sent[1]])
    return local[0] if len(local) == 1 else None


_COUNTED_RUN: Final = re.compile(r"\s+((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)")
_RUN_STOP: Final = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "with",
        "for",
        "in",
        "on",
        "at",
        "to",
        "and",
        "or",
        "each",
        "which",
        "that",
        "who",
        "are",
        "is",
        "was",
        "were",
        "has",
        "have",
        "had",
        "by",
        "from",
        "per",
        "as",
    }
)


def _counted_property(names: _Names, after: str) -> list[str]:
    """Properties named by the noun counted after a figure: "eight buildings" -> buildings,
    "32 prison cells" -> cells-per-building (the last word of the noun phrase decides)."""
    m = _COUNTED_RUN.match(after)
    if not m:
        return []
    run: list[str] = []
    for word in m.group(1).casefold().split():
        if word in _RUN_STOP:
            break
        run.append(word)
    found: dict[str, str] = {}  # property -> the word that named it
    for prop, ptype in names.properties.items():
        if ptype != "quantity" or prop.startswith("unreviewed"):
            continue
        for word in run:
            if word in prop.split("-"):
                found.setdefault(prop, word)
    if len(found) > 1 and run:
        found = {p: w for p, w in found.items() if w == run[-1]}
    return list(found)


# --- drafting ------------------------------------------------------------------------


@dataclass
class Draft:
    """A drafted fact file: its data (ready for YAML) and what could not be drafted."""

    data: dict[str, Any]
    unresolved: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def claims(self) -> list[dict[str, Any]]:
        claims: list[dict[str, Any]] = self.data["claims"]
        return claims

    def to_yaml(self, snapshot: str = "the snapshot") -> str:
        """The fact file as YAML text, with a header saying how to review it."""
        header = (
            f"# Drafted by `factcheck extract` from {snapshot}. Every claim is `draft: true`:\n"
            "# check value, unit, hedge, time, subject and property against the quote, complete\n"
            "# or delete the claim, then remove `draft: true`. `factcheck audit` reports draft\n"
            f"# claims as errors unless --allow-drafts. Subject `{UNIDENTIFIED}` and properties\n"
            f"# `{UNREVIEWED_NUMBER}` / `{UNREVIEWED_DATE}` mark what the extractor could not\n"
            "# tell.\n"
        )
        # Quoted as factcheck reads YAML (1.2: "0E0" is a number), not as PyYAML (1.1).
        body = yaml_text(self.data, width=100)
        footer = "".join(f"# unresolved: {u}\n" for u in self.unresolved)
        return header + body + footer


_PUBLISHED_WINDOW: Final = 600  # characters at the top of a snapshot where a dateline sits


def _guess_published(text: str) -> tuple[PartialDate, Mention] | None:
    for d in _find_dates(text, 0, min(len(text), _PUBLISHED_WINDOW), None):
        if d.precision == "day" or "ambiguous" in d.flags:
            return PartialDate.parse(str(d.value)), d
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def draft_fact_file(
    text: str,
    source_id: str,
    *,
    corpus: Corpus | None = None,
    published: str | None = None,
    title: str | None = None,
    snapshot_file: str = "snapshot.txt",
) -> Draft:
    """Draft a fact file for the source ``text``: one draft claim per number or date.

    ``corpus`` supplies entity aliases and properties to propose subjects and properties;
    ``published`` (a partial date) resolves relative dates; without it a dateline near the
    top of the text is used, and the source's note says so.
    """
    source_notes = ["drafted by factcheck extract: check every field"]
    pub: PartialDate | None = PartialDate.parse(published) if published else None
    if pub is None:
        guess = _guess_published(text)
        if guess is not None:
            pub = guess[0]
            line = text.count("\n", 0, guess[1].start) + 1
            source_notes.append(f"published taken from {guess[1].text!r} (line {line}) in the text")
    names = _Names.of(corpus)
    title_text = title or next((ln.strip() for ln in text.splitlines() if ln.strip()), source_id)
    if not title:
        source_notes.append("title: the first line of the text")
    source: dict[str, Any] = {
        "id": source_id,
        "kind": "article",
        "title": title_text,
        "published": str(pub) if pub else None,
        "language": "en",
        "note": "; ".join(source_notes) + ".",
        "snapshot": {
            "file": snapshot_file,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        },
    }
    if source["published"] is None:
        del source["published"]
    draft = Draft({"source": source, "claims": []})
    ids: dict[str, int] = {}
    for sent in split_sentences(text):
        s_start, s_end = sent
        sentence = text[s_start:s_end]
        if not re.search(r"[A-Za-z]", sentence):
            continue
        found = names.entities_in(text, s_start, s_end)
        digit_names = [(a, b) for a, b, _ in found if any(c.isdigit() for c in text[a:b])]
        mentions = find_mentions(text, pub, start=s_start, end=s_end, taken=digit_names)
        draft.mentions.extend(mentions)
        if pub is None:
            draft.unresolved.extend(
                f"{m.group()!r} in {sentence!r}: give --published to resolve it"
                for name, pattern in _DATE_PATTERNS
                if name in _RELATIVE_PATTERNS
                for m in pattern.finditer(text, s_start, s_end)
            )
        dates = [m for m in mentions if m.kind == "date" and "ambiguous" not in m.flags]
        for m in mentions:
            alone = sum(1 for x in mentions if x.kind == m.kind) == 1
            draft.claims.append(_claim(m, text, sent, found, names, dates, ids, alone))
    return draft


def _claim(
    m: Mention,
    text: str,
    sent: tuple[int, int],
    found: list[tuple[int, int, str]],
    names: _Names,
    dates: list[Mention],
    ids: dict[str, int],
    alone: bool,
) -> dict[str, Any]:
    sentence = text[sent[0] : sent[1]]
    notes = [f"drafted from {m.text!r}"]
    prop = _propose_property(names, text, sent, m, alone)
    subject, named, why = _propose_subject(names, found, text, sent, m.start, prop)
    if why:
        notes.append(why)
    if subject is None and named:
        notes.append("entities named in the sentence: " + ", ".join(named))
    placeholder = UNREVIEWED_DATE if m.kind == "date" else UNREVIEWED_NUMBER
    base = prop or ("date" if m.kind == "date" else "number")
    value: Any
    if isinstance(m.value, tuple):
        value = [_plain(x) for x in m.value]
        slug = f"{_slug(str(value[0]))}-{_slug(str(value[1]))}"
    elif isinstance(m.value, float):
        value = _plain(m.value)
        slug = _slug(f"{value}")
    else:
        value = m.value
        slug = _slug(m.value)
    claim_id = f"{base}-{slug}"
    ids[claim_id] = ids.get(claim_id, 0) + 1
    if ids[claim_id] > 1:
        claim_id = f"{claim_id}-{ids[claim_id]}"
    claim: dict[str, Any] = {
        "id": claim_id,
        "subject": subject or UNIDENTIFIED,
        "property": prop or placeholder,
        "value": value,
    }
    if m.unit:
        claim["unit"] = m.unit
    if m.hedge != "exact":
        claim["hedge"] = m.hedge
    if m.kind == "quantity":
        others = [d for d in dates if d.start != m.start]
        if len(others) == 1:
            claim["as_of"] = others[0].value
            notes.append(f"as_of from {others[0].text!r}, the only date in the sentence")
    else:
        notes.append(f"{m.precision} precision")
    if m.note:
        notes.append(m.note)
    claim["note"] = "; ".join(notes)
    claim["quote"] = sentence
    claim["draft"] = True
    return claim


def _plain(x: float) -> int | float:
    return int(x) if x == int(x) and abs(x) < 2**53 else x


# --- refusing drafts -----------------------------------------------------------------


# --- command line --------------------------------------------------------------------


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of ``factcheck extract``."""
    p.add_argument("snapshot", help="the source text (UTF-8) to draft claims from")
    p.add_argument("--source-id", required=True, help="id of the new source ([a-z0-9-])")
    p.add_argument("--out", help="write the fact file here (default: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.add_argument(
        "--facts",
        default="facts",
        help="corpus whose entities and properties are proposed (default: facts)",
    )
    p.add_argument(
        "--published",
        help="publication date (YYYY, YYYY-MM or YYYY-MM-DD); "
        "default: a dateline near the top of the text",
    )
    p.add_argument("--title", help="title of the source (default: the first line of the text)")


def run(args: argparse.Namespace) -> int:
    """``factcheck extract``: print or write the drafted fact file; 2 on bad input."""
    try:
        text = _read_text(Path(args.snapshot))
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", args.source_id):
            raise FactcheckError(
                [
                    LoadError(
                        "--source-id",
                        None,
                        "",
                        f"{args.source_id!r} is "
                        "not a valid id: use lower-case letters, digits and dashes",
                    )
                ]
            )
        if args.published:
            try:
                PartialDate.parse(args.published)
            except ValueError as exc:
                raise FactcheckError([LoadError("--published", None, "", str(exc))]) from None
        from .loader import load

        corpus = load(args.facts)
        missing = [n for n in (UNIDENTIFIED,) if n not in corpus.entities] + [
            n for n in (UNREVIEWED_NUMBER, UNREVIEWED_DATE) if n not in corpus.properties
        ]
        if missing:
            print(
                f"factcheck extract: warning: {args.facts} does not define {', '.join(missing)}; "
                "the draft will not load there until it does",
                file=sys.stderr,
            )
        draft = draft_fact_file(
            text,
            args.source_id,
            corpus=corpus,
            published=args.published,
            title=args.title,
            snapshot_file=Path(args.snapshot).name,
        )
    except FactcheckError as exc:
        print(exc, file=sys.stderr)
        return 2
    out = draft.to_yaml(Path(args.snapshot).name)
    if args.out:
        target = Path(args.out)
        if target.exists() and not args.force:
            print(f"{target}: exists; not overwritten (use --force)", file=sys.stderr)
            return 2
        try:
            target.write_text(out, encoding="utf-8")
        except OSError as exc:
            print(f"{target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"{target}: {len(draft.claims)} draft claims", file=sys.stderr)
    else:
        sys.stdout.write(out)
    return 0


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FactcheckError(
            [LoadError(str(path), None, "", f"cannot read file: {exc.strerror or exc}")]
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FactcheckError(
            [LoadError(str(path), line, "", f"not valid UTF-8 (byte {exc.start})")]
        ) from None
