"""One file's bytes to a validated Reading (factcheck.io.parse)."""

from __future__ import annotations

import pytest

from factcheck.io.parse import parse_file

from .conftest import source_yaml

GOOD = source_yaml("a", "- {id: c, subject: cecot, property: capacity, value: 40000, quote: q}")


@pytest.mark.parametrize(
    ("data", "kind", "errors"),
    [
        (GOOD.encode(), "source", []),
        (b"entities: []\n", "entities", []),
        (b"", None, ["empty file"]),
        (b"\xff\xfe", None, ["not valid UTF-8"]),
        (b"a\0b", None, ["binary file"]),
        (b"- 1\n", None, ["not a fact file"]),
        (b"rules: []\nwaivers: []\n", None, ["more than one of"]),
        (GOOD.replace("quote: q", "qoute: q").encode(), "source", ["unknown field 'qoute'"]),
    ],
)
def test_parse_file(data: bytes, kind: str | None, errors: list[str]) -> None:
    reading = parse_file(data, "f.yaml")
    assert reading.kind == kind
    got = [e.message for e in reading.errors]
    assert len(got) == len(errors) and all(w in m for w, m in zip(errors, got, strict=True))
    assert all(e.file == "f.yaml" for e in reading.errors)


def test_one_bad_claim_does_not_hide_the_others() -> None:
    two = source_yaml(
        "a",
        "- {id: c, subject: cecot, property: capacity, value: 40000, quote: q}\n"
        "- {id: d, subject: cecot, property: capacity, valeu: 1, quote: q}\n",
    )
    reading = parse_file(two.encode(), "f.yaml")
    claims = reading.parsed.claims  # type: ignore[union-attr]
    assert claims[0] is not None and claims[1] is None
    assert {e.field for e in reading.errors} == {"claims[1].value", "claims[1].valeu"}


def test_a_worker_reads_the_same_but_leaves_the_sharing_to_the_reader() -> None:
    two = source_yaml(
        "a",
        "- {id: c, subject: cecot, property: capacity, value: 40000, quote: q}\n"
        "- {id: d, subject: cecot, property: capacity, value: 1, quote: q}\n",
    )
    kept = parse_file(two.encode(), "f.yaml")
    written = parse_file(two.encode(), "f.yaml", keep=False)  # what a worker writes out
    assert written == kept
    c, d = kept.parsed.claims  # type: ignore[union-attr]
    # Kept claims share their field-name set (io/compact.py); a worker's need not.
    assert c.__pydantic_fields_set__ is d.__pydantic_fields_set__
