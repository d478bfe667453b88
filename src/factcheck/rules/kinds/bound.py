"""The ``bound`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.model import Rule
from factcheck.rules._shared import (
    by_subject,
    entity_name,
    exceeds,
    quantities_of,
    said_by,
    same_time,
)
from factcheck.rules.registry import Finding, Params, check, parse_params


class BoundParams(Params):
    """``max``: the property the selected one may not exceed (same subject and time)."""

    max: str

    def properties(self) -> list[str]:
        return [self.max]


@check("bound", BoundParams, reach="subject")
def bound(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A quantity may not exceed another property of the same subject at the same time."""
    p = parse_params(rule, BoundParams)
    limits = by_subject(corpus, p.max)
    for f in quantities_of(facts):
        over = [
            m for m in quantities_of(limits.get(f.subject, [])) if same_time(f, m) and exceeds(f, m)
        ]
        if over:
            yield Finding(
                (f, *over),
                f"{entity_name(corpus, f.subject)}: {f.source.id} says {f.prop.id} {f.describe()}, "
                f"but {said_by(over)} for {p.max}; {f.prop.id} cannot exceed {p.max}",
                key=f"{f.ref} {p.max}",
            )
