"""factcheck.extract.numbers: counts, amounts, percentages, rates, hedges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import (
    find_mentions,
)

from .extract_forms import check_form

# text, published, kind, value, unit, hedge, precision, flags
FORMS = [
    ("14,5 thousand people", None, "quantity", 14500, None, "exact", None, set()),
    ("109.5 thousand people", None, "quantity", 109500, None, "exact", None, set()),
    ("1,659 prisoners", None, "quantity", 1659, None, "exact", None, set()),
    ("receive $6 million", None, "quantity", 6_000_000, "USD", "exact", None, set()),
    ("is 3% of the budget", None, "quantity", 3, "percent", "exact", None, set()),
    ("1,659 prisoners per 100,000", None, "quantity", 1659, "per 100,000", "exact", None, {"rate"}),
    ("more than 60 thousand people", None, "quantity", 60000, None, "more-than", None, set()),
    ("has approached 80,000", None, "quantity", 80000, None, "almost", None, set()),
    ("fell by almost 57 percent", None, "quantity", 57, "percent", "almost", None, set()),
    ("about 250 people", None, "quantity", 250, None, "about", None, set()),
    ("houses over 40,000 members", None, "quantity", 40000, None, "more-than", None, set()),
    ("up to 40,000 inmates", None, "quantity", 40000, None, "at-most", None, set()),
    ("at least 12 cells", None, "quantity", 12, None, "at-least", None, set()),
    ("exceeding 1% of the population", None, "quantity", 1, "percent", "more-than", None, set()),
    ("between 10 and 20 people", None, "quantity", (10, 20), None, "between", None, set()),
    ("from 72 hours", None, "quantity", 72, "hours", "exact", None, set()),
    ("an area of 100 square meters", None, "quantity", 100, "m2", "exact", None, set()),
    ("for 0 euros", None, "quantity", 0, "EUR", "exact", None, set()),
    ("two fences", None, "quantity", 2, None, "exact", None, {"word"}),
    ("in three days", None, "quantity", 3, "days", "exact", None, {"word"}),
    ("extend it only once", None, "quantity", 1, "times", "exact", None, {"word"}),
    ("El Salvador ranks first", None, "quantity", 1, "rank", "exact", None, {"ordinal"}),
    ("the 154th spacewalk so far", None, "quantity", 154, None, "exact", None, {"ordinal"}),
    ("doubling the building area", None, "quantity", 2, "times", "exact", None, {"multiplier"}),
    ("half an hour a day", None, "quantity", 30, "minutes", "exact", None, {"word"}),
    # units and scales glued to the figure, or joined by a hyphen
    ("the 2,770ft-long span", None, "quantity", 2770, "ft", "exact", None, set()),
    ("10,000t of steel", None, "quantity", 10000, "t", "exact", None, set()),
    ("a 405m tower", None, "quantity", 405, "m", "exact", None, set()),
    ("cost $229.5m in all", None, "quantity", 229_500_000, "USD", "exact", None, set()),
    ("cost \u20ac2bn in all", None, "quantity", 2e9, "EUR", "exact", None, set()),
    ("10k runners", None, "quantity", 10000, None, "exact", None, set()),
    ("a 14-day period", None, "quantity", 14, "days", "exact", None, set()),
    ("a 5.6-kilometre-long road", None, "quantity", 5.6, "km", "exact", None, set()),
    ("a 400-million-dollar bridge", None, "quantity", 4e8, "USD", "exact", None, set()),
    ("a two-hour hearing", None, "quantity", 2, "hours", "exact", None, {"word"}),
    ("invoked only four times", None, "quantity", 4, "times", "exact", None, {"word"}),
    (
        "52,000 cubic yards of concrete",
        None,
        "quantity",
        52000,
        "cubic yards",
        "exact",
        None,
        set(),
    ),
    ("it fell on Saturday 15 people died", None, "quantity", 15, None, "exact", None, set()),
    ("won in 2:06:17 flat", None, "quantity", 7577, "s", "exact", None, {"duration"}),
    # a duration said in its units is one figure
    (
        "a time of 2 hours, 27 minutes, 20 seconds",
        None,
        "quantity",
        8840,
        "s",
        "exact",
        None,
        {"duration"},
    ),
    # in the smallest unit said: hours and minutes are minutes
    (
        "it took 3 hours and 5 minutes",
        None,
        "quantity",
        185,
        "minutes",
        "exact",
        None,
        {"duration"},
    ),
    (
        "resumed 2 hours, 39 minutes after the third rain delay",
        None,
        "quantity",
        159,
        "minutes",
        "exact",
        None,
        {"duration"},
    ),
    ("ran 27 mins 20.5 secs", None, "quantity", 1640.5, "s", "exact", None, {"duration"}),
    ("ran 5K in 14:21.", None, "quantity", 861, "s", "exact", None, {"duration"}),
    ("It took 1\u00bd hours.", None, "quantity", 1.5, "hours", "exact", None, {"fraction"}),
    ("about \u00be of them", None, "quantity", 0.75, None, "about", None, {"fraction"}),
    ("There are no windows or hoods.", None, "quantity", 0, None, "exact", None, {"none"}),
    # seismologists' notation for a magnitude; without a decimal it is a road or a rifle
    ("registered as M7.1 by the USGS", None, "quantity", 7.1, None, "exact", None, {"magnitude"}),
    ("a Mw 6.4 earthquake", None, "quantity", 6.4, None, "exact", None, {"magnitude"}),
    # thousands grouped by spaces (a normal space, no-break or narrow no-break space)
    ("about 41 000 people", None, "quantity", 41000, None, "about", None, set()),
    ("(population 15\u202f468)", None, "quantity", 15468, None, "exact", None, set()),
    ("1 250 000 voters", None, "quantity", 1250000, None, "exact", None, set()),
    # points in a sentence about shares are percentage points; elsewhere no unit
    ("up 2 percentage points", None, "quantity", 2, "percentage points", "exact", None, set()),
    (
        "vote share fell by 20 points",
        None,
        "quantity",
        20,
        "percentage points",
        "exact",
        None,
        set(),
    ),
    (
        "a four-point drop in share",
        None,
        "quantity",
        4,
        "percentage points",
        "exact",
        None,
        {"word"},
    ),
    ("they won by 20 points", None, "quantity", 20, None, "exact", None, set()),
    ("seven per cent of the vote", None, "quantity", 7, "percent", "exact", None, {"word"}),
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


@pytest.mark.parametrize(
    "text",
    [
        "members of MS-13",
        "the early 2010s and the 1980s",
        "In the first decade of the 21st century",
        "pic.twitter.com/HTNwtp35Aq",
        "a country that was once considered dangerous",
        "May I ask?",
        "in March this year",  # relative, and no publication date to resolve it
        # a number after a capitalised word in mid-sentence is part of a name
        "the pilots flew a Boeing 737",
        "they drove on Highway 101 under Section 230",
        "they drove up the M4 with an M16",  # magnitudes have a decimal
        "the four-time champion took a one-time bonus",  # epithets, no counts
        "a 2-time winner",
        # an ordinal in digits that is a century, a name, an anniversary or a day
        "invoking an 18th-century wartime law",
        "the 14th Amendment says so",
        "on the 32nd anniversary of the war",
        "it fell on the 15th",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_mentions(text) == []


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_read_back(n: int) -> None:
    [m] = find_mentions(f"counted {n:,} people")
    assert m.value == n


@pytest.mark.parametrize(
    ("text", "value", "unit", "hedge", "flags"),
    [
        ("in the past 1-1/2 months", 1.5, "months", "exact", {"fraction"}),
        ("for 2 1/2 years", 2.5, "years", "exact", {"fraction"}),
        ("a half-hour drive", 30, "minutes", "exact", {"word"}),
        ("Some 10,000 to 20,000 people", (10000, 20000), None, "between", set()),
        ("from 10 to 20 people", None, None, None, None),  # "from A to B" may be a change
        ("upgraded from a magnitude 6.9 to 7.2", None, None, None, None),
        ("12,000 more inmates than last year", 12000, None, "exact", {"change"}),
    ],
)
def test_fractions_ranges_changes(
    text: str, value: object, unit: str | None, hedge: str | None, flags: set[str] | None
) -> None:
    found = find_mentions(text)
    if value is None:
        assert len(found) == 2
        return
    [m] = found
    assert (m.value, m.unit, m.hedge, set(m.flags)) == (value, unit, hedge, flags)
    if "change" in (flags or set()):
        assert m.note is not None and "not a count" in m.note


@pytest.mark.parametrize(
    "text",
    [
        "Coordinates13\u00b032\u20321\u2033N 88\u00b048\u203218\u2033W / 13.53361; -88.80500",
        "at 40.7128° N, 74.0060° W",
        "after 9/11 and open 24/7",
    ],
)
def test_coordinates_are_not_counts(text: str) -> None:
    assert find_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Capacity40,000", 40000, "Capacity"),
        ("Opened31 January 2023 (2023-01-31)", "2023-01-31", "Opened"),
        ("Population14,532 (as of 11 June 2024)", 14532, "Population"),
    ],
)
def test_values_glued_to_labels(text: str, value: object, label: str) -> None:
    first = find_mentions(text)[0]
    assert (first.value, first.label) == (value, label)


def test_a_camel_case_name_with_digits_is_no_label() -> None:
    assert [m.value for m in find_mentions("FlightRadar24 is a live tracker.")] == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("at a depth of 36.3 km (22.7 miles).", 36.3, "km"),
        ("a shallow depth of 10 kilometres (six miles).", 10, "km"),
        ("about 110 miles [177 km] away", 110, "miles"),
    ],
)
def test_a_bracketed_conversion_is_the_same_figure(text: str, value: float, unit: str) -> None:
    [m] = find_mentions(text)
    assert (m.value, m.unit) == (value, unit)
    assert m.note is not None and "in brackets" in m.note


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("2 km (3 people) were there", [2, 3]),  # a count in brackets has no unit to convert
        ("In 2019 100 people came", ["2019", 100]),  # a year never starts a spaced number
        ("scored 3 to 1 in 90 minutes", [3, 1, 90]),
    ],
)
def test_not_conversions_nor_spaced_groups(text: str, values: list[object]) -> None:
    assert [m.value for m in find_mentions(text)] == values


@given(st.integers(min_value=1000, max_value=10**9))
def test_space_grouped_thousands_read_back(n: int) -> None:
    [m] = find_mentions("counted " + f"{n:,}".replace(",", "\u00a0") + " people")
    assert m.value == n


@pytest.mark.parametrize(
    ("text", "value", "unit", "hedge"),
    [
        # cents are hundredths of the currency: US dollars, as "$" is read
        ("Profit was $468 million, or 47 cents a share.", 0.47, "USD", "exact"),
        ("Analysts expected 92 cents a share.", 0.92, "USD", "exact"),
        ("A stamp costs about 73 cents.", 0.73, "USD", "about"),
        ("It sold for 3\u00a2 each.", 0.03, "USD", "exact"),
        # of the euro where the sentence's amounts are in euros
        ("A ride is 90 cents and a day pass \u20ac5.", 0.9, "EUR", "exact"),
    ],
)
def test_cents(text: str, value: float, unit: str, hedge: str) -> None:
    [m] = [x for x in find_mentions(text) if "cent" in x.text or "\u00a2" in x.text]
    assert (m.value, m.unit, m.hedge) == (value, unit, hedge)


@given(st.integers(min_value=1, max_value=99))
def test_cents_read_back(n: int) -> None:
    """ "N cents" is N hundredths of a dollar, and no count N."""
    [m] = find_mentions(f"It paid {n} cents a share.")
    assert m.unit == "USD" and round(float(m.value) * 100) == n  # type: ignore[arg-type]


@pytest.mark.parametrize("word", ["Category", "Level", "Stage"])
def test_a_step_on_a_scale_is_a_value_not_a_name(word: str) -> None:
    """ "a Category 1 hurricane" says how strong it is; "a Boeing 737" says which model."""
    assert [m.value for m in find_mentions(f"it became a {word} 4 storm")] == [4]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("There are no reports of U.S. deaths or injuries.", []),
        ("There were no immediate reports of damage.", []),
        ("There was no word of casualties; there were no signs of life.", []),
        # a count of zero of the thing itself stays
        ("There are no windows in the cells.", [0.0]),
    ],
)
def test_no_reports_is_no_count_of_what_they_report(text: str, values: list[float]) -> None:
    assert [m.value for m in find_mentions(text)] == values


@given(
    st.sampled_from(["reports", "report", "word", "signs", "indication", "evidence"]),
    st.sampled_from(["deaths", "injuries", "damage", "casualties"]),
    st.sampled_from(["are", "were"]),
)
def test_there_are_no_reports_never_drafts_a_zero(noun: str, of: str, verb: str) -> None:
    assert find_mentions(f"There {verb} no {noun} of {of}, officials said.") == []
