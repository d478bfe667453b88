"""Strategies for whole corpora: entities, properties, sources with their claims, rules
and waivers that load without an error, as model objects or as fact-file texts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from factcheck.domain.corpus import Corpus
from factcheck.domain.model import Entity, Property, Rule, SourceFile
from factcheck.io.dump import render
from factcheck.testing.claims import claims, sources
from factcheck.testing.rules import rules_for, waivers
from factcheck.testing.texts import SPACE
from factcheck.testing.vocabulary import entities, properties

__all__ = ["corpora", "corpus_files"]


def _fold(text: str) -> str:
    return SPACE.sub(" ", text).strip().casefold()


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
