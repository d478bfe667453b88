from __future__ import annotations

import platform
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings

import factcheck
from factcheck.domain.model import Claim
from factcheck.io.compact import compact_claims, field_set, kept_claim, share_fields
from factcheck.testing import strategies as fst


def _fresh(corpus: factcheck.Corpus) -> list[Claim]:
    """The corpus's claims validated again, each with a dict of its own, as loading makes them."""
    return [
        Claim.model_validate(c.model_dump(exclude_unset=True))
        for sf in corpus.sources.values()
        for c in sf.claims
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fst.corpora())
def test_compact_and_shared_claims_equal_the_claims_they_replace(corpus: factcheck.Corpus) -> None:
    before = _fresh(corpus)
    claims: list[Claim] = [*_fresh(corpus), None]  # type: ignore[list-item]
    share_fields(claims)
    compact_claims(claims)
    assert claims[-1] is None  # an invalid claim's placeholder stays
    assert claims[:-1] == before
    for a, b in zip(claims, before, strict=False):
        assert type(a) is Claim
        assert a.model_dump() == b.model_dump()
        assert a.model_fields_set == b.model_fields_set
        assert a.model_dump_json(exclude_unset=True) == b.model_dump_json(exclude_unset=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fst.corpora())
def test_a_kept_claim_is_the_claim_shared_and_compacted(corpus: factcheck.Corpus) -> None:
    claims = _fresh(corpus)
    kept = [
        kept_claim(
            {name: c.__dict__[name] for name in c.model_fields_set},
            field_set(frozenset(c.model_fields_set)),
        )
        for c in claims
    ]
    share_fields(claims)
    compact_claims(claims)
    for a, b in zip(kept, claims, strict=True):
        assert a == b and list(a.__dict__) == list(b.__dict__)
        assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
        assert a.model_dump_json(exclude_unset=True) == b.model_dump_json(exclude_unset=True)


def test_equal_field_sets_and_repeated_strings_are_one_object_across_files() -> None:
    def file(n: int) -> list[Claim]:  # strings made anew for each file, as JSON decoding does
        return [
            Claim.model_validate(
                {"id": f"c{i}", "subject": "".join(["ent", "ity"]), "property": "p", "value": i}
            )
            for i in range(n)
        ]

    first, second = file(3), file(2)
    share_fields(first)
    share_fields(second)
    assert first[0].subject is second[1].subject
    assert first[0].__pydantic_fields_set__ is second[1].__pydantic_fields_set__
    assert [c.value for c in first] == [0, 1, 2]


@pytest.mark.skipif(platform.python_implementation() != "CPython", reason="CPython's dicts")
def test_a_compact_claim_takes_less_memory_than_a_validated_one() -> None:
    # In a fresh process, as a load makes them: pydantic's dict of its own, against the
    # class's shared keys.
    code = (
        "import sys; from factcheck.io.compact import compact_claims;"
        "from factcheck.domain.model import Claim;"
        "cs = [Claim.model_validate({'id': f'c{i}', 'subject': 's', 'property': 'p', 'value': i})"
        " for i in range(50)]; before = sys.getsizeof(cs[-1].__dict__);"
        "compact_claims(cs); print(before, sys.getsizeof(cs[-1].__dict__))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = map(int, out.stdout.split())
    assert after < before * 0.6, (before, after)
