"""The command line: argv -> exit code and output, through ``main(argv)`` and one subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import corpus_root, main

from .conftest import CAPACITY_RULE, ENTITIES, OPENED_RULE, PROPERTIES, source_yaml

RULES = CAPACITY_RULE + OPENED_RULE

#: a and b contradict each other on capacity (error) and on the opening (warning);
#: d says something nobody disputes.
SOURCES = {
    "sources/a.yaml": source_yaml(
        "a",
        """
        - {id: cap, subject: cecot, property: capacity, value: 40000, quote: "holds 40,000"}
        - {id: opened, subject: cecot, property: opened, value: 2023-02, quote: "opened 2023"}
        """,
    ),
    "sources/b.yaml": source_yaml(
        "b",
        """
        - {id: cap, subject: CECOT, property: capacity, value: 20000, quote: "holds 20,000"}
        - {id: opened, subject: cecot, property: opened, value: 2022, quote: "opened 2022"}
        """,
    ),
    "sources/d.yaml": source_yaml(
        "d",
        """
        - {id: inmates, subject: cecot, property: inmates, value: 15000, quote: "15,000 held"}
        """,
    ),
}

BROKEN = source_yaml(
    "e",
    """
    - id: cap
      subject: cecot
      property: capacity
      valeu: 40000
      quote: "typo"
    """,
)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, body in {"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")


@pytest.fixture
def corpora(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``facts/`` (conflicts), ``clean/facts`` (none), ``broken/facts`` (a bad file); cwd."""
    more = "entities:\n  - {id: rikers, name: Rikers Island, kind: prison}\n"
    _write(tmp_path / "facts", {"rules.yaml": RULES, "more.yaml": more, **SOURCES})
    _write(
        tmp_path / "clean" / "facts",
        {"rules.yaml": RULES, "sources/d.yaml": SOURCES["sources/d.yaml"]},
    )
    _write(
        tmp_path / "warn" / "facts",
        {
            "rules.yaml": RULES,
            "sources/a.yaml": SOURCES["sources/a.yaml"],
            "sources/b.yaml": SOURCES["sources/b.yaml"].replace("20000", "40000"),
        },
    )
    _write(
        tmp_path / "broken" / "facts", {"rules.yaml": RULES, **SOURCES, "sources/e.yaml": BROKEN}
    )
    (tmp_path / "loose.yaml").write_text("rules: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


# argv, exit code, fragments that must appear, fragments that must not.
CASES = [
    ("audit", ["audit", "clean/facts"], 0, ["0 conflicts"], ["error["]),
    (
        "audit-conflict",
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
    ("missing-corpus", ["audit", "nowhere"], 2, ["nowhere: no such corpus directory"], []),
    ("bad-format", ["audit", "facts", "--format", "xml"], 2, ["invalid choice"], []),
    ("bad-severity", ["audit", "--severity", "fatal"], 2, ["invalid choice"], []),
    ("missing-sources", ["audit", "--sources", "nowhere"], 2, ["no such directory"], []),
    ("no-command", [], 2, ["required"], []),
    ("check-conflicted-file", ["check", "facts/sources/b.yaml"], 1, ["error[capacity-agrees]"], []),
    (
        "check-uninvolved-file",
        ["check", "facts/sources/d.yaml"],
        0,
        ["0 conflicts"],
        ["capacity-agrees"],
    ),
    (
        "check-broken-file",
        ["check", "broken/facts/sources/e.yaml"],
        2,
        ["broken/facts/sources/e.yaml:10: error[load]"],
        ["capacity-agrees"],
    ),
    (
        "check-other-file-of-broken-corpus",
        ["check", "broken/facts/sources/d.yaml"],
        0,
        ["0 load errors"],
        ["e.yaml"],
    ),
    ("check-corpus-wide-file", ["check", "facts/entities.yaml"], 1, ["capacity-agrees"], []),
    # Known by what it holds, not by its name.
    ("check-second-entities-file", ["check", "facts/more.yaml"], 1, ["capacity-agrees"], []),
    ("check-rules-file", ["check", "facts/rules.yaml"], 1, ["capacity-agrees"], []),
    (
        "check-two-corpora",
        ["check", "facts/sources/a.yaml", "broken/facts/sources/e.yaml"],
        2,
        ["error[capacity-agrees]", "e.yaml:10: error[load]"],
        [],
    ),
    ("check-missing-file", ["check", "facts/sources/zz.yaml"], 2, ["no such file"], []),
    ("check-outside-corpus", ["check", "loose.yaml"], 2, ["not inside a fact corpus"], []),
    ("check-needs-files", ["check"], 2, ["required"], []),
    ("check-json", ["check", "facts/sources/a.yaml", "--format", "json"], 1, ['"errors": []'], []),
    ("schema", ["schema"], 0, ['"$defs"'], []),
]


@pytest.mark.parametrize(
    ("argv", "code", "present", "absent"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_main(
    corpora: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    present: list[str],
    absent: list[str],
) -> None:
    assert main(argv) == code
    captured = capsys.readouterr()
    out = captured.out + captured.err
    for fragment in present:
        assert fragment in out
    for fragment in absent:
        assert fragment not in out


def test_severity_filter_keeps_exit_code(corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Hiding warnings changes what is shown, never whether the audit fails.
    assert main(["audit", "warn/facts", "--severity", "error", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["conflicts"] == []
    assert data["summary"]["warning"] == 0


def test_check_with_absolute_path_cites_absolute_files(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = corpora / "facts" / "sources" / "b.yaml"
    assert main(["check", str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    files = {c["file"] for conflict in data["conflicts"] for c in conflict["citations"]}
    assert str(path) in files


@pytest.mark.parametrize(
    ("file", "root"),
    [
        ("facts/sources/a.yaml", "facts"),
        ("facts/entities.yaml", "facts"),
        ("clean/facts/sources/d.yaml", "clean/facts"),
        ("loose.yaml", None),
    ],
)
def test_corpus_root(corpora: Path, file: str, root: str | None) -> None:
    assert corpus_root(file) == (None if root is None else Path(root))


def test_corpus_root_by_marker_file(tmp_path: Path) -> None:
    # A corpus directory need not be called facts: entities.yaml marks it.
    _write(tmp_path / "newsroom", {"sources/x.yaml": SOURCES["sources/d.yaml"]})
    assert corpus_root(tmp_path / "newsroom" / "sources" / "x.yaml") == tmp_path / "newsroom"


def test_console_script_subprocess(corpora: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "audit", "facts"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1
    assert "facts/sources/a.yaml:7: error[capacity-agrees]" in proc.stdout
    assert "\033[" not in proc.stdout  # not a terminal: no colour


def test_the_hook_imports_only_what_it_runs(corpora: Path) -> None:
    # The extractor and the HTML report take 35 ms to import; `check` needs neither.
    code = (
        "import sys; from factcheck.cli import main; main(['check', 'facts/sources/d.yaml']);"
        "print(sorted(m for m in sys.modules"
        " if m in ('factcheck.extract', 'factcheck.report.html')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stdout.splitlines()[-1] == "[]", proc.stdout + proc.stderr


def test_the_console_script_runs_without_the_cyclic_collector_but_main_keeps_it(
    corpora: Path,
) -> None:
    # A collection after loading walks the whole corpus again (0.3 s of a cold audit of
    # 100k claims); the console script's process ends right after, so it never collects.
    # main() is what tests and library callers run in their own process: untouched.
    code = (
        "import gc, sys; from factcheck import cli;"
        "cli.main([]); print('main', gc.isenabled());"
        "cli.main = lambda: print('entry', gc.isenabled()) or 0; cli.entry()"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stdout.splitlines()[-2:] == ["main True", "entry False"], proc.stdout + proc.stderr
    assert proc.returncode == 0


def test_every_command_is_listed_and_configured_when_named(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--help"]) == 0
    assert "extract" in capsys.readouterr().out
    assert main(["extract", "--help"]) == 0
    assert "--source-id" in capsys.readouterr().out
    assert main(["extract"]) == 2  # its required arguments are known
    assert "--source-id" in capsys.readouterr().err


def test_closed_pipe_is_not_a_traceback(corpora: Path) -> None:
    # `factcheck audit | head -1`: the reader leaves early; the report is larger than a
    # pipe's buffer, so the writer does meet the closed pipe.
    long_quote = "holds 30,000 " + "and more " * 20_000
    big = {
        **SOURCES,
        "sources/p.yaml": SOURCES["sources/a.yaml"].replace("holds 40,000", long_quote),
    }
    big["sources/p.yaml"] = big["sources/p.yaml"].replace("id: a\n", "id: p\n")
    _write(corpora / "big" / "facts", {"rules.yaml": RULES, **big})
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "audit", "big/facts"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.wait()
    assert "Traceback" not in stderr


@pytest.mark.parametrize("files", [["a"], ["b"], ["d"], ["a", "d"], ["a", "b", "d"]])
def test_check_reports_exactly_the_conflicts_citing_its_files(
    corpora: Path, capsys: pytest.CaptureFixture[str], files: list[str]
) -> None:
    main(["audit", "facts", "--format", "json"])
    everything = json.loads(capsys.readouterr().out)["conflicts"]
    paths = [f"facts/sources/{name}.yaml" for name in files]
    main(["check", *paths, "--format", "json"])
    reported = json.loads(capsys.readouterr().out)["conflicts"]
    # A conflict is a file's concern when one of its claims there is disputed, not only
    # cited as support.
    expected = [
        c
        for c in everything
        if any(
            x["file"] in paths and f"{x['source']}/{x['claim']}" not in c["support"]
            for x in c["citations"]
        )
    ]
    assert reported == expected


def _shell(root: Path, command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FACTCHECK": f"{sys.executable} -m factcheck"},
    )


@pytest.mark.parametrize(
    ("setup", "command", "code", "message"),
    [
        # Output that cannot be written: one line and 2; a closed pipe: quiet, as SIGPIPE
        # (`true` is gone long before Python has started, so the pipe is closed).
        ("", "$FACTCHECK audit . > /dev/full", 2, "cannot write the report"),
        ("", "$FACTCHECK schema | true", 141, ""),
        # What the hook is given must be a fact file, and says what it is instead.
        ("mkdir -p sources/sub", "$FACTCHECK check sources/sub", 2, "is a directory"),
        ("mkfifo sources/f.yaml", "$FACTCHECK check sources/f.yaml", 2, "not a regular file"),
        ("", "$FACTCHECK check sources/none.yaml", 2, "no such file"),
        # A link loop in the corpus is a load error naming the link.
        ("ln -s loop.yaml sources/loop.yaml", "$FACTCHECK audit .", 2, "sources/loop.yaml"),
        # A count below its property's minimum, at its value's line.
        (
            "sed -i 's/value: 15000/value: -15000/' sources/d.yaml",
            "$FACTCHECK check sources/d.yaml",
            2,
            "sources/d.yaml:7: error[load] claims[0].value: -15000 is below 0",
        ),
    ],
)
def test_edges_end_with_a_message_not_a_traceback(
    tmp_path: Path, setup: str, command: str, code: int, message: str
) -> None:
    root = tmp_path / "facts"
    _write(root, {**SOURCES, "rules.yaml": RULES})
    if setup:
        assert _shell(root, setup).returncode == 0
    proc = _shell(root, command)
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out
    assert proc.returncode == code, out
    assert message in out
    if code == 141:
        assert proc.stderr == ""


def test_coverage_lists_properties_and_their_rules(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["coverage", "facts"]) == 0
    out, err = capsys.readouterr()
    rows = dict(line.split("\t")[::2] for line in out.splitlines())
    assert rows["capacity"] == "capacity-agrees"
    assert rows["opened"] == "NO RULE" or "opened" in rows["opened"]
    assert "checked by no rule" in err
    assert main(["audit", "facts", "--coverage", "--format", "json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    uncovered = {r for r, v in rows.items() if v == "NO RULE"}
    assert {
        c["message"].split("'")[1] for c in report["conflicts"] if c["rule"] == "coverage"
    } == uncovered
