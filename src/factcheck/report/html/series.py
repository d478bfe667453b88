"""Which subjects and properties get a chart, and the claims each one draws.

A series is one subject's one property (and unit) with every claim on it, plus the
claims of the properties that bound it (a prison's capacity for its inmates) when a
``bound`` rule names them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.values import DateSpan, Interval

_Group = tuple[str, str, str | None]  # subject, property, unit


@dataclass(frozen=True, slots=True)
class Series:
    """The claims of one chart: one subject, one property (and unit), plus its bounds."""

    subject: str
    prop: str
    kind: str  # "quantity" or "date"
    unit: str | None
    facts: tuple[Fact, ...]
    bounds: tuple[Fact, ...]

    @property
    def anchor(self) -> str:
        """The chart's id in the page, for links to it."""
        unit = f"-{slug(self.unit)}" if self.unit else ""
        return f"chart-{self.subject}-{self.prop}{unit}"


def slug(text: str) -> str:
    """``text`` as an id part: lower case, anything but letters and digits a dash."""
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def title_of(series: Series, corpus: Corpus) -> str:
    """The chart's title: ``CECOT: inmates (people)``."""
    entity = corpus.entities.get(series.subject)
    name = entity.name if entity else series.subject
    prop = series.prop.replace("-", " ")
    unit = f" ({series.unit})" if series.kind == "quantity" and series.unit else ""
    return f"{name}: {prop}{unit}"


def bounds(corpus: Corpus) -> dict[str, set[str]]:
    """Measured property -> the properties that bound it, from the rules of kind ``bound``.

    A bound rule selects the measured property (``inmates``) and names its bound in a
    parameter (``max: capacity``); any parameter naming a property counts, so a ``min``
    bound is drawn the same way.
    """
    out: dict[str, set[str]] = {}
    for rule in corpus.rules:
        if rule.kind != "bound" or not rule.select.property:
            continue
        named: list[str] = []
        for value in rule.params.values():
            items = value if isinstance(value, list) else [value]
            named += [v for v in items if isinstance(v, str) and v in corpus.properties]
        for measured in rule.select.property:
            out.setdefault(measured, set()).update(n for n in named if n != measured)
    return out


def series(corpus: Corpus, conflicts: Sequence[frozenset[str]]) -> list[Series]:
    """Every subject/property worth a chart.

    Quantities given at several times with different values, dates given differently,
    anything in a conflict, and any quantity with a bound (such as capacity) to draw it
    against. A bound drawn on another chart gets no chart of its own unless its own
    claims disagree among themselves.
    """
    groups = _groups(corpus)
    bound_of = _bound_facts(groups, bounds(corpus))
    drawn_as_bound = {(f.subject, f.prop.id) for bf in bound_of.values() for f in bf}
    conflicted = {r for refs in conflicts for r in refs}
    out: list[Series] = []
    for (subject, prop, unit), facts in sorted(groups.items(), key=lambda kv: _group_key(kv[0])):
        facts.sort(key=lambda f: (_sort_time(f), f.ref))
        bound_facts = tuple(sorted(bound_of.get((subject, prop), ()), key=lambda f: f.ref))
        as_bound = (subject, prop) in drawn_as_bound
        if _wanted(facts, bound_facts, as_bound, conflicts, conflicted):
            out.append(Series(subject, prop, facts[0].prop.type, unit, tuple(facts), bound_facts))
    return out


def _groups(corpus: Corpus) -> dict[_Group, list[Fact]]:
    """The claims that can be drawn (figures and dates), by subject, property and unit."""
    groups: dict[_Group, list[Fact]] = defaultdict(list)
    for f in corpus.facts:
        if f.prop.type == "quantity" and isinstance(f.value, Interval):
            groups[(f.subject, f.prop.id, f.unit)].append(f)
        elif f.prop.type == "date" and isinstance(f.value, DateSpan):
            groups[(f.subject, f.prop.id, None)].append(f)
    return groups


def _bound_facts(
    groups: dict[_Group, list[Fact]], bounded_by: dict[str, set[str]]
) -> dict[tuple[str, str], list[Fact]]:
    """(subject, measured property) -> the claims on the same subject's bounds."""
    bound_of: dict[tuple[str, str], list[Fact]] = {}
    for subject, prop, _unit in groups:
        for b in sorted(bounded_by.get(prop, ())):
            for (s2, p2, _u2), bfacts in groups.items():
                if s2 == subject and p2 == b:
                    bound_of.setdefault((subject, prop), []).extend(bfacts)
    return bound_of


def _wanted(
    facts: list[Fact],
    bound_facts: tuple[Fact, ...],
    as_bound: bool,
    conflicts: Sequence[frozenset[str]],
    conflicted: set[str],
) -> bool:
    """Whether one group's claims (sorted by time) make a chart worth drawing."""
    refs = {f.ref for f in facts}
    in_conflict = len(facts) >= 2 and bool(refs & conflicted)
    values = {f.value for f in facts}
    if facts[0].prop.type == "date":
        return len(values) >= 2 or in_conflict
    if as_bound:
        return any(len(c) >= 2 and c <= refs for c in conflicts)
    times = {f.when for f in facts if f.when is not None}
    wanted = (len(times) >= 2 and len(values) >= 2) or in_conflict
    return wanted or (bool(bound_facts) and bool(times))


def _group_key(key: _Group) -> tuple[str, str, str]:
    return (key[0], key[1], key[2] or "")


def _sort_time(f: Fact) -> datetime:
    return f.when.start if f.when is not None else datetime.max
