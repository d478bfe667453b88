"""Value semantics: hedged quantities as intervals, partial dates with precision.

Everything here is a pure function of its arguments. Two claims can both be true exactly
when their value sets intersect, so every comparison the checks make reduces to
:func:`intersects` on :class:`Interval` (numbers) or :class:`DateSpan` (times).

This module gathers, under the one name code has always imported, what is defined by
concept in :mod:`.hedges` (hedge words), :mod:`.intervals` (quantities as intervals and
their arithmetic), :mod:`.quantities` (figures as people write them) and :mod:`.dates`
(partial dates, spans and their order).
"""

from __future__ import annotations

from factcheck.domain.dates import (
    DateSpan,
    Order,
    PartialDate,
    aligned,
    compare_dates,
    date_range,
    date_span,
    spans_overlap,
)
from factcheck.domain.hedges import (
    DATE_HEDGES,
    DEFAULT_TOLERANCE,
    HEDGE_SYNONYMS,
    HEDGES,
    normalize_hedge,
)
from factcheck.domain.intervals import Interval, hedge_interval, intersects
from factcheck.domain.quantities import (
    parse_number,
    parse_quantity,
    written_interval,
    written_step,
)

__all__ = [
    "DATE_HEDGES",
    "DEFAULT_TOLERANCE",
    "HEDGES",
    "HEDGE_SYNONYMS",
    "DateSpan",
    "Interval",
    "Order",
    "PartialDate",
    "aligned",
    "compare_dates",
    "date_range",
    "date_span",
    "hedge_interval",
    "intersects",
    "normalize_hedge",
    "parse_number",
    "parse_quantity",
    "spans_overlap",
    "written_interval",
    "written_step",
]
