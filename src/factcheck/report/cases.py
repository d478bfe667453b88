"""An audit as test cases: one per finding, per load error, and per rule that found nothing.

Test runners (the pytest door) show each case as an item of its own, so that a finding
can be selected, deselected and tracked by name. A case is named after its rule and a
short key: ``capacity-agrees[cecot]``, the subject most of the claims it cites are about
(on a tie, that of its first citation, the claim the finding is about). When a rule has
several findings on one subject, the key goes on to the source (``cecot/bluenews``), then
the claim, then the finding's own key, as far as it takes to tell them apart. Names
depend only on the findings of the same rule, so a finding has the same name whichever
file it is collected from, and its name changes only when another finding of its rule on
the same subject comes or goes.

:func:`cases` decides each case's outcome: a load error fails; a finding fails when it
is as severe as ``fail_on`` and neither waived nor known (in a baseline); waived and known
findings are expected failures; a rule without findings passes, as does a finding less
severe than ``fail_on`` (listed, not failed). Nothing here imports a test runner.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from factcheck.domain.conflict import SEVERITIES, AuditResult, Conflict, Severity
from factcheck.domain.corpus import Corpus
from factcheck.domain.errors import LoadError
from factcheck.report.reporters import render_conflict, render_error

__all__ = ["LOAD", "Case", "Outcome", "cases", "finding_names"]

#: The rule name load errors are reported under.
LOAD = "load"

Outcome = Literal["failed", "passed", "xfailed"]


@dataclass(frozen=True, slots=True)
class Case:
    """One test case: what it is called, where it points, how it ends and why."""

    #: ``rule`` or ``rule[key]``.
    name: str
    rule: str
    #: The file and 1-based line the case points at: a finding's first citation (the fact
    #: file), a load error's place, or the rule's line in the rules file.
    file: str
    line: int
    outcome: Outcome
    #: The one-line message (a finding's message, ``field: message`` of a load error).
    message: str
    #: The full report: the finding with each side's ``file:line`` and quote.
    report: str = ""
    #: Why a case is an expected failure (the waiver's reason, the baseline it is in).
    reason: str = ""
    #: The finding, when the case is one.
    conflict: Conflict | None = None
    #: Every file the case cites (both sides of a finding), as written in the citations.
    files: tuple[str, ...] = ()


def cases(
    corpus: Corpus,
    result: AuditResult,
    *,
    known: Sequence[Conflict] = (),
    known_reason: str = "known: in the baseline",
    fail_on: Severity = "error",
    only: str | Path | None = None,
) -> list[Case]:
    """The cases of an audit: load errors, then each rule in order with its findings (or
    one passing case), then findings of rules not in the rules file (such as ``waivers``).

    ``known`` are findings a baseline holds (already taken out of ``result``). With
    ``only`` (a file), only the findings and load errors citing that file are kept, and
    every rule with none of them there is one passing case.
    """
    failing = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    where = Path(only).resolve() if only is not None else None
    out = [_load_case(e, corpus) for e in result.errors if where is None or _same(e.file, where)]
    findings = [*result.conflicts, *known]
    names = finding_names(findings, {f.ref: f.subject for f in corpus.facts})
    known_ids = {id(c) for c in known}
    by_rule: dict[str, list[Conflict]] = defaultdict(list)
    for c in sorted(findings, key=lambda c: c.sort_key):
        if where is None or any(_same(x.file, where) for x in c.citations):
            by_rule[c.rule].append(c)
    rule_ids = [r.id for r in corpus.rules]
    pseudo = sorted({c.rule for c in findings} - set(rule_ids))
    for rule in [*rule_ids, *pseudo]:
        if not by_rule[rule]:
            if rule in corpus.rule_places:
                place = corpus.rule_places[rule]
                out.append(Case(rule, rule, place.file, place.line, "passed", "no findings"))
            continue
        for c in by_rule[rule]:
            if id(c) in known_ids:
                out.append(_finding_case(c, names[id(c)], failing, known_reason))
            else:
                why = (c.waiver_reason or "waived") if c.waived else None
                out.append(_finding_case(c, names[id(c)], failing, why))
    return out


def _same(file: str, where: Path) -> bool:
    return Path(file).resolve() == where


def _finding_case(c: Conflict, name: str, failing: Sequence[Severity], excused: str | None) -> Case:
    """The case of finding ``c``; ``excused`` is why it is expected (waived or known)."""
    first = c.citations[0] if c.citations else None
    outcome: Outcome = "xfailed" if excused else "failed" if c.severity in failing else "passed"
    return Case(
        name=name,
        rule=c.rule,
        file=first.file if first else "",
        line=first.line if first else 0,
        outcome=outcome,
        message=c.message,
        report=render_conflict(c),
        reason=excused or "",
        conflict=c,
        files=tuple(dict.fromkeys(x.file for x in c.citations)),
    )


def _load_case(e: LoadError, corpus: Corpus) -> Case:
    try:
        shown = Path(e.file).resolve().relative_to(corpus.root.resolve()).as_posix()
    except ValueError:
        shown = Path(e.file).name
    key = f"{shown}:{e.line}" if e.line is not None else shown
    message = f"{e.field}: {e.message}" if e.field else e.message
    return Case(
        name=f"{LOAD}[{_word(key)}]",
        rule=LOAD,
        file=e.file,
        line=e.line or 1,
        outcome="failed",
        message=message,
        report=render_error(e),
        files=(e.file,),
    )


def finding_names(findings: Iterable[Conflict], subjects: Mapping[str, str]) -> dict[int, str]:
    """``rule[key]`` for each finding (by ``id()``), unique within its rule.

    ``subjects`` maps each claim (``source-id/claim-id``) to the entity it is about.
    """
    by_rule: dict[str, list[Conflict]] = defaultdict(list)
    for c in findings:
        by_rule[c.rule].append(c)
    names: dict[int, str] = {}
    for rule, group in by_rule.items():
        keys = {id(c): _subject(c, subjects) for c in group}
        for widen in (_with_source, _with_claim, _with_key):
            counts = Counter(keys.values())
            if all(n == 1 for n in counts.values()):
                break
            for c in group:
                if counts[keys[id(c)]] > 1:
                    keys[id(c)] = widen(keys[id(c)], c)
        seen: Counter[str] = Counter()
        for c in sorted(group, key=lambda c: c.sort_key):
            key = keys[id(c)]
            seen[key] += 1
            # Identical findings (same rule, same claims, same key) are told apart by order.
            suffix = f"-{seen[key]}" if seen[key] > 1 else ""
            names[id(c)] = f"{rule}[{_word(key)}{suffix}]"
    return names


def _subject(c: Conflict, subjects: Mapping[str, str]) -> str:
    if not c.citations:
        return c.key[:8] or "corpus"
    first = c.citations[0]
    if first.ref not in subjects:
        # Pseudo-rules (stale waivers and baseline entries) cite the rule they are about.
        return first.claim
    # What most of the claims are about (a misspelt name is quoted in claims about other
    # things); on a tie, what the first one is about.
    about = Counter(subjects[x.ref] for x in c.citations if x.ref in subjects)
    return max(about, key=lambda s: (about[s], s == subjects[first.ref]))


def _with_source(key: str, c: Conflict) -> str:
    return f"{key}/{c.citations[0].source}" if c.citations else key


def _with_claim(key: str, c: Conflict) -> str:
    return f"{key}/{c.citations[0].claim}" if c.citations else key


def _with_key(key: str, c: Conflict) -> str:
    return f"{key}/{c.key[:8]}" if c.key else key


_NOT_A_WORD = re.compile(r"[^\w.:/+-]+")


def _word(text: str) -> str:
    """``text`` as one word of a ``-k`` expression (letters, digits, ``_.:/+-``)."""
    return _NOT_A_WORD.sub("-", text).strip("-") or "-"
