"""Shared fixtures: small corpora written to a temporary directory."""

from __future__ import annotations

import re
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import factcheck
from factcheck.store import Store

# The suite runs on shared, loaded machines: a Hypothesis deadline (or its "too slow"
# health check) is a wall-clock assertion, which would fail a correct rule on a busy CPU.
# Speed is measured in benchmarks/, never asserted here.
settings.register_profile("factcheck", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("factcheck")

SHA = "0" * 64

ENTITIES = """\
entities:
  - id: cecot
    name: Terrorism Confinement Center
    kind: prison
    aliases:
      - CECOT
      - {name: Centro de Confiramiento del Terrorismo, error: misspelling}
  - id: el-salvador
    name: El Salvador
    kind: country
"""

PROPERTIES = """\
properties:
  - {id: capacity, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: inmates, type: quantity, unit: people, tolerance: 0.1, minimum: 0}
  - {id: opened, type: date}
  - {id: name, type: text}
"""


#: Two claims about CECOT that agree with each other (a fact file's ``claims:`` block).
CLAIMS = """\
- id: cap
  subject: CECOT
  property: capacity
  value: 40,000
  quote: space for 40,000 inmates
- id: open
  subject: cecot
  property: opened
  value: 2023-01
  quote: opened in January 2023
"""

#: A rules file with one rule: sources agree on capacity (error severity).
CAPACITY_RULE = """\
rules:
  - id: capacity-agrees
    kind: agree
    select: {property: capacity}
    description: sources agree on capacity
"""


#: A rules-file item: sources agree on the opening date (warning severity).
OPENED_RULE = """\
  - id: opened-agrees
    kind: agree
    severity: warning
    select: {property: opened}
    description: sources agree on the opening date
"""


def source_yaml(source_id: str, claims: str, *, published: str = "2025-02-04") -> str:
    """A source file with the given claims block (YAML list items, any indentation)."""
    body = textwrap.indent(textwrap.dedent(claims).strip("\n"), "  ")
    return (
        f"source:\n  id: {source_id}\n  title: Source {source_id.upper()}\n"
        f"  published: {published}\n"
        f"  snapshot: {{file: {source_id}.txt, sha256: '{SHA}'}}\n"
        f"claims:\n{body}\n"
    )


MakeCorpus = Callable[..., Path]


#: The rules of the two-source corpus below: capacity (error), opening (warning) and one
#: rule no claim is selected by (the pytest door's items and report/cases' cases).
TWO_SOURCE_RULES = (
    CAPACITY_RULE
    + OPENED_RULE
    + """\
  - id: inmates-agree
    kind: agree
    select: {property: inmates}
    description: sources agree on the inmate count
"""
)
#: Source a: capacity 40,000 (line 7) and opened February 2023.
SOURCE_A = source_yaml(
    "a",
    """
    - {id: cap, subject: cecot, property: capacity, value: 40000, quote: "holds 40,000"}
    - {id: opened, subject: cecot, property: opened, value: 2023-02, quote: "opened 2023"}
    """,
)
#: Source b: capacity 20,000 (line 7) and opened 2022.
SOURCE_B = source_yaml(
    "b",
    """
    - {id: cap, subject: cecot, property: capacity, value: 20000, quote: "holds 20,000"}
    - {id: opened, subject: cecot, property: opened, value: 2022, quote: "opened 2022"}
    """,
)


@pytest.fixture(autouse=True)
def _own_store_key(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """The store's key lives in the test run's own directory, never in ~/.cache.

    So that a test behaves the same on a fresh CI machine and here (child processes
    inherit the variable).
    """
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    yield


@pytest.fixture
def make_corpus(tmp_path: Path) -> MakeCorpus:
    """Write a corpus: ``make_corpus({"sources/a.yaml": "...", ...})`` -> its root.

    ``entities.yaml`` and ``properties.yaml`` are the small defaults above unless given.
    """

    def make(files: dict[str, str], *, defaults: bool = True) -> Path:
        root = tmp_path / "facts"
        root.mkdir(exist_ok=True)
        all_files = {"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES} if defaults else {}
        all_files.update(files)
        for name, text in all_files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


#: A capacity and a head count beyond it under one bound rule (one conflict): the store's
#: tests' corpus.
BOUND_CLAIMS = """\
  - id: cap
    subject: cecot
    property: capacity
    value: 40000
    quote: designed for 40,000 prisoners
  - id: held
    subject: cecot
    property: inmates
    hedge: more-than
    value: 40000
    as_of: 2024-08
    quote: holds more than 40,000 inmates
"""

BOUND_RULES = """\
rules:
  - {id: within-capacity, kind: bound, select: {property: inmates},
     params: {max: capacity}, description: inmates do not exceed capacity}
"""


def bound_corpus(make_corpus: MakeCorpus) -> Path:
    """A corpus of one source stating :data:`BOUND_CLAIMS` under :data:`BOUND_RULES`."""
    return make_corpus(
        {"rules.yaml": BOUND_RULES, "sources/a.yaml": source_yaml("a", BOUND_CLAIMS)}
    )


def open_store(path: Path) -> Store:
    """The store in ``path`` (tests expect one they can use)."""
    store = Store.open(path)
    assert store is not None
    return store


#: How much of a corpus its store holds when a hook runs: every file, some (the others
#: changed since they were stored), or none (the first check after a clone).
FILLS = ("every", "some", "none")


def fill_store(root: Path, fill: str) -> None:
    """Leave in ``root``'s store (``CACHE_DIR``) the rows of ``fill`` of its files."""
    import shutil
    import sqlite3

    from factcheck.store import CACHE_DIR

    shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
    if fill == "none":
        return
    with open_store(root / CACHE_DIR) as store:
        factcheck.load(root, store=store)
    if fill == "some":
        db = sqlite3.connect(root / CACHE_DIR / "store.sqlite", isolation_level=None)
        db.execute("DELETE FROM files WHERE rowid % 2 = 0")
        db.close()


@pytest.fixture
def conflicting(make_corpus: MakeCorpus) -> Path:
    """Three sources on CECOT's inmates and opening, two pairs of which contradict (the
    HTML report's tests: one quote is markup that must come out escaped)."""
    from .html_pages import NASTY, RULES

    return make_corpus(
        {
            "rules.yaml": RULES,
            "sources/a.yaml": source_yaml(
                "a",
                f"""
                - {{id: inmates, subject: cecot, property: inmates, value: 12000,
                    as_of: 2024-08, quote: '{NASTY.replace("'", "''")}'}}
                - {{id: opened, subject: cecot, property: opened, value: 2023-01,
                    quote: opened in January 2023}}
                - {{id: capacity, subject: cecot, property: capacity, value: 40000,
                    quote: 'space for 40,000'}}
                """,
            ),
            "sources/b.yaml": source_yaml(
                "b",
                """
                - {id: inmates, subject: cecot, property: inmates, value: 20000,
                   hedge: more-than, as_of: 2024-08, quote: more than 20 thousand}
                - {id: opened, subject: cecot, property: opened, value: 2023-02,
                   quote: inaugurated in February 2023}
                """,
                published="2025-03-16",
            ),
            "sources/c.yaml": source_yaml(
                "c",
                """
                - {id: inmates, subject: cecot, property: inmates, value: 15000,
                   hedge: almost, as_of: 2025-01, quote: almost 15 thousand}
                """,
            ),
        }
    )


def chosen_subject(claim: dict[str, Any]) -> str:
    """The subject a draft's subject rule chose: its subject, or the candidate its note says
    was not taken (factcheck.extract.abstain), for tests of which entity a rule picks."""
    taken = re.search(r"not taken: ([a-z0-9-]+) \(", claim["note"])
    return taken[1] if claim["subject"] == "unidentified" and taken else str(claim["subject"])


def vocabulary(entities: str, properties: str) -> factcheck.Corpus:
    """A corpus of definitions only, for Hypothesis tests (which cannot take the
    function-scoped ``make_corpus``): the two files written to a fresh directory, loaded."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "entities.yaml").write_text(entities)
        (Path(tmp) / "properties.yaml").write_text(properties)
        return factcheck.load(tmp)
