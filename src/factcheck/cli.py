"""The ``factcheck`` command line.

Each subcommand is named in :data:`COMMANDS` with its module and two functions of it:
``configure`` adds its arguments to an argparse parser, ``run`` takes the parsed
arguments and returns the exit code (0 clean, 1 conflicts, 2 bad input or usage). Adding
a command touches its own module and one line here.

A command's module is imported only when that command is named (or help lists them all),
and the commands import the corpus, the models and the checks only when they run: so
``import factcheck.cli`` stays light and :func:`entry` turns the cyclic collector off
before the heavy imports, which allocate enough to set it off several times.

* ``factcheck audit [PATH]``: audit a corpus directory (default ``facts``).
* ``factcheck check FILE...``: the pre-commit entry; audits the corpus the files belong to
  and reports only what involves them.
* ``factcheck baseline [PATH]``: write the findings the corpus has now to its baseline
  file; ``audit`` and ``check`` then fail only on new findings.
* ``factcheck schema``: the JSON Schema of fact files.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from factcheck.domain.errors import LoadError

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from factcheck import __version__
from factcheck.commands.check import corpus_root
from factcheck.commands.common import DEFAULT_NAME, fail, write_stdout

__all__ = ["COMMANDS", "DEFAULT_NAME", "corpus_root", "entry", "main"]

Configure = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]


_OTHER = "factcheck.commands.other"

#: Subcommands: name -> (help, module, its configure function, its run function).
COMMANDS: dict[str, tuple[str, str, str, str]] = {
    "audit": (
        "audit a corpus directory for contradictions",
        "factcheck.commands.audit",
        "configure",
        "run",
    ),
    "check": (
        "check fact files (pre-commit): report their errors and the conflicts they are in",
        "factcheck.commands.check",
        "configure",
        "run",
    ),
    "baseline": (
        "write the corpus's findings to its baseline: from then on only new ones fail",
        _OTHER,
        "configure_baseline",
        "write_baseline",
    ),
    "schema": ("print the JSON Schema of fact files", _OTHER, "configure_schema", "schema"),
    "extract": ("draft a fact file from a source text", _OTHER, "configure_extract", "extract"),
    "coverage": (
        "list each property claims use and the rules that check it",
        _OTHER,
        "configure_coverage",
        "coverage",
    ),
}


def _command(name: str) -> tuple[Configure, Run]:
    """Command ``name``'s configure and run functions (its module imported now)."""
    _help, module, configure, run = COMMANDS[name]
    loaded = importlib.import_module(module)
    return getattr(loaded, configure), getattr(loaded, run)


#: Commands whose options a config file can set.
CONFIGURED = ("audit", "check", "baseline")

EPILOG = """\
exit codes:
  0  nothing to fail on (no new, unwaived finding as severe as --fail-on)
  1  a new, unwaived finding as severe as --fail-on (default: error)
  2  bad input: a fact file, baseline or config file that cannot be read or is
     invalid (each reported as FILE:LINE), or bad usage

configuration:
  factcheck.toml, or [tool.factcheck] in pyproject.toml, in the working directory or
  a parent (up to the repository's root): corpus, sources, baseline, fail-on,
  severity, format, color. Flags override it.

examples:
  factcheck audit facts                        audit the corpus in facts/
  factcheck audit --format github              annotations for GitHub Actions
  factcheck audit --new-since origin/main      fail only on what a branch added
  factcheck baseline facts                     accept today's findings; new ones fail
  factcheck check facts/sources/a.yaml         the pre-commit hook on one file
  factcheck audit -o report.html --format html write a report to a file
"""


class _Unwritten(Exception):
    """Help or the version could not be written to standard output (:attr:`code`: the
    exit code :func:`~factcheck.commands.common.write_stdout` gives for it)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse's parser, but help and the version go through
    :func:`~factcheck.commands.common.write_stdout`: argparse drops a failed write and
    exits 0, so ``factcheck --help > /dev/full`` said it had succeeded."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message and file is sys.stdout:
            failed = write_stdout(message)
            if failed is not None:
                raise _Unwritten(failed)
        else:  # usage errors on stderr: nowhere left to report a failure
            super()._print_message(message, file)


class _BadConfig(Exception):
    def __init__(self, errors: list[LoadError]) -> None:
        super().__init__(errors)
        self.errors = errors


def _configure_from_file(sub: argparse.ArgumentParser) -> list[LoadError]:
    """Take the config file's settings as ``sub``'s defaults; what is wrong with it."""
    from factcheck.config import load as load_config

    config, errors = load_config()
    if errors or config.file is None:
        return errors
    # Only the settings this command has an option for (baseline has no --format).
    dests = {a.dest for a in sub._actions}
    sub.set_defaults(**{k: v for k, v in config.options.items() if k in dests})
    return []


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser for ``argv``: every command listed, only the one named configured.

    The command is the first argument not starting with ``-`` (the only options before
    it, ``--help`` and ``--version``, take no value); when there is none, or it is not a
    command, every command is configured so that help and errors are complete.
    """
    parser = _Parser(
        prog="factcheck",
        description="Audit a body of sources for contradictions.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    named = next((a for a in argv if not a.startswith("-")), None)
    for name, (help_text, *_where) in COMMANDS.items():
        command = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EPILOG if name in CONFIGURED else None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if named not in COMMANDS or named == name:
            _command(name)[0](command)
        if name == named and name in CONFIGURED:
            bad = _configure_from_file(command)
            if bad:
                raise _BadConfig(bad)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    if argv is None:
        argv = sys.argv[1:]
    try:
        parser = _parser(argv)
    except _BadConfig as exc:
        return fail(exc.errors)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 for --help
        return int(exc.code or 0)
    except _Unwritten as exc:
        return exc.code
    return _command(args.command)[1](args)


def entry() -> NoReturn:
    """The console script: :func:`main`, then leave without tearing down the heap.

    Freeing a large corpus object by object costs a tenth of the run or more, for nothing
    (mypy exits the same way). Only here, never in :func:`main`: a library caller or a
    test keeps its process.

    For the same reason the cyclic garbage collector is off for the whole run: loading and
    auditing pause it already, and each collection after that would walk every object of
    the corpus again (0.3 s of a cold audit of 100k claims) to find the few cycles a run
    leaves, which the exit frees anyway.
    """
    gc.disable()
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    except (OSError, ValueError):
        code = code or 2  # the report could not be written out
    os._exit(code)


if __name__ == "__main__":
    entry()
