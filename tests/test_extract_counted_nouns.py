"""factcheck.extract.counted_nouns: the property a figure's counted noun names."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.extract.counted_nouns import counted_property
from factcheck.extract.vocabulary import Names

from .conftest import MakeCorpus

PROPERTIES = """
properties:
  - {id: buildings, type: quantity, description: Buildings of a prison.}
  - {id: cells-per-building, type: quantity, description: Cells in each building.}
  - {id: lanes, type: quantity, unit: lanes, description: Traffic lanes of a bridge.}
  - {id: deportees, type: quantity, unit: people, description: People deported.}
  - {id: people-evacuated, type: quantity, unit: people, description: People told to leave.}
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
    ],
)
def test_counted_property(make_corpus: MakeCorpus, after: str, expected: list[str]) -> None:
    entities = "entities:\n  - {id: unidentified, name: Unidentified, kind: placeholder}\n"
    names = Names.of(
        factcheck.load(make_corpus({"entities.yaml": entities, "properties.yaml": PROPERTIES}))
    )
    assert counted_property(names, after) == expected
