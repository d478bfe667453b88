"""Strategies for rules, selectors and waivers (factcheck.testing.rules)."""

from __future__ import annotations

from hypothesis import given

from factcheck.domain.model import Rule, Selector, Waiver
from factcheck.testing.rules import rules_for, selectors, waivers

PROPS = ["inmates", "capacity", "opened"]


@given(rules_for(PROPS))
def test_rules_have_distinct_ids_and_select_known_properties(rules: list[Rule]) -> None:
    assert 1 <= len(rules) <= 3
    assert len({r.id for r in rules}) == len(rules)
    for rule in rules:
        assert set(rule.select.property or ()) <= set(PROPS)
        assert rule.severity in ("error", "warning", "info")


@given(selectors(PROPS))
def test_selectors_name_some_properties_or_none(selector: Selector) -> None:
    assert selector.property is None or 1 <= len(selector.property) <= len(PROPS)


@given(waivers(["agree"], ["a/x", "b/y"]))
def test_waivers_name_given_rules_and_claims(waiver: Waiver) -> None:
    assert waiver.rule == "agree"
    assert set(waiver.claims) <= {"a/x", "b/y"}
    assert waiver.reason.strip()
