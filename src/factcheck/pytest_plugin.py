"""The pytest door: ``pytest facts/`` is the consistency audit.

pytest loads this module through the ``pytest11`` entry point (``import factcheck`` never
imports it). It collects ``rules.yaml`` (or ``rules.yml``) in a corpus directory, i.e. next
to ``entities.yaml`` or ``properties.yaml``, as a file of test items, one per case of
:mod:`factcheck.report.cases`:

* one item per finding, named ``rule[key]`` (``capacity-agrees[cecot]``, so ``-k cecot``
  selects it) and located at the fact file line of the claim it is about; it fails when
  the finding is as severe as ``--factcheck-fail-on`` (default ``error``), showing both
  sides' quotes and ``file:line``, with the finding's message in the short summary;
  waived findings and findings in the baseline are xfail with the reason; less severe
  findings pass and are listed in a "factcheck" section of the terminal summary;
* one passing item per rule without findings, at the rule's line;
* findings of pseudo-rules that are not in the rules file, such as ``waivers`` (stale or
  expired waivers) and ``baseline`` (stale baseline entries), so nothing goes unreported;
* one failing item per load error, ``load[sources/a.yaml:7]``, located at its file and
  line (draft claims count as errors, as in ``factcheck audit``, unless
  ``--factcheck-allow-drafts``);
* with ``--factcheck-sources DIR``, an item ``quotes`` that verifies the snapshots and
  quotes (see :mod:`factcheck.io.snapshots`).

A fact file (or a directory inside a corpus) given on the command line, such as
``pytest facts/sources/a.yaml``, collects the same items restricted to that file: the
findings and load errors that cite it, and a passing item for every rule with none there.

The baseline is the corpus's ``.factcheck-baseline.yaml`` when it exists, as for the
command line (``--factcheck-baseline FILE``, ``--factcheck-no-baseline``). The corpus is
loaded and audited once per session, however many items report on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from _pytest._code.code import ReprFileLocation, TerminalRepr

# Only what pytest's start-up needs is imported here: the plugin is loaded in every pytest
# session of an environment where factcheck is installed, fact files or not. The loader,
# the engine and the reports are imported when a corpus is collected.
from factcheck.domain.conflict import SEVERITIES, AuditResult, Conflict, Severity

if TYPE_CHECKING:
    from _pytest._code.code import ExceptionInfo
    from _pytest._io import TerminalWriter

    from factcheck.domain.corpus import Corpus
    from factcheck.report.cases import Case

__all__ = ["CaseItem", "FactFile", "FindingFailed", "QuotesItem", "RulesFile"]

_RULES_NAMES = ("rules.yaml", "rules.yml")
_MARKERS = ("entities.yaml", "entities.yml", "properties.yaml", "properties.yml")
_BASELINE = ".factcheck-baseline.yaml"


@dataclass
class _Audit:
    corpus: Corpus
    result: AuditResult
    known: tuple[Conflict, ...] = ()
    known_reason: str = ""
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
    group.addoption(
        "--factcheck-fail-on",
        choices=SEVERITIES,
        default="error",
        help="fail the items of findings at least this severe (default: error)",
    )
    group.addoption(
        "--factcheck-baseline",
        metavar="FILE",
        default=None,
        help="findings listed in FILE are xfail (default: the corpus's "
        f"{_BASELINE} when it exists)",
    )
    group.addoption(
        "--factcheck-no-baseline",
        action="store_true",
        default=False,
        help="ignore the baseline: every finding is judged",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_STATE] = _State()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.File | None:
    if file_path.name in _RULES_NAMES and _is_corpus(file_path.parent):
        return RulesFile.from_parent(parent, path=file_path)
    if file_path.suffix in (".yaml", ".yml"):
        root = _asked_for(file_path, parent.session)
        if root is not None:
            return FactFile.from_parent(parent, path=file_path, root=root)
    return None


def _is_corpus(directory: Path) -> bool:
    return any((directory / m).is_file() for m in _MARKERS) and any(
        (directory / r).is_file() for r in _RULES_NAMES
    )


def _asked_for(file_path: Path, session: pytest.Session) -> Path | None:
    """The corpus root of a file in a corpus given (or under a directory given) on the
    command line; ``None`` when the corpus itself was given (its rules file reports)."""
    asked = False
    for here in (file_path, *file_path.parents):
        if here is not file_path and _is_corpus(here):
            covered = any(session.isinitpath(p) for p in (here, *here.parents))
            return here if asked and not covered else None
        asked = asked or session.isinitpath(here)
    return None


def _audit(config: pytest.Config, root: Path) -> _Audit:
    state = config.stash[_STATE]
    if root not in state.audits:
        corpus = _load(config, _display(config, root))
        drafts = bool(config.getoption("factcheck_allow_drafts"))
        from factcheck.rules import engine

        # Looked up at call time (not imported by name) so tests can count the calls.
        audited = _Audit(corpus, engine.audit(corpus, allow_drafts=drafts))
        state.audits[root] = _with_baseline(config, root, audited)
    return state.audits[root]


def _with_baseline(config: pytest.Config, root: Path, audited: _Audit) -> _Audit:
    """``audited`` with the baseline's findings taken out as known (or its problems as
    load errors)."""
    if config.getoption("factcheck_no_baseline"):
        return audited
    asked = config.getoption("factcheck_baseline")
    path = Path(asked) if asked else root / _BASELINE
    if not asked and not path.is_file():
        return audited
    from factcheck.baseline import apply, read
    from factcheck.domain.errors import LoadError

    result = audited.result
    shown = str(_display(config, path.absolute()))
    if not path.is_file():
        problem = LoadError(shown, None, "", "--factcheck-baseline: no such file")
        audited.result = AuditResult(result.conflicts, (*result.errors, problem), result.rules_run)
        return audited
    baseline, problems = read(path, shown)
    if problems:
        audited.result = AuditResult(result.conflicts, (*result.errors, *problems))
        return audited
    applied = apply(result, [baseline], report_stale=not result.errors)
    audited.result, audited.known = applied.result, applied.known
    audited.known_reason = f"known: in {shown}"
    return audited


def _load(config: pytest.Config, root: Path) -> Corpus:
    """The corpus, read through the store (the plugin opts in, as the command line does)."""
    from factcheck.io.load import load
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


def _cases(config: pytest.Config, root: Path, only: Path | None = None) -> list[Case]:
    from factcheck.report.cases import cases

    audited = _audit(config, root)
    fail_on: Severity = config.getoption("factcheck_fail_on")
    return cases(
        audited.corpus,
        audited.result,
        known=audited.known,
        known_reason=audited.known_reason,
        fail_on=fail_on,
        only=only,
    )


class FindingFailed(Exception):
    """Raised by an item whose finding (or load error) fails."""

    def __init__(self, case: Case) -> None:
        super().__init__(case.message)
        self.case = case


class _FindingRepr(TerminalRepr):
    """A failure as the finding's report; ``reprcrash`` carries its one-line message to
    pytest's short summary (and to JUnit XML)."""

    def __init__(self, case: Case, path: Path) -> None:
        self.report = case.report or case.message
        self.reprcrash = ReprFileLocation(str(path), case.line, case.message)

    def toterminal(self, tw: TerminalWriter) -> None:
        for line in self.report.splitlines():
            tw.line(line)

    def __str__(self) -> str:
        # What a report becomes when it crosses processes (pytest-xdist sends text, and
        # the short summary shows its first line): the message first, then the report.
        return f"{self.reprcrash.message}\n\n{self.report}"


class _FactcheckItem(pytest.Item):
    def repr_failure(
        self,
        excinfo: ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, FindingFailed):
            case = excinfo.value.case
            return _FindingRepr(case, _display(self.config, self._where(case.file)))
        return super().repr_failure(excinfo, style=style)

    def _where(self, file: str) -> Path:
        return (self.config.invocation_params.dir / file).absolute() if file else self.path


class CaseItem(_FactcheckItem):
    """One case: a finding (failing, xfail or passing by severity), a load error, or a
    rule that found nothing."""

    def __init__(self, *, case: Case, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        case = self.case
        if case.outcome == "failed":
            raise FindingFailed(case)
        if case.outcome == "xfailed":
            pytest.xfail(case.reason)
        if case.conflict is not None:  # less severe than --factcheck-fail-on: listed
            self.config.stash[_STATE].shown.append(case.conflict)

    def reportinfo(self) -> tuple[Path, int, str]:
        # pytest counts lines from 0 and shows line + 1.
        return self._where(self.case.file), max(self.case.line - 1, 0), self.name


class QuotesItem(_FactcheckItem):
    """Snapshot hashes and verbatim quotes (``--factcheck-sources DIR``)."""

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, self.name

    def runtest(self) -> None:
        from factcheck.io.snapshots import verify_snapshots
        from factcheck.report import render_conflict
        from factcheck.report.cases import Case

        assert isinstance(self.parent, RulesFile)
        audited = _audit(self.config, self.parent.path.parent)
        directory = self.config.getoption("factcheck_sources")
        if audited.quotes is None:
            audited.quotes = verify_snapshots(audited.corpus, directory)
        failing = [c for c in audited.quotes if c.severity == "error" and not c.waived]
        self.config.stash[_STATE].shown.extend(c for c in audited.quotes if c not in failing)
        if failing:
            n = len(failing)
            body = "\n\n".join(render_conflict(c) for c in audited.quotes)
            first = failing[0]
            message = f"{first.message} ({n} quote problem{'s' if n != 1 else ''})"
            raise FindingFailed(
                Case(
                    "quotes",
                    "quotes",
                    first.citations[0].file if first.citations else "",
                    first.citations[0].line if first.citations else 0,
                    "failed",
                    message,
                    body,
                )
            )


class RulesFile(pytest.File):
    """A corpus's rules file: an item per finding and per rule without one, the load
    errors, and ``quotes``."""

    def collect(self) -> Iterator[pytest.Item]:
        corpus = _audit(self.config, self.path.parent).corpus
        here = self.path.resolve()
        elsewhere = {
            rule for rule, place in corpus.rule_places.items() if Path(place.file).resolve() != here
        }
        for case in _cases(self.config, self.path.parent):
            if case.rule not in elsewhere:
                yield CaseItem.from_parent(self, name=case.name, case=case)
        if self.config.getoption("factcheck_sources"):
            yield QuotesItem.from_parent(self, name="quotes")


class FactFile(pytest.File):
    """A fact file given on the command line: the cases that cite it."""

    def __init__(self, *, root: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.root = root

    def collect(self) -> Iterator[pytest.Item]:
        for case in _cases(self.config, self.root, only=self.path):
            yield CaseItem.from_parent(self, name=case.name, case=case)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    shown = config.stash[_STATE].shown if _STATE in config.stash else []
    if not shown:
        return
    from factcheck.report import render_conflict

    terminalreporter.section("factcheck: findings that do not fail")
    for c in shown:
        terminalreporter.line(render_conflict(c))
