"""Which claims a conflict involving some given claims can involve: the hook's reach.

``factcheck check FILE...`` reports the conflicts that cite the given files. Every check
kind compares claims within a bounded neighbourhood of each claim, so the hook only needs
the files that state a claim in the neighbourhood of a claim of the given files (plus the
entity, property, rule and waiver files). The neighbourhood is derived from each rule's
selector and params, never from the data; each kind declares its reach when it is
registered (:func:`factcheck.rules.registry.check`):

* ``key``: claims on the same (subject, property) (``agree``, ``trend``, ``reference``);
* ``subject``: claims on the same subject and any property the rule selects or names in
  its params (``bound``, ``derived``, ``change``, ``lifetime``);
* ``property``: every claim of the properties the rule reads (``order``: a cycle can run
  through any events);
* ``named``: the claims (of the properties the rule reads) about the entities the given
  claims' quotes name by a wrong alias (``naming``: it cites where other sources name the
  entity correctly); the caller finds those entities (``named`` of :func:`reach`);
* a kind registered without a reach reaches everything: correct, only slower.

Reaching too far is always safe (the hook filters what it reports); reaching too little
would miss conflicts, which ``tests/test_scope.py`` checks against the full audit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final, cast

from pydantic import ValidationError

from factcheck.domain.corpus import Fact
from factcheck.domain.model import Property, Rule
from factcheck.domain.values import DateSpan

# Importing a kind module registers every kind (the package imports them all).
from factcheck.rules.kinds.order import tangled
from factcheck.rules.registry import KINDS, PARAMS, REACH, Scope

__all__ = [
    "SCOPES",
    "CycleGroups",
    "Events",
    "Groups",
    "Reach",
    "cycle_groups",
    "event_date_properties",
    "event_digest",
    "reach",
]

#: How far each check kind looks from a claim (see the module docstring): what each kind
#: declares in its ``@check(..., reach=...)``, the very table of the registry.
SCOPES: Final[dict[str, Scope]] = REACH

Key = tuple[str, str]


@dataclass
class Reach:
    """The (subject, property) keys a hook must load; ``everything`` when unbounded.

    ``subjects`` maps a subject to the properties needed (``None``: all of them);
    ``properties`` are needed for every subject.
    """

    everything: bool = False
    keys: set[Key] = field(default_factory=set)
    subjects: dict[str, set[str] | None] = field(default_factory=dict)
    properties: set[str] = field(default_factory=set)

    def needs(self, key: Key) -> bool:
        """Whether claims on ``key`` must be loaded."""
        if self.everything or key in self.keys or key[1] in self.properties:
            return True
        if key[0] in self.subjects:
            props = self.subjects[key[0]]
            return props is None or key[1] in props
        return False

    def _add_subject(self, subject: str, props: set[str] | None) -> None:
        if subject in self.subjects:
            had = self.subjects[subject]
            self.subjects[subject] = None if had is None or props is None else had | props
        else:
            self.subjects[subject] = None if props is None else set(props)


def _read_props(rule: Rule, properties: Mapping[str, Property]) -> set[str] | None:
    """Properties a rule reads (selected or named in params); ``None``: all of them."""
    named: list[str] = []
    if rule.kind in PARAMS:
        try:
            named = PARAMS[rule.kind].model_validate(rule.params).properties()
        except ValidationError:
            named = []  # the engine reports it and does not run the rule
    if rule.select.property is None:
        if SCOPES.get(rule.kind) == "property":
            # Only order-typed claims are edges; dates come from the params.
            return {p for p, prop in properties.items() if prop.type == "order"} | set(named)
        return None
    return set(rule.select.property) | set(named)


def reach(
    rules: Sequence[Rule],
    properties: Mapping[str, Property],
    seed: Iterable[Key],
    events: _Events = None,
    *,
    named: Iterable[str] = (),
    cycles: CycleGroups | None = None,
) -> Reach:
    """What conflicts involving claims on ``seed`` keys can involve, under ``rules``.

    ``events`` is the corpus's event graph (:func:`event_digest` of every file), or a
    function that makes it, called only when a seed key is one an ``order`` rule reads
    (the hook's given files mostly state none, and the graph spans the whole corpus):
    with it, an ``order`` rule reaches only the events that share a possible cycle with
    the seed's (a cycle never leaves its strongly connected group); without it, every
    claim of the rule's properties. ``named`` are the entities the seed claims' quotes
    name by a wrong alias (for ``named`` kinds). ``cycles`` finds the cycle groups of the
    graph (default :func:`cycle_groups`; the hook's keeps them in its store).
    """
    graph = _Graph(events, cycles or cycle_groups)
    out = Reach()
    seed = set(seed)
    out.keys |= seed
    for rule in rules:
        scope = SCOPES.get(rule.kind)
        if rule.kind not in KINDS:
            continue  # the engine reports the unknown kind and runs nothing
        if scope is None:
            out.everything = True
            return out
        if scope == "key":
            continue  # the seed keys (and the given files) are loaded anyway
        props = _read_props(rule, properties)
        if scope == "named":
            for entity in named:
                out._add_subject(entity, props)
            continue
        touched = [k for k in seed if props is None or k[1] in props]
        if not touched:
            continue
        if scope == "subject":
            for subject, _ in touched:
                out._add_subject(subject, props)
        else:
            _add_events(out, rule, props, touched, graph)
            if out.everything:
                return out
    return out


def _add_events(
    out: Reach,
    rule: Rule,
    props: set[str] | None,
    touched: Sequence[Key],
    graph: _Graph,
) -> None:
    """Add to ``out`` what a ``property`` reach rule needs from the ``touched`` keys."""
    if props is None:
        out.everything = True
    elif (events := graph.get()) is None:
        out.properties |= props
    else:
        touched_events = {subject for subject, _ in touched}
        for group in graph.cycles(props, params_properties(rule), events):
            if touched_events.intersection(group):
                out.keys.update((e, p) for e in group for p in props)


def params_properties(rule: Rule) -> set[str]:
    """The properties a rule's params name (for ``order``: the date property)."""
    try:
        return set(PARAMS[rule.kind].model_validate(rule.params).properties())
    except ValidationError:
        return set()


def event_date_properties(rules: Iterable[Rule]) -> set[str]:
    """The date properties the ``property``-reach rules (``order``) date events by."""
    return {
        p
        for rule in rules
        if SCOPES.get(rule.kind) == "property" and rule.kind in PARAMS
        for p in params_properties(rule)
    }


#: One file's part of the event graph: its order claims as (property, subject, value)
#: and its dated claims on properties order rules date events by, as (property, subject,
#: start, end).
Events = tuple[tuple[tuple[str, str, str], ...], tuple[tuple[str, str, datetime, datetime], ...]]

#: Events that may lie on a common cycle, in groups.
Groups = list[list[str]]

#: A function that finds the cycle groups of an event graph: :func:`cycle_groups`'s
#: answer for its arguments (order edge properties, date properties, the graph).
CycleGroups = Callable[[Iterable[str], Iterable[str], Sequence[Events]], Groups]

#: An event graph, or a function that makes it (``None``: none).
_Events = Iterable[Events] | Callable[[], Iterable[Events] | None] | None


class _Graph:
    """The event graph given to :func:`reach`, made (when given as a function) on first use."""

    def __init__(self, events: _Events, cycles: CycleGroups) -> None:
        self._source = events
        self._made: list[Events] | None = None
        self.cycles = cycles

    def get(self) -> list[Events] | None:
        """The graph, ``None`` when none was given."""
        if self._made is None and self._source is not None:
            source = self._source
            made = source() if callable(source) else source
            if made is None:  # the function found no graph: every claim of the properties
                self._source = None
                return None
            self._made = list(made)
        return self._made


def event_digest(rules: Sequence[Rule], facts: Iterable[Fact]) -> dict[str, Events]:
    """Each file's part of the event graph, for :func:`reach` to find cycles without
    loading the files (the index keeps it)."""
    date_props = event_date_properties(rules)
    edges: dict[str, list[tuple[str, str, str]]] = {}
    spans: dict[str, list[tuple[str, str, datetime, datetime]]] = {}
    for f in facts:
        if f.prop.type == "order" and isinstance(f.value, str):
            edges.setdefault(f.file, []).append((f.prop.id, f.subject, f.value))
        elif f.prop.id in date_props and isinstance(f.value, DateSpan):
            spans.setdefault(f.file, []).append((f.prop.id, f.subject, f.value.start, f.value.end))
    return {
        file: (tuple(edges.get(file, ())), tuple(spans.get(file, ())))
        for file in edges.keys() | spans.keys()
    }


@dataclass(frozen=True, slots=True)
class _Dated:
    """Stands for a dated claim where only its span matters."""

    value: DateSpan


def cycle_groups(props: Iterable[str], named: Iterable[str], digest: Iterable[Events]) -> Groups:
    """Events that may lie on a common cycle, from the event graph alone.

    ``props`` are the order properties whose claims are edges, ``named`` the date
    properties whose spans order events; each group is sorted, groups in no set order.
    """
    edge_props, date_props = set(props), set(named)
    stated: set[tuple[str, str]] = set()
    dates: dict[str, list[_Dated]] = {}
    for edges, spans in digest:
        stated.update((u, v) for p, u, v in edges if p in edge_props)
        for p, subject, start, end in spans:
            if p in date_props:
                dates.setdefault(subject, []).append(_Dated(DateSpan(start, end)))
    events = sorted({e for edge in stated for e in edge})
    groups = tangled(events, sorted(stated), cast("dict[str, list[Fact]]", dates))
    return groups + [[u] for u, v in stated if u == v]
