"""Hedges, ranges, changes and conversions read around the numbers of a sentence.

"more than 250", "about 250", "between 15,000 and 20,000", "some 10,000-20,000", "aged 18
and older", "12,000 more inmates than last year" (a change, not a count) and "36.3 km
(22.7 miles)" (one figure in two units): what the words around a figure say of it.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.mention import Mention, with_changes

__all__ = ["hedged", "without_conversions"]

# "12,000 more inmates than last year" is a change, not a count.
_CHANGE_AFTER: Final = re.compile(
    r"\s+(?:more|fewer|less)\s+(?:[A-Za-z-]+\s+){0,2}?than\b|\s+(?:more|fewer)\s+than\s+(?:last|the)\b"
    r"|\s+(?:up|down)\s+from\b",
    re.IGNORECASE,
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


# "36.3 km (22.7 miles)": the bracketed figure restates the one before it in another unit
# the unit words around a figure converted in brackets: "130 mph (215 km/h)"
# ("3-meter-tall (9.8 ft)": the unit in a compound word before the brackets)
_CONVERSION_OPEN: Final = re.compile(r"(?:[\s-]*[A-Za-z]+(?:/[A-Za-z]+)?){0,2}\.?\s*[(\[]\s*$")
_CONVERSION_CLOSE: Final = re.compile(r"\s*(?:[A-Za-z]+(?:/[A-Za-z]+)?\.?\s*){0,2}[)\]]")

_SCALES: Final = r"(?:\s*(?:Fahrenheit|Celsius|F|C)\b)?"
_DEGREES_OPEN: Final = re.compile(
    r"\s*(?:\u00b0|degrees?\b)" + _SCALES + r"\.?\s*[(\[]\s*$", re.IGNORECASE
)
_DEGREES_CLOSE: Final = re.compile(
    r"(?:\s*(?:\u00b0|degrees?\b))?" + _SCALES + r"\s*[)\]]", re.IGNORECASE
)


def without_conversions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions less those that only convert the figure before them into another unit."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        converted = (
            prev is not None
            and prev.unit
            and m.unit
            and prev.unit != m.unit
            and _CONVERSION_OPEN.fullmatch(text, prev.end, m.start)
            and _CONVERSION_CLOSE.match(text, m.end)
        )
        # a temperature has no unit of ours, but its scale says it is one figure converted:
        # "77 degrees Fahrenheit (25 Celsius)", "nearly 86 degrees (30)"
        temperature = (
            prev is not None
            and prev.unit in (None, "deg")  # "climbed to 86 degrees": read as an angle
            and m.unit is None
            and _DEGREES_OPEN.fullmatch(text, prev.end, m.start)
            and _DEGREES_CLOSE.match(text, m.end)
        )
        if prev is not None and (converted or temperature):
            said = f"{text[m.start : m.end]!r} {m.unit or 'degrees'}"
            note = f"{said} in brackets after it is the same figure"
            out[-1] = with_changes(prev, note="; ".join(filter(None, [prev.note, note])))
            continue
        out.append(m)
    return out


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
        # "rose by 20 cents to EUR 2.10": the change, then the new figure
        or _BY_BEFORE.search(text, start, m.start)
    ):
        return None
    said = f"a range {text[m.start : nxt.end]!r}"
    if h is not None and _HEDGES[h["h"].casefold()] != "exact":
        said = f"an approximate range ({h['h']!r}) {text[m.start : nxt.end]!r}"
    return _joined(text, m, nxt, "; ".join(filter(None, [m.note, said])))


# "lifted its forecast by $700 million to $62 billion": "by" before the first figure of a
# "to" pair says it is how much a figure changed, and the second is the figure changed to.
_BY_BEFORE: Final = re.compile(r"\bby\s+(?:(?:an?|some|about|around|nearly|almost)\s+)?$", re.I)
_TO_AFTER: Final = re.compile(r"\s*to\s+")


def hedged(text: str, start: int, mentions: list[Mention]) -> list[Mention]:
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
        m = _unit_from_end(text, start, _changed(text, m, nxt), nxt)
        hedge = _hedge_after(text, m) if hedge in ("exact", "between") else hedge
        out.append(with_changes(m, hedge=hedge) if hedge != "exact" else m)
    return out


def _hedge_after(text: str, m: Mention) -> str:
    """ "aged 18 and older": at-least; "5 or fewer": at-most; else exact."""
    after = _HEDGE_AFTER.match(text, m.end)
    if after is None or not isinstance(m.value, float):
        return "exact"
    return "at-least" if after["h"].casefold() in _UPWARDS else "at-most"


# "aged 18 and older", "250 or more", "5 or fewer": a bound said after the figure.
_HEDGE_AFTER: Final = re.compile(
    r"\s+(?:and|or)\s+(?P<h>older|over|above|more|up(?!\s+to\b)|higher|greater|younger|"
    r"under|below|fewer|less|lower)\b(?!\s+than\b)",
    re.IGNORECASE,
)
_UPWARDS: Final = frozenset({"older", "over", "above", "more", "up", "higher", "greater"})


def _unit_from_end(text: str, start: int, m: Mention, nxt: Mention | None) -> Mention:
    """ "from 40 to 10 minutes": the unit written once, after the second figure, is the
    first's too."""
    if (
        m.unit is not None
        or nxt is None
        or nxt.unit is None
        or not re.fullmatch(r"\s*(?:to|-|\u2013)\s*", text[m.end : nxt.start])
        or not re.search(r"\bfrom\s+$", text[start : m.start], re.I)
    ):
        return m
    note = f"unit {nxt.unit} from {text[nxt.start : nxt.end]!r} after it"
    return with_changes(m, unit=nxt.unit, note="; ".join(filter(None, [m.note, note])))


def _changed(text: str, m: Mention, nxt: Mention | None = None) -> Mention:
    """ "12,000 more inmates than", "by 27 cents to $2.93": a change, flagged, not a
    count."""
    change = _CHANGE_AFTER.match(text, m.end)
    if not isinstance(m.value, float):
        return m
    if change:
        said = change.group().strip()
    elif (
        nxt is not None
        and _BY_BEFORE.search(text, 0, m.start)
        and _TO_AFTER.fullmatch(text, m.end, nxt.start)
    ):
        said = f"by {text[m.start : m.end]} to {text[nxt.start : nxt.end]}"
    else:
        return m
    note = f"a change ({said!r}), not a count"
    return with_changes(m, flags=m.flags | {"change"}, note="; ".join(filter(None, [m.note, note])))
