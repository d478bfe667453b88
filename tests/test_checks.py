"""What every check kind shares: the registry (each kind documented and with its own test
file holding a case table), params validation, and what the engine adds around the kinds
(``supersedes`` targets, rule coverage).

Each kind's own cases and properties are in ``tests/test_kinds_<kind>.py``, built with
the small corpora of ``tests/kind_corpora.py``.
"""

from __future__ import annotations

import importlib
import re
import tempfile
from pathlib import Path

import pytest

import factcheck
from factcheck.rules.checks import KINDS, PARAMS, Params

from .kind_corpora import CAP, INM, SUMMIT_RULE, TITLE, Case, files, write

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_its_test_file_with_cases_and_docs(kind: str) -> None:
    module = importlib.import_module(f"tests.test_kinds_{kind}")
    cases: list[Case] = module.CASES
    assert any(expected for *_, expected in cases), "no case with a conflict"
    assert any(not expected for *_, expected in cases), "no case without one"
    assert all(f"kind: {kind}" in rule for _, rule, _, _ in cases)
    docs = (ROOT / "docs" / "checks.md").read_text("utf-8")
    sections = set(re.findall(r"^## (\S+)\s*$", docs, re.MULTILINE))
    assert kind in sections, f"docs/checks.md has no section for {kind}"


def test_params_models_reject_unknown_keys() -> None:
    for kind, model in PARAMS.items():
        assert issubclass(model, Params)
        with pytest.raises(ValueError):
            model.model_validate({"no-such-param": 1})
        assert kind in KINDS


def test_supersedes_must_name_a_claim_on_the_same_key() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = files(
            SUMMIT_RULE,
            {
                "a": [
                    "id: h, subject: e1, property: summit, value: 1, supersedes: a/nope",
                    f"id: i, {CAP}, value: 2, supersedes: a/h",
                ]
            },
        )
        result = factcheck.audit(factcheck.load(write(Path(tmp), corpus)))
    messages = sorted(e.message for e in result.errors)
    assert len(messages) == 2 and result.exit_code == 2
    assert "names no claim" in messages[1] or "names no claim" in messages[0]
    assert any("same subject and property" in m for m in messages)


def test_properties_no_rule_checks_are_reported_on_request() -> None:
    from factcheck.rules.engine import COVERAGE_RULE, rule_coverage

    sources = {
        "a": [f"id: c, {CAP}, value: 40000", f"id: i, {INM}, value: 100, as_of: 2024"],
        "b": [f"id: t, {TITLE}, value: U.S. Senator, as_of: 2020"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(
            write(Path(tmp), files("kind: agree, select: {property: capacity}", sources))
        )
        assert rule_coverage(corpus) == {"capacity": ["r"], "inmates": [], "title": []}
        assert factcheck.audit(corpus).conflicts == ()  # off by default
        found = factcheck.audit(corpus, coverage=True).conflicts
    assert [(c.rule, c.severity, set(c.refs)) for c in found] == [
        (COVERAGE_RULE, "info", {"a/i"}),
        (COVERAGE_RULE, "info", {"b/t"}),
    ]
    assert "property 'inmates' (1 claims) is checked by no rule" in found[0].message


def test_a_property_that_says_why_it_is_unchecked_is_not_reported() -> None:
    corpus = files(
        "kind: agree, select: {property: capacity}", {"a": [f"id: t, {TITLE}, value: x"]}
    )
    corpus["properties.yaml"] = corpus["properties.yaml"].replace(
        "{id: title, type: text}", "{id: title, type: text, unchecked: multi-valued}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        result = factcheck.audit(factcheck.load(write(Path(tmp), corpus)), coverage=True)
    assert result.conflicts == ()
