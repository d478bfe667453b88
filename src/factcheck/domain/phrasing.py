"""Claims and dates in the words of a finding: ``more than 250 people (as of 16 Mar 2025)``.

Every human wording of a fact's value and time is here, so that findings read alike:
:meth:`factcheck.domain.corpus.Fact.describe` is :func:`describe`.
"""

from __future__ import annotations

from factcheck.domain.datewords import as_of_words, date_words, period_words, range_words
from factcheck.domain.model import Claim, Property
from factcheck.domain.values import parse_quantity

__all__ = ["describe"]


def describe(claim: Claim, prop: Property, unit: str | None) -> str:
    """The claim in a few words: ``more than 250 people (as of 16 Mar 2025)``, ``before
    March 2022``, ``between 6:45 and 6:48 pm UTC-4 on 15 Mar 2025``."""
    c = claim
    dated = prop.type == "date"
    if isinstance(c.value, tuple):
        if dated:
            text = range_words(*c.value)
        else:
            lo, hi = (f"{x:,}" if isinstance(x, int | float) else x for x in c.value)
            text = f"between {lo} and {hi}" if c.hedge == "between" else f"{lo} to {hi}"
    elif isinstance(c.value, bool):
        text = "yes" if c.value else "no"
    elif isinstance(c.value, int | float) and prop.type == "quantity":
        text = f"{c.value:,}"
    else:
        text = date_words(c.value) if dated else str(c.value)
    if c.hedge not in ("exact", "between"):
        text = f"{c.hedge.replace('-', ' ')} {text}"
    # A figure written with its unit ("57%", "$6 million") shows it already; one written
    # with only a scale word ("14,5 thousand") gets it, as a plain figure does.
    if unit and prop.type == "quantity" and not _shows_unit(c.value):
        text = f"{text} {unit}"
    if c.as_of:
        text += f" ({as_of_words(str(c.as_of))})"
    elif c.period:
        text += f" ({period_words(c.period.start, c.period.end)})"
    return text


def _shows_unit(value: object) -> bool:
    """Whether a quantity as written names its unit: ``"57%"`` and ``"$6 million"`` do,
    ``"14,5 thousand"`` and ``40000`` do not (in a range, either end naming it will do)."""
    ends = value if isinstance(value, tuple) else (value,)
    for end in ends:
        if isinstance(end, str):
            try:
                if parse_quantity(end)[1] is not None:
                    return True
            except ValueError:
                # Not a figure the loader reads: left as written, with nothing added.
                return True
    return False
