"""The ``reference`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.datewords import span_words
from factcheck.domain.model import Rule
from factcheck.domain.values import (
    spans_overlap,
)
from factcheck.rules._shared import (
    compatible,
    entity_name,
    said_by,
    same_time,
)
from factcheck.rules.registry import Finding, check


@check("reference", reach="key")
def reference(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """An article's claim agrees with the reference facts that hold at its date."""
    refs: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    by_key: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.source.kind == "reference":
            refs[(f.subject, f.prop.id)].append(f)
        else:
            by_key[(f.subject, f.prop.id)].append(f)
    for f in facts:
        known = refs.get((f.subject, f.prop.id), [])
        if f.source.kind == "reference" or not known:
            continue
        when = f.when
        around = [r for r in known if when is None or r.time is None or spans_overlap(r.time, when)]
        if not around or any(compatible(f, r) for r in around):
            continue
        elsewhere = [r for r in known if r not in around and compatible(f, r)]
        # Counter-evidence in the corpus: articles that agree with the reference there.
        backing = [
            g
            for g in by_key.get((f.subject, f.prop.id), [])
            if g is not f
            and same_time(g, f)
            and not compatible(g, f)
            and any(compatible(g, r) for r in around)
        ]
        at = span_words(when) if when is not None else "undated"
        also = (
            f"; the reference has it only at other times: {said_by(elsewhere)}" if elsewhere else ""
        )
        agreeing = f"; agreeing with the reference: {said_by(backing)}" if backing else ""
        yield Finding(
            (f, *around, *elsewhere, *backing),
            f"{entity_name(corpus, f.subject)} {f.prop.id} ({at}): {f.source.id} says "
            f"{f.describe()}, but the reference says otherwise for that time: "
            f"{said_by(around)}{also}{agreeing}",
            key=f.ref,
            support=tuple(backing),
        )
