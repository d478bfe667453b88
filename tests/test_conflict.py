"""Conflicts and audit results as plain data (factcheck.domain.conflict)."""

from __future__ import annotations

import json

import pytest

from factcheck import AuditResult, Citation, Conflict, LoadError


def _citation(source: str, claim: str, line: int = 3) -> Citation:
    return Citation(
        file=f"{source}.yaml", line=line, source=source, claim=claim, title="T", quote="q"
    )


def _conflict(severity: str = "error", waived: bool = False) -> Conflict:
    return Conflict(
        rule="r",
        kind="agree",
        severity=severity,  # type: ignore[arg-type]
        message="a says 1; b says 2",
        citations=(_citation("a", "x"), _citation("b", "y", 7)),
        waived=waived,
        key="k1",
        odd_one_out=("b/y",),
    )


def test_str_is_the_one_line_message() -> None:
    assert str(_conflict()) == "a.yaml:3: error[r] a says 1; b says 2"
    assert str(_conflict(waived=True)) == "a.yaml:3: error[r] (waived) a says 1; b says 2"


def test_refs_and_json_keep_every_claim() -> None:
    c = _conflict()
    assert c.refs == {"a/x", "b/y"}
    data = json.loads(json.dumps(c.to_dict()))
    assert [x["claim"] for x in data["citations"]] == ["x", "y"]
    assert data["odd_one_out"] == ["b/y"] and data["key"] == "k1"


@pytest.mark.parametrize(
    ("conflicts", "errors", "code"),
    [
        ((), (), 0),
        ((_conflict("warning"),), (), 0),
        ((_conflict("error", waived=True),), (), 0),
        ((_conflict("error"),), (), 1),
        ((_conflict("error"),), (LoadError("f.yaml", 1, "", "bad"),), 2),
    ],
)
def test_exit_code(
    conflicts: tuple[Conflict, ...], errors: tuple[LoadError, ...], code: int
) -> None:
    result = AuditResult(conflicts=conflicts, errors=errors)
    assert result.exit_code == code
    assert result.summary()["conflicts"] == len(conflicts)
