"""The pytest plugin, run in a scratch directory with ``pytester``."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from factcheck.rules import engine

from .conftest import CAPACITY_RULE, ENTITIES, OPENED_RULE, PROPERTIES, source_yaml

pytest_plugins = ["pytester"]

RULES = (
    CAPACITY_RULE
    + OPENED_RULE
    + """\
  - id: inmates-agree
    kind: agree
    select: {property: inmates}
    description: sources agree on the inmate count
"""
)

A = source_yaml(
    "a",
    """
    - {id: cap, subject: cecot, property: capacity, value: 40000, quote: "holds 40,000"}
    - {id: opened, subject: cecot, property: opened, value: 2023-02, quote: "opened 2023"}
    """,
)
B = source_yaml(
    "b",
    """
    - {id: cap, subject: cecot, property: capacity, value: 20000, quote: "holds 20,000"}
    - {id: opened, subject: cecot, property: opened, value: 2022, quote: "opened 2022"}
    """,
)
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
        "facts/rules.yaml": RULES,
        "facts/sources/a.yaml": A,
        "facts/sources/b.yaml": B,
        **(extra or {}),
    }
    for name, body in files.items():
        path = pytester.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return pytester.path / "facts"


def test_one_item_per_rule_failing_with_both_quotes(pytester: pytest.Pytester) -> None:
    _corpus(pytester)
    result = pytester.runpytest("facts")
    result.assert_outcomes(failed=1, passed=2)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*_ capacity-agrees _*",
            "*capacity: a says 40,000* (rule capacity-agrees: 1 unwaived error conflict)",
            "facts/sources/a.yaml:7: error?capacity-agrees? *",
            '    facts/sources/a.yaml:7: "Source A": "holds 40,000"',
            '    facts/sources/b.yaml:7: "Source B": "holds 20,000"',
        ]
    )
    # The warning does not fail but is shown in its own section.
    result.stdout.fnmatch_lines(
        ["*factcheck: warnings and info*", "facts/sources/a.yaml:8: warning?opened-agrees? *"]
    )
    # The short summary carries the finding, not only a count.
    result.stdout.fnmatch_lines(
        ["FAILED facts/rules.yaml::capacity-agrees - Terrorism Confinement Center*"]
    )


def test_waived_conflicts_are_xfail_with_reason(pytester: pytest.Pytester) -> None:
    _corpus(pytester, {"facts/waivers.yaml": WAIVERS})
    result = pytester.runpytest("facts", "-rx")
    result.assert_outcomes(xfailed=1, passed=2)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        ["XFAIL facts/rules.yaml::capacity-agrees*b counts a different wing*"]
    )


def test_load_errors_are_their_own_item(pytester: pytest.Pytester) -> None:
    broken = A.replace("property: capacity", "property: capacty")
    _corpus(pytester, {"facts/sources/a.yaml": broken})
    result = pytester.runpytest("facts")
    result.stdout.fnmatch_lines(
        [
            "*_ load _*",
            "1 load error",
            "facts/sources/a.yaml:7: error?load? claims?0?.property: unknown property 'capacty'*",
        ]
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_quotes_item_with_sources(pytester: pytest.Pytester) -> None:
    article = "The prison holds 40,000 people. It opened 2023.\n"
    digest = hashlib.sha256(article.encode()).hexdigest()
    a = A.replace("'" + "0" * 64 + "'", digest).replace("holds 40,000", "holds 40,000 people")
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


def test_items_are_named_and_located_by_rule(pytester: pytest.Pytester) -> None:
    _corpus(pytester)
    items, _ = pytester.inline_genitems("facts")
    assert [i.name for i in items] == ["capacity-agrees", "opened-agrees", "inmates-agree"]
    path, line, domain = items[1].reportinfo()
    assert Path(path).name == "rules.yaml"
    assert (line, domain) == (5, "opened-agrees")  # 0-based: the rule's "- id:" on line 6
    assert items[1].location == ("facts/rules.yaml", 5, "opened-agrees")


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
    pytester.runpytest_inprocess("facts").assert_outcomes(failed=1, passed=2)
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("layout", "collected"),
    [
        ({"facts/rules.yaml": RULES}, 0),  # no entities/properties next to it: not a corpus
        ({"data/entities.yaml": ENTITIES, "data/properties.yaml": PROPERTIES}, 0),  # no rules
        ({"x/properties.yaml": PROPERTIES, "x/rules.yaml": RULES}, 3),
        ({"x/entities.yaml": ENTITIES, "x/properties.yaml": PROPERTIES, "x/rules.yml": RULES}, 3),
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
    waivers = [i for i in items if i.name == "waivers"]
    assert len(waivers) == 1
    assert waivers[0].location == ("facts/waivers.yaml", 1, "waivers")
    result = pytester.runpytest("facts")
    result.stdout.fnmatch_lines(["FAILED facts/rules.yaml::waivers*"])
    result.assert_outcomes(failed=2, passed=2)


def test_draft_claims_are_load_errors_unless_allowed(pytester: pytest.Pytester) -> None:
    draft = B.replace('quote: "holds 20,000"', 'quote: "holds 20,000", draft: true')
    _corpus(pytester, {"facts/sources/b.yaml": draft})
    result = pytester.runpytest("facts")
    result.stdout.fnmatch_lines(["*claim b/cap is a draft*"])
    result.assert_outcomes(failed=1, passed=3)  # load fails; drafts join no conflict
    pytester.runpytest("facts", "--factcheck-allow-drafts").assert_outcomes(passed=3)
