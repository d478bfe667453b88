"""Claim values resolved: what a claim's ``value``, ``hedge`` and time stand for.

A value is checked against its property's type and becomes something the checks can
compare: an :class:`~factcheck.domain.values.Interval` (quantities), a
:class:`~factcheck.domain.values.DateSpan` (dates), an entity id or folded text, or a
boolean. Each refusal is a ``ValueError`` whose message is shown at the claim's value.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Protocol

from factcheck.domain.errors import did_you_mean
from factcheck.domain.model import Claim, Property
from factcheck.domain.names import fold
from factcheck.domain.values import (
    DATE_HEDGES,
    HEDGES,
    DateSpan,
    Interval,
    PartialDate,
    date_range,
    date_span,
    hedge_interval,
    parse_quantity,
    written_interval,
)

__all__ = [
    "Names",
    "Value",
    "claim_time",
    "claim_value",
    "date_claim_span",
    "date_value",
    "span_of",
]

Value = Interval | DateSpan | str | bool


class Names(Protocol):
    """What resolving an entity-valued claim needs of the corpus."""

    @property
    def entities(self) -> Mapping[str, object]: ...

    def resolve(self, name: str) -> str | None: ...


# A corpus names the same few thousand dates over and over; spans are immutable.
@lru_cache(maxsize=65536)
def span_of(text: str) -> DateSpan:
    """The span a partial date (``2025``, ``2025-03``, ``2025-03-16``) covers."""
    return PartialDate.parse(text).span()


@lru_cache(maxsize=65536)
def date_value(text: str, hedge: str) -> DateSpan:
    """The span a date claim stands for: ``text`` (a partial date) under ``hedge``."""
    return date_span(PartialDate.parse(text), hedge)


def claim_time(claim: Claim) -> DateSpan | None:
    """The time a claim is about: its ``as_of`` or its ``period`` (open ends unbounded)."""
    if claim.as_of is not None:
        return span_of(claim.as_of)
    if claim.period is not None:
        start = span_of(claim.period.start) if claim.period.start else None
        end = span_of(claim.period.end) if claim.period.end else None
        lo = start.start if start else date_span(PartialDate(1), "not-before").start
        hi = end.end if end else date_span(PartialDate(9999), "not-after").end
        return DateSpan(lo, hi)
    return None


def date_claim_span(v: object, hedge: str) -> DateSpan:
    """The span a date claim's value (a partial date, or a ``[first, last]`` range)
    stands for under ``hedge``; ``ValueError`` when they do not go together."""
    if isinstance(v, tuple | list):
        if hedge != "between":
            raise ValueError("a date range [first, last] takes hedge: between")
        first, last = (PartialDate.parse(str(x)) for x in v)
        return date_range(first, last)
    if hedge not in DATE_HEDGES:
        raise ValueError(
            f"hedge {hedge!r} does not apply to a date; use one of {sorted(DATE_HEDGES)}"
        )
    return date_value(str(v), hedge)


def claim_value(prop: Property, claim: Claim, names: Names) -> tuple[Value, str | None]:
    """The claim's value as the checks compare it, and its unit (quantities only).

    Raises ``ValueError`` when the value does not fit the property's type.
    """
    kind = prop.type
    if kind == "quantity":
        return _quantity(prop, claim)
    if kind == "date":
        if isinstance(claim.value, bool | float):
            raise ValueError(f"property {prop.id!r} is a date; got {claim.value!r}")
        return date_claim_span(claim.value, claim.hedge), None
    # A stage of a cumulative status can be a bound: reached it (or later), not past it.
    stage_hedge = kind == "status" and prop.cumulative and claim.hedge in ("at-least", "at-most")
    if claim.hedge != "exact" and not stage_hedge:
        raise ValueError(f"hedge {claim.hedge!r} does not apply to a {kind} value")
    return _exact(prop, claim.value, names), None


def _quantity(prop: Property, claim: Claim) -> tuple[Interval, str | None]:
    v, hedge, unit = claim.value, claim.hedge, claim.unit
    if hedge not in HEDGES:
        raise ValueError(f"hedge {hedge!r} is for dates; a quantity takes one of {sorted(HEDGES)}")
    if isinstance(v, bool):
        raise ValueError(f"property {prop.id!r} is a quantity; got {v!r}")
    if isinstance(v, tuple):
        lo, hi = v
        if isinstance(lo, str) or isinstance(hi, str):
            raise ValueError(f"property {prop.id!r} is a quantity; a range takes two numbers")
        v = (lo, hi)
    amount: float | tuple[float, float]
    if isinstance(v, str):
        amount, unit = _written_quantity(v, unit)
    else:
        amount = v
    _check_minimum(prop, amount)
    if prop.precision == "written" and hedge == "exact" and not isinstance(amount, tuple):
        assert not isinstance(v, tuple)
        return written_interval(v, amount), unit or prop.unit
    tolerance = claim.tolerance if claim.tolerance is not None else prop.tolerance
    return hedge_interval(amount, hedge, tolerance), unit or prop.unit


def _written_quantity(text: str, unit: str | None) -> tuple[float, str | None]:
    """A quantity written as text (``"57%"``, ``"$6 million"``) and its unit, which must
    agree with the claim's own ``unit`` when both are given."""
    number, parsed_unit = parse_quantity(text)
    if parsed_unit and unit and parsed_unit != unit:
        raise ValueError(f"{text!r} is in {parsed_unit}, but unit says {unit!r}")
    return number, unit or parsed_unit


def _check_minimum(prop: Property, amount: float | tuple[float, float]) -> None:
    low = min(amount) if isinstance(amount, tuple) else amount
    if prop.minimum is not None and low < prop.minimum:
        raise ValueError(
            f"{low:g} is below {prop.minimum:g}, the least value property {prop.id!r} can take"
        )


def _exact(prop: Property, v: object, names: Names) -> str | bool:
    """A boolean, status, entity, order or text value (these take no hedge)."""
    kind = prop.type
    if kind == "boolean":
        if not isinstance(v, bool):
            raise ValueError(f"property {prop.id!r} is true/false; got {v!r}")
        return v
    if not isinstance(v, str):
        raise ValueError(f"property {prop.id!r} takes text; got {v!r}")
    if kind == "status":
        assert prop.values is not None
        if v not in prop.values:
            raise ValueError(
                f"{v!r} is not a value of {prop.id!r}; expected one of {', '.join(prop.values)}"
                + did_you_mean(v, prop.values)
            )
        return v
    entity = names.resolve(v)
    if kind in ("entity", "order") and entity is None:
        raise ValueError(f"unknown entity {v!r}" + did_you_mean(v, names.entities))
    return entity if entity is not None else fold(v)
