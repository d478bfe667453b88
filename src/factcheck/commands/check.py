"""``factcheck check FILE...``: the pre-commit entry; audits the corpus the files belong
to and reports only what involves them."""

from __future__ import annotations

import argparse
import dataclasses
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.commands.common import (
    baseline_path,
    check_sources,
    common_options,
    emit,
    exit_code,
    fail,
    known_note,
    load_baselines,
    open_store,
    render,
    run_audit,
    with_known,
)
from factcheck.domain.conflict import AuditResult
from factcheck.domain.errors import FactcheckError
from factcheck.io.discovery import YAML_SUFFIXES, scan

if TYPE_CHECKING:
    from factcheck.baseline import Baseline
    from factcheck.domain.corpus import Corpus


def corpus_root(file: str | os.PathLike[str]) -> Path | None:
    """The corpus directory a fact file belongs to, or ``None``.

    The nearest directory above the file that holds ``entities.yaml`` or
    ``properties.yaml`` (or ``.yml``), or is named ``facts``.
    """
    for d in Path(file).absolute().parents:
        if d.name == "facts" or any(
            _is_file(d / f"{stem}{suffix}")
            for stem in ("entities", "properties")
            for suffix in YAML_SUFFIXES
        ):
            return as_given(d, Path(file))
    return None


def _is_file(path: Path) -> bool:
    # Path.is_file raises for a file in a directory that cannot be searched (EACCES):
    # such a directory holds no definitions the hook can read.
    try:
        return path.is_file()
    except OSError:
        return False


def as_given(root: Path, file: Path) -> Path:
    # Keep the root relative when the file was named relatively, so reports cite
    # facts/sources/x.yaml rather than an absolute path.
    if file.is_absolute():
        return root
    try:
        return root.relative_to(Path.cwd())
    except ValueError:
        return root


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="fact files (as pre-commit passes)")
    common_options(p)


def real(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(path)


def involving(result: AuditResult, corpus: Corpus, files: set[str]) -> AuditResult:
    """What of ``result`` concerns ``files`` (real paths): their errors and the conflicts
    in which one of their claims is disputed (a claim cited only as support, say an
    article agreeing with the reference, does not make a conflict its file's concern).

    All of it when one of them is an entity, property, rule or waiver file: changing one
    can create or resolve a conflict anywhere.
    """
    if files & {real(f) for f in corpus.definition_files}:
        return result
    return dataclasses.replace(
        result,
        errors=tuple(e for e in result.errors if real(e.file) in files),
        conflicts=tuple(
            c for c in result.conflicts if any(real(x.file) in files for x in c.disputed)
        ),
    )


def not_a_fact_file(path: Path) -> str | None:
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


def run(args: argparse.Namespace) -> int:
    problem = check_sources(args)
    if problem:
        return fail(problem)
    roots, problems = by_corpus(args.files)
    if problems:
        return fail(problems)
    results: list[AuditResult] = []
    corpora: list[Corpus] = []
    notes: list[str] = []
    for root, files in roots.items():
        checked = check_corpus(root, files, args)
        if isinstance(checked, int):
            return checked
        result, corpus, note = checked
        results.append(result)
        corpora.append(corpus)
        notes += note
    combined = AuditResult(
        conflicts=tuple(c for r in results for c in r.conflicts),
        errors=tuple(e for r in results for e in r.errors),
        rules_run=tuple(dict.fromkeys(rule for r in results for rule in r.rules_run)),
    )
    # Reporters take one corpus (for rule descriptions); files from several corpora in
    # one commit are rare, and the first corpus describes the shared rule names.
    report = render(combined, corpora[0], args)
    return emit(report, exit_code(combined, args), "; ".join(notes), args)


def by_corpus(files: list[str]) -> tuple[dict[Path, set[str]], list[str]]:
    """The given files (real paths) by the corpus they belong to, and why any of them
    cannot be checked."""
    roots: dict[Path, set[str]] = {}
    problems = []
    for file in files:
        unreadable = not_a_fact_file(Path(file))
        root = None if unreadable else corpus_root(file)
        if unreadable:
            problems.append(f"{file}: {unreadable}")
        elif root is None:
            problems.append(
                f"{file}: not inside a fact corpus (no directory above it holds "
                "entities.yaml or properties.yaml or is named facts)"
            )
        else:
            roots.setdefault(root, set()).add(real(file))
    return roots, problems


def check_corpus(
    root: Path, files: set[str], args: argparse.Namespace
) -> tuple[AuditResult, Corpus, list[str]] | int:
    """What of the corpus at ``root`` involves ``files``, the corpus loaded for it and
    the notes to print; or the exit code when the corpus or its baselines cannot be read."""
    try:
        scanned = scan(root)
    except FactcheckError as exc:
        return fail(exc.errors or str(exc))
    baselines, bad = load_baselines(root, args)
    if bad:
        return fail(bad)
    baseline = baseline_path(root, args)
    changed_baseline = baseline is not None and real(baseline) in files
    if baseline is not None and changed_baseline:
        # A changed baseline can hide or reveal any finding: check them all.
        files = (files - {real(baseline)}) | {real(f) for f in scanned.files}
    from factcheck.hook import load_around

    store = open_store(scanned.root, args)
    # What was read (the hook hashes every file anyway), to know that a second reading
    # of the corpus reads the same.
    state = scanned.state() if baselines and store is not None else ""
    try:
        # Only the claims a conflict citing the given files can involve.
        around = load_around(root, files, store=store, scanned=scanned)
    finally:
        if store is not None:
            store.close()
    corpus = around.corpus
    full = run_audit(corpus, args)
    result = involving(full, corpus, files)
    if not baselines:
        return result, corpus, []

    def clean() -> bool:
        # Whether the whole corpus's audit has no load error, which decides stale entries
        # without the store. Known when the corpus is whole, or when reading a file gave
        # errors, or a given file has some (its errors are the whole audit's); else the
        # whole corpus is audited after all (asked only when a stale entry would show).
        if around.whole:
            return not full.errors
        if around.file_errors or result.errors:
            return False
        return not _whole_has_errors(root, state, args)

    result, note = without_known(
        full, result, corpus, files, baselines, changed_baseline, clean, args
    )
    return result, corpus, [note]


def _whole_has_errors(root: Path, state: str, args: argparse.Namespace) -> bool:
    """Whether a full audit of the corpus at ``root`` has load errors (loaded through the
    store); yes when the files are no longer those read first (``state``), as then
    a check cannot tell what a whole audit of what it read would have said."""
    from factcheck.io.load import load

    try:
        scanned = scan(root)
    except FactcheckError:
        return True
    if scanned.state() != state:
        return True
    store = open_store(scanned.root, args)
    try:
        corpus = load(root, scanned=scanned, store=store)
    finally:
        if store is not None:
            store.close()
    return bool(run_audit(corpus, args).errors)


def without_known(
    full: AuditResult,
    result: AuditResult,
    corpus: Corpus,
    files: set[str],
    baselines: list[Baseline],
    changed_baseline: bool,
    clean: Callable[[], bool],
    args: argparse.Namespace,
) -> tuple[AuditResult, str]:
    """``result`` (what of ``full`` involves ``files``) without the findings the
    baselines know, plus their stale entries, shown only when ``clean()`` (a full audit
    has no load error); and the note saying how many were hidden."""
    from factcheck.baseline import apply

    # Against every finding of the corpus loaded: one among fewer claims of a known
    # finding need not cite the files to keep that entry from being stale.
    everything = changed_baseline or bool(files & {real(f) for f in corpus.definition_files})
    scope = frozenset(s for s, f in corpus.source_files.items() if real(f) in files)
    applied = apply(full, baselines, in_scope=None if everything else scope)
    # With load errors anywhere, missing claims would look fixed: asked only when it matters.
    stale = applied.stale if applied.stale and clean() else ()
    known = {id(c) for c in applied.known}
    shown = [c for c in result.conflicts if id(c) not in known]
    count = len(result.conflicts) - len(shown)
    result = dataclasses.replace(result, conflicts=(*shown, *stale))
    mine = [c for c in involving(full, corpus, files).conflicts if id(c) in known]
    return with_known(result, mine, baselines, args), known_note(count, baselines)
