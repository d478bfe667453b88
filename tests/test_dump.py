"""Writing a corpus back as fact files (factcheck.io.dump)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.io.dump import yaml_text
from factcheck.io.yaml_reader import parse

SEED = Path(__file__).resolve().parents[1] / "facts"


@given(st.text(max_size=30))
def test_any_text_reads_back_as_the_same_text(text: str) -> None:
    value, errors = parse(yaml_text({"k": text}), "f.yaml")
    if not errors:  # texts the reader refuses outright (control characters) aside
        assert value["k"] == text


@pytest.mark.parametrize("text", ["2023", "1e5", "null", "yes", "0E0", "09", "- a", "#x"])
def test_texts_that_look_like_something_else_are_quoted(text: str) -> None:
    value, errors = parse(yaml_text({"k": text}), "f.yaml")
    assert errors == [] and value["k"] == text


def test_dump_writes_a_corpus_that_loads_the_same(tmp_path: Path) -> None:
    seed = factcheck.load(SEED)
    again = factcheck.load(factcheck.dump(seed, tmp_path))
    assert again.errors == []
    assert sorted((f.ref, repr(f.value)) for f in again) == sorted(
        (f.ref, repr(f.value)) for f in seed
    )
