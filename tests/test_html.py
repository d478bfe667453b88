"""The HTML report: page structure, escaping, charts, and a real browser rendering it."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.cli import main
from factcheck.report import REPORTERS
from factcheck.report.html import render_html

from .conftest import MakeCorpus, source_yaml

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
SVG = "{http://www.w3.org/2000/svg}"

RULES = """\
rules:
  - id: inmates-agree
    kind: agree
    select: {property: inmates}
    description: Sources agree on how many people a prison holds.
  - id: opened-agrees
    kind: agree
    select: {property: opened}
    description: Sources agree on when a prison opened.
"""

BOUND_RULE = """\
rules:
  - id: within-capacity
    kind: bound
    select: {property: inmates}
    params: {max: capacity}
    description: A prison holds no more inmates than it is designed for.
"""

NASTY = """<script>alert("x")</script> & 'quoted' </blockquote>"""


def _page(text: str) -> ET.Element:
    """The report parsed as XML: the markup is polyglot, so a stray tag fails here."""
    assert text.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(text.split("\n", 1)[1])


def _by_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in root.iter(tag) if cls in (e.get("class") or "").split()]


def _report(root: Path) -> tuple[str, factcheck.AuditResult]:
    corpus = factcheck.load(root)
    result = factcheck.audit(corpus)
    return render_html(result, corpus), result


def _external_references(text: str) -> list[str]:
    """Anything that would make the browser fetch: src/href to a URL, url(), @import."""
    found = re.findall(r"""\b(?:src|href)\s*=\s*["'](?!#)[^"']*""", text)
    found += re.findall(r"url\s*\(|@import|<link\b|<script\b|<iframe\b|<img\b|<object\b", text)
    return found


@pytest.fixture
def conflicting(make_corpus: MakeCorpus) -> Path:
    """Three sources on CECOT's inmates and opening, two pairs of which contradict."""
    return make_corpus(
        {
            "rules.yaml": RULES,
            "sources/a.yaml": source_yaml(
                "a",
                f"""
                - {{id: inmates, subject: cecot, property: inmates, value: 12000,
                    as_of: 2024-08, quote: '{NASTY.replace("'", "''")}'}}
                - {{id: opened, subject: cecot, property: opened, value: 2023-01,
                    quote: opened in January 2023}}
                - {{id: capacity, subject: cecot, property: capacity, value: 40000,
                    quote: 'space for 40,000'}}
                """,
            ),
            "sources/b.yaml": source_yaml(
                "b",
                """
                - {id: inmates, subject: cecot, property: inmates, value: 20000,
                   hedge: more-than, as_of: 2024-08, quote: more than 20 thousand}
                - {id: opened, subject: cecot, property: opened, value: 2023-02,
                   quote: inaugurated in February 2023}
                """,
                published="2025-03-16",
            ),
            "sources/c.yaml": source_yaml(
                "c",
                """
                - {id: inmates, subject: cecot, property: inmates, value: 15000,
                   hedge: almost, as_of: 2025-01, quote: almost 15 thousand}
                """,
            ),
        }
    )


def test_one_section_per_conflict_with_both_sides(conflicting: Path) -> None:
    text, result = _report(conflicting)
    assert not result.errors
    assert len(result.conflicts) >= 2
    page = _page(text)
    sections = _by_class(page, "section", "conflict")
    assert len(sections) == len(result.conflicts)
    shown = []
    for section in sections:
        message = next(p for p in section.iter("p") if p.get("class") == "message")
        where = "".join(section.itertext())
        shown.append((message.text, tuple(q.text for q in section.iter("blockquote"))))
        conflict = next(c for c in result.conflicts if c.message == message.text)
        for c in conflict.citations:
            assert f"{c.file}:{c.line}" in where
            assert c.title in where
    expected = [(c.message, tuple(x.quote for x in c.citations)) for c in result.conflicts]
    assert sorted(shown) == sorted(expected)


def test_conflicts_are_listed_most_severe_first(make_corpus: MakeCorpus) -> None:
    rules = RULES.replace(
        "description: Sources agree on when", "severity: info\n    description: x"
    )
    root = make_corpus(
        {
            "rules.yaml": rules,
            "sources/a.yaml": source_yaml(
                "a",
                """
                - {id: o, subject: cecot, property: opened, value: 2023-01, quote: q}
                - {id: i, subject: cecot, property: inmates, value: 5, as_of: 2024, quote: q}
                """,
            ),
            "sources/b.yaml": source_yaml(
                "b",
                """
                - {id: o, subject: cecot, property: opened, value: 2022-01, quote: q}
                - {id: i, subject: cecot, property: inmates, value: 9, as_of: 2024, quote: q}
                """,
            ),
        }
    )
    text, result = _report(root)
    assert sorted(c.severity for c in result.conflicts) == ["error", "info"]
    sections = _by_class(_page(text), "section", "conflict")
    assert [s.get("class") for s in sections] == ["conflict error", "conflict info"]
    assert [s.get("id") for s in sections] == ["conflict-1", "conflict-2"]
    # Claims are ringed by the severity of their conflict: an info finding is only marked.
    rings = [
        (e.get("class") or "").split()[1]
        for e in _page(text).iter(f"{SVG}circle")
        if "conflict-ring" in (e.get("class") or "")
    ]
    assert sorted(rings) == ["error", "error", "info", "info"]


def test_text_is_escaped_and_survives_verbatim(conflicting: Path) -> None:
    text, _ = _report(conflicting)
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    page = _page(text)
    quotes = [q.text for q in page.iter("blockquote")] + [
        td.text for td in _by_class(page, "td", "q")
    ]
    assert NASTY in quotes


def test_no_external_resources(conflicting: Path) -> None:
    text, _ = _report(conflicting)
    assert _external_references(text) == []
    assert "default-src 'none'" in text  # the browser is told not to fetch anything either


def test_waived_conflict_shows_its_reason_and_stays_marked(
    conflicting: Path,
) -> None:
    (conflicting / "waivers.yaml").write_text(
        "waivers:\n"
        "  - rule: inmates-agree\n"
        "    claims: [a/inmates, b/inmates]\n"
        "    reason: Counts <differ> by design\n"
        "    reviewer: R\n"
        "    date: 2026-01-01\n",
        encoding="utf-8",
    )
    text, result = _report(conflicting)
    assert not result.errors
    assert [c.waived for c in result.conflicts].count(True) == 1
    page = _page(text)
    sections = _by_class(page, "section", "conflict")
    assert sections[-1].get("class") == "conflict waived"  # waived conflicts come last
    assert "Counts <differ> by design" in "".join(sections[-1].itertext())
    svg = _charts(page)["chart-cecot-inmates-people"]
    rings = [
        e.get("class")
        for e in svg.iter(f"{SVG}circle")
        if e.get("class", "").startswith("conflict-ring")
    ]
    assert rings == ["conflict-ring waived", "conflict-ring waived"]


def test_chart_tables_link_to_the_conflicts(conflicting: Path) -> None:
    page = _page(_report(conflicting)[0])
    targets = {s.get("id") for s in _by_class(page, "section", "conflict")}
    links = [
        a.get("href", "")[1:] for s in _by_class(page, "section", "series") for a in s.iter("a")
    ]
    assert len(links) == 4  # the four claims in conflict, each linked from its chart's table
    assert set(links) <= targets


def test_conflicting_claims_are_ringed_in_their_chart(conflicting: Path) -> None:
    text, result = _report(conflicting)
    page = _page(text)
    refs = {r for c in result.conflicts for r in c.refs}
    rings = [e for e in page.iter(f"{SVG}circle") if "conflict-ring" in (e.get("class") or "")]
    assert len(rings) == len(refs)
    # Every conflict side links to the chart that draws it.
    anchors = {s.get("id") for s in _by_class(page, "section", "series")}
    links = [
        a.get("href", "")[1:] for s in _by_class(page, "section", "conflict") for a in s.iter("a")
    ]
    assert links and set(links) <= anchors


def _charts(page: ET.Element) -> dict[str, ET.Element]:
    out = {}
    for section in _by_class(page, "section", "series"):
        svgs = list(section.iter(f"{SVG}svg"))
        assert len(svgs) == 1
        out[section.get("id", "")] = svgs[0]
    return out


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
    text, _ = _report(root)
    assert set(_charts(_page(text))) == expected


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
    text, _ = _report(root)
    svg = _charts(_page(text))["chart-cecot-inmates-people"]
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
    text, _ = _report(root)
    svg = _charts(_page(text))["chart-cecot-inmates-people"]
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
    text, result = _report(root)
    assert bool(result.conflicts) == conflict
    svg = _charts(_page(text))["chart-cecot-inmates-people"]  # one dated claim is enough
    (line,) = [e for e in svg.iter(f"{SVG}line") if e.get("class") == "bound"]
    assert (line.get("stroke") == "#D7191C") == conflict
    rings = [e for e in svg.iter(f"{SVG}circle") if "conflict-ring" in (e.get("class") or "")]
    assert len(rings) == (1 if conflict else 0)


def test_axes_have_thousands_separators_and_dates(conflicting: Path) -> None:
    text, _ = _report(conflicting)
    svg = _charts(_page(text))["chart-cecot-inmates-people"]
    ticks = [t.text or "" for t in svg.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert any(re.fullmatch(r"\d{1,3}(,\d{3})+", t) for t in ticks)
    assert any(re.search(r"20\d\d", t) for t in ticks)


def test_registered_and_reachable_from_the_cli(
    conflicting: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Registered under its name (imported when first used: the other formats never need it).
    corpus = factcheck.load(conflicting)
    result = factcheck.audit(corpus)
    assert REPORTERS["html"](result, corpus) == render_html(result, corpus)
    code = main(["audit", "--format", "html", str(conflicting)])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("<!DOCTYPE html>")
    _page(out)


AGREEING = "- {id: i, subject: cecot, property: inmates, value: 5, as_of: 2024, quote: q}"


@pytest.mark.parametrize(
    ("files", "verdict"),
    [
        ({}, "nothing was checked"),
        ({"sources/a.yaml": source_yaml("a", AGREEING)}, "the sources agree"),
        (
            {
                "rules.yaml": RULES,
                "sources/a.yaml": source_yaml("a", AGREEING),
                "sources/b.yaml": source_yaml("b", AGREEING.replace("5", "9")),
            },
            "1 contradiction between sources.",
        ),
        (
            {
                "rules.yaml": RULES.replace(
                    "description: Sources agree on how", "severity: info\n    description: x"
                ),
                "sources/a.yaml": source_yaml("a", AGREEING),
                "sources/b.yaml": source_yaml("b", AGREEING.replace("5", "9")),
            },
            "No contradictions; 1 info finding to review.",
        ),
        ({"sources/a.yaml": source_yaml("a", AGREEING.replace("cecot", "x"))}, "fix them first"),
    ],
    ids=["empty", "agreeing", "conflicting", "info-only", "load-error"],
)
def test_summary_verdict(make_corpus: MakeCorpus, files: dict[str, str], verdict: str) -> None:
    text, _ = _report(make_corpus(files))
    (p,) = _by_class(_page(text), "p", "verdict")
    assert verdict in "".join(p.itertext())


def test_load_errors_are_listed(make_corpus: MakeCorpus) -> None:
    root = make_corpus(
        {
            "sources/x.yaml": source_yaml(
                "x", "- {id: i1, subject: nowhere, property: inmates, value: 1, quote: q}"
            )
        }
    )
    text, result = _report(root)
    assert result.errors
    page = _page(text)
    section = next(s for s in page.iter("section") if s.get("id") == "load-errors")
    assert "nowhere" in "".join(section.itertext())


# --- property: any hedged series renders as finite, well-formed SVG -------------------

HEDGES = ["exact", "about", "more-than", "at-least", "less-than", "at-most", "almost"]
claims = st.lists(
    st.tuples(
        st.sampled_from(HEDGES),
        st.integers(min_value=0, max_value=10**9),
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


def _numbers(svg: ET.Element) -> Iterator[float]:
    for e in svg.iter():
        for key in ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height"):
            if key in e.attrib:
                yield float(e.attrib[key])
        for pair in e.get("points", "").split():
            yield from map(float, pair.split(","))


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
    text = render_html(factcheck.audit(corpus), corpus)
    page = _page(text)
    assert _external_references(text) == []
    for svg in page.iter(f"{SVG}svg"):
        width, height = float(svg.get("width", 0)), float(svg.get("height", 0))
        for n in _numbers(svg):
            assert math.isfinite(n)
            assert -width <= n <= 2 * max(width, height)
    quotes = {td.text for td in _by_class(page, "td", "q")}
    charted = len({d for _, _, d, _ in data}) >= 2 and len({f.value for f in corpus.facts}) >= 2
    assert bool(_charts(page)) == charted
    if charted:
        assert {q for *_, q in data} <= quotes


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
    items = "\n".join(
        f"- {{id: o{i}, subject: cecot, property: opened, value: '{d.isoformat()[: written[p]]}', "
        f"hedge: {h}, quote: q{i}}}"
        for i, (h, d, p) in enumerate(data)
    )
    root = make_corpus({"sources/x.yaml": source_yaml("x", items)})
    corpus = factcheck.load(root)
    assert not corpus.errors
    page = _page(render_html(factcheck.audit(corpus), corpus))
    charts = _charts(page)
    assert bool(charts) == (len({f.value for f in corpus.facts}) >= 2)
    for svg in charts.values():
        width = float(svg.get("width", 0))
        for n in _numbers(svg):
            assert math.isfinite(n)
            assert -width <= n <= 2 * width
        marks = [e for e in svg.iter() if "mark" in (e.get("class") or "").split()]
        assert len(marks) == len(data)


# --- the seed corpus ----------------------------------------------------------------


def test_seed_corpus_structure() -> None:
    corpus = factcheck.load(ROOT / "facts")
    result = factcheck.audit(corpus)
    text = render_html(result, corpus)
    page = _page(text)
    assert len(_by_class(page, "section", "conflict")) == len(result.conflicts)
    charts = _charts(page)
    assert "chart-cecot-inmates-people" in charts  # inmate counts move over time
    assert _external_references(text) == []


# --- a real browser -----------------------------------------------------------------

# Injected into the test's copy only: the report itself runs no script. It records, on
# each chart, the size of what was drawn and how many marks it holds.
_MEASURE = """<script>
for (const svg of document.querySelectorAll('svg.chart')) {
  const box = svg.getBBox();
  svg.setAttribute('data-drawn', `${Math.round(box.width)}x${Math.round(box.height)}`);
  svg.setAttribute('data-marks', svg.querySelectorAll('.mark').length);
}
document.body.setAttribute('data-height', document.documentElement.scrollHeight);
document.body.setAttribute('data-measured', 'yes');
</script>"""


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _browser(
    exe: str, profile: Path, *args: str, size: str = "1280,4000"
) -> subprocess.CompletedProcess[str]:
    cmd = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        f"--window-size={size}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def test_seed_report_renders_in_chromium(tmp_path: Path) -> None:
    exe = _chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium not installed (apt-get install chromium); CI fails without it")
    corpus = factcheck.load(ROOT / "facts")
    result = factcheck.audit(corpus)
    text = render_html(result, corpus)
    probe = text.replace("script-src 'none'", "script-src 'unsafe-inline'").replace(
        "</body>", _MEASURE + "</body>"
    )
    page = tmp_path / "report.html"
    page.write_text(probe, encoding="utf-8")
    dom = _browser(exe, tmp_path / "profile", "--dump-dom", page.as_uri()).stdout
    assert 'data-measured="yes"' in dom, "the measuring script did not run"
    drawn = re.findall(r'<svg class="chart[^"]*"[^>]*>', dom)
    assert len(drawn) == len(_charts(_page(text))) > 0
    for tag in drawn:
        size = re.search(r'data-drawn="(\d+)x(\d+)"', tag)
        marks = re.search(r'data-marks="(\d+)"', tag)
        assert size and marks, tag
        width, height = int(size[1]), int(size[2])
        assert width > 200 and height > 40, tag
        assert int(marks[1]) >= 1, tag
    # The screenshot is as tall as the page, so every chart is in it.
    tall = re.search(r'data-height="(\d+)"', dom)
    assert tall
    shot = tmp_path / "audit-report.png"
    done = _browser(
        exe,
        tmp_path / "profile2",
        f"--screenshot={shot}",
        page.as_uri(),
        size=f"1280,{min(int(tall[1]), 40000)}",
    )
    assert shot.exists(), done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Kept for people to look at; moved in whole so concurrent runs never see half a file.
    ARTIFACTS.mkdir(exist_ok=True)
    for name, data in (
        ("audit-report.html", text.encode()),
        ("audit-report.png", shot.read_bytes()),
    ):
        partial = ARTIFACTS / f".{name}.{os.getpid()}"
        partial.write_bytes(data)
        os.replace(partial, ARTIFACTS / name)
    for section in ("summary", "conflicts", "sources"):
        assert f'id="{section}"' in dom


def _hue(colour: str) -> float:
    import colorsys

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


@pytest.mark.parametrize("n", [0, 1, 4, 5, 9, 12, 40, 200])
def test_palette_is_distinct_for_any_number_of_sources(n: int) -> None:
    from factcheck.report.html import palette

    colours = palette(n)
    assert len(colours) == n
    assert len({c.lower() for c in colours}) == n
    badges = {"#d7191c", "#b97800", "#6e7781", "#8c8c8c", "#444444"}
    assert not badges & {c.lower() for c in colours}
    for c in colours:
        # none in the hue bands of the error red and the warning amber
        assert not (_hue(c) >= 330 or _hue(c) < 60), c
    assert palette(n)[: min(n, 4)] == palette(4)[: min(n, 4)]  # stable: a prefix


def test_nine_sources_get_nine_colours_none_the_info_badge() -> None:
    from factcheck.report.html import _CSS, palette

    colours = palette(9)
    assert len(set(colours)) == 9
    assert "#0072B2" in colours  # a source's blue ...
    assert ".badge.info{background:#6E7781}" in _CSS  # ... is no longer the INFO badge's
    assert "#0072B2" not in _CSS
