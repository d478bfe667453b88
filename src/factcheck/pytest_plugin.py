"""The pytest door: ``pytest facts/`` is the consistency audit.

pytest loads this module through the ``pytest11`` entry point (``import factcheck`` never
imports it). It collects ``rules.yaml`` (or ``rules.yml``) in a corpus directory, i.e. next
to ``entities.yaml`` or ``properties.yaml``, as a file of test items:

* one item per rule, named by its id and located at its line; it fails with every
  unwaived error conflict of the rule (both sides' quotes and ``file:line``); a rule whose
  only error conflicts are waived is an xfail with the waiver reasons; warning and info
  conflicts never fail and are listed in a "factcheck" section of the terminal summary;
* an item per pseudo-rule that reported conflicts but is not in the rules file, such as
  ``waivers`` (stale or expired waivers), so that no conflict goes unreported;
* an item ``load`` that fails with every load error of the corpus, when there are any
  (draft claims count as errors, as in ``factcheck audit``, unless
  ``--factcheck-allow-drafts``);
* with ``--factcheck-sources DIR``, an item ``quotes`` that verifies the snapshots and
  quotes (see :mod:`factcheck.io.snapshots`).

The corpus is loaded and audited once per session, however many items report on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from factcheck.domain.conflict import AuditResult, Conflict
from factcheck.domain.corpus import Corpus
from factcheck.io.load import load
from factcheck.io.snapshots import verify_snapshots
from factcheck.report import render_conflict, render_error
from factcheck.rules import engine

if TYPE_CHECKING:
    from _pytest._code.code import ExceptionInfo, TerminalRepr

__all__ = ["ConflictsFound", "LoadItem", "QuotesItem", "RuleItem", "RulesFile"]

_RULES_NAMES = ("rules.yaml", "rules.yml")
_MARKERS = ("entities.yaml", "entities.yml", "properties.yaml", "properties.yml")


@dataclass
class _Audit:
    corpus: Corpus
    result: AuditResult
    quotes: tuple[Conflict, ...] | None = None


@dataclass
class _State:
    audits: dict[Path, _Audit] = field(default_factory=dict)
    shown: list[Conflict] = field(default_factory=list)


_STATE = pytest.StashKey[_State]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck", "factcheck consistency audit")
    group.addoption(
        "--factcheck-sources",
        metavar="DIR",
        default=None,
        help="directory of article snapshots: adds a 'quotes' item that verifies their "
        "sha256 and that every quote is verbatim",
    )
    group.addoption(
        "--factcheck-no-cache",
        action="store_true",
        default=False,
        help="neither read nor write factcheck's store (also: FACTCHECK_NO_CACHE=1)",
    )
    group.addoption(
        "--factcheck-allow-drafts",
        action="store_true",
        default=False,
        help="accept claims marked draft: true (default: each is a load error)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_STATE] = _State()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> RulesFile | None:
    if file_path.name in _RULES_NAMES and any((file_path.parent / m).is_file() for m in _MARKERS):
        return RulesFile.from_parent(parent, path=file_path)
    return None


def _audit(config: pytest.Config, root: Path) -> _Audit:
    state = config.stash[_STATE]
    if root not in state.audits:
        corpus = _load(config, _display(config, root))
        drafts = bool(config.getoption("factcheck_allow_drafts"))
        # Looked up at call time (not imported by name) so tests can count the calls.
        state.audits[root] = _Audit(corpus, engine.audit(corpus, allow_drafts=drafts))
    return state.audits[root]


def _load(config: pytest.Config, root: Path) -> Corpus:
    """The corpus, read through the store (the plugin opts in, as the command line does)."""
    from factcheck.store import Store, default_directory, disabled_by_environment

    if config.getoption("factcheck_no_cache") or disabled_by_environment():
        return load(root)
    store = Store.open(default_directory(root))
    if store is None:
        return load(root)
    with store:
        return load(root, store=store)


def _display(config: pytest.Config, path: Path) -> Path:
    # Cite facts/sources/x.yaml (relative to where pytest runs), like the CLI does.
    try:
        return path.relative_to(config.invocation_params.dir)
    except ValueError:
        return path


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


class ConflictsFound(Exception):
    """Raised by an item whose rule found unwaived error conflicts (or load errors)."""

    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report


class _FactcheckItem(pytest.Item):
    line: int = 0
    #: The file the item is about, when it is not the rules file (a waivers file).
    where: Path | None = None

    def repr_failure(
        self,
        excinfo: ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, ConflictsFound):
            return excinfo.value.report
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        # pytest counts lines from 0 and shows line + 1.
        return self.where or self.path, max(self.line - 1, 0), self.name

    @property
    def audited(self) -> _Audit:
        assert isinstance(self.parent, RulesFile)
        return _audit(self.config, self.parent.path.parent)

    def _judge(self, conflicts: list[Conflict], what: str) -> None:
        failing = [c for c in conflicts if c.severity == "error" and not c.waived]
        shown = [c for c in conflicts if c.severity != "error" and not c.waived]
        self.config.stash[_STATE].shown.extend(shown)
        if failing:
            body = "\n\n".join(render_conflict(c) for c in conflicts)
            count = _plural(len(failing), "unwaived error conflict")
            # pytest's short summary shows the start of the first line: the finding.
            first = failing[0].message
            raise ConflictsFound(f"{first} ({what}: {count})\n\n{body}")
        waived = [c for c in conflicts if c.waived]
        if waived:
            reasons = sorted({c.waiver_reason or "waived" for c in waived})
            pytest.xfail("waived: " + "; ".join(reasons))


class RuleItem(_FactcheckItem):
    """One rule of the corpus: fails with its unwaived error conflicts."""

    def __init__(self, *, line: int, where: Path | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.line = line
        self.where = where

    def runtest(self) -> None:
        result = self.audited.result
        self._judge([c for c in result.conflicts if c.rule == self.name], f"rule {self.name}")


class LoadItem(_FactcheckItem):
    """The corpus's load errors, if any: each with its ``file:line: field: message``."""

    def runtest(self) -> None:
        errors = self.audited.result.errors
        if errors:
            body = "\n".join(render_error(e) for e in errors)
            raise ConflictsFound(f"{_plural(len(errors), 'load error')}\n\n{body}")


class QuotesItem(_FactcheckItem):
    """Snapshot hashes and verbatim quotes (``--factcheck-sources DIR``)."""

    def runtest(self) -> None:
        audited = self.audited
        directory = self.config.getoption("factcheck_sources")
        if audited.quotes is None:
            audited.quotes = verify_snapshots(audited.corpus, directory)
        self._judge(list(audited.quotes), f"quotes against {directory}")


class RulesFile(pytest.File):
    """A corpus's rules file: one item per rule, plus ``load`` and ``quotes``."""

    def collect(self) -> Iterator[pytest.Item]:
        audited = _audit(self.config, self.path.parent)
        corpus, result = audited.corpus, audited.result
        here = self.path.resolve()
        if result.errors:
            yield LoadItem.from_parent(self, name="load")
        for rule in corpus.rules:
            place = corpus.rule_places[rule.id]
            if Path(place.file).resolve() == here:
                yield RuleItem.from_parent(self, name=rule.id, line=place.line)
        pseudo = {c.rule for c in result.conflicts} - {r.id for r in corpus.rules}
        for name in sorted(pseudo):
            first = next(c for c in result.conflicts if c.rule == name)
            cite = first.citations[0] if first.citations else None
            yield RuleItem.from_parent(
                self,
                name=name,
                line=cite.line if cite else 0,
                where=Path(cite.file).absolute() if cite else None,
            )
        if self.config.getoption("factcheck_sources"):
            yield QuotesItem.from_parent(self, name="quotes")


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    shown = config.stash[_STATE].shown if _STATE in config.stash else []
    if not shown:
        return
    terminalreporter.section("factcheck: warnings and info (these do not fail)")
    for c in shown:
        terminalreporter.line(render_conflict(c))
