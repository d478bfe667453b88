"""Claims rebuilt from workers' rows (factcheck.io.worker_claims) equal validated ones."""

from __future__ import annotations

import json
import math
import platform
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from factcheck.domain.model import Claim
from factcheck.io.worker_claims import claim_from_worker
from factcheck.testing import strategies as fst


def _row(claim: Claim) -> Any:
    """What a worker writes for ``claim`` and the parent decodes (see io/records.py)."""
    return json.loads(claim.model_dump_json(exclude_unset=True))


def _same(built: Claim, validated: Claim) -> None:
    assert built == validated
    assert built.model_fields_set == validated.model_fields_set
    # Same order (key sharing in io/compact.py) and same types (1 is not 1.0 nor True).
    assert list(built.__dict__) == list(validated.__dict__)
    assert [type(v) for v in built.__dict__.values()] == [
        type(v) for v in validated.__dict__.values()
    ]
    if validated.period is not None:
        assert built.period is not None
        assert built.period.model_fields_set == validated.period.model_fields_set
    assert built.model_dump_json(exclude_unset=True) == validated.model_dump_json(
        exclude_unset=True
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fst.corpora())
def test_generated_claims_come_back_equal(corpus: Any) -> None:
    for fact in corpus:
        claim = fact.claim
        _same(claim_from_worker(_row(claim)), Claim.model_validate(_row(claim)))
        _same(claim_from_worker(_row(claim)), claim)


_SCALARS = st.one_of(
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["1200", "2021", "2021-03", "mid 2020", "x", ""]),
)
_OPTIONAL = {
    "unit": st.sampled_from(["t", "km", None]),
    "hedge": st.sampled_from(["exact", "about", "between", "up to", "before", "at-least"]),
    "tolerance": st.one_of(st.none(), st.integers(0, 1), st.floats(0, 1)),
    "as_of": st.one_of(st.none(), st.integers(1, 2100), st.sampled_from(["2020", "2020-02"])),
    "period": st.one_of(
        st.none(),
        st.fixed_dictionaries(
            {}, optional={"start": st.sampled_from(["2019", None]), "end": st.just("2021")}
        ),
    ),
    "attributed_to": st.sampled_from(["a minister", None]),
    "note": st.text(max_size=5),
    "quote": st.text(max_size=5),
    "basis": st.sampled_from(["register", None]),
    "draft": st.booleans(),
    "supersedes": st.sampled_from(["src/c1", None]),
}


@settings(max_examples=400, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "id": st.sampled_from(["c1", "claim-2"]),
            "subject": st.sampled_from(["cecot", "El Salvador"]),
            "property": st.just("capacity"),
            "value": st.one_of(_SCALARS, st.lists(_SCALARS, min_size=2, max_size=2)),
        },
        optional=_OPTIONAL,
    )
)
def test_any_valid_claim_comes_back_equal(fields: dict[str, Any]) -> None:
    # Whatever the YAML gave that the model accepts, the worker's row rebuilds the same
    # claim; a value JSON cannot carry (inf, nan: dumped as null) is refused, as before.
    try:
        claim = Claim.model_validate(fields)
    except ValidationError:
        return
    row = _row(claim)
    try:
        expected = Claim.model_validate(row)
    except ValidationError:
        with pytest.raises(ValidationError):
            claim_from_worker(row)
        return
    _same(claim_from_worker(row), expected)


@pytest.mark.parametrize(
    "row",
    [
        {"id": "c", "subject": "s", "property": "p", "value": None},  # inf dumped as null
        {"id": "c", "subject": "s", "property": "p", "value": 1, "extra": 1},
        {"id": "c", "subject": "s", "property": "p", "value": 1, "period": {}},
        {"id": "c", "subject": "s", "property": "p", "value": [1, 2, 3], "hedge": "between"},
        {"id": "c", "subject": 5, "property": "p", "value": 1},
        [1, 2],
    ],
)
def test_rows_of_another_shape_are_validated_in_full(row: Any) -> None:
    with pytest.raises(ValidationError):
        claim_from_worker(row)


def test_a_range_becomes_a_tuple_and_a_period_a_model() -> None:
    row = {"id": "c", "subject": "s", "property": "p", "value": [1, 2.5], "hedge": "between"}
    built = claim_from_worker({**row, "period": {"start": "2019"}})
    assert built.value == (1, 2.5) and type(built.value) is tuple
    assert built.period is not None and built.period.start == "2019"
    assert built.period.end is None and built.period.model_fields_set == {"start"}
    assert not math.isnan(built.value[1])


@pytest.mark.parametrize("missing", ["id", "subject", "property", "value"])
def test_a_row_missing_a_required_field_is_validated_in_full(missing: str) -> None:
    row = {"id": "c", "subject": "s", "property": "p", "value": 1}
    del row[missing]
    with pytest.raises(ValidationError):
        claim_from_worker(row)


def test_rebuilt_claims_are_made_as_a_load_keeps_them() -> None:
    # Shared field-name sets and interned strings across rows (decoded anew for each, as
    # each file's JSON is), without a second pass over the claims.
    def row(n: int) -> Any:
        text = f'{{"id": "c{n}", "subject": "cecot", "property": "capacity", "value": 1}}'
        return json.loads(text)

    first, second = claim_from_worker(row(1)), claim_from_worker(row(2))
    assert first.subject is second.subject and first.property is second.property
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.model_fields_set == {"id", "subject", "property", "value"}
    # A row of another shape, validated in full, is kept the same way.
    odd = claim_from_worker({**row(3), "tolerance": 0})  # an int, where a worker writes 0.0
    assert odd.tolerance == 0.0 and odd.subject is first.subject


@pytest.mark.skipif(platform.python_implementation() != "CPython", reason="CPython's dicts")
def test_rebuilt_claims_use_the_class_s_shared_keys() -> None:
    # In a fresh process: as small as a compacted claim (see tests/test_compact.py).
    code = (
        "import sys; from factcheck.io.worker_claims import claim_from_worker;"
        "from factcheck.io.compact import compact_claims; from factcheck.domain.model import Claim;"
        "row = lambda i: {'id': f'c{i}', 'subject': 's', 'property': 'p', 'value': i, 'unit': 't'};"
        "cs = [Claim.model_validate(row(i)) for i in range(50)]; compact_claims(cs);"
        "ws = [claim_from_worker(row(i)) for i in range(50)];"
        "print(sys.getsizeof(cs[-1].__dict__), sys.getsizeof(ws[-1].__dict__), ws == cs)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    compacted, rebuilt, equal = out.stdout.split()
    assert rebuilt == compacted and equal == "True"
