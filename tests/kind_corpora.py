"""Small corpora for the check kinds' tests: one entities and properties file every
kind's table uses, sources written from one-line claims, and the audit of such a corpus
as the sets of claim refs of its conflicts.

A table case is ``(case id, rule, sources, expected conflicts as sets of refs)``: the rule
as the inside of a YAML flow mapping, the sources as ``{source id: [claims]}``, each claim
the inside of a flow mapping (``id: x, subject: cecot, property: capacity, value: 1``).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings

import factcheck

from .conftest import SHA

ENTITIES = """\
entities:
  - id: cecot
    name: Terrorism Confinement Center
    kind: prison
    aliases:
      - CECOT
      - {name: Centro de Confiramiento del Terrorismo, error: misspelling}
      - {name: Megathorm, error: mistranslation}
      - {name: CECOT Megathorm, error: mistranslation}
  - {id: rikers, name: Rikers Island, kind: prison}
  - {id: el-salvador, name: El Salvador, kind: country}
  - {id: rubio, name: Marco Rubio, kind: person}
  - {id: senator, name: United States Senator, kind: office, aliases: [U.S. Senator]}
  - {id: secstate, name: United States Secretary of State, kind: office,
     aliases: [US Secretary of State]}
  - {id: e1, name: Event one, kind: event}
  - {id: e2, name: Event two, kind: event}
  - {id: e3, name: Event three, kind: event}
  - {id: e4, name: Event four, kind: event}
"""

PROPERTIES = """\
properties:
  - {id: capacity, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: inmates, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: transferred, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: investigated, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: buildings, type: quantity, unit: buildings, tolerance: 0}
  - {id: cells, type: quantity, unit: cells, tolerance: 0}
  - {id: per-cell, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: prisoners, type: quantity, unit: people, tolerance: 0.05}
  - {id: population, type: quantity, unit: people, tolerance: 0.05}
  - {id: rate, type: quantity, unit: per 100k, tolerance: 0.05}
  - {id: arrests, type: quantity, unit: people, tolerance: 0.1, cumulative: true}
  - {id: homicide-rate, type: quantity, unit: per 100k, tolerance: 0.1}
  - {id: decrease, type: quantity, unit: percent, tolerance: 0.05}
  - {id: opened, type: date}
  - {id: date, type: date}
  - {id: precedes, type: order}
  - {id: title, type: text}
  - {id: status, type: status, values: [proposed, signed]}
  - {id: stage, type: status, values: [nominated, designated, listed], cumulative: true}
  - {id: announced, type: boolean}
  - {id: height, type: quantity, unit: m, tolerance: 0, precision: written}
  - {id: summit, type: quantity, unit: m, tolerance: 0, invariant: true}
  - {id: speed, type: quantity, unit: km/h, tolerance: 0.05}
  - {id: length, type: quantity, unit: m, tolerance: 0}
  - {id: distance, type: quantity, unit: km, tolerance: 0, cumulative: true}
"""

Sources = dict[str, list[str]]


def source(sid: str, claims: list[str], published: str = "2025-02-04") -> str:
    """A source file; ids starting with ``ref`` are reference sources."""
    ref = sid.startswith("ref")
    head = f"source:\n  id: {sid}\n  kind: {'reference' if ref else 'article'}\n"
    head += f"  title: Source {sid}\n  published: {published}\n"
    head += "  basis: b\n" if ref else f"  snapshot: {{file: {sid}.txt, sha256: '{SHA}'}}\n"
    cite = "basis: b" if ref else "quote: q"
    items = [
        f"  - {{{c}}}" if re.search(r"\b(quote|basis):", c) else f"  - {{{c}, {cite}}}"
        for c in claims
    ]
    return head + "claims:\n" + "\n".join(items) + "\n"


def files(rule: str, sources: Sources) -> dict[str, str]:
    """A corpus with the one rule ``r`` and the given sources."""
    out = {
        "entities.yaml": ENTITIES,
        "properties.yaml": PROPERTIES,
        "rules.yaml": f"rules:\n  - {{id: r, {rule}, description: d}}\n",
    }
    for sid, claims in sources.items():
        out[f"sources/{sid}.yaml"] = source(sid, claims)
    return out


def write(root: Path, corpus: dict[str, str]) -> Path:
    """Write ``corpus`` (file name -> text) under ``root``."""
    for name, text in corpus.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def audit(root: Path) -> factcheck.AuditResult:
    """The audit of the corpus at ``root``, which must load without errors."""
    result = factcheck.audit(factcheck.load(root))
    assert result.errors == (), result.errors
    return result


def found(result: factcheck.AuditResult) -> set[frozenset[str]]:
    """Each conflict as the set of refs of the claims it cites."""
    return {c.refs for c in result.conflicts}


def audit_files(corpus: dict[str, str]) -> factcheck.AuditResult:
    """The audit of ``corpus`` written to a temporary directory."""
    with tempfile.TemporaryDirectory() as tmp:
        return audit(write(Path(tmp), corpus))


def S(*refs: str) -> frozenset[str]:
    return frozenset(refs)


CAP = "subject: cecot, property: capacity"
INM = "subject: cecot, property: inmates"
ES = "subject: el-salvador"
TITLE = "subject: rubio, property: title"
SENATOR = f"id: s, {TITLE}, value: U.S. Senator, period: {{start: 2011-01-03, end: 2025-01-20}}"
SECSTATE = f"id: t, {TITLE}, value: US Secretary of State, period: {{start: 2025-01-21}}"
RATIO = (
    "kind: derived, select: {property: rate}, params: {relation: ratio, numerator: prisoners,"
    " denominator: population, scale: 100000, result: rate, tolerance: 0.02}"
)
PRODUCT = (
    "kind: derived, select: {property: capacity}, params: {relation: product,"
    " factors: [buildings, cells, per-cell], result: capacity"
)
SUM = (
    "kind: derived, select: {property: inmates}, params: {relation: sum,"
    " parts: [transferred, investigated], total: inmates}"
)
PERIOD = "{start: 2015, end: 2024}"
DECREASE = "kind: change, select: {property: decrease}, params: {level: homicide-rate"
WRONG = "id: x, subject: cecot, property: capacity, value: 1, quote:"

Case = tuple[str, str, Sources, set[frozenset[str]]]

#: Hypothesis settings for the per-kind properties (each example audits a corpus).
PROPS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_perturbation(rule: str, clean: Sources, perturbed: Sources, culprit: str) -> None:
    """``clean`` has no conflict; ``perturbed`` (one claim changed) has exactly one,
    citing ``culprit``."""
    assert found(audit_files(files(rule, clean))) == set()
    result = audit_files(files(rule, perturbed))
    assert len(result.conflicts) == 1, [c.message for c in result.conflicts]
    assert culprit in result.conflicts[0].refs


def check_case(root: Path, kind: str, rule: str, expected: set[frozenset[str]]) -> None:
    """The corpus at ``root`` gives ``expected``, every conflict of the rule's kind, each
    citation complete."""
    assert f"kind: {kind}" in rule
    result = audit(root)
    assert found(result) == expected
    for conflict in result.conflicts:
        assert conflict.kind == kind and conflict.rule == "r"
        assert all(c.quote and c.title and c.file and c.line > 0 for c in conflict.citations)


def shuffled_audits_agree(root: Path, seeds: range = range(3)) -> None:
    """Shuffling (and reversing) the corpus's claims never changes the audit."""
    import random

    corpus = factcheck.load(root)
    before = factcheck.audit(corpus)
    for seed in seeds:
        rng = random.Random(seed)
        rng.shuffle(corpus.facts)
        if seed == 0:
            corpus.facts.reverse()
        assert factcheck.audit(corpus) == before


SUMMIT_RULE = "kind: agree, select: {property: summit}"
