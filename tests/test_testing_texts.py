"""Strategies for text (factcheck.testing.texts): ids that validate, text with something
visible in it, and the look-alike texts among what is drawn."""

from __future__ import annotations

import re

import pytest
from hypothesis import find, given
from hypothesis import strategies as st

from factcheck.domain.model import Snapshot, Source
from factcheck.testing.texts import TRICKY_TEXTS, slugs, texts


@given(slugs())
def test_slugs_are_valid_ids(ident: str) -> None:
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]{0,11}", ident)
    Source(id=ident, title="t", snapshot=Snapshot(file="a.txt", sha256="0" * 64))


@given(st.integers(1, 10).flatmap(lambda n: st.tuples(st.just(n), texts(max_size=n))))
def test_texts_have_something_visible_and_keep_to_their_size(drawn: tuple[int, str]) -> None:
    size, text = drawn
    assert 1 <= len(text) <= size
    assert text.strip()


@pytest.mark.parametrize("tricky", ["null", "2023-01-31", "multi\nline", " lead"])
def test_look_alike_texts_are_drawn(tricky: str) -> None:
    assert tricky in TRICKY_TEXTS
    assert find(texts(), lambda s: s == tricky) == tricky
