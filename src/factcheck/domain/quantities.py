"""Quantities as people write them: "14,5 thousand", "$6 million", "3%", "1,659", read
into a number and a unit, and the precision a figure was written to."""

from __future__ import annotations

import math
import re
from typing import Final

from factcheck.domain.intervals import Interval

__all__ = ["parse_number", "parse_quantity", "written_interval", "written_step"]

_SCALES: Final = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
}
_CURRENCIES: Final = {"$": "USD", "€": "EUR", "£": "GBP", "US$": "USD"}
_QUANTITY_RE: Final = re.compile(
    r"""^\s*(?P<cur>US\$|\$|€|£)?\s*
        (?P<num>[-+]?\d[\d,.\s]*?)\s*
        (?P<scale>thousand|million|billion|mn|bn|k|m)?\s*
        (?P<pct>%|percent|per\s*cent)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_number(text: str) -> float:
    """Read a number written with thousands separators or a decimal comma.

    "1,659" and "100,000" use the comma as a thousands separator (groups of three);
    "14,5" uses it as a decimal comma.
    """
    s = re.sub(r"\s", "", text)
    if "," in s and "." in s:
        # Whichever comes last is the decimal mark.
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        groups = s.lstrip("+-").split(",")
        if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            s = s.replace(",", "")
        elif len(groups) == 2:
            s = s.replace(",", ".")
        else:
            raise ValueError(f"cannot read number {text!r}")
    return float(s)


def written_step(written: float | str) -> float:
    """The place of the last significant digit of a figure as written: 1 for ``8848``,
    10,000 for ``40,000`` (trailing zeros of a whole number are not significant), 0.1
    for ``2.4``, 100 for ``14.5 thousand``."""
    if isinstance(written, str):
        m = _QUANTITY_RE.match(written)
        if not m:
            raise ValueError(f"cannot read quantity {written!r}")
        digits = re.sub(r"\s", "", m["num"]).lstrip("+-")
        scale = _SCALES[m["scale"].lower()] if m["scale"] else 1.0
        decimals = _decimals(digits)
        if decimals:
            return float(10**-decimals * scale)
        return _integer_step(round(parse_number(m["num"]))) * scale
    if isinstance(written, float) and not written.is_integer():
        return float(10 ** -len(repr(written).split(".")[-1]))
    return _integer_step(int(written))


def _decimals(digits: str) -> int:
    """Digits after the decimal mark, read as :func:`parse_number` reads the mark."""
    if "," in digits and "." in digits:
        mark = "," if digits.rfind(",") > digits.rfind(".") else "."
    elif "," in digits:
        groups = digits.split(",")
        thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
        mark = "" if thousands else ","
    else:
        mark = "." if "." in digits else ""
    return len(digits.rsplit(mark, 1)[-1]) if mark else 0


def _integer_step(n: int) -> float:
    if n == 0:
        return 1.0
    step = 1
    while n % (step * 10) == 0:
        step *= 10
    return float(step)


def written_interval(written: float | str, value: float) -> Interval:
    """The interval a figure written at its precision rounds to."""
    half = written_step(written) / 2
    return Interval(value - half, value + half)


def parse_quantity(text: str) -> tuple[float, str | None]:
    """Parse "14,5 thousand", "$6 million", "3%", "1,659" into (value, unit or None).

    >>> parse_quantity("14,5 thousand")
    (14500.0, None)
    >>> parse_quantity("$6 million")
    (6000000.0, 'USD')
    """
    m = _QUANTITY_RE.match(text)
    if not m:
        raise ValueError(f"cannot read quantity {text!r}")
    value = parse_number(m["num"])
    if m["scale"]:
        value *= _SCALES[m["scale"].lower()]
    if not math.isfinite(value):
        raise ValueError(f"number too large in quantity {text[:40]!r}...")
    unit: str | None = None
    if m["cur"]:
        unit = _CURRENCIES[m["cur"]]
    if m["pct"]:
        if unit:
            raise ValueError(f"a quantity cannot be both money and a percentage: {text!r}")
        unit = "percent"
    return value, unit
