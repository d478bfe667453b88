"""factcheck.extract.relative_days: days said from the text's own day, spans of two days."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.cli import main
from factcheck.domain.values import PartialDate
from factcheck.extract import draft_fact_file, find_mentions
from factcheck.extract.relative_days import RANGE, find_relative_days, named_month_year

from .conftest import MakeCorpus


@pytest.mark.parametrize(
    ("text", "published", "value", "hedge"),
    [
        ("The company said yesterday that profit rose.", "2005-10-27", "2005-10-26", "exact"),
        ("The vote is tomorrow.", "2005-10-27", "2005-10-28", "exact"),
        (
            "Last night, we transferred 17 men.",
            "2025-03-31",
            ["2025-03-30", "2025-03-31"],
            "between",
        ),
        ("They were sent earlier this month.", "2025-03-31", "2025-03", "exact"),
        ("They were sent last month.", "2025-01-15", "2024-12", "exact"),
        ("They were sent last month.", "2025-01", "2024-12", "exact"),  # a month is enough
        # a month named from the publication date: the latest before it, the next after it
        ("the company's first launch last May.", "2018-01-21", "2017-05", "exact"),
        ("It opened last March.", "2025-06-02", "2025-03", "exact"),
        ("It opened last June.", "2025-06-02", "2024-06", "exact"),
        ("It is due next March.", "2025-06", "2026-03", "exact"),
        ("It is due this September.", "2025-06", "2025-09", "exact"),
        (
            "The transfer was conducted overnight Sunday.",
            "2025-03-31",
            ["2025-03-30", "2025-03-31"],
            "between",
        ),
        (
            "Fires, which started between Monday and Thursday, burn.",
            "2017-12-07",
            ["2017-12-04", "2017-12-07"],
            "between",
        ),
    ],
)
def test_relative_days(text: str, published: str, value: object, hedge: str) -> None:
    claims = draft_fact_file(text, "x", published=published).claims
    [claim] = [c for c in claims if not isinstance(c["value"], int | float)]
    assert claim["value"] == value
    assert claim.get("hedge", "exact") == hedge


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The company said yesterday that profit rose.", "2005-10"),  # no day to count from
        ("The company said yesterday that profit rose.", None),
        ("Last night was cold.", "2005"),
    ],
)
def test_without_the_day_nothing_is_drafted(text: str, published: str | None) -> None:
    assert find_mentions(text, published) == []


def test_a_later_day_before_an_earlier_one_is_no_span() -> None:
    """ "between Thursday and Monday" of a Thursday: Monday came first, no span of days."""
    found = find_mentions("It happened between Thursday and Monday.", "2017-12-07")
    assert [m.precision for m in found] == ["day", "day"]


def test_a_span_is_no_day_for_the_times_after_it() -> None:
    text = "It burned overnight Sunday. Crews left at 5 p.m. ET."
    claims = draft_fact_file(text, "x", published="2025-03-31").claims
    assert claims[-1]["value"] == "2025-03-31T17:00-04:00"  # the publication day, not a span


@given(st.dates(min_value=date(1900, 1, 2), max_value=date(2099, 12, 30)))
def test_yesterday_and_last_night_end_on_the_publication_day(day: date) -> None:
    pub = PartialDate.parse(day.isoformat())
    found = find_relative_days("Yesterday it rained. Last night it snowed.", 0, 42, pub)
    assert [m.value for m in found] == [
        (day - timedelta(days=1)).isoformat(),
        ((day - timedelta(days=1)).isoformat(), day.isoformat()),
    ]
    assert found[1].precision == RANGE and found[1].hedge == "between"


@given(
    st.dates(min_value=date(1900, 2, 1), max_value=date(2099, 11, 30)),
    st.sampled_from(["this", "last", "next"]),
)
def test_a_month_said_from_today_is_next_to_the_publication_month(day: date, rel: str) -> None:
    pub = PartialDate.parse(day.isoformat())
    [m] = find_relative_days(f"It happened {rel} month.", 0, 30, pub)
    year, month = map(int, str(m.value).split("-"))
    months = (year * 12 + month) - (day.year * 12 + day.month)
    assert months == {"this": 0, "last": -1, "next": 1}[rel]
    assert "vague" in m.flags


def test_spans_of_days_load_and_round_trip(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "The transfer of 17 men was conducted overnight Sunday.\n"
        "Last night, we transferred 17 men. Fires started between Thursday and Sunday."
    )
    draft = draft_fact_file(text, "spans", published="2025-03-31")
    spans = [
        c for c in draft.claims if isinstance(c["value"], list) and c.get("hedge") == "between"
    ]
    assert len(spans) == 3
    assert all("as_of" not in c or isinstance(c["as_of"], str) for c in draft.claims)
    facts = Path(__file__).resolve().parents[1] / "facts"
    root = make_corpus(
        {
            name: (facts / name).read_text(encoding="utf-8")
            for name in ("entities.yaml", "properties.yaml")
        }
    )
    (root / "sources").mkdir()
    (root / "sources" / "spans.yaml").write_text(draft.to_yaml(), encoding="utf-8")
    loaded = factcheck.load(root)
    assert loaded.errors == []
    by_id = {f.claim.id: f.claim for f in loaded.facts}
    for claim in spans:
        back = by_id[claim["id"]].value
        assert isinstance(back, tuple)
        assert [str(x) for x in back] == claim["value"]
    assert main(["audit", str(root), "--allow-drafts"]) == 0
    capsys.readouterr()


@given(
    st.sampled_from(["last", "this", "next"]),
    st.integers(1, 12),
    st.integers(1900, 2100),
    st.integers(1, 12),
)
def test_a_named_month_is_the_one_said(rel: str, month: int, year: int, now: int) -> None:
    """ "last May" lies within the twelve months before the publication's month, "next May"
    within the twelve after, "this May" in the publication's year."""
    got = named_month_year(rel, month, PartialDate(year, now))
    said = got * 12 + month
    today = year * 12 + now
    if rel == "last":
        assert today - 12 <= said < today
    elif rel == "next":
        assert today < said <= today + 12
    else:
        assert got == year


def test_a_named_month_with_a_day_is_no_month_of_its_own() -> None:
    """ "last May 5" is a day the date reader reads, not the month "last May"."""
    found = find_relative_days("It began last May 5 at dawn.", 0, 28, PartialDate(2025, 9, 1))
    assert found == []
