"""factcheck extract: recognising figures, drafting fact files, refusing drafts in audits."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import _yaml
from factcheck.cli import main
from factcheck.engine import draft_errors
from factcheck.extract import (
    UNIDENTIFIED,
    UNREVIEWED_DATE,
    UNREVIEWED_NUMBER,
    draft_fact_file,
    find_mentions,
    split_sentences,
)
from factcheck.model import SourceFile

from .conftest import MakeCorpus, source_yaml

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts"
SEEDS = ROOT.parent / "shared" / "seeds"

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
    ("doubling the building area", None, "quantity", 2, "times", "exact", None, {"multiplier"}),
    ("half an hour a day", None, "quantity", 30, "minutes", "exact", None, {"word"}),
    ("There are no windows or hoods.", None, "quantity", 0, None, "exact", None, {"word"}),
    ("January 2023", None, "date", "2023-01", None, "exact", "month", set()),
    ("On March 16, 2025, they arrived", None, "date", "2025-03-16", None, "exact", "day", set()),
    ("Tue 4th Feb, 2025", None, "date", "2025-02-04", None, "exact", "day", set()),
    ("16 March 2025", None, "date", "2025-03-16", None, "exact", "day", set()),
    ("date 2025-02-04 Donald", None, "date", "2025-02-04", None, "exact", "day", set()),
    ("2/4/2025", None, "date", "2025", None, "exact", "year", {"ambiguous"}),
    ("16/3/2025", None, "date", "2025-03-16", None, "exact", "day", set()),
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
    [m] = find_mentions(text, published)
    assert (m.kind, m.unit, m.hedge, m.precision, set(m.flags)) == (
        kind,
        unit,
        hedge,
        precision,
        flags,
    )
    assert m.value == value
    assert text[m.start : m.end] == m.text
    if "relative" in flags:
        assert m.note is not None and "publication date" in m.note


def test_ambiguous_date_names_both_readings() -> None:
    [m] = find_mentions("2/4/2025")
    assert m.note is not None and "2025-02-04" in m.note and "2025-04-02" in m.note


def test_weekday_that_does_not_match_is_noted() -> None:
    [m] = find_mentions("Wed 4th Feb, 2025")
    assert m.note is not None and "weekday" in m.note


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
    ],
)
def test_not_figures(text: str) -> None:
    assert find_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("U.S. Senator Rubio came. He left.", ["U.S. Senator Rubio came.", "He left."]),
        ("of which 14 thousand. \u2013 members", ["of which 14 thousand. \u2013 members"]),
        ("• A bullet.\n\nNext line", ["A bullet.", "Next line"]),
        ("It fell to 2.4. Then 3 rose", ["It fell to 2.4.", "Then 3 rose"]),
        ("Title\nBody text", ["Title", "Body text"]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


def _corpus() -> factcheck.Corpus:
    return factcheck.load(FACTS)


def test_subject_and_property_proposed_when_clear() -> None:
    text = "CECOT was designed for 40,000 prisoners. It was big, said El Salvador and CECOT."
    [claim] = draft_fact_file(text, "x", corpus=_corpus()).claims
    assert (claim["subject"], claim["property"], claim["value"]) == ("cecot", "capacity", 40000)
    assert claim["draft"] is True


@pytest.mark.parametrize(
    ("text", "subject", "prop"),
    [
        # the only prison named; "opened" is said of prisons in the corpus
        ("In January 2023, CECOT Prison was opened in El Salvador.", "cecot", "opened"),
        # the counted noun names the property; the last word of the phrase decides
        ("Each building of CECOT has 32 prison cells with bunks.", "cecot", "cells-per-building"),
        ("CECOT has eight buildings, each big.", "cecot", "buildings"),
        ("CECOT has two fences made of iron.", "cecot", "perimeter-fences"),
        # a keyword that does not suit the unit proposes nothing
        ("CECOT was designed for 40% of them.", "cecot", UNREVIEWED_NUMBER),
    ],
)
def test_proposals(text: str, subject: str, prop: str) -> None:
    [claim] = draft_fact_file(text, "x", corpus=_corpus()).claims
    assert (claim["subject"], claim["property"]) == (subject, prop)


def test_unclear_subject_and_property_use_placeholders() -> None:
    text = "El Salvador and Honduras counted 19 things in 1999."
    claims = draft_fact_file(text, "x", corpus=_corpus()).claims
    assert [(c["subject"], c["property"]) for c in claims] == [
        (UNIDENTIFIED, UNREVIEWED_NUMBER),
        (UNIDENTIFIED, UNREVIEWED_DATE),
    ]
    assert "el-salvador, honduras" in claims[0]["note"]
    assert claims[0]["as_of"] == "1999"


def test_relative_dates_without_publication_are_listed_not_dropped() -> None:
    draft = draft_fact_file("Headline\nShe visited in March this year.", "x")
    assert draft.claims == []
    assert any("March this year" in u for u in draft.unresolved)
    assert "# unresolved:" in draft.to_yaml()


def test_publication_date_taken_from_dateline() -> None:
    draft = draft_fact_file("Headline\n\nTue 4th Feb, 2025\n\nIt rose last year.", "x")
    assert draft.data["source"]["published"] == "2025-02-04"
    assert "Tue 4th Feb, 2025" in draft.data["source"]["note"]
    assert [c["value"] for c in draft.claims] == ["2025-02-04", "2024"]


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


# --- the command ----------------------------------------------------------------------


def test_cli_extract_writes_loadable_file(
    make_corpus: MakeCorpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(
        {
            "entities.yaml": (FACTS / "entities.yaml").read_text(encoding="utf-8"),
            "properties.yaml": (FACTS / "properties.yaml").read_text(encoding="utf-8"),
        }
    )
    snap = tmp_path / "snap.txt"
    snap.write_text(
        "CECOT\n\nTue 4th Feb, 2025\n\nCECOT houses over 40,000 inmates.\n", encoding="utf-8"
    )
    out = root / "sources" / "new.yaml"
    out.parent.mkdir()
    args = ["extract", str(snap), "--source-id", "new", "--facts", str(root), "--out", str(out)]
    assert main(args) == 0
    corpus = factcheck.load(root)
    assert corpus.errors == []
    dateline, fact = sorted(corpus.facts, key=lambda f: f.line)
    assert dateline.claim.value == "2025-02-04"
    assert (fact.subject, fact.prop.id, fact.claim.hedge) == ("cecot", "inmates", "more-than")
    assert corpus.sources["new"].source.published == "2025-02-04"
    assert main(args) == 2  # never overwrites a file without --force
    assert "exists" in capsys.readouterr().err
    assert main([*args, "--force"]) == 0


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (b"text", ["--source-id", "Bad Id"], "not a valid id"),
        (b"\xff\xfe", ["--source-id", "ok"], "not valid UTF-8"),
        (b"text", ["--source-id", "ok", "--published", "2025-13"], "month out of range"),
    ],
)
def test_cli_extract_bad_input(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    extra: list[str],
    message: str,
) -> None:
    snap = tmp_path / "snap.txt"
    snap.write_bytes(content)
    assert main(["extract", str(snap), "--facts", str(FACTS), *extra]) == 2
    assert message in capsys.readouterr().err


def test_cli_extract_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "no/such.txt", "--source-id", "x"]) == 2
    assert "no/such.txt" in capsys.readouterr().err


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
]
_words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
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


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_read_back(n: int) -> None:
    [m] = find_mentions(f"counted {n:,} people")
    assert m.value == n


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_read_back(d: date) -> None:
    written = [
        f"{d:%B} {d.day}, {d.year}",
        f"{d:%a} {d.day}th {d:%b}, {d.year}",
        f"{d.day} {d:%B} {d.year}",
        d.isoformat(),
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
