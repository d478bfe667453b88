"""The ``factcheck`` command line.

Each subcommand is a pair ``(configure, run)`` in :data:`COMMANDS`: ``configure`` adds
its arguments to an argparse parser, ``run`` takes the parsed arguments and returns the
exit code (0 clean, 1 conflicts, 2 bad input or usage). Adding a command touches its own
module and one line here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from . import __version__
from .engine import audit
from .errors import FactcheckError
from .loader import load
from .report import REPORTERS

__all__ = ["COMMANDS", "main"]

Configure = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]


def _configure_audit(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default="facts", help="corpus directory (default: facts)")
    p.add_argument("--format", choices=sorted(REPORTERS), default="text")


def _audit(args: argparse.Namespace) -> int:
    try:
        corpus = load(args.path)
    except FactcheckError as exc:
        print(exc, file=sys.stderr)
        return 2
    result = audit(corpus)
    print(REPORTERS[args.format](result, corpus))
    return result.exit_code


def _configure_schema(p: argparse.ArgumentParser) -> None:
    pass


def _schema(args: argparse.Namespace) -> int:
    from .schema import fact_file_schema

    print(json.dumps(fact_file_schema(), indent=2))
    return 0


#: Subcommands: name -> (help, configure, run).
COMMANDS: dict[str, tuple[str, Configure, Run]] = {
    "audit": ("audit a corpus directory for contradictions", _configure_audit, _audit),
    "schema": ("print the JSON Schema of fact files", _configure_schema, _schema),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck", description="Audit a body of sources for contradictions."
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, configure, _run) in COMMANDS.items():
        configure(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 for --help
        return int(exc.code or 0)
    return COMMANDS[args.command][2](args)


if __name__ == "__main__":
    raise SystemExit(main())
