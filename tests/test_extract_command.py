"""factcheck extract, the command: writing a loadable file, bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.cli import main
from factcheck.extract.command import default_source_id

from .conftest import MakeCorpus

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts"


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
    [fact] = corpus.facts  # the dateline is the source's published date, not a claim
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


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bbc.txt", "bbc"),
        ("BBC Timeline (2025).txt", "bbc-timeline-2025"),
        ("reuters_timeline.v2.txt", "reuters-timeline-v2"),
        ("--odd--.md", "odd"),
        ("no-extension", "no-extension"),
        ("Éclair.txt", "clair"),
        ("(((.txt", ""),
    ],
)
def test_default_source_id(name: str, expected: str) -> None:
    assert default_source_id(Path(name)) == expected


@given(st.text(min_size=1, max_size=30).filter(lambda s: "/" not in s and "\0" not in s))
def test_default_source_id_is_a_valid_id_or_empty(name: str) -> None:
    made = default_source_id(Path(name + ".txt"))
    assert made == "" or re.fullmatch(r"[a-z0-9][a-z0-9-]*", made)
    assert not made.endswith("-")


def test_cli_extract_source_id_from_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snap = tmp_path / "Wire Story 7.txt"
    snap.write_text("CECOT houses over 40,000 inmates.\n", encoding="utf-8")
    assert main(["extract", str(snap), "--facts", str(FACTS)]) == 0
    assert "  id: wire-story-7\n" in capsys.readouterr().out
    bare = tmp_path / "___.txt"
    bare.write_text("text", encoding="utf-8")
    assert main(["extract", str(bare), "--facts", str(FACTS)]) == 2
    assert "give --source-id" in capsys.readouterr().err


def test_cli_extract_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "no/such.txt", "--source-id", "x"]) == 2
    assert "no/such.txt" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("files", "message"),
    [
        # an unquoted comma in a flow mapping: one property invalid, so no vocabulary
        (
            {
                "properties.yaml": "properties:\n"
                "  - {id: happened, type: date, description: When (meetings, killings).}\n"
            },
            "properties.yaml:2: properties[0].killings).: unknown field",
        ),
        ({"entities.yaml": "entities:\n  - {id: Bad Id, name: X}\n"}, "entities.yaml:2"),
    ],
)
def test_cli_extract_refuses_a_corpus_with_load_errors(
    make_corpus: MakeCorpus,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    message: str,
) -> None:
    root = make_corpus(files)
    snap = tmp_path / "snap.txt"
    snap.write_text("Headline\nThe quake killed 12 people.\n", encoding="utf-8")
    assert main(["extract", str(snap), "--source-id", "x", "--facts", str(root)]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # no draft from part of a vocabulary
    assert message in err and "must load without errors" in err
