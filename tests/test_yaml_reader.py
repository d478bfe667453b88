"""Reading plain scalars: the YAML 1.2 core schema, as fact files are written."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.io import yaml_reader as _yaml


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("~", None),
        ("null", None),
        ("NULL", None),
        ("true", True),
        ("False", False),
        ("yes", "yes"),  # YAML 1.1 read this as true; the core schema keeps the word
        ("no", "no"),
        ("12", 12),
        ("-7", -7),
        ("+3", 3),
        ("012", 12),
        ("1.5e3", 1500.0),
        (".5", 0.5),
        ("-.5e2", -50.0),
        ("1.", 1.0),
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        ("1,000", "1,000"),
        ("2023-01-31", "2023-01-31"),  # dates stay text: the models read them
        ("12:30", "12:30"),
        ("inf", "inf"),
        (".inf", ".inf"),
        ("-", "-"),
        ("subject-40", "subject-40"),
    ],
)
def test_plain_scalars(text: str, value: Any) -> None:
    got = _yaml.read_plain(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("text", ["1" * 101, "9" * 400 + ".0", "1e400"])
def test_numbers_too_long_or_large_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="number"):
        _yaml.read_plain(text)


def _reference(text: str) -> Any:
    """The reading spelled out, without read_plain's shortcut for words."""
    if text in _yaml._NULL:
        return None
    if text in _yaml._BOOL:
        return _yaml._BOOL[text]
    if _yaml._INT.match(text):
        return int(text)
    if _yaml._FLOAT.match(text):
        return float(text)
    return text


@given(st.text(alphabet="0123456789+-.eE_xa ", min_size=1, max_size=12) | st.text(min_size=1))
def test_read_plain_matches_the_reference(text: str) -> None:
    try:
        got = _yaml.read_plain(text)
    except ValueError:
        return  # too long or infinite: refused, never misread
    want = _reference(text)
    assert type(got) is type(want)
    assert got == want or (isinstance(got, float) and math.isnan(got) and math.isnan(want))
