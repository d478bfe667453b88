"""What the commands share: options, the store, rendering and writing the report out.

This module and the command modules import the corpus, the models and the check kinds
(pydantic, PyYAML) only inside the functions that use them: the console script turns the
cyclic collector off first (:func:`factcheck.cli.entry`), and those imports allocate
enough to set it off several times (about 7% of ``import factcheck.cli, factcheck.hook``).
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.domain.conflict import SEVERITIES, AuditResult, Conflict
from factcheck.domain.errors import LoadError
from factcheck.io.discovery import Scan
from factcheck.report import REPORTERS

#: The baseline file of a corpus, inside it (``baseline.DEFAULT_NAME``; repeated here so
#: that a hook run in a corpus without a baseline never imports that module).
DEFAULT_NAME = ".factcheck-baseline.yaml"

if TYPE_CHECKING:
    from factcheck.baseline import Baseline
    from factcheck.domain.corpus import Corpus
    from factcheck.store import Store


def common_options(p: argparse.ArgumentParser) -> None:
    """The options ``audit`` and ``check`` share, in the order ``--help`` lists them."""
    p.add_argument(
        "--format", choices=list(REPORTERS), default="text", help="output format (default: text)"
    )
    p.add_argument(
        "--sources",
        metavar="DIR",
        help="directory of article snapshots: verify their sha256 and that every quote is "
        "verbatim in its snapshot (rule 'quotes')",
    )
    severity_options(p)
    output_options(p)
    p.add_argument(
        "--allow-drafts",
        action="store_true",
        help="accept claims marked draft: true (default: each is an error)",
    )
    store_options(p)
    baseline_options(p)


def severity_options(p: argparse.ArgumentParser) -> None:
    """``--severity`` (what is shown) and ``--fail-on`` (what fails)."""
    p.add_argument(
        "--severity",
        choices=SEVERITIES,
        default="info",
        metavar="LEVEL",
        help="report conflicts of this severity or worse: error, warning or info "
        "(default: info, everything); the exit code is unaffected",
    )
    p.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        default="error",
        metavar="LEVEL",
        help="exit 1 on an unwaived, new finding of this severity or worse: error, warning "
        "or info (default: error)",
    )


def output_options(p: argparse.ArgumentParser) -> None:
    """Where the report goes and how loud it is: ``--color``, ``-o``, ``-q``, ``-v``."""
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report: auto (a terminal, unless NO_COLOR is set; "
        "FORCE_COLOR forces it), always or never (default: auto)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the report to FILE instead of standard output",
    )
    loud = p.add_mutually_exclusive_group()
    loud.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing when there is nothing to report (text), and no notes on stderr",
    )
    loud.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also list the findings a baseline holds, marked as known",
    )


def store_options(p: argparse.ArgumentParser) -> None:
    """``--no-cache`` and ``--cache-dir``: whether and where the store is kept."""
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the store (also: FACTCHECK_NO_CACHE=1); "
        "results are the same, only slower",
    )
    p.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="keep the store in DIR instead of CORPUS/.factcheck-cache (also: FACTCHECK_CACHE_DIR)",
    )


def baseline_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--baseline",
        metavar="FILE",
        help="findings listed in FILE are known: not shown, not failing (default: "
        "CORPUS/.factcheck-baseline.yaml when it exists; write it with `factcheck baseline`)",
    )
    p.add_argument(
        "--no-baseline", action="store_true", help="ignore the baseline: report every finding"
    )
    p.add_argument(
        "--new-since",
        metavar="REV",
        help="findings the corpus already had at git revision REV are known (for pull "
        "requests: --new-since origin/main); the working tree is not touched",
    )


def baseline_path(root: Path, args: argparse.Namespace) -> Path | None:
    """The baseline file in force for the corpus at ``root``, or ``None``."""
    if args.no_baseline:
        return None
    if args.baseline is not None:
        return Path(args.baseline)
    default = root / DEFAULT_NAME
    return default if default.is_file() else None


def load_baselines(root: Path, args: argparse.Namespace) -> tuple[list[Baseline], list[LoadError]]:
    """The baselines ``args`` ask for: the baseline file and ``--new-since``."""
    out: list[Baseline] = []
    path = baseline_path(root, args)
    if path is not None:
        from factcheck.baseline import read

        if not path.is_file():
            return [], [LoadError(str(path), None, "", "--baseline: no such file")]
        baseline, errors = read(path)
        if errors:
            return [], errors
        out.append(baseline)
    if args.new_since is not None:
        from factcheck.baseline import RevisionError, at_revision

        try:
            out.append(at_revision(root, args.new_since, allow_drafts=args.allow_drafts))
        except RevisionError as exc:
            return [], [LoadError(str(root), None, "", str(exc))]
    return out, []


def known_note(known: int, baselines: Sequence[Baseline]) -> str:
    if not baselines:
        return ""
    where = " and ".join(b.file for b in baselines)
    return f"{known} known finding{'s' if known != 1 else ''} not shown (in {where})"


def with_known(
    result: AuditResult,
    known: Sequence[Conflict],
    baselines: Sequence[Baseline],
    args: argparse.Namespace,
) -> AuditResult:
    """``result``, plus the known findings marked as accepted by the baseline on ``-v``."""
    if not args.verbose or not known:
        return result
    why = f"known: in {' and '.join(b.file for b in baselines)}"
    marked = tuple(dataclasses.replace(c, waived=True, waiver_reason=why) for c in known)
    return dataclasses.replace(result, conflicts=(*result.conflicts, *marked))


def fail(errors: Sequence[LoadError | str] | str) -> int:
    for line in [errors] if isinstance(errors, str) else errors:
        print(f"factcheck: {line}", file=sys.stderr)
    return 2


def run_audit(corpus: Corpus, args: argparse.Namespace) -> AuditResult:
    from factcheck.rules.engine import audit

    sources: str | None = args.sources
    result = audit(
        corpus, allow_drafts=args.allow_drafts, coverage=getattr(args, "coverage", False)
    )
    if sources is not None:
        from factcheck.io.snapshots import merge, verify_snapshots

        result = merge(result, verify_snapshots(corpus, sources))
    return result


def render(result: AuditResult, corpus: Corpus, args: argparse.Namespace) -> str:
    """``result`` in the chosen format, filtered by ``--severity``."""
    keep = SEVERITIES[: SEVERITIES.index(args.severity) + 1]
    shown = dataclasses.replace(
        result, conflicts=tuple(c for c in result.conflicts if c.severity in keep)
    )
    if args.format == "text":
        from factcheck.report import text

        return text(shown, corpus, color=color(args))
    return REPORTERS[args.format](shown, corpus)


def color(args: argparse.Namespace) -> bool:
    """Whether the text report is coloured: ``--color``, else the environment and the
    terminal (see :func:`factcheck.report.use_color`); never into ``-o FILE`` on auto."""
    from factcheck.report import use_color

    choice = getattr(args, "color", "auto")
    if choice != "auto":
        return bool(choice == "always")
    if getattr(args, "output", None):
        return use_color(io.StringIO())  # not a terminal: only FORCE_COLOR colours it
    return use_color(sys.stdout)


def exit_code(result: AuditResult, args: argparse.Namespace) -> int:
    """2 for load errors; 1 for an unwaived finding as severe as ``--fail-on``; else 0."""
    if result.errors:
        return 2
    failing = SEVERITIES[: SEVERITIES.index(getattr(args, "fail_on", "error")) + 1]
    return 1 if any(c.severity in failing and not c.waived for c in result.conflicts) else 0


def emit(text: str, code: int, note: str = "", args: argparse.Namespace | None = None) -> int:
    """Print the report (and ``note`` on standard error), or write it to ``-o FILE``; the
    exit code (2 when it could not be written out)."""
    quiet = args is not None and getattr(args, "quiet", False)
    if note and not quiet:
        print(f"factcheck: {note}", file=sys.stderr)
    output = getattr(args, "output", None) if args is not None else None
    if output:
        try:
            Path(output).write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            print(f"factcheck: {output}: cannot be written: {exc.strerror or exc}", file=sys.stderr)
            return 2
        return code
    if quiet and code == 0 and args is not None and args.format == "text":
        return code  # nothing to report: nothing printed
    failed = write_stdout(text + "\n")
    return code if failed is None else failed


def write_stdout(text: str) -> int | None:
    """Write ``text`` to standard output as is: ``None``, or the exit code when it could
    not be written (every command's output goes through here)."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``factcheck audit | head``): end as a filter does when
        # its pipe closes, without a traceback.
        silence_stdout()
        return 128 + 13  # SIGPIPE
    except OSError as exc:  # a full disk, a closed file
        silence_stdout()
        print(f"factcheck: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return None


def silence_stdout() -> None:
    # Nothing more may reach the broken stdout, not even when Python flushes it at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def open_store(root: Path, args: argparse.Namespace) -> Store | None:
    """The store the command line opts in to, unless ``--no-cache`` or the environment
    says not to."""
    from factcheck.store import Store, default_directory, disabled_by_environment

    if args.no_cache or disabled_by_environment():
        return None
    return Store.open(Path(args.cache_dir) if args.cache_dir else default_directory(root))


def memo_key(scanned: Scan, args: argparse.Namespace) -> str | None:
    """What decides an audit's printed report: every file's name and bytes, factcheck's
    code (in the key), the day (waivers expire), every option, the colour choice and the
    baseline's bytes. ``None`` when something outside the corpus decides it (a git
    revision): that report is not kept."""
    from factcheck.store import content_key

    if args.new_since is not None:
        return None
    options = {k: v for k, v in sorted(vars(args).items()) if k not in ("no_cache", "cache_dir")}
    options["color_decided"] = color(args)
    # SARIF's relative URIs are based on the working directory, which it names.
    options["cwd"] = os.getcwd() if args.format == "sarif" else None
    baseline = baseline_path(scanned.root, args)
    try:
        options["baseline_bytes"] = baseline.read_bytes().hex() if baseline else None
    except OSError:
        return None  # the run reports why it cannot be read
    return content_key(
        "audit-report", scanned.state(), date.today().isoformat(), json.dumps(options, default=str)
    )


def stored_report(store: Store, key: str) -> tuple[str, int, str] | None:
    body = store.result(key)
    try:
        data = json.loads(body) if body is not None else None
        if isinstance(data, list) and len(data) == 3:
            text, note, code = data
            if isinstance(text, str) and code in (0, 1, 2) and isinstance(note, str):
                return text, code, note
    except ValueError:
        pass
    return None


def check_sources(args: argparse.Namespace) -> str | None:
    if args.sources is not None and not Path(args.sources).is_dir():
        return f"--sources {args.sources}: no such directory"
    return None
