"""Safe, position-aware YAML reading for fact files.

PyYAML's constructors would turn ``2023-01-31`` into a ``date`` and silently keep the
last of two duplicate keys. Fact files need neither, so we compose the node tree (with
the C parser when present) and build plain Python values ourselves: only null, bool,
int, float and str scalars, every mapping and sequence remembering its line numbers.
Tags, anchors/aliases and duplicate keys are reported as errors.
"""

from __future__ import annotations

import math
import re
from typing import Any, ClassVar, Final

import yaml

from factcheck.domain.errors import LoadError

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
_NUMBER_START: Final = frozenset("0123456789+-.")
_MAX_NUMBER_DIGITS: Final = 100
#: Longest text value read; a quote is a sentence, a note a paragraph.
MAX_TEXT_CHARS: Final = 100_000
#: Longest mapping key read; keys are field names.
MAX_KEY_CHARS: Final = 200
#: Errors reported for one file before giving up on it (an alias bomb has millions).
MAX_ERRORS: Final = 100
#: Nesting allowed by the scan that runs before composing. PyYAML's composer recurses once
#: per level (in C: thousands of levels overflow the stack and kill the process; libyaml
#: also slows quadratically with bracket depth), so deeper input is refused unparsed.
#: Anything deeper than MAX_DEPTH but within this bound gets the ordinary depth error.
SCAN_DEPTH: Final = 1000
#: Values a file may hold, estimated (before parsing) from its commas, lines and indicators.
#: Composing costs ~350 bytes and ~3 microseconds per value; a real fact file of the size
#: limit holds well under half this many.
MAX_VALUES: Final = 1_000_000
_BRACKET: Final = re.compile(r"[\[\]{}]")
# A line starting with SCAN_DEPTH units of indentation or "- ", "? ", ": " indicators.
_DEEP_BLOCK: Final = re.compile(r"^(?:[ ]|[-?:](?=[ ]))" + f"{{{SCAN_DEPTH}}}", re.MULTILINE)
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

    # Path resolvers are never registered here: tracking the path of every node is work
    # for nothing (two Python calls per node).
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


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


class _NeedsCareful(Exception):
    """Raised by :func:`_build_fast` on anything unusual; :func:`_build` then reports it."""


class _BadScalar(_NeedsCareful, ValueError):
    """A scalar that cannot be read; the message says why."""


class _TooManyErrors(Exception):
    """More than :data:`MAX_ERRORS` errors in one file."""


class _Errors(list[LoadError]):
    """An error list that stops the build once a file has shown enough of them."""

    def append(self, error: LoadError) -> None:
        if len(self) >= MAX_ERRORS:
            raise _TooManyErrors
        super().append(error)


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = node.value
    if len(value) > MAX_TEXT_CHARS:
        raise _BadScalar(f"text of {len(value):,} characters is longer than {MAX_TEXT_CHARS:,}")
    if node.style:  # quoted or block: always a string (plain is None or "" by parser)
        return value
    return read_plain(value)


def read_plain(value: str) -> Any:
    """What an unquoted scalar reads as: null, bool, int, float or the text itself.

    Raises :class:`ValueError` for a number too long or too large to be meant.
    """
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    # Most plain scalars are words: a number starts with a digit, a sign or a point.
    if value[0] in _NUMBER_START and (_INT.match(value) or _FLOAT.match(value)):
        if len(value) > _MAX_NUMBER_DIGITS:
            raise _BadScalar(
                f"number of {len(value):,} characters is too long"
                f" (at most {_MAX_NUMBER_DIGITS}; quote it if it is text)"
            )
        if _INT.match(value):
            return int(value)
        number = float(value)
        if math.isinf(number):
            raise _BadScalar(f"number {value} is too large")
        return number
    return value


def _nesting_error(text: str, file: str) -> LoadError | None:
    """An error if ``text`` might nest deeper than :data:`SCAN_DEPTH`, found without parsing.

    Counts every bracket, even quoted ones, so it can only overestimate flow nesting. Also
    refuses a file that would compose into more than about :data:`MAX_VALUES` values.
    """
    values = text.count(",") + text.count("\n") + text.count(": ") + text.count("- ")
    if values > MAX_VALUES:
        return LoadError(
            file, None, "", f"more than {MAX_VALUES:,} values (by commas and lines): not parsed"
        )
    if text.count("[") + text.count("{") > SCAN_DEPTH:
        depth = 0
        for m in _BRACKET.finditer(text):
            depth += 1 if m.group() in "[{" else -1
            if depth > SCAN_DEPTH:
                line = text.count("\n", 0, m.start()) + 1
                return LoadError(
                    file, line, "", f"brackets nested more than {SCAN_DEPTH} deep: not parsed"
                )
    deep = _DEEP_BLOCK.search(text)
    if deep is not None:
        line = text.count("\n", 0, deep.start()) + 1
        return LoadError(
            file, line, "", f"indentation nested more than {SCAN_DEPTH} deep: not parsed"
        )
    return None


def _syntax_error(exc: yaml.MarkedYAMLError, file: str) -> LoadError:
    """At the line where the unfinished thing opens (an unclosed bracket or quote), when
    PyYAML says where that is, naming the line where reading failed too."""
    problem = exc.problem or exc.context or "invalid YAML"
    found = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
    opened = exc.context_mark.line + 1 if exc.context_mark is not None else None
    # Only what must be closed: a block mapping "starts" at the top of the file, far from
    # a misindented key.
    unclosed = exc.context is not None and any(
        what in exc.context for what in ("flow sequence", "flow mapping", "quoted scalar")
    )
    if opened is not None and found is not None and opened < found and unclosed:
        message = f"YAML syntax error: {problem} at line {found} ({exc.context} that starts here)"
        return LoadError(file, opened, "", message)
    return LoadError(file, found or opened, "", f"YAML syntax error: {problem}")


def parse(text: str, file: str) -> tuple[Any, list[LoadError]]:
    """Parse one YAML document into plain values with positions.

    Returns ``(value, errors)``; on a syntax error or an empty document the value is
    ``None``. Never raises for bad input.
    """
    too_deep = _nesting_error(text, file)
    if too_deep is not None:
        return None, [too_deep]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except RecursionError:  # the pure-Python composer, when PyYAML has no C extension
        return None, [LoadError(file, None, "", "nesting too deep: not parsed")]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, file)]
    except yaml.YAMLError as exc:
        return None, [LoadError(file, None, "", f"YAML error: {exc}")]
    if node is None:  # nothing but comments, blank lines or a bare "---"
        return None, [LoadError(file, None, "", "empty file: no YAML content")]
    if "*" not in text:  # no alias can occur, so no node is shared
        try:
            return _build_fast(node, 0), []
        except _NeedsCareful:
            pass
    errors = _Errors()
    seen: set[int] = set()
    try:
        value = _build(node, file, "", 0, errors, seen)
    except _TooManyErrors:
        stop = LoadError(file, None, "", f"more than {MAX_ERRORS} errors: rest of file not read")
        return None, [*errors, stop]
    return value, list(errors)


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
    if cls is yaml.SequenceNode and tag == _SEQ:
        return _sequence_fast(node, depth)  # type: ignore[arg-type]  # cls is SequenceNode
    if cls is yaml.MappingNode and tag == _MAP:
        return _mapping_fast(node, depth)  # type: ignore[arg-type]  # cls is MappingNode
    raise _NeedsCareful


def _sequence_fast(node: yaml.SequenceNode, depth: int) -> YamlSeq:
    seq = YamlSeq(node.start_mark.line + 1)
    lines = seq.item_lines
    for item in node.value:
        seq.append(_build_fast(item, depth + 1))
        lines.append(item.start_mark.line + 1)
    return seq


def _mapping_fast(node: yaml.MappingNode, depth: int) -> YamlMap:
    mapping = YamlMap(node.start_mark.line + 1)
    key_lines = mapping.key_lines
    scalar = yaml.ScalarNode
    for key_node, value_node in node.value:
        if type(key_node) is not scalar or key_node.tag != _STR:
            raise _NeedsCareful
        key = key_node.value
        if key in key_lines or len(key) > MAX_KEY_CHARS:
            raise _NeedsCareful
        if type(value_node) is scalar and value_node.tag == _STR:
            # _scalar inlined: most values are scalars, and a call per value is a fifth
            # of the build.
            text = value_node.value
            if len(text) > MAX_TEXT_CHARS:
                raise _NeedsCareful
            mapping[key] = text if value_node.style else read_plain(text)
        else:
            mapping[key] = _build_fast(value_node, depth + 1)
        key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _build(
    node: yaml.Node, file: str, path: str, depth: int, errors: list[LoadError], seen: set[int]
) -> Any:
    """The value of ``node`` at ``path``; each problem an error there (the value ``None``)."""
    line = node.start_mark.line + 1
    where = path or "(top level)"
    problem = _node_problem(node, depth, seen)
    if problem is not None:
        errors.append(LoadError(file, line, where, problem))
        return None
    if isinstance(node, yaml.ScalarNode):
        try:
            return _scalar(node)
        except _BadScalar as exc:
            errors.append(LoadError(file, line, where, str(exc)))
            return None
    if isinstance(node, yaml.SequenceNode):
        seq = YamlSeq(line)
        for i, item in enumerate(node.value):
            seq.append(_build(item, file, f"{path}[{i}]", depth + 1, errors, seen))
            seq.item_lines.append(item.start_mark.line + 1)
        return seq
    assert isinstance(node, yaml.MappingNode)
    return _build_mapping(node, file, path, depth, errors, seen)


#: The one tag each kind of node may have: YAML's own, as a plain document gives it.
_TAGS: Final = {yaml.ScalarNode: _STR, yaml.SequenceNode: _SEQ, yaml.MappingNode: _MAP}


def _node_problem(node: yaml.Node, depth: int, seen: set[int]) -> str | None:
    """What makes ``node`` unreadable as a whole, or ``None``; marks it as seen."""
    if id(node) in seen:
        # An alias re-uses an already built node; refusing it makes alias bombs harmless.
        return "YAML anchors and aliases are not allowed"
    seen.add(id(node))
    if depth > MAX_DEPTH:
        return f"nesting deeper than {MAX_DEPTH} levels"
    if node.tag != _TAGS.get(type(node)):
        return f"YAML tags are not allowed ({node.tag})"
    return None


def _build_mapping(
    node: yaml.MappingNode,
    file: str,
    path: str,
    depth: int,
    errors: list[LoadError],
    seen: set[int],
) -> YamlMap:
    mapping = YamlMap(node.start_mark.line + 1)
    where = path or "(top level)"
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        problem = _key_problem(key_node, mapping)
        if problem is not None:
            errors.append(LoadError(file, key_line, where, problem))
            continue
        key = key_node.value
        sub = f"{path}.{key}" if path else key
        if key in mapping.key_lines:
            message = f"duplicate key {key!r} (first on line {mapping.key_lines[key]})"
            errors.append(LoadError(file, key_line, sub, message))
            continue
        if id(value_node) in seen:
            message = "YAML anchors and aliases are not allowed"
            errors.append(LoadError(file, key_line, sub, message))
            continue
        mapping[key] = _build(value_node, file, sub, depth + 1, errors, seen)
        mapping.key_lines[key] = key_line
    return mapping


def _key_problem(key_node: yaml.Node, mapping: YamlMap) -> str | None:
    """What makes ``key_node`` no key (reported at the mapping), or ``None``."""
    if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
        return "mapping keys must be plain strings"
    if len(key_node.value) > MAX_KEY_CHARS:
        return f"mapping key longer than {MAX_KEY_CHARS} characters"
    return None


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
