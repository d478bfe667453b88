"""Check kinds: each one small function, registered in :data:`KINDS`.

A check receives a rule, the facts the rule selects (sorted, drafts excluded) and the
corpus, and yields :class:`Finding` s: the facts that cannot all be true and a message
saying, in plain words, what each says and why. The engine adds rule id, kind and
severity. Every kind is documented in ``docs/checks.md`` (a test enforces it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from .corpus import Corpus, Fact
from .model import Rule
from .values import DateSpan, Interval, intersects, spans_overlap

__all__ = ["KINDS", "Check", "Finding"]


@dataclass(frozen=True, slots=True)
class Finding:
    """Facts that cannot all be true, and why."""

    facts: tuple[Fact, ...]
    message: str


Check = Callable[[Rule, list[Fact], Corpus], Iterable[Finding]]


def _same_time(a: Fact, b: Fact) -> bool:
    # A claim with no time of its own could refer to any time.
    return a.time is None or b.time is None or spans_overlap(a.time, b.time)


def _compatible(a: Fact, b: Fact) -> bool:
    if isinstance(a.value, Interval) and isinstance(b.value, Interval):
        return a.unit != b.unit or intersects(a.value, b.value)
    if isinstance(a.value, DateSpan) and isinstance(b.value, DateSpan):
        return spans_overlap(a.value, b.value)
    return a.value == b.value


def agree(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """Claims on one subject and property, at overlapping times, must be compatible."""
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        groups[(f.subject, f.prop.id)].append(f)
    for (subject, prop), group in sorted(groups.items()):
        for a, b in combinations(group, 2):
            if _same_time(a, b) and not _compatible(a, b):
                name = corpus.entities[subject].name
                yield Finding(
                    (a, b),
                    f"{name} {prop}: {a.source.id} says {a.describe()}, "
                    f"{b.source.id} says {b.describe()}; both cannot be true",
                )


#: Every check kind, by the name rules use in ``kind:``.
KINDS: dict[str, Check] = {
    "agree": agree,
}
