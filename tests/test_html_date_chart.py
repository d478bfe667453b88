"""The HTML report's chart of a date given differently: one lane per claim."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.report.html.date_chart import LANE, OPEN_AT_FIGURE, date_chart
from factcheck.report.html.palette import Look
from factcheck.report.html.scales import TOP
from factcheck.report.html.series import series

from .conftest import MakeCorpus, source_yaml
from .html_pages import SVG, charts, numbers, page, report


def _opened(*claims: tuple[str, str]) -> str:
    return "\n".join(
        f"- {{id: o{i}, subject: cecot, property: opened, value: '{v}', hedge: {h}, quote: q{i}}}"
        for i, (h, v) in enumerate(claims)
    )


@pytest.mark.parametrize(
    ("hedge", "arrow", "hollow"),
    [
        ("before", "left", True),
        ("not-after", "left", False),
        ("after", "right", True),
        ("not-before", "right", False),
    ],
)
def test_an_open_ended_date_points_its_way(
    make_corpus: MakeCorpus, hedge: str, arrow: str, hollow: bool
) -> None:
    root = make_corpus(
        {"sources/x.yaml": source_yaml("x", _opened(("exact", "2023-01-15"), (hedge, "2023-06")))}
    )
    svg = charts(page(report(root)[0]))["chart-cecot-opened"]
    # The exact day is a point; the open span a bar with an arrow and a marked end.
    marks = [e for e in svg.iter() if "mark" in (e.get("class") or "").split()]
    assert [e.tag for e in marks] == [f"{SVG}circle", f"{SVG}rect"]
    (polygon,) = svg.iter(f"{SVG}polygon")
    xs = [float(p.split(",")[0]) for p in polygon.get("points", "").split()]
    assert (xs[0] == min(xs)) == (arrow == "left")  # the first point is the tip
    (end,) = [c for c in svg.iter(f"{SVG}circle") if c.get("r") == "4.5"]
    assert (end.get("fill") == "#ffffff") == hollow == (hedge in OPEN_AT_FIGURE)


def test_one_lane_per_claim_naming_its_source_and_saying_its_date(make_corpus: MakeCorpus) -> None:
    root = make_corpus(
        {
            "sources/x.yaml": source_yaml("x", _opened(("exact", "2023-02"))),
            "sources/y.yaml": source_yaml("y", _opened(("exact", "2023-01-31"))),
        }
    )
    corpus = factcheck.load(root)
    result = factcheck.audit(corpus)
    (drawn,) = series(corpus, [])
    svg = date_chart(drawn, corpus, Look.of(result, corpus))
    assert svg.startswith('<svg class="chart date"')
    assert f'height="{TOP + LANE * 2 + 40}"' in svg
    root_svg = ET.fromstring(svg)
    texts = [(t.get("class"), t.text) for t in root_svg.iter(f"{SVG}text")]
    lanes = [t for c, t in texts if c == "lane-label"]
    said = [t for c, t in texts if c == "value-label"]
    assert [f.source.id for f in drawn.facts] == ["x", "y"]
    assert lanes == ["x", "y"]  # no publisher: the source's id
    assert said == ["February 2023", "31 January 2023"]


DATE_HEDGES = ["exact", "before", "after", "not-before", "not-after"]
date_claims = st.lists(
    st.tuples(
        st.sampled_from(DATE_HEDGES),
        st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)),
        st.sampled_from(["year", "month", "day"]),
    ),
    min_size=2,
    max_size=6,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(date_claims)
def test_any_date_series_draws_finite_marks(
    make_corpus: MakeCorpus, data: list[tuple[str, date, str]]
) -> None:
    written = {"year": 4, "month": 7, "day": 10}  # characters of the ISO date kept
    root = make_corpus(
        {
            "sources/x.yaml": source_yaml(
                "x", _opened(*((h, d.isoformat()[: written[p]]) for h, d, p in data))
            )
        }
    )
    corpus = factcheck.load(root)
    assert not corpus.errors
    drawn = charts(page(report(root)[0]))
    assert bool(drawn) == (len({f.value for f in corpus.facts}) >= 2)
    for svg in drawn.values():
        width = float(svg.get("width", 0))
        for n in numbers(svg):
            assert math.isfinite(n)
            assert -width <= n <= 2 * width
        marks = [e for e in svg.iter() if "mark" in (e.get("class") or "").split()]
        assert len(marks) == len(data)
