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
