"""factcheck.extract.fact_file: a drafted fact file, as data and as YAML."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.draft import draft_fact_file
from factcheck.extract.fact_file import Draft
from factcheck.extract.mention import UNIDENTIFIED
from factcheck.io import yaml_reader as _yaml


def _draft(values: list[object]) -> Draft:
    claims = [
        {"id": f"c{i}", "subject": "unidentified", "value": v, "draft": True}
        for i, v in enumerate(values)
    ]
    return Draft({"source": {"id": "s", "kind": "article"}, "claims": claims})


def test_yaml_has_the_review_header_and_unresolved_footer() -> None:
    draft = _draft([1])
    draft.unresolved.append("time '5 p.m.': no date before it gives its day")
    text = draft.to_yaml("seed.txt")
    assert text.startswith("# Drafted by `factcheck extract` from seed.txt.")
    assert text.rstrip().endswith("# unresolved: time '5 p.m.': no date before it gives its day")


@given(
    st.lists(
        st.one_of(st.integers(), st.sampled_from(["yes", "0E0", "1:30", "null"]), st.text()),
        max_size=5,
    )
)
def test_yaml_round_trips_the_claims(values: list[object]) -> None:
    """Read back as factcheck reads YAML (1.2): "yes" and "0E0" stay what they were."""
    draft = _draft(values)
    data, errors = _yaml.parse(draft.to_yaml(), "draft.yaml")
    assert not errors and data["claims"] == draft.claims


def _claim(i: int, value: object, **fields: object) -> dict[str, object]:
    base = {"id": f"c{i}", "subject": "quake", "property": "magnitude", "value": value}
    return {**base, "note": "drafted", "quote": f"sentence {i}", **fields}


def test_restated_claims_are_dropped_once_identified() -> None:
    draft = Draft(
        {
            "source": {"id": "s"},
            "claims": [
                _claim(0, 7.2),
                _claim(1, 7.2),  # said again: dropped, noted on the first
                _claim(2, 7.2, hedge="about"),  # another hedge: another claim
                _claim(3, 7, subject="unidentified"),  # unknown subject: kept
                _claim(4, 7.2),  # an infobox's value (below): kept beside the body's
                _claim(5, 7),
            ],
        },
        labelled={"c4"},
    )
    assert draft.drop_restated() == 1
    assert [c["id"] for c in draft.claims] == ["c0", "c2", "c3", "c4", "c5"]
    assert "said again: 'sentence 1'" in str(draft.claims[0]["note"])


@given(st.lists(st.sampled_from([1, 2, 3]), max_size=8))
def test_drop_restated_keeps_one_of_each(values: list[int]) -> None:
    draft = Draft({"source": {"id": "s"}, "claims": [_claim(i, v) for i, v in enumerate(values)]})
    draft.drop_restated()
    assert [c["value"] for c in draft.claims] == list(dict.fromkeys(values))


def test_a_figure_whose_property_was_not_told_is_dropped_beside_one_that_was() -> None:
    draft = Draft(
        {
            "source": {"id": "s"},
            "claims": [
                _claim(0, 5, property="unreviewed-number"),  # before the told one: dropped
                _claim(1, 5),
                _claim(2, 5, property="unreviewed-number", subject="other"),  # kept
                _claim(3, 6, property="unreviewed-number"),  # another value: kept
                _claim(4, 5, property="unreviewed-number", subject="unidentified"),  # kept
            ],
        }
    )
    assert draft.drop_restated() == 1
    assert [c["id"] for c in draft.claims] == ["c1", "c2", "c3", "c4"]
    assert "said again: 'sentence 0'" in str(draft.claims[0]["note"])


@given(st.lists(st.tuples(st.sampled_from([1, 2]), st.booleans()), max_size=8))
def test_every_value_said_of_a_subject_is_kept_once_told(said: list[tuple[int, bool]]) -> None:
    """Dropping restatements never loses a value: each told value stays, and an untold
    one stays unless the same value is told."""
    claims = [
        _claim(i, v, **({} if told else {"property": "unreviewed-number"}))
        for i, (v, told) in enumerate(said)
    ]
    draft = Draft({"source": {"id": "s"}, "claims": claims})
    draft.drop_restated()
    assert {c["value"] for c in draft.claims} == {v for v, _ in said}
    told = {v for v, t in said if t}
    assert all(c["property"] == "magnitude" for c in draft.claims if c["value"] in told)


def test_a_distinct_figure_said_again_untold_is_drafted_once() -> None:
    draft = Draft(
        {
            "source": {"id": "s"},
            "claims": [
                _claim(0, 30000.0, unit="athletes"),
                _claim(1, 30000.0, unit="athletes", subject="unidentified"),  # dropped
                _claim(2, 30000.0, unit="people", subject="unidentified"),  # another unit
                _claim(3, 12.0, subject="other"),
                _claim(4, 12.0, subject="unidentified"),  # a small count: kept
                _claim(5, 2.5, subject="other"),
                _claim(6, 2.5, property="unreviewed-number"),  # a fraction: dropped
                _claim(7, 2.5, subject="third"),  # told of another subject: kept
                _claim(8, 30000.0, unit="athletes", subject="unidentified"),  # infobox: kept
            ],
        },
        labelled={"c8"},
    )
    assert draft.drop_restated() == 2
    assert [c["id"] for c in draft.claims] == ["c0", "c2", "c3", "c4", "c5", "c7", "c8"]
    assert "said again: 'sentence 1'" in str(draft.claims[0]["note"])


@given(
    st.lists(st.tuples(st.sampled_from([7.5, 300.0, 3.0]), st.sampled_from(["a", "unidentified"])))
)
def test_restatements_never_lose_a_value(said: list[tuple[float, str]]) -> None:
    """Every value stays; a small count said again of no known subject is never dropped."""
    claims = [_claim(i, v, subject=s) for i, (v, s) in enumerate(said)]
    draft = Draft({"source": {"id": "s"}, "claims": claims})
    draft.drop_restated()
    assert {c["value"] for c in draft.claims} == {v for v, _ in said}
    small = [c for c in draft.claims if c["value"] == 3.0 and c["subject"] == UNIDENTIFIED]
    assert len(small) == len([s for v, s in said if v == 3.0 and s == UNIDENTIFIED])


def test_a_day_said_again_untold_is_drafted_once_a_month_is_not() -> None:
    draft = Draft(
        {
            "source": {"id": "s"},
            "claims": [
                _claim(0, "2020-07-25", property="date"),
                _claim(1, "2020-07-25", property="unreviewed-date"),  # dropped
                _claim(2, "2020-07-25", property="landfall"),  # told: kept
                _claim(3, "2020-07", subject="unidentified"),
                _claim(4, "2020-07", subject="unidentified"),  # a month: kept
                _claim(5, "2020-07-25T17:00-05:00", subject="unidentified"),
                _claim(6, "2020-07-25T17:00-05:00", subject="unidentified"),  # a time: kept
            ],
        },
        labelled=set(),
    )
    assert draft.drop_restated() == 1
    assert [c["id"] for c in draft.claims] == ["c0", "c2", "c3", "c4", "c5", "c6"]


def test_a_figure_said_again_with_no_date_is_the_dated_ones() -> None:
    draft = Draft(
        {
            "source": {"id": "s"},
            "claims": [
                _claim(0, 238, as_of="2025-03-16"),
                _claim(1, 238),  # "the 238 people in custody": said again, no date of its own
                _claim(2, 238, as_of="2025-04-01"),  # another date: another claim
                _claim(3, 5),
                _claim(4, 5, as_of="2025-03-16"),  # dated after an undated one: both stay
            ],
        }
    )
    assert draft.drop_restated() == 1
    assert [c["id"] for c in draft.claims] == ["c0", "c2", "c3", "c4"]
    assert "said again: 'sentence 1'" in str(draft.claims[0]["note"])


@given(st.lists(st.tuples(st.sampled_from([1, 2]), st.sampled_from([None, "2025", "2024"]))))
def test_an_undated_restatement_never_loses_a_dated_value(
    said: list[tuple[int, str | None]],
) -> None:
    claims = [_claim(i, v, **({"as_of": d} if d else {})) for i, (v, d) in enumerate(said)]
    draft = Draft({"source": {"id": "s"}, "claims": claims})
    draft.drop_restated()
    kept = {(c["value"], c.get("as_of")) for c in draft.claims}
    assert {(v, d) for v, d in said if d} <= kept  # every dated figure stays
    assert {v for v, _ in said} == {v for v, _ in kept}  # and every value


@pytest.mark.parametrize(
    ("first", "kept"),
    [
        # a labelled field at the top is a record's value, not a headline restated
        ("Filed Date: March 15, 2025", 2),
        ("Case No.: 1:25-cv-766", 2),
        # a headline repeating the body's figure is dropped, colon or not
        ("Deportations on March 15, 2025", 1),
        ("Exclusive: judge halts flights sent out on March 15, 2025", 1),
    ],
)
def test_a_field_line_at_the_top_is_no_headline(first: str, kept: int) -> None:
    body = "The suit was filed on March 15, 2025."
    draft = Draft({"source": {"id": "s", "kind": "article", "note": ""}, "claims": []})
    for i, quote in enumerate([first, body]):
        draft.claims.append({"id": f"c{i}", "value": "2025-03-15", "quote": quote})
    draft.drop_repeated_headline(f"{first}\n{body}")
    assert len(draft.claims) == kept


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a year that only dates the figures of its sentence is their as_of, no claim
        ("In 2013, a quake killed at least 386 people.", [386]),
        ("It would drop to 4.9 percent in 2016 and to 4.6 percent in 2017.", [4.9, 4.6, "2017"]),
        # a year dating nothing stays, and so does a day or a month
        ("The prison opened in 2023.", ["2023"]),
        ("On March 3, 2023, a quake killed 386 people.", ["2023-03-03", 386]),
    ],
)
def test_a_year_that_only_dates_a_figure_is_not_drafted(text: str, values: list[object]) -> None:
    claims = draft_fact_file(text, "x", published="2024-01-10").claims
    assert [c["value"] for c in claims] == values
    for year in {c.get("as_of") for c in claims} - {None, *values}:
        assert any(f"the year {year} is this figure's as_of only" in c["note"] for c in claims)


def test_a_year_is_kept_when_its_sentence_is_not_known() -> None:
    claims: list[dict[str, Any]] = [
        {"id": "n", "subject": UNIDENTIFIED, "property": "unreviewed-number", "value": 5},
        {"id": "y", "subject": UNIDENTIFIED, "property": "unreviewed-date", "value": "2013"},
    ]
    claims[0]["as_of"] = "2013"
    draft = Draft({"source": {"id": "s", "kind": "article"}, "claims": claims})
    assert draft.drop_times_of_figures() == 0  # no figure recorded: no sentence known
    assert [c["id"] for c in draft.claims] == ["n", "y"]
