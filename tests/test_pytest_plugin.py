"""The pytest plugin, run in a scratch directory with ``pytester``."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

# pytester's inline runs drop the modules first imported inside them, and the plugin imports
# the loader only when it collects a corpus: imported here, every run shares one PyYAML.
import factcheck.io.load
import factcheck.report.cases  # noqa: F401
from factcheck.rules import engine

from .conftest import (
    CAPACITY_RULE,
    ENTITIES,
    PROPERTIES,
    SOURCE_A,
    SOURCE_B,
    TWO_SOURCE_RULES,
    source_yaml,
)

pytest_plugins = ["pytester"]


WAIVERS = """\
waivers:
  - rule: capacity-agrees
    claims: [a/cap, b/cap]
    reason: b counts a different wing
    reviewer: desk
    date: 2025-04-01
"""


def _corpus(pytester: pytest.Pytester, extra: dict[str, str] | None = None) -> Path:
    files = {
        "facts/entities.yaml": ENTITIES,
        "facts/properties.yaml": PROPERTIES,
        "facts/rules.yaml": TWO_SOURCE_RULES,
        "facts/sources/a.yaml": SOURCE_A,
        "facts/sources/b.yaml": SOURCE_B,
        **(extra or {}),
    }
    for name, body in files.items():
        path = pytester.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return pytester.path / "facts"


def test_one_item_per_finding_failing_with_both_sides(pytester: pytest.Pytester) -> None:
    _corpus(pytester)
    result = pytester.runpytest("facts")
    # capacity-agrees fails on cecot; opened-agrees (a warning) passes with its finding
    # listed; inmates-agree has no finding and passes.
    result.assert_outcomes(failed=1, passed=2)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*_ capacity-agrees?cecot? _*",
            "facts/sources/a.yaml:7: error?capacity-agrees? *capacity: a says 40,000*",
            '    facts/sources/a.yaml:7: "Source A": "holds 40,000"',
            '    facts/sources/b.yaml:7: "Source B": "holds 20,000"',
        ]
    )
    result.stdout.fnmatch_lines(
        [
            "*factcheck: findings that do not fail*",
            "facts/sources/a.yaml:8: warning?opened-agrees? *",
        ]
    )


def test_short_summary_carries_the_finding(pytester: pytest.Pytester) -> None:
    _corpus(pytester)
    result = pytester.runpytest("facts", "-rf", "--tb=line", "-vv")
    message = "Terrorism Confinement Center capacity: a says 40,000 inmates vs b says 20,000*"
    result.stdout.fnmatch_lines(
        [f"FAILED facts/rules.yaml::capacity-agrees[[]cecot[]] - {message}"]
    )
    assert "unwaived" not in result.stdout.str()
    # --tb=line shows the fact file's line with the message.
    result.stdout.fnmatch_lines([f"*facts/sources/a.yaml:7: {message}"])


def test_reports_carry_the_message_across_processes(pytester: pytest.Pytester) -> None:
    # JUnit XML reads the crash message and the report as text, as pytest-xdist sends it.
    _corpus(pytester)
    pytester.runpytest("facts", "--junitxml=out.xml")
    failure = ElementTree.parse(pytester.path / "out.xml").find(".//failure")
    assert failure is not None
    message = "Terrorism Confinement Center capacity: a says 40,000 inmates vs b says 20,000"
    assert failure.get("message", "").startswith(message)
    text = failure.text or ""
    assert text.startswith(message)
    assert 'facts/sources/b.yaml:7: "Source B": "holds 20,000"' in text


def test_items_are_named_by_rule_and_key_and_located_at_the_fact(
    pytester: pytest.Pytester,
) -> None:
    _corpus(pytester)
    items, _ = pytester.inline_genitems("facts")
    assert [i.name for i in items] == [
        "capacity-agrees[cecot]",
        "opened-agrees[cecot]",
        "inmates-agree",
    ]
    assert items[0].nodeid == "facts/rules.yaml::capacity-agrees[cecot]"
    # A finding points at the fact file line of the claim it is about (0-based).
    assert items[0].location == ("facts/sources/a.yaml", 6, "capacity-agrees[cecot]")
    # A rule without findings points at its line in the rules file.
    path, line, domain = items[2].reportinfo()
    assert Path(path).name == "rules.yaml"
    assert (line, domain) == (10, "inmates-agree")  # its "- id:" on line 11


def test_k_selects_findings_by_key(pytester: pytest.Pytester) -> None:
    _corpus(pytester)
    result = pytester.runpytest("facts", "-k", "capacity-agrees and cecot")
    result.assert_outcomes(failed=1, deselected=2)
    pytester.runpytest("facts", "-k", "not cecot").assert_outcomes(passed=1, deselected=2)
    # The rule's id selects all its findings, as a test function does its parameters.
    result = pytester.runpytest("facts/rules.yaml::capacity-agrees")
    result.assert_outcomes(failed=1)


def test_several_findings_of_a_rule_on_one_subject_get_distinct_names(
    pytester: pytest.Pytester,
) -> None:
    inmates = """
    - {id: held, subject: cecot, property: inmates, value: 50000, quote: "holds 50,000"}
    """
    bound = """\
  - id: inmates-within-capacity
    kind: bound
    select: {property: inmates}
    params: {max: capacity}
    description: no more inmates than places
"""
    _corpus(
        pytester,
        {
            "facts/rules.yaml": CAPACITY_RULE + bound,
            "facts/sources/a.yaml": SOURCE_A.replace("claims:\n", "claims:\n" + _indent(inmates)),
            "facts/sources/b.yaml": SOURCE_B.replace("claims:\n", "claims:\n" + _indent(inmates)),
        },
    )
    items, _ = pytester.inline_genitems("facts")
    names = [i.name for i in items if i.name.startswith("inmates-within-capacity")]
    assert names == ["inmates-within-capacity[cecot/a]", "inmates-within-capacity[cecot/b]"]


def _indent(claims: str) -> str:
    return "".join("  " + line.strip() + "\n" for line in claims.strip().splitlines())


def test_waived_findings_are_xfail_with_reason(pytester: pytest.Pytester) -> None:
    _corpus(pytester, {"facts/waivers.yaml": WAIVERS})
    result = pytester.runpytest("facts", "-rx")
    result.assert_outcomes(xfailed=1, passed=2)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        ["XFAIL facts/rules.yaml::capacity-agrees[[]cecot[]] - b counts a different wing"]
    )


BASELINE = """\
findings:
- rule: capacity-agrees
  claims: [a/cap, b/cap]
"""


def test_baselined_findings_are_xfail(pytester: pytest.Pytester) -> None:
    _corpus(pytester, {"facts/.factcheck-baseline.yaml": BASELINE})
    result = pytester.runpytest("facts", "-rx")
    result.assert_outcomes(xfailed=1, passed=2)
    result.stdout.fnmatch_lines(
        [
            "XFAIL facts/rules.yaml::capacity-agrees[[]cecot[]]"
            " - known: in facts/.factcheck-baseline.yaml"
        ]
    )
    pytester.runpytest("facts", "--factcheck-no-baseline").assert_outcomes(failed=1, passed=2)


def test_baseline_option_and_stale_entries(pytester: pytest.Pytester) -> None:
    _corpus(pytester)
    stale = BASELINE.replace("capacity-agrees", "inmates-agree")
    (pytester.path / "known.yaml").write_text(BASELINE + stale.split("\n", 1)[1], "utf-8")
    result = pytester.runpytest("facts", "--factcheck-baseline", "known.yaml", "-rx")
    # The stale entry is a warning: listed, passing (a baseline entry that no longer occurs).
    result.assert_outcomes(xfailed=1, passed=3)
    result.stdout.fnmatch_lines(
        ["known.yaml:4: warning?baseline? the baseline entry for 'inmates-agree'*"]
    )
    missing = pytester.runpytest("facts", "--factcheck-baseline", "nope.yaml")
    missing.stdout.fnmatch_lines(["nope.yaml: error?load? --factcheck-baseline: no such file"])
    assert missing.ret == pytest.ExitCode.TESTS_FAILED


def test_fail_on_warning_fails_warning_findings(pytester: pytest.Pytester) -> None:
    _corpus(pytester)
    result = pytester.runpytest("facts", "--factcheck-fail-on", "warning")
    result.assert_outcomes(failed=2, passed=1)
    result.stdout.fnmatch_lines(["FAILED facts/rules.yaml::opened-agrees[[]cecot[]]*"])


def test_load_errors_are_items_at_their_line(pytester: pytest.Pytester) -> None:
    broken = SOURCE_A.replace("property: capacity", "property: capacty")
    _corpus(pytester, {"facts/sources/a.yaml": broken})
    result = pytester.runpytest("facts", "-rf")
    result.stdout.fnmatch_lines(
        [
            "*_ load?sources/a.yaml:7? _*",
            "facts/sources/a.yaml:7: error?load? claims?0?.property: unknown property 'capacty'*",
            "FAILED facts/rules.yaml::load[[]sources/a.yaml:7[]]"
            " - claims[[]0[]].property: unknown*",
        ]
    )
    items, _ = pytester.inline_genitems("facts")
    assert items[0].location == ("facts/sources/a.yaml", 6, "load[sources/a.yaml:7]")
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_yaml_errors_point_at_the_opening_line(pytester: pytest.Pytester) -> None:
    # An unclosed flow sequence on the claim's value line; the parser notices it lines later.
    broken = SOURCE_A.replace("value: 40000,", "value: [40000,").replace(
        'quote: "holds 40,000"}', 'quote: "holds 40,000"'
    )
    _corpus(pytester, {"facts/sources/a.yaml": broken})
    items, _ = pytester.inline_genitems("facts")
    load = [i for i in items if i.name.startswith("load[")]
    assert len(load) == 1
    assert load[0].location[:2] == ("facts/sources/a.yaml", 6)  # line 7, where it opens


def test_quotes_item_with_sources(pytester: pytest.Pytester) -> None:
    article = "The prison holds 40,000 people. It opened 2023.\n"
    digest = hashlib.sha256(article.encode()).hexdigest()
    a = SOURCE_A.replace("'" + "0" * 64 + "'", digest).replace(
        "holds 40,000", "holds 40,000 people"
    )
    _corpus(pytester, {"facts/sources/a.yaml": a})
    snaps = pytester.mkdir("snaps")
    (snaps / "a.txt").write_text(article, encoding="utf-8")
    result = pytester.runpytest("facts", "--factcheck-sources", "snaps")
    result.stdout.fnmatch_lines(
        [
            "*_ quotes _*",
            "*facts/sources/b.yaml:5: error?quotes? snapshot b.txt of b: not found*",
        ]
    )
    assert "a/cap" not in result.stdout.str()
    result.assert_outcomes(failed=2, passed=2)


def test_a_fact_file_collects_the_findings_citing_it(pytester: pytest.Pytester) -> None:
    c = source_yaml(
        "c",
        """
        - {id: opened, subject: cecot, property: opened, value: 2023-02, quote: "opened"}
        """,
    )
    _corpus(pytester, {"facts/sources/c.yaml": c})
    everything, _ = pytester.inline_genitems("facts")
    items, _ = pytester.inline_genitems("facts/sources/b.yaml")
    by_name = {i.name: i for i in everything}
    assert [i.nodeid for i in items] == [
        "facts/sources/b.yaml::capacity-agrees[cecot]",
        "facts/sources/b.yaml::opened-agrees[cecot]",
        "facts/sources/b.yaml::inmates-agree",
    ]
    # Same names as from the rules file, pointing at this file's line when it is cited first.
    assert all(i.name in by_name for i in items)
    assert items[0].location[0] == "facts/sources/a.yaml"  # a.yaml is the first side
    result = pytester.runpytest("facts/sources/b.yaml")
    result.assert_outcomes(failed=1, passed=2)
    # c.yaml is cited by no error finding: its capacity rule passes.
    result = pytester.runpytest("facts/sources/c.yaml", "-rA")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(["PASSED facts/sources/c.yaml::capacity-agrees"])


def test_a_directory_inside_a_corpus_collects_its_files(pytester: pytest.Pytester) -> None:
    _corpus(pytester)
    items, _ = pytester.inline_genitems("facts/sources")
    assert {i.nodeid.split("::")[0] for i in items} == {
        "facts/sources/a.yaml",
        "facts/sources/b.yaml",
    }
    # The corpus given too: its rules file reports, the files are not collected twice.
    items, _ = pytester.inline_genitems("facts")
    assert {i.nodeid.split("::")[0] for i in items} == {"facts/rules.yaml"}


def test_a_load_error_is_collected_from_its_file(pytester: pytest.Pytester) -> None:
    broken = SOURCE_A.replace("property: capacity", "property: capacty")
    _corpus(pytester, {"facts/sources/a.yaml": broken})
    items, _ = pytester.inline_genitems("facts/sources/a.yaml")
    assert items[0].name == "load[sources/a.yaml:7]"
    items, _ = pytester.inline_genitems("facts/sources/b.yaml")
    assert not any(i.name.startswith("load") for i in items)


def test_a_yaml_file_outside_a_corpus_is_not_collected(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", other="a: 1\n")
    result = pytester.runpytest("other.yaml")
    assert result.ret == pytest.ExitCode.USAGE_ERROR  # "not found", as before


def test_audit_runs_once_per_session(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    _corpus(pytester)
    calls = []
    real = engine.audit

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "audit", counting)
    pytester.runpytest_inprocess("facts", "facts/sources/a.yaml").assert_outcomes(
        failed=1, passed=2
    )
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("layout", "collected"),
    [
        (
            {"facts/rules.yaml": TWO_SOURCE_RULES},
            0,
        ),  # no entities/properties next to it: not a corpus
        ({"data/entities.yaml": ENTITIES, "data/properties.yaml": PROPERTIES}, 0),  # no rules
        ({"x/properties.yaml": PROPERTIES, "x/rules.yaml": TWO_SOURCE_RULES}, 3),
        (
            {
                "x/entities.yaml": ENTITIES,
                "x/properties.yaml": PROPERTIES,
                "x/rules.yml": TWO_SOURCE_RULES,
            },
            3,
        ),
    ],
)
def test_what_is_collected(
    pytester: pytest.Pytester, layout: dict[str, str], collected: int
) -> None:
    for name, body in layout.items():
        path = pytester.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    items, _ = pytester.inline_genitems()
    assert len(items) == collected


def test_ordinary_tests_are_untouched(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_ok():\n    assert True\n")
    pytester.runpytest().assert_outcomes(passed=1)


def test_stale_waiver_is_its_own_failing_item(pytester: pytest.Pytester) -> None:
    stale = WAIVERS.replace("[a/cap, b/cap]", "[a/opened, b/cap]")
    _corpus(pytester, {"facts/waivers.yaml": stale})
    items, _ = pytester.inline_genitems("facts")
    waivers = [i for i in items if i.name.startswith("waivers")]
    assert len(waivers) == 1
    assert waivers[0].location == ("facts/waivers.yaml", 1, "waivers[capacity-agrees]")
    result = pytester.runpytest("facts")
    result.stdout.fnmatch_lines(["FAILED facts/rules.yaml::waivers[[]capacity-agrees[]]*"])
    result.assert_outcomes(failed=2, passed=2)


def test_draft_claims_are_load_errors_unless_allowed(pytester: pytest.Pytester) -> None:
    draft = SOURCE_B.replace('quote: "holds 20,000"', 'quote: "holds 20,000", draft: true')
    _corpus(pytester, {"facts/sources/b.yaml": draft})
    result = pytester.runpytest("facts")
    result.stdout.fnmatch_lines(["*claim b/cap is a draft*"])
    result.assert_outcomes(failed=1, passed=3)  # load fails; drafts join no finding
    pytester.runpytest("facts", "--factcheck-allow-drafts").assert_outcomes(passed=3)


def test_loading_the_plugin_leaves_the_loader_and_engine_unimported() -> None:
    """pytest loads the plugin in every session where factcheck is installed: it must not
    pay for the loader, the engine or the reports until a corpus is collected."""
    code = (
        "import sys, factcheck.pytest_plugin\n"
        "heavy = ['factcheck.io.load', 'factcheck.rules.engine', 'factcheck.report.cases',\n"
        "         'factcheck.domain.corpus', 'factcheck.io.snapshots', 'yaml']\n"
        "print([m for m in heavy if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
