"""Hedges: the words that say how a figure or a date is meant ("more than", "about",
"before"), in their canonical spellings, and the synonyms people write for them."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

__all__ = ["DATE_HEDGES", "DEFAULT_TOLERANCE", "HEDGES", "HEDGE_SYNONYMS", "normalize_hedge"]

#: Canonical quantity hedges.
HEDGES: Final = frozenset(
    {"exact", "about", "more-than", "at-least", "less-than", "at-most", "almost", "between"}
)
#: Canonical date hedges.
DATE_HEDGES: Final = frozenset({"exact", "before", "after", "not-before", "not-after"})
#: Words people write for a hedge, mapped to the canonical name.
HEDGE_SYNONYMS: Final = {
    "around": "about",
    "some": "about",
    "approximately": "about",
    "roughly": "about",
    "over": "more-than",
    "above": "more-than",
    "under": "less-than",
    "below": "less-than",
    "up-to": "at-most",
    "estimate": "about",
    "estimated": "about",
    "thought-to-be": "about",
    "believed-to-be": "about",
    "nearly": "almost",
    "approaching": "almost",
    "no-later-than": "not-after",
    "no-earlier-than": "not-before",
}

#: How far ``about`` reaches either side of a figure, as a fraction of it, unless the
#: claim or its property says otherwise.
DEFAULT_TOLERANCE: Final = 0.1


@lru_cache(maxsize=1024)  # a handful of spellings, met on every claim
def normalize_hedge(hedge: str) -> str:
    """Return the canonical spelling of ``hedge`` ("over" -> "more-than").

    Unknown words are returned unchanged (lower-cased, spaces as dashes) so the caller
    can report them.
    """
    key = hedge.strip().lower().replace(" ", "-").replace("_", "-")
    return HEDGE_SYNONYMS.get(key, key)
