"""Strategies for properties and entities (factcheck.testing.vocabulary)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.model import Entity, Property
from factcheck.testing.vocabulary import PROPERTY_TYPES, entities, properties


@given(properties())
def test_properties_carry_what_their_type_needs(prop: Property) -> None:
    assert prop.type in PROPERTY_TYPES
    if prop.type != "quantity":
        assert prop.unit is None
    assert (prop.values is not None) == (prop.type == "status")
    if prop.values is not None:
        assert len(set(prop.values)) == len(prop.values) >= 1


@given(properties(ids=st.just("fixed")))
def test_property_ids_can_be_given(prop: Property) -> None:
    assert prop.id == "fixed"


@given(entities())
def test_entities_have_names_and_aliases(entity: Entity) -> None:
    assert entity.name.strip()
    assert len(entity.aliases) <= 3
    for alias in entity.aliases:
        assert alias.name.strip()
        assert alias.error in (None, "misspelling")
