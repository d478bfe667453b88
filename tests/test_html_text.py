"""The HTML report's words: figures, dates, hedges, units and sources as people read them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.report.html.text import (
    date_text,
    esc,
    num,
    plural,
    quantity_text,
    says,
    source_name,
    text_width,
    time_text,
    with_unit,
)

from .conftest import MakeCorpus, source_yaml


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (40000, "40,000"),
        (40000.4, "40,000"),
        (2.4, "2.4"),
        (97.7, "97.7"),
        (12.0, "12"),
        (0.125, "0.125"),
        (1234.5, "1,234"),
        (math.inf, "∞"),
        (-math.inf, "-∞"),
    ],
)
def test_num(x: float, expected: str) -> None:
    assert num(x) == expected


@given(st.floats(min_value=-1e15, max_value=1e15).filter(lambda x: x == 0 or abs(x) >= 1e-3))
def test_num_reads_back_close_to_the_figure(x: float) -> None:
    # Whole figures to the unit, smaller ones to three significant digits, never 1e+05.
    text = num(x)
    assert "e" not in text
    back = float(text.replace(",", ""))
    assert abs(back - x) <= (0.5 if abs(x) >= 10 else abs(x) * 5e-3 + 1e-12)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023", "2023"),
        (2023, "2023"),
        ("2023-01", "January 2023"),
        ("2023-01-31", "31 January 2023"),
        ("early 2023", "early 2023"),
        ("2024-08-02T09:30Z", "2 August 2024, 09:30 UTC"),
        ("2024-08-02T09:30:15", "2 August 2024, 09:30:15 (local time)"),
        ("not a date", "not a date"),
    ],
)
def test_date_text(value: str | int, expected: str) -> None:
    assert date_text(value) == expected


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("12", "percent", "12%"),
        ("about 6,000", "USD", "about $6,000"),
        ("∞", "USD", "∞ USD"),
        ("40,000", "people", "40,000 people"),
    ],
)
def test_with_unit(text: str, unit: str, expected: str) -> None:
    assert with_unit(text, unit) == expected


def test_quantity_text_writes_numbers_one_way() -> None:
    assert quantity_text("14,5 thousand") == "14,500"
    assert quantity_text("a few") == "a few"


CLAIMS = """
- {id: a, subject: cecot, property: inmates, value: 40000, hedge: more-than, as_of: 2024-08,
   quote: q}
- {id: b, subject: cecot, property: inmates, value: [10000, 14000], hedge: between, quote: q,
   period: {start: 2023-01, end: 2024}}
- {id: c, subject: cecot, property: opened, value: 2023-01, hedge: not-after, quote: q}
- {id: d, subject: cecot, property: name, value: CECOT, quote: q}
- {id: e, subject: cecot, property: capacity, value: 40 thousand, hedge: about, quote: q}
"""


@pytest.mark.parametrize(
    ("claim", "said", "unitless", "when"),
    [
        ("a", "more than 40,000 people", "more than 40,000", "as of August 2024"),
        (
            "b",
            "between 10,000 and 14,000 people",
            "between 10,000 and 14,000",
            "January 2023 to 2024",
        ),
        (
            "c",
            "no later than January 2023",
            "no later than January 2023",
            "published 4 February 2025",
        ),
        ("d", "CECOT", "CECOT", "published 4 February 2025"),
        ("e", "about 40,000 inmates", "about 40,000", "published 4 February 2025"),
    ],
)
def test_what_a_claim_says_and_when(
    make_corpus: MakeCorpus, claim: str, said: str, unitless: str, when: str
) -> None:
    corpus = factcheck.load(make_corpus({"sources/x.yaml": source_yaml("x", CLAIMS)}))
    assert not corpus.errors
    fact = corpus.fact(f"x/{claim}")
    assert says(fact) == said
    assert says(fact, unit=False) == unitless
    assert time_text(fact) == when


def test_source_names(make_corpus: MakeCorpus) -> None:
    published = source_yaml("p", CLAIMS).replace("  title:", "  publisher: El Faro\n  title:")
    corpus = factcheck.load(
        make_corpus(
            {
                "sources/p.yaml": published,
                "sources/x.yaml": source_yaml("x", CLAIMS),
                "reference/r.yaml": (
                    "source:\n  id: r\n  kind: reference\n  title: R\n  basis: a table\n"
                    "claims:\n  - {id: c, subject: cecot, property: inmates, value: 3, basis: b}\n"
                ),
            }
        )
    )
    assert not corpus.errors
    assert source_name("p", corpus) == "El Faro"
    assert source_name(corpus.fact("x/a"), corpus) == "x"
    assert source_name("r", corpus) == "Reference: r"
    assert time_text(corpus.fact("r/c")) == "reference fact"
    assert source_name("nowhere", corpus) == "nowhere"


def test_small_words() -> None:
    assert plural(1, "error") == "1 error"
    assert plural(0, "error") == "0 errors"
    assert esc("<a href='x'>&</a>") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&lt;/a&gt;"
    assert text_width("abcd") == 2 * text_width("ab") > 0
