"""JSON Schema of fact files, for editors (yaml-language-server) and other tools."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .model import EntityFile, PropertyFile, RuleFile, SourceFile, WaiverFile

__all__ = ["fact_file_schema"]


def fact_file_schema() -> dict[str, Any]:
    """One schema for any kind of fact file: source, entities, properties, rules or waivers."""
    union = SourceFile | EntityFile | PropertyFile | RuleFile | WaiverFile
    schema: dict[str, Any] = TypeAdapter(union).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "factcheck fact file"
    return schema
