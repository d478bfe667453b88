"""The ``factcheck`` command line: ``audit``, ``check`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from .engine import audit
from .errors import FactcheckError
from .loader import load
from .report import REPORTERS

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description=__doc__)
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("audit", help="audit a corpus directory for contradictions")
    a.add_argument("path", nargs="?", default="facts", help="corpus directory (default: facts)")
    a.add_argument("--format", choices=sorted(REPORTERS), default="text")
    sub.add_parser("schema", help="print the JSON Schema of a fact file")
    return parser


def _audit(args: argparse.Namespace) -> int:
    try:
        corpus = load(args.path)
    except FactcheckError as exc:
        print(exc, file=sys.stderr)
        return 2
    result = audit(corpus)
    print(REPORTERS[args.format](result))
    return result.exit_code


def _schema(args: argparse.Namespace) -> int:
    from .schema import fact_file_schema

    print(json.dumps(fact_file_schema(), indent=2))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 clean, 1 conflicts, 2 bad input)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    commands = {"audit": _audit, "schema": _schema}
    return commands[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
