"""``factcheck baseline``, ``schema``, ``extract`` and ``coverage``: argv -> exit code,
output and the files they write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from factcheck.cli import main

from .cli_corpora import Row, build, run_row


@pytest.fixture
def corpora(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return build(tmp_path, monkeypatch)


CASES: list[Row] = [
    ("schema", ["schema"], 0, ['"$defs"'], []),
    ("schema-of-a-corpus", ["schema", "--corpus", "facts"], 0, ['"cecot"', '"capacity"'], []),
    ("schema-of-a-broken-corpus", ["schema", "--corpus", "broken/facts"], 2, ["no schema"], []),
    ("schema-of-nothing", ["schema", "--corpus", "nowhere"], 2, ["no such corpus"], []),
    ("baseline", ["baseline", "facts"], 0, ["wrote 2 findings"], []),
    ("baseline-clean", ["baseline", "clean/facts"], 0, ["wrote 0 findings"], []),
    ("baseline-broken", ["baseline", "broken/facts"], 2, ["was not written"], []),
    ("baseline-of-nothing", ["baseline", "nowhere"], 2, ["no such corpus"], []),
    (
        "baseline-unwritable",
        ["baseline", "facts", "--baseline", "no/such/dir/b.yaml"],
        2,
        ["cannot be written"],
        [],
    ),
    ("coverage", ["coverage", "facts"], 0, ["capacity\t2\tcapacity-agrees"], []),
    ("coverage-broken", ["coverage", "broken/facts"], 2, ["valeu"], []),
    ("extract-needs-arguments", ["extract"], 2, ["snapshot"], []),
]


@pytest.mark.parametrize(
    ("argv", "code", "present", "absent"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_other_commands_table(
    corpora: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    present: list[str],
    absent: list[str],
) -> None:
    run_row(capsys, argv, code, present, absent)


def test_baseline_writes_what_the_audit_finds(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["baseline", "facts", "--baseline", "known.yaml"]) == 0
    written = yaml.safe_load((corpora / "known.yaml").read_text("utf-8"))
    assert not (corpora / "facts" / ".factcheck-baseline.yaml").exists()
    assert main(["audit", "facts", "--format", "json", "--no-baseline"]) == 1
    found = json.loads(capsys.readouterr().out)["conflicts"]
    text = yaml.safe_dump(written)
    assert len(found) == 2 and all(c["rule"] in text for c in found)


def test_schema_of_a_corpus_offers_its_ids(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema"]) == 0
    plain = capsys.readouterr().out
    assert main(["schema", "--corpus", "facts"]) == 0
    named = capsys.readouterr().out
    json.loads(plain), json.loads(named)
    assert "rikers" in named and "rikers" not in plain


def test_coverage_lists_properties_and_their_rules(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["coverage", "facts"]) == 0
    out, err = capsys.readouterr()
    rows = dict(line.split("\t")[::2] for line in out.splitlines())
    assert rows["capacity"] == "capacity-agrees"
    assert rows["opened"] == "opened-agrees"
    assert rows["inmates"] == "NO RULE"
    assert "1 properties used by claims are checked by no rule" in err
    assert main(["audit", "facts", "--coverage", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    uncovered = {r for r, v in rows.items() if v == "NO RULE"}
    assert {
        c["message"].split("'")[1] for c in report["conflicts"] if c["rule"] == "coverage"
    } == uncovered
