"""What a claim's value, hedge and time stand for (factcheck.domain.claim_values)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.domain.claim_values import (
    claim_time,
    claim_value,
    date_claim_span,
    span_of,
)
from factcheck.domain.model import Claim, Property
from factcheck.domain.values import DateSpan, Interval


class _Names:
    """Two entities, one with an alias: what an entity value resolves against."""

    entities: Mapping[str, object] = {"cecot": None, "el-salvador": None}

    def resolve(self, name: str) -> str | None:
        return {"cecot": "cecot", "CECOT": "cecot", "el-salvador": "el-salvador"}.get(name)


def _claim(value: object, **extra: Any) -> Claim:
    fields = {"id": "c", "subject": "s", "property": "p", "value": value, **extra}
    return Claim.model_validate(fields)


def _value(kind: str, value: object, **extra: Any) -> tuple[object, str | None]:
    prop_fields = {
        k: extra.pop(k) for k in ("unit", "minimum", "values", "precision") if k in extra
    }
    prop = Property.model_validate({"id": "p", "type": kind, **prop_fields})
    return claim_value(prop, _claim(value, **extra), _Names())


def test_a_quantity_becomes_the_interval_its_hedge_admits() -> None:
    value, unit = _value("quantity", 100, hedge="at-least", unit="people")
    assert isinstance(value, Interval) and (value.lo, value.hi) == (100, float("inf"))
    assert unit == "people"
    assert _value("quantity", 100)[0] == Interval(100, 100)
    about, _ = _value("quantity", 100, hedge="about")
    assert isinstance(about, Interval) and about.lo < 100 < about.hi  # the tolerance


def test_a_quantity_written_as_text_takes_its_unit_from_the_text() -> None:
    value, unit = _value("quantity", "57%")
    assert isinstance(value, Interval) and value.lo <= 57 <= value.hi
    assert unit is not None


def test_a_written_precision_quantity_spans_its_rounding() -> None:
    value, _ = _value("quantity", 40000, precision="written")
    assert value == Interval(35000, 45000)


@pytest.mark.parametrize(
    ("kind", "value", "extra", "problem"),
    [
        ("quantity", 5, {"hedge": "before"}, "is for dates"),
        ("quantity", True, {}, "is a quantity; got True"),
        ("quantity", ["a", 2], {"hedge": "between"}, "a range takes two numbers"),
        ("quantity", -1, {"minimum": 0}, "-1 is below 0"),
        ("quantity", [-2, 3], {"hedge": "between", "minimum": 0}, "-2 is below 0"),
        ("date", 2.5, {}, "is a date; got 2.5"),
        ("date", "2023", {"hedge": "about"}, "does not apply to a date"),
        ("date", "2023", {"hedge": "more-than"}, "does not apply to a date"),
        ("boolean", True, {"hedge": "about"}, "does not apply to a boolean value"),
        ("boolean", "yes", {}, "is true/false"),
        ("text", 5, {}, "takes text"),
        ("status", "opne", {"values": ["open", "closed"]}, "did you mean 'open'"),
        ("entity", "cecott", {}, "unknown entity 'cecott' (did you mean 'cecot'?)"),
        ("order", "nowhere", {}, "unknown entity 'nowhere'"),
    ],
)
def test_values_that_do_not_fit_their_property_are_refused(
    kind: str, value: object, extra: dict[str, Any], problem: str
) -> None:
    with pytest.raises(
        ValueError, match=problem.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")
    ):
        _value(kind, value, **extra)


def test_a_unit_in_the_text_must_agree_with_the_claims_unit() -> None:
    prop = Property(id="p", type="quantity")
    with pytest.raises(ValueError, match="but unit says 'people'"):
        claim_value(prop, _claim("57%", unit="people"), _Names())
    assert claim_value(prop, _claim(57, unit="people"), _Names())[1] == "people"


def test_entities_resolve_and_text_folds() -> None:
    assert _value("entity", "CECOT") == ("cecot", None)
    assert _value("text", "  Some   Name ") == ("some name", None)
    assert _value("text", "CECOT") == ("cecot", None)  # text naming an entity: the entity
    assert _value("status", "open", values=["open"]) == ("open", None)
    assert _value("boolean", False) == (False, None)


def test_a_claim_is_about_its_as_of_or_its_period_with_open_ends_unbounded() -> None:
    assert claim_time(_claim(1)) is None
    assert claim_time(_claim(1, as_of="2025-03")) == span_of("2025-03")
    since = claim_time(_claim(1, period={"start": "2013"}))
    assert since is not None and since.start == span_of("2013").start
    assert since.end.year == 9999 or since.end > span_of("9998").end
    both = claim_time(_claim(1, period={"start": "2013", "end": "2014"}))
    assert both == DateSpan(span_of("2013").start, span_of("2014").end)


@given(st.integers(1900, 2100), st.integers(1, 12))
def test_a_date_claim_covers_its_month(year: int, month: int) -> None:
    text = f"{year}-{month:02d}"
    span = date_claim_span(text, "exact")
    assert span == span_of(text)
    assert span.start.month == month and span.start.day == 1
