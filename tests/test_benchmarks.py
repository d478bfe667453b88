"""The benchmark generator's corpora audit to exactly the conflicts it planted."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import factcheck

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("claims", "seed", "share"), [(600, 1, 0.9), (900, 7, 0.5)])
def test_finds_exactly_the_planted_conflicts(
    generate: ModuleType, tmp_path: Path, claims: int, seed: int, share: float
) -> None:
    manifest = generate.generate(tmp_path, claims, seed, share)
    assert manifest == json.loads((tmp_path / "expected.json").read_text())
    assert {r.split("-")[0] for r, _ in manifest["conflicts"]} == set(manifest["kinds"])
    corpus = factcheck.load(tmp_path / "facts")
    result = factcheck.audit(corpus)
    assert result.errors == ()
    assert len(corpus.facts) == manifest["claims"]
    found = sorted([c.rule, sorted(c.refs)] for c in result.conflicts)
    assert found == manifest["conflicts"]


def test_generation_is_deterministic(generate: ModuleType, tmp_path: Path) -> None:
    a = generate.generate(tmp_path / "a", 500, 3)
    b = generate.generate(tmp_path / "b", 500, 3)
    assert a == b
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert files and all(
        (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files
    )
