"""The table of check kinds: registration, params models and each kind's reach."""

from __future__ import annotations

from collections.abc import Iterator

import pydantic
import pytest

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.model import Rule
from factcheck.rules import checks, registry, scope
from factcheck.rules.registry import KINDS, PARAMS, REACH, Finding, Params, check, parse_params


class _LimitParams(Params):
    limit: int


def _nothing(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    yield from ()


@pytest.fixture
def made_up() -> Iterator[str]:
    name = "made-up-kind"
    yield name
    for table in (KINDS, PARAMS, REACH):
        table.pop(name, None)


def test_every_kind_declares_its_reach() -> None:
    assert set(KINDS) == set(REACH)
    assert set(REACH.values()) <= {"key", "subject", "property", "named"}


def test_the_kinds_declare_the_reach_the_hook_relied_on() -> None:
    assert REACH == {
        "agree": "key",
        "trend": "key",
        "reference": "key",
        "bound": "subject",
        "derived": "subject",
        "change": "subject",
        "lifetime": "subject",
        "order": "property",
        # Its support: other sources' claims about the entities the quotes misname.
        "naming": "named",
    }


def test_scope_reads_the_reach_from_the_registry() -> None:
    assert scope.SCOPES is REACH


def test_the_old_module_names_the_same_tables() -> None:
    assert checks.KINDS is KINDS
    assert checks.PARAMS is PARAMS
    assert checks.Finding is Finding
    assert checks.Params is Params


def test_check_registers_function_params_and_reach(made_up: str) -> None:
    registered = check(made_up, _LimitParams, reach="subject")(_nothing)
    assert registered is _nothing
    assert KINDS[made_up] is _nothing
    assert PARAMS[made_up] is _LimitParams
    assert REACH[made_up] == "subject"


def test_a_kind_without_a_reach_makes_the_hook_load_everything(made_up: str) -> None:
    check(made_up)(_nothing)
    assert made_up in KINDS and PARAMS[made_up] is Params
    assert made_up not in REACH
    rule = Rule(id="m", kind=made_up, description="d")
    assert scope.reach([rule], {}, [("s", "p")]).everything


def test_a_kind_with_a_reach_does_not(made_up: str) -> None:
    check(made_up, reach="key")(_nothing)
    rule = Rule(id="m", kind=made_up, description="d")
    assert not scope.reach([rule], {}, [("s", "p")]).everything


def test_parse_params_validates_with_the_kinds_model() -> None:
    rule = Rule(id="m", kind="bound", description="d", params={"limit": 3})
    assert parse_params(rule, _LimitParams).limit == 3
    with pytest.raises(pydantic.ValidationError):
        parse_params(Rule(id="m", kind="x", description="d", params={"other": 1}), _LimitParams)


def test_registry_exports_what_it_documents() -> None:
    assert {"KINDS", "PARAMS", "REACH", "check", "parse_params"} <= set(registry.__all__)
