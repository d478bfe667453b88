"""factcheck.extract.draft: drafting fact files, and audits refusing drafts."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.cli import main
from factcheck.domain.model import SourceFile
from factcheck.extract import (
    draft_fact_file,
)
from factcheck.io import yaml_reader as _yaml
from factcheck.rules.engine import draft_errors

from .conftest import MakeCorpus, source_yaml

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts"
SEEDS = ROOT.parent / "shared" / "seeds"


def _corpus() -> factcheck.Corpus:
    return factcheck.load(FACTS)


def test_relative_dates_without_publication_are_listed_not_dropped() -> None:
    draft = draft_fact_file("Headline\nShe visited in March this year.", "x")
    assert draft.claims == []
    assert any("March this year" in u for u in draft.unresolved)
    assert "# unresolved:" in draft.to_yaml()


def test_unresolved_dates_are_not_read_as_numbers() -> None:
    draft = draft_fact_file("Headline\nSAN SALVADOR, March 3 (Reuters) - It holds 52,000.", "x")
    assert [c["value"] for c in draft.claims] == [52000]
    assert any("March 3" in u for u in draft.unresolved)


def test_publication_date_taken_from_dateline() -> None:
    draft = draft_fact_file("Headline\n\nTue 4th Feb, 2025\n\nIt rose last year.", "x")
    assert draft.data["source"]["published"] == "2025-02-04"
    assert "Tue 4th Feb, 2025" in draft.data["source"]["note"]
    assert [c["value"] for c in draft.claims] == ["2024"]  # the dateline is no claim


def _require_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed directory {SEEDS} is missing (expected ../shared/seeds)")


SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_seed_draft_loads(seed: Path, tmp_path: Path) -> None:
    _require_seeds()
    corpus = _corpus()
    text = seed.read_text(encoding="utf-8")
    draft = draft_fact_file(
        text, "drafted", corpus=corpus, published="2025", snapshot_file=seed.name
    )
    assert draft.claims, "every seed has figures"
    root = tmp_path / "facts"
    root.mkdir()
    for name in ("entities.yaml", "properties.yaml"):
        shutil.copy(FACTS / name, root / name)
    (root / "drafted.yaml").write_text(draft.to_yaml(seed.name), encoding="utf-8")
    loaded = factcheck.load(root)
    assert loaded.errors == []
    assert len(loaded.facts) == len(draft.claims)
    assert all(f.claim.draft for f in loaded.facts)
    assert all(f.claim.quote and f.claim.quote in text for f in loaded.facts)
    assert len(draft_errors(loaded)) == len(draft.claims)


# --- refusing drafts ------------------------------------------------------------------

DRAFTED = source_yaml(
    "a",
    """
    - {id: cap, subject: cecot, property: capacity, value: 40000, quote: "for 40,000",
       draft: true}
    - {id: cap2, subject: cecot, property: capacity, value: 40000, quote: "for 40,000"}
    """,
)


def test_draft_errors_name_file_and_line(make_corpus: MakeCorpus) -> None:
    corpus = factcheck.load(make_corpus({"sources/a.yaml": DRAFTED}))
    [error] = draft_errors(corpus)
    assert error.file.endswith("a.yaml") and error.line == 7 and "a/cap" in error.message


@pytest.mark.parametrize(("flags", "code"), [([], 2), (["--allow-drafts"], 0)])
def test_audit_refuses_drafts_unless_allowed(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str], flags: list[str], code: int
) -> None:
    root = make_corpus({"sources/a.yaml": DRAFTED})
    assert main(["audit", str(root), *flags]) == code
    out = capsys.readouterr().out
    assert ("is a draft" in out) == (code == 2)


# --- properties -----------------------------------------------------------------------

PIECES = [
    "14,5 thousand",
    "$6 million",
    "3%",
    "per 100,000",
    "more than 60 thousand",
    "approached 80,000",
    "almost 57 percent",
    "January 2023",
    "March 16, 2025",
    "Tue 4th Feb, 2025",
    "2025-02-04",
    "2/4/2025",
    "in March this year",
    "U.S.",
    "MS-13",
    "two",
    "ranks first",
    "doubling",
    "CECOT",
    "El Salvador",
    "last year",
    "April 14",
    "5:26 p.m.",
    "All times are Eastern Time",
    "between 6:45 p.m. and 6:48 p.m.",
    "before noon",
    "18:45 GMT",
    "Capacity40,000",
    "1-1/2",
    "some 10,000 to 20,000",
    "the following month",
    "12,000 more inmates than",
    "13\u00b032\u20321\u2033N",
]
_words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
_texts = st.lists(
    st.one_of(st.sampled_from(PIECES), _words, st.sampled_from([". ", "\n", ", ", " — ", "• "])),
    max_size=30,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=_texts, published=st.sampled_from([None, "2025", "2025-04-02"]))
# A title that YAML 1.1 (PyYAML's dumper) takes for text but 1.2 (our reader) for a number.
@example(text="0E0", published=None)
def test_draft_quotes_are_verbatim_and_file_is_valid(text: str, published: str | None) -> None:
    draft = draft_fact_file(text, "src", published=published)
    for claim in draft.claims:
        assert claim["quote"] in text
        assert claim["draft"] is True
    for m in draft.mentions:
        assert text[m.start : m.end] == m.text
    data, errors = _yaml.parse(draft.to_yaml(), "draft.yaml")
    assert errors == []
    SourceFile.model_validate(data)


# A small vocabulary drawn from few words, so that names, kinds, descriptions and the text
# share words in every combination the rules look at.
_NOUNS = ["prison", "center", "flight", "order"]
_POOL = [*_NOUNS, "inmates", "people", "guards", "hold", "left", "when", "how", "many", "a"]
_entities = st.lists(
    st.tuples(
        st.lists(st.sampled_from(_NOUNS), min_size=1, max_size=2).map(" ".join),
        st.sampled_from(_NOUNS),
        st.booleans(),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda e: e[0],  # two entities of one name are a load error
)
_properties = st.lists(
    st.tuples(
        st.sampled_from(["quantity", "date"]),
        st.sampled_from([None, "inmates", "people", "guards"]),
        st.lists(st.sampled_from(_POOL), max_size=5).map(" ".join),
    ),
    min_size=1,
    max_size=4,
)
_FIGURES = ["500", "40,000 inmates", "12 guards", "about 300 people", "March 15", "5:26 p.m. ET"]


@settings(max_examples=300, deadline=None)
@given(entities=_entities, properties=_properties, data=st.data())
def test_drafting_with_any_vocabulary_never_raises(
    entities: list[tuple[str, str, bool]],
    properties: list[tuple[str, str | None, str]],
    data: st.DataObject,
) -> None:
    # the text names the entities and says figures in the vocabulary's units
    pieces = [e[0] for e in entities] + _POOL + _FIGURES + [".", ","]
    text = " ".join(data.draw(st.lists(st.sampled_from(pieces), max_size=25)))
    lines = ["entities:"]
    for i, (name, kind, title) in enumerate(entities):
        lines.append(f"  - {{id: e{i}, name: {name.title() if title else name}, kind: {kind}}}")
    props = ["properties:"]
    for i, (ptype, unit, description) in enumerate(properties):
        extra = (f", unit: {unit}" if unit and ptype == "quantity" else "") + (
            f", description: {description}." if description else ""
        )
        props.append(f"  - {{id: p{i}, type: {ptype}{extra}}}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        (root / "entities.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (root / "properties.yaml").write_text("\n".join(props) + "\n", encoding="utf-8")
        corpus = factcheck.load(root)
    assert list(corpus.errors) == []
    draft = draft_fact_file(text, "src", corpus=corpus, published="2025-04-02")
    for claim in draft.claims:
        assert claim["quote"] in text
        assert "note" in claim


TIMELINE = """Timeline of the flights
All times are Eastern Time.
Saturday March 15
5:26 p.m. - A plane departs, in the past 1-1/2 months the first.
Between 6:45 p.m. and 6:48 p.m. - The judge ruled before noon ended.
Terrorism Confinement Center
Capacity40,000
Opened31 January 2023
Some 10,000 to 20,000 people were held; it filled the following month.
"""


def test_timeline_and_infobox_drafts_load_and_round_trip(
    make_corpus: MakeCorpus, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(
        {
            "entities.yaml": (FACTS / "entities.yaml").read_text(encoding="utf-8"),
            "properties.yaml": (FACTS / "properties.yaml").read_text(encoding="utf-8"),
        }
    )
    draft = draft_fact_file(TIMELINE, "timeline", corpus=factcheck.load(root), published="2025")
    values = {str(c["value"]) for c in draft.claims}
    assert {"2025-03-15T17:26-04:00", "2025-03-15T18:45-04:00", "40000", "[10000, 20000]"} <= values
    (root / "sources").mkdir()
    (root / "sources" / "timeline.yaml").write_text(draft.to_yaml(), encoding="utf-8")
    loaded = factcheck.load(root)
    assert loaded.errors == []
    by_id = {f.claim.id: f.claim for f in loaded.facts}
    for claim in draft.claims:
        back = by_id[claim["id"]]
        got = list(back.value) if isinstance(back.value, tuple) else back.value
        assert str(got) == str(claim["value"]) or got == claim["value"]
        assert back.hedge == claim.get("hedge", "exact")
    assert main(["audit", str(root), "--allow-drafts"]) == 0
    assert main(["audit", str(root)]) == 2
    capsys.readouterr()


def test_a_headline_figure_the_body_says_again_is_drafted_once() -> None:
    text = "Quake kills 370 in Mexico\nThe earthquake killed 370 people and hurt 6,000."
    draft = draft_fact_file(text, "x")
    assert [(c["value"], "Quake" in c["quote"]) for c in draft.claims] == [
        (370, False),
        (6000, False),
    ]
    assert "headline" in draft.data["source"]["note"]
    # a figure only the headline gives stays, and a first line that is a sentence is no headline
    assert [c["value"] for c in draft_fact_file("Quake kills 12\nMany died.", "x").claims] == [12]
    text = "The quake killed 37.\nIt killed 37 people."
    assert len(draft_fact_file(text, "x").claims) == 2


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a live thread's entries, newest first, on the day of publication (a Thursday):
        # neither a day to come ("on Friday, at 10 a.m.") nor a thing of another day
        # ("Friday's story") is the day the thread's later entries are at (Seattle's times)
        (
            "[9:13 p.m.] He said there would be a briefing on Friday, at 10 a.m.\n"
            "[7:48 p.m.] The bus was towed.",
            ["2015-09-24T21:13-07:00", "2015-09-25T10:00-07:00", "2015-09-24T19:48-07:00"],
        ),
        (
            "See Friday's story here.\n[7:48 p.m.] The bus was towed.",
            ["2015-09-18", "2015-09-24T19:48-07:00"],
        ),
    ],
)
def test_the_day_of_a_thread_s_entries(text: str, values: list[str]) -> None:
    claims = draft_fact_file("SEATTLE \u2014 A crash.\n" + text, "x", published="2015-09-24").claims
    assert [c["value"] for c in claims] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a day written right after the time is its day, not the publication's
        ("At 10:03 a.m. ET on March 17, it lands.", "2025-03-17T10:03-04:00"),
        ("At 5 p.m. ET, Sunday, March 16, it lands.", "2025-03-16T17:00-04:00"),
        # a day further on, in another clause, is another event's
        ("At 9 a.m. ET the court met, and on March 17 it agreed.", "2025-03-18T09:00-04:00"),
        # the day before the time, as in a timeline's heading
        ("March 15 at 5:26 p.m. ET a plane departs.", "2025-03-15T17:26-04:00"),
    ],
)
def test_the_day_of_a_time(text: str, value: str) -> None:
    claims = draft_fact_file(text, "x", published="2025-03-18").claims
    assert claims[0]["value"] == value
    assert len([c for c in claims if str(c["value"]).startswith(value[:10])]) == 1


def test_there_are_no_x_is_drafted_only_as_a_count_the_corpus_keeps() -> None:
    # "windows" is the unit of a property of the seed corpus; "reports" is no one's
    text = "Headline\nThere are no windows in the cells. There are no reports of deaths."
    claims = draft_fact_file(text, "x", corpus=_corpus(), published="2025").claims
    assert [(c["value"], c["property"]) for c in claims] == [(0, "windows-per-cell")]
    # without a corpus no property is known, so no zero is drafted at all
    assert draft_fact_file(text, "x", published="2025").claims == []


def test_an_infobox_value_and_the_body_saying_it_again_both_stay() -> None:
    text = (
        "CECOT\nCapacity40,000\nCECOT has a capacity of 40,000 inmates. "
        "CECOT has a capacity of 40,000 inmates."
    )
    draft = draft_fact_file(text, "x", corpus=_corpus(), published="2025")
    assert [(c["property"], c["value"]) for c in draft.claims] == [("capacity", 40000)] * 2
    assert draft.labelled == {draft.claims[0]["id"]}
    assert "said again" in draft.claims[1]["note"]


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # the year dates CECOT's figure; drafted alone it would be Bukele's, unreviewed
        ("Bukele came to power in 2019, when CECOT held 70,000 inmates.", []),
        # the year of the figure's own subject stays, as does a year no figure is dated by
        ("In 1935, a 7.7-magnitude earthquake struck El Salvador.", ["1935"]),
        ("Bukele came to power in 2019.", ["2019"]),
        # a day or a month so placed stays: more often an event's date a reviewer keeps
        ("Bukele came to power on June 1, 2019, when CECOT held 70,000 inmates.", ["2019-06-01"]),
    ],
)
def test_a_year_that_dates_another_subject_s_figure_is_no_claim_of_its_own(
    sentence: str, dates: list[str]
) -> None:
    text = f"Headline\n{sentence}"
    claims = draft_fact_file(text, "x", corpus=_corpus(), published="2025-04-01").claims
    assert [c["value"] for c in claims if isinstance(c["value"], str)] == dates
    assert all(c.get("as_of") for c in claims if not isinstance(c["value"], str))


def test_a_day_after_a_time_and_its_bracketed_local_time_is_both_times_day() -> None:
    text = "It hit Peru at 09:18 UTC (04:18 local time) on Sunday, January 14, 2018."
    claims = draft_fact_file(text, "x", published="2018-01-15").claims
    assert [c["value"] for c in claims] == ["2018-01-14T09:18+00:00", "2018-01-14T04:18-05:00"]


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 23))
def test_a_day_after_a_time_and_its_equivalent_is_both_times_day(day: date, hour: int) -> None:
    said = f"{day:%A}, {day:%B} {day.day}, {day.year}"
    text = f"It hit Peru at {hour:02d}:18 UTC (0{hour % 10}:18 local time) on {said}."
    claims = draft_fact_file(text, "x", published="2000-06-15").claims
    assert [str(c["value"])[:10] for c in claims] == [day.isoformat()] * 2
    assert all("T" in str(c["value"]) for c in claims)  # the day is no draft of its own
