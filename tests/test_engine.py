"""The engine: waivers, rule validation, determinism under file and claim reordering."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.domain.conflict import Citation, Conflict
from factcheck.domain.corpus import Corpus, Located
from factcheck.domain.model import Waiver
from factcheck.rules import engine
from factcheck.rules.engine import WAIVER_RULE

from .conftest import MakeCorpus, source_yaml

SEEDS = Path(__file__).resolve().parents[1] / "facts"

RULES = """\
rules:
  - id: capacity-agrees
    kind: agree
    select: {property: capacity}
    description: Sources agree on capacity.
"""

SOURCES = {
    "sources/a.yaml": source_yaml(
        "a", "- {id: cap, subject: cecot, property: capacity, value: 40000, quote: q}"
    ),
    "sources/b.yaml": source_yaml(
        "b", "- {id: cap, subject: cecot, property: capacity, value: 20000, quote: q}"
    ),
    "rules.yaml": RULES,
}


def _waivers(*items: str) -> dict[str, str]:
    body = "".join(f"  - {item}\n" for item in items) or "  []\n"
    return {"waivers.yaml": "waivers:\n" + body if items else "waivers: []\n"}


WAIVER = (
    "{rule: capacity-agrees, claims: [a/cap, b/cap], reason: checked, reviewer: Ann,"
    " date: 2026-11-01"
)


def _run(
    make_corpus: MakeCorpus, files: dict[str, str], today: date = date(2026, 11, 22)
) -> factcheck.AuditResult:
    return factcheck.audit(factcheck.load(make_corpus({**SOURCES, **files})), today=today)


def test_unwaived_conflict_fails_the_audit(make_corpus: MakeCorpus) -> None:
    result = _run(make_corpus, _waivers())
    (conflict,) = result.conflicts
    assert not conflict.waived and result.exit_code == 1


@pytest.mark.parametrize("claims", ["[a/cap, b/cap]", "[a/cap]"])
def test_waived_conflict_is_still_reported_as_waived(make_corpus: MakeCorpus, claims: str) -> None:
    waiver = WAIVER.replace("[a/cap, b/cap]", claims) + "}"
    result = _run(make_corpus, _waivers(waiver))
    (conflict,) = result.conflicts
    assert conflict.waived and conflict.waiver_reason == "checked"
    assert result.exit_code == 0 and result.summary()["waived"] == 1
    assert conflict.to_dict()["waived"] is True


@pytest.mark.parametrize(
    ("waiver", "why"),
    [
        (WAIVER + ", expires: 2026-11-21}", "expired"),
        (WAIVER.replace("capacity-agrees", "opened-agrees") + "}", "stale"),
        (WAIVER.replace("[a/cap, b/cap]", "[a/cap, c/cap]") + "}", "stale"),
    ],
)
def test_stale_or_expired_waiver_is_an_error_conflict(
    make_corpus: MakeCorpus, waiver: str, why: str
) -> None:
    result = _run(make_corpus, _waivers(waiver))
    assert result.errors == ()
    problems = [c for c in result.conflicts if c.rule == WAIVER_RULE]
    assert len(problems) == 1 and why in problems[0].message
    (cite,) = problems[0].citations
    assert cite.file.endswith("waivers.yaml") and cite.line == 2
    assert problems[0].severity == "error" and result.exit_code == 1


def test_waiver_expiring_later_still_applies(make_corpus: MakeCorpus) -> None:
    result = _run(make_corpus, _waivers(WAIVER + ", expires: 2026-11-22}"))
    assert [c.waived for c in result.conflicts] == [True]


@pytest.mark.parametrize(
    ("rule", "field", "words"),
    [
        ("kind: agrees", "rules.r.kind", "unknown check kind"),
        ("kind: bound", "rules.r.params.max", "Field required"),
        ("kind: bound, params: {max: capacty}", "rules.r.params.max", "did you mean 'capacity'"),
        (
            "kind: derived, params: {relation: sum, parts: [inmates, inmatez], total: inmates}",
            "rules.r.params.parts.1",
            "unknown property 'inmatez'",
        ),
        ("kind: agree, params: {precision: day}", "rules.r.params.precision", "unknown parameter"),
        ("kind: agree, params: {min_precision: week}", "rules.r.params.min_precision", "'day'"),
        (
            "kind: derived, params: {relation: sum, parts: [inmates]}",
            "rules.r.params",
            "needs total",
        ),
        ("kind: agree, select: {property: capacty}", "rules.r.select.property", "unknown property"),
        ("kind: agree, select: {subject: cecott}", "rules.r.select.subject", "unknown entity"),
        (
            "kind: agree, select: {entity_kind: prisn}",
            "rules.r.select.entity_kind",
            "no entity has kind",
        ),
    ],
)
def test_bad_rule_is_a_load_error_with_file_line_field(
    make_corpus: MakeCorpus, rule: str, field: str, words: str
) -> None:
    root = make_corpus({"rules.yaml": f"rules:\n  - {{id: r, {rule}, description: d}}\n"})
    result = factcheck.audit(factcheck.load(root))
    (error,) = result.errors
    assert error.file.endswith("rules.yaml") and error.line == 2
    assert error.field == field and words in error.message
    assert result.exit_code == 2


@settings(max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False))
def test_seed_audit_does_not_depend_on_claim_or_rule_order(rng: object) -> None:
    import random

    assert isinstance(rng, random.Random)
    corpus = factcheck.load(SEEDS)
    expected = factcheck.audit(corpus, today=date(2026, 11, 22))
    rng.shuffle(corpus.facts)
    rng.shuffle(corpus.rules)
    assert factcheck.audit(corpus, today=date(2026, 11, 22)) == expected


def test_seed_audit_does_not_depend_on_file_names(tmp_path: Path) -> None:
    """Renamed files are read in another order; only the cited file names change."""
    shutil.copytree(SEEDS, tmp_path / "a")
    renamed = tmp_path / "b"
    shutil.copytree(SEEDS, renamed)
    for path in sorted((renamed / "sources").glob("*.yaml")):
        path.rename(path.with_name(f"{path.stem[::-1]}.yaml"))

    def shape(root: Path) -> list[tuple[str, str, str, tuple[str, ...]]]:
        result = factcheck.audit(factcheck.load(root), today=date(2026, 11, 22))
        return sorted(
            (c.rule, c.severity, c.message, tuple(sorted(c.refs))) for c in result.conflicts
        )

    assert shape(tmp_path / "a") == shape(renamed)


@pytest.mark.parametrize(("allow", "errors"), [(False, 1), (True, 0)])
def test_the_library_audit_refuses_drafts_unless_allowed(
    make_corpus: MakeCorpus, allow: bool, errors: int
) -> None:
    claims = """
    - {id: cap, subject: cecot, property: capacity, value: 40000, quote: q, draft: true}
    - {id: cap2, subject: cecot, property: capacity, value: 1, quote: q}
    """
    rule = "rules:\n  - {id: r, kind: agree, select: {property: capacity}, description: d}\n"
    root = make_corpus({"sources/a.yaml": source_yaml("a", claims), "rules.yaml": rule})
    result = factcheck.audit(factcheck.load(root), allow_drafts=allow)
    assert len(result.errors) == errors
    assert all(e.field == "draft" and e.line == 7 for e in result.errors)
    # A draft is never checked, allowed or not: the 40,000 does not clash with the 1.
    assert result.conflicts == ()


_REFS = ["a/x", "a/y", "b/x", "b/y", "c/z"]


def _cited(refs: list[str]) -> tuple[Citation, ...]:
    return tuple(
        Citation(file=f"{r[0]}.yaml", line=1, source=r[0], claim=r[2:], title="t", quote="q")
        for r in refs
    )


@settings(max_examples=200, deadline=None)
@given(
    found=st.lists(
        st.tuples(st.sampled_from(["r1", "r2"]), st.lists(st.sampled_from(_REFS), min_size=1)),
        max_size=8,
    ),
    waived=st.lists(
        st.tuples(
            st.sampled_from(["r1", "r2", "r3"]),
            st.lists(st.sampled_from(_REFS), min_size=1, max_size=3),
            st.booleans(),
        ),
        max_size=6,
    ),
)
def test_waivers_apply_as_comparing_each_with_every_conflict(
    found: list[tuple[str, list[str]]], waived: list[tuple[str, list[str], bool]]
) -> None:
    """Waivers are matched through the conflicts citing their first claim: the same
    conflicts marked, by the same waiver (the last that matches), the same stale and
    expired ones, as comparing every waiver with every conflict."""
    conflicts = [
        Conflict(rule=r, kind="agree", severity="error", message=f"m{i}", citations=_cited(refs))
        for i, (r, refs) in enumerate(found)
    ]
    waivers = [
        Waiver.model_validate(
            {
                "rule": r,
                "claims": claims,
                "reason": f"why {i}",
                "reviewer": "Ann",
                "date": "2026-01-01",
                **({"expires": "2026-02-01"} if expired else {}),
            }
        )
        for i, (r, claims, expired) in enumerate(waived)
    ]
    places = [Located("waivers.yaml", 2 + i) for i in range(len(waivers))]
    corpus = Corpus(root=Path("."), waivers=waivers, waiver_places=places)
    today = date(2026, 11, 22)

    expected = list(conflicts)
    problems = []
    for waiver, place in zip(waivers, places, strict=True):
        wanted = frozenset(waiver.claims)
        if waiver.expires is not None:
            problems.append(engine._waiver_conflict(waiver, place, f"expired on {waiver.expires}"))
            continue
        hits = [i for i, c in enumerate(expected) if c.rule == waiver.rule and wanted <= c.refs]
        if not hits:
            stale = ", ".join(sorted(wanted))
            what = f"is stale: rule {waiver.rule!r} reports no conflict involving {stale}"
            problems.append(engine._waiver_conflict(waiver, place, what))
        for i in hits:
            expected[i] = replace(expected[i], waived=True, waiver_reason=waiver.reason)
    assert engine._apply_waivers(corpus, conflicts, today) == expected + problems
