"""Reading a corpus directory: find the fact files, parse, validate, report every problem."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from pydantic import BaseModel, ValidationError

from . import _yaml
from .corpus import ClaimPlace, Corpus, Located, build
from .errors import FactcheckError, LoadError
from .model import (
    Claim,
    EntityFile,
    PropertyFile,
    RuleFile,
    Source,
    SourceFile,
    WaiverFile,
)

__all__ = ["FILE_KINDS", "MAX_FILE_BYTES", "iter_fact_files", "load", "read_file"]

#: Largest fact file read; a newsroom's source file is a few kilobytes.
MAX_FILE_BYTES: Final = 16 * 1024 * 1024
YAML_SUFFIXES: Final = (".yaml", ".yml")

#: Top-level key -> model of the file it introduces.
FILE_KINDS: Final[dict[str, type[BaseModel]]] = {
    "source": SourceFile,
    "entities": EntityFile,
    "properties": PropertyFile,
    "rules": RuleFile,
    "waivers": WaiverFile,
}


def iter_fact_files(root: Path) -> tuple[list[Path], list[LoadError]]:
    """Every YAML file below ``root`` (sorted; hidden entries skipped), never leaving ``root``."""
    files: list[Path] = []
    errors: list[LoadError] = []
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        for d in list(dirnames):
            if (here / d).is_symlink():
                dirnames.remove(d)
                errors.append(
                    LoadError(str(here / d), None, "", "symbolic link to a directory: not followed")
                )
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(YAML_SUFFIXES):
                continue
            path = here / name
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(real_root):
                    errors.append(
                        LoadError(
                            str(path), None, "", "symbolic link leads outside the corpus: not read"
                        )
                    )
                    continue
            files.append(path)
    return files, errors


def read_file(path: Path, display: str) -> tuple[Any, list[LoadError]]:
    """Read and parse one file; every failure becomes a :class:`LoadError`."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [LoadError(display, None, "", f"cannot read file: {exc.strerror or exc}")]
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
            hint = ""
            if parent is not None:
                close = difflib.get_close_matches(name, list(parent.model_fields), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
            message = f"unknown field {name!r}{hint}"
        elif err["type"] == "missing":
            message = f"missing required field {loc[-1]!r}"
        errors.append(LoadError(display, line, _field(loc), message))
    return errors


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


def load(path: str | os.PathLike[str], *, strict: bool = False) -> Corpus:
    """Load the corpus in directory ``path``.

    Every problem is collected in ``corpus.errors`` (each names file, line and field) and
    valid files are still loaded, so one run shows everything. With ``strict=True`` any
    error raises :class:`~factcheck.FactcheckError` instead. A missing directory always
    raises.
    """
    root = Path(path)
    if not root.is_dir():
        raise FactcheckError([LoadError(str(root), None, "", "no such corpus directory")])
    files, errors = iter_fact_files(root)
    corpus = Corpus(root=root, errors=errors)
    places: dict[tuple[str, str], ClaimPlace] = {}
    for file in files:
        display = str(file)
        corpus.files.append(display)
        data, file_errors = read_file(file, display)
        corpus.errors.extend(file_errors)
        if data is None:
            continue
        before = len(corpus.errors)
        _add(corpus, data, display, places)
        # A value the YAML reader refused (a tag, an alias) is already reported; the model
        # would only add "value is missing" for the same field.
        reported = {e.field for e in file_errors}
        corpus.errors[before:] = [e for e in corpus.errors[before:] if e.field not in reported]
    build(corpus, places)
    corpus.errors.sort(key=lambda e: (e.file, e.line or 0, e.field, e.message))
    if strict and corpus.errors:
        raise FactcheckError(corpus.errors)
    return corpus


def _add(
    corpus: Corpus, data: Any, display: str, places: dict[tuple[str, str], ClaimPlace]
) -> None:
    kind, errors = _kind_of(data, display)
    corpus.errors.extend(errors)
    if kind is None:
        return
    model = FILE_KINDS[kind]
    if kind == "source":
        # Claim by claim, so that one bad claim does not hide the rest of its file.
        parsed: BaseModel | None = _validate_source(corpus, data, display)
        if parsed is None:
            return
    else:
        try:
            parsed = model.model_validate(data)
        except ValidationError as exc:
            corpus.errors.extend(_validation_errors(exc, data, display, model))
            return
    if isinstance(parsed, SourceFile):
        _add_source(corpus, parsed, data, display, places)
    elif isinstance(parsed, EntityFile):
        corpus.source_files.setdefault("entities", display)
        _add_unique(
            corpus, corpus.entities, ((e.id, e) for e in parsed.entities), data, "entities", display
        )
    elif isinstance(parsed, PropertyFile):
        _add_unique(
            corpus,
            corpus.properties,
            ((p.id, p) for p in parsed.properties),
            data,
            "properties",
            display,
        )
    elif isinstance(parsed, RuleFile):
        seen: dict[str, None] = {}
        for i, rule in enumerate(parsed.rules):
            line = data["rules"].item_lines[i]
            if rule.id in corpus.rule_places or rule.id in seen:
                corpus.errors.append(
                    LoadError(display, line, f"rules[{i}].id", f"duplicate rule id {rule.id!r}")
                )
                continue
            seen[rule.id] = None
            corpus.rules.append(rule)
            corpus.rule_places[rule.id] = Located(display, line)
    elif isinstance(parsed, WaiverFile):
        for i, waiver in enumerate(parsed.waivers):
            corpus.waivers.append(waiver)
            corpus.waiver_places.append(Located(display, data["waivers"].item_lines[i]))


def _validate_source(corpus: Corpus, data: Any, display: str) -> SourceFile | None:
    errors: list[LoadError] = []
    for key in data:
        if key not in ("source", "claims"):
            hint = difflib.get_close_matches(key, ["source", "claims"], n=1)
            more = f" (did you mean {hint[0]!r}?)" if hint else ""
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
    corpus.errors.extend(errors)
    if source is None:
        return None
    need = "quote" if source.kind == "article" else "basis"
    for i, claim in enumerate(claims):
        if claim is not None and getattr(claim, need) is None:
            line = raw.item_lines[i]
            corpus.errors.append(
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


def _add_unique(
    corpus: Corpus,
    table: dict[str, Any],
    items: Iterable[tuple[str, Any]],
    data: Any,
    key: str,
    display: str,
) -> None:
    for i, (ident, item) in enumerate(items):
        if ident in table:
            line = data[key].item_lines[i]
            corpus.errors.append(
                LoadError(display, line, f"{key}[{i}].id", f"duplicate id {ident!r}")
            )
            continue
        table[ident] = item


def _add_source(
    corpus: Corpus,
    parsed: SourceFile,
    data: Any,
    display: str,
    places: dict[tuple[str, str], ClaimPlace],
) -> None:
    sid = parsed.source.id
    if sid in corpus.sources:
        corpus.errors.append(
            LoadError(
                display,
                data["source"].key_lines.get("id", data["source"].line),
                "source.id",
                f"duplicate source id {sid!r} (also in {corpus.source_files[sid]})",
            )
        )
        return
    claims = data.get("claims") if isinstance(data.get("claims"), list) else _yaml.YamlSeq(1)
    kept = []
    for i, claim in enumerate(parsed.claims):
        if claim is None:
            continue
        item = claims[i]
        line = claims.item_lines[i]
        if (sid, claim.id) in places:
            corpus.errors.append(
                LoadError(
                    display,
                    item.key_lines.get("id", line),
                    f"claims[{i}].id",
                    f"duplicate claim id {claim.id!r} "
                    f"(first on line {places[(sid, claim.id)].line})",
                )
            )
            continue
        places[(sid, claim.id)] = ClaimPlace(file=display, line=line, index=i, keys=item.key_lines)
        kept.append(claim)
    parsed = SourceFile.model_construct(source=parsed.source, claims=kept)
    corpus.sources[sid] = parsed
    corpus.source_files[sid] = display
