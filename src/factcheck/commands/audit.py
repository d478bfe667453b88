"""``factcheck audit [PATH]``: audit a corpus directory (default ``facts``)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from factcheck.commands.common import (
    check_sources,
    common_options,
    emit,
    exit_code,
    fail,
    known_note,
    load_baselines,
    memo_key,
    open_store,
    render,
    run_audit,
    stored_report,
    with_known,
)
from factcheck.domain.errors import FactcheckError
from factcheck.io.discovery import Scan, scan

if TYPE_CHECKING:
    from factcheck.store import Store


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default="facts", help="corpus directory (default: facts)")
    p.add_argument(
        "--coverage",
        action="store_true",
        help="also report each property used by claims that no rule checks (info)",
    )
    common_options(p)


def run(args: argparse.Namespace) -> int:
    problem = check_sources(args)
    if problem:
        return fail(problem)
    try:
        scanned = scan(args.path)
    except FactcheckError as exc:
        return fail(exc.errors or str(exc))
    store = open_store(scanned.root, args)
    if store is None:
        return emit(*make_report(scanned, args, None), args)
    with store:
        # Snapshots live outside the corpus, so a report that verified them is not kept.
        key = memo_key(scanned, args) if args.sources is None else None
        stored = stored_report(store, key) if key is not None else None
        if stored is not None:  # nothing that decides the report changed
            return emit(*stored, args)
        report = make_report(scanned, args, store)
        if key is not None:
            text, code, note = report
            store.write(results=[(key, json.dumps([text, note, code]).encode())])
        return emit(*report, args)


def make_report(
    scanned: Scan, args: argparse.Namespace, store: Store | None
) -> tuple[str, int, str]:
    """The printed report of an audit, its exit code and the note for standard error."""
    baselines, problems = load_baselines(scanned.root, args)
    if problems:
        from factcheck.report import render_error

        return "\n".join(render_error(e) for e in problems), 2, ""
    from factcheck.io.load import load

    corpus = load(args.path, scanned=scanned, store=store)
    result = run_audit(corpus, args)
    note = ""
    if baselines:
        from factcheck.baseline import apply

        # With load errors some claims are missing: their entries would look stale.
        applied = apply(result, baselines, report_stale=not result.errors)
        note = known_note(len(applied.known), baselines)
        result = with_known(applied.result, applied.known, baselines, args)
    return render(result, corpus, args), exit_code(result, args), note
