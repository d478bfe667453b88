"""What the commands share: the exit code from findings and options, writing the report
out (to a file, or failing with 2), the baseline in force, and the stored report read
back only when it is whole."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from factcheck.commands import common
from factcheck.domain.conflict import AuditResult, Conflict, Severity
from factcheck.domain.errors import LoadError

from .conftest import open_store


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default="facts")
    common.common_options(parser)
    return parser.parse_args(list(argv))


def _conflict(severity: Severity, *, waived: bool = False) -> Conflict:
    return Conflict(
        rule="r", kind="agree", severity=severity, message="m", citations=(), waived=waived
    )


def _result(*conflicts: Conflict, errors: int = 0) -> AuditResult:
    return AuditResult(
        conflicts=conflicts, errors=tuple(LoadError("f", 1, "x", "bad") for _ in range(errors))
    )


# findings (severity, waived), --fail-on, load errors -> exit code
EXIT_CODES: list[tuple[str, list[tuple[Severity, bool]], str, int, int]] = [
    ("nothing", [], "error", 0, 0),
    ("an error", [("error", False)], "error", 0, 1),
    ("a waived error", [("error", True)], "error", 0, 0),
    ("a warning", [("warning", False)], "error", 0, 0),
    ("a warning failing on warnings", [("warning", False)], "warning", 0, 1),
    ("an info failing on warnings", [("info", False)], "warning", 0, 0),
    ("an info failing on info", [("info", False)], "info", 0, 1),
    ("load errors outrank findings", [("error", False)], "error", 1, 2),
    ("load errors alone", [], "info", 2, 2),
]


@pytest.mark.parametrize(
    ("findings", "fail_on", "errors", "code"),
    [c[1:] for c in EXIT_CODES],
    ids=[c[0] for c in EXIT_CODES],
)
def test_exit_code(
    findings: list[tuple[Severity, bool]], fail_on: str, errors: int, code: int
) -> None:
    result = _result(*(_conflict(s, waived=w) for s, w in findings), errors=errors)
    assert common.exit_code(result, _args("--fail-on", fail_on)) == code


def test_fail_prints_each_error_and_returns_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert common.fail(["one", LoadError("f.yaml", 3, "x", "two")]) == 2
    assert common.fail("three") == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "factcheck: one" and "f.yaml" in lines[1] and lines[2].endswith("three")


@pytest.mark.parametrize(
    ("known", "files", "note"),
    [
        (0, [], ""),
        (1, ["b.yaml"], "1 known finding not shown (in b.yaml)"),
        (3, ["b.yaml", "origin/main"], "3 known findings not shown (in b.yaml and origin/main)"),
    ],
)
def test_known_note(known: int, files: list[str], note: str) -> None:
    class _Baseline:
        def __init__(self, file: str) -> None:
            self.file = file

    assert common.known_note(known, [_Baseline(f) for f in files]) == note  # type: ignore[misc]


def test_baseline_in_force(tmp_path: Path) -> None:
    assert common.baseline_path(tmp_path, _args()) is None  # none written
    (tmp_path / common.DEFAULT_NAME).write_text("findings: []\n", encoding="utf-8")
    assert common.baseline_path(tmp_path, _args()) == tmp_path / common.DEFAULT_NAME
    assert common.baseline_path(tmp_path, _args("--no-baseline")) is None
    assert common.baseline_path(tmp_path, _args("--baseline", "x.yaml")) == Path("x.yaml")


def test_sources_must_be_a_directory(tmp_path: Path) -> None:
    assert common.check_sources(_args()) is None
    assert common.check_sources(_args("--sources", str(tmp_path))) is None
    problem = common.check_sources(_args("--sources", str(tmp_path / "no")))
    assert problem is not None and "no such directory" in problem


def test_emit_writes_to_output_or_fails_with_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.txt"
    assert common.emit("body", 1, "a note", _args("-o", str(out))) == 1
    assert out.read_text("utf-8") == "body\n"
    assert capsys.readouterr() == ("", "factcheck: a note\n")
    assert common.emit("body", 1, "", _args("-o", str(tmp_path / "no" / "r.txt"))) == 2
    assert "cannot be written" in capsys.readouterr().err
    # Quiet: nothing to report prints nothing, notes included; a finding still prints.
    assert common.emit("0 conflicts", 0, "a note", _args("-q")) == 0
    assert capsys.readouterr() == ("", "")
    assert common.emit("error[r]", 1, "", _args("-q")) == 1
    assert capsys.readouterr().out == "error[r]\n"


@pytest.mark.parametrize(
    ("argv", "env", "coloured"),
    [
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        (["-o", "r.txt"], {}, False),  # a file is not a terminal
        (["-o", "r.txt"], {"FORCE_COLOR": "1"}, True),
    ],
)
def test_colour_choice(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], env: dict[str, str], coloured: bool
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert common.color(_args(*argv)) is coloured


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (json.dumps(["report", "note", 1]), ("report", 1, "note")),
        (json.dumps(["report", "", 0]), ("report", 0, "")),
        (json.dumps(["report", "note", 7]), None),  # not an exit code of ours
        (json.dumps(["report", "note"]), None),
        (json.dumps({"text": "report"}), None),
        ("not json", None),
    ],
)
def test_a_stored_report_is_read_back_only_when_whole(
    tmp_path: Path, stored: str, expected: tuple[str, int, str] | None
) -> None:
    with open_store(tmp_path / "store") as store:
        store.write(results=[("k", stored.encode())])
        assert common.stored_report(store, "k") == expected
        assert common.stored_report(store, "other") is None


def test_the_report_key_changes_with_what_decides_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.io.discovery import scan

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    (tmp_path / "entities.yaml").write_text("entities: []\n", encoding="utf-8")
    key = common.memo_key(scan(tmp_path), _args())
    assert key is not None
    assert common.memo_key(scan(tmp_path), _args()) == key
    assert common.memo_key(scan(tmp_path), _args("--format", "json")) != key
    assert common.memo_key(scan(tmp_path), _args("--no-cache")) == key  # same report
    (tmp_path / "entities.yaml").write_text("entities: [] \n", encoding="utf-8")
    assert common.memo_key(scan(tmp_path), _args()) != key
    assert common.memo_key(scan(tmp_path), _args("--new-since", "HEAD")) is None
