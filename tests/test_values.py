"""The one name code imports value semantics by (factcheck.domain.values): every name it
gave is still there, the very object its module by concept defines."""

from __future__ import annotations

import importlib

from factcheck.domain import values

HOMES = {
    "hedges": ["DATE_HEDGES", "DEFAULT_TOLERANCE", "HEDGES", "HEDGE_SYNONYMS", "normalize_hedge"],
    "intervals": ["Interval", "hedge_interval", "intersects"],
    "quantities": ["parse_number", "parse_quantity", "written_interval", "written_step"],
    "dates": [
        "DateSpan",
        "Order",
        "PartialDate",
        "aligned",
        "compare_dates",
        "date_range",
        "date_span",
        "spans_overlap",
    ],
}


def test_every_name_is_the_one_its_module_defines() -> None:
    for module, names in HOMES.items():
        home = importlib.import_module(f"factcheck.domain.{module}")
        for name in names:
            assert getattr(values, name) is getattr(home, name), name
    assert sorted(values.__all__) == sorted(n for names in HOMES.values() for n in names)


def test_a_hedged_figure_and_a_written_date_meet_through_the_old_name() -> None:
    more = values.hedge_interval(250, "more-than")
    assert values.intersects(more, values.hedge_interval(260)) is True
    assert values.intersects(more, values.hedge_interval(250)) is False
    span = values.PartialDate.parse("2023-01").span()
    assert (
        values.compare_dates(span, values.PartialDate.parse("2023-02").span())
        is values.Order.BEFORE
    )
