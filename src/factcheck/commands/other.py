"""``factcheck baseline``, ``schema``, ``extract`` and ``coverage``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.commands.common import (
    DEFAULT_NAME,
    emit,
    fail,
    write_stdout,
)
from factcheck.domain.errors import FactcheckError
from factcheck.io.load import load
from factcheck.rules.engine import audit

if TYPE_CHECKING:
    pass


def configure_baseline(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default="facts", help="corpus directory (default: facts)")
    p.add_argument(
        "--baseline",
        metavar="FILE",
        help="write to FILE (default: CORPUS/.factcheck-baseline.yaml)",
    )
    p.add_argument(
        "--allow-drafts",
        action="store_true",
        help="accept claims marked draft: true (default: each is an error)",
    )


def write_baseline(args: argparse.Namespace) -> int:
    """Write the findings the corpus has now as its baseline; 2 on load errors."""
    from factcheck.baseline import dumps

    try:
        corpus = load(args.path)
    except FactcheckError as exc:
        return fail(exc.errors or str(exc))
    result = audit(corpus, allow_drafts=args.allow_drafts)
    if result.errors:
        return fail([*result.errors, "the baseline was not written: fix the load errors first"])
    target = Path(args.baseline) if args.baseline else Path(args.path) / DEFAULT_NAME
    text = dumps(result.conflicts)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        return fail(f"{target}: cannot be written: {exc.strerror or exc}")
    count = text.count("\n- rule: ")
    print(
        f"factcheck: wrote {count} finding{'s' if count != 1 else ''} to {target}", file=sys.stderr
    )
    return 0


def configure_schema(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--corpus",
        metavar="DIR",
        help="also list DIR's entity ids (and aliases) and property ids as the values a "
        "claim's subject and property may take, for completion in editors",
    )


# `extract` imports its module (20 ms of patterns and tables) only when it is the command
# (see _parser): the pre-commit hook never pays for it.
def configure_extract(p: argparse.ArgumentParser) -> None:
    from factcheck.extract import configure

    configure(p)


def extract(args: argparse.Namespace) -> int:
    from factcheck.extract import run

    return run(args, write_stdout)


def schema(args: argparse.Namespace) -> int:
    from factcheck.io.schema import fact_file_schema

    if args.corpus is None:
        return emit(json.dumps(fact_file_schema(), indent=2), 0)
    try:
        corpus = load(args.corpus)
    except FactcheckError as exc:
        return fail(exc.errors or str(exc))
    if corpus.errors:  # ids from a corpus that does not load would mislead
        return fail([*corpus.errors, "no schema written: fix the load errors first"])
    return emit(json.dumps(fact_file_schema(corpus), indent=2), 0)


def configure_coverage(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default="facts", help="corpus directory (default: facts)")


def coverage(args: argparse.Namespace) -> int:
    """Each property claims use, its number of claims and the rules that check it."""
    from factcheck.rules.engine import rule_coverage

    try:
        corpus = load(args.path)
    except FactcheckError as exc:
        return fail(exc.errors or str(exc))
    if corpus.errors:
        return fail(corpus.errors)
    counts: dict[str, int] = {}
    for f in corpus.facts:
        counts[f.prop.id] = counts.get(f.prop.id, 0) + 1
    unchecked = 0
    lines = []
    for prop, rules in rule_coverage(corpus).items():
        why = corpus.properties[prop].unchecked
        if rules:
            checked_by = ", ".join(rules)
        elif why:
            checked_by = f"(unchecked: {why})"
        else:
            checked_by = "NO RULE"
            unchecked += 1
        lines.append(f"{prop}\t{counts[prop]}\t{checked_by}")
    failed = write_stdout("".join(f"{line}\n" for line in lines))
    if failed is not None:
        return failed
    print(f"{unchecked} properties used by claims are checked by no rule", file=sys.stderr)
    return 0
