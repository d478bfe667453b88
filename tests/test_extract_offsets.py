"""factcheck.extract.offsets: "five years later" is a date counted from the one before it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import draft_fact_file, find_mentions
from factcheck.extract.number_words import CARDINALS
from factcheck.extract.offsets import offset_spans

_WORDS = {v: w for w, v in CARDINALS.items() if v <= 12}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # counted from the last date before it, to the coarser precision, approximate
        (
            "He came around 2011. He met her about five years later.",
            [("2011", "exact"), ("2016", "about")],
        ),
        (
            "On March 14 it was signed. A day later, a judge blocked it.",
            [
                ("2025-03-14", "exact"),
                ("2025-03-15", "exact"),
            ],
        ),
        (
            "It opened in June 2020 and closed two months later.",
            [
                ("2020-06", "exact"),
                ("2020-08", "exact"),
            ],
        ),
        (
            "It closed in 2020; it had opened three years earlier.",
            [
                ("2020", "exact"),
                ("2017", "exact"),
            ],
        ),
        # a day later than a year says no day: only the year is drafted
        ("It opened in 2020. A day later it shut.", [("2020", "exact")]),
        # nothing to count from: the count is no figure either
        ("Two years after dropping out of the race, she won.", []),
        ("She won it five years later.", []),
    ],
)
def test_offsets(text: str, values: list[tuple[str, str]]) -> None:
    claims = draft_fact_file(text, "x", published="2025-03-20").claims
    assert [(c["value"], c.get("hedge", "exact")) for c in claims] == values


@pytest.mark.parametrize(
    "text",
    [
        "He served two years after his conviction.",  # inside the sentence: a term served
        "It rose 5% over the same period a year earlier.",  # a comparison's baseline
        "Sales were $2 billion, compared with $1 billion a year earlier.",
    ],
)
def test_no_offset_date_is_drafted(text: str) -> None:
    claims = draft_fact_file(text, "x", published="2025-03-20").claims
    assert [c["value"] for c in claims if isinstance(c["value"], str)] == []


@given(st.integers(1900, 2080), st.integers(1, 12), st.booleans(), st.booleans())
def test_years_later_is_the_year_plus_n(year: int, n: int, word: bool, about: bool) -> None:
    count = _WORDS[n] if word else str(n)
    said = f"{'about ' if about else ''}{count} years later"
    text = f"The dam was built in {year}. It broke {said}."
    dates = [m for m in find_mentions(text, "2090-01-01") if m.kind == "date"]
    assert [(m.value, m.hedge) for m in dates] == [
        (str(year), "exact"),
        (str(year + n), "about" if about else "exact"),
    ]
    # the count inside the offset is never a figure of its own
    assert [m for m in find_mentions(text, "2090-01-01") if m.kind == "quantity"] == []
    assert offset_spans(text, 0, len(text)) == [(text.index(said), text.index(said) + len(said))]
