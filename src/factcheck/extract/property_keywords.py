"""Property keywords: phrases of plain English that make a property clear ("designed for",
"can hold" -> ``capacity``; "years old" -> ``age``), for a corpus that has the property."""

from __future__ import annotations

from typing import Final

from factcheck.extract.mention import Mention
from factcheck.extract.vocabulary import Names

__all__ = ["SPECIAL_UNITS", "keyword_hits"]

#: Units of a figure that is no plain count or measure.
SPECIAL_UNITS: Final = frozenset({"percent", "USD", "EUR", "GBP", "rank", "times"})

#: Keywords that make a property clear: property id -> (phrases, unit the figure must have).
#: ``None`` for the unit means a plain count or measure (not a percentage or an amount).
_PROPERTY_KEYWORDS: Final[dict[str, tuple[tuple[str, ...], str | None]]] = {
    # "a mega-prison that can hold up to 40,000 inmates", "can house over 40,000 people"
    "capacity": (
        ("designed for", "space for", "accommodate", "capacity of", "can hold", "can house"),
        None,
    ),
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
    "age": (("years old", "year-old", "years-old"), "years"),  # "the 33-year-old won"
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


def keyword_hits(names: Names, mention: Mention, low: str) -> list[str]:
    """The properties whose keywords are in ``low`` (the casefolded context), of the
    mention's type and a unit that suits it."""
    found = []
    for prop, (phrases, unit) in _PROPERTY_KEYWORDS.items():
        if names.properties.get(prop) != mention.kind or not any(p in low for p in phrases):
            continue
        if (
            mention.kind == "quantity"
            and unit != mention.unit
            and not (
                unit is None
                and mention.unit not in SPECIAL_UNITS
                and not (mention.unit or "").startswith("per ")
            )
        ):
            continue
        found.append(prop)
    return found
