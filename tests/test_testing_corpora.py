"""Strategies for whole corpora (factcheck.testing.corpora): what they draw is what the
loader accepts."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

import factcheck
from factcheck import Corpus
from factcheck.testing.corpora import corpora, corpus_files


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_corpora_load_without_errors(corpus: Corpus) -> None:
    # Written out and read back, every drawn claim resolves: the strategies never draw
    # what the loader refuses (corpora() are model objects; facts are the loader's).
    with tempfile.TemporaryDirectory() as tmp:
        loaded = factcheck.load(factcheck.dump(corpus, tmp))
    assert loaded.errors == []
    assert len(loaded.facts) == sum(len(sf.claims) for sf in corpus.sources.values())


@settings(max_examples=30, deadline=None)
@given(corpora())
def test_no_name_means_two_entities(corpus: Corpus) -> None:
    owner: dict[str, str] = {}
    for e in corpus.entities.values():
        for name in {_fold(e.id), _fold(e.name), *(_fold(a.name) for a in e.aliases)}:
            assert owner.setdefault(name, e.id) == e.id
    assert any(p.type == "quantity" for p in corpus.properties.values())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(varied_rules=True, with_waivers=True))
def test_varied_rules_and_waivers_name_what_exists(corpus: Corpus) -> None:
    refs = {f"{sid}/{c.id}" for sid, sf in corpus.sources.items() for c in sf.claims}
    rule_ids = {r.id for r in corpus.rules}
    for waiver in corpus.waivers:
        assert waiver.rule in rule_ids
        assert set(waiver.claims) <= refs


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus_files())
def test_corpus_files_are_fact_files(files: dict[str, str]) -> None:
    assert {"entities.yaml", "properties.yaml"} <= set(files)
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files.items():
            path = Path(tmp, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert factcheck.load(tmp).errors == []
