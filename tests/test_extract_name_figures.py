"""factcheck.extract.name_figures: figures in names and references are not drafted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import find_mentions
from factcheck.extract.name_figures import name_figure_spans


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("At 13:58,Footnote 2 the train slowed to 24 mph.", [24]),
        ("See Table 3 for 12 more cases.", [12]),
        ("Freight train no. 305-13 carried 40 cars.", [40]),
        ("A Falcon 9 rocket carried 20 satellites.", [20]),
        ("\u00a9 2017 AFX News", []),
        ("In the 2024 general election, Labour won 412 seats.", [412]),
        ("Intel raised its 2017 outlook by 3%.", [3]),
        # values that stay: a position number, a step on a scale, a year before a name
        ("It ran in throttle position No. 6 all day.", [6]),
        ("Hanna became a Category 1 hurricane.", [1]),
        ("It invoked the 1798 Alien Enemies Act.", ["1798"]),
        ("The election of 2024 was won by Labour.", ["2024"]),
    ],
)
def test_figures_in_names_are_not_drafted(text: str, values: list[object]) -> None:
    assert [m.value for m in find_mentions(text, "2024-07-05")] == values


@given(
    st.sampled_from(["Footnote", "Table", "Figure", "Section", "Chapter", "Appendix"]),
    st.integers(1, 999),
    st.integers(1, 10**6),
)
def test_a_reference_never_hides_the_figure_after_it(word: str, ref: int, n: int) -> None:
    text = f"As {word} {ref} shows, {n:,} people came."
    assert name_figure_spans(text, 0, len(text)) == [(len(f"As {word} "), len(f"As {word} {ref}"))]
    assert [m.value for m in find_mentions(text)] == [n]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # the edition of a recurring event
        ("In the 2024 Boston Marathon, 30,000 ran.", [30000]),
        ("She won at the 2020 Summer Olympics.", []),
        ("Hanna was the first hurricane of the 2020 Atlantic hurricane season.", []),
        # a place named by its number
        ("The rocket lifted off from launchpad 40 at dawn.", []),
        ("Highway 101 was closed for 3 hours.", [3]),
        # a phone number
        ("Call the center at 951-696-3615 for news.", []),
        ("Call (951) 696-3615 for news.", []),
        # a year clipped in speech
        ("\u201cWe moved here in \u201964,\u201d she said.", []),
        # a count that refers back
        ("Talks between the two nations went on.", []),
        ("It is as if the two companies had always been combined.", []),
        # values that stay: a count with no "the", a number not spelled out, "the two of them"
        ("Two planes took off.", [2]),
        ("The 238 people in custody were named.", [238]),
        ("The two of them won 4 races.", [2, 4]),
        ("Gate 5 percent of the money.", [5]),
    ],
)
def test_labels_places_phones_and_references_are_not_drafted(
    text: str, values: list[object]
) -> None:
    assert [m.value for m in find_mentions(text, "2024-07-05")] == values


_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


@given(st.sampled_from(_WORDS), st.sampled_from(["nations", "planes", "men", "companies"]))
def test_the_count_of_a_reference_back_is_never_drafted_but_a_stated_count_is(
    word: str, noun: str
) -> None:
    assert [m.value for m in find_mentions(f"Talks between the {word} {noun} went on.")] == []
    assert [m.value for m in find_mentions(f"Talks between {word} {noun} went on.")] == [
        _WORDS.index(word) + 2
    ]


@given(st.integers(200, 999), st.integers(200, 999), st.integers(0, 9999))
def test_a_phone_number_is_never_drafted(area: int, exchange: int, line: int) -> None:
    for phone in (f"{area}-{exchange}-{line:04d}", f"({area}) {exchange}-{line:04d}"):
        assert find_mentions(f"For news, call {phone} today.") == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # reference marks, as encyclopedias cite
        ("It is a prison in Tecoluca. [1] The prison held 40,000.", [40000]),
        ("[2][3] The government opened it in 2023.", ["2023"]),
        # a number word with a capital inside a sentence, before a capitalised word: a name
        ("Active trading is seen in Four Seasons Hotels, up 3%.", [3]),
        ("Train Derails With Two Dead", [2]),
        # the same marks as a copy of the page's markup leaves them
        ("It has nineteen towers,\\17]) and 600 guards.\\18])\\19])", [19, 600]),
        ("It has 600 guards.\\[18\\] It opened in 2023.", [600, "2023"]),
        # one of a numbered set, named by its number
        ("They went through cell number seven, where 12 men slept.", [12]),
        ("Soldiers of Military Detachment Number 9 came.", []),
        # an emergency line called
        ("A resident calls 911 to report a fire.", []),
        ("The 911 call came at 3 a.m.", []),
        # a year naming which one, a name of two words between ("U.S. presidential")
        ("The returns in the 2020 U.S. presidential election came in.", []),
        ("It affirmed its 2017 EPS outlook of $5.80.", [5.8]),
        # values that stay: a count of a number, a setting, a bracketed figure with words
        ("A number of 5 people came.", [5]),
        ("The throttle was in position number 6.", [6]),
        ("It was [7.3 magnitude] strong.", [7.3]),
        ("Some 911 people came.", [911]),
    ],
)
def test_marks_numbered_things_and_emergency_lines_are_not_drafted(
    text: str, values: list[object]
) -> None:
    assert [m.value for m in find_mentions(text, "2024-07-05")] == values


@given(
    st.sampled_from(["cell", "room", "Detachment", "platoon", "bus"]),
    st.integers(1, 99),
    st.integers(100, 10**5),
)
def test_a_numbered_thing_hides_its_number_only(noun: str, number: int, count: int) -> None:
    text = f"In {noun} number {number}, {count:,} people waited [{number}]."
    assert [m.value for m in find_mentions(text)] == [count]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # an address and a broadcaster's name state nothing
        (
            "@ GMHBA Stadium\n370 Moorabool Street\nSouth Geelong\nVIC 3220\nIt held 34,000.",
            [34000],
        ),
        ("The court at 6500 Cherrywood Lane, Greenbelt, MD 20770 heard 3 cases.", [3]),
        ("KIRO 7 News logged 12 reports.", [12]),
        ("FOX 5 said 40 homes burned.", [40]),
        # a state's year, and a count of those on a street, stay
        ("NSW 2019 bushfires burned 5 million hectares.", ["2019", 5000000]),
        ("About 200 people marched down Main Street.", [200]),
    ],
)
def test_addresses_and_broadcasters_are_not_drafted(text: str, values: list[object]) -> None:
    assert [m.value for m in find_mentions(text, "2024-07-05")] == values


@given(
    st.integers(1, 9999), st.sampled_from(["Street", "Avenue", "Road", "Lane"]), st.integers(1, 999)
)
def test_a_street_number_is_never_drafted(number: int, kind: str, n: int) -> None:
    text = f"They met at {number} Moorabool {kind}; {n} people came."
    assert [m.value for m in find_mentions(text)] == [n]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a running score or a tally is no count of its first figure
        ("49\u2019 1-0 B. Berisha", [49]),
        ("They won 3-1 before 8,370 fans.", [8370]),
        ("The court ruled 5-4 on Monday.", []),
        # a fraction stays what it is (an ascending pair, a range, is never hidden: below)
        ("In the past 1-1/2 months it rose.", [1.5]),
    ],
)
def test_scores_and_tallies_are_not_drafted(text: str, values: list[object]) -> None:
    assert [m.value for m in find_mentions(text)] == values


@given(st.integers(0, 99), st.integers(0, 99))
def test_a_score_hides_both_figures_a_range_neither(a: int, b: int) -> None:
    text = f"The result was {a}-{b} at the end."
    spans = name_figure_spans(text, 0, len(text))
    assert spans == (
        [] if b > a else [(text.index(f"{a}-{b}"), text.index(f"{a}-{b}") + len(f"{a}-{b}"))]
    )
