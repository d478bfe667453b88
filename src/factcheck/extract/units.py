"""Units: the unit a figure is given by the word right after it or glued to it.

"10,000 feet" is ``ft``, "29 knots" ``knots``, "9 mph" ``mph``, "190 degrees" ``deg``
(an angle: a temperature says Fahrenheit or Celsius), "2.2 nautical miles" ``nmi``, and
"0.8 nm north-northeast of" ``nmi`` too: "nm" is read as nautical miles only when a
compass direction, "from" or "and" follows, as in pilots' and sailors' positions ("a 7nm
chip" is a nanometre). Speeds ("215 km/h", "13 miles per hour") and air pressures ("953 mb"
is ``mbar``, "1013 hPa") are named as pint names them. Of two figures sharing one unit
word ("15,000 and 25,000 feet", "between 10 and 20 miles"), the first takes the second's
unit (:func:`shared_unit`).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["GLUED_UNITS", "is_measure", "shared_unit", "unit_after"]

# What a letter glued to a figure is: "$229.5m" is millions, "405m" metres, "10k" thousands.
GLUED_UNITS: Final = {
    "ft": "ft",
    "km": "km",
    "kg": "kg",
    "mi": "miles",
    "cm": "cm",
    "mm": "mm",
} | {
    "lb": "lb",
    "lbs": "lb",
    "m": "m",
    "t": "t",
}
_POINT: Final = r"(?:north|south|east|west)"
# After a space, or a hyphen as in "a 14-day period", "5.6-kilometre-long", "400-million-dollar"
_UNIT_AFTER: Final = re.compile(
    r"(?:\s+|-)(?P<u>hours?|days?|weeks?|months?|years?|minutes?|seconds?|hectares?|acres?|"
    r"(?:square|cubic)\s+(?:meters|metres|kilometers|kilometres|yards|feet)|"
    # speeds before the distances they begin with ("215 km/h", "13 miles per hour")
    r"km/h|kph|(?:kilomet(?:er|re)s?|miles?)\s+per\s+hour|km|kilometers?|"
    r"kilometres?|nautical\s+miles?|miles?|feet|foot|meters?|metres?|tonnes?|dollars?|euros?|"
    r"times|percentage[\s-]points?|points?|mph|knots?|inch(?:es)?|"
    # the short forms a figure converted in brackets is written in ("6 acres (2.4 ha)",
    # "0.6 square metres (6.5 sq ft)", "60-centimeter-thick (24 in)")
    r"sq\.?\s?(?:ft|mi|km|m)|ft|ha|cm|mm|yards?|centimet(?:er|re)s?|millimet(?:er|re)s?|"
    r"in(?=\s*\))|"
    # air pressure, as weather services write it ("953 mb", "1013 hPa")
    r"mb|millibars?|hpa|hectopascals?|"
    # an angle; a temperature says its scale ("90 degrees Fahrenheit", "30 degrees C")
    r"degrees?(?!\s+(?:fahrenheit|celsius|centigrade|[FC]\b))|"
    rf"nm(?=\s+(?:{_POINT}|and\b|from\b)))\b",
    re.IGNORECASE,
)
_UNIT_NAMES: Final = {
    "square meters": "m2",
    "square metres": "m2",
    "square kilometers": "km2",
    "square kilometres": "km2",
    "square yards": "square yards",
    "square feet": "square feet",
    "cubic meters": "m3",
    "cubic metres": "m3",
    "cubic yards": "cubic yards",
    "cubic feet": "cubic feet",
    "kilometer": "km",
    "kilometre": "km",
    "kilometers": "km",
    "kilometres": "km",
    "km": "km",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "feet": "ft",
    "foot": "ft",
    "meter": "m",
    "meters": "m",
    "metre": "m",
    "metres": "m",
    "tonne": "t",
    "tonnes": "t",
    "mph": "mph",
    "miles per hour": "mph",
    "mile per hour": "mph",
    "km/h": "km/h",
    "kph": "km/h",
    "kilometers per hour": "km/h",
    "kilometres per hour": "km/h",
    "kilometer per hour": "km/h",
    "kilometre per hour": "km/h",
    "inch": "inches",
    "in": "inches",
    "ft": "ft",
    "ha": "hectares",
    "sq ft": "square feet",
    "sq. ft": "square feet",
    "sq m": "m2",
    "sq. m": "m2",
    "sq km": "km2",
    "sq. km": "km2",
    "sq mi": "square miles",
    "sq. mi": "square miles",
    "cm": "cm",
    "mm": "mm",
    "centimeter": "cm",
    "centimeters": "cm",
    "centimetre": "cm",
    "centimetres": "cm",
    "millimeter": "mm",
    "millimeters": "mm",
    "millimetre": "mm",
    "millimetres": "mm",
    "yard": "yards",
    "mb": "mbar",
    "millibar": "mbar",
    "millibars": "mbar",
    "hpa": "hPa",
    "hectopascal": "hPa",
    "hectopascals": "hPa",
    "knot": "knots",
    "degree": "deg",
    "degrees": "deg",
    "nm": "nmi",
    "nautical mile": "nmi",
    "nautical miles": "nmi",
}


# What says a figure in degrees is a temperature: the word before it in its clause, or
# a conversion after it ("86 degrees (30 Celsius)").
_WARMTH: Final = re.compile(
    r"\b(?:temperatures?|temps?|heat|warm\w*|cool\w*|cold\w*|hot\w*|fever|thermometers?)\b"
    r"[^.;:]{0,60}$",
    re.IGNORECASE,
)
_CONVERTED: Final = re.compile(r"\s*\(\s*[-\d.]+\s*(?:\u00b0\s*)?(?:degrees\s+)?[CF]", re.I)


def unit_after(text: str, at: int, end: int) -> str | None:
    """The unit the word after a figure ending at ``at`` names, if any. Degrees are an
    angle (``deg``: "wind from 190 degrees", "032 degrees from Sparks"); a temperature
    ("a starting temperature of about 16 degrees") is given no unit rather than a wrong one."""
    after = _UNIT_AFTER.match(text, at, end)
    if after is None:
        return None
    unit = unit_name(after["u"])
    if unit == "deg" and (
        _WARMTH.search(text, max(0, at - 80), at) or _CONVERTED.match(text, after.end(), end)
    ):
        return None
    return unit


def unit_name(word: str) -> str:
    """The unit a unit word names: "feet" -> ``ft``, "days" -> ``days``."""
    word = re.sub(r"[\s-]+", " ", word.casefold())
    if word.startswith("percentage point"):
        return "percentage points"
    return _UNIT_NAMES.get(word, word if word.endswith("s") else word + "s")


# "15,000 and 25,000 feet", "10 to 20 miles": a figure, a joining word, then a figure
# with its unit word.
_JOINED: Final = re.compile(r"\s*(?:and|or|to|-|\u2013)\s*", re.IGNORECASE)


def shared_unit(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether the figure at ``first`` shares the unit word of the one at ``second``:
    only "and", "or", "to" or a dash stands between them ("15,000 and 25,000 feet")."""
    return first[1] <= second[0] and _JOINED.fullmatch(text[first[1] : second[0]]) is not None


def is_measure(unit: str) -> bool:
    """Whether a property's unit is a measure the figure must write ("ft", "acres", "degF",
    "USD", "percent", "days") rather than a noun it counts ("people", "flights"): a unit
    word this module reads, or a symbol (short, or not a lower-case word)."""
    if unit.startswith("per ") or not (unit.isalpha() and unit.islower()) or len(unit) <= 3:
        return True
    known = {*GLUED_UNITS.values(), *_UNIT_NAMES.values(), "USD", "percent", "rank", "times"}
    return unit in known or _UNIT_AFTER.match(" " + unit) is not None
