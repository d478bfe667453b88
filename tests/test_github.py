"""The ``github`` reporter: workflow commands, escaped, on every cited claim line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.domain.conflict import AuditResult, Citation, Conflict
from factcheck.domain.corpus import Corpus
from factcheck.domain.errors import LoadError
from factcheck.report.github import escape_data, escape_property, github

from .conftest import CAPACITY_RULE, ENTITIES, OPENED_RULE, PROPERTIES, source_yaml

DOCS = Path(__file__).parent.parent / "docs"

#: A workflow command as GitHub parses it.
COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:]*)(?:,[a-z]+=[^,:]*)*)::(.*)$")


def _unescape(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), {k: _unescape(v) for k, v in props.items()}, _unescape(m.group(3))


def _cite(file: str, line: int, source: str, quote: str = "q") -> Citation:
    return Citation(file, line, source, "c", f"Title {source}", quote)


# severity, waived, expected command (None: not annotated)
SEVERITY_CASES = [
    ("error", False, "error"),
    ("warning", False, "warning"),
    ("info", False, "notice"),
    ("error", True, None),
]


@pytest.mark.parametrize(("severity", "waived", "command"), SEVERITY_CASES)
def test_one_annotation_per_cited_claim(severity: str, waived: bool, command: str | None) -> None:
    conflict = Conflict(
        "capacity-agrees",
        "agree",
        severity,  # type: ignore[arg-type]
        "capacity: a says 1; b says 2",
        (_cite("facts/a.yaml", 7, "a", "one"), _cite("facts/b.yaml", 9, "b", "two")),
        waived,
    )
    out = github(AuditResult(conflicts=(conflict,)), Corpus(Path("facts"))).splitlines()
    assert out[-1].startswith("1 conflicts")
    commands = [_parse(line) for line in out[:-1]]
    if command is None:
        assert commands == []
        return
    assert [(c, p["file"], p["line"]) for c, p, _ in commands] == [
        (command, "facts/a.yaml", "7"),
        (command, "facts/b.yaml", "9"),
    ]
    for _, props, message in commands:
        assert props["title"] == "factcheck capacity-agrees"
        assert message.startswith("capacity: a says 1; b says 2\n")
    assert 'This claim: "Title a": "one"' in commands[0][2]
    assert 'Against: "Title b": "two"' in commands[0][2]


def test_load_errors_are_annotated_at_their_line() -> None:
    errors = (LoadError("facts/x.yaml", 4, "claims[0].valeu", "unknown field"),)
    (line, _summary) = github(AuditResult(errors=errors), Corpus(Path("facts"))).splitlines()
    assert _parse(line) == (
        "error",
        {"file": "facts/x.yaml", "line": "4", "title": "factcheck load"},
        "claims[0].valeu: unknown field",
    )


_hostile = st.text(alphabet=st.sampled_from("a:,%\r\n=::%0A b"), max_size=20)


@given(file=_hostile.filter(bool), message=_hostile, rule=_hostile)
def test_any_text_survives_escaping(file: str, message: str, rule: str) -> None:
    conflict = Conflict(rule, "agree", "error", message, (_cite(file, 3, "s"),))
    lines = github(AuditResult(conflicts=(conflict,)), Corpus(Path("."))).splitlines()
    _command, props, text = _parse(lines[0])
    assert props["file"] == file
    assert props["title"] == f"factcheck {rule}"
    assert text.startswith(message + "\n")
    assert len(lines) == 2  # nothing escaped onto a line of its own


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("50%", "50%25", "50%25"),
        ("x\r\ny", "x%0D%0Ay", "x%0D%0Ay"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_escapes(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_cli_format_github(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "facts"
    files = {
        "entities.yaml": ENTITIES,
        "properties.yaml": PROPERTIES,
        "rules.yaml": CAPACITY_RULE + OPENED_RULE,
        "sources/a.yaml": source_yaml(
            "a", '- {id: cap, subject: cecot, property: capacity, value: 40000, quote: "x"}'
        ),
        "sources/b.yaml": source_yaml(
            "b", '- {id: cap, subject: cecot, property: capacity, value: 20000, quote: "y"}'
        ),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["audit", "facts", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [(_parse(x)[1]["file"], _parse(x)[1]["line"]) for x in out[:-1]] == [
        ("facts/sources/a.yaml", "7"),
        ("facts/sources/b.yaml", "7"),
    ]


def test_the_documented_workflow_runs_factcheck_with_the_github_format() -> None:
    workflow = yaml.safe_load((DOCS / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["factcheck"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert any("factcheck audit" in r and "--format github" in r for r in runs)
    assert any("--new-since" in r for r in runs)
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # --new-since needs the base revision
