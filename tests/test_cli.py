"""The command line as a whole: the parser, the console script in a subprocess, what it
imports, and how it ends when its output cannot be written. Each command has its own
table in ``tests/test_commands_<command>.py``."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

from .cli_corpora import RULES, SOURCES, build, write


@pytest.fixture
def corpora(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return build(tmp_path, monkeypatch)


def test_no_command_is_a_usage_error(corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "required" in capsys.readouterr().err


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


#: What the hook never imports: the extractor and the HTML report (35 ms), the other
#: commands' modules, and difflib (only a misspelt name needs it).
NOT_FOR_THE_HOOK = (
    "factcheck.extract",
    "factcheck.report.html",
    "factcheck.commands.audit",
    "factcheck.commands.other",
    "factcheck.baseline",
    "difflib",
)

#: What a hook with its store (the pre-commit case) never imports either: the whole-corpus
#: loader with its heap trimming (only ``--no-cache`` reads everything that way), and the
#: worker processes' watch for their parent (too few files to read to start any).
NOT_FOR_THE_HOOK_WITH_A_STORE = ("factcheck.io.load", "factcheck.io.heap", "factcheck.io.orphans")

#: What `import factcheck.cli` leaves to the command that runs: pydantic and the models,
#: PyYAML, the corpus, the loader, the hook, the store and the checks. The console script
#: turns the cyclic collector off before they are imported (see factcheck.cli.entry).
NOT_AT_START = (
    "pydantic",
    "yaml",
    "factcheck.domain.model",
    "factcheck.domain.corpus",
    "factcheck.io.load",
    "factcheck.hook",
    "factcheck.store",
    "factcheck.rules.engine",
    *NOT_FOR_THE_HOOK,
)


def _imported(code: str, names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` a fresh process running ``code`` has imported at its end."""
    code += f"; import sys; print(sorted(m for m in {names!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stdout, proc.stderr
    return list(ast.literal_eval(proc.stdout.splitlines()[-1]))


def test_the_hook_imports_only_what_it_runs(corpora: Path) -> None:
    code = "from factcheck.cli import main; main(['check', 'facts/sources/d.yaml'])"
    assert _imported(code, NOT_FOR_THE_HOOK) == []
    assert _imported(code, NOT_FOR_THE_HOOK_WITH_A_STORE) == []
    uncached = code.replace("'])", "', '--no-cache'])")
    loader = ["factcheck.io.heap", "factcheck.io.load"]
    assert _imported(uncached, NOT_FOR_THE_HOOK_WITH_A_STORE) == loader
    # The check did run: the models were imported by then.
    assert _imported(code, ("factcheck.domain.model",)) == ["factcheck.domain.model"]


def test_the_command_line_starts_without_the_models_and_checks() -> None:
    assert _imported("import factcheck.cli", NOT_AT_START) == []


def test_a_warm_audit_imports_neither_the_models_nor_the_checks(corpora: Path) -> None:
    # Served from the store: nothing is validated, nothing is checked.
    code = "from factcheck.cli import main; main(['audit', 'facts', '-q'])"
    heavy = ("pydantic.main", "factcheck.domain.model", "factcheck.rules.engine")
    assert len(_imported(code, heavy)) == 3  # the first run fills the store
    assert _imported(code, heavy) == []


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
    write(corpora / "big" / "facts", {"rules.yaml": RULES, **big})
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
        # Help and the version as well (argparse drops a failed write and exits 0).
        ("", "$FACTCHECK --help > /dev/full", 2, "cannot write"),
        ("", "$FACTCHECK audit --help > /dev/full", 2, "cannot write"),
        ("", "$FACTCHECK --version > /dev/full", 2, "cannot write"),
        ("", "$FACTCHECK check --help | true", 141, ""),
        ("", "$FACTCHECK --help", 0, ""),
        # Every command that prints to standard output, not only the reports.
        ("", "$FACTCHECK coverage . > /dev/full", 2, "cannot write the report"),
        ("", "$FACTCHECK coverage . | true", 141, ""),
        ("echo 40,000 > t", "$FACTCHECK extract t --facts . --source-id t >/dev/full", 2, "cannot"),
        ("echo 40,000 > t", "$FACTCHECK extract t --facts . --source-id t | true", 141, ""),
        # What the hook is given must be a fact file, and says what it is instead.
        ("mkdir -p sources/sub", "$FACTCHECK check sources/sub", 2, "is a directory"),
        ("mkfifo sources/f.yaml", "$FACTCHECK check sources/f.yaml", 2, "not a regular file"),
        ("", "$FACTCHECK check sources/none.yaml", 2, "no such file"),
        # A link loop in the corpus is a load error naming the link, whatever its name
        # (one not named *.yaml could be a directory of fact files).
        ("ln -s loop.yaml sources/loop.yaml", "$FACTCHECK audit .", 2, "sources/loop.yaml"),
        ("ln -s loop sources/loop", "$FACTCHECK audit .", 2, "sources/loop: error[load]"),
        ("ln -s loop sources/loop", "$FACTCHECK check sources/d.yaml", 0, ""),
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
    write(root, {**SOURCES, "rules.yaml": RULES})
    if setup:
        assert _shell(root, setup).returncode == 0
    proc = _shell(root, command)
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out
    assert proc.returncode == code, out
    assert message in out
    if code == 141:  # quiet: nothing but what the command warns of anyway
        assert [line for line in proc.stderr.splitlines() if ": warning:" not in line] == []
