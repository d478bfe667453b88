"""``factcheck audit``: a corpus -> its report and exit code (0 clean, 1 a failing
finding, 2 bad input), in every format; the stored report is the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

from .cli_corpora import Row, build, run_row


@pytest.fixture
def corpora(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return build(tmp_path, monkeypatch)


CASES: list[Row] = [
    ("clean", ["audit", "clean/facts"], 0, ["0 conflicts"], ["error["]),
    (
        "conflict",
        ["audit", "facts"],
        1,
        [
            "facts/sources/a.yaml:7: error[capacity-agrees]",
            'facts/sources/b.yaml:7: "Source B": "holds 20,000"',
            "warning[opened-agrees]",
        ],
        [],
    ),
    ("default-path", ["audit"], 1, ["error[capacity-agrees]"], []),
    (
        "severity-error",
        ["audit", "facts", "--severity", "error"],
        1,
        ["error[capacity-agrees]"],
        ["warning[opened-agrees]"],
    ),
    ("warning-only-passes", ["audit", "warn/facts"], 0, ["warning[opened-agrees]"], ["error["]),
    ("fail-on-warning", ["audit", "warn/facts", "--fail-on", "warning"], 1, ["warning["], []),
    ("fail-on-info", ["audit", "clean/facts", "--fail-on", "info"], 0, ["0 conflicts"], []),
    (
        "broken",
        ["audit", "broken/facts"],
        2,
        ["broken/facts/sources/e.yaml:10: error[load] claims[0].valeu: unknown field"],
        [],
    ),
    ("json", ["audit", "facts", "--format", "json"], 1, ['"rule": "capacity-agrees"'], []),
    ("sarif", ["audit", "facts", "--format", "sarif"], 1, ['"version": "2.1.0"'], []),
    ("markdown", ["audit", "facts", "--format", "markdown"], 1, ["### `capacity-agrees`"], []),
    ("quiet-clean", ["audit", "clean/facts", "-q"], 0, [], ["conflicts"]),
    ("quiet-conflict", ["audit", "facts", "-q"], 1, ["error[capacity-agrees]"], []),
    ("missing-corpus", ["audit", "nowhere"], 2, ["nowhere: no such corpus directory"], []),
    ("bad-format", ["audit", "facts", "--format", "xml"], 2, ["invalid choice"], []),
    ("bad-severity", ["audit", "--severity", "fatal"], 2, ["invalid choice"], []),
    ("missing-sources", ["audit", "--sources", "nowhere"], 2, ["no such directory"], []),
    ("missing-baseline", ["audit", "--baseline", "none.yaml"], 2, ["no such file"], []),
    ("quiet-and-verbose", ["audit", "-q", "-v"], 2, ["not allowed with"], []),
]


@pytest.mark.parametrize(
    ("argv", "code", "present", "absent"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_audit_table(
    corpora: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    present: list[str],
    absent: list[str],
) -> None:
    run_row(capsys, argv, code, present, absent)


def test_severity_filter_keeps_exit_code(corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Hiding warnings changes what is shown, never whether the audit fails.
    assert main(["audit", "warn/facts", "--severity", "error", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["conflicts"] == []
    assert data["summary"]["warning"] == 0


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_the_stored_report_is_the_report(
    corpora: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    # A second run is served from the store; it prints and exits exactly as the first,
    # and as a run without the store.
    runs = []
    for extra in ([], [], ["--no-cache"]):
        code = main(["audit", "facts", "--format", fmt, *extra])
        runs.append((code, capsys.readouterr().out))
    assert runs[0] == runs[1] == runs[2]
    assert runs[0][0] == 1
    assert (corpora / "facts" / ".factcheck-cache").is_dir()


def test_a_change_to_the_corpus_is_not_served_from_the_store(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "facts"]) == 1
    b = corpora / "facts" / "sources" / "b.yaml"
    b.write_text(b.read_text("utf-8").replace("20000", "40000"), encoding="utf-8")
    capsys.readouterr()
    assert main(["audit", "facts"]) == 0  # the warning on the opening date remains
    assert "error[capacity-agrees]" not in capsys.readouterr().out


def test_output_file_gets_the_report_and_stdout_nothing(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "facts", "--format", "json", "-o", "report.json"]) == 1
    assert capsys.readouterr().out == ""
    report = json.loads((corpora / "report.json").read_text("utf-8"))
    assert {c["rule"] for c in report["conflicts"]} == {"capacity-agrees", "opened-agrees"}


def test_a_baseline_hides_known_findings_and_verbose_shows_them_marked(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["baseline", "facts"]) == 0
    capsys.readouterr()
    assert main(["audit", "facts"]) == 0  # everything is known
    out, err = capsys.readouterr()
    assert "error[capacity-agrees]" not in out
    assert "2 known findings not shown" in err
    assert main(["audit", "facts", "-v", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)["conflicts"]
    assert len(shown) == 2 and all(c["waived"] for c in shown)
    assert main(["audit", "facts", "--no-baseline"]) == 1
