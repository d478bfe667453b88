"""``factcheck check FILE...`` (the pre-commit entry): the files -> the findings and load
errors that involve them, from the corpus each belongs to."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import main
from factcheck.commands.check import corpus_root, not_a_fact_file
from factcheck.hook import load_around
from factcheck.store import CACHE_DIR

from .cli_corpora import SOURCES, Row, build, run_row, write
from .conftest import CAPACITY_RULE, FILLS, MakeCorpus, fill_store, open_store, source_yaml


@pytest.fixture
def corpora(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return build(tmp_path, monkeypatch)


CASES: list[Row] = [
    ("conflicted-file", ["check", "facts/sources/b.yaml"], 1, ["error[capacity-agrees]"], []),
    ("uninvolved-file", ["check", "facts/sources/d.yaml"], 0, ["0 conflicts"], ["capacity-agrees"]),
    (
        "broken-file",
        ["check", "broken/facts/sources/e.yaml"],
        2,
        ["broken/facts/sources/e.yaml:10: error[load]"],
        ["capacity-agrees"],
    ),
    (
        "other-file-of-broken-corpus",
        ["check", "broken/facts/sources/d.yaml"],
        0,
        ["0 load errors"],
        ["e.yaml"],
    ),
    ("corpus-wide-file", ["check", "facts/entities.yaml"], 1, ["capacity-agrees"], []),
    # Known by what it holds, not by its name.
    ("second-entities-file", ["check", "facts/more.yaml"], 1, ["capacity-agrees"], []),
    ("rules-file", ["check", "facts/rules.yaml"], 1, ["capacity-agrees"], []),
    (
        "two-corpora",
        ["check", "facts/sources/a.yaml", "broken/facts/sources/e.yaml"],
        2,
        ["error[capacity-agrees]", "e.yaml:10: error[load]"],
        [],
    ),
    ("missing-file", ["check", "facts/sources/zz.yaml"], 2, ["no such file"], []),
    ("directory", ["check", "facts/sources"], 2, ["is a directory"], []),
    ("outside-corpus", ["check", "loose.yaml"], 2, ["not inside a fact corpus"], []),
    ("needs-files", ["check"], 2, ["required"], []),
    ("json", ["check", "facts/sources/a.yaml", "--format", "json"], 1, ['"errors": []'], []),
    ("warning-only", ["check", "warn/facts/sources/b.yaml"], 0, ["warning[opened-agrees]"], []),
    (
        "fail-on-warning",
        ["check", "warn/facts/sources/b.yaml", "--fail-on", "warning"],
        1,
        ["warning[opened-agrees]"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("argv", "code", "present", "absent"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_check_table(
    corpora: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    present: list[str],
    absent: list[str],
) -> None:
    run_row(capsys, argv, code, present, absent)


def test_check_with_absolute_path_cites_absolute_files(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = corpora / "facts" / "sources" / "b.yaml"
    assert main(["check", str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    files = {c["file"] for conflict in data["conflicts"] for c in conflict["citations"]}
    assert str(path) in files


@pytest.mark.parametrize(
    ("file", "root"),
    [
        ("facts/sources/a.yaml", "facts"),
        ("facts/entities.yaml", "facts"),
        ("clean/facts/sources/d.yaml", "clean/facts"),
        ("loose.yaml", None),
    ],
)
def test_corpus_root(corpora: Path, file: str, root: str | None) -> None:
    assert corpus_root(file) == (None if root is None else Path(root))


def test_corpus_root_by_marker_file(tmp_path: Path) -> None:
    # A corpus directory need not be called facts: entities.yaml marks it.
    write(tmp_path / "newsroom", {"sources/x.yaml": SOURCES["sources/d.yaml"]})
    assert corpus_root(tmp_path / "newsroom" / "sources" / "x.yaml") == tmp_path / "newsroom"


def test_what_is_not_a_fact_file_says_what_it_is(corpora: Path) -> None:
    assert not_a_fact_file(corpora / "facts" / "sources" / "a.yaml") is None
    assert not_a_fact_file(corpora / "facts" / "sources" / "zz.yaml") == "no such file"
    assert "is a directory" in (not_a_fact_file(corpora / "facts") or "")
    (corpora / "dangling.yaml").symlink_to(corpora / "gone.yaml")
    assert not_a_fact_file(corpora / "dangling.yaml") == "broken symbolic link"


@pytest.mark.parametrize("files", [["a"], ["b"], ["d"], ["a", "d"], ["a", "b", "d"]])
def test_check_reports_exactly_the_conflicts_citing_its_files(
    corpora: Path, capsys: pytest.CaptureFixture[str], files: list[str]
) -> None:
    main(["audit", "facts", "--format", "json"])
    everything = json.loads(capsys.readouterr().out)["conflicts"]
    paths = [f"facts/sources/{name}.yaml" for name in files]
    main(["check", *paths, "--format", "json"])
    reported = json.loads(capsys.readouterr().out)["conflicts"]
    # A conflict is a file's concern when one of its claims there is disputed, not only
    # cited as support.
    expected = [
        c
        for c in everything
        if any(
            x["file"] in paths and f"{x['source']}/{x['claim']}" not in c["support"]
            for x in c["citations"]
        )
    ]
    assert reported == expected


def test_a_file_in_a_directory_that_cannot_be_searched_is_named(
    corpora: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As for a directory without execute permission: nothing in it can be looked at.
    real = Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True) -> object:
        if "locked" in self.parts[:-1]:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)
    assert main(["check", "facts/sources/locked/x.yaml"]) == 2
    err = capsys.readouterr().err
    assert "facts/sources/locked/x.yaml: cannot be read (Permission denied)" in err


# --- stale baseline entries: shown with the store exactly when without it -------------------

#: A claim of another entity and property: out of the reach of a's capacity claim.
_ELSEWHERE = "- {id: n, subject: el-salvador, property: name, value: El Salvador, quote: q}"


def _elsewhere(claim: str, sid: str = "x") -> dict[str, str]:
    return {"sources/x.yaml": source_yaml(sid, claim)}


def _given_with(claim: str) -> dict[str, str]:
    return {"sources/a.yaml": source_yaml("a", _capacity(40000) + "\n" + claim)}


def _capacity(value: int) -> str:
    return f"- {{id: cap, subject: cecot, property: capacity, value: {value}, quote: q}}"


# case id, files written once the baseline's finding is gone, extra flags, stale shown
STALE_CASES: list[tuple[str, dict[str, str], list[str], bool]] = [
    ("no-load-error", _elsewhere(_ELSEWHERE), [], True),
    ("invalid-claim-elsewhere", _elsewhere("- {id: n, subject: cecot, property: name}"), [], False),
    ("broken-file-elsewhere", {"sources/x.yaml": "source: [\n"}, [], False),
    (
        "unknown-entity-elsewhere",
        _elsewhere(_ELSEWHERE.replace("el-salvador", "atlantis")),
        [],
        False,
    ),
    (
        "bad-value-elsewhere",
        _elsewhere(_ELSEWHERE.replace("property: name", "property: inmates")),
        [],
        False,
    ),
    ("draft-elsewhere", _elsewhere(_ELSEWHERE.replace("}", ", draft: true}")), [], False),
    (
        "draft-elsewhere-allowed",
        _elsewhere(_ELSEWHERE.replace("}", ", draft: true}")),
        ["--allow-drafts"],
        True,
    ),
    (
        "bad-supersedes-elsewhere",
        _elsewhere(_ELSEWHERE.replace("}", ", supersedes: zz/n}")),
        [],
        False,
    ),
    ("duplicate-source-id-elsewhere", _elsewhere(_ELSEWHERE, sid="c"), [], False),
    (
        "given-file-invalid-claim",
        _given_with("- {id: n, subject: cecot, property: name}"),
        [],
        False,
    ),
    (
        "given-file-unknown-entity",
        _given_with(_ELSEWHERE.replace("el-salvador", "atlantis")),
        [],
        False,
    ),
]


def _stale_corpus(make_corpus: MakeCorpus, edits: dict[str, str]) -> Path:
    """a and b disagreed on capacity when the baseline was written; b agrees now (its
    entry is stale); c states something else; then ``edits``."""
    root = make_corpus(
        {
            "rules.yaml": CAPACITY_RULE,
            "sources/a.yaml": source_yaml("a", _capacity(40000)),
            "sources/b.yaml": source_yaml("b", _capacity(20000)),
            "sources/c.yaml": source_yaml("c", _ELSEWHERE),
        }
    )
    assert main(["baseline", str(root)]) == 0
    write(root, {"sources/b.yaml": source_yaml("b", _capacity(40000)), **edits})
    return root


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("fill", FILLS)
@pytest.mark.parametrize(
    ("edits", "flags", "stale"), [c[1:] for c in STALE_CASES], ids=[c[0] for c in STALE_CASES]
)
def test_stale_entries_show_with_the_store_as_without_it(
    make_corpus: MakeCorpus,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fill: str,
    edits: dict[str, str],
    flags: list[str],
    stale: bool,
) -> None:
    # A stale entry shows only when the whole corpus has no load error ("missing claims
    # would look fixed"); the hook, which loads a's neighbourhood, knows it all the same.
    root = _stale_corpus(make_corpus, edits)
    monkeypatch.chdir(root.parent)
    monkeypatch.setenv("NO_COLOR", "1")
    capsys.readouterr()
    argv = ["check", "facts/sources/a.yaml", *flags]
    fill_store(root, fill)
    warm = _run(argv, capsys)
    cold = _run([*argv, "--no-cache"], capsys)
    assert warm == cold
    assert ("warning[baseline]" in cold[1]) == stale
    with open_store(root / CACHE_DIR) as store:  # a's neighbourhood is not everything
        assert not load_around(root, [root / "sources" / "a.yaml"], store=store).whole


@pytest.mark.parametrize(("fixed", "audits"), [(False, 0), (True, 1)])
def test_the_whole_corpus_is_audited_only_when_a_stale_entry_would_show(
    make_corpus: MakeCorpus,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fixed: bool,
    audits: int,
) -> None:
    from factcheck.commands import check

    root = _stale_corpus(make_corpus, _elsewhere(_ELSEWHERE.replace("el-salvador", "atlantis")))
    if not fixed:  # b disagrees again: its entry is known, not stale
        write(root, {"sources/b.yaml": source_yaml("b", _capacity(20000))})
    calls: list[Path] = []
    real = check._whole_has_errors

    def counted(root: Path, *args: Any) -> bool:
        calls.append(root)
        return real(root, *args)

    monkeypatch.setattr(check, "_whole_has_errors", counted)
    monkeypatch.chdir(root.parent)
    assert main(["check", "facts/sources/a.yaml"]) == 0
    assert len(calls) == audits
    assert "warning[baseline]" not in capsys.readouterr().out
