"""Hypothesis strategies for the fact model, to property-test rules and corpora.

Not imported by ``import factcheck`` (Hypothesis is only in the ``test`` extra)::

    from hypothesis import given
    from factcheck.testing import strategies as fst

    @given(fst.corpora())
    def test_my_rule_never_flags_a_copy(corpus): ...

:func:`corpora` draws a whole, valid corpus as model objects (a :class:`~factcheck.Corpus`
with sources, entities, properties and rules but no resolved facts: write it with
:func:`factcheck.io.dump` and load it to get those); :func:`corpus_files` draws the same as
fact-file texts. Every claim drawn suits its property's type, so loading gives no errors.
Smaller pieces (:func:`partial_dates`, :func:`claims`, :func:`sources`, ...) are public too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final

from hypothesis import strategies as st

from factcheck.domain.corpus import Corpus
from factcheck.domain.model import (
    Alias,
    Claim,
    Entity,
    Period,
    Property,
    Rule,
    Selector,
    Snapshot,
    Source,
    SourceFile,
    Waiver,
)
from factcheck.domain.values import DATE_HEDGES, HEDGES
from factcheck.io.dump import render

__all__ = [
    "QUANTITY_HEDGES",
    "TRICKY_TEXTS",
    "claims",
    "clock_times",
    "corpora",
    "corpus_files",
    "date_values",
    "entities",
    "partial_dates",
    "properties",
    "quantity_values",
    "rules_for",
    "selectors",
    "slugs",
    "sources",
    "texts",
    "waivers",
]

#: Quantity hedges (canonical names), in a stable order for shrinking.
QUANTITY_HEDGES: Final = tuple(sorted(HEDGES))
_DATE_HEDGES: Final = tuple(sorted(DATE_HEDGES))
_PROPERTY_TYPES: Final = ("quantity", "date", "text", "entity", "status", "boolean")
_SPACE: Final = re.compile(r"\s+")
#: Text that a YAML reader may take for something else, or that needs quoting to survive.
TRICKY_TEXTS: Final = (
    "1e5",
    "09",
    "2023",
    "2023-01-31",
    "12:30",
    "0x1F",
    "1_000",
    ".5",
    "+1",
    "1e400",
    "9" * 120,
    "null",
    "Null",
    "~",
    "true",
    "False",
    "yes",
    "no",
    "on",
    ".inf",
    ".nan",
    "- x",
    "a: b",
    "#x",
    "x #y",
    "[x]",
    "{x}",
    "*a",
    "&a",
    "!x",
    "%x",
    "@x",
    "`x",
    "'",
    '"',
    " lead",
    "trail ",
    "two  spaces",
    "multi\nline",
    "tab\there",
    "\u00a0nbsp",
    "\ufeffbom",
    "back\\slash",
    "---",
    "...",
    "?",
    ":",
    "-",
    "|",
    ">",
)


def slugs(max_size: int = 12) -> st.SearchStrategy[str]:
    """Ids: lower-case letters, digits and dashes, starting with a letter or digit."""
    return st.from_regex(rf"[a-z0-9][a-z0-9-]{{0,{max_size - 1}}}", fullmatch=True)


def texts(min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    """Free text as people type it: any printable Unicode, at least one visible character."""
    alphabet = st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"))
    tricky = [t for t in TRICKY_TEXTS if min_size <= len(t) <= max_size]
    return st.one_of(
        st.sampled_from(tricky), st.text(alphabet, min_size=min_size, max_size=max_size)
    ).filter(lambda s: s.strip())


def partial_dates(min_year: int = 1900, max_year: int = 2100) -> st.SearchStrategy[str]:
    """Partial dates as written in fact files: ``2023``, ``2023-01`` or ``2023-01-31``."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        year = draw(st.integers(min_year, max_year))
        precision = draw(st.sampled_from(("year", "month", "day")))
        if precision == "year":
            return f"{year:04d}"
        month = draw(st.integers(1, 12))
        if precision == "month":
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{draw(st.integers(1, 28)):02d}"

    return build()


def clock_times(min_year: int = 1900, max_year: int = 2100) -> st.SearchStrategy[str]:
    """Times as written in fact files: to the minute or second, with a zone or without."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        day = draw(partial_dates(min_year, max_year).filter(lambda d: len(d) == 10))
        text = f"{day}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
        if draw(st.booleans()):
            text += f":{draw(st.integers(0, 59)):02d}"
        zone = draw(st.sampled_from(("", "Z", "+00:00", "-05:00", "+05:30")))
        return text + zone

    return build()


def date_values(min_year: int = 1900, max_year: int = 2100) -> st.SearchStrategy[Any]:
    """A value for a date claim: a partial date, a time, ``early``/``mid``/``late`` of a
    year or month, or a range ``(first, last)`` (hedge ``between``)."""
    single = st.one_of(
        partial_dates(min_year, max_year),
        clock_times(min_year, max_year),
        st.builds(
            lambda part, d: f"{part} {d}",
            st.sampled_from(("early", "mid", "late")),
            partial_dates(min_year, max_year).filter(lambda d: len(d) < 10),
        ),
    )

    @st.composite
    def ranged(draw: st.DrawFn) -> tuple[str, str]:
        day = draw(partial_dates(min_year, max_year).filter(lambda d: len(d) == 10))
        start = datetime.fromisoformat(day) + timedelta(minutes=draw(st.integers(0, 1439)))
        last = start + timedelta(minutes=draw(st.integers(0, 600)))
        return start.isoformat(timespec="minutes"), last.isoformat(timespec="minutes")

    return st.one_of(single, ranged())


def _numbers() -> st.SearchStrategy[int | float]:
    return st.one_of(
        st.integers(-1_000, 10_000_000),
        st.floats(-1e3, 1e7, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 3)),
    )


def quantity_values(hedge: str) -> st.SearchStrategy[Any]:
    """A value for a quantity claim with ``hedge``: a number, a scaled text, or a pair."""
    if hedge == "between":
        return st.tuples(_numbers(), _numbers()).map(lambda p: (min(p), max(p)))
    pair = st.tuples(_numbers(), _numbers()).map(lambda p: (min(p), max(p)))
    scaled = st.builds(
        lambda n, scale: f"{n} {scale}",
        st.integers(1, 999),
        st.sampled_from(("thousand", "million")),
    )
    if hedge == "about":  # "some 10,000 to 20,000"
        return st.one_of(_numbers(), scaled, pair)
    return st.one_of(_numbers(), scaled)


def _periods() -> st.SearchStrategy[Period]:
    years = st.lists(st.integers(1900, 2100), min_size=2, max_size=2).map(sorted)
    return st.one_of(
        years.map(lambda y: Period(start=str(y[0]), end=str(y[1]))),
        partial_dates().map(lambda d: Period(start=d)),
        partial_dates().map(lambda d: Period(end=d)),
    )


def properties(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Property]:
    """A property of any type, with a unit and tolerance for quantities."""

    @st.composite
    def build(draw: st.DrawFn) -> Property:
        kind = draw(st.sampled_from(_PROPERTY_TYPES))
        fields: dict[str, Any] = {"id": draw(ids or slugs()), "type": kind}
        if kind == "quantity":
            if draw(st.booleans()):
                fields["unit"] = draw(st.sampled_from(("people", "inmates", "percent", "m", "ft")))
            if draw(st.booleans()):
                fields["tolerance"] = draw(st.sampled_from((0.0, 0.01, 0.05, 0.1, 0.25)))
            if draw(st.booleans()):
                fields["precision"] = draw(st.sampled_from(("exact", "written")))
        if draw(st.integers(0, 3)) == 0:
            fields["invariant"] = True
        if draw(st.integers(0, 5)) == 0:
            fields["unchecked"] = draw(texts(max_size=20))
        if kind == "status":
            fields["values"] = draw(st.lists(slugs(), min_size=1, max_size=4, unique=True))
        return Property(**fields)

    return build()


def entities(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Entity]:
    """An entity with a name and a few aliases (plain or marked as misspellings)."""

    @st.composite
    def build(draw: st.DrawFn) -> Entity:
        ident = draw(ids or slugs())
        names = draw(st.lists(texts(max_size=20), max_size=3))
        aliases: list[Alias] = []
        for name in names:
            if draw(st.booleans()):
                aliases.append(Alias(name=name))
            else:
                aliases.append(Alias(name=name, error="misspelling", lang="es"))
        return Entity(
            id=ident,
            name=draw(texts(max_size=30)),
            kind=draw(st.sampled_from(("prison", "country", "person", "law", "event"))),
            aliases=aliases,
        )

    return build()


def _value(draw: st.DrawFn, prop: Property, entity_names: Sequence[str]) -> tuple[Any, str | None]:
    """A value and hedge that suit ``prop``."""
    if prop.type == "quantity":
        hedge = draw(st.sampled_from(QUANTITY_HEDGES))
        return draw(quantity_values(hedge)), hedge
    if prop.type == "date":
        value = draw(date_values())
        if isinstance(value, tuple):
            return value, "between"
        return value, draw(st.sampled_from(_DATE_HEDGES))
    if prop.type == "status":
        assert prop.values is not None
        return draw(st.sampled_from(prop.values)), None
    if prop.type == "boolean":
        return draw(st.booleans()), None
    if prop.type == "entity":
        return draw(st.sampled_from(entity_names)), None
    return draw(texts()), None


def claims(
    entity_list: Sequence[Entity],
    property_list: Sequence[Property],
    *,
    cite: str = "quote",
    ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Claim]:
    """A claim about one of ``entity_list`` stating one of ``property_list``.

    ``cite`` is ``"quote"`` (article sources) or ``"basis"`` (reference sources).
    """
    names = [e.id for e in entity_list] + [a.name for e in entity_list for a in e.aliases]

    @st.composite
    def build(draw: st.DrawFn) -> Claim:
        prop = draw(st.sampled_from(property_list))
        value, hedge = _value(draw, prop, [e.id for e in entity_list])
        fields: dict[str, Any] = {
            "id": draw(ids or slugs()),
            "subject": draw(st.sampled_from(names)),
            "property": prop.id,
            "value": value,
            cite: draw(texts(max_size=60)),
        }
        if hedge is not None and (hedge != "exact" or draw(st.booleans())):
            fields["hedge"] = hedge
        if prop.type == "quantity" and draw(st.booleans()):
            fields["tolerance"] = draw(st.sampled_from((0.0, 0.02, 0.1, 0.5)))
        when = draw(st.sampled_from(("none", "as_of", "period")))
        if when == "as_of":
            fields["as_of"] = draw(partial_dates())
        elif when == "period":
            fields["period"] = draw(_periods())
        if draw(st.booleans()):
            fields["note"] = draw(texts())
        if draw(st.integers(0, 9)) == 0:
            fields["attributed_to"] = draw(texts())
        return Claim(**fields)

    return build()


def sources(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Source]:
    """An article (with a snapshot) or a reference source (with a basis)."""

    @st.composite
    def build(draw: st.DrawFn) -> Source:
        ident = draw(ids or slugs())
        fields: dict[str, Any] = {"id": ident, "title": draw(texts())}
        if draw(st.booleans()):
            fields["published"] = draw(partial_dates(2000, 2030))
        if draw(st.booleans()):
            fields["publisher"] = draw(texts(max_size=20))
        if draw(st.integers(0, 3)) == 0:
            fields["kind"] = "reference"
            fields["basis"] = draw(texts())
        else:
            sha = draw(st.from_regex(r"[0-9a-f]{64}", fullmatch=True))
            fields["snapshot"] = Snapshot(file=f"{ident}.txt", sha256=sha)
            if draw(st.booleans()):
                fields["translated"] = True
                fields["original_language"] = draw(st.sampled_from(("ru", "de", "es")))
        return Source(**fields)

    return build()


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _distinct_names(found: list[Entity]) -> list[Entity]:
    """The entities with every name that another entity already uses dropped."""
    taken: set[str] = set()
    out = []
    for e in found:
        own = {_fold(e.id), _fold(e.name)}
        if own & taken:
            continue
        aliases = []
        for a in e.aliases:
            key = _fold(a.name)
            if key and key not in taken and key not in own:
                aliases.append(a)
                own.add(key)
        taken |= own
        out.append(e.model_copy(update={"aliases": aliases}) if aliases != e.aliases else e)
    return out


def corpora(
    *,
    max_entities: int = 4,
    max_properties: int = 4,
    max_sources: int = 3,
    max_claims: int = 6,
    rules: st.SearchStrategy[list[Rule]] | None = None,
    varied_rules: bool = False,
    with_waivers: bool = False,
) -> st.SearchStrategy[Corpus]:
    """A whole, valid corpus as model objects (no facts resolved).

    ``rules`` defaults to one ``agree`` rule over every claim; ``varied_rules`` draws
    several rules instead (:func:`rules_for`: selectors, parameters, severities).
    ``with_waivers`` adds waivers naming drawn claims; they load, but the audit may call
    them stale, since nothing makes the claims they name conflict.
    """
    default_rules = st.just([Rule(id="agree", kind="agree", description="Sources agree.")])

    @st.composite
    def build(draw: st.DrawFn) -> Corpus:
        ents = _distinct_names(
            draw(st.lists(entities(), min_size=1, max_size=max_entities, unique_by=lambda e: e.id))
        )
        props = draw(
            st.lists(properties(), min_size=1, max_size=max_properties, unique_by=lambda p: p.id)
        )
        if not any(p.type == "quantity" for p in props):
            props.append(Property(id="count-of-things", type="quantity", unit="things"))
        srcs = draw(st.lists(sources(), min_size=1, max_size=max_sources, unique_by=lambda s: s.id))
        corpus = Corpus(root=Path("."))
        corpus.entities = {e.id: e for e in ents}
        corpus.properties = {p.id: p for p in props}
        for src in srcs:
            cite = "basis" if src.kind == "reference" else "quote"
            found = draw(
                st.lists(
                    claims(ents, props, cite=cite),
                    max_size=max_claims,
                    unique_by=lambda c: c.id,
                )
            )
            corpus.sources[src.id] = SourceFile(source=src, claims=found)
        if varied_rules:
            corpus.rules = draw(rules_for([p.id for p in props]))
        else:
            corpus.rules = draw(rules if rules is not None else default_rules)
        refs = [f"{sid}/{c.id}" for sid, sf in corpus.sources.items() for c in sf.claims]
        if with_waivers and refs and corpus.rules:
            corpus.waivers = draw(st.lists(waivers([r.id for r in corpus.rules], refs), max_size=3))
        return corpus

    return build()


def corpus_files(**kwargs: Any) -> st.SearchStrategy[dict[str, str]]:
    """A corpus as fact files, relative path -> YAML text (arguments as for :func:`corpora`)."""
    return corpora(**kwargs).map(render)


def rules_for(property_ids: Sequence[str]) -> st.SearchStrategy[list[Rule]]:
    """A few rules with distinct ids over ``property_ids``: any kind name, params, severity."""
    params = st.dictionaries(
        slugs(8), st.one_of(st.integers(-100, 100), st.booleans(), texts(max_size=10)), max_size=2
    )

    @st.composite
    def build(draw: st.DrawFn) -> Rule:
        fields: dict[str, Any] = {
            "id": draw(slugs()),
            "kind": draw(st.sampled_from(("agree", "agree", "bound", "my-own-kind"))),
            "description": draw(texts()),
        }
        if draw(st.booleans()):
            fields["select"] = draw(selectors(property_ids))
        if draw(st.booleans()):
            fields["params"] = draw(params)
        if draw(st.booleans()):
            fields["severity"] = draw(st.sampled_from(("error", "warning", "info")))
        return Rule(**fields)

    return st.lists(build(), min_size=1, max_size=3, unique_by=lambda r: r.id)


def waivers(rule_ids: Sequence[str], refs: Sequence[str]) -> st.SearchStrategy[Waiver]:
    """A waiver for one of ``rule_ids`` naming one or two of ``refs`` (source-id/claim-id)."""

    @st.composite
    def build(draw: st.DrawFn) -> Waiver:
        fields: dict[str, Any] = {
            "rule": draw(st.sampled_from(list(rule_ids))),
            "claims": draw(st.lists(st.sampled_from(list(refs)), min_size=1, max_size=2)),
            "reason": draw(texts()),
            "reviewer": draw(texts(max_size=20)),
            "date": draw(partial_dates(2020, 2030)),
        }
        if draw(st.booleans()):
            fields["expires"] = draw(partial_dates(2020, 2040))
        return Waiver(**fields)

    return build()


def selectors(property_ids: Sequence[str]) -> st.SearchStrategy[Selector]:
    """A rule selector over some of ``property_ids`` (or everything)."""
    return st.one_of(
        st.just(Selector()),
        st.lists(st.sampled_from(list(property_ids)), min_size=1, unique=True).map(
            lambda ps: Selector(property=ps)
        ),
    )
