"""Claims and dates in the words of a finding: ``more than 250 people (as of 16 Mar 2025)``.

Every human wording of a fact's value and time is here, so that findings read alike:
:meth:`factcheck.domain.corpus.Fact.describe` is :func:`describe`.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.domain.model import Claim, Property

__all__ = ["as_of_text", "date_text", "describe", "period_text"]

_MONTH_NAMES: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_DATE: Final = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def describe(claim: Claim, prop: Property, unit: str | None) -> str:
    """The claim in a few words: ``more than 250 people (2025-03-16)``."""
    c = claim
    if isinstance(c.value, tuple):
        lo, hi = (f"{x:,}" if isinstance(x, int | float) else x for x in c.value)
        text = f"between {lo} and {hi}" if c.hedge == "between" else f"{lo} to {hi}"
    elif isinstance(c.value, bool):
        text = "yes" if c.value else "no"
    elif isinstance(c.value, int | float) and prop.type == "quantity":
        text = f"{c.value:,}"
    else:
        text = str(c.value)
    if c.hedge not in ("exact", "between"):
        text = f"{c.hedge.replace('-', ' ')} {text}"
    # A figure written as text ("57%", "$6 million") already shows its unit.
    if unit and prop.type == "quantity" and not isinstance(c.value, str):
        text = f"{text} {unit}"
    if c.as_of:
        text += f" ({as_of_text(str(c.as_of))})"
    elif c.period:
        text += f" ({period_text(c.period.start, c.period.end)})"
    return text


def date_text(text: str) -> str:
    """A partial date as people write it: ``2025``, ``Mar 2025``, ``16 Mar 2025`` (a
    timestamp, or anything else, as it is)."""
    m = _DATE.match(text)
    if m is None or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        return text
    year, month, day = m.groups()
    if month is None:
        return year
    name = _MONTH_NAMES[int(month) - 1]
    return f"{name} {year}" if day is None else f"{int(day)} {name} {year}"


def as_of_text(text: str) -> str:
    """``in 2025``, ``in Mar 2025``, ``as of 16 Mar 2025``."""
    shown = date_text(text)
    precise = _DATE.match(text) is None or text.count("-") == 2
    return f"as of {shown}" if precise else f"in {shown}"


def period_text(start: object, end: object) -> str:
    """``from 16 Mar 2025``, ``until 2024``, ``from Jan 2013 to Dec 2023``, ``from 16 Mar
    2025 through 2025`` (a year-only end: to the end of that year)."""
    first = date_text(str(start)) if start is not None else None
    last = date_text(str(end)) if end is not None else None
    if first and last:
        # "2025-03-16 to 2025": to the end of the year it started in.
        word = "through" if _DATE.match(str(end)) and "-" not in str(end) else "to"
        return f"from {first} {word} {last}"
    if first:
        return f"from {first}"
    return f"until {last}" if last else "at some time"
