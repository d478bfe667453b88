"""factcheck.extract.scorer_reading: what the learned scorer reads, and its candidates."""

from __future__ import annotations

import factcheck
from factcheck.extract.draft import draft_fact_file
from factcheck.extract.mention import UNIDENTIFIED, UNREVIEWED_NUMBER
from factcheck.extract.scorer_reading import (
    allowed,
    candidates,
    draftees,
    not_taken,
    read_text,
)
from factcheck.extract.vocabulary import Names

from .conftest import MakeCorpus

ENTITIES = """
entities:
  - {id: quake, name: Avondale earthquake, kind: event, aliases: [the quake]}
  - {id: avondale, name: Avondale, kind: town}
  - {id: acme, name: Acme, kind: company}
  - {id: elsewhere, name: Springfield, kind: town}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
PROPERTIES = """
properties:
  - {id: unreviewed-number, type: quantity, description: Not reviewed.}
  - {id: unreviewed-date, type: date, description: Not reviewed.}
  - {id: deaths, type: quantity, unit: people, entity_kind: [event], description: People killed.}
  - {id: distance, type: quantity, unit: miles, description: How far from a place.}
  - {id: population, type: quantity, unit: people, entity_kind: [town], description: People.}
  - {id: date, type: date, entity_kind: [event], description: When it happened.}
"""
TEXT = (
    "Avondale earthquake kills 12\n"
    "The quake struck 25 miles from Avondale on March 3, 2025. Acme said 12 people died."
)


def _corpus(make_corpus: MakeCorpus) -> factcheck.Corpus:
    return factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES}))


def test_the_text_is_read_as_drafting_reads_it(make_corpus: MakeCorpus) -> None:
    reading = read_text(TEXT, Names.of(_corpus(make_corpus)), "2025-03-04")
    assert reading.main == "quake"  # the only entity of the first line
    assert reading.first_line == frozenset({"quake"})
    assert len(reading.named) == len(reading.sentences) == len(reading.around)


def test_candidates_are_what_the_text_names_and_what_suits_the_figure(
    make_corpus: MakeCorpus,
) -> None:
    corpus = _corpus(make_corpus)
    draft = draft_fact_file(TEXT, "x", corpus=corpus, published="2025-03-04")
    reading = read_text(TEXT, Names.of(corpus), "2025-03-04")
    by_value = {d.claim["value"]: d for d in draftees(draft.claims, draft.figures)}
    subjects, props = candidates(reading, by_value[25])
    # the first are the placeholders; Springfield is named nowhere, Avondale is where the
    # distance is measured from (and named nowhere else in that sentence's figure's reach)
    assert subjects[0] == UNIDENTIFIED and props[0] == UNREVIEWED_NUMBER
    assert "elsewhere" not in subjects
    assert "avondale" not in subjects
    assert "distance" in props and "deaths" not in props  # miles: not people
    assert "date" not in candidates(reading, by_value[12])[1]  # a count: no date property


def test_a_declared_kind_rules_a_pair_out(make_corpus: MakeCorpus) -> None:
    names = Names.of(_corpus(make_corpus))
    assert allowed(names, "quake", "deaths")
    assert not allowed(names, "acme", "deaths")
    assert allowed(names, "acme", "distance")  # declares no kind
    assert allowed(names, UNIDENTIFIED, "deaths") and allowed(names, "acme", UNREVIEWED_NUMBER)


def test_each_draft_has_its_figure_and_the_rules_subject_before_it(
    make_corpus: MakeCorpus,
) -> None:
    corpus = _corpus(make_corpus)
    draft = draft_fact_file(TEXT, "x", corpus=corpus, published="2025-03-04")
    items = draftees(draft.claims, draft.figures)
    assert [d.claim["id"] for d in items] == [c["id"] for c in draft.claims]
    for d in items:
        assert TEXT[d.mention.start : d.mention.end] == d.mention.text
    previous = [d.previous for d in items]
    subjects = [c["subject"] for c in draft.claims]
    for i in range(1, len(items)):
        told = [s for s in subjects[:i] if s != UNIDENTIFIED]
        assert previous[i] == (told[-1] if told else None)


def test_the_subject_the_rules_abstained_on_is_read_from_the_note() -> None:
    note = "drafted from '4'; subject: unidentified; not taken: acme (the only entity named)"
    assert not_taken(note) == "acme"
    assert not_taken("drafted from '4'; subject: acme") is None
