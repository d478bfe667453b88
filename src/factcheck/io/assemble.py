"""Merging files' readings into one :class:`~factcheck.domain.corpus.Corpus`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from factcheck.domain.corpus import ClaimPlace, Corpus, Located, build
from factcheck.domain.errors import LoadError
from factcheck.domain.model import EntityFile, PropertyFile, RuleFile, SourceFile, WaiverFile
from factcheck.io import yaml_reader as _yaml
from factcheck.io.parse import Reading

__all__ = ["assemble", "merge"]


def assemble(
    root: Path,
    walk_errors: Iterable[LoadError],
    names: Sequence[str],
    readings: list[Reading],
    like: Corpus | None = None,
) -> Corpus:
    """Merge files' readings into a corpus and resolve its claims.

    Takes ``readings`` over: each is let go of (its slot set to ``None``) once merged.
    ``like``: a corpus assembled from the same definition readings, whose name index is
    reused (see :func:`~factcheck.domain.corpus.index_names`).
    """
    corpus = Corpus(root=root, errors=list(walk_errors))
    places: dict[tuple[str, str], ClaimPlace] = {}
    if len(names) != len(readings):
        raise ValueError("one reading per file name")
    for i, display in enumerate(names):
        reading = readings[i]
        # What a merge keeps is in the corpus and `places`; the rest of a reading (its
        # positions, its claims' lines) would otherwise stay until every claim is resolved:
        # at 1M claims, hundreds of megabytes at the peak of a load.
        readings[i] = None  # type: ignore[call-overload]
        corpus.files.append(display)
        corpus.errors.extend(reading.errors)
        if reading.parsed is not None:
            assert reading.kind is not None
            merge(corpus, reading, display, places)
        del reading
    build(corpus, places, like)
    corpus.errors.sort(key=lambda e: (e.file, e.line or 0, e.field, e.message))
    return corpus


def merge(
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
