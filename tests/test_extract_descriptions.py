"""factcheck.extract.descriptions: entities a sentence describes without naming them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.descriptions import Descriptors

QUAKES = {
    "harnai": ["2021 Harnai earthquake", "Pakistan earthquake"],
    "balochistan": ["2013 Balochistan earthquake"],
    "kashmir": ["2019 Kashmir earthquake"],
    "order": ["written order"],
    "usa": ["United States"],
}


def _found(text: str, year: int | None = 2021) -> list[str]:
    return [e for _, _, e in Descriptors(QUAKES).find(text, 0, len(text), year)]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # another word of the name near the noun: the place
        ("At least 20 people were killed in an earthquake that struck Pakistan.", 2021, ["harnai"]),
        # the year written picks the name with it; the alias without a year is the 2021 one
        (
            "In 2013, a 7.7 magnitude earthquake struck a remote area in West Pakistan.",
            2021,
            ["balochistan"],
        ),
        ("In 2019, an earthquake struck Pakistan and the Kashmir region.", 2021, ["kashmir"]),
        # "quake" is written for "earthquake"; the plural names it too
        ("The quake hit Harnai hard.", 2021, ["harnai"]),
        ("Two earthquakes struck Harnai.", 2021, ["harnai"]),
        # nothing but the noun: no guess between three earthquakes
        ("An earthquake struck.", None, []),
        # no year written: the story's own year decides
        ("An earthquake struck.", 2021, ["harnai"]),
        # a year of the text that is no name's: none of them
        ("In 1935 an earthquake struck Pakistan.", 2021, []),
        # a word far from the noun does not describe it
        (
            "Pakistan is a big country with many mountains and rivers and lakes and farms and "
            "towns and roads and then an earthquake struck.",
            None,
            [],
        ),
        # "orders" names the written order only with another of its words
        ("Boasberg orders the planes back.", None, []),
        ("Boasberg issued his written order.", None, ["order"]),
        # a proper name has no head noun to describe it by
        ("The states agreed.", None, []),
        # a head noun is never found inside a longer word
        ("The earthquakeproof building stood.", 2021, []),
    ],
)
def test_find(text: str, year: int | None, expected: list[str]) -> None:
    assert _found(text, year) == expected


def test_spans_are_the_noun() -> None:
    text = "In 2019, an earthquake struck Kashmir."
    [(a, b, _)] = Descriptors(QUAKES).find(text, 0, len(text), None)
    assert text[a:b] == "earthquake"


def test_acronym_is_not_the_pronoun() -> None:
    d = Descriptors({"usg": ["US government"]})
    text = "the government told us"
    assert d.find(text, 0, len(text), None) == []
    text = "the US government said"
    assert [e for *_, e in d.find(text, 0, len(text), None)] == ["usg"]


@given(
    st.permutations(list(QUAKES.items())),
    st.text(alphabet=st.sampled_from(list("earthquake Pakistan 2013 2019 Harnai ,.")), max_size=80),
)
def test_order_of_entities_does_not_matter(items: list[tuple[str, list[str]]], text: str) -> None:
    assert Descriptors(dict(items)).find(text, 0, len(text), 2021) == Descriptors(QUAKES).find(
        text, 0, len(text), 2021
    )


@given(st.text(max_size=120), st.integers(0, 60), st.integers(0, 120))
def test_spans_lie_inside_the_range(text: str, start: int, end: int) -> None:
    for a, b, e in Descriptors(QUAKES).find(text, start, end, 2021):
        assert start <= a < b <= max(start, end) and e in QUAKES
