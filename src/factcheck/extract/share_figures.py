"""Per-share figures: "Total profit equaled $468 million, or 47 cents a share".

A money figure said "a share" or "per share" is an amount per share: of the properties
that speak of shares (their id or description: ``eps``, "Earnings per share in a period."),
in the figure's unit. Results stories write it after the total it divides ("net income of
$4.5 billion, or 94 cents a share") without naming earnings again, so no word of the
property's is there. Of those properties, the ones whose id holds every word of another's
(``eps-estimate``, ``adjusted-eps`` hold ``eps``) say more: one of them is the figure's
when its added words are among the figure's own ("analyst estimates of 92 cents a share":
``eps-estimate``), else the one they all hold is. Two alike, or none all the others hold:
none (a share price and earnings per share are both amounts per share).
"""

from __future__ import annotations

from typing import Final

from factcheck.domain.units import same_unit
from factcheck.extract.mention import Mention
from factcheck.extract.property_words import id_stems, per_share, speaks_of_shares
from factcheck.extract.stems import SYNONYMS, word_stems
from factcheck.extract.vocabulary import Names

__all__ = ["per_share_property"]

# How many properties must hold a property's words for it to be a family's root.
_FAMILY: Final = 2


def per_share_property(names: Names, mention: Mention, before: str, after: str) -> list[str]:
    """The property of a money figure said per share whose words the figure's own words
    (``before`` and ``after`` it) hold; none for another figure, or when several fit."""
    if not per_share(mention, after) or mention.unit is None:
        return []
    found = [
        p
        for p, ptype in names.properties.items()
        if ptype == "quantity"
        and same_unit(names.units.get(p) or "", mention.unit)
        and speaks_of_shares(p, names.descriptions.get(p, ""))
    ]
    words = {p: id_stems(p) for p in found}
    # the root of a family: the property whose words the most others hold ("eps" of
    # "eps-estimate", "adjusted-eps", ...), two at least; a share price stands apart
    held = {p: sum(words[p] < words[q] for q in found) for p in found}
    top = max(held.values(), default=0)
    base = [p for p in found if held[p] == top and top >= _FAMILY]
    if len(base) != 1:
        return []
    found = [p for p in found if words[base[0]] <= words[p]]
    context = word_stems(before) | word_stems(after)
    context |= {SYNONYMS[w] for w in context if w in SYNONYMS}
    added = {p: words[p] - words[base[0]] for p in found}
    said = [p for p in found if added[p] and added[p] <= context]
    most = max((len(added[p]) for p in said), default=0)
    said = [p for p in said if len(added[p]) == most]
    if said:
        return said if len(said) == 1 else []
    # "below last year's $1.72 a share": a word of a narrower one ("year" of
    # "adjusted-eps-year-before") says the figure is not plainly the root's
    return [] if any(added[p] & context for p in found) else base
