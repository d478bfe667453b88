"""Strategies for rules (any kind name, selectors, parameters, severities) and waivers
naming drawn claims."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from factcheck.domain.model import Rule, Selector, Waiver
from factcheck.testing.texts import slugs, texts
from factcheck.testing.values import partial_dates

__all__ = ["rules_for", "selectors", "waivers"]


def rules_for(property_ids: Sequence[str]) -> st.SearchStrategy[list[Rule]]:
    """A few rules with distinct ids over ``property_ids``: any kind name, params, severity."""
    params = st.dictionaries(
        slugs(8), st.one_of(st.integers(-100, 100), st.booleans(), texts(max_size=10)), max_size=2
    )

    @st.composite
    def build(draw: st.DrawFn) -> Rule:
        fields: dict[str, Any] = {
            "id": draw(slugs()),
            "kind": draw(st.sampled_from(("agree", "agree", "bound", "my-own-kind"))),
            "description": draw(texts()),
        }
        if draw(st.booleans()):
            fields["select"] = draw(selectors(property_ids))
        if draw(st.booleans()):
            fields["params"] = draw(params)
        if draw(st.booleans()):
            fields["severity"] = draw(st.sampled_from(("error", "warning", "info")))
        return Rule(**fields)

    return st.lists(build(), min_size=1, max_size=3, unique_by=lambda r: r.id)


def waivers(rule_ids: Sequence[str], refs: Sequence[str]) -> st.SearchStrategy[Waiver]:
    """A waiver for one of ``rule_ids`` naming one or two of ``refs`` (source-id/claim-id)."""

    @st.composite
    def build(draw: st.DrawFn) -> Waiver:
        fields: dict[str, Any] = {
            "rule": draw(st.sampled_from(list(rule_ids))),
            "claims": draw(st.lists(st.sampled_from(list(refs)), min_size=1, max_size=2)),
            "reason": draw(texts()),
            "reviewer": draw(texts(max_size=20)),
            "date": draw(partial_dates(2020, 2030)),
        }
        if draw(st.booleans()):
            fields["expires"] = draw(partial_dates(2020, 2040))
        return Waiver(**fields)

    return build()


def selectors(property_ids: Sequence[str]) -> st.SearchStrategy[Selector]:
    """A rule selector over some of ``property_ids`` (or everything)."""
    return st.one_of(
        st.just(Selector()),
        st.lists(st.sampled_from(list(property_ids)), min_size=1, unique=True).map(
            lambda ps: Selector(property=ps)
        ),
    )
