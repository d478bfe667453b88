"""factcheck.extract.counted_nouns: the property a figure's counted noun names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.extract.counted_nouns import count_property, counted_property
from factcheck.extract.vocabulary import Names

from .conftest import MakeCorpus, vocabulary

PROPERTIES = """
properties:
  - {id: buildings, type: quantity, description: Buildings of a prison.}
  - {id: cells-per-building, type: quantity, description: Cells in each building.}
  - {id: lanes, type: quantity, unit: lanes, description: Traffic lanes of a bridge.}
  - {id: deportees, type: quantity, unit: people, description: People deported.}
  - {id: people-evacuated, type: quantity, unit: people, description: People told to leave.}
  - {id: alleged-child-rapists, type: quantity, unit: people, description: People accused.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" buildings", ["buildings"]),
        # the last word of the noun phrase decides
        (" prison cells in each", ["cells-per-building"]),
        # a unit only one property has
        ("-lane bridge", ["lanes"]),
        # a unit of several properties names none of them
        (" people were moved", []),
        ("", []),
        # a word before the head noun names nothing by the id: members are counted
        (" alleged MS-13 members wanted", []),
        # the head noun is a word of the id: it names it
        (" alleged rapists were sent", ["alleged-child-rapists"]),
    ],
)
def test_counted_property(make_corpus: MakeCorpus, after: str, expected: list[str]) -> None:
    entities = "entities:\n  - {id: unidentified, name: Unidentified, kind: placeholder}\n"
    names = Names.of(
        factcheck.load(make_corpus({"entities.yaml": entities, "properties.yaml": PROPERTIES}))
    )
    assert counted_property(names, after) == expected


@given(st.sampled_from(["alleged", "many", "armed", "prison"]), st.sampled_from(["members", "men"]))
def test_only_the_head_noun_names_a_property_by_its_id(word: str, head: str) -> None:
    """Whatever word stands before the counted noun, it names no property by its id
    (``alleged-child-rapists``, ``prison-...``): the noun counted is the phrase's last."""
    props = PROPERTIES + f"  - {{id: {word}-count, type: quantity, description: A count.}}\n"
    names = Names.of(vocabulary("entities: []\n", props))
    assert counted_property(names, f" {word} {head} were moved") == []


@pytest.mark.parametrize(
    ("description", "unit", "found"),
    [
        ("How many of the subject there were.", None, True),
        ("how many of the subject were counted", None, True),
        # in a unit, it counts something else; another description, another property
        ("How many of the subject there were.", "people", False),
        ("Number of flights.", None, False),
    ],
)
def test_the_property_for_how_many_of_the_subject(
    description: str, unit: str | None, found: bool
) -> None:
    unit_field = f", unit: {unit}" if unit else ""
    properties = (
        "properties:\n"
        f"  - {{id: count, type: quantity{unit_field}, description: {description}}}\n"
        "  - {id: unreviewed-number, type: quantity}\n"
    )
    names = Names.of(vocabulary("entities: []\n", properties))
    assert count_property(names) == ("count" if found else None)
