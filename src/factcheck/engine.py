"""The rules engine: run each rule's check over the facts it selects.

Checks (in :mod:`factcheck.checks`) only say which facts clash and why; the engine
stamps the rule's id, kind and severity onto each finding, applies waivers and orders
the result, so a check stays a few lines long.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .checks import KINDS, Finding
from .conflict import AuditResult, Conflict
from .corpus import Corpus, Fact
from .errors import LoadError
from .model import Rule, Waiver
from .values import PartialDate

__all__ = ["audit", "select"]


def select(corpus: Corpus, rule: Rule) -> list[Fact]:
    """The facts a rule's selector picks, in a stable order."""
    s = rule.select
    subjects = {corpus.resolve(x) or x for x in s.subject} if s.subject else None
    props = set(s.property) if s.property else None
    kinds = set(s.entity_kind) if s.entity_kind else None
    out = [
        f
        for f in corpus.facts
        if (subjects is None or f.subject in subjects)
        and (props is None or f.prop.id in props)
        and (kinds is None or corpus.entities[f.subject].kind in kinds)
        and not f.claim.draft
    ]
    out.sort(key=lambda f: f.ref)
    return out


def _rule_errors(corpus: Corpus) -> list[LoadError]:
    errors = []
    for rule in corpus.rules:
        place = corpus.rule_places[rule.id]
        if rule.kind not in KINDS:
            known = ", ".join(sorted(KINDS))
            errors.append(
                LoadError(place.file, place.line, f"rules.{rule.id}.kind", f"unknown check kind {rule.kind!r}; known kinds: {known}")
            )
    return errors


def audit(corpus: Corpus, *, today: date | None = None) -> AuditResult:
    """Run every rule of the corpus and return conflicts and load errors together.

    The result does not depend on the order in which files or claims were loaded.
    ``today`` decides which waivers have expired (default: the current date).
    """
    errors = list(corpus.errors) + _rule_errors(corpus)
    conflicts: list[Conflict] = []
    for rule in corpus.rules:
        if rule.kind not in KINDS:
            continue
        facts = select(corpus, rule)
        for finding in KINDS[rule.kind](rule, facts, corpus):
            conflicts.append(_stamp(rule, finding))
    conflicts, waiver_errors = _apply_waivers(corpus, conflicts, today or date.today())
    errors.extend(waiver_errors)
    conflicts.sort(key=lambda c: c.sort_key)
    return AuditResult(
        conflicts=tuple(conflicts),
        errors=tuple(sorted(set(errors))),
        rules_run=tuple(r.id for r in corpus.rules),
    )



def _stamp(rule: Rule, finding: Finding) -> Conflict:
    citations = tuple(sorted({f.citation for f in finding.facts}))
    return Conflict(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        message=finding.message,
        citations=citations,
    )


def _apply_waivers(
    corpus: Corpus, conflicts: Iterable[Conflict], today: date
) -> tuple[list[Conflict], list[LoadError]]:
    out = list(conflicts)
    errors: list[LoadError] = []
    for waiver, place in zip(corpus.waivers, corpus.waiver_places, strict=True):
        if _expired(waiver, today):
            errors.append(
                LoadError(place.file, place.line, "expires", f"waiver for rule {waiver.rule!r} expired on {waiver.expires}")
            )
            continue
        wanted = frozenset(waiver.claims)
        hits = [i for i, c in enumerate(out) if c.rule == waiver.rule and wanted <= c.refs]
        if not hits:
            errors.append(
                LoadError(place.file, place.line, "claims",
                          f"stale waiver: rule {waiver.rule!r} reports no conflict involving {', '.join(sorted(wanted))}")
            )
        for i in hits:
            c = out[i]
            out[i] = Conflict(c.rule, c.kind, c.severity, c.message, c.citations, True, waiver.reason)
    return out, errors


def _expired(waiver: Waiver, today: date) -> bool:
    if waiver.expires is None:
        return False
    return PartialDate.parse(waiver.expires).span().end.date() <= today
