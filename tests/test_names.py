"""The name index: names, ids and aliases to entity ids (factcheck.domain.names)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.domain.model import Entity
from factcheck.domain.names import NameIndex, fold

_SPACES = "".join(chr(c) for c in range(0x3100) if chr(c).isspace())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ é" + _SPACES + "ß\u0130"), max_size=12))
def test_names_fold_as_the_regular_expression_folds_them(text: str) -> None:
    # fold splits on whitespace instead of re.sub(r"\s+", " ", ...): the same.
    assert fold(text) == re.sub(r"\s+", " ", text).strip().casefold()


def _entity(id: str, name: str, *aliases: object) -> Entity:
    return Entity.model_validate({"id": id, "name": name, "kind": "thing", "aliases": aliases})


def test_name_id_and_aliases_find_the_entity_whatever_the_case_and_spacing() -> None:
    index = NameIndex()
    assert index.add(_entity("cecot", "Terrorism Confinement Center", "CECOT")) == []
    assert index.get("  terrorism   confinement center") == "cecot"
    assert index.get("Cecot") == "cecot"
    assert index.get("elsewhere") is None


def test_a_name_taken_by_another_entity_stays_with_the_first() -> None:
    index = NameIndex()
    index.add(_entity("a", "Alpha", "The Prison"))
    assert index.add(_entity("b", "Beta", "the  prison")) == [("the  prison", "a")]
    assert index.get("THE PRISON") == "a"
    assert index.get("beta") == "b"


def test_wrong_names_are_remembered_with_their_entity() -> None:
    index = NameIndex()
    index.add(_entity("a", "Alpha", {"name": "Alfa", "error": "misspelling"}, "Alpha One"))
    [(name, (owner, alias))] = index.wrong_names().items()
    assert (name, owner, alias.error) == ("Alfa", "a", "misspelling")


def test_every_name_found_taken_is_kept_in_order() -> None:
    index = NameIndex()
    index.add(_entity("a", "Alpha", "The Prison", "Gate"))
    index.add(_entity("b", "Beta", "the  prison", "gate", "Beta Gate"))
    assert index.clashes == [("b", "the  prison", "a"), ("b", "gate", "a")]
