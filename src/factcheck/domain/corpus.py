"""The corpus: every fact file of a directory, cross-checked, with resolved values.

:func:`factcheck.load` reads the files (see :mod:`factcheck.io.load`); this module joins
them: it resolves subjects through entity aliases (:mod:`~factcheck.domain.names`),
checks each value against its property's type and turns it into something the checks can
compare (:mod:`~factcheck.domain.claim_values`). Each claim becomes a :class:`Fact` that
knows its file and line (:mod:`~factcheck.domain.places`) and can say itself in words
(:mod:`~factcheck.domain.phrasing`).

The names of those modules are exported from here too, as they were when this module
held them all (``date_text``, ``as_of_text`` and ``period_text`` are
:mod:`~factcheck.domain.datewords`' ``date_words``, ``as_of_words`` and ``period_words``).
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.domain.claim_values import (
    Value,
    claim_time,
    claim_value,
    date_claim_span,
    date_value,
    span_of,
)
from factcheck.domain.conflict import Citation
from factcheck.domain.datewords import as_of_words as as_of_text
from factcheck.domain.datewords import date_words as date_text
from factcheck.domain.datewords import period_words as period_text
from factcheck.domain.errors import LoadError, did_you_mean
from factcheck.domain.model import (
    Alias,
    Claim,
    Entity,
    Property,
    Rule,
    Source,
    SourceFile,
    Waiver,
)
from factcheck.domain.names import NameIndex
from factcheck.domain.phrasing import describe
from factcheck.domain.places import PLACE_KEYS, ClaimPlace, Located
from factcheck.domain.values import DateSpan

__all__ = [
    "PLACE_KEYS",
    "ClaimPlace",
    "Corpus",
    "Fact",
    "Located",
    "Resolved",
    "Value",
    "as_of_text",
    "build",
    "date_claim_span",
    "date_text",
    "date_value",
    "index_names",
    "period_text",
    "resolve_source",
]


@dataclass(frozen=True, slots=True, eq=False)
class Fact:
    """A claim resolved against the corpus: what the checks compare and cite."""

    source: Source
    claim: Claim
    prop: Property
    subject: str
    value: Value
    unit: str | None
    time: DateSpan | None
    file: str
    line: int
    quote_line: int
    #: ``source-id/claim-id``: the claim's name across the corpus. Stored, not computed:
    #: checks sort and group by it hundreds of thousands of times.
    ref: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ref", f"{self.source.id}/{self.claim.id}")

    @property
    def when(self) -> DateSpan | None:
        """The claim's own time, else the publication date of its source."""
        if self.time is not None:
            return self.time
        if self.source.published is not None:
            return span_of(self.source.published)
        return None

    @property
    def citation(self) -> Citation:
        return Citation(
            file=self.file,
            line=self.line,
            source=self.source.id,
            claim=self.claim.id,
            title=self.source.title,
            publisher=self.source.publisher,
            quote=self.claim.quote or self.claim.basis or "",
        )

    def describe(self) -> str:
        """The claim in a few words: ``more than 250 people (2025-03-16)``
        (see :func:`factcheck.domain.phrasing.describe`)."""
        return describe(self.claim, self.prop, self.unit)


@dataclass
class Corpus:
    """Everything loaded from one corpus directory, plus every problem found doing so."""

    root: Path
    sources: dict[str, SourceFile] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    properties: dict[str, Property] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    rule_places: dict[str, Located] = field(default_factory=dict)
    waivers: list[Waiver] = field(default_factory=list)
    waiver_places: list[Located] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    source_files: dict[str, str] = field(default_factory=dict)
    #: Files of entities, properties, rules or waivers: a change there reaches everything.
    definition_files: set[str] = field(default_factory=set)
    #: Filled by :func:`index_names`.
    _names: NameIndex = field(default_factory=NameIndex, repr=False)
    _by_property: dict[str, list[Fact]] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=-1, repr=False)

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts)

    def __len__(self) -> int:
        return len(self.facts)

    @property
    def ok(self) -> bool:
        return not self.errors

    def fact(self, ref: str) -> Fact:
        """The fact named ``source-id/claim-id``."""
        for f in self.facts:
            if f.ref == ref:
                return f
        raise KeyError(ref)

    def facts_of(self, prop: str) -> list[Fact]:
        """The facts of one property, in load order (indexed: rules select by property)."""
        if self._indexed != len(self.facts):  # built on first use, again if facts were added
            self._by_property = {}
            for f in self.facts:
                self._by_property.setdefault(f.prop.id, []).append(f)
            self._indexed = len(self.facts)
        return self._by_property.get(prop, [])

    def resolve(self, name: str) -> str | None:
        """The entity id a name or alias stands for, or ``None``."""
        if name in self.entities:
            return name
        return self._names.get(name)

    def entity_kinds(self) -> set[str]:
        """Every kind an entity of the corpus has."""
        return {e.kind for e in self.entities.values()}

    def wrong_names(self) -> dict[str, tuple[str, Alias]]:
        """Alias names marked as misspellings or mistranslations: name -> (entity id, alias)."""
        return self._names.wrong_names()


#: What resolving one claim gave: the fact's resolved fields (subject, value, unit, time)
#: or ``None``, and the errors. A function of the claim's file and of the entities and
#: properties alone.
Resolved = tuple[tuple[str, Value, str | None, DateSpan | None] | None, tuple[LoadError, ...]]


def build(
    corpus: Corpus, places: dict[tuple[str, str], ClaimPlace], like: Corpus | None = None
) -> None:
    """Index entities, then resolve every claim into a :class:`Fact` (errors collected).

    Takes ``places`` over: a claim's place is let go of once its fact is made. ``like``:
    see :func:`index_names`.
    """
    index_names(corpus, like)
    for sid, sf in corpus.sources.items():
        resolved = resolve_source(corpus, sf, places)
        for claim, (fields, errors) in zip(sf.claims, resolved, strict=True):
            corpus.errors.extend(errors)
            if fields is not None:
                # Popped: the fact keeps the two lines it cites, and a claim's place
                # holds all of its fields' lines (a tuple of them per claim until the end).
                place = places.pop((sid, claim.id))
                subject, value, unit, time = fields
                corpus.facts.append(
                    Fact(
                        source=sf.source,
                        claim=claim,
                        prop=corpus.properties[claim.property],
                        subject=subject,
                        value=value,
                        unit=unit,
                        time=time,
                        file=place.file,
                        line=place.line,
                        quote_line=place.quote_line,
                    )
                )


def index_names(corpus: Corpus, like: Corpus | None = None) -> None:
    """Map every entity's folded name, id and aliases to it; mark the wrong ones.

    ``like``, a corpus already indexed that holds these very entity objects in the same
    order (the hook's vocabulary, assembled from the same readings), lends its index:
    the same entities in the same order make the same index. Otherwise it is made.
    """
    if like is not None and _same_entities(corpus.entities, like.entities):
        corpus._names = like._names
    else:
        corpus._names = NameIndex()
        for entity in corpus.entities.values():
            corpus._names.add(entity)
    where = corpus.source_files.get("entities", "entities.yaml")
    for entity_id, name, owner in corpus._names.clashes:
        corpus.errors.append(
            LoadError(
                where,
                None,
                f"entities.{entity_id}.aliases",
                f"alias {name!r} also names entity {owner!r}",
            )
        )


def _same_entities(mine: dict[str, Entity], theirs: dict[str, Entity]) -> bool:
    """The same ids, each with the very same object, in the same order."""
    return list(mine) == list(theirs) and all(map(operator.is_, mine.values(), theirs.values()))


def resolve_source(
    corpus: Corpus, sf: SourceFile, places: dict[tuple[str, str], ClaimPlace]
) -> list[Resolved]:
    """Resolve one source's claims against the corpus's entities and properties.

    Depends on nothing else (see :data:`Resolved`), so a worker process that holds only
    the entities and properties gives the same answer.
    """
    sid = sf.source.id
    return [_resolve(corpus, c, places[(sid, c.id)]) for c in sf.claims]


def _resolve(corpus: Corpus, claim: Claim, place: ClaimPlace) -> Resolved:
    errors: list[LoadError] = []

    def error(fieldname: str, message: str) -> None:
        errors.append(
            LoadError(
                place.file, place.of(fieldname), f"claims[{place.index}].{fieldname}", message
            )
        )

    subject = corpus.resolve(claim.subject)
    if subject is None:
        error(
            "subject",
            f"unknown entity {claim.subject!r}" + did_you_mean(claim.subject, corpus.entities),
        )
    prop = corpus.properties.get(claim.property)
    if prop is None:
        error(
            "property",
            f"unknown property {claim.property!r}"
            + did_you_mean(claim.property, corpus.properties),
        )
    if subject is None or prop is None:
        return None, tuple(errors)
    kind = corpus.entities[subject].kind
    # A draft's subject awaits review (often the placeholder): drafts are reported as such.
    if prop.entity_kind and kind not in prop.entity_kind and not claim.draft:
        error(
            "subject",
            f"{subject!r} is a {kind}; property {prop.id!r} describes "
            + " or ".join(repr(k) for k in prop.entity_kind)
            + _unknown_kinds(corpus, prop.entity_kind),
        )
        return None, tuple(errors)
    try:
        value, unit = claim_value(prop, claim, corpus)
        time = claim_time(claim)
    except ValueError as exc:
        error("value", str(exc))
        return None, tuple(errors)
    return (subject, value, unit, time), ()


def _unknown_kinds(corpus: Corpus, kinds: list[str]) -> str:
    # Only on the error path: a misspelt kind in properties.yaml shows here first.
    known = corpus.entity_kinds()
    unknown = [k for k in kinds if k not in known]
    if not unknown:
        return ""
    return f"; no entity has kind {unknown[0]!r}{did_you_mean(unknown[0], known)}"
