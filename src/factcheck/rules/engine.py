"""The rules engine: run each rule's check over the facts it selects.

Checks (in :mod:`factcheck.rules.checks`) only say which facts clash and why; the engine
validates each rule (kind, params, selector), stamps the rule's id, kind and severity onto
each finding, applies waivers and orders the result, so a check stays a few lines long.

Waivers that match no conflict (stale) or have expired are reported as error-severity
conflicts of the pseudo-rule ``waivers`` (kind ``waiver``), citing the waiver's own file
and line: the input is valid, but a reviewed assertion no longer holds, like a strict
xfail that passes. They make the audit fail (exit 1), not the loading (exit 2).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from pydantic import ValidationError

from factcheck.domain.conflict import AuditResult, Citation, Conflict
from factcheck.domain.corpus import Corpus, Fact, Located
from factcheck.domain.errors import LoadError, did_you_mean
from factcheck.domain.model import Rule, Waiver
from factcheck.domain.values import PartialDate
from factcheck.io.gc_pause import paused_during
from factcheck.rules.checks import KINDS, PARAMS, Finding, Params

__all__ = [
    "COVERAGE_RULE",
    "WAIVER_RULE",
    "audit",
    "draft_errors",
    "rule_coverage",
    "select",
    "supersede_errors",
]

#: Rule id under which stale and expired waivers are reported.
WAIVER_RULE = "waivers"
#: Rule id under which properties no rule checks are reported (``info``).
COVERAGE_RULE = "coverage"
#: How many claims a coverage finding cites.
_COVERAGE_SHOWN = 3


def select(corpus: Corpus, rule: Rule) -> list[Fact]:
    """The facts a rule's selector picks, in a stable order (drafts excluded)."""
    s = rule.select
    subjects = {corpus.resolve(x) or x for x in s.subject} if s.subject else None
    props = set(s.property) if s.property else None
    kinds = set(s.entity_kind) if s.entity_kind else None
    pool = corpus.facts if props is None else [f for p in props for f in corpus.facts_of(p)]
    out = [
        f
        for f in pool
        if (subjects is None or f.subject in subjects)
        and (props is None or f.prop.id in props)
        and (kinds is None or corpus.entities[f.subject].kind in kinds)
        and not f.claim.draft
    ]
    out.sort(key=lambda f: f.ref)
    return out


def _param_fields(params: Params) -> list[tuple[str, str]]:
    """The property ids the params name, each with the field that names it
    (``params.max``, ``params.parts.1``), as pydantic names a bad field."""
    out = []
    for prop in params.properties():
        where = "params"
        for name in type(params).model_fields:
            value = getattr(params, name)
            if value == prop:
                where = f"params.{name}"
            elif isinstance(value, list) and prop in value:
                where = f"params.{name}.{value.index(prop)}"
            else:
                continue
            break
        out.append((where, prop))
    return out


def _rule_errors(corpus: Corpus, rule: Rule) -> list[LoadError]:
    """Everything wrong with one rule: its kind, its params, the names it uses."""
    place = corpus.rule_places[rule.id]
    if rule.kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        problems = [("kind", f"unknown check kind {rule.kind!r}; known kinds: {known}")]
    else:
        try:
            params = PARAMS[rule.kind].model_validate(rule.params)
        except ValidationError as exc:
            problems = _params_problems(rule, exc)
        else:
            problems = _name_problems(corpus, rule, params)
    return [
        LoadError(place.file, place.line, f"rules.{rule.id}.{where}", message)
        for where, message in problems
    ]


def _params_problems(rule: Rule, exc: ValidationError) -> list[tuple[str, str]]:
    """Where in the rule and what is wrong, for each error validating its params."""
    problems = []
    for e in exc.errors(include_url=False):
        loc = ".".join(str(x) for x in e["loc"])
        msg = str(e["msg"]).removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            allowed = ", ".join(PARAMS[rule.kind].model_fields) or "none"
            msg = f"unknown parameter for kind {rule.kind!r}; allowed: {allowed}"
        problems.append(("params" + (f".{loc}" if loc else ""), msg))
    return problems


def _name_problems(corpus: Corpus, rule: Rule, params: Params) -> list[tuple[str, str]]:
    """The properties, entities and entity kinds the rule names that the corpus lacks."""
    problems = []
    named = _param_fields(params)
    named += [("select.property", p) for p in rule.select.property or []]
    for where, prop in named:
        if prop not in corpus.properties:
            problems.append(
                (where, f"unknown property {prop!r}{did_you_mean(prop, corpus.properties)}")
            )
    for subject in rule.select.subject or []:
        if corpus.resolve(subject) is None:
            problems.append(
                (
                    "select.subject",
                    f"unknown entity {subject!r}{did_you_mean(subject, corpus.entities)}",
                )
            )
    # Only for a rule that selects by kind (a pass over every entity, but for the hook's
    # entities, whose kinds are kept beside them).
    kinds = corpus.entity_kinds() if rule.select.entity_kind else set()
    for kind in rule.select.entity_kind or []:
        if kind not in kinds:
            problems.append(
                ("select.entity_kind", f"no entity has kind {kind!r}{did_you_mean(kind, kinds)}")
            )
    return problems


@paused_during
def draft_errors(corpus: Corpus) -> list[LoadError]:
    """One error per draft claim: the audit must not pass while claims are unconfirmed."""
    return [
        LoadError(
            f.file,
            f.line,
            "draft",
            f"claim {f.ref} is a draft: confirm it and remove `draft: true` "
            "(or audit with --allow-drafts)",
        )
        for f in corpus.facts
        if f.claim.draft
    ]


def rule_coverage(corpus: Corpus) -> dict[str, list[str]]:
    """Every property claims use (drafts aside), with the ids of the rules that check its
    claims: by selecting them, or by naming the property in their params. ``naming``
    rules read quotes, not values, and do not count."""
    used = sorted({f.prop.id for f in corpus.facts if not f.claim.draft})
    out: dict[str, list[str]] = {p: [] for p in used}
    for rule in sorted(corpus.rules, key=lambda r: r.id):
        if rule.kind not in PARAMS or rule.kind == "naming" or _rule_errors(corpus, rule):
            continue
        named = set(PARAMS[rule.kind].model_validate(rule.params).properties())
        if rule.select.property and not rule.select.entity_kind and not rule.select.subject:
            named |= set(rule.select.property)
        else:
            named |= {f.prop.id for f in select(corpus, rule)}
        for p in named & out.keys():
            out[p].append(rule.id)
    return out


def _coverage_conflicts(corpus: Corpus) -> list[Conflict]:
    """An ``info`` conflict per property used by claims that no rule checks, unless the
    property says why (``unchecked``)."""
    out = []
    for prop, rules in rule_coverage(corpus).items():
        if rules or corpus.properties[prop].unchecked:
            continue
        facts = sorted((f for f in corpus.facts_of(prop) if not f.claim.draft), key=lambda f: f.ref)
        shown = facts[:_COVERAGE_SHOWN]
        out.append(
            Conflict(
                rule=COVERAGE_RULE,
                kind="coverage",
                severity="info",
                message=f"property {prop!r} ({len(facts)} claims) is checked by no rule: add "
                "one that selects it, or say why not (unchecked: in properties.yaml)",
                citations=tuple(dict.fromkeys(f.citation for f in shown)),
                key=hashlib.sha256(f"{COVERAGE_RULE} {prop}".encode()).hexdigest()[:16],
            )
        )
    return out


def supersede_errors(corpus: Corpus) -> list[LoadError]:
    """One error per ``supersedes`` that names no claim on the same subject and property."""
    claims = {f.ref: f for f in corpus.facts}
    errors = []
    for f in corpus.facts:
        target = f.claim.supersedes
        if target is None:
            continue
        old = claims.get(target)
        if old is None:
            why = f"names no claim{did_you_mean(target, claims)}"
        elif (old.subject, old.prop.id) != (f.subject, f.prop.id) or old is f:
            why = "must name another claim on the same subject and property"
        else:
            continue
        errors.append(LoadError(f.file, f.line, "supersedes", f"supersedes {target!r} {why}"))
    return errors


@paused_during
def audit(
    corpus: Corpus,
    *,
    today: date | None = None,
    allow_drafts: bool = False,
    coverage: bool = False,
) -> AuditResult:
    """Run every rule of the corpus and return conflicts and load errors together.

    The result does not depend on the order in which files or claims were loaded.
    ``today`` decides which waivers have expired (default: the current date). Draft
    claims (``draft: true``) are never checked, and each is an error unless
    ``allow_drafts``. With ``coverage``, each property used by claims that no rule
    checks is an ``info`` conflict of the pseudo-rule ``coverage`` (off by default: it
    is about the rules, not the sources, and the hook, which sees part of a corpus,
    never reports it).
    """
    errors = list(corpus.errors)
    errors += supersede_errors(corpus)
    if not allow_drafts:
        errors += draft_errors(corpus)
    conflicts: list[Conflict] = []
    for rule in sorted(corpus.rules, key=lambda r: r.id):
        rule_errors = _rule_errors(corpus, rule)
        errors.extend(rule_errors)
        if rule_errors:
            continue
        for finding in KINDS[rule.kind](rule, select(corpus, rule), corpus):
            conflicts.append(_stamp(rule, finding))
    if coverage:
        conflicts += _coverage_conflicts(corpus)
    conflicts = _apply_waivers(corpus, conflicts, today or date.today())
    conflicts.sort(key=lambda c: c.sort_key)
    return AuditResult(
        conflicts=tuple(conflicts),
        errors=tuple(sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.field, e.message))),
        rules_run=tuple(sorted(r.id for r in corpus.rules)),
    )


def _stamp(rule: Rule, finding: Finding) -> Conflict:
    # The check's order (the offending claim first) is kept: it is already deterministic.
    citations = tuple(dict.fromkeys(f.citation for f in finding.facts))
    about = finding.key if finding.key is not None else " ".join(sorted(c.ref for c in citations))
    return Conflict(
        rule=rule.id,
        kind=rule.kind,
        severity=finding.severity or rule.severity,
        message=finding.message,
        citations=citations,
        key=hashlib.sha256(f"{rule.id} {about}".encode()).hexdigest()[:16],
        odd_one_out=tuple(sorted(f.ref for f in finding.odd)),
        support=tuple(sorted(f.ref for f in finding.support)),
    )


def _apply_waivers(corpus: Corpus, conflicts: Iterable[Conflict], today: date) -> list[Conflict]:
    """Mark waived conflicts; add a ``waivers`` conflict for each stale or expired waiver."""
    out = list(conflicts)
    problems: list[Conflict] = []
    refs = [c.refs for c in out] if corpus.waivers else []
    # The conflicts citing each claim, by rule: a conflict a waiver matches cites every
    # claim it names, so only those citing its first one are compared (comparing every
    # conflict for every waiver was quadratic in a corpus that waives as it grows).
    cited: dict[tuple[str, str], list[int]] = {}
    for i, cites in enumerate(refs):
        for ref in cites:
            cited.setdefault((out[i].rule, ref), []).append(i)
    for waiver, place in zip(corpus.waivers, corpus.waiver_places, strict=True):
        wanted = frozenset(waiver.claims)
        if _expired(waiver, today):
            problems.append(_waiver_conflict(waiver, place, f"expired on {waiver.expires}"))
            continue
        hits = [i for i in cited.get((waiver.rule, waiver.claims[0]), ()) if wanted <= refs[i]]
        if not hits:
            problems.append(
                _waiver_conflict(
                    waiver,
                    place,
                    f"is stale: rule {waiver.rule!r} reports no conflict involving "
                    + ", ".join(sorted(wanted)),
                )
            )
        for i in hits:
            c = out[i]
            out[i] = replace(c, waived=True, waiver_reason=waiver.reason)
    return out + problems


def _waiver_conflict(waiver: Waiver, place: Located, what: str) -> Conflict:
    cite = Citation(
        file=place.file,
        line=place.line,
        source=WAIVER_RULE,
        claim=waiver.rule,
        title=f"waiver by {waiver.reviewer}, {waiver.date}",
        quote=waiver.reason,
    )
    return Conflict(
        rule=WAIVER_RULE,
        kind="waiver",
        severity="error",
        message=f"the waiver of {waiver.rule!r} for {', '.join(sorted(waiver.claims))} {what}; "
        "remove or renew it",
        citations=(cite,),
    )


def _expired(waiver: Waiver, today: date) -> bool:
    if waiver.expires is None:
        return False
    return PartialDate.parse(waiver.expires).span().end.date() <= today
