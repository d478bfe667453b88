"""factcheck.extract.vocabulary: a corpus's names, kinds, nouns and properties, compiled."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.extract.stems import stem
from factcheck.extract.vocabulary import Names, head_nouns

from .conftest import MakeCorpus

ENTITIES = """
entities:
  - {id: first-flight, name: first deportation flight, kind: event, aliases: [N278GX]}
  - {id: aea, name: Alien Enemies Act, kind: law}
  - id: el-salvador
    name: El Salvador
    kind: country
    aliases: [{name: Salvadoran, note: adjective}]
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
PROPERTIES = """
properties:
  - {id: departed, type: date, description: When a flight departed.}
  - {id: enacted, type: date, description: When a law was enacted.}
  - {id: inmates, type: quantity, unit: people}
"""


def _names(make_corpus: MakeCorpus) -> Names:
    root = make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES})
    return Names.of(factcheck.load(root))


def test_head_nouns_of_common_and_proper_names() -> None:
    assert head_nouns("first deportation flight") == {"flight"}
    assert head_nouns("ICE flights") == {"flights", "flight"}
    assert head_nouns("Alien Enemies Act") == set()  # a proper name
    assert head_nouns("") == set()
    # the noun before what follows it, not the last word
    assert head_nouns("first deportation flight from Harlingen of 2025-03-15") == {"flight"}
    assert head_nouns("evacuation of residences after the derailment") == {"evacuation"}
    assert head_nouns("evacuation order (Pacific Palisades)") == {"order"}


def test_a_lowercase_alias_opens_a_sentence_with_a_capital(make_corpus: MakeCorpus) -> None:
    entities = """
entities:
  - {id: derailment, name: Avondale derailment, kind: event, aliases: [the derailment]}
  - {id: cbns, name: CBNS, kind: company}
"""
    names = Names.of(factcheck.load(make_corpus({"entities.yaml": entities})))
    text = "The derailment occurred on CBNS track."
    assert [e for _, _, e in names.entities_in(text, 0, len(text))] == ["derailment", "cbns"]
    # a proper name keeps its case: "cbns" is no name of CBNS
    assert names.entities_in("the cbns way", 0, 12) == []


def test_what_properties_are_said_of(make_corpus: MakeCorpus) -> None:
    names = _names(make_corpus)
    assert names.nouns["first-flight"] == {"event", "flight"}
    assert names.said_of["departed"] == {"flight"}
    assert names.said_of_entity("departed", "first-flight")
    assert names.said_of_entity("enacted", "aea")  # by its kind
    assert not names.said_of_entity("departed", "aea")
    assert not names.said_of_entity("inmates", "first-flight")  # no description
    assert names.units["inmates"] == "people"
    assert "unidentified" not in names.nouns


def test_entities_in_text(make_corpus: MakeCorpus) -> None:
    names = _names(make_corpus)
    text = "The Salvadoran flight N278GX left El Salvador."
    assert [e for _, _, e in names.entities_in(text, 0, len(text))] == [
        "first-flight",
        "el-salvador",
    ]
    alone = "The Salvadoran government."
    # an adjective counts only where no other entity is named
    assert [e for _, _, e in names.entities_in(alone, 0, len(alone))] == ["el-salvador"]


def test_without_a_corpus_nothing_is_known() -> None:
    names = Names.of(None)
    assert names.entities_in("El Salvador", 0, 11) == []
    assert names.properties == {}


@given(st.from_regex(r"the [a-z]{3,10}( [a-z]{3,10})?", fullmatch=True))
def test_any_lowercase_alias_is_found_opening_a_sentence(alias: str) -> None:
    """An alias in lower case is met as written and with a sentence's opening capital."""
    with tempfile.TemporaryDirectory() as tmp:
        entities = (
            f"entities:\n  - {{id: x, name: Some Thing, kind: event, aliases: ['{alias}']}}\n"
        )
        (Path(tmp) / "entities.yaml").write_text(entities)
        names = Names.of(factcheck.load(tmp))
    for text in (f"Then {alias} came.", f"{alias[0].upper()}{alias[1:]} came."):
        assert [e for _, _, e in names.entities_in(text, 0, len(text))] == ["x"]


def test_function_words_are_no_distinctive_words(make_corpus: MakeCorpus) -> None:
    props = """
properties:
  - {id: start-moved-earlier, type: quantity,
     description: How much earlier than planned a race was started.}
  - {id: humidity, type: quantity, description: Relative humidity during a race.}
  - {id: finish-temperature, type: quantity, description: Air temperature near the finish.}
"""
    names = Names.of(factcheck.load(make_corpus({"properties.yaml": props})))
    words = set().union(*names.distinctive.values())
    assert words.isdisjoint({"than", "during", "near", "earlier", "befor", "relativ"})
    assert {"humidity", "plann"} <= words


def test_a_count_is_told_apart_by_what_it_counts_and_the_clause_saying_which(
    make_corpus: MakeCorpus,
) -> None:
    props = """
properties:
  - {id: deaths, type: quantity, unit: people, description: Number of people a disaster killed.}
  - {id: injured, type: quantity, unit: people, description: Number of people a disaster injured.}
  - {id: leaders, type: quantity, unit: people, description: Number of leaders among the people.}
  - {id: capacity, type: quantity, description: Number of inmates a prison is designed to hold.}
"""
    names = Names.of(factcheck.load(make_corpus({"properties.yaml": props})))
    assert names.distinctive["deaths"] == {"kill"}  # "disaster" both have: it names neither
    assert names.distinctive["injured"] == {"injur"}
    assert "among" not in names.distinctive["leaders"]  # a function word names nothing
    assert {"inmat", "design"} <= names.distinctive["capacity"]


@given(
    st.lists(
        st.sampled_from(["killed", "injured", "evacuated", "rescued", "arrested"]),
        min_size=2,
        max_size=5,
        unique=True,
    )
)
def test_each_count_s_own_verb_is_its_distinctive_word(verbs: list[str]) -> None:
    """Whatever counts of people the corpus has ("Number of people a disaster VERB."),
    each is told apart by its verb alone: the words they share name none of them."""
    props = "properties:\n" + "".join(
        f"  - {{id: p{i}, type: quantity, description: Number of people a disaster {v}.}}\n"
        for i, v in enumerate(verbs)
    )
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "properties.yaml").write_text(props)
        names = Names.of(factcheck.load(tmp))
    assert [names.distinctive[f"p{i}"] for i in range(len(verbs))] == [
        frozenset({stem(v)}) for v in verbs
    ]


def test_the_one_property_in_a_unit_declaring_a_kind(make_corpus: MakeCorpus) -> None:
    entities = "entities:\n  - {id: pad, name: landing pad, kind: landing-site}\n"
    props = """
properties:
  - {id: distance-offshore, type: quantity, unit: mi, entity_kind: landing-site}
  - {id: pads, type: quantity, entity_kind: landing-site}
"""
    names = Names.of(
        factcheck.load(make_corpus({"entities.yaml": entities, "properties.yaml": props}))
    )
    assert names.one_declared("pad", "miles") == "distance-offshore"  # one unit, two spellings
    assert names.one_declared("pad", "km") is None
    assert names.one_declared("pad", None) is None  # a bare number: no guess


def test_a_hyphenated_kind_is_named_with_a_space(make_corpus: MakeCorpus) -> None:
    entities = "entities:\n  - {id: order, name: the judge's order, kind: court-order}\n"
    props = """
properties:
  - {id: issued, type: date, description: When a court order or ruling was issued.}
  - {id: landed, type: date, description: When a rocket reached its landing site.}
"""
    names = Names.of(
        factcheck.load(make_corpus({"entities.yaml": entities, "properties.yaml": props}))
    )
    assert (
        "court-order" in names.said_of["issued"]
        and "court-order" in names.described_kinds["issued"]
    )
    assert names.said_of_entity("issued", "order")
    assert "court-order" not in names.said_of["landed"]


@given(st.from_regex(r"[a-z]{3,8}-[a-z]{3,8}", fullmatch=True))
def test_any_hyphenated_kind_is_met_in_a_description_with_a_space(kind: str) -> None:
    """Whatever the kind, "When a KIND (spaced) ended." is said of it."""
    entities = f"entities:\n  - {{id: e, name: Some Thing, kind: {kind}}}\n"
    spaced = kind.replace("-", " ")
    props = f"properties:\n  - {{id: ended, type: date, description: When a {spaced} ended.}}\n"
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "entities.yaml").write_text(entities)
        (Path(tmp) / "properties.yaml").write_text(props)
        names = Names.of(factcheck.load(tmp))
    assert names.said_of_entity("ended", "e")
