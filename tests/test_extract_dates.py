"""factcheck.extract.dates: written, numeric and relative dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import (
    draft_fact_file,
    find_mentions,
)

from .extract_forms import check_form

# text, published, kind, value, unit, hedge, precision, flags
FORMS = [
    ("January 2023", None, "date", "2023-01", None, "exact", "month", set()),
    ("On March 16, 2025, they arrived", None, "date", "2025-03-16", None, "exact", "day", set()),
    ("Tue 4th Feb, 2025", None, "date", "2025-02-04", None, "exact", "day", set()),
    ("16 March 2025", None, "date", "2025-03-16", None, "exact", "day", set()),
    ("date 2025-02-04 Donald", None, "date", "2025-02-04", None, "exact", "day", set()),
    ("2/4/2025", None, "date", "2025", None, "exact", "year", {"ambiguous"}),
    ("16/3/2025", None, "date", "2025-03-16", None, "exact", "day", set()),
    ("until 16:48 (2021-Dec-15).", None, "date", "2021-12-15", None, "exact", "day", set()),
    ("the Act of 1798", None, "date", "1798", None, "exact", "year", set()),
    ("before 2023", None, "date", "2023", None, "before", "year", set()),
    ("in March this year", "2025-04", "date", "2025-03", None, "exact", "month", {"relative"}),
    ("killed last year alone", "2025-02-04", "date", "2024", None, "exact", "year", {"relative"}),
    ("On April 14, Trump met", "2025", "date", "2025-04-14", None, "exact", "day", {"relative"}),
    (
        "it entered into force in March.",
        "2025",
        "date",
        "2025-03",
        None,
        "exact",
        "month",
        {"relative"},
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "kind", "value", "unit", "hedge", "precision", "flags"),
    FORMS,
    ids=[f[0] for f in FORMS],
)
def test_forms(
    text: str,
    published: str | None,
    kind: str,
    value: object,
    unit: str | None,
    hedge: str,
    precision: str | None,
    flags: set[str],
) -> None:
    check_form(text, published, kind, value, unit, hedge, precision, flags)


def test_ambiguous_date_names_both_readings() -> None:
    [m] = find_mentions("2/4/2025")
    assert m.note is not None and "2025-02-04" in m.note and "2025-04-02" in m.note


def test_weekday_that_does_not_match_is_noted() -> None:
    [m] = find_mentions("Wed 4th Feb, 2025")
    assert m.note is not None and "weekday" in m.note


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_read_back(d: date) -> None:
    written = [
        f"{d:%B} {d.day}, {d.year}",
        f"{d:%a} {d.day}th {d:%b}, {d.year}",
        f"{d.day} {d:%B} {d.year}",
        d.isoformat(),
        f"{d.year}-{d:%b}-{d.day:02d}",  # "2021-Dec-15", as status pages write a day
    ]
    for text in written:
        [m] = find_mentions(f"On {text} it happened")
        assert (m.value, m.precision) == (d.isoformat(), "day"), text
    [m] = find_mentions(f"In {d:%B} {d.year} it happened")
    assert (m.value, m.precision) == (d.isoformat()[:7], "month")


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)))
def test_numeric_dates_flag_ambiguity_exactly_when_ambiguous(d: date) -> None:
    [m] = find_mentions(f"on {d.month}/{d.day}/{d.year} it")
    ambiguous = d.day <= 12 and d.day != d.month
    assert ("ambiguous" in m.flags) == ambiguous
    assert m.value == (str(d.year) if ambiguous else d.isoformat())


def test_relative_dates_shift_with_publication() -> None:
    for pub in (date(2024, 1, 31), date(2025, 6, 1)):
        [m] = find_mentions("She came last year", pub.isoformat())
        assert m.value == str(pub.year - 1)
        [m] = find_mentions("She came next year", (pub + timedelta(days=1)).isoformat())
        assert m.value == str(pub.year + 1)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It opened in January 2023, and it began the following month.", "2023-02"),
        ("It opened in December 2023 and filled the following month.", "2024-01"),
        ("They met on 31 January 2025. The next day they left.", "2025-02-01"),
        ("It was built in 2022; the previous year it was planned.", "2021"),
    ],
)
def test_dates_relative_to_the_narrative(text: str, value: str) -> None:
    claims = draft_fact_file(text, "x").claims
    last = claims[-1]
    assert last["value"] == value
    assert "resolved against" in last["note"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the rest of the year of the date before: after its month, or before it
        ("They married in June 2019 and had a child later that year.", ["2019-07", "2019-12"]),
        ("It closed in May 2020, after a vote earlier that year.", ["2020-01", "2020-04"]),
        # a year's last month leaves nothing later; a year alone gives no month to start at
        ("It opened in December 2019 and grew later that year.", None),
        ("It opened in 2019 and grew later that year.", None),
    ],
)
def test_later_or_earlier_that_year(text: str, value: list[str] | None) -> None:
    spans = [c for c in draft_fact_file(text, "x").claims if isinstance(c["value"], list)]
    assert [c["value"] for c in spans] == ([value] if value else [])
    assert all(c["hedge"] == "between" for c in spans)


@given(st.integers(1900, 2099), st.integers(1, 12), st.sampled_from(["later", "earlier"]))
def test_the_rest_of_a_year_never_holds_its_month(year: int, month: int, when: str) -> None:
    text = f"It began in {date(year, month, 1):%B} {year}; more came {when} that year."
    spans = [
        (str(m.value[0]), str(m.value[1]))
        for m in find_mentions(text)
        if isinstance(m.value, tuple)
    ]
    for lo, hi in spans:
        assert lo[:4] == hi[:4] == str(year)
        assert lo <= hi
        assert (int(lo[5:]) > month) if when == "later" else (int(hi[5:]) < month)
    assert len(spans) == (month != (12 if when == "later" else 1))


def test_narrative_relative_date_needs_a_date_before_it() -> None:
    assert find_mentions("It began the following month.") == []


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        ("It opened six months ago.", "2025-03-10", "2024-09", "month"),
        ("It opened six months ago.", "2025-03", "2024-09", "month"),
        ("It fell two days ago.", "2025-03-01", "2025-02-27", "day"),
        ("It fell a week ago.", "2025-03-10", "2025-03-03", "day"),
        ("It was built 3 years ago.", "2025", "2022", "year"),
        ("It was built twenty years ago.", "2025", "2005", "year"),
        # a day back needs the day of publication
        ("It fell two days ago.", "2025-03", None, None),
    ],
)
def test_ago_dates(text: str, published: str, value: str | None, precision: str | None) -> None:
    dates = [m for m in find_mentions(text, published) if m.kind == "date"]
    assert [(m.value, m.precision) for m in dates] == ([(value, precision)] if value else [])
    if value:
        assert "counted back from the publication date" in (dates[0].note or "")


@given(st.integers(1, 500), st.sampled_from(["day", "week", "month", "year"]))
def test_ago_is_never_after_publication(n: int, unit: str) -> None:
    [m] = [x for x in find_mentions(f"It began {n} {unit}s ago.", "2025-03-10") if x.kind == "date"]
    assert str(m.value) <= "2025-03-10"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a comparison's baseline dates the other figure: no claim of its own
        ("Sales rose to $6.86 billion from $5.42 billion a year ago.", [6.86e9, 5.42e9]),
        ("It is below last year's $1.72 a share.", [1.72]),
        ("Sales were up 17% compared to last year.", [17]),
        ("Profit was higher than a year ago.", []),
        # the per-share figure restated between commas, "in the same period", "earlier", "over"
        (
            "It rose to $1.16 billion from $1.13 billion, or $1.27 a share, in the same "
            "period a year ago.",
            [1.16e9, 1.13e9, 1.27],
        ),
        ("Revenue grew 2% over the same period a year earlier.", [2]),
        ("It made 41 cents, compared with 37 cents a year earlier.", [0.41, 0.37]),
        # an event said relative to publication is one
        ("The company was founded last year.", ["2020"]),
        ("Two years ago, it opened a plant.", ["2019"]),
        ("From last year, the rules apply.", ["2020"]),
    ],
)
def test_a_comparison_baseline_is_no_date_claim(text: str, values: list[object]) -> None:
    claims = draft_fact_file(text, "x", published="2021-12-01").claims
    assert [c["value"] for c in claims] == values


@given(
    st.sampled_from(["a year ago", "a year earlier", "last year"]),
    st.sampled_from(["from $5 billion", "from $5 billion, or $1.27 a share,", "compared with 3%"]),
    st.sampled_from(["", "in the same period ", "the same quarter "]),
)
def test_a_baseline_is_never_a_date_claim(when: str, figure: str, period: str) -> None:
    text = f"Sales rose to $6 billion {figure} {period}{when}."
    claims = draft_fact_file(text, "x", published="2021-12-01").claims
    assert [c["value"] for c in claims if isinstance(c["value"], str)] == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a month's day, then a count after the comma
        ("On Monday, April 15, 30,000 athletes ran.", ["2024-04-15", 30000]),
        ("On April 15, 300 athletes ran.", ["2024-04-15", 300]),
        # no day of a month: a list of numbers, a decimal
        ("On June 5, 6 and 7 it rained.", [5, 6, 7]),
        ("It weighed May 1.5 kilos.", [1.5]),
        # a name beginning with a month's letters is no month; a month range keeps its first
        ("Agents searched papers in Mar-a-Lago.", []),
        ("It was held in May-June.", ["2024-05"]),
    ],
)
def test_a_month_s_day_before_a_count(text: str, values: list[object]) -> None:
    assert [m.value for m in find_mentions(text, "2024-07-05")] == values


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(100, 10**6),
)
def test_a_count_after_a_month_s_day_is_read_apart(d: date, n: int) -> None:
    found = find_mentions(f"On {d:%B} {d.day}, {n:,} people came.", str(d.year))
    assert [m.value for m in found] == [d.isoformat(), n]
