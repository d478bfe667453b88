"""The report's words: figures, dates, hedges and units written the way people read them.

Every piece of text that reaches the page goes through :func:`esc`; widths are estimated
(:func:`text_width`) because the report lays itself out without a browser.
"""

from __future__ import annotations

import math
from datetime import timedelta
from html import escape
from typing import Final

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.datewords import MONTHS as LONG_MONTHS
from factcheck.domain.values import PartialDate, parse_quantity

#: Month names, short (axis ticks) and long (dates in sentences).
MONTHS: Final = (tuple(month[:3] for month in LONG_MONTHS), LONG_MONTHS)
HEDGE_WORDS: Final = {
    "about": "about",
    "more-than": "more than",
    "at-least": "at least",
    "less-than": "less than",
    "at-most": "at most",
    "almost": "almost",
    "before": "before",
    "after": "after",
    "not-before": "no earlier than",
    "not-after": "no later than",
}


def esc(text: object) -> str:
    """``text`` made safe for HTML and SVG, in element text and in quoted attributes."""
    return escape(str(text), quote=True)


def text_width(text: str) -> float:
    """Width of 12px sans-serif text, estimated: the report must lay out without a browser."""
    return 6.6 * len(text)


def num(x: float) -> str:
    """``40,000``, ``2.4``, ``97.7``: thousands separators, no spurious decimals."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == round(x) or abs(x) >= 1000:
        return f"{round(x):,}"
    return f"{x:,.3g}" if abs(x) < 10 else f"{x:,.1f}".rstrip("0").rstrip(".")


def date_text(value: str | int) -> str:
    """A partial date as people read it: ``2023``, ``January 2023``, ``31 January 2023``."""
    try:
        d = PartialDate.parse(value)
    except ValueError:
        return str(value)
    if d.instant is not None:
        clock = "%H:%M:%S" if d.resolution < timedelta(minutes=1) else "%H:%M"
        zone = " UTC" if d.zoned else " (local time)"
        return d.instant.strftime(f"%d %B %Y, {clock}").lstrip("0") + zone
    part = f"{d.part} " if d.part else ""
    if d.month is None:
        return f"{part}{d.year}"
    month = MONTHS[1][d.month - 1]
    return f"{d.day} {month} {d.year}" if d.day else f"{part}{month} {d.year}"


def says(fact: Fact, *, unit: bool = True) -> str:
    """What the claim says, in words: ``more than 40,000 people`` (``unit=False``: no unit)."""
    c = fact.claim
    hedge = HEDGE_WORDS.get(c.hedge, "")
    if fact.prop.type == "date" and not isinstance(c.value, bool | tuple | float):
        text = date_text(c.value)
    elif isinstance(c.value, tuple):
        lo, hi = (num(x) if isinstance(x, int | float) else date_text(x) for x in c.value)
        text = f"between {lo} and {hi}" if c.hedge == "between" else f"{lo} to {hi}"
    elif isinstance(c.value, bool):
        text = "yes" if c.value else "no"
    elif isinstance(c.value, int | float):
        text = num(c.value)
    elif fact.prop.type == "quantity":
        text = quantity_text(c.value)
    else:
        text = str(c.value)
    if hedge:
        text = f"{hedge} {text}"
    if unit and fact.prop.type == "quantity" and fact.unit:
        text = with_unit(text, fact.unit)
    return text


def with_unit(text: str, unit: str) -> str:
    """A figure in words with its unit: ``12%``, ``about $6,000``, ``40,000 people``."""
    if unit == "percent":
        return f"{text}%"
    if unit == "USD":
        # "$" goes on the figure, after any hedge word: "about $6,000,000".
        head, _, figure = text.rpartition(" ")
        return f"{head} ${figure}".strip() if figure[:1].isdigit() else f"{text} USD"
    return f"{text} {unit}"


def quantity_text(written: str) -> str:
    """ "14,5 thousand" as ``14,500``: one way of writing numbers across the report."""
    try:
        number, _unit = parse_quantity(written)
    except ValueError:
        return written
    return num(number)


def time_text(fact: Fact) -> str:
    """When the claim holds: its as_of or period, else the publication date."""
    c = fact.claim
    if c.as_of:
        return f"as of {date_text(c.as_of)}"
    if c.period:
        start = date_text(c.period.start) if c.period.start else "…"
        end = date_text(c.period.end) if c.period.end else "…"
        return f"{start} to {end}"
    if fact.source.published:
        return f"published {date_text(fact.source.published)}"
    return "reference fact" if fact.source.kind == "reference" else "no date"


def source_name(fact_or_source: Fact | str, corpus: Corpus) -> str:
    """A short readable name: the publisher, else the source id."""
    sid = fact_or_source.source.id if isinstance(fact_or_source, Fact) else fact_or_source
    sf = corpus.sources.get(sid)
    if sf is None:
        return sid
    s = sf.source
    if s.kind == "reference":
        return f"Reference: {s.id}"
    return s.publisher or s.id


def plural(n: int, word: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
