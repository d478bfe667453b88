"""The pydantic models of fact files (factcheck.domain.model)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from factcheck import Claim, Property, Snapshot

CLAIM = {"id": "c", "subject": "cecot", "property": "capacity", "value": 40000, "quote": "q"}


@pytest.mark.parametrize(
    ("model", "data", "problem"),
    [
        (Snapshot, {"file": "../x.txt", "sha256": "a" * 64}, "without directories"),
        (Snapshot, {"file": "x.txt", "sha256": "nothex"}, "pattern"),
        (Property, {"id": "status", "type": "status"}, "lists its allowed values"),
        (Property, {"id": "n", "type": "quantity", "entity_kind": []}, "at least one kind"),
        (Property, {"id": "n", "type": "quantity", "entity_kind": "A Prison"}, "not a valid id"),
        (Claim, {**CLAIM, "extra": 1}, "Extra inputs"),
        (Claim, {**CLAIM, "id": "Not A Slug"}, "not a valid id"),
    ],
)
def test_invalid_input_is_refused(model: Any, data: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        model.model_validate(data)


@pytest.mark.parametrize(("written", "hedge"), [("over", "more-than"), ("around", "about")])
def test_hedge_spellings_are_normalised(written: str, hedge: str) -> None:
    assert Claim.model_validate({**CLAIM, "hedge": written}).hedge == hedge


def test_models_are_frozen_and_round_trip_through_json() -> None:
    claim = Claim.model_validate(CLAIM)
    with pytest.raises(ValidationError):
        claim.value = 1  # type: ignore[misc]
    again = Claim.model_validate_json(claim.model_dump_json(exclude_unset=True))
    assert again == claim and again.model_fields_set == claim.model_fields_set


def test_a_property_may_declare_its_least_value() -> None:
    assert Property.model_validate({"id": "n", "type": "quantity", "minimum": 0}).minimum == 0


def test_a_property_s_entity_kind_is_one_kind_or_a_list() -> None:
    one = Property.model_validate({"id": "n", "type": "quantity", "entity_kind": "prison"})
    two = Property.model_validate({"id": "n", "type": "quantity", "entity_kind": ["a", "b"]})
    assert (one.entity_kind, two.entity_kind) == (["prison"], ["a", "b"])


def test_default_factories_are_python_functions() -> None:
    # pydantic reads each factory's signature when it builds a validator; a builtin's
    # (list, dict) is parsed from its text, which compiles tokenize's patterns in every
    # hook run. A Python function's signature comes from its code.
    import inspect

    from pydantic import BaseModel

    from factcheck.domain import model

    models = [m for m in vars(model).values() if isinstance(m, type) and issubclass(m, BaseModel)]
    factories = [
        f.default_factory
        for m in models
        for f in m.model_fields.values()
        if f.default_factory is not None
    ]
    assert len(factories) >= 3
    assert all(inspect.isfunction(f) for f in factories), factories
