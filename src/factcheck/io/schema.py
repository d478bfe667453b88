"""JSON Schema of fact files, for editors (yaml-language-server) and other tools.

Each kind of file is chosen by its top-level key (``source``, ``entities``,
``properties``, ``rules``, ``waivers``) with ``if``/``then``, not by a plain union: an
editor then reports a misspelt key where it is, instead of the nearest of five kinds.
Given a corpus, :func:`fact_file_schema` also lists its entity ids (and aliases) and
property ids as the values a claim's ``subject`` and ``property`` may take.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from factcheck.domain.model import EntityFile, PropertyFile, RuleFile, SourceFile, WaiverFile

if TYPE_CHECKING:
    from factcheck.domain.corpus import Corpus

__all__ = ["fact_file_schema"]

#: The top-level key that makes a file of each kind.
_KINDS = {
    "source": "SourceFile",
    "entities": "EntityFile",
    "properties": "PropertyFile",
    "rules": "RuleFile",
    "waivers": "WaiverFile",
}


def fact_file_schema(corpus: Corpus | None = None) -> dict[str, Any]:
    """One schema for any kind of fact file: source, entities, properties, rules or waivers.

    With ``corpus``, a claim's ``subject`` must be one of its entity ids or alias names
    and its ``property`` one of its property ids (as enums, so editors complete them).
    """
    union = SourceFile | EntityFile | PropertyFile | RuleFile | WaiverFile
    generated: dict[str, Any] = TypeAdapter(union).json_schema()
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "factcheck fact file",
        "$defs": generated["$defs"],
        "type": "object",
        # Exactly one kind's key; the message lists them when none is there.
        "oneOf": [{"required": [key]} for key in _KINDS],
        "allOf": [
            {"if": {"required": [key]}, "then": {"$ref": f"#/$defs/{name}"}}
            for key, name in _KINDS.items()
        ],
    }
    if corpus is not None:
        claim = schema["$defs"]["Claim"]["properties"]
        names = sorted(set(corpus.entities) | _aliases(corpus))
        claim["subject"] = {**claim["subject"], "enum": names}
        claim["property"] = {**claim["property"], "enum": sorted(corpus.properties)}
    return schema


def _aliases(corpus: Corpus) -> set[str]:
    out: set[str] = set()
    for entity in corpus.entities.values():
        for alias in entity.aliases:
            out.add(alias.name)
    return out
