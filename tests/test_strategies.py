"""The Hypothesis strategies users property-test their rules with, under the one name
they import (factcheck.testing.strategies): the same objects as in the modules that
define them, nothing missing."""

from __future__ import annotations

import importlib

from hypothesis import given, settings

from factcheck import Corpus
from factcheck import testing as _testing  # noqa: F401  (the package imports)
from factcheck.testing import strategies as fst

HOMES = {
    "texts": ["TRICKY_TEXTS", "slugs", "texts"],
    "values": ["QUANTITY_HEDGES", "clock_times", "date_values", "partial_dates", "quantity_values"],
    "vocabulary": ["entities", "properties"],
    "claims": ["claims", "sources"],
    "rules": ["rules_for", "selectors", "waivers"],
    "corpora": ["corpora", "corpus_files"],
}


def test_every_public_name_is_the_one_its_module_defines() -> None:
    for module, names in HOMES.items():
        home = importlib.import_module(f"factcheck.testing.{module}")
        for name in names:
            assert getattr(fst, name) is getattr(home, name), name
    assert sorted(fst.__all__) == sorted(n for names in HOMES.values() for n in names)


@settings(max_examples=5, deadline=None)
@given(fst.corpora())
def test_the_usage_in_the_docstring_works(corpus: Corpus) -> None:
    assert fst.__doc__ and "@given(fst.corpora())" in fst.__doc__
    assert corpus.sources and corpus.properties and corpus.rules
