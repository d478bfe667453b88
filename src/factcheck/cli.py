"""The ``factcheck`` command line.

Each subcommand is a pair ``(configure, run)`` in :data:`COMMANDS`: ``configure`` adds
its arguments to an argparse parser, ``run`` takes the parsed arguments and returns the
exit code (0 clean, 1 conflicts, 2 bad input or usage). Adding a command touches its own
module and one line here.

* ``factcheck audit [PATH]``: audit a corpus directory (default ``facts``).
* ``factcheck check FILE...``: the pre-commit entry; audits the corpus the files belong to
  and reports only what involves them.
* ``factcheck baseline [PATH]``: write the findings the corpus has now to its baseline
  file; ``audit`` and ``check`` then fail only on new findings.
* ``factcheck schema``: the JSON Schema of fact files.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import io
import json
import os
import stat
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from factcheck import __version__
from factcheck.domain.conflict import SEVERITIES, AuditResult, Conflict
from factcheck.domain.corpus import Corpus
from factcheck.domain.errors import FactcheckError, LoadError
from factcheck.io.discovery import YAML_SUFFIXES, Scan, scan
from factcheck.io.load import load
from factcheck.report import REPORTERS
from factcheck.rules.engine import audit

if TYPE_CHECKING:
    from factcheck.baseline import Baseline
    from factcheck.store import Store

__all__ = ["COMMANDS", "corpus_root", "entry", "main"]

#: The baseline file of a corpus, inside it (``baseline.DEFAULT_NAME``; repeated here so
#: that a hook run in a corpus without a baseline never imports that module).
DEFAULT_NAME = ".factcheck-baseline.yaml"

Configure = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]


def _common_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format", choices=list(REPORTERS), default="text", help="output format (default: text)"
    )
    p.add_argument(
        "--sources",
        metavar="DIR",
        help="directory of article snapshots: verify their sha256 and that every quote is "
        "verbatim in its snapshot (rule 'quotes')",
    )
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
    p.add_argument(
        "--allow-drafts",
        action="store_true",
        help="accept claims marked draft: true (default: each is an error)",
    )
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
    _baseline_options(p)


def _baseline_options(p: argparse.ArgumentParser) -> None:
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


def _configure_audit(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default="facts", help="corpus directory (default: facts)")
    p.add_argument(
        "--coverage",
        action="store_true",
        help="also report each property used by claims that no rule checks (info)",
    )
    _common_options(p)


def _baseline_path(root: Path, args: argparse.Namespace) -> Path | None:
    """The baseline file in force for the corpus at ``root``, or ``None``."""
    if args.no_baseline:
        return None
    if args.baseline is not None:
        return Path(args.baseline)
    default = root / DEFAULT_NAME
    return default if default.is_file() else None


def _baselines(root: Path, args: argparse.Namespace) -> tuple[list[Baseline], list[LoadError]]:
    """The baselines ``args`` ask for: the baseline file and ``--new-since``."""
    out: list[Baseline] = []
    path = _baseline_path(root, args)
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


def _known_note(known: int, baselines: Sequence[Baseline]) -> str:
    if not baselines:
        return ""
    where = " and ".join(b.file for b in baselines)
    return f"{known} known finding{'s' if known != 1 else ''} not shown (in {where})"


def _fail(errors: Sequence[LoadError | str] | str) -> int:
    for line in [errors] if isinstance(errors, str) else errors:
        print(f"factcheck: {line}", file=sys.stderr)
    return 2


def _run_audit(corpus: Corpus, args: argparse.Namespace) -> AuditResult:
    sources: str | None = args.sources
    result = audit(
        corpus, allow_drafts=args.allow_drafts, coverage=getattr(args, "coverage", False)
    )
    if sources is not None:
        from factcheck.io.snapshots import merge, verify_snapshots

        result = merge(result, verify_snapshots(corpus, sources))
    return result


def _render(result: AuditResult, corpus: Corpus, args: argparse.Namespace) -> str:
    """``result`` in the chosen format, filtered by ``--severity``."""
    keep = SEVERITIES[: SEVERITIES.index(args.severity) + 1]
    shown = dataclasses.replace(
        result, conflicts=tuple(c for c in result.conflicts if c.severity in keep)
    )
    if args.format == "text":
        from factcheck.report import text

        return text(shown, corpus, color=_color(args))
    return REPORTERS[args.format](shown, corpus)


def _color(args: argparse.Namespace) -> bool:
    """Whether the text report is coloured: ``--color``, else the environment and the
    terminal (see :func:`factcheck.report.use_color`); never into ``-o FILE`` on auto."""
    from factcheck.report import use_color

    choice = getattr(args, "color", "auto")
    if choice != "auto":
        return bool(choice == "always")
    if getattr(args, "output", None):
        return use_color(io.StringIO())  # not a terminal: only FORCE_COLOR colours it
    return use_color(sys.stdout)


def _exit_code(result: AuditResult, args: argparse.Namespace) -> int:
    """2 for load errors; 1 for an unwaived finding as severe as ``--fail-on``; else 0."""
    if result.errors:
        return 2
    failing = SEVERITIES[: SEVERITIES.index(getattr(args, "fail_on", "error")) + 1]
    return 1 if any(c.severity in failing and not c.waived for c in result.conflicts) else 0


def _emit(text: str, code: int, note: str = "", args: argparse.Namespace | None = None) -> int:
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
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``factcheck audit | head``): end as a filter does when
        # its pipe closes, without a traceback.
        _silence_stdout()
        return 128 + 13  # SIGPIPE
    except OSError as exc:  # a full disk, a closed file
        _silence_stdout()
        print(f"factcheck: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return code


def _silence_stdout() -> None:
    # Nothing more may reach the broken stdout, not even when Python flushes it at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _open_store(root: Path, args: argparse.Namespace) -> Store | None:
    """The store the command line opts in to, unless ``--no-cache`` or the environment
    says not to."""
    from factcheck.store import Store, default_directory, disabled_by_environment

    if args.no_cache or disabled_by_environment():
        return None
    return Store.open(Path(args.cache_dir) if args.cache_dir else default_directory(root))


def _memo_key(scanned: Scan, args: argparse.Namespace) -> str | None:
    """What decides an audit's printed report: every file's name and bytes, factcheck's
    code (in the key), the day (waivers expire), every option, the colour choice and the
    baseline's bytes. ``None`` when something outside the corpus decides it (a git
    revision): that report is not kept."""
    from factcheck.store import content_key

    if args.new_since is not None:
        return None
    options = {k: v for k, v in sorted(vars(args).items()) if k not in ("no_cache", "cache_dir")}
    options["color_decided"] = _color(args)
    # SARIF's relative URIs are based on the working directory, which it names.
    options["cwd"] = os.getcwd() if args.format == "sarif" else None
    baseline = _baseline_path(scanned.root, args)
    try:
        options["baseline_bytes"] = baseline.read_bytes().hex() if baseline else None
    except OSError:
        return None  # the run reports why it cannot be read
    return content_key(
        "audit-report", scanned.state(), date.today().isoformat(), json.dumps(options, default=str)
    )


def _stored_report(store: Store, key: str) -> tuple[str, int, str] | None:
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


def _check_sources(args: argparse.Namespace) -> str | None:
    if args.sources is not None and not Path(args.sources).is_dir():
        return f"--sources {args.sources}: no such directory"
    return None


def _audit(args: argparse.Namespace) -> int:
    problem = _check_sources(args)
    if problem:
        return _fail(problem)
    try:
        scanned = scan(args.path)
    except FactcheckError as exc:
        return _fail(exc.errors or str(exc))
    store = _open_store(scanned.root, args)
    if store is None:
        return _emit(*_report(scanned, args, None), args)
    with store:
        # Snapshots live outside the corpus, so a report that verified them is not kept.
        key = _memo_key(scanned, args) if args.sources is None else None
        stored = _stored_report(store, key) if key is not None else None
        if stored is not None:  # nothing that decides the report changed
            return _emit(*stored, args)
        report = _report(scanned, args, store)
        if key is not None:
            text, code, note = report
            store.write(results=[(key, json.dumps([text, note, code]).encode())])
        return _emit(*report, args)


def _report(scanned: Scan, args: argparse.Namespace, store: Store | None) -> tuple[str, int, str]:
    """The printed report of an audit, its exit code and the note for standard error."""
    baselines, problems = _baselines(scanned.root, args)
    if problems:
        from factcheck.report import render_error

        return "\n".join(render_error(e) for e in problems), 2, ""
    corpus = load(args.path, scanned=scanned, store=store)
    result = _run_audit(corpus, args)
    note = ""
    if baselines:
        from factcheck.baseline import apply

        # With load errors some claims are missing: their entries would look stale.
        applied = apply(result, baselines, report_stale=not result.errors)
        note = _known_note(len(applied.known), baselines)
        result = _with_known(applied.result, applied.known, baselines, args)
    return _render(result, corpus, args), _exit_code(result, args), note


def _with_known(
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


def corpus_root(file: str | os.PathLike[str]) -> Path | None:
    """The corpus directory a fact file belongs to, or ``None``.

    The nearest directory above the file that holds ``entities.yaml`` or
    ``properties.yaml`` (or ``.yml``), or is named ``facts``.
    """
    for d in Path(file).absolute().parents:
        if d.name == "facts" or any(
            (d / f"{stem}{suffix}").is_file()
            for stem in ("entities", "properties")
            for suffix in YAML_SUFFIXES
        ):
            return _as_given(d, Path(file))
    return None


def _as_given(root: Path, file: Path) -> Path:
    # Keep the root relative when the file was named relatively, so reports cite
    # facts/sources/x.yaml rather than an absolute path.
    if file.is_absolute():
        return root
    try:
        return root.relative_to(Path.cwd())
    except ValueError:
        return root


def _configure_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="fact files (as pre-commit passes)")
    _common_options(p)


def _real(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(path)


def _involving(result: AuditResult, corpus: Corpus, files: set[str]) -> AuditResult:
    """What of ``result`` concerns ``files`` (real paths): their errors and conflicts.

    All of it when one of them is an entity, property, rule or waiver file: changing one
    can create or resolve a conflict anywhere.
    """
    if files & {_real(f) for f in corpus.definition_files}:
        return result
    return dataclasses.replace(
        result,
        errors=tuple(e for e in result.errors if _real(e.file) in files),
        conflicts=tuple(
            c for c in result.conflicts if any(_real(x.file) in files for x in c.citations)
        ),
    )


def _not_a_fact_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a fact file, or ``None``."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such file"
    except OSError as exc:  # a link loop, a permission problem
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return "is a directory, not a fact file (give the files in it)"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, socket or device): not read"
    return None


def _check(args: argparse.Namespace) -> int:
    problem = _check_sources(args)
    if problem:
        return _fail(problem)
    roots: dict[Path, set[str]] = {}
    problems = []
    for file in args.files:
        root = corpus_root(file)
        unreadable = _not_a_fact_file(Path(file))
        if unreadable:
            problems.append(f"{file}: {unreadable}")
        elif root is None:
            problems.append(
                f"{file}: not inside a fact corpus (no directory above it holds "
                "entities.yaml or properties.yaml or is named facts)"
            )
        else:
            roots.setdefault(root, set()).add(_real(file))
    if problems:
        return _fail(problems)
    from factcheck.hook import load_around

    results: list[AuditResult] = []
    corpora: list[Corpus] = []
    notes: list[str] = []
    for root, files in roots.items():
        try:
            scanned = scan(root)
        except FactcheckError as exc:
            return _fail(exc.errors or str(exc))
        baselines, bad = _baselines(root, args)
        if bad:
            return _fail(bad)
        baseline = _baseline_path(root, args)
        changed_baseline = baseline is not None and _real(baseline) in files
        if baseline is not None and changed_baseline:
            # A changed baseline can hide or reveal any finding: check them all.
            files = (files - {_real(baseline)}) | {_real(f) for f in scanned.files}
        store = _open_store(scanned.root, args)
        try:
            # Only the claims a conflict citing the given files can involve.
            corpus = load_around(root, files, store=store, scanned=scanned)
        finally:
            if store is not None:
                store.close()
        corpora.append(corpus)
        full = _run_audit(corpus, args)
        result = _involving(full, corpus, files)
        if baselines:
            from factcheck.baseline import apply

            # Against every finding of the corpus loaded: one among fewer claims of a
            # known finding need not cite the files to keep that entry from being stale.
            everything = changed_baseline or bool(
                files & {_real(f) for f in corpus.definition_files}
            )
            scope = frozenset(s for s, f in corpus.source_files.items() if _real(f) in files)
            applied = apply(
                full,
                baselines,
                in_scope=None if everything else scope,
                report_stale=not full.errors,  # missing claims would look fixed
            )
            known = {id(c) for c in applied.known}
            shown = [c for c in result.conflicts if id(c) not in known]
            count = len(result.conflicts) - len(shown)
            result = dataclasses.replace(result, conflicts=(*shown, *applied.stale))
            notes.append(_known_note(count, baselines))
            mine = [c for c in _involving(full, corpus, files).conflicts if id(c) in known]
            result = _with_known(result, mine, baselines, args)
        results.append(result)
    combined = AuditResult(
        conflicts=tuple(c for r in results for c in r.conflicts),
        errors=tuple(e for r in results for e in r.errors),
        rules_run=tuple(dict.fromkeys(rule for r in results for rule in r.rules_run)),
    )
    # Reporters take one corpus (for rule descriptions); files from several corpora in
    # one commit are rare, and the first corpus describes the shared rule names.
    report = _render(combined, corpora[0], args)
    return _emit(report, _exit_code(combined, args), "; ".join(notes), args)


def _configure_baseline(p: argparse.ArgumentParser) -> None:
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


def _write_baseline(args: argparse.Namespace) -> int:
    """Write the findings the corpus has now as its baseline; 2 on load errors."""
    from factcheck.baseline import dumps

    try:
        corpus = load(args.path)
    except FactcheckError as exc:
        return _fail(exc.errors or str(exc))
    result = audit(corpus, allow_drafts=args.allow_drafts)
    if result.errors:
        return _fail([*result.errors, "the baseline was not written: fix the load errors first"])
    target = Path(args.baseline) if args.baseline else Path(args.path) / DEFAULT_NAME
    text = dumps(result.conflicts)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        return _fail(f"{target}: cannot be written: {exc.strerror or exc}")
    count = text.count("\n- rule: ")
    print(
        f"factcheck: wrote {count} finding{'s' if count != 1 else ''} to {target}", file=sys.stderr
    )
    return 0


def _configure_schema(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--corpus",
        metavar="DIR",
        help="also list DIR's entity ids (and aliases) and property ids as the values a "
        "claim's subject and property may take, for completion in editors",
    )


# `extract` imports its module (20 ms of patterns and tables) only when it is the command
# (see _parser): the pre-commit hook never pays for it.
def _configure_extract(p: argparse.ArgumentParser) -> None:
    from factcheck.extract import configure

    configure(p)


def _extract(args: argparse.Namespace) -> int:
    from factcheck.extract import run

    return run(args)


def _schema(args: argparse.Namespace) -> int:
    from factcheck.io.schema import fact_file_schema

    if args.corpus is None:
        return _emit(json.dumps(fact_file_schema(), indent=2), 0)
    try:
        corpus = load(args.corpus)
    except FactcheckError as exc:
        return _fail(exc.errors or str(exc))
    if corpus.errors:  # ids from a corpus that does not load would mislead
        return _fail([*corpus.errors, "no schema written: fix the load errors first"])
    return _emit(json.dumps(fact_file_schema(corpus), indent=2), 0)


def _configure_coverage(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default="facts", help="corpus directory (default: facts)")


def _coverage(args: argparse.Namespace) -> int:
    """Each property claims use, its number of claims and the rules that check it."""
    from factcheck.rules.engine import rule_coverage

    try:
        corpus = load(args.path)
    except FactcheckError as exc:
        return _fail(exc.errors or str(exc))
    if corpus.errors:
        return _fail(corpus.errors)
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
    print("\n".join(lines))
    print(f"{unchecked} properties used by claims are checked by no rule", file=sys.stderr)
    return 0


#: Subcommands: name -> (help, configure, run).
COMMANDS: dict[str, tuple[str, Configure, Run]] = {
    "audit": ("audit a corpus directory for contradictions", _configure_audit, _audit),
    "check": (
        "check fact files (pre-commit): report their errors and the conflicts they are in",
        _configure_check,
        _check,
    ),
    "baseline": (
        "write the corpus's findings to its baseline: from then on only new ones fail",
        _configure_baseline,
        _write_baseline,
    ),
    "schema": ("print the JSON Schema of fact files", _configure_schema, _schema),
    "extract": ("draft a fact file from a source text", _configure_extract, _extract),
    "coverage": (
        "list each property claims use and the rules that check it",
        _configure_coverage,
        _coverage,
    ),
}


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
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Audit a body of sources for contradictions.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    named = next((a for a in argv if not a.startswith("-")), None)
    for name, (help_text, configure, _run) in COMMANDS.items():
        command = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EPILOG if name in CONFIGURED else None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if named not in COMMANDS or named == name:
            configure(command)
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
        return _fail(exc.errors)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 for --help
        return int(exc.code or 0)
    return COMMANDS[args.command][2](args)


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
