"""Positions as JSON and back (factcheck.io.position_rows): lines survive, and anything
that is not what the encoder writes is refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.io import yaml_reader
from factcheck.io.parse import parse_file
from factcheck.io.position_rows import decode_positions, encode_positions

SEED = Path(__file__).resolve().parents[1] / "facts"


def _same(a: Any, b: Any) -> None:
    assert a == b and type(a) is type(b)
    if isinstance(a, yaml_reader.YamlMap):
        assert (a.line, a.key_lines) == (b.line, b.key_lines)
        for k in a:
            _same(a[k], b[k])
    elif isinstance(a, yaml_reader.YamlSeq):
        assert (a.line, a.item_lines) == (b.line, b.item_lines)
        for x, y in zip(a, b, strict=True):
            _same(x, y)


@pytest.mark.parametrize("path", sorted(SEED.rglob("*.yaml")), ids=lambda p: p.name)
def test_every_seed_file_s_positions_round_trip_through_json(path: Path) -> None:
    positions = parse_file(path.read_bytes(), str(path)).positions
    assert positions is not None
    _same(decode_positions(json.loads(json.dumps(encode_positions(positions)))), positions)


@pytest.mark.parametrize(
    "node",
    [["x", 1], ["v", [1]], ["v", {"a": 1}], ["m", "one", {}, {}], ["s", 1, ["a"], []], [], 5],
)
def test_anything_else_is_refused(node: Any) -> None:
    with pytest.raises((ValueError, TypeError, KeyError, IndexError, AttributeError)):
        decode_positions(node)
