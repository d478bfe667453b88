"""factcheck.extract.property_keywords: plain phrases that make a property clear."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.extract.mention import Mention
from factcheck.extract.property_keywords import keyword_hits
from factcheck.extract.vocabulary import Names

from .conftest import MakeCorpus

PROPERTIES = """
properties:
  - {id: capacity, type: quantity, unit: people, description: People a facility can hold.}
  - {id: age, type: quantity, unit: years, description: Age of a person.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""
ENTITIES = "entities:\n  - {id: unidentified, name: Unidentified, kind: placeholder}\n"


@pytest.mark.parametrize(
    ("context", "unit", "expected"),
    [
        ("a mega-prison that can hold up to", None, ["capacity"]),
        ("it can house over", None, ["capacity"]),
        ("he is 40 years old", "years", ["age"]),
        # a percentage is no capacity
        ("can hold up to", "percent", []),
        ("the prison opened in", None, []),
    ],
)
def test_keyword_hits(
    make_corpus: MakeCorpus, context: str, unit: str | None, expected: list[str]
) -> None:
    names = Names.of(
        factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES}))
    )
    mention = Mention("quantity", 0, 2, "40", 40.0, unit=unit)
    assert keyword_hits(names, mention, context.casefold()) == expected
