"""The HTML report's page: its sections, escaping, no external resources, and a real
browser rendering the seed corpus's report."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main
from factcheck.domain.conflict import AuditResult, Citation, Conflict, Severity
from factcheck.report import REPORTERS
from factcheck.report.html import render_html
from factcheck.report.html.page import badge, ordered, verdict

from .conftest import MakeCorpus, source_yaml
from .html_pages import (
    NASTY,
    RULES,
    by_class,
    charts,
    external_references,
    page,
    report,
    rings,
)

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"


def test_one_section_per_conflict_with_both_sides(conflicting: Path) -> None:
    text, result = report(conflicting)
    assert not result.errors
    assert len(result.conflicts) >= 2
    sections = by_class(page(text), "section", "conflict")
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
    text, result = report(root)
    assert sorted(c.severity for c in result.conflicts) == ["error", "info"]
    sections = by_class(page(text), "section", "conflict")
    assert [s.get("class") for s in sections] == ["conflict error", "conflict info"]
    assert [s.get("id") for s in sections] == ["conflict-1", "conflict-2"]
    # Claims are ringed by the severity of their conflict: an info finding is only marked.
    marks = [(e.get("class") or "").split()[1] for e in rings(page(text))]
    assert sorted(marks) == ["error", "error", "info", "info"]


def _conflict(severity: Severity, waived: bool) -> Conflict:
    side = Citation(file="sources/a.yaml", line=1, source="a", claim="x", title="A", quote="q")
    return Conflict(f"{severity}-{waived}", "agree", severity, "m", (side,), waived=waived)


def test_order_is_by_severity_then_waived_last() -> None:
    conflicts = [
        _conflict("info", False),
        _conflict("error", True),
        _conflict("warning", False),
        _conflict("error", False),
    ]
    result = AuditResult(conflicts=tuple(conflicts))
    assert [badge(c) for c in ordered(result)] == ["error", "warning", "info", "waived"]


@pytest.mark.parametrize(
    ("counts", "has_claims", "expected"),
    [
        ({}, False, ("The corpus holds no claims: nothing was checked.", True)),
        ({}, True, ("No open conflicts: the sources agree.", False)),
        ({"error": 2}, True, ("2 contradictions between sources.", True)),
        (
            {"error": 1, "warning": 1, "info": 3},
            True,
            ("1 contradiction between sources, and 1 warning and 3 info findings to review.", True),
        ),
        ({"warning": 2}, True, ("No contradictions; 2 warnings to review.", False)),
        ({"load_errors": 1, "error": 4}, True, ("The fact files have 1 error", True)),
    ],
)
def test_verdict_sentence(
    counts: dict[str, int], has_claims: bool, expected: tuple[str, bool]
) -> None:
    summary = {"error": 0, "warning": 0, "info": 0, "waived": 0, "load_errors": 0} | counts
    text, bad = verdict(summary, has_claims)
    assert text.startswith(expected[0])
    assert bad == expected[1]


def test_text_is_escaped_and_survives_verbatim(conflicting: Path) -> None:
    text, _ = report(conflicting)
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    root = page(text)
    quotes = [q.text for q in root.iter("blockquote")] + [
        td.text for td in by_class(root, "td", "q")
    ]
    assert NASTY in quotes


def test_no_external_resources(conflicting: Path) -> None:
    text, _ = report(conflicting)
    assert external_references(text) == []
    assert "default-src 'none'" in text  # the browser is told not to fetch anything either


def test_waived_conflict_shows_its_reason_and_stays_marked(conflicting: Path) -> None:
    (conflicting / "waivers.yaml").write_text(
        "waivers:\n"
        "  - rule: inmates-agree\n"
        "    claims: [a/inmates, b/inmates]\n"
        "    reason: Counts <differ> by design\n"
        "    reviewer: R\n"
        "    date: 2026-01-01\n",
        encoding="utf-8",
    )
    text, result = report(conflicting)
    assert not result.errors
    assert [c.waived for c in result.conflicts].count(True) == 1
    root = page(text)
    sections = by_class(root, "section", "conflict")
    assert sections[-1].get("class") == "conflict waived"  # waived conflicts come last
    assert "Counts <differ> by design" in "".join(sections[-1].itertext())
    svg = charts(root)["chart-cecot-inmates-people"]
    assert [e.get("class") for e in rings(svg)] == ["conflict-ring waived"] * 2


def test_chart_tables_link_to_the_conflicts(conflicting: Path) -> None:
    root = page(report(conflicting)[0])
    targets = {s.get("id") for s in by_class(root, "section", "conflict")}
    links = [
        a.get("href", "")[1:] for s in by_class(root, "section", "series") for a in s.iter("a")
    ]
    assert len(links) == 4  # the four claims in conflict, each linked from its chart's table
    assert set(links) <= targets


def test_conflict_sides_link_to_their_charts(conflicting: Path) -> None:
    root = page(report(conflicting)[0])
    anchors = {s.get("id") for s in by_class(root, "section", "series")}
    links = [
        a.get("href", "")[1:] for s in by_class(root, "section", "conflict") for a in s.iter("a")
    ]
    assert links and set(links) <= anchors


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
    page(out)


AGREEING = "- {id: i, subject: cecot, property: inmates, value: 5, as_of: 2024, quote: q}"


@pytest.mark.parametrize(
    ("files", "expected"),
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
def test_summary_verdict(make_corpus: MakeCorpus, files: dict[str, str], expected: str) -> None:
    text, _ = report(make_corpus(files))
    (p,) = by_class(page(text), "p", "verdict")
    assert expected in "".join(p.itertext())


def test_load_errors_are_listed(make_corpus: MakeCorpus) -> None:
    root = make_corpus(
        {
            "sources/x.yaml": source_yaml(
                "x", "- {id: i1, subject: nowhere, property: inmates, value: 1, quote: q}"
            )
        }
    )
    text, result = report(root)
    assert result.errors
    section = next(s for s in page(text).iter("section") if s.get("id") == "load-errors")
    assert "nowhere" in "".join(section.itertext())


def test_sources_table_counts_claims(conflicting: Path) -> None:
    root = page(report(conflicting)[0])
    (table,) = by_class(root, "table", "sources")
    rows = {
        "".join(tr[0].itertext()): "".join(tr[-1].itertext())
        for tr in table.iter("tr")
        if tr[0].tag == "td"
    }
    assert rows == {"a": "3", "b": "2", "c": "1"}


# --- the seed corpus ----------------------------------------------------------------


def test_seed_corpus_structure() -> None:
    corpus = factcheck.load(ROOT / "facts")
    result = factcheck.audit(corpus)
    text = render_html(result, corpus)
    root = page(text)
    assert len(by_class(root, "section", "conflict")) == len(result.conflicts)
    assert "chart-cecot-inmates-people" in charts(root)  # inmate counts move over time
    assert external_references(text) == []


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
    html = tmp_path / "report.html"
    html.write_text(probe, encoding="utf-8")
    dom = _browser(exe, tmp_path / "profile", "--dump-dom", html.as_uri()).stdout
    assert 'data-measured="yes"' in dom, "the measuring script did not run"
    drawn = re.findall(r'<svg class="chart[^"]*"[^>]*>', dom)
    assert len(drawn) == len(charts(page(text))) > 0
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
        html.as_uri(),
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
