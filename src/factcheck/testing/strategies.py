"""Hypothesis strategies for the fact model, to property-test rules and corpora.

Not imported by ``import factcheck`` (Hypothesis is only in the ``test`` extra)::

    from hypothesis import given
    from factcheck.testing import strategies as fst

    @given(fst.corpora())
    def test_my_rule_never_flags_a_copy(corpus): ...

:func:`corpora` draws a whole, valid corpus as model objects (a :class:`~factcheck.Corpus`
with sources, entities, properties and rules but no resolved facts: write it with
:func:`factcheck.io.dump` and load it to get those); :func:`corpus_files` draws the same as
fact-file texts. Every claim drawn suits its property's type, so loading gives no errors.
Smaller pieces (:func:`partial_dates`, :func:`claims`, :func:`sources`, ...) are public too.
"""

from __future__ import annotations

from factcheck.testing.claims import claims, sources
from factcheck.testing.corpora import corpora, corpus_files
from factcheck.testing.rules import rules_for, selectors, waivers
from factcheck.testing.texts import TRICKY_TEXTS, slugs, texts
from factcheck.testing.values import (
    QUANTITY_HEDGES,
    clock_times,
    date_values,
    partial_dates,
    quantity_values,
)
from factcheck.testing.vocabulary import entities, properties

__all__ = [
    "QUANTITY_HEDGES",
    "TRICKY_TEXTS",
    "claims",
    "clock_times",
    "corpora",
    "corpus_files",
    "date_values",
    "entities",
    "partial_dates",
    "properties",
    "quantity_values",
    "rules_for",
    "selectors",
    "slugs",
    "sources",
    "texts",
    "waivers",
]
