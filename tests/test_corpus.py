"""Resolving claims into facts (factcheck.domain.corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import Corpus, DateSpan
from factcheck.domain.corpus import date_claim_span
from factcheck.io.assemble import assemble
from factcheck.io.parse import parse_file

from .conftest import ENTITIES, PROPERTIES, source_yaml


def _load(claims: str, properties: str = PROPERTIES) -> Corpus:
    files = {"entities.yaml": ENTITIES, "properties.yaml": properties}
    files["a.yaml"] = source_yaml("a", claims)
    readings = [parse_file(t.encode(), n) for n, t in files.items()]
    return assemble(Path("facts"), (), list(files), readings)


@pytest.mark.parametrize(
    ("claim", "problem"),
    [
        ("- {id: c, subject: nobody, property: capacity, value: 1, quote: q}", "unknown entity"),
        ("- {id: c, subject: cecot, property: height, value: 1, quote: q}", "unknown property"),
        ("- {id: c, subject: cecot, property: inmates, value: -5, quote: q}", "below 0"),
        (
            "- {id: c, subject: cecot, property: opened, value: 2023, hedge: over, quote: q}",
            "does not apply to a date",
        ),
    ],
)
def test_claims_that_cannot_resolve_are_errors_at_their_field(claim: str, problem: str) -> None:
    corpus = _load(claim)
    assert corpus.facts == []
    [error] = corpus.errors
    assert problem in error.message and error.field.startswith("claims[0].")


_KINDS = "properties:\n  - {id: capacity, type: quantity, entity_kind: %s}\n"


@pytest.mark.parametrize(
    ("kinds", "subject", "problem"),
    [
        ("prison", "cecot", None),
        ("[country, prison]", "cecot", None),
        ("country", "el-salvador", None),
        ("prison", "el-salvador", "'el-salvador' is a country; property 'capacity' describes"),
        ("[law, event]", "cecot", "describes 'law' or 'event'; no entity has kind 'law'"),
        ("prisn", "cecot", "no entity has kind 'prisn' (did you mean 'prison'?)"),
        ("prison", "el-salvador, draft: true", None),
    ],
)
def test_a_property_s_entity_kind_admits_subjects_of_those_kinds_only(
    kinds: str, subject: str, problem: str | None
) -> None:
    claim = f"- {{id: c, subject: {subject}, property: capacity, value: 1, quote: q}}"
    corpus = _load(claim, _KINDS % kinds)
    if problem is None:
        assert corpus.errors == [] and len(corpus.facts) == 1
    else:
        [error] = corpus.errors
        assert corpus.facts == []
        assert problem in error.message
        assert (error.field, error.line) == ("claims[0].subject", 7)


def test_names_resolve_through_aliases_case_and_spaces() -> None:
    corpus = _load("- {id: c, subject: '  cecot ', property: capacity, value: 1, quote: q}")
    assert corpus.resolve("CECOT") == "cecot"


@pytest.mark.parametrize(
    ("value", "hedge", "start", "end"),
    [
        ("2023-01", "exact", "2023-01-01", "2023-02-01"),
        (("2023-01", "2023-03"), "between", "2023-01-01", "2023-04-01"),
    ],
)
def test_date_claim_span(value: object, hedge: str, start: str, end: str) -> None:
    span = date_claim_span(value, hedge)
    assert isinstance(span, DateSpan)
    assert (span.start.date().isoformat(), span.end.date().isoformat()) == (start, end)
