"""Load errors (factcheck.domain.errors): file, line, field, message."""

from __future__ import annotations

import pytest

from factcheck import FactcheckError, LoadError
from factcheck.domain.errors import did_you_mean


@pytest.mark.parametrize(
    ("error", "text"),
    [
        (LoadError("f.yaml", 3, "claims[0].value", "bad"), "f.yaml:3: claims[0].value: bad"),
        (LoadError("f.yaml", None, "", "empty file"), "f.yaml: empty file"),
        (LoadError("f.yaml", 1, "", "x"), "f.yaml:1: x"),
    ],
)
def test_rendering(error: LoadError, text: str) -> None:
    assert str(error) == text
    assert error.to_dict()["line"] == error.line


def test_factcheck_error_carries_every_error() -> None:
    errors = [LoadError("a.yaml", 1, "", "one"), LoadError("b.yaml", 2, "", "two")]
    exc = FactcheckError(errors)
    assert exc.errors == tuple(errors)
    assert str(exc) == "a.yaml:1: one\nb.yaml:2: two"


@pytest.mark.parametrize(
    ("name", "hint"),
    [("capacty", " (did you mean 'capacity'?)"), ("zzzz", "")],
)
def test_did_you_mean(name: str, hint: str) -> None:
    assert did_you_mean(name, ["capacity", "inmates"]) == hint
