"""One fact file's bytes to a validated :class:`Reading`: YAML, then pydantic, every
problem a :class:`~factcheck.domain.errors.LoadError` with file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pydantic import BaseModel, ValidationError

from factcheck.domain.corpus import PLACE_KEYS
from factcheck.domain.errors import LoadError, did_you_mean
from factcheck.domain.model import (
    Claim,
    EntityFile,
    PropertyFile,
    RuleFile,
    Source,
    SourceFile,
    WaiverFile,
)
from factcheck.io import yaml_reader as _yaml
from factcheck.io.compact import share_fields
from factcheck.io.discovery import MAX_FILE_BYTES, read_bytes

__all__ = ["FILE_KINDS", "Reading", "parse_file", "read_file"]

#: Top-level key -> model of the file it introduces.
FILE_KINDS: Final[dict[str, type[BaseModel]]] = {
    "source": SourceFile,
    "entities": EntityFile,
    "properties": PropertyFile,
    "rules": RuleFile,
    "waivers": WaiverFile,
}


def read_file(path: Path, display: str) -> tuple[Any, list[LoadError]]:
    """Read and parse one file; every failure becomes a :class:`LoadError`."""
    data, errors = read_bytes(path, display)
    if data is None:
        return None, errors
    return _parse_bytes(data, display)


def _parse_bytes(data: bytes, display: str) -> tuple[Any, list[LoadError]]:
    if len(data) > MAX_FILE_BYTES:
        return None, [
            LoadError(display, None, "", f"file is larger than {MAX_FILE_BYTES // 2**20} MiB")
        ]
    if b"\0" in data:
        return None, [LoadError(display, None, "", "binary file (contains NUL bytes), not YAML")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [LoadError(display, line, "", f"not valid UTF-8 (byte {exc.start})")]
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return None, [LoadError(display, None, "", "empty file")]
    return _yaml.parse(text, display)


def _field(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _validation_errors(
    exc: ValidationError,
    data: Any,
    display: str,
    model: type[BaseModel],
    prefix: tuple[int | str, ...] = (),
) -> list[LoadError]:
    errors = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        line = _yaml.line_of(data, loc)
        message = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            name = str(loc[-1])
            parent = _model_at(model, loc[:-1])
            hint = did_you_mean(name, parent.model_fields) if parent is not None else ""
            message = f"unknown field {name!r}{hint}"
        elif err["type"] == "missing":
            message = f"missing required field {loc[-1]!r}"
        elif err["type"] in _EXPECTED:
            message = f"expected {_EXPECTED[err['type']]}, got {_describe(err.get('input'))}"
            if err["type"] == "string_type" and isinstance(err.get("input"), int | float):
                message += " (quote it to make it text)"
        elif err["type"] == "literal_error":
            message = f"{message}; got {_describe(err.get('input'))}"
        errors.append(LoadError(display, line, _field(loc), message))
    return errors


#: Pydantic error type -> what the field wanted, in the words of a fact file.
_EXPECTED: Final = {
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "dict_type": "a mapping (key: value lines)",
    "list_type": "a list",
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


def _describe(value: Any) -> str:
    """A YAML value as an error message names it."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class at ``loc`` inside ``model`` (to suggest field names)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _kind_of(data: Any, display: str) -> tuple[str | None, list[LoadError]]:
    line = getattr(data, "line", 1)
    expected = "source (with claims), entities, properties, rules or waivers"
    if not isinstance(data, dict):
        return None, [
            LoadError(
                display,
                line,
                "",
                f"not a fact file: the top level must be a mapping with {expected}",
            )
        ]
    kinds = [k for k in FILE_KINDS if k in data]
    if len(kinds) != 1:
        found = ", ".join(repr(k) for k in data) or "nothing"
        what = "more than one of" if kinds else "none of"
        return None, [
            LoadError(
                display,
                line,
                "",
                f"not a fact file: found {what} {expected} at the top level (keys: {found})",
            )
        ]
    return kinds[0], []


@dataclass(frozen=True, slots=True)
class Reading:
    """One file read and validated on its own: what the store keeps per file.

    ``positions`` is the file's tree cut down to the lines merging needs (see
    :func:`_positions`). ``indexes`` is set when ``parsed`` holds only some of a source
    file's claims (the hook's partial load): the position of each in the file.
    """

    kind: str | None
    parsed: BaseModel | None
    positions: Any
    errors: list[LoadError]
    indexes: tuple[int, ...] | None = None


def _check_file(data: Any, file_errors: list[LoadError], display: str, keep: bool) -> Reading:
    if data is None:
        return Reading(None, None, None, file_errors)
    kind, parsed, errors = _check(data, display, keep)
    # A value the YAML reader refused (a tag, an alias) is already reported; the model
    # would only add "value is missing" for the same field.
    reported = {e.field for e in file_errors}
    errors = file_errors + [e for e in errors if not _consequence(e.field, reported)]
    positions = _positions(data) if parsed is not None else None
    return Reading(kind, parsed, positions, errors)


def _consequence(field: str, reported: set[str]) -> bool:
    """Whether a model error at ``field`` follows from a YAML error at or below it."""
    return field in reported or any(
        r.startswith((f"{field}.", f"{field}[")) for r in reported if field
    )


def _positions(data: Any) -> Any:
    """``data`` with every value below the second level dropped; lines kept.

    A claim keeps only the lines of :data:`~factcheck.domain.corpus.PLACE_KEYS`, as a tuple.
    """
    out = _yaml.YamlMap(data.line)
    out.key_lines.update(data.key_lines)
    for key, value in data.items():
        if key == "claims" and isinstance(value, _yaml.YamlSeq):
            seq = _yaml.YamlSeq(value.line)
            seq.item_lines.extend(value.item_lines)
            for item in value:
                lines = getattr(item, "key_lines", {})
                seq.append(tuple(lines.get(k) for k in PLACE_KEYS))
            out[key] = seq
        elif isinstance(value, _yaml.YamlMap):
            sub = _yaml.YamlMap(value.line)
            sub.key_lines.update(value.key_lines)
            out[key] = sub
        elif isinstance(value, _yaml.YamlSeq):
            seq = _yaml.YamlSeq(value.line)
            seq.item_lines.extend(value.item_lines)
            for item in value:
                entry = _yaml.YamlMap(getattr(item, "line", value.line))
                entry.key_lines.update(getattr(item, "key_lines", {}))
                seq.append(entry)
            out[key] = seq
        else:
            out[key] = value
    return out


def parse_file(data: bytes, display: str, *, keep: bool = True) -> Reading:
    """The reading of a file's bytes. ``keep``: its claims are kept, so made to share
    (see :func:`~factcheck.io.compact.share_fields`); a worker process, which only
    writes them out, says ``False`` (sharing was 4% of its time)."""
    parsed, parse_errors = _parse_bytes(data, display)
    return _check_file(parsed, parse_errors, display, keep)


def _check(
    data: Any, display: str, keep: bool
) -> tuple[str | None, BaseModel | None, list[LoadError]]:
    """Validate one file's tree on its own: its kind, its model (if valid) and errors."""
    kind, errors = _kind_of(data, display)
    if kind is None:
        return None, None, errors
    model = FILE_KINDS[kind]
    if kind == "source":
        # Claim by claim, so that one bad claim does not hide the rest of its file.
        parsed: BaseModel | None = _validate_source(errors, data, display, keep)
    else:
        try:
            parsed = model.model_validate(data)
        except ValidationError as exc:
            errors.extend(_validation_errors(exc, data, display, model))
            parsed = None
    return kind, parsed, errors


def _validate_source(
    out: list[LoadError], data: Any, display: str, keep: bool
) -> SourceFile | None:
    errors: list[LoadError] = []
    for key in data:
        if key not in ("source", "claims"):
            more = did_you_mean(key, ["source", "claims"])
            errors.append(
                LoadError(display, data.key_lines[key], key, f"unknown field {key!r}{more}")
            )
    source: Source | None = None
    try:
        source = Source.model_validate(data["source"])
    except ValidationError as exc:
        errors.extend(_validation_errors(exc, data, display, SourceFile, prefix=("source",)))
    raw = data.get("claims")
    claims: list[Claim] = []
    if raw is None:
        raw = _yaml.YamlSeq(data.line)
    if not isinstance(raw, list):
        errors.append(
            LoadError(display, data.key_lines["claims"], "claims", "claims must be a list")
        )
        raw = _yaml.YamlSeq(data.line)
    for i, item in enumerate(raw):
        try:
            claims.append(Claim.model_validate(item))
        except ValidationError as exc:
            errors.extend(_validation_errors(exc, data, display, SourceFile, prefix=("claims", i)))
            claims.append(None)  # type: ignore[arg-type]  # placeholder keeps indexes aligned
    out.extend(errors)
    if keep:
        share_fields(claims)
    if source is None:
        return None
    need = "quote" if source.kind == "article" else "basis"
    for i, claim in enumerate(claims):
        if claim is not None and getattr(claim, need) is None:
            line = raw.item_lines[i]
            out.append(
                LoadError(
                    display,
                    line,
                    f"claims[{i}].{need}",
                    f"missing required field {need!r} "
                    f"(every claim of a {source.kind} source cites one)",
                )
            )
            claims[i] = None  # type: ignore[call-overload]
    return SourceFile.model_construct(source=source, claims=claims)
