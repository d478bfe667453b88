"""The table of check kinds: :data:`KINDS`, their params models and their reach.

A check receives a rule, the facts the rule selects (sorted, drafts excluded) and the
corpus, and yields :class:`Finding` s: the facts that cannot all be true and a message
saying, in plain words, what each says and why. The engine adds rule id, kind and
severity. Every kind is documented in ``docs/checks.md`` (a test enforces it).

A kind is registered with ``@check(name, ParamsModel, reach=...)`` (one module per kind
in :mod:`factcheck.rules.kinds`): the pydantic model validates the rule's ``params``
before the audit runs (the engine reports bad params with file and line), and lists the
property ids the params name so that typos are caught too. ``reach`` says how far the
kind looks from a claim (see :mod:`factcheck.rules.scope`); a kind registered without one
reaches everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from factcheck.domain.conflict import Severity
from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.model import Rule

__all__ = [
    "KINDS",
    "PARAMS",
    "REACH",
    "Check",
    "Finding",
    "Params",
    "Scope",
    "check",
    "parse_params",
]


@dataclass(frozen=True, slots=True)
class Finding:
    """Facts that cannot all be true, and why.

    ``severity`` overrides the rule's severity for this finding only (a change claim
    with no period is reported as ``info``, for review, by an ``error`` rule).
    """

    facts: tuple[Fact, ...]
    message: str
    severity: Severity | None = None
    #: The claims on the side with the fewest independent sources, when a clear
    #: majority of sources agrees against them (see :func:`factcheck.rules.kinds.agree`).
    odd: tuple[Fact, ...] = ()
    #: What the finding is about, stable when claims agreeing with a side are added or
    #: removed (the engine prefixes the rule id); default: the cited claims.
    key: str | None = None
    #: Claims cited only as evidence for a side (an article agreeing with the reference,
    #: a count agreeing with an end of a jump): not themselves in dispute.
    support: tuple[Fact, ...] = ()


Check = Callable[[Rule, list[Fact], Corpus], Iterable[Finding]]

#: How far a kind looks from a claim: the claims on the same (subject, property), on the
#: same subject, of the same properties, or about the entities its quote names wrongly
#: (see :mod:`factcheck.rules.scope`).
Scope = Literal["key", "subject", "property", "named"]


class Params(BaseModel):
    """Parameters of a check kind (none by default); unknown keys are errors."""

    # Built at the first validation, not at import: a run served from the store (the warm
    # audit) never validates a rule's params, and building the eight kinds' schemas at
    # import also loads pydantic's plugin discovery (importlib.metadata).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def properties(self) -> list[str]:
        """Property ids these params name (the engine checks that they exist)."""
        return []


#: Every check kind, by the name rules use in ``kind:``.
KINDS: dict[str, Check] = {}
#: The params model of every kind in :data:`KINDS`.
PARAMS: dict[str, type[Params]] = {}
#: The reach of every kind that declared one (a kind not in it reaches everything).
REACH: dict[str, Scope] = {}

_C = TypeVar("_C", bound=Check)
_P = TypeVar("_P", bound=Params)


def check(
    name: str, params: type[Params] = Params, *, reach: Scope | None = None
) -> Callable[[_C], _C]:
    """Register the decorated function as the check kind ``name``."""

    def register(function: _C) -> _C:
        KINDS[name] = function
        PARAMS[name] = params
        if reach is not None:
            REACH[name] = reach
        return function

    return register


def parse_params(rule: Rule, model: type[_P]) -> _P:
    """The rule's params, validated by the kind's model."""
    return model.model_validate(rule.params)
