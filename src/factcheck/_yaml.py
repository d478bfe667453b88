"""Safe, position-aware YAML reading for fact files.

PyYAML's constructors would turn ``2023-01-31`` into a ``date`` and silently keep the
last of two duplicate keys. Fact files need neither, so we compose the node tree (with
the C parser when present) and build plain Python values ourselves: only null, bool,
int, float and str scalars, every mapping and sequence remembering its line numbers.
Tags, anchors/aliases and duplicate keys are reported as errors.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Final

import yaml

from .errors import LoadError

try:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader

MAX_DEPTH: Final = 64

_STR: Final = "tag:yaml.org,2002:str"
_MAP: Final = "tag:yaml.org,2002:map"
_SEQ: Final = "tag:yaml.org,2002:seq"

# YAML 1.2 core schema, which is what people expect: "yes" and "no" stay strings.
_NULL: Final = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL: Final = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_INT: Final = re.compile(r"^[-+]?[0-9]+$")
_FLOAT: Final = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_MAX_NUMBER_DIGITS: Final = 100
_DEFAULT_TAGS: Final[dict[type[yaml.Node], str]] = {
    yaml.ScalarNode: _STR,
    yaml.SequenceNode: _SEQ,
    yaml.MappingNode: _MAP,
}


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Composes nodes without resolving plain scalars: every untagged scalar is a string."""

    yaml_implicit_resolvers: ClassVar[dict[str, Any]] = {}

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        # What BaseResolver.resolve returns with no resolvers, minus its per-node Python
        # overhead (a third of the compose time on large files).
        return _DEFAULT_TAGS[kind]


class YamlMap(dict[str, Any]):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    __slots__ = ("key_lines", "line")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class YamlSeq(list[Any]):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    __slots__ = ("item_lines", "line")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = node.value
    if node.style:  # quoted or block: always a string (plain is None or "" by parser)
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if len(value) <= _MAX_NUMBER_DIGITS:
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
    return value


def parse(text: str, file: str) -> tuple[Any, list[LoadError]]:
    """Parse one YAML document into plain values with positions.

    Returns ``(value, errors)``; on a syntax error the value is ``None``. Never raises for
    bad input.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [LoadError(file, line, "", f"YAML syntax error: {problem}")]
    except yaml.YAMLError as exc:
        return None, [LoadError(file, None, "", f"YAML error: {exc}")]
    if node is None:
        return None, []
    if "*" not in text:  # no alias can occur, so no node is shared
        try:
            return _build_fast(node, 0), []
        except _NeedsCareful:
            pass
    errors: list[LoadError] = []
    seen: set[int] = set()
    value = _build(node, file, "", 0, errors, seen)
    return value, errors


class _NeedsCareful(Exception):
    """Raised by :func:`_build_fast` on anything unusual; :func:`_build` then reports it."""


def _build_fast(node: yaml.Node, depth: int) -> Any:
    """:func:`_build` for the common case of a valid, alias-free tree: same values, no paths.

    Building the error paths of every node costs as much as the rest; a file with any
    problem is rebuilt by :func:`_build`, which reports it.
    """
    if depth > MAX_DEPTH:
        raise _NeedsCareful
    tag, cls = node.tag, type(node)
    if cls is yaml.ScalarNode and tag == _STR:
        return _scalar(node)  # type: ignore[arg-type]  # cls is ScalarNode
    line = node.start_mark.line + 1
    if cls is yaml.SequenceNode and tag == _SEQ:
        seq = YamlSeq(line)
        lines = seq.item_lines
        for item in node.value:
            seq.append(_build_fast(item, depth + 1))
            lines.append(item.start_mark.line + 1)
        return seq
    if cls is not yaml.MappingNode or tag != _MAP:
        raise _NeedsCareful
    mapping = YamlMap(line)
    key_lines = mapping.key_lines
    for key_node, value_node in node.value:
        if type(key_node) is not yaml.ScalarNode or key_node.tag != _STR:
            raise _NeedsCareful
        key = key_node.value
        if key in key_lines:
            raise _NeedsCareful
        mapping[key] = _build_fast(value_node, depth + 1)
        key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _build(
    node: yaml.Node, file: str, path: str, depth: int, errors: list[LoadError], seen: set[int]
) -> Any:
    line = node.start_mark.line + 1
    where = path or "(top level)"
    if id(node) in seen:
        # An alias re-uses an already built node; refusing it makes alias bombs harmless.
        errors.append(LoadError(file, line, where, "YAML anchors and aliases are not allowed"))
        return None
    seen.add(id(node))
    if depth > MAX_DEPTH:
        errors.append(LoadError(file, line, where, f"nesting deeper than {MAX_DEPTH} levels"))
        return None
    if isinstance(node, yaml.ScalarNode):
        if node.tag != _STR:
            errors.append(LoadError(file, line, where, f"YAML tags are not allowed ({node.tag})"))
            return None
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            errors.append(LoadError(file, line, where, f"YAML tags are not allowed ({node.tag})"))
            return None
        seq = YamlSeq(line)
        for i, item in enumerate(node.value):
            seq.append(_build(item, file, f"{path}[{i}]", depth + 1, errors, seen))
            seq.item_lines.append(item.start_mark.line + 1)
        return seq
    assert isinstance(node, yaml.MappingNode)
    if node.tag != _MAP:
        errors.append(LoadError(file, line, where, f"YAML tags are not allowed ({node.tag})"))
        return None
    mapping = YamlMap(line)
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
            errors.append(LoadError(file, key_line, where, "mapping keys must be plain strings"))
            continue
        key = key_node.value
        sub = f"{path}.{key}" if path else key
        if key in mapping.key_lines:
            errors.append(
                LoadError(
                    file,
                    key_line,
                    sub,
                    f"duplicate key {key!r} (first on line {mapping.key_lines[key]})",
                )
            )
            continue
        if id(value_node) in seen:
            errors.append(
                LoadError(file, key_line, sub, "YAML anchors and aliases are not allowed")
            )
            continue
        mapping[key] = _build(value_node, file, sub, depth + 1, errors, seen)
        mapping.key_lines[key] = key_line
    return mapping


def line_of(root: Any, loc: tuple[int | str, ...]) -> int | None:
    """The line of the deepest node on ``loc`` (a pydantic error location) that exists."""
    node = root
    line = getattr(root, "line", None)
    for part in loc:
        if isinstance(node, YamlMap) and isinstance(part, str) and part in node.key_lines:
            line = node.key_lines[part]
            node = node[part]
            line = getattr(node, "line", line) if isinstance(node, YamlMap) else line
        elif isinstance(node, YamlSeq) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line
