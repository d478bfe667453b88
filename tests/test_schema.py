"""The published JSON Schema matches the models, and accepts what the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.schema import fact_file_schema

ROOT = Path(__file__).resolve().parents[1]


def test_published_schema_is_current() -> None:
    published = json.loads((ROOT / "docs" / "fact-file.schema.json").read_text(encoding="utf-8"))
    assert published == fact_file_schema(), "regenerate: factcheck schema > docs/fact-file.schema.json"


def test_schema_names_every_file_kind() -> None:
    schema = fact_file_schema()
    names = {ref["$ref"].rsplit("/", 1)[-1] for ref in schema["anyOf"]}
    assert names == {"SourceFile", "EntityFile", "PropertyFile", "RuleFile", "WaiverFile"}
    assert schema["$defs"]["Claim"]["additionalProperties"] is False
    assert "quote" in schema["$defs"]["Claim"]["properties"]
