"""Strategies for claims and sources (factcheck.testing.claims): a claim's value suits
its property, a source is an article with a snapshot or a reference set with a basis."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.corpus import date_claim_span
from factcheck.domain.model import Claim, Entity, Property, Source
from factcheck.domain.values import hedge_interval, parse_quantity
from factcheck.testing.claims import claims, sources

ENTITIES = [Entity(id="cecot", name="CECOT", kind="prison", aliases=["Centro"])]
PROPERTIES = [
    Property(id="inmates", type="quantity", unit="people"),
    Property(id="opened", type="date"),
    Property(id="state", type="status", values=["open", "closed"]),
    Property(id="run-by", type="entity"),
    Property(id="walled", type="boolean"),
    Property(id="motto", type="text"),
]


@given(claims(ENTITIES, PROPERTIES))
def test_a_claims_value_suits_its_property(claim: Claim) -> None:
    assert claim.subject in ("cecot", "Centro")
    assert claim.quote and claim.basis is None
    prop = next(p for p in PROPERTIES if p.id == claim.property)
    value = claim.value
    match prop.type:
        case "quantity":
            if isinstance(value, str):
                hedge_interval(parse_quantity(value)[0], claim.hedge)
            elif isinstance(value, tuple):
                low, high = value
                assert isinstance(low, int | float) and isinstance(high, int | float)
                hedge_interval((low, high), claim.hedge)
            else:
                assert isinstance(value, int | float)
                hedge_interval(value, claim.hedge)
        case "date":
            span = date_claim_span(value, claim.hedge)
            assert span.start < span.end
        case "status":
            assert value in ("open", "closed")
        case "entity":
            assert value == "cecot"
        case "boolean":
            assert isinstance(value, bool)
        case _:
            assert isinstance(value, str) and value.strip()


@given(claims(ENTITIES, PROPERTIES, cite="basis", ids=st.just("c")))
def test_reference_claims_cite_a_basis(claim: Claim) -> None:
    assert claim.id == "c"
    assert claim.basis and claim.quote is None


@given(sources())
def test_a_source_is_an_article_or_a_reference_set(source: Source) -> None:
    if source.kind == "reference":
        assert source.basis and source.snapshot is None
    else:
        assert source.snapshot is not None and source.snapshot.file == f"{source.id}.txt"
        assert source.original_language is None or source.translated
