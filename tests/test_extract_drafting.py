"""factcheck.extract.drafting: the rules' drafts, then the learned scorer's second opinion."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main
from factcheck.extract import draft_fact_file
from factcheck.extract.draft import draft_fact_file as rules_draft

from .conftest import MakeCorpus
from .test_extract_draft import FACTS, TIMELINE


@pytest.fixture
def root(make_corpus: MakeCorpus) -> Path:
    return make_corpus(
        {
            "entities.yaml": (FACTS / "entities.yaml").read_text(encoding="utf-8"),
            "properties.yaml": (FACTS / "properties.yaml").read_text(encoding="utf-8"),
        }
    )


def test_without_rescoring_the_drafts_are_the_rules(root: Path) -> None:
    corpus = factcheck.load(root)
    plain = draft_fact_file(TIMELINE, "t", corpus=corpus, published="2025", rescore=False)
    assert plain.claims == rules_draft(TIMELINE, "t", corpus=corpus, published="2025").claims


def test_rescored_drafts_differ_only_in_subject_property_unit_and_note(root: Path) -> None:
    corpus = factcheck.load(root)
    rules = rules_draft(TIMELINE, "t", corpus=corpus, published="2025").claims
    got = draft_fact_file(TIMELINE, "t", corpus=corpus, published="2025").claims
    assert [c["id"] for c in got] == [c["id"] for c in rules]
    for a, b in zip(rules, got, strict=True):
        same = {k for k in a if k not in ("subject", "property", "unit", "note")}
        assert {k: a[k] for k in same} == {k: b[k] for k in same}
        assert b["note"].startswith(a["note"])


def test_rescored_drafts_load_and_round_trip(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = draft_fact_file(TIMELINE, "timeline", corpus=factcheck.load(root), published="2025")
    (root / "sources").mkdir()
    (root / "sources" / "timeline.yaml").write_text(draft.to_yaml(), encoding="utf-8")
    loaded = factcheck.load(root)
    assert loaded.errors == []
    by_id = {f.claim.id: f.claim for f in loaded.facts}
    for claim in draft.claims:
        assert by_id[claim["id"]].subject == claim["subject"]
        assert by_id[claim["id"]].property == claim["property"]
    assert main(["audit", str(root), "--allow-drafts"]) == 0
    capsys.readouterr()


def test_without_a_corpus_nothing_is_rescored() -> None:
    text = "The quake killed 12 people on March 3, 2025."
    assert draft_fact_file(text, "x").claims == rules_draft(text, "x").claims
