"""A file's positions (where each key and item was written) as JSON and back.

Positions are a small tree of mappings and sequences that remember lines, tuples of
lines and scalars; JSON knows none of these apart, so each node is tagged.
"""

from __future__ import annotations

from typing import Any

from factcheck.io import yaml_reader as _yaml

__all__ = ["decode_positions", "encode_positions"]


def encode_positions(node: Any) -> Any:
    """``node`` as plain JSON data (lists, dicts and scalars)."""
    if isinstance(node, _yaml.YamlMap):
        return ["m", node.line, node.key_lines, {k: encode_positions(v) for k, v in node.items()}]
    if isinstance(node, _yaml.YamlSeq):
        return ["s", node.line, node.item_lines, [encode_positions(v) for v in node]]
    if isinstance(node, tuple):
        return ["t", list(node)]
    return ["v", node]


def decode_positions(node: Any) -> Any:
    """What :func:`encode_positions` made ``node`` from. Raises ``ValueError`` (or
    ``TypeError``, ``KeyError``, ``IndexError``, ``AttributeError``) for anything else."""
    tag = node[0]
    if tag == "m":
        out = _yaml.YamlMap(int(node[1]))
        out.key_lines.update({str(k): int(v) for k, v in node[2].items()})
        for k, v in node[3].items():
            out[str(k)] = decode_positions(v)
        return out
    if tag == "s":
        seq = _yaml.YamlSeq(int(node[1]))
        seq.item_lines.extend(int(n) for n in node[2])
        seq.extend(decode_positions(v) for v in node[3])
        return seq
    if tag == "t":
        return tuple(node[1])
    if tag == "v" and (node[1] is None or isinstance(node[1], str | int | float | bool)):
        return node[1]
    raise ValueError(f"bad position node {tag!r}")
