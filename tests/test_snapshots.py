"""Snapshot verification: sha256 of each snapshot, every quote verbatim (whitespace folded)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck import AuditResult, FactcheckError
from factcheck.io.snapshots import QUOTES_RULE, closest_passage, fold, merge, verify_snapshots

from .conftest import MakeCorpus

ARTICLE = (
    "El Salvador's Terrorism Confinement Center can hold\n40,000 inmates,"
    " the government says. It opened in February 2023 \u201cwith great fanfare\u201d.\n"
)


def _source(quote: str, *, snapshot: str = "art.txt", sha: str | None = None) -> str:
    digest = sha or hashlib.sha256(ARTICLE.encode()).hexdigest()
    return (
        "source:\n"
        "  id: art\n"
        "  title: The article\n"
        "  snapshot:\n"
        f"    file: {snapshot}\n"
        f"    sha256: '{digest}'\n"
        "claims:\n"
        "  - id: cap\n"
        "    subject: cecot\n"
        "    property: capacity\n"
        "    value: 40000\n"
        f"    quote: {json.dumps(quote)}\n"
    )


REFERENCE = """\
source:
  id: ref
  kind: reference
  title: Reference
  basis: public record
claims:
  - {id: cap, subject: cecot, property: capacity, value: 40000, basis: decree}
"""


def _verify(make_corpus: MakeCorpus, tmp_path: Path, source: str) -> tuple[factcheck.Conflict, ...]:
    root = make_corpus({"sources/art.yaml": source, "reference/ref.yaml": REFERENCE})
    snaps = tmp_path / "snaps"
    snaps.mkdir(exist_ok=True)
    (snaps / "art.txt").write_text(ARTICLE, encoding="utf-8")
    (snaps / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    corpus = factcheck.load(root)
    assert corpus.errors == []
    return verify_snapshots(corpus, snaps)


# source file, expected message fragments ([] = no conflict), line cited.
CASES = [
    ("verbatim", _source("can hold 40,000 inmates"), [], None),
    ("whitespace-folded", _source("can   hold 40,000\n inmates,  the"), [], None),
    ("newline-in-article", _source("can hold 40,000 inmates, the government"), [], None),
    (
        "curly-quotes-matter",
        _source('"with great fanfare"'),
        ["not verbatim", "closest passage", "\u201cwith great fanfare\u201d"],
        12,
    ),
    (
        "misquote",
        _source("can hold 45,000 inmates"),
        ["quote of art/cap is not verbatim in snapshot art.txt", '"can hold 40,000 inmates"'],
        12,
    ),
    ("unrelated", _source("zzzz qqqq"), ["nothing in the snapshot comes close"], 12),
    ("missing-snapshot", _source("x", snapshot="gone.txt"), ["gone.txt of art: not found"], 4),
    (
        "wrong-sha256",
        _source("can hold 40,000 inmates", sha="a" * 64),
        ["has sha256", "records " + "a" * 64],
        4,
    ),
    ("not-utf8", _source("x", snapshot="latin1.txt", sha="b" * 64), ["not valid UTF-8"], 4),
]


@pytest.mark.parametrize(
    ("source", "fragments", "line"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_verify(
    make_corpus: MakeCorpus,
    tmp_path: Path,
    source: str,
    fragments: list[str],
    line: int | None,
) -> None:
    conflicts = _verify(make_corpus, tmp_path, source)
    if not fragments:
        assert conflicts == ()
        return
    assert conflicts, "expected a quotes conflict"
    text = " | ".join(c.message for c in conflicts)
    for fragment in fragments:
        assert fragment in text
    for c in conflicts:
        assert (c.rule, c.kind, c.severity, c.waived) == (QUOTES_RULE, "quote", "error", False)
        (citation,) = c.citations
        assert citation.file.endswith("sources/art.yaml")
        assert citation.source == "art"
    assert conflicts[0].citations[0].line == line


def test_reference_sources_are_not_checked(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    conflicts = _verify(make_corpus, tmp_path, _source("can hold 40,000 inmates"))
    assert all(c.citations[0].source == "art" for c in conflicts)


def test_missing_directory_is_bad_input(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    corpus = factcheck.load(make_corpus({"sources/art.yaml": _source("x")}))
    with pytest.raises(FactcheckError, match="no such snapshot directory"):
        verify_snapshots(corpus, tmp_path / "nowhere")


def test_merge_adds_conflicts_and_rule() -> None:
    quote = factcheck.Conflict(QUOTES_RULE, "quote", "error", "m", ())
    merged = merge(AuditResult(rules_run=("agree-x",)), [quote])
    assert merged.conflicts == (quote,)
    assert merged.rules_run == ("agree-x", QUOTES_RULE)
    assert merged.exit_code == 1
    assert merge(merged, []).rules_run == ("agree-x", QUOTES_RULE)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("a  b", "a b"), ("\ta\n\nb ", "a b"), ("a\u00a0b", "a b"), ("", "")],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


_words = st.lists(st.from_regex(r"[A-Za-z0-9,.\u201c\u201d']{1,8}", fullmatch=True), min_size=3)
_space = st.sampled_from([" ", "  ", "\n", "\t", " \n "])


@given(st.data(), _words)
def test_any_run_of_words_is_found_whatever_the_spacing(
    data: st.DataObject, words: list[str]
) -> None:
    article = "".join(w + data.draw(_space) for w in words)
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    quote = "".join(w + data.draw(_space) for w in words[i:j])
    assert fold(quote) in fold(article)
    passage, ratio = closest_passage(quote, article)
    assert ratio == 1.0
    assert passage == fold(quote)


@given(_words, st.text(min_size=1, max_size=40))
def test_closest_passage_is_a_passage_of_the_text(words: list[str], quote: str) -> None:
    article = " ".join(words)
    passage, ratio = closest_passage(quote, article)
    assert 0.0 <= ratio <= 1.0
    assert passage in fold(article)
    assert re.sub(r"\s+", " ", passage) == passage
