"""Consistency tests for the fact base (facts/).

Uses only PyYAML's safe_load and hashlib, so it runs before the factcheck package
is complete. Checks:
  * every article source's snapshot sha256 matches the file in ../shared/seeds;
  * every quote is verbatim in its snapshot after folding whitespace runs to one
    space (nothing else is normalised: curly quotes must match as written);
  * claim ids are unique within each file;
  * every claim's subject is an entity and its property a defined property.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts"
SEEDS = ROOT / ".." / "shared" / "seeds"


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _source_files() -> list[Path]:
    return sorted((FACTS / "sources").glob("*.yaml")) + sorted((FACTS / "reference").glob("*.yaml"))


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


SOURCE_FILES = _source_files()
ARTICLE_FILES = [p for p in SOURCE_FILES if _load(p)["source"].get("kind") == "article"]


def _require_seeds() -> None:
    if not SEEDS.is_dir():
        why = f"seed directory {SEEDS.resolve()} is missing (expected ../shared/seeds)"
        # CI always has the snapshots beside the clone: there a missing directory is a failure.
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


def test_there_are_sources() -> None:
    assert len(list((FACTS / "sources").glob("*.yaml"))) >= 5


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_snapshot_sha256(path: Path) -> None:
    _require_seeds()
    snap = _load(path)["source"]["snapshot"]
    seed = SEEDS / snap["file"]
    assert seed.is_file(), f"{path.name}: snapshot file {snap['file']} not found in the seeds"
    digest = hashlib.sha256(seed.read_bytes()).hexdigest()
    assert digest == snap["sha256"], f"{path.name}: sha256 mismatch for {snap['file']}"


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_quotes_verbatim(path: Path) -> None:
    _require_seeds()
    doc = _load(path)
    seed = SEEDS / doc["source"]["snapshot"]["file"]
    text = _fold(seed.read_text(encoding="utf-8"))
    missing = []
    for claim in doc["claims"]:
        quote = claim.get("quote")
        if not quote:
            missing.append(f"{claim['id']}: no quote")
        elif _fold(quote) not in text:
            missing.append(f"{claim['id']}: {quote!r}")
    assert not missing, f"{path.name}: quotes not found verbatim:\n" + "\n".join(missing)


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: p.stem)
def test_claim_ids_unique(path: Path) -> None:
    ids = [c["id"] for c in _load(path)["claims"]]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    assert not dups, f"{path.name}: duplicate claim ids {dups}"


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: p.stem)
def test_subjects_and_properties_exist(path: Path) -> None:
    entities = {e["id"] for e in _load(FACTS / "entities.yaml")["entities"]}
    properties = {p["id"] for p in _load(FACTS / "properties.yaml")["properties"]}
    bad = []
    for claim in _load(path)["claims"]:
        if claim["subject"] not in entities:
            bad.append(f"{claim['id']}: unknown subject {claim['subject']!r}")
        if claim["property"] not in properties:
            bad.append(f"{claim['id']}: unknown property {claim['property']!r}")
    assert not bad, f"{path.name}:\n" + "\n".join(bad)


def test_entity_and_property_ids_unique() -> None:
    for name, key in (("entities.yaml", "entities"), ("properties.yaml", "properties")):
        ids = [x["id"] for x in _load(FACTS / name)[key]]
        dups = sorted({i for i in ids if ids.count(i) > 1})
        assert not dups, f"{name}: duplicate ids {dups}"


def test_source_ids_unique_and_match_file_names() -> None:
    seen: dict[str, str] = {}
    for path in SOURCE_FILES:
        sid = _load(path)["source"]["id"]
        assert sid == path.stem, f"{path.name}: source id {sid!r} differs from the file name"
        assert sid not in seen, f"source id {sid!r} in {path.name} and {seen[sid]}"
        seen[sid] = path.name


def test_factcheck_loader_if_available() -> None:
    factcheck = pytest.importorskip("factcheck")
    if not hasattr(factcheck, "load"):
        pytest.skip("factcheck.load not available yet")
    corpus = factcheck.load(str(FACTS))
    errors = list(getattr(corpus, "errors", []))
    assert not errors, "\n".join(str(e) for e in errors)


def test_aliases_are_lists_and_occur_in_the_seeds() -> None:
    """Aliases are names as written in the seeds (case-insensitive, whitespace folded)."""
    entities = _load(FACTS / "entities.yaml")["entities"]
    for e in entities:
        assert isinstance(e.get("aliases", []), list), f"entity {e['id']}: aliases must be a list"
    _require_seeds()
    corpus = " ".join(
        _fold(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))
    ).casefold()
    absent = []
    for e in entities:
        for alias in e.get("aliases", []):
            name = alias if isinstance(alias, str) else alias["name"]
            if _fold(name).casefold() not in corpus:
                absent.append(f"{e['id']}: {name!r}")
    assert not absent, "aliases not found in any seed:\n" + "\n".join(absent)
