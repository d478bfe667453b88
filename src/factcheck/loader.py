"""Reading a corpus directory: find the fact files, parse, validate, report every problem."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from pydantic import BaseModel, ValidationError

from . import _gc, _yaml
from .corpus import PLACE_KEYS, ClaimPlace, Corpus, Located, build
from .errors import FactcheckError, LoadError, did_you_mean
from .model import (
    Claim,
    EntityFile,
    PropertyFile,
    RuleFile,
    Source,
    SourceFile,
    WaiverFile,
)

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "FILE_KINDS",
    "MAX_FILE_BYTES",
    "Reading",
    "Scan",
    "assemble",
    "iter_fact_files",
    "load",
    "read_all",
    "read_file",
    "scan",
]

#: Largest fact file read; a newsroom's source file is a few kilobytes. Composing YAML
#: costs about 500 bytes of memory per value: a hostile file of this size full of one-character
#: values needs some 700 MB and a few seconds before it is refused.
MAX_FILE_BYTES: Final = 4 * 1024 * 1024
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
    # Directories still to list, the next one last; each lists its files before its
    # subdirectories, as a top-down walk does. Entries of os.scandir know whether they
    # are links without another system call (a thousand fewer in a corpus of 100k claims).
    pending = [root]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(
                    (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError:  # gone or unreadable meanwhile: nothing to read there
            continue
        subdirs = []
        for entry in entries:
            path = here / entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:  # cannot be looked at: read as a file, which reports why
                is_dir = False
            if is_dir:
                if entry.is_symlink():
                    errors.append(
                        LoadError(str(path), None, "", "symbolic link to a directory: not followed")
                    )
                else:
                    subdirs.append(path)
                continue
            if not entry.name.endswith(YAML_SUFFIXES):
                continue
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):  # RuntimeError: a loop of links
                    errors.append(
                        LoadError(
                            str(path),
                            None,
                            "",
                            "symbolic link that leads nowhere (broken, or a loop): not read",
                        )
                    )
                    continue
                if not target.is_relative_to(real_root):
                    errors.append(
                        LoadError(
                            str(path), None, "", "symbolic link leads outside the corpus: not read"
                        )
                    )
                    continue
            files.append(path)
        pending.extend(reversed(subdirs))
    return files, errors


def read_file(path: Path, display: str) -> tuple[Any, list[LoadError]]:
    """Read and parse one file; every failure becomes a :class:`LoadError`."""
    data, errors = _read_bytes(path, display)
    if data is None:
        return None, errors
    return _parse_bytes(data, display)


def _read_bytes(path: Path, display: str) -> tuple[bytes | None, list[LoadError]]:
    try:
        # Opening a FIFO or a device named *.yaml would block or never end.
        if not path.is_file():
            why = "not a regular file: not read"
            if path.is_symlink():
                why = "symbolic link that leads nowhere (broken, or a loop): not read"
            return None, [LoadError(display, None, "", why)]
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1), []
    except OSError as exc:
        return None, [LoadError(display, None, "", f"cannot read file: {exc.strerror or exc}")]


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


@dataclass(frozen=True)
class Scan:
    """A corpus directory's fact files, each read exactly once.

    Everything a load computes comes from these bytes, and a stored row is keyed by
    them: a file changed on disk after the scan changes neither the answer nor what is
    stored under the scan's keys.
    """

    root: Path
    files: list[Path]
    #: Problems of the directory walk (links leading out, an empty corpus).
    errors: list[LoadError]
    #: Each file's bytes, or ``None`` when it could not be read (see ``read_errors``).
    #: A load consumes them (a corpus of a million claims need not hold its files twice).
    contents: list[bytes | None]
    read_errors: list[list[LoadError]]
    _hashes: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def names(self) -> list[str]:
        """The files as reports name them."""
        return [str(f) for f in self.files]

    def store_keys(self) -> list[str | None]:
        """Each readable file's store key: a hash of factcheck's code, its name and bytes."""
        if "keys" not in self._hashes:
            self._check_unread()
            from .store import content_key

            self._hashes["keys"] = [
                None if data is None else content_key("file", name, data)
                for name, data in zip(self.names, self.contents, strict=True)
            ]
        return list(self._hashes["keys"])

    def state(self) -> str:
        """A hash of the whole corpus as scanned: every file's name and bytes (or why
        it could not be read) and the walk's errors."""
        if "state" not in self._hashes:
            from .store import content_key

            keys = self.store_keys()
            parts: list[str | bytes] = ["state"]
            for name, key, errors in zip(self.names, keys, self.read_errors, strict=True):
                parts += [name, key if key is not None else repr([str(e) for e in errors])]
            parts += [str(e) for e in self.errors]
            self._hashes["state"] = content_key(*parts)
        return str(self._hashes["state"])

    def take(self, i: int) -> bytes:
        """File ``i``'s bytes, once: the scan lets go of them."""
        data = self.contents[i]
        if data is None:
            raise ValueError("this scan was loaded already: scan the directory again")
        self.contents[i] = None
        return data

    def _check_unread(self) -> None:
        if any(d is None and not e for d, e in zip(self.contents, self.read_errors, strict=True)):
            raise ValueError("this scan was loaded already: scan the directory again")


def scan(path: str | os.PathLike[str]) -> Scan:
    """Find and read the fact files of ``path`` (raises for a missing directory)."""
    root = _root(path)
    files, errors = _files(root)
    contents: list[bytes | None] = []
    read_errors: list[list[LoadError]] = []
    for file in files:
        data, problems = _read_bytes(file, str(file))
        contents.append(data)
        read_errors.append(problems)
    return Scan(root, files, errors, contents, read_errors)


def load(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    store: Store | None = None,
    scanned: Scan | None = None,
    cache: object = None,
) -> Corpus:
    """Load the corpus in directory ``path``.

    Every problem is collected in ``corpus.errors`` (each names file, line and field) and
    valid files are still loaded, so one run shows everything. With ``strict=True`` any
    error raises :class:`~factcheck.FactcheckError` instead. A missing directory always
    raises.

    Pure: nothing is written anywhere. ``store`` (a :class:`factcheck.store.Store`, as the
    command line and the pytest plugin open one) serves files read before and keeps the
    ones read now; the corpus is the same with or without it. ``scanned`` reuses a
    :func:`scan` of ``path``. ``cache`` is accepted for one release and ignored.
    """
    if cache is not None:
        warnings.warn(
            "load(cache=...) is deprecated and ignored: load() never writes; "
            "pass store=factcheck.store.Store.open(DIR) to reuse earlier reads",
            DeprecationWarning,
            stacklevel=2,
        )
    # Reading builds millions of objects that live on: automatic collections would walk
    # the growing heap again and again (a fifth of a cold load's time at 1M claims).
    with _gc.paused():
        sc = scanned if scanned is not None else scan(path)
        readings = read_all(sc, store)
        corpus = assemble(sc.root, sc.errors, sc.names, readings)
    if strict and corpus.errors:
        raise FactcheckError(corpus.errors)
    return corpus


def read_all(sc: Scan, store: Store | None) -> list[Reading]:
    """Every file's :class:`Reading`, from ``store`` where it has it (then kept there).

    Consumes the scan's bytes (see :meth:`Scan.take`).
    """
    if store is None and len(sc.files) < _PARALLEL_MIN_FILES:
        sc._check_unread()
        return [
            _from_bytes(sc.take(i), name) if data is not None else Reading(None, None, None, errs)
            for i, (name, data, errs) in enumerate(
                zip(sc.names, list(sc.contents), sc.read_errors, strict=True)
            )
        ]
    from . import records

    keys = sc.store_keys()
    known: dict[str, Reading] = {}
    if store is not None:
        with store.snapshot():
            known = records.fetch(store, [k for k in keys if k is not None])
    missing = [i for i, key in enumerate(keys) if key is not None and key not in known]
    if store is not None:
        size = sum(len(sc.contents[i] or b"") for i in missing)
        store.announce_misses(len(missing), size)
    items = [(sc.names[i], sc.take(i), keys[i] or "") for i in missing]
    for i, reading in zip(missing, records.read_saving(store, items), strict=True):
        known[keys[i] or ""] = reading
    del items
    if store is not None and missing:
        records.tidy(store, [k for k in keys if k is not None])
    for i, key in enumerate(keys):  # the files known to the store are let go of too
        if key is not None and sc.contents[i] is not None:
            sc.take(i)
    return [
        known[key] if key is not None else Reading(None, None, None, errors)
        for key, errors in zip(keys, sc.read_errors, strict=True)
    ]


#: Below this many files a load reads them in this process (see :mod:`factcheck.records`).
_PARALLEL_MIN_FILES: Final = 64


def assemble(
    root: Path, walk_errors: Iterable[LoadError], names: Sequence[str], readings: Sequence[Reading]
) -> Corpus:
    """Merge files' readings into a corpus and resolve its claims."""
    corpus = Corpus(root=root, errors=list(walk_errors))
    places: dict[tuple[str, str], ClaimPlace] = {}
    for display, reading in zip(names, readings, strict=True):
        corpus.files.append(display)
        corpus.errors.extend(reading.errors)
        if reading.parsed is not None:
            assert reading.kind is not None
            _merge(corpus, reading, display, places)
    build(corpus, places)
    corpus.errors.sort(key=lambda e: (e.file, e.line or 0, e.field, e.message))
    return corpus


def _root(path: str | os.PathLike[str]) -> Path:
    root = Path(path)
    if not root.is_dir():
        raise FactcheckError([LoadError(str(root), None, "", "no such corpus directory")])
    return root


def _files(root: Path) -> tuple[list[Path], list[LoadError]]:
    files, errors = iter_fact_files(root)
    if not files and not errors:
        # Most likely a wrong path: auditing nothing must not look like a clean audit.
        errors.append(LoadError(str(root), None, "", "no fact files (*.yaml, *.yml) here"))
    return files, errors


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


def _check_file(data: Any, file_errors: list[LoadError], display: str) -> Reading:
    if data is None:
        return Reading(None, None, None, file_errors)
    kind, parsed, errors = _check(data, display)
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

    A claim keeps only the lines of :data:`~factcheck.corpus.PLACE_KEYS`, as a tuple.
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


def _from_bytes(data: bytes, display: str) -> Reading:
    parsed, parse_errors = _parse_bytes(data, display)
    return _check_file(parsed, parse_errors, display)


def _check(data: Any, display: str) -> tuple[str | None, BaseModel | None, list[LoadError]]:
    """Validate one file's tree on its own: its kind, its model (if valid) and errors."""
    kind, errors = _kind_of(data, display)
    if kind is None:
        return None, None, errors
    model = FILE_KINDS[kind]
    if kind == "source":
        # Claim by claim, so that one bad claim does not hide the rest of its file.
        parsed: BaseModel | None = _validate_source(errors, data, display)
    else:
        try:
            parsed = model.model_validate(data)
        except ValidationError as exc:
            errors.extend(_validation_errors(exc, data, display, model))
            parsed = None
    return kind, parsed, errors


def _merge(
    corpus: Corpus,
    reading: Reading,
    display: str,
    places: dict[tuple[str, str], ClaimPlace],
) -> None:
    """Add one validated file to the corpus."""
    parsed, data = reading.parsed, reading.positions
    if isinstance(parsed, SourceFile):
        _add_source(corpus, parsed, data, display, places, reading.indexes)
        return
    corpus.definition_files.add(display)
    if isinstance(parsed, EntityFile):
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


def _validate_source(out: list[LoadError], data: Any, display: str) -> SourceFile | None:
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
    _share(claims)
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


#: Claim fields whose values repeat across a file's claims (ids of entities, properties).
_REPEATED: Final = ("subject", "property", "unit", "hedge", "as_of", "attributed_to")


def _share(claims: list[Claim]) -> None:
    """Make a file's claims share equal field-name sets and repeated strings.

    A large corpus repeats the same few field sets and ids hundreds of thousands of
    times; sharing them keeps the loaded corpus small (the field set alone is 200 bytes
    a claim). Safe: the models are frozen, and pydantic copies the field set whenever it
    copies a model.
    """
    sets: dict[frozenset[str], set[str]] = {}
    texts: dict[str, str] = {}
    for claim in claims:
        if claim is None:
            continue
        fields = claim.__pydantic_fields_set__
        object.__setattr__(
            claim, "__pydantic_fields_set__", sets.setdefault(frozenset(fields), fields)
        )
        values = claim.__dict__
        for name in _REPEATED:
            value = values[name]
            if type(value) is str:
                values[name] = texts.setdefault(value, value)


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
    indexes: tuple[int, ...] | None = None,
) -> None:
    """Add a source file's valid claims; ``indexes`` gives each claim's position in its
    file when ``parsed`` holds only some of them."""
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
        lines = claims[i]
        line = claims.item_lines[i]
        index = i if indexes is None else indexes[i]
        if (sid, claim.id) in places:
            corpus.errors.append(
                LoadError(
                    display,
                    lines[0] or line,
                    f"claims[{index}].id",
                    f"duplicate claim id {claim.id!r} "
                    f"(first on line {places[(sid, claim.id)].line})",
                )
            )
            continue
        places[(sid, claim.id)] = ClaimPlace(file=display, line=line, index=index, lines=lines)
        kept.append(claim)
    parsed = SourceFile.model_construct(source=parsed.source, claims=kept)
    corpus.sources[sid] = parsed
    corpus.source_files[sid] = display
