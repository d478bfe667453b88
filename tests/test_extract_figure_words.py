"""factcheck.extract.figure_words: which words between two figures are whose."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import find_mentions
from factcheck.extract.figure_words import own_words


@pytest.mark.parametrize(
    ("text", "figure", "before", "after"),
    [
        # the phrase the first figure heads is its own, up to a preposition; the rest
        # is the second's
        (
            "At least two deaths are blamed on a 7.2 magnitude quake",
            "two",
            "At least",
            "deaths are blamed",
        ),
        ("At least two deaths are blamed on a 7.2 magnitude quake", "7.2", "on a", None),
        # a hedge before a figure is part of it: "injured" is nearer 6,000 than 370
        ("It killed 370 people and injured more than 6,000 people", "370", "It killed", "people"),
        ("It killed 370 people and injured more than 6,000 people", "6,000", "and injured", None),
        # the counted noun phrase, up to a conjunction, a preposition or a comma
        ("It had 62 loaded cars and 10 empty cars", "62", "It had", "loaded cars"),
        ("It had 62 loaded cars and 10 empty cars", "10", "and", None),
        ("at 24 mph in throttle position No. 6 in a curve", "6", "in throttle position No.", None),
        ("damaging 15 rail cars, including 8 tank cars", "15", "damaging", "rail cars,"),
        # no such end within a noun phrase's reach: each the half nearer to it
        ("a 7.2 quake killed 200 people", "200", "killed", None),
        (
            "two-time champion Evans Chebet finished third in 2:07:22",
            "2:07:22",
            "finished third in",
            None,
        ),
        # a model name with digits is no figure
        ("5:26 p.m. An A320 departs", "5:26 p.m.", "", None),
        # every number word of number_words is a figure ("thirteen", "forty"), not only
        # those up to twelve; "one" is not ("one of the")
        ("It killed 370 people and injured forty others", "370", "It killed", "people"),
        ("one of the 370 victims", "370", "one of the", None),
        # an amount with its currency sign is a figure too: "a year ago" is the $5.42's
        (
            "sales are up to $6.86 billion from $5.42 billion a year ago",
            "$6.86 billion",
            "sales are up to",
            "",
        ),
        (
            "sales are up to $6.86 billion from $5.42 billion a year ago",
            "$5.42 billion",
            "from",
            "a year ago",
        ),
    ],
)
def test_words_between_figures_belong_to_the_nearer(
    text: str, figure: str, before: str, after: str | None
) -> None:
    at = text.index(figure)
    [m] = [x for x in find_mentions(text, day=date(2025, 3, 15)) if x.start == at]
    got_before, got_after = own_words(text, 0, len(text), m)
    assert got_before.strip() == before
    if after is not None:
        assert got_after.strip() == after
    else:
        assert got_after == text[m.end :]


_WORDS = st.sampled_from(
    ["cars", "loaded", "and", "in", "throttle", "position", "people,", "of", "the", "were"]
)


@given(st.lists(_WORDS, min_size=1, max_size=9))
def test_the_words_between_two_figures_go_to_one_or_the_other_in_order(words: list[str]) -> None:
    """The first figure's words, then the second's: none is both's, and what neither has
    is at most the one middle word of an even split."""
    text = "Here 62 " + " ".join(words) + " 10 ended"
    first, second = [m for m in find_mentions(text) if m.kind == "quantity"]
    after = own_words(text, 0, len(text), first)[1].split()
    before = own_words(text, 0, len(text), second)[0].split()
    assert words[: len(after)] == after
    assert words[len(words) - len(before) :] == before
    assert 0 <= len(words) - len(after) - len(before) <= 1
