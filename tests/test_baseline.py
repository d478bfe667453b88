"""Baselines: writing, reading (errors at file:line), applying, and the command line
(``factcheck baseline``, ``--baseline``, ``--no-baseline``, ``--new-since``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.baseline import (
    DEFAULT_NAME,
    Baseline,
    Entry,
    apply,
    at_revision,
    dumps,
    finding_key,
    read,
)
from factcheck.cli import main
from factcheck.domain.conflict import AuditResult, Citation, Conflict

from .conftest import CAPACITY_RULE, ENTITIES, OPENED_RULE, PROPERTIES, source_yaml

RULES = CAPACITY_RULE + OPENED_RULE


def _source(sid: str, capacity: int, opened: str = "2023-02") -> str:
    return source_yaml(
        sid,
        f"""
        - {{id: cap, subject: cecot, property: capacity, value: {capacity}, quote: "holds it"}}
        - {{id: opened, subject: cecot, property: opened, value: {opened}, quote: "opened"}}
        """,
    )


def _write(root: Path, files: dict[str, str]) -> None:
    base = {"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES, "rules.yaml": RULES}
    for name, body in {**base, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``facts/``: a and b disagree on capacity (error), c agrees with a; cwd is its parent."""
    _write(
        tmp_path / "facts",
        {
            "sources/a.yaml": _source("a", 40000),
            "sources/b.yaml": _source("b", 20000),
            "sources/c.yaml": _source("c", 40000),
        },
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path / "facts"


def _conflict(rule: str, *refs: str, kind: str = "agree", waived: bool = False) -> Conflict:
    cites = tuple(
        Citation(f"facts/{r.split('/')[0]}.yaml", i + 1, r.split("/")[0], r.split("/")[1], "", "")
        for i, r in enumerate(refs)
    )
    return Conflict(rule, kind, "error", f"{rule} message", cites, waived)


# --- apply: which findings are known, which entries are stale -------------------------------

# baseline entries (rule, claims), findings (rule, refs), expected shown rules+refs, known, stale
APPLY_CASES = [
    ("nothing", [], [("r", ("a/x", "b/x"))], [("r", ("a/x", "b/x"))], 0, 0),
    ("exact", [("r", ("a/x", "b/x"))], [("r", ("a/x", "b/x"))], [], 1, 0),
    ("claim-order", [("r", ("b/x", "a/x"))], [("r", ("a/x", "b/x"))], [], 1, 0),
    ("other-rule", [("q", ("a/x", "b/x"))], [("r", ("a/x", "b/x"))], [("r", ("a/x", "b/x"))], 0, 1),
    ("more-claims", [("r", ("a/x",))], [("r", ("a/x", "b/x"))], [("r", ("a/x", "b/x"))], 0, 1),
    ("fewer-claims", [("r", ("a/x", "b/x", "c/x"))], [("r", ("a/x", "b/x"))], [], 1, 0),
    ("stale", [("r", ("a/x", "b/x"))], [], [], 0, 1),
    (
        "second-copy-is-new",
        [("r", ("a/x", "b/x"))],
        [("r", ("a/x", "b/x")), ("r", ("a/x", "b/x"))],
        [],  # the second copy is among the claims of the known one: not new either
        2,
        0,
    ),
]


@pytest.mark.parametrize(
    ("entries", "findings", "shown", "known", "stale"),
    [case[1:] for case in APPLY_CASES],
    ids=[case[0] for case in APPLY_CASES],
)
def test_apply(
    entries: list[tuple[str, tuple[str, ...]]],
    findings: list[tuple[str, tuple[str, ...]]],
    shown: list[tuple[str, tuple[str, ...]]],
    known: int,
    stale: int,
) -> None:
    baseline = Baseline("b.yaml", tuple(Entry(r, c, i + 5) for i, (r, c) in enumerate(entries)))
    result = AuditResult(conflicts=tuple(_conflict(r, *refs) for r, refs in findings))
    applied = apply(result, [baseline])
    new = [c for c in applied.result.conflicts if c.rule != "baseline"]
    assert [finding_key(c) for c in new] == [(r, tuple(sorted(c))) for r, c in shown]
    assert len(applied.known) == known
    assert len(applied.stale) == stale
    for warning in applied.stale:
        assert warning.severity == "warning"
        assert warning.citations[0].file == "b.yaml"
        assert warning.citations[0].line >= 5
        assert "no longer occurs" in warning.message


def test_apply_never_takes_out_waived_or_waiver_findings() -> None:
    waived = _conflict("r", "a/x", "b/x", waived=True)
    stale_waiver = _conflict("waivers", "w/r", kind="waiver")
    baseline = Baseline("b.yaml", (Entry("r", ("a/x", "b/x"), 3), Entry("waivers", ("w/r",), 4)))
    applied = apply(AuditResult(conflicts=(waived, stale_waiver)), [baseline])
    assert waived in applied.result.conflicts
    assert stale_waiver in applied.result.conflicts
    assert applied.known == ()


def test_stale_entries_out_of_scope_are_not_reported() -> None:
    baseline = Baseline("b.yaml", (Entry("r", ("a/x", "b/x"), 3), Entry("r", ("c/x", "d/x"), 6)))
    applied = apply(AuditResult(), [baseline], in_scope=frozenset({"a"}))
    assert [w.citations[0].line for w in applied.stale] == [3]


def test_entries_without_a_line_are_never_stale() -> None:
    # (computed from a git revision: what was fixed since is no problem with a file)
    applied = apply(AuditResult(), [Baseline("revision HEAD", (Entry("r", ("a/x", "b/x")),))])
    assert applied.stale == ()


def test_a_finding_is_its_rule_and_claims_not_its_place_or_message() -> None:
    one = _conflict("r", "a/x", "b/x")
    moved = Conflict(
        "r",
        "agree",
        "error",
        "another wording",
        tuple(Citation(c.file, c.line + 40, c.source, c.claim, "t", "q") for c in one.citations),
    )
    assert finding_key(one) == finding_key(moved)
    assert finding_key(one) != finding_key(_conflict("q", "a/x", "b/x"))


# --- the file: round trip and errors at file:line -------------------------------------------

_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1)


@given(
    st.lists(
        st.tuples(_text, st.lists(st.tuples(_text, _text), min_size=1, max_size=3), _text),
        max_size=5,
    )
)
def test_dumps_then_read_gives_the_same_findings(
    rows: list[tuple[str, list[tuple[str, str]], str]],
) -> None:
    import tempfile

    conflicts = [
        Conflict(
            rule,
            "agree",
            "error",
            message,
            tuple(Citation("f", 1, s, c, "", "") for s, c in claims),
        )
        for rule, claims, message in rows
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / DEFAULT_NAME
        path.write_text(dumps(conflicts), encoding="utf-8")
        baseline, errors = read(path)
    assert errors == []
    assert sorted(e.key for e in baseline.entries) == sorted(finding_key(c) for c in conflicts)


def test_dumps_is_sorted_and_stable() -> None:
    a, b = _conflict("r", "b/x", "a/x"), _conflict("q", "c/x", "a/x")
    assert dumps([a, b]) == dumps([b, a])
    text = dumps([a, b])
    assert text.index('rule: "q"') < text.index('rule: "r"')
    assert 'claims: ["a/x", "b/x"]' in text


# baseline text, expected line, fragment of the message
BAD_FILES = [
    ("syntax", "findings: [\n", None, "YAML syntax error"),
    ("not-a-mapping", "- rule: r\n", 1, "'findings' list"),
    ("findings-not-a-list", "\nfindings: {rule: r}\n", 2, "must be a list"),
    ("no-rule", "findings:\n- claims: [a/x]\n", 2, "rule id"),
    (
        "claims-not-refs",
        "findings:\n- rule: r\n  claims: [a/x]\n- rule: r\n  claims: [ax]\n",
        4,
        "source-id/claim-id",
    ),
    ("unknown-field", "findings:\n- rule: r\n  claims: [a/x]\n  rules: s\n", 2, "unknown field"),
    ("unknown-top", "findings: []\nfinding: []\n", 2, "unknown field"),
    ("not-utf8", b"findings: ['\xff']\n", None, "not UTF-8"),
]


@pytest.mark.parametrize(
    ("text", "line", "fragment"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_bad_baseline_is_file_line_and_exit_2(
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
    text: str | bytes,
    line: int | None,
    fragment: str,
) -> None:
    path = corpus / DEFAULT_NAME
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    for argv in (["audit", "facts"], ["check", "facts/sources/a.yaml"]):
        assert main(argv) == 2
        out = capsys.readouterr()
        where = f"facts/{DEFAULT_NAME}" + (f":{line}:" if line else ":")
        assert where in out.out + out.err
        assert fragment in out.out + out.err


# --- the command line -----------------------------------------------------------------------


INMATES_ONLY = source_yaml(
    "d", '- {id: n, subject: cecot, property: inmates, value: 15000, quote: "15,000"}'
)


def _edit(corpus: Path, name: str, text: str) -> None:
    (corpus / name).write_text(text, encoding="utf-8")


# edit after the baseline was written, argv, exit code, must appear, must not appear
CLI_CASES = [
    ("unchanged-audit", {}, ["audit", "facts"], 0, ["0 conflicts", "1 known finding"], ["error["]),
    ("unchanged-check", {}, ["check", "facts/sources/b.yaml"], 0, ["1 known finding"], ["error["]),
    (
        "note-only-edit",
        {"sources/b.yaml": _source("b", 20000).replace("title: Source B", "title: Source B2")},
        ["check", "facts/sources/b.yaml"],
        0,
        ["1 known finding"],
        ["error["],
    ),
    (
        "new-conflict-is-shown-alone",
        {"sources/c.yaml": _source("c", 40000, opened="2021")},
        ["audit", "facts"],
        0,  # opened-agrees is a warning: shown, does not fail
        ["warning[opened-agrees]", "1 known finding"],
        ["error[capacity-agrees]"],
    ),
    (
        "new-error-fails",
        {"sources/d.yaml": _source("d", 90000)},
        ["check", "facts/sources/d.yaml"],
        1,
        ["error[capacity-agrees]", "d.yaml"],
        [],
    ),
    (
        "fixed-entry-is-stale",
        {"sources/b.yaml": _source("b", 40000)},
        ["check", "facts/sources/b.yaml"],
        0,
        [f"facts/{DEFAULT_NAME}:7: warning[baseline]", "no longer occurs", "0 known findings"],
        [],
    ),
    (
        "stale-entry-without-the-file-not-in-scope",
        {"sources/b.yaml": _source("b", 40000), "sources/d.yaml": INMATES_ONLY},
        ["check", "facts/sources/d.yaml"],
        0,
        ["0 conflicts"],
        ["warning[baseline]"],
    ),
    (
        "load-error-reports-no-stale-entries",
        {"sources/b.yaml": _source("b", 20000).replace("claims:", "claims: [")},
        ["check", "facts/sources/b.yaml"],
        2,
        ["facts/sources/b.yaml:", "error[load]"],
        ["warning[baseline]"],
    ),
    (
        "load-error-in-audit-reports-no-stale-entries",
        {"sources/b.yaml": _source("b", 20000).replace("claims:", "claims: [")},
        ["audit", "facts"],
        2,
        ["error[load]"],
        ["warning[baseline]"],
    ),
    (
        "no-baseline",
        {},
        ["audit", "facts", "--no-baseline"],
        1,
        ["error[capacity-agrees]"],
        ["known"],
    ),
    (
        "explicit-missing-baseline",
        {},
        ["audit", "facts", "--baseline", "nowhere.yaml"],
        2,
        ["nowhere.yaml", "no such file"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("edits", "argv", "code", "present", "absent"),
    [c[1:] for c in CLI_CASES],
    ids=[c[0] for c in CLI_CASES],
)
def test_cli_with_a_baseline(
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
    edits: dict[str, str],
    argv: list[str],
    code: int,
    present: list[str],
    absent: list[str],
) -> None:
    assert main(["audit", "facts"]) == 1
    assert main(["baseline", "facts"]) == 0
    assert "wrote 1 finding" in capsys.readouterr().err
    for name, text in edits.items():
        _edit(corpus, name, text)
    for cache in ([], ["--no-cache"]):  # warm and cold alike
        assert main([*argv, *cache]) == code
        out = capsys.readouterr()
        for fragment in present:
            assert fragment in out.out + out.err
        for fragment in absent:
            assert fragment not in out.out + out.err


def test_the_command_line_looks_for_the_same_file_name() -> None:
    from factcheck import cli

    assert cli.DEFAULT_NAME == DEFAULT_NAME


def test_baseline_file_is_reviewable(corpus: Path) -> None:
    assert main(["baseline", "facts"]) == 0
    text = (corpus / DEFAULT_NAME).read_text(encoding="utf-8")
    assert text.startswith("# factcheck baseline")
    assert '- rule: "capacity-agrees"\n  claims: ["a/cap", "b/cap", "c/cap"]\n  message: ' in text
    assert ".yaml:" not in text  # no file names or line numbers in the key
    assert main(["baseline", "facts", "--baseline", "elsewhere.yaml"]) == 0
    assert (corpus.parent / "elsewhere.yaml").read_text(encoding="utf-8") == text


def test_baseline_refuses_a_corpus_with_load_errors(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(corpus, "sources/e.yaml", "source: [\n")
    assert main(["baseline", "facts"]) == 2
    assert "facts/sources/e.yaml:" in capsys.readouterr().err
    assert not (corpus / DEFAULT_NAME).exists()


def test_changing_the_baseline_changes_a_warm_run_as_a_cold_one(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The stored report is keyed by the baseline's bytes, not only its path."""

    def run(*extra: str) -> tuple[int, str, str]:
        code = main(["audit", "facts", *extra])
        out = capsys.readouterr()
        return code, out.out, out.err

    assert main(["baseline", "facts"]) == 0
    capsys.readouterr()
    run()  # fills the store
    for text in ("findings: []\n", dumps([]), "findings:\n- rule: x\n  claims: [a/cap]\n"):
        (corpus / DEFAULT_NAME).write_text(text, encoding="utf-8")
        warm = run()
        assert warm == run("--no-cache")
        assert warm[0] == 1
        assert "error[capacity-agrees]" in warm[1]
    assert main(["baseline", "facts"]) == 0
    capsys.readouterr()
    warm = run()
    assert warm == run("--no-cache")
    assert warm[0] == 0


# --- --new-since: the corpus at a git revision ------------------------------------------------

GIT = shutil.which("git")


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def repo(corpus: Path) -> Path:
    if GIT is None:
        pytest.fail("git is needed for --new-since and is not installed")
    top = corpus.parent
    _git(top, "init", "-q")
    _git(top, "add", ".")
    _git(top, "commit", "-qm", "corpus")
    return top


def test_new_since_fails_only_on_findings_added_after_the_revision(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = repo / "facts"
    _edit(corpus, "sources/d.yaml", _source("d", 90000))
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "d")
    _edit(corpus, "notes.txt", "untracked, not a fact file")
    before = (_git(repo, "status", "--porcelain"), _git(repo, "worktree", "list"))
    assert main(["audit", "facts", "--new-since", "HEAD"]) == 0
    assert "1 known finding not shown (in revision HEAD)" in capsys.readouterr().err
    # d joined the capacity disagreement of a, b and c: a finding with a new claim is new
    assert main(["audit", "facts", "--new-since", "HEAD~1"]) == 1
    out = capsys.readouterr()
    assert "d.yaml" in out.out
    assert "0 known findings not shown" in out.err
    assert "warning[baseline]" not in out.out
    # run from inside the corpus too
    assert main(["audit", str(corpus), "--new-since", "HEAD~1"]) == 1
    capsys.readouterr()
    assert (_git(repo, "status", "--porcelain"), _git(repo, "worktree", "list")) == before


def test_new_since_a_revision_without_the_corpus_knows_nothing(repo: Path) -> None:
    (repo / "other").mkdir()
    _git(repo, "mv", "facts", "other/facts")
    _git(repo, "commit", "-qm", "moved")
    assert at_revision(repo / "other" / "facts", "HEAD~1").entries == ()
    assert len(at_revision(repo / "other" / "facts", "HEAD").entries) == 1


@pytest.mark.parametrize(
    ("rev", "fragment"),
    [("no-such-rev", "not a revision"), ("HEAD~5", "not a revision")],
)
def test_new_since_a_bad_revision_is_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str], rev: str, fragment: str
) -> None:
    assert main(["audit", "facts", "--new-since", rev]) == 2
    assert fragment in capsys.readouterr().out


def test_new_since_outside_git_is_exit_2(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(corpus.parent.parent))
    assert main(["audit", "facts", "--new-since", "HEAD"]) == 2
    assert "not inside a git repository" in capsys.readouterr().out
