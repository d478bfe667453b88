"""The benchmark generator's corpora audit to exactly the conflicts it planted; the
extraction benchmark's hand-written evaluation sets load cleanly, cite their texts, and
quote them verbatim."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.rules.checks import KINDS

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


def _import_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return _import_generator()


def _audit(root: Path) -> tuple[factcheck.Corpus, list[list[Any]]]:
    corpus = factcheck.load(root / "facts")
    result = factcheck.audit(corpus)
    assert corpus.errors == [] and result.errors == ()
    # The claims in dispute: claims cited only as support are not what was planted.
    return corpus, sorted([c.rule, sorted(c.refs - set(c.support))] for c in result.conflicts)


@pytest.fixture(scope="module")
def planted(
    generate: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Any], dict[str, str], list[list[Any]]]:
    """A 1.5k-claim corpus with a conflict planted in half of its keys, and its audit."""
    out = tmp_path_factory.mktemp("planted")
    manifest = generate.generate(out, 1500, 5, 0.5)
    corpus, found = _audit(out)
    return manifest, {r.id: r.kind for r in corpus.rules}, found


def test_every_check_kind_has_a_planter(generate: ModuleType) -> None:
    missing = sorted(set(KINDS) - set(generate.KINDS))
    assert not missing, f"benchmarks/generate.py plants no conflicts for: {missing}"
    for name, make in generate.KINDS.items():
        kind = make()
        assert kind.rules and kind.scenarios, name
        assert {r["kind"] for r in kind.rules} == {name}


def test_generated_rules_cover_every_kind(
    planted: tuple[dict[str, Any], dict[str, str], list[list[Any]]],
) -> None:
    manifest, kinds, _ = planted
    assert set(kinds.values()) == set(KINDS) == set(manifest["kinds"])


@pytest.mark.parametrize(
    ("claims", "share"), [(1000, 0.02), (3000, 0.01), (1000, 0.001), (2000, 0.25)]
)
def test_every_kind_is_planted_at_a_known_share(
    generate: ModuleType, tmp_path: Path, claims: int, share: float
) -> None:
    manifest = generate.generate(tmp_path, claims, 1, share)
    assert set(manifest["planted"]) == set(KINDS)
    scenarios = sum(len(make().scenarios) for make in generate.KINDS.values())
    groups_each = manifest["keys"] / scenarios
    # ceil(share x groups) per scenario: at least one each, about share x groups in all.
    lowest = scenarios * math.ceil(share * math.floor(groups_each))
    highest = scenarios * math.ceil(share * math.ceil(groups_each))
    planted_groups = len({refs[0].split("/")[1].split("-")[0] for _, refs in manifest["conflicts"]})
    assert lowest <= planted_groups <= highest


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_finds_exactly_its_planted_conflicts(
    planted: tuple[dict[str, Any], dict[str, str], list[list[Any]]], kind: str
) -> None:
    manifest, kinds, found = planted
    want = [c for c in manifest["conflicts"] if kinds[c[0]] == kind]
    have = [c for c in found if kinds[c[0]] == kind]
    assert want, f"no conflict planted for {kind}"
    assert manifest["planted"][kind] == len(want)
    assert have == want


@pytest.mark.parametrize(("claims", "seed", "share"), [(600, 1, 0.9), (900, 7, 0.5), (800, 2, 0)])
def test_finds_exactly_the_planted_conflicts(
    generate: ModuleType, tmp_path: Path, claims: int, seed: int, share: float
) -> None:
    manifest = generate.generate(tmp_path, claims, seed, share)
    assert manifest == json.loads((tmp_path / "expected.json").read_text())
    if share:
        assert {r.split("-")[0] for r, _ in manifest["conflicts"]} == set(manifest["kinds"])
    corpus, found = _audit(tmp_path)
    assert len(corpus.facts) == manifest["claims"]
    assert found == manifest["conflicts"]


# The module fixture cannot be shared with hypothesis (function-scoped fixtures are reused
# across examples), so the property imports the generator itself.
_GENERATOR = _import_generator()


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 10**6), share=st.floats(0, 1), claims=st.integers(150, 400))
def test_any_seed_and_share_audits_to_the_planted_conflicts(
    seed: int, share: float, claims: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        manifest = _GENERATOR.generate(Path(tmp), claims, seed, share)
        _, found = _audit(Path(tmp))
    assert found == manifest["conflicts"]


def test_generation_is_deterministic(generate: ModuleType, tmp_path: Path) -> None:
    a = generate.generate(tmp_path / "a", 500, 3)
    b = generate.generate(tmp_path / "b", 500, 3)
    assert a == b
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert files and all(
        (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files
    )
    assert any(f.parts[1] == "reference" for f in files)


def test_the_benchmark_script_runs_and_verifies_what_it_timed(tmp_path: Path) -> None:
    """``benchmarks/run.py`` at its smallest size: every figure is printed and the three
    audits are checked against the planted conflicts (times are printed, not asserted)."""
    script = GENERATOR.with_name("run.py")
    proc = subprocess.run(
        [sys.executable, str(script), "--sizes", "1000", "--workdir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    figures = ["floor", "nodes", "cold", "warm", "lib", "hook", "bare", "first", "peak"]
    rows = [line.split()[0] for line in proc.stdout.splitlines() if line.strip()]
    # (first occurrences: the "hook / bare" ratio line also starts with "hook")
    assert list(dict.fromkeys(r for r in rows if r in figures)) == figures
    (manifest,) = tmp_path.glob("corpus-1000-*/expected.json")
    planted = len(json.loads(manifest.read_text(encoding="utf-8"))["conflicts"])
    assert planted > 0
    assert proc.stdout.count(f"ok: all {planted} planted conflicts, nothing else") == 3


# The extraction benchmark's evaluation sets (benchmarks/eval/): the texts are not in the
# repository, so what can be checked without them is that each set loads, is scored, and
# cites its text by URL and sha256 with short quotes. Where the texts are, the product's
# own rule checks the quotes: ``factcheck audit benchmarks/eval/KEY/facts --sources DIR``
# (every sha256 and every quote verbatim; see benchmarks/eval/README.md).
EVAL = GENERATOR.parent / "eval"
EVAL_SETS = sorted(p for p in EVAL.glob("**/facts") if p.is_dir())
#: Longest quote a claim of an evaluation set may carry: a phrase, never a passage.
MAX_QUOTE = 120


def _import_extraction() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_extraction", GENERATOR.parent / "extraction.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def test_every_eval_set_is_scored_by_the_extraction_benchmark() -> None:
    sets = _import_extraction().SETS
    assert {s.facts for s in sets} == set(EVAL_SETS)
    assert len({s.key for s in sets}) == len(sets)
    assert EVAL / "heldout7" / "facts" in EVAL_SETS
    assert EVAL / "heldout8" / "facts" in EVAL_SETS
    assert EVAL / "heldout9" / "facts" in EVAL_SETS
    assert EVAL / "heldout10" / "facts" in EVAL_SETS
    assert [s.key for s in sets if s.held_out] == [
        "heldout",
        "heldout2",
        "heldout3",
        "heldout4",
        "heldout5",
        "heldout6",
        "heldout7",
        "heldout8",
        "heldout9",
        "heldout10",
    ]
    # no model is trained on held-out 1 nor on the newest set, the unseen check
    extraction = _import_extraction()
    assert ("heldout", [s.key for s in sets if s.held_out][-1]) == extraction.NEVER_TRAINED


@pytest.mark.parametrize("facts", EVAL_SETS, ids=lambda p: p.parent.name)
def test_eval_set_loads_and_cites_its_texts(facts: Path) -> None:
    corpus = factcheck.load(facts)
    assert corpus.errors == []
    assert corpus.facts
    for fact in corpus.facts:
        source, claim = fact.source, fact.claim
        assert source.kind == "article" and source.snapshot is not None, source.id
        assert (source.url or "").startswith(("http://", "https://")), source.id
        assert fact.prop.type in ("quantity", "date"), claim.id
        assert claim.quote and len(claim.quote) <= MAX_QUOTE, f"{source.id}/{claim.id}"


def test_a_figure_said_again_is_found_in_the_note_of_the_draft_kept(tmp_path: Path) -> None:
    """The extractor drafts a restated figure once and notes the restatement; the scorer
    finds that draft for a hand-written claim quoting the restatement, and no other."""
    extraction = _import_extraction()
    (tmp_path / "entities.yaml").write_text(
        "entities:\n  - {id: aea, name: Alien Enemies Act, kind: law}\n"
    )
    (tmp_path / "properties.yaml").write_text(
        "properties:\n  - {id: enacted, type: date, description: When a law was enacted.}\n"
    )
    text = "Trump used the 1798 Alien Enemies Act.\nThe 1798 Alien Enemies Act is old."
    draft = factcheck.extract.draft_fact_file(text, "x", corpus=factcheck.load(tmp_path))
    [kept] = draft.claims
    again = extraction._said_again(text, "Alien Enemies Act is old")
    assert again is not None and again in kept["note"]
    assert extraction._said_again(text, "Alien Enemies Act is new") is None
    assert extraction._said_again(text, "Trump used") not in kept["note"]


def test_startup_names_a_directory_that_is_no_corpus(tmp_path: Path) -> None:
    import subprocess

    script = GENERATOR.parent / "startup.py"
    done = subprocess.run(
        [sys.executable, str(script), "--runs", "1", "--big", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert f"--big {tmp_path}: no sources/*.yaml there" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("2023-06-02T20:00+05:30", "2023-06-02T14:30Z", True),
        ("2023-06-02T20:00+05:30", "2023-06-02T20:00+00:00", False),
        (
            ["2023-06-02T20:00+05:30", "2023-06-02T21:00+05:30"],
            ["2023-06-02T14:30+00:00", "2023-06-02T15:30+00:00"],
            True,
        ),
        (
            ["2023-06-02T20:00+05:30", "2023-06-02T21:00+05:30"],
            ["2023-06-02T20:00+05:30", "2023-06-02T22:00+05:30"],
            False,
        ),
        (["2023-06-02T20:00+05:30", "2023-06-02"], ["2023-06-02T20:00+05:30", "2023-06-02"], True),
        ("2023-06", "2023-06", True),
        ("2023-06", "2023-07", False),
    ],
)
def test_the_extraction_benchmark_compares_instants_and_ranges_of_them(
    a: Any, b: Any, same: bool
) -> None:
    bench = _import_extraction()
    assert bench._same_date(a, b) is same
    assert bench._same_date(b, a) is same


def test_a_range_of_clock_times_counts_as_a_clock_time() -> None:
    bench = _import_extraction()
    assert bench._instants(["2023-06-02T20:00+05:30", "2023-06-02T21:00+05:30"]) is not None
    assert bench._instants(["2023-06-02T20:00", "2023-06-02T21:00+05:30"]) is None
    assert bench._instants("2023-06-02") is None
    assert bench._instants(("2023-06-02T20:00+05:30", "2023-06-02T21:00+05:30")) is not None
