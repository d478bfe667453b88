"""What the extractor's stages hand each other (factcheck.extract.mention)."""

from __future__ import annotations

import dataclasses

import pytest

from factcheck.extract import find_mentions
from factcheck.extract.mention import (
    UNIDENTIFIED,
    UNREVIEWED_DATE,
    UNREVIEWED_NUMBER,
    Mention,
    overlaps,
)


def test_a_mention_is_frozen_plain_data() -> None:
    m = Mention(kind="quantity", start=0, end=6, text="40,000", value=40000.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.value = 1.0  # type: ignore[misc]
    assert (m.hedge, m.flags, m.unit) == ("exact", frozenset(), None)


@pytest.mark.parametrize(
    ("text", "span"),
    [("It holds 40,000 inmates.", "40,000"), ("It opened in January 2023.", "January 2023")],
)
def test_found_mentions_point_at_their_text(text: str, span: str) -> None:
    [m] = find_mentions(text)
    assert text[m.start : m.end] == m.text == span


def test_placeholders_are_slugs_a_fact_file_accepts() -> None:
    for name in (UNIDENTIFIED, UNREVIEWED_NUMBER, UNREVIEWED_DATE):
        assert name == name.lower() and " " not in name


@pytest.mark.parametrize(
    ("span", "others", "expected"),
    [
        ((0, 4), [(4, 8)], False),  # touching is not sharing
        ((0, 5), [(4, 8)], True),
        ((5, 6), [(0, 3), (4, 8)], True),
        ((5, 6), [], False),
    ],
)
def test_overlaps(span: tuple[int, int], others: list[tuple[int, int]], expected: bool) -> None:
    def at(a: int, b: int) -> Mention:
        return Mention("quantity", a, b, "x", 1.0)

    assert overlaps(at(*span), [at(*o) for o in others]) is expected
