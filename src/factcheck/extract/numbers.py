"""Numbers: counts, amounts, percentages, rates, words, ranks and their hedges."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from factcheck.domain.values import parse_number
from factcheck.extract.dates import day_number
from factcheck.extract.mention import Mention, with_changes
from factcheck.extract.sentences import clause_span

_NUMBER_RE: Final = re.compile(
    r"(?<![\w$\u20ac\u00a3@#/.,\-])(?P<cur>US\$|\$|\u20ac|\u00a3)?"
    # "41 000": thousands grouped by spaces, as many languages and house styles write them
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)*)"
    r"(?:\s?(?P<scale>thousand|million|billion|bn|mn)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per\s?cent)\b)?"
    r"(?(scale)|(?(pct)|(?![\w%]|/\d)))"
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
# fmt: off
_TEENS: Final = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                 "nineteen", "twenty"]
# fmt: on
_WORD_NUMBERS: Final = {w: i for i, w in enumerate(_TEENS, start=2)} | {
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
_HALF_HOUR_RE: Final = re.compile(r"\bhalf(?:[\s-]an)?[\s-]hour\b", re.IGNORECASE)
# "1-1/2 months", "2 1/2 years", "3/4": a whole part and a fraction, or a fraction alone.
_FRACTION_RE: Final = re.compile(
    r"(?<![\w$\u20ac\u00a3@#/.,\-])(?:(?P<whole>\d+)[-\s])?(?P<n>\d)/(?P<d>\d{1,2})(?![\d/])"
)
# Denominators of the fractions people write; "9/11" and "24/7" are names, not fractions.
_DENOMINATORS: Final = frozenset({2, 3, 4, 5, 8, 10, 16})
# Coordinates are positions, not counts: degrees, minutes, seconds; "13.53361; -88.80500".
_COORD_RE: Final = re.compile(
    r"-?\d+(?:\.\d+)?\s?\u00b0(?:\s?\d+(?:\.\d+)?\s?[\u2032'])?(?:\s?\d+(?:\.\d+)?\s?[\u2033\"])?"
    r"(?:\s?[NSEW]\b)?|-?\d{1,3}\.\d{3,};\s?-?\d{1,3}\.\d{3,}"
)
# "12,000 more inmates than last year" is a change, not a count.
_CHANGE_AFTER: Final = re.compile(
    r"\s+(?:more|fewer|less)\s+(?:[A-Za-z-]+\s+){0,2}?than\b|\s+(?:more|fewer)\s+than\s+(?:last|the)\b"
    r"|\s+(?:up|down)\s+from\b",
    re.IGNORECASE,
)
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


def find_numbers(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Mention]:
    taken = list(taken)
    rates: list[tuple[tuple[int, int], str]] = []  # clause -> "per 100,000"
    for m in _RATE_RE.finditer(text, start, end):
        base = parse_number(m["num"]) * (_SCALE[m["scale"]] if m["scale"] else 1)
        rates.append((clause_span(text, start, end, m.start()), f"per {base:,.0f}"))
        taken.append((m.start("num"), m.end()))
    taken.extend(m.span() for m in _COORD_RE.finditer(text, start, end))
    out = _fractions(text, start, end, taken)
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
    return _without_conversions(text, _hedged(text, start, out))


# "36.3 km (22.7 miles)": the bracketed figure restates the one before it in another unit
_CONVERSION_OPEN: Final = re.compile(r"\s*(?:[A-Za-z]+\.?\s*)?[(\[]\s*$")
_CONVERSION_CLOSE: Final = re.compile(r"\s*(?:[A-Za-z]+\.?\s*){0,2}[)\]]")


def _without_conversions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions less those that only convert the figure before them into another unit."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit
            and m.unit
            and prev.unit != m.unit
            and _CONVERSION_OPEN.fullmatch(text, prev.end, m.start)
            and _CONVERSION_CLOSE.match(text, m.end)
        ):
            note = f"{text[m.start : m.end]!r} {m.unit} in brackets after it is the same figure"
            out[-1] = with_changes(prev, note="; ".join(filter(None, [prev.note, note])))
            continue
        out.append(m)
    return out


def _fractions(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Mention]:
    """ "1-1/2 months", "3/4": proper fractions with a usual denominator."""
    out = []
    for m in _FRACTION_RE.finditer(text, start, end):
        if any(m.start() < y and x < m.end() for x, y in taken):
            continue
        if int(m["d"]) not in _DENOMINATORS or int(m["n"]) >= int(m["d"]):
            continue
        value = int(m["whole"] or 0) + int(m["n"]) / int(m["d"])
        after = _UNIT_AFTER.match(text, m.end(), end)
        funit = _unit_name(after["u"]) if after else None
        out.append(_figure(m, _clean(value), funit, "fraction", f"a fraction: {m.group()!r}"))
    return out


def _digits(
    m: re.Match[str],
    end: int,
    rates: list[tuple[tuple[int, int], str]],
    free: Callable[[int, int], bool],
) -> list[Mention]:
    """A number in digits with its scale ("million"), currency, percent sign or unit."""
    if not free(m.start(), m.end()):
        return []
    try:
        value = parse_number(re.sub(r"[ \u00a0\u202f]", "", m["num"]))
    except ValueError:
        return []
    value *= _SCALE[m["scale"].lower()] if m["scale"] else 1
    unit: str | None = _CURRENCY[m["cur"]] if m["cur"] else None
    if m["pct"] and unit is None:
        unit = "percent"
    after = _UNIT_AFTER.match(m.string, m.end(), end)
    if unit is None and after:
        unit = _unit_name(after["u"])
    rate = next((r for (lo, hi), r in rates if lo <= m.start() < hi), None)
    flags = frozenset({"rate"}) if unit is None and rate is not None else frozenset()
    unit = rate if unit is None else unit
    return [Mention("quantity", m.start(), m.end(), m.group(), _clean(value), unit, flags=flags)]


def _word(m: re.Match[str], start: int, end: int) -> list[Mention]:
    """A number written as a word ("three", "twenty-one", "twice")."""
    text = m.string
    word = m["w"].casefold()
    if word == "once" and not _COUNTED_ONCE.search(text, max(start, m.start() - 5), end):
        return []  # "once" as "formerly" or "as soon as", not a count
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
    return [_figure(m, float(value), unit, "word", f"written as a word: {m.group()!r}")]


def _unit_name(word: str) -> str:
    word = re.sub(r"\s+", " ", word.casefold())
    return _UNIT_NAMES.get(word, word if word.endswith("s") else word + "s")


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


def _joined(text: str, m: Mention, nxt: Mention, note: str | None = None) -> Mention:
    """Two figures read as one range ``[m, nxt]``."""
    return with_changes(
        m,
        end=nxt.end,
        text=text[m.start : nxt.end],
        value=(m.value, nxt.value),
        unit=m.unit or nxt.unit,
        hedge="between",
        note=note,
    )


def _range_to(
    text: str, start: int, m: Mention, nxt: Mention | None, h: re.Match[str] | None
) -> Mention | None:
    """ "10,000 to 20,000", "some 10,000-20,000": one range, not two figures."""
    if (
        nxt is None
        or not re.fullmatch(r"\s*(?:to|-|\u2013)\s*", text[m.end : nxt.start])
        or not isinstance(m.value, float)
        or not isinstance(nxt.value, float)
        or m.value >= nxt.value
        or (m.unit is not None and nxt.unit is not None and m.unit != nxt.unit)
        # "from 40 to 10", "from a magnitude 6.9 to 7.2": a change, two figures
        or re.search(r"\bfrom\s+(?:[a-z]+\s+){0,2}$", text[start : m.start], re.I)
    ):
        return None
    said = f"a range {text[m.start : nxt.end]!r}"
    if h is not None and _HEDGES[h["h"].casefold()] != "exact":
        said = f"an approximate range ({h['h']!r}) {text[m.start : nxt.end]!r}"
    return _joined(text, m, nxt, "; ".join(filter(None, [m.note, said])))


def _hedged(text: str, start: int, mentions: list[Mention]) -> list[Mention]:
    """Hedges ("more than", "about"), ranges ("between 15,000 and 20,000", "10 to 20") and
    changes ("12,000 more inmates than") read around the figures."""
    out: list[Mention] = []
    skip = False
    for i, m in enumerate(mentions):
        if skip:
            skip = False
            continue
        h = _HEDGE_RE.search(text, start, m.start)
        hedge = _HEDGES[h["h"].casefold()] if h else "exact"
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        joined = _range_to(text, start, m, nxt, h) if hedge != "between" else None
        if joined is None and hedge == "between" and nxt is not None:
            pair = re.fullmatch(r"\s+and\s+", text[m.end : nxt.start])
            numbers = isinstance(m.value, float) and isinstance(nxt.value, float)
            changed = _changed(text, m)
            joined = _joined(text, changed, nxt, changed.note) if pair and numbers else None
        if joined is not None:
            out.append(joined)
            skip = True
            continue
        m = _changed(text, m)
        hedge = "exact" if hedge == "between" else hedge
        out.append(with_changes(m, hedge=hedge) if hedge != "exact" else m)
    return out


def _changed(text: str, m: Mention) -> Mention:
    """ "12,000 more inmates than": a change, flagged, not a count."""
    change = _CHANGE_AFTER.match(text, m.end)
    if not change or not isinstance(m.value, float):
        return m
    note = f"a change ({change.group().strip()!r}), not a count"
    return with_changes(m, flags=m.flags | {"change"}, note="; ".join(filter(None, [m.note, note])))
