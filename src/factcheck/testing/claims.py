"""Strategies for what sources say: claims whose value suits their property's type,
and the sources (articles and reference sets) that make them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from factcheck.domain.model import Claim, Entity, Period, Property, Snapshot, Source
from factcheck.testing.texts import slugs, texts
from factcheck.testing.values import (
    DATE_HEDGE_NAMES,
    QUANTITY_HEDGES,
    date_values,
    partial_dates,
    quantity_values,
)

__all__ = ["claims", "sources"]


def _periods() -> st.SearchStrategy[Period]:
    years = st.lists(st.integers(1900, 2100), min_size=2, max_size=2).map(sorted)
    return st.one_of(
        years.map(lambda y: Period(start=str(y[0]), end=str(y[1]))),
        partial_dates().map(lambda d: Period(start=d)),
        partial_dates().map(lambda d: Period(end=d)),
    )


def _value(draw: st.DrawFn, prop: Property, entity_names: Sequence[str]) -> tuple[Any, str | None]:
    """A value and hedge that suit ``prop``."""
    if prop.type == "quantity":
        hedge = draw(st.sampled_from(QUANTITY_HEDGES))
        return draw(quantity_values(hedge)), hedge
    if prop.type == "date":
        value = draw(date_values())
        if isinstance(value, tuple):
            return value, "between"
        return value, draw(st.sampled_from(DATE_HEDGE_NAMES))
    if prop.type == "status":
        assert prop.values is not None
        return draw(st.sampled_from(prop.values)), None
    if prop.type == "boolean":
        return draw(st.booleans()), None
    if prop.type == "entity":
        return draw(st.sampled_from(entity_names)), None
    return draw(texts()), None


def claims(
    entity_list: Sequence[Entity],
    property_list: Sequence[Property],
    *,
    cite: str = "quote",
    ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Claim]:
    """A claim about one of ``entity_list`` stating one of ``property_list``.

    ``cite`` is ``"quote"`` (article sources) or ``"basis"`` (reference sources).
    """
    names = [e.id for e in entity_list] + [a.name for e in entity_list for a in e.aliases]

    @st.composite
    def build(draw: st.DrawFn) -> Claim:
        prop = draw(st.sampled_from(property_list))
        value, hedge = _value(draw, prop, [e.id for e in entity_list])
        fields: dict[str, Any] = {
            "id": draw(ids if ids is not None else slugs()),
            "subject": draw(st.sampled_from(names)),
            "property": prop.id,
            "value": value,
            cite: draw(texts(max_size=60)),
        }
        if hedge is not None and (hedge != "exact" or draw(st.booleans())):
            fields["hedge"] = hedge
        if prop.type == "quantity" and draw(st.booleans()):
            fields["tolerance"] = draw(st.sampled_from((0.0, 0.02, 0.1, 0.5)))
        when = draw(st.sampled_from(("none", "as_of", "period")))
        if when == "as_of":
            fields["as_of"] = draw(partial_dates())
        elif when == "period":
            fields["period"] = draw(_periods())
        if draw(st.booleans()):
            fields["note"] = draw(texts())
        if draw(st.integers(0, 9)) == 0:
            fields["attributed_to"] = draw(texts())
        return Claim(**fields)

    return build()


def sources(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Source]:
    """An article (with a snapshot) or a reference source (with a basis)."""

    @st.composite
    def build(draw: st.DrawFn) -> Source:
        ident = draw(ids if ids is not None else slugs())
        fields: dict[str, Any] = {"id": ident, "title": draw(texts())}
        if draw(st.booleans()):
            fields["published"] = draw(partial_dates(2000, 2030))
        if draw(st.booleans()):
            fields["publisher"] = draw(texts(max_size=20))
        if draw(st.integers(0, 3)) == 0:
            fields["kind"] = "reference"
            fields["basis"] = draw(texts())
        else:
            sha = draw(st.from_regex(r"[0-9a-f]{64}", fullmatch=True))
            fields["snapshot"] = Snapshot(file=f"{ident}.txt", sha256=sha)
            if draw(st.booleans()):
                fields["translated"] = True
                fields["original_language"] = draw(st.sampled_from(("ru", "de", "es")))
        return Source(**fields)

    return build()
