"""Claims kept small: a large corpus holds a million of them at once.

Nothing here changes a value; each step only makes equal things one object:

- claims with the same fields set share one field-name set (pydantic keeps a set per
  model, over 200 bytes): one table for the whole process, as the combinations of a
  claim's fields are few (21 in a generated corpus of 100k claims);
- repeated strings (entity ids, property ids, hedges, dates, names, text values) are
  interned: one object across the corpus, not one per file. Interned strings are freed
  with their last reference, so a long-running process keeps none of them;
- :func:`compact_claims` moves each claim's fields into CPython's key-sharing instance
  storage: pydantic gives every validated model a dict of its own (464 bytes for a
  claim's 15 fields), where the class's shared key table leaves about 200.

Safe: the models are frozen, and pydantic copies the field set whenever it copies a model.
On an interpreter without key-sharing the copy is an ordinary model, equal to the first.
"""

from __future__ import annotations

import sys
from typing import Any, Final

from factcheck.domain.model import Claim

__all__ = ["compact_claims", "field_set", "kept_claim", "share_fields"]

#: Claim fields whose values repeat across the corpus (ids of entities and properties,
#: hedges, dates, names) and the value itself when it is text ("signed", "2025-02-04").
_REPEATED: Final = ("subject", "property", "value", "unit", "hedge", "as_of", "attributed_to")

#: Every field with its default, in the model's order (pairs: see :func:`kept_claim`).
_DEFAULTS: Final = tuple((name, f.default) for name, f in Claim.model_fields.items())

#: Every field-name set claims were seen with, by its members.
_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def share_fields(claims: list[Claim]) -> None:
    """Make claims share equal field-name sets and repeated strings (in place; ``None``
    stands for an invalid claim and is left)."""
    sets = _FIELD_SETS
    intern = sys.intern
    for claim in claims:
        if claim is None:
            continue
        fields = claim.__pydantic_fields_set__
        object.__setattr__(
            claim, "__pydantic_fields_set__", sets.setdefault(frozenset(fields), fields)
        )
        values = claim.__dict__
        for name in _REPEATED:
            value = values[name]
            if type(value) is str:
                values[name] = intern(value)


def field_set(names: frozenset[str]) -> set[str]:
    """The one field-name set of claims with the fields ``names`` set."""
    return _FIELD_SETS.setdefault(names, set(names))


def kept_claim(values: dict[str, Any], fields_set: set[str]) -> Claim:
    """The claim of ``values`` (fields in the model's order, each of the type the model
    keeps: checked already) with ``fields_set`` set, and the other fields their defaults:
    as :func:`share_fields` and :func:`compact_claims` would leave it, made in one step.

    For claims rebuilt from a worker's row (:mod:`factcheck.io.worker_claims`), which
    were made three times over (a dict of every field, a model, its compact copy): 8.6 ->
    6.2 us a claim, a few seconds of a million.
    """
    model = Claim.__new__(Claim)
    fields = model.__dict__
    # Pairs, every field first and in order: the class's shared keys (then only values
    # change).
    fields.update(_DEFAULTS)
    fields.update(values.items())
    intern = sys.intern
    for name in _REPEATED:
        value = fields[name]
        if type(value) is str:
            fields[name] = intern(value)
    setattr_ = object.__setattr__
    setattr_(model, "__pydantic_fields_set__", fields_set)
    setattr_(model, "__pydantic_extra__", None)
    setattr_(model, "__pydantic_private__", None)
    return model


def compact_claims(claims: list[Claim]) -> None:
    """Replace each claim by an equal one whose fields use the class's shared keys."""
    new = Claim.__new__
    setattr_ = object.__setattr__
    for i, claim in enumerate(claims):
        if claim is None:
            continue
        model = new(Claim)
        # Pairs, not the dict: updating an empty dict from a dict copies its own table.
        model.__dict__.update(claim.__dict__.items())
        setattr_(model, "__pydantic_fields_set__", claim.__pydantic_fields_set__)
        setattr_(model, "__pydantic_extra__", claim.__pydantic_extra__)
        setattr_(model, "__pydantic_private__", claim.__pydantic_private__)
        claims[i] = model


def _share_keys() -> None:
    # CPython adds a name to a class's shared key table only while few instances have
    # been made (each one made by __new__ narrows it): one instance given every field
    # now, at import, puts all of them there for the claims compacted later.
    model = Claim.__new__(Claim)
    for name in Claim.model_fields:
        object.__setattr__(model, name, None)


_share_keys()
