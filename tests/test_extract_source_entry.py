"""factcheck.extract.source_entry: the draft's source entry and where each field came from."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.source_entry import source_entry


@pytest.mark.parametrize(
    ("text", "published", "want", "said"),
    [
        (
            "Headline\nMarch 3, 2025\nBody",
            None,
            "2025-03-03",
            "published taken from 'March 3, 2025' (line 2)",
        ),
        ("Headline\nBody of 2025", None, None, None),  # a year alone is no dateline
        ("Headline\nMarch 3, 2025\nBody", "2024-01", "2024-01", None),  # given beats the text
    ],
)
def test_published(text: str, published: str | None, want: str | None, said: str | None) -> None:
    source, pub, notes = source_entry(text, "x", published, None, "x.txt")
    assert source.get("published") == want
    assert (str(pub) if pub else None) == want
    assert (said is None) or any(said in n for n in notes)


def test_title_is_the_first_line_unless_given() -> None:
    source, _, notes = source_entry("\n  A headline \nBody", "x", None, None, "x.txt")
    assert source["title"] == "A headline"
    assert "title: the first line of the text" in notes
    source, _, notes = source_entry("A headline\nBody", "x", None, "Given", "x.txt")
    assert source["title"] == "Given"
    assert not any("title" in n for n in notes)


@given(st.text(max_size=300))
def test_the_snapshot_hash_is_the_texts(text: str) -> None:
    source, _, _ = source_entry(text, "x", None, None, "x.txt")
    assert source["snapshot"] == {
        "file": "x.txt",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }
    assert source["title"]
