"""Hedge words (factcheck.domain.hedges): what people write, read as the canonical hedge."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.hedges import DATE_HEDGES, HEDGE_SYNONYMS, HEDGES, normalize_hedge


@pytest.mark.parametrize(
    ("word", "canonical"),
    [
        ("over", "more-than"),
        ("Up to", "at-most"),
        ("nearly", "almost"),
        ("around", "about"),
        ("exact", "exact"),
        ("no later than", "not-after"),
    ],
)
def test_hedge_synonyms(word: str, canonical: str) -> None:
    assert normalize_hedge(word) == canonical


def test_every_synonym_names_a_hedge() -> None:
    assert set(HEDGE_SYNONYMS.values()) <= HEDGES | DATE_HEDGES
    assert not set(HEDGE_SYNONYMS) & (HEDGES | DATE_HEDGES)


@given(st.sampled_from(sorted(HEDGES | DATE_HEDGES | set(HEDGE_SYNONYMS))))
def test_normalizing_is_idempotent_and_ignores_case_and_spacing(word: str) -> None:
    canonical = normalize_hedge(word)
    assert canonical in HEDGES | DATE_HEDGES
    assert normalize_hedge(canonical) == canonical
    assert normalize_hedge(f"  {word.upper().replace('-', ' ')} ") == canonical


def test_unknown_words_come_back_for_the_caller_to_report() -> None:
    assert normalize_hedge("Roughly_Ish") == "roughly-ish"
