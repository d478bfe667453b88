"""factcheck.extract.subjects: proposing subjects and properties."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.extract import (
    UNIDENTIFIED,
    UNREVIEWED_DATE,
    UNREVIEWED_NUMBER,
    draft_fact_file,
)

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts"
SEEDS = ROOT.parent / "shared" / "seeds"


def _corpus() -> factcheck.Corpus:
    return factcheck.load(FACTS)


def test_subject_and_property_proposed_when_clear() -> None:
    text = "CECOT was designed for 40,000 prisoners. It was big, said El Salvador and CECOT."
    [claim] = draft_fact_file(text, "x", corpus=_corpus()).claims
    assert (claim["subject"], claim["property"], claim["value"]) == ("cecot", "capacity", 40000)
    assert claim["draft"] is True


@pytest.mark.parametrize(
    ("text", "subject", "prop"),
    [
        # the only prison named; "opened" is said of prisons in the corpus
        ("In January 2023, CECOT Prison was opened in El Salvador.", "cecot", "opened"),
        # the counted noun names the property; the last word of the phrase decides
        ("Each building of CECOT has 32 prison cells with bunks.", "cecot", "cells-per-building"),
        ("CECOT has eight buildings, each big.", "cecot", "buildings"),
        ("CECOT has two fences made of iron.", "cecot", "perimeter-fences"),
        # a keyword that does not suit the unit proposes nothing
        ("CECOT was designed for 40% of them.", "cecot", UNREVIEWED_NUMBER),
    ],
)
def test_proposals(text: str, subject: str, prop: str) -> None:
    [claim] = draft_fact_file(text, "x", corpus=_corpus()).claims
    assert (claim["subject"], claim["property"]) == (subject, prop)


def test_unclear_subject_and_property_use_placeholders() -> None:
    text = "El Salvador and Honduras counted 19 things in 1999."
    claims = draft_fact_file(text, "x", corpus=_corpus()).claims
    assert [(c["subject"], c["property"]) for c in claims] == [
        (UNIDENTIFIED, UNREVIEWED_NUMBER),
        (UNIDENTIFIED, UNREVIEWED_DATE),
    ]
    assert "el-salvador, honduras" in claims[0]["note"]
    assert claims[0]["as_of"] == "1999"
