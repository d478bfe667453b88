"""Claims rebuilt from the rows this run's own worker processes made, without pydantic.

A worker validates every claim with :class:`~factcheck.domain.model.Claim` and writes it
as JSON (``model_dump_json(exclude_unset=True)``); the parent used to validate that JSON
again, a third of its serial time on a cold load. Every constraint the model checks (slug
and date patterns, hedges, ranges, the cross-field rules) already held for the values the
worker dumped, and a JSON round trip of text, whole numbers, floats, booleans and null
gives back the same values, so only their Python types need checking here. Those are
checked field by field: anything the round trip could have changed (a list where the
model keeps a tuple, a nested period, an infinite float dumped as ``null``, an unknown
field) that is not exactly the expected shape goes through ``Claim.model_validate``,
as before. Rows read from the store (from disk) never come here: they are validated
in full (see :mod:`factcheck.io.records`).
"""

from __future__ import annotations

from typing import Any, Final, Literal

from factcheck.domain.model import Claim, Period
from factcheck.io.compact import compact_claims, field_set, kept_claim, share_fields

__all__ = ["claim_from_worker"]

_NONE: Final = type(None)
#: The Python types a worker's JSON gives each field (``list`` for a range, ``dict`` for
#: a period: both rebuilt below).
_TYPES: Final[dict[str, frozenset[type]]] = {
    **dict.fromkeys(("id", "subject", "property", "hedge"), frozenset({str})),
    **dict.fromkeys(
        ("unit", "as_of", "attributed_to", "note", "quote", "basis", "supersedes"),
        frozenset({str, _NONE}),
    ),
    "value": frozenset({str, int, float, bool, list}),
    "tolerance": frozenset({float, _NONE}),
    "draft": frozenset({bool}),
    "period": frozenset({dict, _NONE}),
}
assert set(_TYPES) == set(Claim.model_fields), "every field of Claim needs its types here"
#: The fields without a default: a row without one of them is not a worker's.
_REQUIRED: Final = frozenset(n for n, f in Claim.model_fields.items() if f.is_required())


def claim_from_worker(dumped: Any) -> Claim:
    """The claim a worker dumped as ``dumped`` (its decoded JSON): equal to
    ``Claim.model_validate(dumped)``, with the same fields set, and made as a load keeps
    its claims (see :mod:`factcheck.io.compact`)."""
    checked = _checked(dumped)
    if checked is None:  # not the shape a worker writes: the model decides
        claims = [Claim.model_validate(dumped)]
        share_fields(claims)
        compact_claims(claims)
        return claims[0]
    return kept_claim(*checked)


def _checked(dumped: Any) -> tuple[dict[str, Any], set[str]] | None:
    """``dumped`` with the types the model keeps (a tuple for a range, a model for a
    period) and its shared field-name set, or ``None`` when any field is not what a
    worker writes."""
    if type(dumped) is not dict:
        return None
    # The fields and their types decide the check; a corpus has a few dozen such shapes,
    # so each is checked once and then looked up (a loop per claim cost more than this).
    shape = (*dumped, *map(type, dumped.values()))
    fields_set = _SHAPES.get(shape)
    if fields_set is None:
        fields_set = field_set(frozenset(dumped)) if _shape_ok(dumped) else False
        if len(_SHAPES) < _MAX_SHAPES:
            _SHAPES[shape] = fields_set
    if fields_set is False:
        return None
    value = dumped["value"]
    if type(value) is not list and dumped.get("period") is None:
        return dumped, fields_set  # the common case: nothing to rebuild
    out = dict(dumped)
    ok, out["value"] = _value(value)
    if "period" in dumped:
        ok2, out["period"] = _period(dumped["period"])
        ok = ok and ok2
    return (out, fields_set) if ok else None


#: Shapes already checked (field names then their types): the shared field-name set of
#: a shape that passes, ``False`` for one that does not.
_SHAPES: dict[tuple[Any, ...], set[str] | Literal[False]] = {}
#: At most this many shapes are remembered (the rest are checked each time): a bound,
#: so rows of every shape could never grow it without end.
_MAX_SHAPES: Final = 4096


def _shape_ok(dumped: dict[str, Any]) -> bool:
    types = _TYPES
    for name, v in dumped.items():
        allowed = types.get(name)
        if allowed is None or type(v) not in allowed:
            return False
    return _REQUIRED.issubset(dumped)


def _value(v: Any) -> tuple[bool, Any]:
    if type(v) is not list:
        return True, v
    if len(v) == 2 and all(type(x) in (str, int, float) for x in v):
        return True, (v[0], v[1])
    return False, v


def _period(v: Any) -> tuple[bool, Any]:
    if v is None:
        return True, None
    if type(v) is not dict or not v or not {"start", "end"}.issuperset(v):
        return False, v
    if not all(x is None or type(x) is str for x in v.values()):
        return False, v
    period = Period.__new__(Period)
    setattr_ = object.__setattr__
    setattr_(period, "__dict__", {"start": v.get("start"), "end": v.get("end")})
    setattr_(period, "__pydantic_fields_set__", set(v))
    setattr_(period, "__pydantic_extra__", None)
    setattr_(period, "__pydantic_private__", None)
    return True, period
