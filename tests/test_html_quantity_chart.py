"""The HTML report's chart of a figure over time: hedges, bounds, rings, axes, labels."""

from __future__ import annotations

import json
import math
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.report.html.quantity_chart import figure, place_labels
from factcheck.report.html.scales import LEFT, TOP, W
from factcheck.report.html.svg import Svg
from factcheck.report.html.text import text_width

from .conftest import MakeCorpus, source_yaml
from .html_pages import (
    BOUND_RULE,
    SVG,
    by_class,
    charts,
    external_references,
    numbers,
    page,
    report,
    rings,
)

GLYPH_CASES = [
    # hedge, value, what must be drawn
    ("exact", "12000", {"filled": 1, "hollow": 0, "arrows": 0}),
    ("more-than", "12000", {"filled": 0, "hollow": 1, "arrows": 1}),
    ("at-least", "12000", {"filled": 1, "hollow": 0, "arrows": 1}),
    ("less-than", "12000", {"filled": 0, "hollow": 1, "arrows": 1}),
    ("almost", "12000", {"filled": 0, "hollow": 1, "arrows": 0}),
    ("about", "12000", {"filled": 1, "hollow": 0, "arrows": 0}),
    ("between", "[10000, 14000]", {"filled": 0, "hollow": 0, "arrows": 0}),
]


@pytest.mark.parametrize(("hedge", "value", "expected"), GLYPH_CASES)
def test_hedges_are_visible(
    make_corpus: MakeCorpus, hedge: str, value: str, expected: dict[str, int]
) -> None:
    root = make_corpus(
        {
            "sources/x.yaml": source_yaml(
                "x",
                f"- {{id: i1, subject: cecot, property: inmates, value: {value}, "
                f"hedge: {hedge}, as_of: 2024, quote: q}}",
            ),
            "sources/y.yaml": source_yaml(
                "y",
                "- {id: i2, subject: cecot, property: inmates, value: 500, as_of: 2020, quote: q}",
            ),
        }
    )
    text, _ = report(root)
    svg = charts(page(text))["chart-cecot-inmates-people"]
    # Only the marks of source x, at 2024: the y claim is one filled point of its own.
    circles = [c for c in svg.iter(f"{SVG}circle") if "conflict-ring" not in (c.get("class") or "")]
    filled = sum(1 for c in circles if c.get("fill") not in ("#ffffff", "none")) - 1
    hollow = sum(1 for c in circles if c.get("fill") == "#ffffff")
    arrows = len(list(svg.iter(f"{SVG}polygon")))
    assert {"filled": filled, "hollow": hollow, "arrows": arrows} == expected


def test_capacity_is_a_bound_line(make_corpus: MakeCorpus) -> None:
    root = make_corpus(
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
                - {id: i2, subject: cecot, property: inmates, value: 300, as_of: 2025, quote: q}
                - {id: c2, subject: cecot, property: capacity, value: 400, quote: q}
                """,
            ),
        }
    )
    text, _ = report(root)
    svg = charts(page(text))["chart-cecot-inmates-people"]
    bounds = [e for e in svg.iter(f"{SVG}line") if e.get("class") == "bound"]
    assert len(bounds) == 1  # one line per distinct value, naming both sources
    labels = " ".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    assert "capacity 400" in labels
    assert "2 sources" in labels


@pytest.mark.parametrize(
    ("inmates", "conflict"), [(300, False), (400, False), (500, True)], ids=["below", "at", "above"]
)
def test_bound_rule_draws_its_bound_and_flags_a_breach(
    make_corpus: MakeCorpus, inmates: int, conflict: bool
) -> None:
    root = make_corpus(
        {
            "rules.yaml": BOUND_RULE,
            "sources/x.yaml": source_yaml(
                "x",
                f"""
                - {{id: i, subject: cecot, property: inmates, value: {inmates}, as_of: 2024,
                    quote: q}}
                - {{id: c, subject: cecot, property: capacity, value: 400, quote: q}}
                """,
            ),
        }
    )
    text, result = report(root)
    assert bool(result.conflicts) == conflict
    svg = charts(page(text))["chart-cecot-inmates-people"]  # one dated claim is enough
    (line,) = [e for e in svg.iter(f"{SVG}line") if e.get("class") == "bound"]
    assert (line.get("stroke") == "#D7191C") == conflict
    assert len(rings(svg)) == (1 if conflict else 0)


def test_axes_have_thousands_separators_and_dates(conflicting: Path) -> None:
    text, _ = report(conflicting)
    svg = charts(page(text))["chart-cecot-inmates-people"]
    ticks = [t.text or "" for t in svg.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert any(re.fullmatch(r"\d{1,3}(,\d{3})+", t) for t in ticks)
    assert any(re.search(r"20\d\d", t) for t in ticks)


def test_conflicting_claims_are_ringed_in_their_chart(conflicting: Path) -> None:
    text, result = report(conflicting)
    refs = {r for c in result.conflicts for r in c.refs}
    assert len(rings(page(text))) == len(refs)


def test_undated_claims_are_named_under_the_chart(make_corpus: MakeCorpus) -> None:
    root = make_corpus(
        {
            "sources/x.yaml": source_yaml(
                "x",
                """
                - {id: a, subject: cecot, property: inmates, value: 100, as_of: 2023, quote: q}
                - {id: b, subject: cecot, property: inmates, value: 200, as_of: 2024, quote: q}
                """,
            ),
            # A reference source has no publication date: its claim has no time.
            "reference/r.yaml": (
                "source:\n  id: r\n  kind: reference\n  title: R\n  basis: a table\n"
                "claims:\n"
                "  - {id: c, subject: cecot, property: inmates, value: 300, basis: a count}\n"
            ),
        }
    )
    corpus = factcheck.load(root)
    assert not corpus.errors
    svg = charts(page(report(root)[0]))["chart-cecot-inmates-people"]
    (note,) = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "note"]
    assert note == "Not shown (no date): Reference: r (300 people)"


@pytest.mark.parametrize(
    ("hedge", "value", "expected"),
    [("exact", "7", 7.0), ("about", "7", 7.0), ("more-than", "7", 7.0), ("between", "[2, 6]", 4.0)],
)
def test_figure_is_what_the_source_stated(
    make_corpus: MakeCorpus, hedge: str, value: str, expected: float
) -> None:
    claim = (
        f"- {{id: i, subject: cecot, property: inmates, value: {value}, hedge: {hedge}, quote: q}}"
    )
    corpus = factcheck.load(make_corpus({"sources/x.yaml": source_yaml("x", claim)}))
    (fact,) = corpus.facts
    assert figure(fact) == expected


labels = st.lists(
    st.tuples(
        st.floats(min_value=LEFT, max_value=W - 190),
        st.floats(min_value=TOP, max_value=256),
        st.text(alphabet="abc :0123456789", min_size=1, max_size=40),
    ),
    max_size=6,
)


@given(labels)
def test_value_labels_never_overlap(drawn: list[tuple[float, float, str]]) -> None:
    svg = Svg(W, 300, "t", "chart")
    placed: list[tuple[float, float, float]] = []
    place_labels(svg, [(x, y, t, "#000") for x, y, t in drawn], W - 190, TOP, 256, placed)
    assert len(placed) == len(drawn) == len(svg.parts)
    for i, (a0, a1, ay) in enumerate(placed):
        assert TOP + 10 <= ay <= 256 - 4
        assert a0 >= 2 and a1 <= W  # on the chart, whichever side of its mark
        for b0, b1, by in placed[:i]:
            assert abs(ay - by) >= 14 or a1 <= b0 or b1 <= a0
    assert all(
        abs((a1 - a0) - text_width(t)) < 1e-9
        for (a0, a1, _), (_, _, t) in zip(
            placed, sorted(drawn, key=lambda d: (d[1], d[0])), strict=True
        )
    )


# --- property: any hedged series renders as finite, well-formed SVG -------------------

HEDGES = ["exact", "about", "more-than", "at-least", "less-than", "at-most", "almost"]
claims = st.lists(
    st.tuples(
        st.sampled_from(HEDGES),
        # Figures up to the largest floats: their spans overflow (the chart crashed on them).
        st.one_of(
            st.integers(min_value=0, max_value=10**9),
            st.floats(min_value=1e300, max_value=1.7e308).map(repr),
        ),
        st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)).map(date.isoformat),
        st.text(
            alphabet=st.characters(
                min_codepoint=0x20, max_codepoint=0xD7FF, blacklist_categories=("Cc", "Zl", "Zp")
            ),
            min_size=1,
            max_size=30,
        ).filter(lambda s: s.strip()),
    ),
    min_size=2,
    max_size=6,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(claims)
def test_any_series_draws_finite_marks_and_keeps_quotes(
    make_corpus: MakeCorpus, data: list[tuple[str, int, str, str]]
) -> None:
    items = "\n".join(
        f"- {{id: c{i}, subject: cecot, property: inmates, value: {v}, hedge: {h}, "
        f"as_of: {d}, quote: {json.dumps(q, ensure_ascii=False)}}}"
        for i, (h, v, d, q) in enumerate(data)
    )
    root = make_corpus({"sources/x.yaml": source_yaml("x", items)})
    corpus = factcheck.load(root)
    assert not corpus.errors
    text, _ = report(root)
    html = page(text)
    assert external_references(text) == []
    for svg in html.iter(f"{SVG}svg"):
        width, height = float(svg.get("width", 0)), float(svg.get("height", 0))
        for n in numbers(svg):
            assert math.isfinite(n)
            assert -width <= n <= 2 * max(width, height)
    quotes = {td.text for td in by_class(html, "td", "q")}
    charted = len({d for _, _, d, _ in data}) >= 2 and len({f.value for f in corpus.facts}) >= 2
    assert bool(charts(html)) == charted
    if charted:
        assert {q for *_, q in data} <= quotes
