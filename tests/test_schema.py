"""The published JSON Schema matches the models, and accepts what the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import factcheck
from factcheck.io.schema import fact_file_schema
from factcheck.io.yaml_reader import parse

ROOT = Path(__file__).resolve().parents[1]


def test_published_schema_is_current() -> None:
    published = json.loads((ROOT / "docs" / "fact-file.schema.json").read_text(encoding="utf-8"))
    assert published == fact_file_schema(), (
        "regenerate: factcheck schema > docs/fact-file.schema.json"
    )


def test_schema_names_every_file_kind() -> None:
    schema = fact_file_schema()
    names = {branch["then"]["$ref"].rsplit("/", 1)[-1] for branch in schema["allOf"]}
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


def _source(claim: str) -> str:
    sha = "0" * 64
    return (
        "source: {id: a, title: A, published: 2025-02-04, "
        f"snapshot: {{file: a.txt, sha256: '{sha}'}}}}\nclaims:\n  - {claim}\n"
    )


# a claim, the path of the error an editor shows first, a fragment of its message
TYPOS = [
    ("{id: x, subject: cecot, property: capacity, valeu: 1, quote: q}", ["claims", 0], "valeu"),
    (
        "{id: x, subject: cecot, property: capacty, value: 1, quote: q}",
        ["claims", 0, "property"],
        "capacty",
    ),
    (
        "{id: x, subject: cecto, property: capacity, value: 1, quote: q}",
        ["claims", 0, "subject"],
        "cecto",
    ),
]


@pytest.mark.parametrize(("claim", "path", "fragment"), TYPOS)
def test_a_typo_is_reported_where_it_is_with_the_corpus_schema(
    claim: str, path: list[object], fragment: str
) -> None:
    corpus = factcheck.load(ROOT / "facts")
    data, errors = parse(_source(claim), "x.yaml")
    assert errors == []
    validator = jsonschema.Draft202012Validator(fact_file_schema(corpus))
    best = jsonschema.exceptions.best_match(validator.iter_errors(data))
    assert best is not None
    assert list(best.absolute_path) == path
    assert fragment in best.message


def test_corpus_schema_lists_entity_property_ids_and_aliases() -> None:
    corpus = factcheck.load(ROOT / "facts")
    claim = fact_file_schema(corpus)["$defs"]["Claim"]["properties"]
    assert "cecot" in claim["subject"]["enum"]
    assert "CECOT" in claim["subject"]["enum"]  # an alias is a subject too
    assert claim["property"]["enum"] == sorted(corpus.properties)
    assert "enum" not in fact_file_schema()["$defs"]["Claim"]["properties"]["subject"]


def test_schema_command_with_a_corpus(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from factcheck.cli import main

    assert main(["schema", "--corpus", str(ROOT / "facts")]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "capacity" in schema["$defs"]["Claim"]["properties"]["property"]["enum"]
    (tmp_path / "bad.yaml").write_text("entities: [\n", encoding="utf-8")
    assert main(["schema", "--corpus", str(tmp_path)]) == 2
    assert "bad.yaml:" in capsys.readouterr().err
    assert main(["schema", "--corpus", str(tmp_path / "none")]) == 2


@pytest.mark.parametrize("path", FACT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_fact_file_names_the_schema_for_editors(path: Path) -> None:
    # A comment anywhere in the file is a modeline to yaml-language-server; the last line
    # keeps every claim on the line it is cited at.
    (line,) = [
        x for x in path.read_text(encoding="utf-8").splitlines() if "yaml-language-server" in x
    ]
    target = line.split("$schema=", 1)[1].strip()
    assert (path.parent / target).resolve() == ROOT / "docs" / "fact-file.schema.json"
