"""A source file's claim index by column (factcheck.io.claim_index): what goes in comes
back, and anything else is refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.io.claim_index import ClaimIndex, decode_index, encode_index

_text = st.text(max_size=8)
_date = st.one_of(_text, st.integers(-3000, 3000))
_value = st.one_of(st.none(), _text, st.integers(), st.lists(_date, min_size=2, max_size=2))
_entry = st.one_of(st.none(), st.tuples(_text, _text, _value, _text).map(list))


def _as_stored(entry: list[Any] | None) -> Any:
    if entry is None:
        return None
    subject, prop, value, hedge = entry
    return (subject, prop, tuple(value) if type(value) is list else value, hedge)


@given(st.lists(_entry, max_size=30))
def test_an_index_comes_back_through_json_as_it_went_in(entries: list[list[Any] | None]) -> None:
    index = decode_index(json.loads(json.dumps(encode_index(entries))))
    assert tuple(map(index.entry, range(len(index)))) == tuple(_as_stored(e) for e in entries)
    assert len(index) == len(entries)


@given(st.lists(_entry, max_size=30), st.sets(_text, max_size=4))
def test_where_finds_exactly_the_valid_claims_of_the_wanted(
    entries: list[list[Any] | None], wanted: set[str]
) -> None:
    index = decode_index(encode_index(entries))
    for column, field in ((index.subjects, 0), (index.properties, 1)):
        expected = [n for n, e in enumerate(entries) if e is not None and e[field] in wanted]
        assert list(index.where(column, wanted)) == expected


def _good() -> dict[str, Any]:
    return encode_index([["s", "p", 1, "exact"], None, ["t", "q", ["2020", 2021], "between"]])


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("hedges"),
        lambda d: d.update(subjects="s"),
        lambda d: d["subjects"].append("x"),
        lambda d: d["properties"].__setitem__(0, 1),
        lambda d: d["hedges"].__setitem__(2, None),
        lambda d: d["values"].__setitem__(0, 1.5),
        lambda d: d["values"].__setitem__(0, True),
        lambda d: d["values"].__setitem__(2, ["2020"]),
        lambda d: d["values"].__setitem__(2, ["2020", None]),
        lambda d: d["values"].__setitem__(2, ["2020", "2021", "2022"]),
        lambda d: d.update(invalid=[3]),
        lambda d: d.update(invalid=[-1]),
        lambda d: d.update(invalid=[1, 1]),
        lambda d: d.update(invalid=["1"]),
    ],
)
def test_a_malformed_index_is_refused(change: Any) -> None:
    data = json.loads(json.dumps(_good()))
    assert isinstance(decode_index(data), ClaimIndex)
    change(data)
    with pytest.raises((ValueError, KeyError, TypeError)):
        decode_index(data)


def test_a_list_is_not_an_index() -> None:
    with pytest.raises(ValueError):
        decode_index([["s", "p", 1, "exact"]])


def test_decoding_leaves_the_data_as_it_was() -> None:
    data = json.loads(json.dumps(_good()))
    before = json.dumps(data)
    first = decode_index(data)
    assert json.dumps(data) == before and decode_index(data) == first
