"""The ``lifetime`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.model import Rule
from factcheck.domain.values import (
    DateSpan,
)
from factcheck.rules._shared import (
    by_subject,
    date_of,
    entity_name,
    is_before,
    said_by,
)
from factcheck.rules.registry import Finding, Params, check, parse_params


class LifetimeParams(Params):
    """``start``: the date property that says when the subject came into being."""

    start: str

    def properties(self) -> list[str]:
        return [self.start]


@check("lifetime", LifetimeParams, reach="subject")
def lifetime(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A dated claim cannot lie entirely before every date given for the subject's start."""
    p = parse_params(rule, LifetimeParams)
    starts = by_subject(corpus, p.start)
    for f in facts:
        begun = [s for s in starts.get(f.subject, []) if isinstance(s.value, DateSpan)]
        if f.time is None or f.prop.id == p.start or not begun:
            continue
        if all(is_before(f.time, date_of(s)) for s in begun):
            yield Finding(
                (f, *begun),
                f"{entity_name(corpus, f.subject)}: {f.source.id} gives "
                f"{f.prop.id} {f.describe()}, "
                f"before it existed ({p.start}: {said_by(begun)})",
                key=f"{f.ref} {p.start}",
            )
