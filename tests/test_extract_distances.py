"""factcheck.extract.distances: a length "SSE of" a place is a distance from it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.extract import UNIDENTIFIED, draft_fact_file
from factcheck.extract.distances import LENGTH_UNITS, Measured, measured_as, reference_places
from factcheck.extract.mention import Mention

from .conftest import MakeCorpus


def _length(text: str, figure: str, unit: str | None = "km") -> Mention:
    at = text.index(figure)
    return Mention("quantity", at, at + len(figure), figure, 1.0, unit=unit)


@pytest.mark.parametrize(
    ("text", "figure", "what", "rest"),
    [
        ("about 110 miles east-southeast of Tijuana", "110", Measured.DISTANCE, "Tijuana"),
        ("25.7 km (15.9 miles) SSE of Lomas", "25.7 km", Measured.DISTANCE, "Lomas"),
        ("about 60 miles from the provincial capital Quetta", "60", Measured.DISTANCE, "provin"),
        ("13 miles northeast of Harnai city", "13 miles", Measured.DISTANCE, "Harnai"),
        ("about 6 miles below the earth's surface", "6", Measured.DEPTH, " the earth"),
        ("about 0.8 nm north-northeast of Sparks", "0.8", Measured.DISTANCE, "Sparks"),
        # a length and a bearing, both from the place
        ("about 2.2 nm and 032 degrees from Sparks", "2.2", Measured.DISTANCE, "Sparks"),
    ],
)
def test_what_a_length_measures(text: str, figure: str, what: str, rest: str) -> None:
    found = measured_as(text, _length(text, figure, "nmi" if " nm " in text else "km"))
    assert found is not None
    assert found[0] == what
    assert text[found[1] :].startswith(rest)


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("120 people from Chongqing", "120", "people"),  # no length
        ("2 of the fences", "2", None),
        ("30 km of road", "30 km", "km"),  # no direction: a length, not a distance
        ("10 km in the SE", "10 km", "km"),
    ],
)
def test_not_a_distance(text: str, figure: str, unit: str | None) -> None:
    assert measured_as(text, _length(text, figure, unit)) is None


@given(
    unit=st.sampled_from(sorted(LENGTH_UNITS)),
    direction=st.sampled_from(["north", "south-west", "east-northeast", "SSE", "NW", "away from"]),
    figure=st.integers(min_value=1, max_value=10**6),
)
def test_any_length_towards_a_place_is_a_distance(unit: str, direction: str, figure: int) -> None:
    joint = "" if direction.endswith("from") else " of"
    text = f"The epicentre was {figure} {unit} {direction}{joint} Sometown."
    found = measured_as(text, _length(text, f"{figure} {unit}", unit))
    assert found is not None
    assert found[0] == Measured.DISTANCE
    assert text[found[1] :] == "Sometown."


@given(unit=st.sampled_from(["people", "percent", "USD", "days"]))
def test_no_other_unit_is_a_distance(unit: str) -> None:
    text = "It was 30 units south of Sometown."
    assert measured_as(text, _length(text, "30", unit)) is None


def test_every_place_a_distance_is_measured_from() -> None:
    text = (
        "It was 25.7 km (15.9 miles) SSE of Lomas (population 0) and 73.7 km SW of the "
        "town of Marcona."
    )
    lomas, marcona = text.index("Lomas"), text.index("Marcona")
    found = [(lomas, lomas + 5, "lomas"), (marcona, marcona + 7, "marcona")]
    assert reference_places(text, (0, len(text)), found) == found
    # a place after punctuation is not the one measured from
    other = "It lies 5 km north of here, in Lomas."
    at = other.index("Lomas")
    assert reference_places(other, (0, len(other)), [(at, at + 5, "lomas")]) == []


ENTITIES = """
entities:
  - {id: quake, name: 2018 Peru earthquake, kind: event}
  - {id: lomas, name: Lomas, kind: town}
  - {id: marcona, name: Minas de Marcona, kind: town}
  - {id: usgs, name: United States Geological Survey, kind: organization, aliases: [USGS]}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
PROPERTIES = """
properties:
  - {id: depth, type: quantity, description: Depth of an earthquake's focus.}
  - {id: distance, type: quantity, description: Distance of an epicentre from a place.}
  - {id: population, type: quantity, unit: people, description: People living in a place.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


def _claims(make_corpus: MakeCorpus, text: str) -> list[tuple[str, str, object]]:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES}))
    claims = draft_fact_file(text, "x", corpus=corpus, published="2018-01-14").claims
    return [(c["subject"], c["property"], c["value"]) for c in claims]


def test_drafted_distance_is_not_the_reference_places(make_corpus: MakeCorpus) -> None:
    text = (
        "A 2018 Peru earthquake hit the coast.\n"
        "According to the USGS, the epicenter was 25.7 km SSE of Lomas and 73.7 km SSE of "
        "Minas de Marcona.\nThe quake struck about 6 km below the surface, 9 km east of Lomas."
    )
    assert _claims(make_corpus, text)[1:] == [
        ("quake", "distance", 25.7),  # the text's topic, not Lomas nor the speaker
        ("quake", "distance", 73.7),
        ("quake", "depth", 6),
        ("quake", "distance", 9),
    ]


def test_a_distance_of_no_known_thing_stays_unidentified(make_corpus: MakeCorpus) -> None:
    # Lomas alone is named: it is where the distance is measured from, not what is there
    assert _claims(make_corpus, "It is 25.7 km SSE of Lomas.") == [(UNIDENTIFIED, "distance", 25.7)]
