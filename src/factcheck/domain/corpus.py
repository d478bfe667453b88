"""The corpus: every fact file of a directory, cross-checked, with resolved values.

:func:`factcheck.load` reads the files (see :mod:`factcheck.io.load`); this module joins
them: it resolves subjects through entity aliases, checks each value against its
property's type and turns it into something the checks can compare (an
:class:`~factcheck.domain.values.Interval`, a
:class:`~factcheck.domain.values.DateSpan`, an entity id
or normalised text). Each claim becomes a :class:`Fact` that knows its file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final

from factcheck.domain.conflict import Citation
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
from factcheck.domain.values import (
    DATE_HEDGES,
    HEDGES,
    DateSpan,
    Interval,
    PartialDate,
    date_range,
    date_span,
    hedge_interval,
    parse_quantity,
    written_interval,
)

__all__ = ["Corpus", "Fact", "Located", "Value"]

Value = Interval | DateSpan | str | bool


@dataclass(frozen=True, slots=True)
class Located:
    """A rule or waiver with the place it was written."""

    file: str
    line: int


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
            return _span(self.source.published)
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
        """The claim in a few words: ``more than 250 people (2025-03-16)``."""
        c = self.claim
        if isinstance(c.value, tuple):
            lo, hi = (f"{x:,}" if isinstance(x, int | float) else x for x in c.value)
            text = f"between {lo} and {hi}" if c.hedge == "between" else f"{lo} to {hi}"
        elif isinstance(c.value, bool):
            text = "yes" if c.value else "no"
        elif isinstance(c.value, int | float) and self.prop.type == "quantity":
            text = f"{c.value:,}"
        else:
            text = str(c.value)
        if c.hedge not in ("exact", "between"):
            text = f"{c.hedge.replace('-', ' ')} {text}"
        # A figure written as text ("57%", "$6 million") already shows its unit.
        if self.unit and self.prop.type == "quantity" and not isinstance(c.value, str):
            text = f"{text} {self.unit}"
        if c.as_of:
            text += f" ({as_of_text(str(c.as_of))})"
        elif c.period:
            text += f" ({period_text(c.period.start, c.period.end)})"
        return text


_MONTH_NAMES: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_DATE: Final = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_text(text: str) -> str:
    """A partial date as people write it: ``2025``, ``Mar 2025``, ``16 Mar 2025`` (a
    timestamp, or anything else, as it is)."""
    m = _DATE.match(text)
    if m is None or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        return text
    year, month, day = m.groups()
    if month is None:
        return year
    name = _MONTH_NAMES[int(month) - 1]
    return f"{name} {year}" if day is None else f"{int(day)} {name} {year}"


def as_of_text(text: str) -> str:
    """``in 2025``, ``in Mar 2025``, ``as of 16 Mar 2025``."""
    shown = date_text(text)
    precise = _DATE.match(text) is None or text.count("-") == 2
    return f"as of {shown}" if precise else f"in {shown}"


def period_text(start: object, end: object) -> str:
    """``from 16 Mar 2025``, ``until 2024``, ``from Jan 2013 to Dec 2023``, ``from 16 Mar
    2025 through 2025`` (a year-only end: to the end of that year)."""
    first = date_text(str(start)) if start is not None else None
    last = date_text(str(end)) if end is not None else None
    if first and last:
        # "2025-03-16 to 2025": to the end of the year it started in.
        word = "through" if _DATE.match(str(end)) and "-" not in str(end) else "to"
        return f"from {first} {word} {last}"
    if first:
        return f"from {first}"
    return f"until {last}" if last else "at some time"


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
    _aliases: dict[str, str] = field(default_factory=dict, repr=False)
    _alias_errors: dict[str, Alias] = field(default_factory=dict, repr=False)
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
        return self._aliases.get(_fold(name))

    def entity_kinds(self) -> set[str]:
        """Every kind an entity of the corpus has."""
        return {e.kind for e in self.entities.values()}

    def wrong_names(self) -> dict[str, tuple[str, Alias]]:
        """Alias names marked as misspellings or mistranslations: name -> (entity id, alias)."""
        return {a.name: (self._aliases[_fold(a.name)], a) for a in self._alias_errors.values()}


def _fold(text: str) -> str:
    # Runs of whitespace become one space and the ends none, as re.sub(r"\s+", " ", text)
    # .strip() would (str.split splits on exactly the characters \s matches), at a third of
    # the cost: the hook folds every alias of the corpus.
    return " ".join(text.split()).casefold()


#: The keys of a claim whose lines are kept (errors and citations point at them).
PLACE_KEYS: tuple[str, ...] = ("id", "subject", "property", "value", "quote", "basis")
_PLACE_INDEX = {k: i for i, k in enumerate(PLACE_KEYS)}


@dataclass(frozen=True, slots=True)
class ClaimPlace:
    """Where a claim was written: its file, the line of its ``- id:`` and of a few keys.

    ``lines`` holds the line of each key of :data:`PLACE_KEYS` (``None`` when absent): a
    tuple, not the claim's whole key-to-line mapping, to keep a million claims small.
    """

    file: str
    line: int
    index: int
    lines: tuple[int | None, ...]

    def of(self, key: str) -> int:
        """The line of ``key`` in the claim, else of the claim."""
        i = _PLACE_INDEX.get(key)
        found = self.lines[i] if i is not None else None
        return found if found is not None else self.line

    @property
    def quote_line(self) -> int:
        """The line of the quote (or basis) that cites the claim."""
        q, b = self.lines[_PLACE_INDEX["quote"]], self.lines[_PLACE_INDEX["basis"]]
        return q if q is not None else b if b is not None else self.line


#: What resolving one claim gave: the fact's resolved fields (subject, value, unit, time)
#: or ``None``, and the errors. A function of the claim's file and of the entities and
#: properties alone.
Resolved = tuple[tuple[str, Value, str | None, DateSpan | None] | None, tuple[LoadError, ...]]


def build(corpus: Corpus, places: dict[tuple[str, str], ClaimPlace]) -> None:
    """Index entities, then resolve every claim into a :class:`Fact` (errors collected)."""
    index_names(corpus)
    for sid, sf in corpus.sources.items():
        resolved = resolve_source(corpus, sf, places)
        for claim, (fields, errors) in zip(sf.claims, resolved, strict=True):
            corpus.errors.extend(errors)
            if fields is not None:
                place = places[(sid, claim.id)]
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


def index_names(corpus: Corpus) -> None:
    """Map every entity's folded name, id and aliases to it; mark the wrong ones."""
    for entity in corpus.entities.values():
        # Name and id as plain names (no Alias made for them: 2 per entity, each validated).
        named: list[tuple[str, Alias | None]] = [(entity.name, None), (entity.id, None)]
        for name, alias in named + [(a.name, a) for a in entity.aliases]:
            key = _fold(name)
            owner = corpus._aliases.get(key)
            if owner is not None and owner != entity.id:
                corpus.errors.append(
                    LoadError(
                        corpus.source_files.get("entities", "entities.yaml"),
                        None,
                        f"entities.{entity.id}.aliases",
                        f"alias {name!r} also names entity {owner!r}",
                    )
                )
                continue
            corpus._aliases[key] = entity.id
            if alias is not None and alias.error:
                corpus._alias_errors[key] = alias


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
    try:
        value, unit = _value(corpus, prop, claim)
        time = _time(claim)
    except ValueError as exc:
        error("value", str(exc))
        return None, tuple(errors)
    return (subject, value, unit, time), ()


# A corpus names the same few thousand dates over and over; spans are immutable.
@lru_cache(maxsize=65536)
def _span(text: str) -> DateSpan:
    return PartialDate.parse(text).span()


@lru_cache(maxsize=65536)
def date_value(text: str, hedge: str) -> DateSpan:
    """The span a date claim stands for: ``text`` (a partial date) under ``hedge``."""
    return date_span(PartialDate.parse(text), hedge)


def _time(claim: Claim) -> DateSpan | None:
    if claim.as_of is not None:
        return _span(claim.as_of)
    if claim.period is not None:
        start = _span(claim.period.start) if claim.period.start else None
        end = _span(claim.period.end) if claim.period.end else None
        lo = start.start if start else date_span(PartialDate(1), "not-before").start
        hi = end.end if end else date_span(PartialDate(9999), "not-after").end
        return DateSpan(lo, hi)
    return None


def date_claim_span(v: object, hedge: str) -> DateSpan:
    """The span a date claim's value (a partial date, or a ``[first, last]`` range)
    stands for under ``hedge``; ``ValueError`` when they do not go together."""
    if isinstance(v, tuple | list):
        if hedge != "between":
            raise ValueError("a date range [first, last] takes hedge: between")
        first, last = (PartialDate.parse(str(x)) for x in v)
        return date_range(first, last)
    if hedge not in DATE_HEDGES:
        raise ValueError(
            f"hedge {hedge!r} does not apply to a date; use one of {sorted(DATE_HEDGES)}"
        )
    return date_value(str(v), hedge)


def _value(corpus: Corpus, prop: Property, claim: Claim) -> tuple[Value, str | None]:
    v = claim.value
    hedge = claim.hedge
    kind = prop.type
    if kind == "quantity":
        if hedge not in HEDGES:
            raise ValueError(
                f"hedge {hedge!r} is for dates; a quantity takes one of {sorted(HEDGES)}"
            )
        unit = claim.unit
        if isinstance(v, bool):
            raise ValueError(f"property {prop.id!r} is a quantity; got {v!r}")
        if isinstance(v, tuple):
            lo, hi = v
            if isinstance(lo, str) or isinstance(hi, str):
                raise ValueError(f"property {prop.id!r} is a quantity; a range takes two numbers")
            v = (lo, hi)
        if isinstance(v, str):
            number, parsed_unit = parse_quantity(v)
            if parsed_unit and unit and parsed_unit != unit:
                raise ValueError(f"{v!r} is in {parsed_unit}, but unit says {unit!r}")
            unit = unit or parsed_unit
            amount: float | tuple[float, float] = number
        else:
            amount = v
        low = min(amount) if isinstance(amount, tuple) else amount
        if prop.minimum is not None and low < prop.minimum:
            raise ValueError(
                f"{low:g} is below {prop.minimum:g}, the least value property {prop.id!r} can take"
            )
        tolerance = claim.tolerance if claim.tolerance is not None else prop.tolerance
        if prop.precision == "written" and hedge == "exact" and not isinstance(amount, tuple):
            assert not isinstance(v, tuple)
            return written_interval(v, amount), unit or prop.unit
        return hedge_interval(amount, hedge, tolerance), unit or prop.unit
    if kind == "date":
        if isinstance(v, bool | float):
            raise ValueError(f"property {prop.id!r} is a date; got {v!r}")
        return date_claim_span(v, hedge), None
    # A stage of a cumulative status can be a bound: reached it (or later), not past it.
    stage_hedge = kind == "status" and prop.cumulative and hedge in ("at-least", "at-most")
    if hedge != "exact" and not stage_hedge:
        raise ValueError(f"hedge {hedge!r} does not apply to a {kind} value")
    if kind == "boolean":
        if not isinstance(v, bool):
            raise ValueError(f"property {prop.id!r} is true/false; got {v!r}")
        return v, None
    if not isinstance(v, str):
        raise ValueError(f"property {prop.id!r} takes text; got {v!r}")
    if kind == "status":
        assert prop.values is not None
        if v not in prop.values:
            raise ValueError(
                f"{v!r} is not a value of {prop.id!r}; expected one of {', '.join(prop.values)}"
                + did_you_mean(v, prop.values)
            )
        return v, None
    entity = corpus.resolve(v)
    if kind in ("entity", "order") and entity is None:
        raise ValueError(f"unknown entity {v!r}" + did_you_mean(v, corpus.entities))
    return (entity if entity is not None else _fold(v)), None
