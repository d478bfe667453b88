"""The corpus's containers (factcheck.corpus).

:class:`PackedEntities` restores entities as they are looked up; whatever is done to it,
it must answer as the plain dict of the same entities would.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.corpus import Corpus, PackedEntities
from factcheck.model import Entity

_IDS = st.sampled_from(["a", "b", "c", "d", "e"])


def _entity(eid: str, kind: str = "prison") -> Entity:
    return Entity.model_validate(
        {"id": eid, "name": f"Name of {eid}", "kind": kind, "aliases": [f"{eid} alias"]}
    )


_ENTITIES = st.dictionaries(_IDS, st.sampled_from(["prison", "country", "person"]), max_size=5).map(
    lambda kinds: {eid: _entity(eid, kind) for eid, kind in kinds.items()}
)

#: Operations on a table of entities and what they return (compared between the two).
_OPS: dict[str, Callable[[dict[str, Entity], str], Any]] = {
    "getitem": lambda d, k: d[k],
    "get": lambda d, k: d.get(k),
    "get default": lambda d, k: d.get(k, "none"),
    "in": lambda d, k: k in d,
    "len": lambda d, k: len(d),
    "iter": lambda d, k: list(d),
    "keys": lambda d, k: list(d.keys()),
    "values": lambda d, k: list(d.values()),
    "items": lambda d, k: list(d.items()),
    "reversed": lambda d, k: list(reversed(d)),
    "eq plain": lambda d, k: d == {k: _entity(k)},
    "plain eq": lambda d, k: {k: _entity(k)} == d,
    "ne": lambda d, k: d != {},
    "repr": lambda d, k: repr(d),
    "dict": lambda d, k: dict(d),
    "unpack": lambda d, k: {**d},
    "copy": lambda d, k: d.copy(),
    "copy module": lambda d, k: copy.copy(d),
    "pickle": lambda d, k: pickle.loads(pickle.dumps(d)),
    "or": lambda d, k: d | {k: _entity(k, "country")},
    "ror": lambda d, k: {k: _entity(k, "country")} | d,
    "set": lambda d, k: d.__setitem__(k, _entity(k, "person")),
    "del": lambda d, k: d.__delitem__(k),
    "pop": lambda d, k: d.pop(k),
    "pop default": lambda d, k: d.pop(k, None),
    "popitem": lambda d, k: d.popitem(),
    "setdefault": lambda d, k: d.setdefault(k, _entity(k, "person")),
    "update": lambda d, k: d.update({k: _entity(k, "country")}),
    "ior": lambda d, k: d.__ior__({k: _entity(k, "person")}) and None,
    "clear": lambda d, k: d.clear(),
}


def _outcome(op: str, table: dict[str, Entity], key: str) -> Any:
    try:
        return ("ok", _OPS[op](table, key))
    except KeyError as exc:
        return ("KeyError", exc.args)


@given(
    _ENTITIES,
    st.lists(st.tuples(st.sampled_from(sorted(_OPS)), _IDS), max_size=8),
)
def test_packed_entities_answer_as_the_plain_dict(
    entities: dict[str, Entity], ops: list[tuple[str, str]]
) -> None:
    plain = dict(entities)

    def fresh() -> PackedEntities:
        return PackedEntities(PackedEntities.pack(entities))

    # Compared while nothing is restored yet, from either side.
    assert fresh() == plain and plain == fresh() and fresh() == fresh()
    assert not (fresh() != plain or plain != fresh())
    packed = fresh()
    for op, key in ops:
        expected = _outcome(op, plain, key)
        got = _outcome(op, packed, key)
        assert got == expected, op
        assert type(got[1]) is type(expected[1]), op
        assert list(packed.items()) == list(plain.items())
    kinds = {e.kind for e in plain.values()}
    assert Corpus(Path("."), entities=packed).entity_kinds() == kinds


def test_packed_entities_restore_only_those_looked_up() -> None:
    entities = {eid: _entity(eid) for eid in "abcde"}
    packed = PackedEntities(PackedEntities.pack(entities))
    assert "c" in packed and "z" not in packed and len(packed) == 5
    assert list(packed) == list("abcde")
    assert packed.kinds() == {"prison"}
    assert dict.__len__(packed) == 0
    assert packed["c"] == entities["c"] and packed.get("d") == entities["d"]
    assert packed.get("z") is None
    with pytest.raises(KeyError):
        packed["z"]
    assert dict.__len__(packed) == 2
    # Anything else restores them all, in their order.
    assert list(packed.values()) == list(entities.values())
    assert list(dict.keys(packed)) == list("abcde")
