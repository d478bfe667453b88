"""An audit as test cases: names, outcomes, and what a file's cases are."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factcheck import audit, load
from factcheck.domain.conflict import Citation, Conflict
from factcheck.report.cases import LOAD, cases, finding_names
from factcheck.testing.strategies import slugs

from .conftest import SOURCE_A, SOURCE_B, TWO_SOURCE_RULES, MakeCorpus, source_yaml

#: What one word of a pytest ``-k`` expression may hold.
K_WORD = re.compile(r"[\w:+\-.\[\]\\/]+")


def _corpus(make_corpus: MakeCorpus, **extra: str) -> Path:
    files = {"rules.yaml": TWO_SOURCE_RULES, "sources/a.yaml": SOURCE_A}
    files["sources/b.yaml"] = SOURCE_B
    return make_corpus({**files, **extra})


def test_one_case_per_finding_and_per_quiet_rule(make_corpus: MakeCorpus) -> None:
    corpus = load(_corpus(make_corpus))
    got = cases(corpus, audit(corpus))
    assert [(c.name, c.outcome) for c in got] == [
        ("capacity-agrees[cecot]", "failed"),
        ("opened-agrees[cecot]", "passed"),  # a warning: listed, not failed
        ("inmates-agree", "passed"),
    ]
    first = got[0]
    assert (Path(first.file).name, first.line) == ("a.yaml", 7)
    assert first.files == (first.file, str(Path(first.file).with_name("b.yaml")))
    assert "holds 40,000" in first.report and "holds 20,000" in first.report
    assert first.message == first.conflict.message if first.conflict else False
    quiet = got[2]
    assert (Path(quiet.file).name, quiet.line, quiet.conflict) == ("rules.yaml", 11, None)


def test_fail_on_decides_which_severities_fail(make_corpus: MakeCorpus) -> None:
    corpus = load(_corpus(make_corpus))
    result = audit(corpus)
    outcomes = [c.outcome for c in cases(corpus, result, fail_on="warning")]
    assert outcomes == ["failed", "failed", "passed"]


def test_waived_and_known_findings_are_expected(make_corpus: MakeCorpus) -> None:
    waivers = """\
waivers:
  - {rule: capacity-agrees, claims: [a/cap, b/cap], reason: other wing, reviewer: x,
     date: 2025-01-01}
"""
    corpus = load(_corpus(make_corpus, **{"waivers.yaml": waivers}))
    got = cases(corpus, audit(corpus))
    assert (got[0].outcome, got[0].reason) == ("xfailed", "other wing")
    corpus = load(_corpus(make_corpus, **{"waivers.yaml": "waivers: []\n"}))
    result = audit(corpus)
    opened = [c for c in result.conflicts if c.rule == "opened-agrees"]
    rest = type(result)(tuple(c for c in result.conflicts if c not in opened), result.errors)
    got = cases(corpus, rest, known=opened, known_reason="known: in base.yaml")
    assert [(c.name, c.outcome, c.reason) for c in got][:2] == [
        ("capacity-agrees[cecot]", "failed", ""),
        ("opened-agrees[cecot]", "xfailed", "known: in base.yaml"),
    ]


def test_only_a_file_keeps_what_cites_it(make_corpus: MakeCorpus) -> None:
    c = source_yaml(
        "c", '- {id: opened, subject: cecot, property: opened, value: 2023-02, quote: "x"}'
    )
    root = _corpus(make_corpus, **{"sources/c.yaml": c})
    corpus = load(root)
    result = audit(corpus)
    everything = {x.name for x in cases(corpus, result)}
    only_c = cases(corpus, result, only=root / "sources" / "c.yaml")
    assert [(x.name, x.outcome) for x in only_c] == [
        ("capacity-agrees", "passed"),  # no capacity finding cites c.yaml
        ("opened-agrees[cecot]", "passed"),
        ("inmates-agree", "passed"),
    ]
    assert {x.name for x in only_c if x.conflict} <= everything


def test_load_errors_are_cases_at_their_place(make_corpus: MakeCorpus) -> None:
    root = _corpus(make_corpus, **{"sources/a.yaml": SOURCE_A.replace("capacity", "capacty", 1)})
    corpus = load(root)
    got = cases(corpus, audit(corpus))
    assert got[0].name == f"{LOAD}[sources/a.yaml:7]"
    assert (got[0].rule, got[0].line, got[0].outcome) == (LOAD, 7, "failed")
    assert got[0].message.startswith("claims[0].property: unknown property 'capacty'")
    assert cases(corpus, audit(corpus), only=root / "sources" / "b.yaml")[0].rule != LOAD


def _conflict(rule: str, refs: list[str], key: str) -> Conflict:
    cites = tuple(
        Citation("f.yaml", i + 1, r.split("/")[0], r.split("/")[1], "", "")
        for i, r in enumerate(refs)
    )
    return Conflict(rule, "agree", "error", "m", cites, key=key)


_refs = st.lists(st.sampled_from(["a/x", "a/y", "b/x", "b y/z", "c/x"]), min_size=1, max_size=3)
_findings = st.lists(st.builds(_conflict, st.sampled_from(["r", "s"]), _refs, slugs(6)), max_size=8)
_subjects = st.dictionaries(st.sampled_from(["a/x", "a/y", "b/x", "b y/z"]), slugs(5))


@given(_findings, _subjects, st.randoms(use_true_random=False))
def test_names_are_unique_words_whatever_the_order(
    findings: list[Conflict], subjects: dict[str, str], rnd: object
) -> None:
    names = finding_names(findings, subjects)
    assert len(set(names.values())) == len(findings)
    for c in findings:
        assert names[id(c)].startswith(f"{c.rule}[") and names[id(c)].endswith("]")
        assert K_WORD.fullmatch(names[id(c)]), names[id(c)]
    shuffled = list(findings)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    again = finding_names(shuffled, subjects)
    # The same findings get the same names, whatever order they come in (identical
    # findings are interchangeable, so compare the multiset).
    assert sorted(again.values()) == sorted(names.values())
    assert all(
        again[id(c)] == names[id(c)]
        for c in findings
        if sum(d.sort_key == c.sort_key for d in findings) == 1
    )


def test_a_name_widens_only_as_far_as_needed() -> None:
    subjects = {"a/x": "cecot", "b/x": "cecot", "c/x": "el-salvador"}
    one, two, three = (
        _conflict("r", ["a/x"], "k1"),
        _conflict("r", ["b/x"], "k2"),
        _conflict("r", ["c/x"], "k3"),
    )
    names = finding_names([one, two, three], subjects)
    assert [names[id(c)] for c in (one, two, three)] == [
        "r[cecot/a]",
        "r[cecot/b]",
        "r[el-salvador]",
    ]
    same_source = _conflict("r", ["a/y"], "k4")
    names = finding_names([one, same_source], {**subjects, "a/y": "cecot"})
    assert sorted(names.values()) == ["r[cecot/a/x]", "r[cecot/a/y]"]
