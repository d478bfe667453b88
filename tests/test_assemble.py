"""Readings merged into one corpus (factcheck.io.assemble)."""

from __future__ import annotations

from pathlib import Path

from factcheck import Corpus
from factcheck.io.assemble import assemble
from factcheck.io.parse import Reading, parse_file

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


#: CECOT's alias "El Salvador" is the other entity's name: a load error at every load.
_CLASHING = ENTITIES.replace("      - CECOT\n", "      - CECOT\n      - El  Salvador\n").replace(
    "  - id: el-salvador\n", "  - id: el-salvador\n    aliases: [cecot]\n"
)


def _readings(files: dict[str, str]) -> tuple[list[str], list[Reading]]:
    return list(files), [parse_file(text.encode(), name) for name, text in files.items()]


def test_a_corpus_of_the_same_definitions_lends_its_name_index() -> None:
    # The hook assembles the definitions alone (its vocabulary), then the part of the
    # corpus in reach from the same readings: the names are indexed once, and the
    # corpus is the one indexing them again gives, errors included.
    files = {
        "entities.yaml": _CLASHING,
        "properties.yaml": PROPERTIES,
        "a.yaml": source_yaml("a", _claim("c")),
    }
    names, readings = _readings(files)
    vocabulary = assemble(Path("facts"), (), names[:2], readings[:2])
    lent = assemble(Path("facts"), (), names, list(readings), vocabulary)
    own = assemble(Path("facts"), (), names, list(readings))
    assert lent._names is vocabulary._names
    assert own._names is not vocabulary._names and own._names == lent._names
    assert lent.errors == own.errors
    assert sum("also names entity" in e.message for e in lent.errors) == 2
    assert [(f.ref, f.subject) for f in lent] == [(f.ref, f.subject) for f in own]


def test_a_corpus_of_other_entities_lends_nothing() -> None:
    names, readings = _readings({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES})
    other_names, other = _readings({"entities.yaml": _CLASHING, "properties.yaml": PROPERTIES})
    vocabulary = assemble(Path("facts"), (), other_names, other)
    corpus = assemble(Path("facts"), (), names, readings, vocabulary)
    assert corpus._names is not vocabulary._names
    assert corpus.resolve("el salvador") == "el-salvador"
    assert corpus.resolve("cecot") == "cecot"
    assert not corpus.errors
