"""Numbers: counts, amounts, percentages, rates, words, ranks and their hedges."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from factcheck.domain.values import parse_number
from factcheck.extract.dates import day_number
from factcheck.extract.durations import find_durations
from factcheck.extract.fraction_words import find_fraction_words
from factcheck.extract.mention import Mention, figure, with_changes
from factcheck.extract.number_hedges import hedged, without_conversions
from factcheck.extract.number_words import CARDINALS, cardinal
from factcheck.extract.sentences import clause_span
from factcheck.extract.units import GLUED_UNITS, shared_unit, unit_after

_NUMBER_RE: Final = re.compile(
    r"(?<![\w$\u20ac\u00a3@#/.,\-])(?P<cur>US\$|\$|\u20ac|\u00a3)?"
    # "41 000": thousands grouped by spaces, as many languages and house styles write them
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)*)"
    # a unit or scale glued to the figure: "2,770ft-long", "10,000t", "$229.5m", "10k"
    r"(?:(?P<glued>ft|km|kg|mi|cm|mm|lbs?|m|t|k)(?![\w%]))?"
    r"(?:[\s-]?(?P<scale>thousand|million|billion|trillion|bn|mn)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per\s?cent)\b)?"
    r"(?(scale)|(?(pct)|(?![\w%]|/\d)))"
)
_SCALE: Final = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mn": 1e6,
}
_CURRENCY: Final = {"$": "USD", "US$": "USD", "\u20ac": "EUR", "\u00a3": "GBP"}
# Number words read on their own: "one" alone is too often no count ("one of them").
_WORD_NUMBERS: Final = {w: i for w, i in CARDINALS.items() if w != "one"} | {
    "dozen": 12,
    "once": 1,
    "twice": 2,
}
_UNITS_WORDS: Final = [w for w, i in CARDINALS.items() if i < 10]
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
# "the 154th spacewalk", "from 29th to 19th on the list": an ordinal in digits counts or
# ranks; not a day ("on the 15th", "the 15th of March"), a century ("18th-century"), a
# name ("the 14th Amendment", "82nd Airborne") or a date's anniversary ("the 32nd
# anniversary", which the date says)
_DIGIT_ORDINAL_RE: Final = re.compile(
    r"(?<!\bon the )(?<![\w.,])(?P<n>\d{1,4})(?:st|nd|rd|th)\b"
    r"(?![-\s]+(?:centur|millenni|anniversar|birthday|of\b)|\s+[A-Z])"
)
_MULTIPLIER_RE: Final = re.compile(
    r"\b(?P<w>doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)|halv(?:e|ed|es|ing))\b",
    re.IGNORECASE,
)
_MULTIPLIERS: Final = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5}
# "M7.1", "Mw 6.4": a magnitude in seismologists' notation (always with a decimal: "M4"
# is a road or a rifle).
_MAGNITUDE_RE: Final = re.compile(r"(?<![\w.])M[wLs]?\s?(?P<v>\d\.\d)(?![\d.])")
_HALF_HOUR_RE: Final = re.compile(r"\bhalf(?:[\s-]an)?[\s-]hour\b", re.IGNORECASE)
# "1-1/2 months", "2 1/2 years", "3/4": a whole part and a fraction, or a fraction alone.
_FRACTION_RE: Final = re.compile(
    r"(?<![\w$\u20ac\u00a3@#/.,\-])(?:(?P<whole>\d+)[-\s])?(?P<n>\d)/(?P<d>\d{1,2})(?![\d/])"
    # "1\u00bd hours", "\u00be of them": a fraction written as one character
    r"|(?<![\w.,])(?P<vwhole>\d+)?\s?(?P<v>[\u00bd\u00bc\u00be\u2153\u2154\u215b])"
)
_VULGAR: Final = dict(
    zip("\u00bd\u00bc\u00be\u2153\u2154\u215b", [0.5, 0.25, 0.75, 1 / 3, 2 / 3, 0.125], strict=True)
)
# Denominators of the fractions people write; "9/11" and "24/7" are names, not fractions.
_DENOMINATORS: Final = frozenset({2, 3, 4, 5, 8, 10, 16})
# Coordinates are positions, not counts: degrees, minutes, seconds; "13.53361; -88.80500".
_COORD_RE: Final = re.compile(
    r"-?\d+(?:\.\d+)?\s?\u00b0(?:\s?\d+(?:\.\d+)?\s?[\u2032'])?(?:\s?\d+(?:\.\d+)?\s?[\u2033\"])?"
    r"(?:\s?[NSEW]\b)?|-?\d{1,3}\.\d{3,};\s?-?\d{1,3}\.\d{3,}"
)
# "a four-time champion", "a one-time payment": an epithet, not a count of anything.
_EPITHET_RE: Final = re.compile(r"\b[\w.]+-time\b(?!-|s\b)", re.IGNORECASE)
# "There were no reports of deaths" counts no reports, and says nothing of the deaths
_NONE_RE: Final = re.compile(
    r"\bthere\s+(?:are|were)\s+(?P<no>no)\s+(?!(?:immediate\s+|known\s+)?(?:reports?|word|"
    r"signs?|indications?|evidence|information|details|confirmation)\b)\w+",
    re.IGNORECASE,
)
_RATE_RE: Final = re.compile(
    r"\bper\s+(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?P<scale>thousand|million))?\b"
)


def _clean(value: float) -> float:
    return float(int(value)) if value == int(value) else round(value, 10)


def find_numbers(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Mention]:
    taken = list(taken)
    rates: list[tuple[tuple[int, int], str]] = []  # clause -> "per 100,000"
    for m in _RATE_RE.finditer(text, start, end):
        base = parse_number(m["num"]) * (_SCALE[m["scale"]] if m["scale"] else 1)
        rates.append((clause_span(text, start, end, m.start()), f"per {base:,.0f}"))
        taken.append((m.start("num"), m.end()))
    taken.extend(m.span() for m in _COORD_RE.finditer(text, start, end))
    taken.extend(m.span() for m in _EPITHET_RE.finditer(text, start, end))
    out = _fractions(text, start, end, taken) + find_durations(text, start, end)
    out += find_fraction_words(text, start, end)  # "more than two-thirds", "half of those"
    out += [
        figure(m, float(m["v"]), None, "magnitude", f"a magnitude: {m.group()!r}", "v")
        for m in _MAGNITUDE_RE.finditer(text, start, end)
    ]
    taken.extend((x.start, x.end) for x in out)

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    out += [x for m in _NUMBER_RE.finditer(text, start, end) for x in _digits(m, end, rates, free)]
    out += [
        x
        for m in _WORD_RE.finditer(text, start, end)
        if free(*m.span())
        for x in _word(m, start, end)
    ]
    for m in _ORDINAL_RE.finditer(text, start, end):
        word = (m["o"] or m["p"]).casefold()
        rank = _ORDINALS.get(word) or day_number(word)
        group = "o" if m["o"] else "p"
        if free(m.start(group), m.end(group)):
            out.append(figure(m, float(rank), "rank", "ordinal", f"a rank: {m.group()!r}", group))
    for m in _DIGIT_ORDINAL_RE.finditer(text, start, end):
        if free(*m.span()):
            out.append(figure(m, float(m["n"]), None, "ordinal", f"an ordinal: {m.group()!r}"))
    for m in _MULTIPLIER_RE.finditer(text, start, end):
        stem = next(s for s in _MULTIPLIERS if m["w"].casefold().startswith(s))
        factor = _MULTIPLIERS[stem]
        out.append(figure(m, factor, "times", "multiplier", f"a factor: {m.group()!r}"))
    for m in _HALF_HOUR_RE.finditer(text, start, end):
        out.append(figure(m, 30.0, "minutes", "word", f"{m.group()!r} = 30 minutes"))
    for m in _NONE_RE.finditer(text, start, end):
        out.append(figure(m, 0.0, None, "none", f"{m.group()!r}: a count of zero", "no"))
    out.sort(key=lambda x: x.start)
    out = _shared_units(text, _points(text, start, end, out))
    return without_conversions(text, hedged(text, start, out))


def _shared_units(text: str, found: list[Mention]) -> list[Mention]:
    """ "15,000 and 25,000 feet": the first figure takes the unit written after the second."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if (
            a.unit is None
            and b.unit
            and not a.flags
            and shared_unit(text, (a.start, a.end), (b.start, b.end))
        ):
            out[i] = with_changes(a, unit=b.unit)
    return out


# A sentence about shares ("vote share", "24%", "per cent"): its points are percentage points.
_SHARES: Final = re.compile(r"%|\bper\s?cent|\bpercent|\bshares?\b", re.IGNORECASE)


def _points(text: str, start: int, end: int, found: list[Mention]) -> list[Mention]:
    """ "plummeting by 20 points to 24%": points in a sentence about shares are
    percentage points; elsewhere ("won by 20 points") points are no unit we know."""
    shares = _SHARES.search(text, start, end) is not None
    return [
        m if m.unit != "points" else with_changes(m, unit="percentage points" if shares else None)
        for m in found
    ]


def _fractions(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Mention]:
    """ "1-1/2 months", "3/4": proper fractions with a usual denominator."""
    out = []
    for m in _FRACTION_RE.finditer(text, start, end):
        if any(m.start() < y and x < m.end() for x, y in taken):
            continue
        if m["v"]:
            value = int(m["vwhole"] or 0) + _VULGAR[m["v"]]
        elif int(m["d"]) not in _DENOMINATORS or int(m["n"]) >= int(m["d"]):
            continue
        else:
            value = int(m["whole"] or 0) + int(m["n"]) / int(m["d"])
        funit = unit_after(text, m.end(), end)
        out.append(figure(m, _clean(value), funit, "fraction", f"a fraction: {m.group()!r}"))
    return out


def _digits(
    m: re.Match[str],
    end: int,
    rates: list[tuple[tuple[int, int], str]],
    free: Callable[[int, int], bool],
) -> list[Mention]:
    """A number in digits with its scale ("million"), currency, percent sign or unit."""
    if not free(m.start(), m.end()) or _named(m):
        return []
    try:
        value = parse_number(re.sub(r"[ \u00a0\u202f]", "", m["num"]))
    except ValueError:
        return []
    value *= _SCALE[m["scale"].lower()] if m["scale"] else 1
    unit: str | None = _CURRENCY[m["cur"]] if m["cur"] else None
    if m["glued"]:
        glued = _glued(m["glued"], value, unit)
        if glued is None:
            return []
        value, unit = glued
    if m["pct"] and unit is None:
        unit = "percent"
    cents = _cents(m, value, unit, end)
    if cents is not None:  # "47 cents a share": 0.47 of the sentence's currency
        return [cents]
    if unit is None:
        unit = unit_after(m.string, m.end(), end)
    rate = next((r for (lo, hi), r in rates if lo <= m.start() < hi), None)
    flags = frozenset({"rate"}) if unit is None and rate is not None else frozenset()
    unit = rate if unit is None else unit
    return [Mention("quantity", m.start(), m.end(), m.group(), _clean(value), unit, flags=flags)]


_CENTS: Final = re.compile(r"\s?(?:cents?\b|\u00a2)", re.IGNORECASE)
_EUROS: Final = re.compile(r"\u20ac|\beuros?\b|\bEUR\b", re.IGNORECASE)


def _cents(m: re.Match[str], value: float, unit: str | None, end: int) -> Mention | None:
    """ "47 cents": a hundredth of the dollar, or of the euro where the sentence's other
    amounts are in euros (as "$" is read as US dollars, so are cents); None if no cents."""
    text = m.string
    said = None if unit or m["scale"] else _CENTS.match(text, m.end(), end)
    if said is None:
        return None
    unit = "EUR" if _EUROS.search(text, text.rfind("\n", 0, m.start()) + 1, end) else "USD"
    note, stop = f"{m.group()!r} cents: {_clean(value / 100)} {unit}", said.end()
    return Mention(
        "quantity", m.start(), stop, text[m.start() : stop], value / 100, unit, note=note
    )


# "a Boeing 737", "Highway 101", "Section 230": a bare number after a capitalised word in
# mid-sentence is part of a name (a month's day, "March 15", is read as a date before).
_MONTH_STEMS: Final = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
)
_NAME_BEFORE: Final = re.compile(r"(?<=[a-z,;] )(?P<w>[A-Z][A-Za-z]+) $")
_NOT_NAMES: Final = frozenset(
    {"About", "Around", "Over", "Under", "Some", "Nearly", "Almost", "Monday", "Tuesday"}
    | {"Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    # a step on a scale is a value: "a Category 1 hurricane", "Level 4 alert"
    | {"Category", "Level", "Stage"}
)


def _named(m: re.Match[str]) -> bool:
    """Whether the digits of ``m`` are part of a name ("Boeing 737"), not a figure."""
    plain = not (m["cur"] or m["scale"] or m["pct"] or m["glued"])
    if not plain or not m["num"].isdigit() or len(m["num"]) > 4:
        return False
    before = _NAME_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
    return (
        before is not None
        and before["w"] not in _NOT_NAMES
        and before["w"].casefold()[:3] not in _MONTH_STEMS
    )


def _glued(letters: str, value: float, unit: str | None) -> tuple[float, str | None] | None:
    """What letters glued to a figure make of it: "10k" thousands, "$229.5m" millions,
    "405m" metres; None for what no one writes ("$5t")."""
    if letters == "k" or (letters == "m" and unit is not None):
        return value * (1e3 if letters == "k" else 1e6), unit
    if unit is not None:
        return None
    return value, GLUED_UNITS[letters]


def _word(m: re.Match[str], start: int, end: int) -> list[Mention]:
    """A number written as a word ("three", "twenty-one", "twice")."""
    text = m.string
    word = m["w"].casefold()
    if word == "once" and not _COUNTED_ONCE.search(text, max(start, m.start() - 5), end):
        return []  # "once" as "formerly" or "as soon as", not a count
    value = _WORD_NUMBERS.get(word) or cardinal(word)
    if value is None:  # the pattern reads number words only: never the case
        return []
    unit = unit_after(text, m.end(), end)
    if _PER_CENT.match(text, m.end(), end):
        unit = "percent"  # "seven per cent of the vote"
    if word in ("once", "twice"):
        unit = "times"
    return [figure(m, float(value), unit, "word", f"written as a word: {m.group()!r}")]


_PER_CENT: Final = re.compile(r"\s+(?:per\s?cent|percent)\b", re.IGNORECASE)
