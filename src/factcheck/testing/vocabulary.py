"""Strategies for what claims are about: properties (typed, with units and tolerances)
and entities (with aliases, some of them marked misspellings)."""

from __future__ import annotations

from typing import Any, Final

from hypothesis import strategies as st

from factcheck.domain.model import Alias, Entity, Property
from factcheck.testing.texts import slugs, texts

__all__ = ["PROPERTY_TYPES", "entities", "properties"]

#: Every property type, in a stable order for shrinking.
PROPERTY_TYPES: Final = ("quantity", "date", "text", "entity", "status", "boolean")


def properties(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Property]:
    """A property of any type, with a unit and tolerance for quantities."""

    @st.composite
    def build(draw: st.DrawFn) -> Property:
        kind = draw(st.sampled_from(PROPERTY_TYPES))
        fields: dict[str, Any] = {"id": draw(ids if ids is not None else slugs()), "type": kind}
        if kind == "quantity":
            if draw(st.booleans()):
                fields["unit"] = draw(st.sampled_from(("people", "inmates", "percent", "m", "ft")))
            if draw(st.booleans()):
                fields["tolerance"] = draw(st.sampled_from((0.0, 0.01, 0.05, 0.1, 0.25)))
            if draw(st.booleans()):
                fields["precision"] = draw(st.sampled_from(("exact", "written")))
        if draw(st.integers(0, 3)) == 0:
            fields["invariant"] = True
        if draw(st.integers(0, 5)) == 0:
            fields["unchecked"] = draw(texts(max_size=20))
        if kind == "status":
            fields["values"] = draw(st.lists(slugs(), min_size=1, max_size=4, unique=True))
        return Property(**fields)

    return build()


def entities(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Entity]:
    """An entity with a name and a few aliases (plain or marked as misspellings)."""

    @st.composite
    def build(draw: st.DrawFn) -> Entity:
        ident = draw(ids if ids is not None else slugs())
        names = draw(st.lists(texts(max_size=20), max_size=3))
        aliases: list[Alias] = []
        for name in names:
            if draw(st.booleans()):
                aliases.append(Alias(name=name))
            else:
                aliases.append(Alias(name=name, error="misspelling", lang="es"))
        return Entity(
            id=ident,
            name=draw(texts(max_size=30)),
            kind=draw(st.sampled_from(("prison", "country", "person", "law", "event"))),
            aliases=aliases,
        )

    return build()
