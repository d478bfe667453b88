"""factcheck.extract.stems: stems that meet a property's name in a verb, plural or synonym."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.extract.stems import _IRREGULAR, DIMENSIONS, SYNONYMS, stem, word_stems


@pytest.mark.parametrize(
    ("words", "common"),
    [
        (["departs", "departed", "departure", "depart"], "depart"),
        (["deported", "deportees", "deportee"], "deport"),
        (["issues", "issued"], "issu"),
        (["began", "begins", "begin"], "begin"),
        (["filed", "files", "file"], "file"),
        (["designated", "designating"], "design"),
    ],
)
def test_forms_of_a_word_share_a_stem(words: list[str], common: str) -> None:
    assert {stem(w) for w in words} == {common}


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("A second flight leaves Texas", "depart"),
        ("the plane took off at noon", "depart"),
        ("Boasberg reconvenes the hearing", "resum"),
        ("Boasberg convenes a hearing", "begin"),
        ("a law passed in 1798", "enact"),
    ],
)
def test_common_verbs_stand_for_the_verb_properties_are_named_by(text: str, verb: str) -> None:
    assert verb in word_stems(text)


def test_short_words_keep_their_ending() -> None:
    # "times" would become "tim", "used" "us": too little left to mean anything
    assert stem("times") == "time"
    assert stem("used") == "used"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_a_stem_is_a_prefix_of_the_word_and_stable(word: str) -> None:
    assume(word not in _IRREGULAR)  # "began" -> "begin"
    s = stem(word)
    assert word.startswith(s)
    assert len(s) >= min(4, len(word))


def test_synonyms_map_to_the_stems_of_verbs() -> None:
    verbs = [
        "departed",
        "begins",
        "resumed",
        "adjourned",
        "enacted",
        "opened",
        "build",
        "founded",
        "landed",
        "rise",
        "fall",
        "estimate",  # "estimates", "predicted"
        "before",  # "a year ago", "a year earlier"
        "deaths",  # "288 dead"
        "hospitalized",  # "sent to area hospitals"
    ]
    assert set(SYNONYMS.values()) <= {stem(v) for v in verbs}


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("analyst estimates of 92 cents", "estimat"),
        ("analysts had predicted 82 cents", "estimat"),
        ("the FactSet consensus of $1.29 a share", "estimat"),
        ("left at least 288 dead and more than 800 injured", "death"),
        ("44 sent to area hospitals", "hospitaliz"),
        ("taken to hospital", "hospitaliz"),
        ("from $5.42 billion a year ago", "befor"),
        ("a year earlier", "befor"),
    ],
)
def test_words_read_as_the_word_properties_are_named_by(text: str, meant: str) -> None:
    assert meant in word_stems(text)


@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("the vote share increased by two points", "rise"),
        ("rising by 17 points", "rise"),
        ("saw a significant boost", "rise"),
        ("plummeting by 20 points", "fall"),
        ("the vote share dipped by 15 points", "fall"),
        ("a four-point drop in share", "fall"),
        ("it declined", "fall"),
    ],
)
def test_ups_and_downs_read_as_rise_and_fall(text: str, way: str) -> None:
    assert way in word_stems(text)
    assert ({"rise", "fall"} - {way}).isdisjoint(word_stems(text))


def test_dimension_adjectives_name_their_nouns() -> None:
    assert set(DIMENSIONS.values()) == {stem(n) for n in ["length", "height", "width", "depth"]}
    assert {"length", "height"} <= word_stems("a 2,770ft-long, 405ft-tall bridge")


@pytest.mark.parametrize("text", ["high-profile offenders", "a long-distance network", "deep-sea"])
def test_an_adjective_opening_a_compound_measures_nothing(text: str) -> None:
    assert set(DIMENSIONS.values()).isdisjoint(word_stems(text))


@given(st.sampled_from(sorted(DIMENSIONS)), st.sampled_from(["profile", "ranking", "level"]))
def test_a_dimension_before_a_hyphen_qualifies_the_compound(adjective: str, noun: str) -> None:
    # the same adjective measures when it stands alone after the figure
    assert DIMENSIONS[adjective] not in word_stems(f"six {adjective}-{noun} offenders")
    assert DIMENSIONS[adjective] in word_stems(f"a 230-foot {adjective} rocket")
