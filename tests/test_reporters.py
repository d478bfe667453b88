"""Reporters: text (colour rules), JSON field names, SARIF 2.1.0 shape, markdown grouping."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import AuditResult, Citation, Conflict, Corpus, LoadError, Rule
from factcheck.report import REPORTERS, markdown, sarif, text, use_color


def _cite(source: str, line: int, quote: str = "a quote") -> Citation:
    return Citation(f"facts/sources/{source}.yaml", line, source, "cap", f"Title {source}", quote)


CAPACITY = Conflict(
    "capacity-agrees",
    "agree",
    "error",
    "a says 40,000; b says 20,000",
    (_cite("a", 7, "holds 40,000"), _cite("b", 9, "holds 20,000")),
)
OPENED = Conflict(
    "opened-agrees", "agree", "warning", "opened 2023 vs 2022", (_cite("a", 8), _cite("c", 8))
)
WAIVED = Conflict(
    "capacity-agrees",
    "agree",
    "error",
    "a says 40,000; c says 30,000",
    (_cite("a", 7), _cite("c", 7)),
    waived=True,
    waiver_reason="c counts differently",
)
LOAD = LoadError("facts/sources/e.yaml", 10, "claims[0].valeu", "unknown field 'valeu'")
RESULT = AuditResult(conflicts=(CAPACITY, WAIVED, OPENED), errors=(LOAD,))


def _corpus() -> Corpus:
    corpus = Corpus(root=Path("facts"))
    corpus.rules = [
        Rule(id="capacity-agrees", kind="agree", description="capacities agree"),
        Rule(id="opened-agrees", kind="agree", severity="warning", description="openings agree"),
    ]
    return corpus


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_reporter_takes_result_and_corpus(name: str) -> None:
    out = REPORTERS[name](RESULT, _corpus())
    assert "capacity-agrees" in out
    assert "e.yaml" in out


def test_text_is_compiler_style() -> None:
    out = text(RESULT, _corpus(), color=False)
    lines = out.splitlines()
    assert lines[0] == (
        "facts/sources/e.yaml:10: error[load] claims[0].valeu: unknown field 'valeu'"
    )
    assert "facts/sources/a.yaml:7: error[capacity-agrees] a says 40,000; b says 20,000" in lines
    assert '    facts/sources/b.yaml:9: "Title b": "holds 20,000"' in lines
    assert "error[capacity-agrees] (waived)" in out
    assert "    waived: c counts differently" in lines
    assert lines[-1] == ("3 conflicts (1 errors, 1 warnings, 0 info, 1 waived), 1 load errors")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "no_color", "term", "expected"),
    [
        (True, None, "xterm", True),
        (False, None, "xterm", False),
        (True, "1", "xterm", False),
        (True, "", "xterm", True),  # NO_COLOR counts only when non-empty
        (True, None, "dumb", False),
    ],
)
def test_use_color(
    monkeypatch: pytest.MonkeyPatch, tty: bool, no_color: str | None, term: str, expected: bool
) -> None:
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setenv("TERM", term)
    stream = _Tty() if tty else io.StringIO()
    assert use_color(stream) is expected


def test_colour_only_when_asked() -> None:
    assert "\033[" in text(RESULT, _corpus(), color=True)
    assert "\033[" not in text(RESULT, _corpus(), color=False)


def test_text_default_follows_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("sys.stdout", _Tty())
    assert "\033[" in text(RESULT, _corpus())
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in text(RESULT, _corpus())


def test_json_field_names() -> None:
    data = json.loads(REPORTERS["json"](RESULT, _corpus()))
    assert set(data) == {"conflicts", "errors", "summary"}
    conflict = data["conflicts"][0]
    assert {"rule", "kind", "severity", "message", "waived", "citations"} <= set(conflict)
    assert {"source", "title", "quote", "file", "line"} <= set(conflict["citations"][0])
    assert set(data["errors"][0]) == {"file", "line", "field", "message"}
    assert data["summary"] == {
        "conflicts": 3,
        "error": 1,
        "warning": 1,
        "info": 0,
        "waived": 1,
        "load_errors": 1,
    }
    assert conflict["citations"][1] | {} == {
        "source": "b",
        "claim": "cap",
        "title": "Title b",
        "quote": "holds 20,000",
        "file": "facts/sources/b.yaml",
        "line": 9,
    }


def _check_sarif_shape(log: dict[str, Any], result: AuditResult) -> None:
    """The parts of SARIF 2.1.0 that code-scanning tools read, with their types."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for r in driver["rules"]:
        assert isinstance(r["shortDescription"]["text"], str)
        assert r["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert len(run["results"]) == len(result.conflicts) + len(result.errors)
    for res in run["results"]:
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in {"error", "warning", "note", "none"}
        assert isinstance(res["message"]["text"], str) and res["message"]["text"]
        for loc in res["locations"] + res.get("relatedLocations", []):
            physical = loc["physicalLocation"]
            assert isinstance(physical["artifactLocation"]["uri"], str)
            assert "\\" not in physical["artifactLocation"]["uri"]
            if "region" in physical:
                assert physical["region"]["startLine"] >= 1
        related_ids = [r["id"] for r in res.get("relatedLocations", [])]
        assert len(related_ids) == len(set(related_ids))


def test_sarif_shape_and_content() -> None:
    log = json.loads(sarif(RESULT, _corpus()))
    _check_sarif_shape(log, RESULT)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "capacity-agrees",
        "load",
        "opened-agrees",
    ]
    by_message = {r["message"]["text"].removesuffix("."): r for r in run["results"]}
    cap = by_message[CAPACITY.message]
    assert cap["level"] == "error"
    first = cap["locations"][0]["physicalLocation"]
    assert first == {
        "artifactLocation": {"uri": "facts/sources/a.yaml", "uriBaseId": "SRCROOT"},
        "region": {"startLine": 7},
    }
    (related,) = cap["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "facts/sources/b.yaml"
    assert related["physicalLocation"]["region"]["startLine"] == 9
    assert "holds 20,000" in related["message"]["text"]
    assert by_message[OPENED.message]["level"] == "warning"
    assert by_message[WAIVED.message]["suppressions"][0]["justification"] == "c counts differently"
    assert "suppressions" not in cap
    load = by_message["claims[0].valeu: unknown field 'valeu'"]
    assert load["ruleId"] == "load"
    assert load["locations"][0]["physicalLocation"]["region"]["startLine"] == 10


_names = st.sampled_from(["a", "b", "c", "d"])
_citations = st.builds(_cite, _names, st.integers(1, 500), st.text(max_size=30))
_conflicts = st.builds(
    Conflict,
    st.sampled_from(["r1", "r2", "quotes"]),
    st.just("agree"),
    st.sampled_from(["error", "warning", "info"]),
    st.text(min_size=1, max_size=40),
    st.lists(_citations, min_size=1, max_size=4, unique=True).map(tuple),
    st.booleans(),
)
_errors = st.builds(
    LoadError,
    st.sampled_from(["facts/x.yaml", "/abs/facts/y.yaml"]),
    st.none() | st.integers(1, 99),
    st.text(max_size=10),
    st.text(min_size=1, max_size=20),
)


@given(st.lists(_conflicts, max_size=6), st.lists(_errors, max_size=3))
def test_sarif_shape_for_any_result(conflicts: list[Conflict], errors: list[LoadError]) -> None:
    result = AuditResult(conflicts=tuple(conflicts), errors=tuple(errors))
    log = json.loads(sarif(result, Corpus(root=Path("facts"))))
    _check_sarif_shape(log, result)
    for res, conflict in zip(log["runs"][0]["results"][len(errors) :], conflicts, strict=True):
        assert len(res["relatedLocations"]) == len(conflict.citations) - 1
        assert ("suppressions" in res) is conflict.waived


def test_markdown_grouped_by_rule_with_quotes() -> None:
    out = markdown(RESULT, _corpus())
    assert out.startswith("## factcheck: the audit fails\n")
    headings = [line for line in out.splitlines() if line.startswith("### ")]
    assert headings == [
        "### load: 1 load errors",
        "### `capacity-agrees` (2): capacities agree",
        "### `opened-agrees` (1): openings agree",
    ]
    cap = out.split("### `capacity-agrees`")[1].split("### ")[0]
    assert "  > holds 20,000" in cap
    assert "`facts/sources/b.yaml:9`" in cap
    assert "(waived: c counts differently)" in cap
    assert "opened 2023 vs 2022" not in cap


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        ("plain words", "plain words"),
        ("*not* bold", "\\*not\\* bold"),
        ("a | b", "a \\| b"),
        ("line\nbreak", "line break"),
        ("<script>", "\\<script\\>"),
    ],
)
def test_markdown_escapes_quotes(quote: str, shown: str) -> None:
    conflict = Conflict("r", "agree", "error", "m", (_cite("a", 1, quote),))
    out = markdown(AuditResult(conflicts=(conflict,)), Corpus(root=Path("facts")))
    assert f"  > {shown}\n" in out


def test_markdown_clean() -> None:
    out = markdown(AuditResult(), Corpus(root=Path("facts")))
    assert "passes" in out
    assert "No conflicts" in out


def _walk_locations(run: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        loc["physicalLocation"]["artifactLocation"]
        for res in run["results"]
        for loc in res["locations"] + res.get("relatedLocations", [])
    ]


@pytest.mark.parametrize("absolute", [False, True], ids=["relative-corpus", "absolute-corpus"])
def test_sarif_follows_the_validator_rules(
    absolute: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What Microsoft's SARIF validator warns about: rule names apart from ids (SARIF2012),
    the tool's informationUri (SARIF2005), relative URIs with their base (SARIF2004/2007),
    messages as sentences (SARIF2001)."""
    monkeypatch.chdir(tmp_path)
    base = str(tmp_path) + "/" if absolute else ""

    def moved(c: Citation) -> Citation:
        return Citation(base + c.file, c.line, c.source, c.claim, c.title, c.quote)

    result = AuditResult(
        conflicts=tuple(
            Conflict(
                c.rule, c.kind, c.severity, c.message, tuple(map(moved, c.citations)), c.waived
            )
            for c in RESULT.conflicts
        ),
        errors=tuple(LoadError(base + e.file, e.line, e.field, e.message) for e in RESULT.errors),
    )
    (run,) = json.loads(sarif(result, _corpus()))["runs"]
    driver = run["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    for rule in driver["rules"]:
        assert rule["name"] != rule["id"]
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", rule["name"]), rule["name"]
        assert rule["shortDescription"]["text"].endswith(".")
    assert [r["name"] for r in driver["rules"]] == ["CapacityAgrees", "Load", "OpenedAgrees"]
    bases = run["originalUriBaseIds"]
    assert bases["SRCROOT"]["uri"] == tmp_path.as_uri() + "/"
    for artifact in _walk_locations(run):
        assert artifact["uriBaseId"] == "SRCROOT"
        assert not artifact["uri"].startswith(("file:", "/"))
        assert artifact["uri"].startswith("facts/")
    for res in run["results"]:
        assert res["message"]["text"].endswith(".")


def test_sarif_file_outside_the_working_directory_keeps_an_absolute_uri(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    err = LoadError(str(tmp_path / "elsewhere" / "x y.yaml"), 3, "", "bad")
    (run,) = json.loads(sarif(AuditResult(errors=(err,)), _corpus()))["runs"]
    (artifact,) = _walk_locations(run)
    assert artifact == {"uri": (tmp_path / "elsewhere" / "x y.yaml").as_uri()}


# title, publisher, how the text report names the source
NAMES = [
    ("Title", "Izvestia", 'Izvestia, "Title"'),
    ("Title", None, '"Title"'),
    ("", "Izvestia", "src-id"),
]


@pytest.mark.parametrize(("title", "publisher", "shown"), NAMES)
def test_text_names_sources_by_publisher_and_title(
    title: str, publisher: str | None, shown: str
) -> None:
    from factcheck.report import render_conflict, source_name

    c = Citation("f.yaml", 3, "src-id", "claim", title, "a quote", publisher)
    assert source_name(c) == shown
    conflict = Conflict("r", "agree", "error", "m", (c,))
    assert f"    f.yaml:3: {shown}: " in render_conflict(conflict)


def test_a_quote_cited_twice_in_a_row_is_printed_once() -> None:
    from factcheck.report import render_conflict

    one = Citation("f.yaml", 3, "s", "a", "T", "the Foreign Enemies Act")
    two = Citation("f.yaml", 9, "s", "b", "T", "the Foreign Enemies Act")
    other = Citation("g.yaml", 4, "t", "c", "U", "the Foreign Enemies Act")
    out = render_conflict(Conflict("naming", "naming", "info", "m", (one, two, other)))
    assert out.count('"the Foreign Enemies Act"') == 2  # once for s, once for t
    assert 'f.yaml:9: "T": (the same quote)' in out


@pytest.mark.parametrize(
    ("waived", "line"),
    [
        (False, "facts/a.yaml:7: error[capacity-agrees] capacity: a says 1"),
        (True, "facts/a.yaml:7: error[capacity-agrees] (waived) capacity: a says 1"),
    ],
)
def test_str_of_a_conflict_is_its_one_line_message(waived: bool, line: str) -> None:
    c = Conflict(
        "capacity-agrees",
        "agree",
        "error",
        "capacity: a says 1",
        (Citation("facts/a.yaml", 7, "a", "cap", "A", "q"),),
        waived,
    )
    assert str(c) == line
    assert "\n" not in str(c)
    assert str(Conflict("r", "k", "info", "m", ())) == "<corpus>: info[r] m"


def test_publisher_is_not_part_of_a_citations_identity() -> None:
    a = Citation("f", 1, "s", "c", "T", "q", "P")
    assert a == Citation("f", 1, "s", "c", "T", "q", None)
    assert "publisher" not in a.to_dict()  # machine formats keep ids and fields as they were
