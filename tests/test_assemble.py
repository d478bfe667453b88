"""Readings merged into one corpus (factcheck.io.assemble)."""

from __future__ import annotations

from pathlib import Path

from factcheck import Corpus
from factcheck.io.assemble import assemble
from factcheck.io.parse import parse_file

from .conftest import ENTITIES, PROPERTIES, source_yaml


def _claim(cid: str) -> str:
    return f"- {{id: {cid}, subject: CECOT, property: capacity, value: 40000, quote: q}}\n"


def _corpus(files: dict[str, str]) -> Corpus:
    all_files = {"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES, **files}
    names = list(all_files)
    readings = [parse_file(text.encode(), name) for name, text in all_files.items()]
    return assemble(Path("facts"), (), names, readings)


def test_claims_resolve_through_aliases_into_facts() -> None:
    corpus = _corpus({"a.yaml": source_yaml("a", _claim("c"))})
    [fact] = corpus.facts
    assert (fact.ref, fact.subject, fact.file) == ("a/c", "cecot", "a.yaml")


def test_duplicates_are_errors_and_the_first_is_kept() -> None:
    corpus = _corpus(
        {
            "a.yaml": source_yaml("a", _claim("c") + _claim("c")),
            "b.yaml": source_yaml("a", _claim("d")),
        }
    )
    messages = [e.message for e in corpus.errors]
    assert any("duplicate claim id 'c'" in m for m in messages)
    assert any("duplicate source id 'a' (also in a.yaml)" in m for m in messages)
    assert [f.ref for f in corpus.facts] == ["a/c"]
    assert corpus.files == ["entities.yaml", "properties.yaml", "a.yaml", "b.yaml"]


def test_assemble_lets_go_of_each_reading_once_merged() -> None:
    # A load's peak memory: a reading's positions and claim lines are not kept until
    # every claim is resolved.
    files = {
        "entities.yaml": ENTITIES,
        "properties.yaml": PROPERTIES,
        "a.yaml": source_yaml("a", _claim("c1") + _claim("c2")),
    }
    readings = [parse_file(text.encode(), name) for name, text in files.items()]
    corpus = assemble(Path("facts"), (), list(files), readings)
    assert readings == [None, None, None]
    assert [f.ref for f in corpus] == ["a/c1", "a/c2"]
