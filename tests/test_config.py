"""Config files, and the options around the report: ``--fail-on``, ``--color``, ``-o``,
``-q``/``-v``, ``--help``'s exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.config import find, load

from .conftest import CAPACITY_RULE, ENTITIES, OPENED_RULE, PROPERTIES, source_yaml

RULES = CAPACITY_RULE + OPENED_RULE


def _source(sid: str, capacity: int, opened: str) -> str:
    return source_yaml(
        sid,
        f"""
        - {{id: cap, subject: cecot, property: capacity, value: {capacity}, quote: "holds it"}}
        - {{id: opened, subject: cecot, property: opened, value: {opened}, quote: "opened"}}
        """,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository (``.git``) with two corpora: ``facts/`` (an opening-date warning only)
    and ``other/`` (a capacity error and the warning); cwd is its root."""
    (tmp_path / ".git").mkdir()
    files = {
        "facts/sources/a.yaml": _source("a", 40000, "2023-02"),
        "facts/sources/b.yaml": _source("b", 40000, "2022"),
        "other/sources/a.yaml": _source("a", 40000, "2023-02"),
        "other/sources/b.yaml": _source("b", 20000, "2022"),
    }
    for corpus in ("facts", "other"):
        files |= {
            f"{corpus}/entities.yaml": ENTITIES,
            f"{corpus}/properties.yaml": PROPERTIES,
            f"{corpus}/rules.yaml": RULES,
        }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


# config file name, its text, argv, exit code, must appear in stdout
CASES = [
    ("no-config", None, "", ["audit"], 0, ["warning[opened-agrees]"]),
    ("corpus", "factcheck.toml", 'corpus = "other"\n', ["audit"], 1, ["error[capacity"]),
    (
        "pyproject-table",
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.factcheck]\ncorpus = "other"\n',
        ["audit"],
        1,
        ["other/sources/b.yaml"],
    ),
    ("flag-wins", "factcheck.toml", 'corpus = "other"\n', ["audit", "facts"], 0, ["warning["]),
    ("fail-on-warning", "factcheck.toml", 'fail-on = "warning"\n', ["audit"], 1, ["warning["]),
    (
        "fail-on-flag-wins",
        "factcheck.toml",
        'fail-on = "warning"\n',
        ["audit", "--fail-on", "error"],
        0,
        ["warning["],
    ),
    ("format", "factcheck.toml", 'format = "json"\n', ["audit"], 0, ['"rule": "opened-agrees"']),
    ("severity", "factcheck.toml", 'severity = "error"\n', ["audit"], 0, ["0 conflicts"]),
    (
        "check-fail-on",
        "factcheck.toml",
        'fail-on = "warning"\n',
        ["check", "facts/sources/b.yaml"],
        1,
        ["warning[opened-agrees]"],
    ),
    (
        "pyproject-without-table-is-not-config",
        "pyproject.toml",
        '[project]\nname = "x"\n',
        ["audit"],
        0,
        ["warning["],
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "argv", "code", "present"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_config(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    name: str | None,
    text: str,
    argv: list[str],
    code: int,
    present: list[str],
) -> None:
    if name:
        (repo / name).write_text(text, encoding="utf-8")
    for cache in ([], ["--no-cache"]):
        assert main([*argv, *cache]) == code
        out = capsys.readouterr().out
        for fragment in present:
            assert fragment in out


def test_config_is_found_from_a_subdirectory_and_paths_are_relative_to_it(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "factcheck.toml").write_text('corpus = "other"\n', encoding="utf-8")
    monkeypatch.chdir(repo / "facts" / "sources")
    assert find() == repo / "factcheck.toml"
    assert main(["audit"]) == 1
    assert "../../other/sources/b.yaml" in capsys.readouterr().out


def test_the_search_stops_at_the_repository_root(repo: Path, tmp_path: Path) -> None:
    (repo.parent / "factcheck.toml").write_text('corpus = "x"\n', encoding="utf-8")
    try:
        assert find(repo / "facts") is None
    finally:
        (repo.parent / "factcheck.toml").unlink()


# file, text, line, field, fragment
BAD = [
    ("factcheck.toml", 'corpus = "facts"\nfail-on = [\n', 2, "", "TOML syntax error"),
    ("factcheck.toml", '\ncorpus = "facts"\nfail_on = "error"\n', 3, "fail_on", "unknown setting"),
    ("factcheck.toml", 'fail-on = "errors"\n', 1, "fail-on", "must be one of error"),
    ("factcheck.toml", "corpus = 3\n", 1, "corpus", "non-empty string"),
    ("factcheck.toml", 'color = "yes"\n', 1, "color", "auto, always, never"),
    ("factcheck.toml", 'format = "xml"\n', 1, "format", "text, json"),
    (
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.factcheck]\n"corpus" = "facts"\nsevrity = "info"\n',
        6,
        "tool.factcheck.sevrity",
        "unknown setting",
    ),
    ("pyproject.toml", "[tool.factcheck]\nformat = 1\n", 2, "tool.factcheck.format", "one of"),
    ("factcheck.toml", b"corpus = '\xff'\n", None, "", "not UTF-8"),
]


@pytest.mark.parametrize(("name", "text", "line", "field", "fragment"), BAD)
def test_bad_config_is_file_line_and_exit_2(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str | bytes,
    line: int | None,
    field: str,
    fragment: str,
) -> None:
    (repo / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    for argv in (["audit"], ["check", "facts/sources/a.yaml"], ["baseline"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        where = f"factcheck: {name}:{line}: " if line else f"factcheck: {name}: "
        assert where in err
        assert field in err
        assert fragment in err
    if name == "factcheck.toml" and isinstance(text, str):
        _, errors = load(repo / name)
        assert [e.line for e in errors] == [line]


# --- colour, -o, -q, -v ------------------------------------------------------------------

# argv, environment, coloured
COLOR = [
    (["--color", "always"], {}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {}, False),  # captured output is not a terminal
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    (["--color", "always"], {"NO_COLOR": "1"}, True),  # the flag is explicit
    ([], {"FORCE_COLOR": ""}, False),  # empty: not set
]


@pytest.mark.parametrize(("argv", "env", "colored"), COLOR)
def test_color(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    env: dict[str, str],
    colored: bool,
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    outputs = []
    for cache in ([], [], ["--no-cache"]):  # cold, warm and without the store alike
        main(["audit", "other", *argv, *cache])
        outputs.append(capsys.readouterr().out)
    assert len(set(outputs)) == 1
    assert ("\033[" in outputs[0]) is colored


def test_output_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "other", "-o", "report.json", "--format", "json"]) == 1
    assert capsys.readouterr().out == ""
    assert '"rule": "capacity-agrees"' in (repo / "report.json").read_text(encoding="utf-8")
    assert main(["audit", "other", "-o", "report.txt", "--color", "auto"]) == 1
    assert "\033[" not in (repo / "report.txt").read_text(encoding="utf-8")
    assert main(["audit", "other", "-o", "no/such/dir/r.txt"]) == 2
    assert "cannot be written" in capsys.readouterr().err


def test_quiet_and_verbose(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["baseline", "other"]) == 0
    capsys.readouterr()
    assert main(["audit", "other", "-q"]) == 0
    out = capsys.readouterr()
    assert (out.out, out.err) == ("", "")
    assert main(["audit", "other"]) == 0
    assert "2 known findings" in capsys.readouterr().err
    assert main(["audit", "other", "-v"]) == 0
    verbose = capsys.readouterr().out
    assert "error[capacity-agrees] (waived)" in verbose
    assert "waived: known: in other/.factcheck-baseline.yaml" in verbose
    assert main(["check", "other/sources/b.yaml", "-v"]) == 0
    assert "error[capacity-agrees] (waived)" in capsys.readouterr().out
    assert main(["audit", "other", "-q", "-v"]) == 2  # one or the other


def test_help_lists_exit_codes_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["audit", "--help"], ["check", "--help"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "exit codes:" in out
        assert "  2  bad input" in out
        assert "factcheck audit --new-since origin/main" in out
        assert "[tool.factcheck]" in out
