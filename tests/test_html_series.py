"""Which subjects and properties get a chart in the HTML report, with which claims."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.report.html.series import bounds, series, slug, title_of

from .conftest import MakeCorpus, source_yaml
from .html_pages import BOUND_RULE, charts, page, report

SERIES_CASES = [
    # (claims of source x, claims of source y, expected chart ids)
    pytest.param(
        "- {id: i1, subject: cecot, property: inmates, value: 100, as_of: 2024, quote: q}",
        "- {id: i2, subject: cecot, property: inmates, value: 200, as_of: 2025, quote: q}",
        {"chart-cecot-inmates-people"},
        id="two-times",
    ),
    pytest.param(
        "- {id: i1, subject: cecot, property: inmates, value: 100, as_of: 2024, quote: q}",
        "- {id: i2, subject: cecot, property: inmates, value: 110, as_of: 2024, quote: q}",
        set(),
        id="one-time-no-chart",
    ),
    pytest.param(
        "- {id: i1, subject: cecot, property: inmates, value: 100, as_of: 2024, quote: q}",
        "- {id: i2, subject: cecot, property: inmates, value: 100, as_of: 2025, quote: q}",
        set(),
        id="same-value-no-chart",
    ),
    pytest.param(
        "- {id: i1, subject: cecot, property: inmates, value: 100, as_of: 2024, quote: q}",
        "- {id: c1, subject: cecot, property: capacity, value: 400, quote: q}",
        set(),
        id="no-bound-rule-no-chart",
    ),
    pytest.param(
        "- {id: c1, subject: cecot, property: capacity, value: 400, as_of: 2023, quote: q}",
        "- {id: c2, subject: cecot, property: capacity, value: 500, as_of: 2025, quote: q}",
        {"chart-cecot-capacity-inmates"},
        id="bound-alone",
    ),
    pytest.param(
        "- {id: o1, subject: cecot, property: opened, value: 2023-01, quote: q}",
        "- {id: o2, subject: cecot, property: opened, value: 2023-01-31, quote: q}",
        {"chart-cecot-opened"},
        id="dates-differ",
    ),
    pytest.param(
        "- {id: o1, subject: cecot, property: opened, value: 2023-01, quote: q}",
        "- {id: o2, subject: cecot, property: opened, value: 2023-01, quote: q}",
        set(),
        id="dates-same",
    ),
    pytest.param(
        "- {id: n1, subject: cecot, property: name, value: CECOT, quote: q}",
        "- {id: n2, subject: cecot, property: name, value: Other, quote: q}",
        set(),
        id="text-never-charted",
    ),
]


@pytest.mark.parametrize(("x", "y", "expected"), SERIES_CASES)
def test_which_series_get_a_chart(
    make_corpus: MakeCorpus, x: str, y: str, expected: set[str]
) -> None:
    root = make_corpus(
        {"sources/x.yaml": source_yaml("x", x), "sources/y.yaml": source_yaml("y", y)}
    )
    text, _ = report(root)
    assert set(charts(page(text))) == expected


def _bounded(make_corpus: MakeCorpus) -> Path:
    return make_corpus(
        {
            "rules.yaml": BOUND_RULE,
            "sources/x.yaml": source_yaml(
                "x",
                """
                - {id: i1, subject: cecot, property: inmates, value: 100, as_of: 2024, quote: q}
                - {id: c1, subject: cecot, property: capacity, value: 400, quote: q}
                """,
            ),
            "sources/y.yaml": source_yaml(
                "y",
                """
                - {id: c2, subject: cecot, property: capacity, value: 500, quote: q}
                - {id: i2, subject: cecot, property: inmates, value: 300, as_of: 2023, quote: q}
                """,
            ),
        }
    )


def test_a_bound_is_drawn_on_the_chart_it_bounds(make_corpus: MakeCorpus) -> None:
    corpus = factcheck.load(_bounded(make_corpus))
    assert bounds(corpus) == {"inmates": {"capacity"}}
    # The capacities disagree, but no rule says so: they ride on the inmates chart only.
    (drawn,) = series(corpus, [])
    assert (drawn.subject, drawn.prop, drawn.kind, drawn.unit) == (
        "cecot",
        "inmates",
        "quantity",
        "people",
    )
    assert [f.ref for f in drawn.facts] == ["y/i2", "x/i1"]  # by time, not by source
    assert [f.ref for f in drawn.bounds] == ["x/c1", "y/c2"]
    assert drawn.anchor == "chart-cecot-inmates-people"
    assert title_of(drawn, corpus) == "Terrorism Confinement Center: inmates (people)"


def test_a_bound_in_conflict_with_itself_gets_its_own_chart(make_corpus: MakeCorpus) -> None:
    corpus = factcheck.load(_bounded(make_corpus))
    drawn = series(corpus, [frozenset({"x/c1", "y/c2"})])
    assert [s.prop for s in drawn] == ["capacity", "inmates"]
    # A conflict reaching past the bound's own claims does not give it a chart.
    drawn = series(corpus, [frozenset({"x/c1", "x/i1"})])
    assert [s.prop for s in drawn] == ["inmates"]


def test_claims_in_a_conflict_are_charted_even_at_one_time(make_corpus: MakeCorpus) -> None:
    one_time = "- {id: i, subject: cecot, property: inmates, value: %d, as_of: 2024, quote: q}"
    root = make_corpus(
        {
            "sources/x.yaml": source_yaml("x", one_time % 100),
            "sources/y.yaml": source_yaml("y", one_time % 900),
        }
    )
    corpus = factcheck.load(root)
    assert series(corpus, []) == []
    assert [s.prop for s in series(corpus, [frozenset({"x/i", "y/i"})])] == ["inmates"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("people", "people"), ("km/h", "km-h"), ("US $", "us"), ("Ünits 2", "ünits-2")],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected
