"""The Hypothesis strategies users property-test their rules with
(factcheck.testing.strategies): what they draw is what the loader accepts."""

from __future__ import annotations

import tempfile

from hypothesis import HealthCheck, given, settings

import factcheck
from factcheck import Corpus, PartialDate
from factcheck import testing as _testing  # noqa: F401  (the package imports)
from factcheck.domain.corpus import date_claim_span
from factcheck.testing import strategies as fst


@given(fst.partial_dates())
def test_partial_dates_parse(text: str) -> None:
    assert PartialDate.parse(text).span().start.year >= 1900


@given(fst.date_values())
def test_date_values_are_readable_dates(value: object) -> None:
    hedge = "between" if isinstance(value, tuple) else "exact"
    span = date_claim_span(value, hedge)
    assert span.start < span.end


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fst.corpora())
def test_corpora_load_without_errors(corpus: Corpus) -> None:
    # Written out and read back, every drawn claim resolves: the strategies never draw
    # what the loader refuses (corpora() are model objects; facts are the loader's).
    with tempfile.TemporaryDirectory() as tmp:
        loaded = factcheck.load(factcheck.dump(corpus, tmp))
    assert loaded.errors == []
    assert len(loaded.facts) == sum(len(sf.claims) for sf in corpus.sources.values())
