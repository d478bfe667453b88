"""factcheck.extract.coordination: figures joined by "and" share what is said of them."""

from __future__ import annotations

from typing import Any

import pytest

import factcheck
from factcheck.extract import UNIDENTIFIED, UNREVIEWED_NUMBER, draft_fact_file
from factcheck.extract.coordination import share_predicates
from factcheck.extract.mention import Mention

from .conftest import MakeCorpus


def _pair(text: str, first: str, second: str, prop: str) -> list[tuple[Mention, dict[str, Any]]]:
    a, b = text.index(first), text.rindex(second)
    return [
        (
            Mention("quantity", a, a + len(first), first, 1.0),
            {"subject": UNIDENTIFIED, "property": UNREVIEWED_NUMBER, "note": "n"},
        ),
        (
            Mention("quantity", b, b + len(second), second, 2.0),
            {"subject": "op", "property": prop, "note": "n"},
        ),
    ]


@pytest.mark.parametrize(
    ("text", "shared"),
    [
        ("252 Venezuelan and 36 Salvadoran migrants were deported", True),
        ("at least 238 Venezuelan and 36 Salvadoran migrants were deported", True),
        # a clause between them: not one predicate
        ("252 people arrived, and later 36 migrants were deported", False),
        ("252 and 36 migrants were deported", False),  # no word between: a range or a list
    ],
)
def test_share_predicates(text: str, shared: bool) -> None:
    claims = _pair(
        text, text.split()[2] if text.startswith("at") else text.split()[0], "36", "deportees"
    )
    share_predicates(text, claims)
    assert (claims[0][1]["property"] == "deportees") is shared
    if shared:
        assert "joined to it by" in claims[0][1]["note"]


def test_a_property_of_its_own_is_kept() -> None:
    text = "252 Venezuelan and 36 Salvadoran migrants were deported"
    claims = _pair(text, "252", "36", "deportees")
    claims[0][1]["property"] = "arrivals"
    share_predicates(text, claims)
    assert claims[0][1]["property"] == "arrivals"


ENTITIES = """
entities:
  - {id: op, name: deportations to El Salvador, kind: event}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
PROPERTIES = """
properties:
  - {id: deportees, type: quantity, entity_kind: event, description: Number of people deported.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


def test_drafts_share_the_predicate(make_corpus: MakeCorpus) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES}))
    text = "In the deportations to El Salvador, 252 Venezuelan and 36 Salvadoran men were deported."
    claims = draft_fact_file(text, "x", corpus=corpus, published="2025-04-01").claims
    assert [(c["value"], c["property"]) for c in claims] == [(252, "deportees"), (36, "deportees")]
