"""The published JSON Schema matches the models, and accepts what the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import factcheck
from factcheck._yaml import parse
from factcheck.schema import fact_file_schema

ROOT = Path(__file__).resolve().parents[1]


def test_published_schema_is_current() -> None:
    published = json.loads((ROOT / "docs" / "fact-file.schema.json").read_text(encoding="utf-8"))
    assert published == fact_file_schema(), (
        "regenerate: factcheck schema > docs/fact-file.schema.json"
    )


def test_schema_names_every_file_kind() -> None:
    schema = fact_file_schema()
    names = {ref["$ref"].rsplit("/", 1)[-1] for ref in schema["anyOf"]}
    assert names == {"SourceFile", "EntityFile", "PropertyFile", "RuleFile", "WaiverFile"}
    assert schema["$defs"]["Claim"]["additionalProperties"] is False
    assert "quote" in schema["$defs"]["Claim"]["properties"]


FACT_FILES = sorted((ROOT / "facts").rglob("*.yaml"))


@pytest.mark.parametrize("path", FACT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_seed_fact_file_validates_against_the_published_schema(path: Path) -> None:
    # What an editor's YAML language server checks must agree with what the loader accepts.
    data, errors = parse(path.read_text(encoding="utf-8"), str(path))
    assert errors == []
    validator = jsonschema.Draft202012Validator(fact_file_schema())
    assert [e.message for e in validator.iter_errors(data)] == []


@pytest.mark.parametrize(
    "text",
    [
        "source: {id: a, title: A, snapshot: {file: a.txt, sha256: '%s'}}\nclaims:\n"
        "  - {id: x, subject: s, property: p, value: 1, quote: q, qoute: q}\n" % ("0" * 64),
        "entities:\n  - {id: a, name: A}\n",
        "rules:\n  - {id: r, kind: agree, description: d, severity: fatal}\n",
        "source: {id: a, title: A, published: 'Jan 2023', basis: b, kind: reference}\nclaims: []\n",
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(text: str, tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(text, encoding="utf-8")
    assert factcheck.load(tmp_path).errors, "the loader accepted it: not a rejection case"
    data, errors = parse(text, "x.yaml")
    assert errors == []
    validator = jsonschema.Draft202012Validator(fact_file_schema())
    assert list(validator.iter_errors(data)), "the schema accepted a file the loader rejects"
