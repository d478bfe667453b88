"""Every check kind: a table of positive and negative cases on small synthetic corpora,
plus hypothesis properties (a corpus that agrees with itself has no conflicts; perturbing
one value beyond tolerance yields exactly one conflict; claim and rule order do not matter).
"""

from __future__ import annotations

import heapq
import importlib
import json
import math
import random
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.domain.values import DateSpan, Order, PartialDate, compare_dates, date_span
from factcheck.report import reporters as report
from factcheck.rules import _shared
from factcheck.rules.checks import KINDS, PARAMS, Params
from factcheck.rules.kinds import agree, derived, naming, order

from .conftest import SHA, MakeCorpus

ENTITIES = """\
entities:
  - id: cecot
    name: Terrorism Confinement Center
    kind: prison
    aliases:
      - CECOT
      - {name: Centro de Confiramiento del Terrorismo, error: misspelling}
      - {name: Megathorm, error: mistranslation}
      - {name: CECOT Megathorm, error: mistranslation}
  - {id: rikers, name: Rikers Island, kind: prison}
  - {id: el-salvador, name: El Salvador, kind: country}
  - {id: rubio, name: Marco Rubio, kind: person}
  - {id: senator, name: United States Senator, kind: office, aliases: [U.S. Senator]}
  - {id: secstate, name: United States Secretary of State, kind: office,
     aliases: [US Secretary of State]}
  - {id: e1, name: Event one, kind: event}
  - {id: e2, name: Event two, kind: event}
  - {id: e3, name: Event three, kind: event}
  - {id: e4, name: Event four, kind: event}
"""

PROPERTIES = """\
properties:
  - {id: capacity, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: inmates, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: transferred, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: investigated, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: buildings, type: quantity, unit: buildings, tolerance: 0}
  - {id: cells, type: quantity, unit: cells, tolerance: 0}
  - {id: per-cell, type: quantity, unit: inmates, tolerance: 0.1}
  - {id: prisoners, type: quantity, unit: people, tolerance: 0.05}
  - {id: population, type: quantity, unit: people, tolerance: 0.05}
  - {id: rate, type: quantity, unit: per 100k, tolerance: 0.05}
  - {id: arrests, type: quantity, unit: people, tolerance: 0.1, cumulative: true}
  - {id: homicide-rate, type: quantity, unit: per 100k, tolerance: 0.1}
  - {id: decrease, type: quantity, unit: percent, tolerance: 0.05}
  - {id: opened, type: date}
  - {id: date, type: date}
  - {id: precedes, type: order}
  - {id: title, type: text}
  - {id: status, type: status, values: [proposed, signed]}
  - {id: stage, type: status, values: [nominated, designated, listed], cumulative: true}
  - {id: announced, type: boolean}
  - {id: height, type: quantity, unit: m, tolerance: 0, precision: written}
  - {id: summit, type: quantity, unit: m, tolerance: 0, invariant: true}
  - {id: speed, type: quantity, unit: km/h, tolerance: 0.05}
"""

Sources = dict[str, list[str]]


def _source(sid: str, claims: list[str], published: str = "2025-02-04") -> str:
    """A source file; ids starting with ``ref`` are reference sources."""
    ref = sid.startswith("ref")
    head = f"source:\n  id: {sid}\n  kind: {'reference' if ref else 'article'}\n"
    head += f"  title: Source {sid}\n  published: {published}\n"
    head += "  basis: b\n" if ref else f"  snapshot: {{file: {sid}.txt, sha256: '{SHA}'}}\n"
    cite = "basis: b" if ref else "quote: q"
    items = [
        f"  - {{{c}}}" if re.search(r"\b(quote|basis):", c) else f"  - {{{c}, {cite}}}"
        for c in claims
    ]
    return head + "claims:\n" + "\n".join(items) + "\n"


def _files(rule: str, sources: Sources) -> dict[str, str]:
    files = {
        "entities.yaml": ENTITIES,
        "properties.yaml": PROPERTIES,
        "rules.yaml": f"rules:\n  - {{id: r, {rule}, description: d}}\n",
    }
    for sid, claims in sources.items():
        files[f"sources/{sid}.yaml"] = _source(sid, claims)
    return files


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _audit(root: Path) -> factcheck.AuditResult:
    result = factcheck.audit(factcheck.load(root))
    assert result.errors == (), result.errors
    return result


def _found(result: factcheck.AuditResult) -> set[frozenset[str]]:
    return {c.refs for c in result.conflicts}


def _audit_files(files: dict[str, str]) -> factcheck.AuditResult:
    with tempfile.TemporaryDirectory() as tmp:
        return _audit(_write(Path(tmp), files))


def S(*refs: str) -> frozenset[str]:
    return frozenset(refs)


CAP = "subject: cecot, property: capacity"
INM = "subject: cecot, property: inmates"
ES = "subject: el-salvador"
TITLE = "subject: rubio, property: title"
SENATOR = f"id: s, {TITLE}, value: U.S. Senator, period: {{start: 2011-01-03, end: 2025-01-20}}"
SECSTATE = f"id: t, {TITLE}, value: US Secretary of State, period: {{start: 2025-01-21}}"
RATIO = (
    "kind: derived, select: {property: rate}, params: {relation: ratio, numerator: prisoners,"
    " denominator: population, scale: 100000, result: rate, tolerance: 0.02}"
)
PRODUCT = (
    "kind: derived, select: {property: capacity}, params: {relation: product,"
    " factors: [buildings, cells, per-cell], result: capacity"
)
SUM = (
    "kind: derived, select: {property: inmates}, params: {relation: sum,"
    " parts: [transferred, investigated], total: inmates}"
)
PERIOD = "{start: 2015, end: 2024}"
DECREASE = "kind: change, select: {property: decrease}, params: {level: homicide-rate"
WRONG = "id: x, subject: cecot, property: capacity, value: 1, quote:"

# kind -> list of (case id, rule, sources, expected conflicts as sets of refs)
CASES: dict[str, list[tuple[str, str, Sources, set[frozenset[str]]]]] = {
    "agree": [
        (
            "same figure",
            "kind: agree, select: {property: capacity}",
            {"a": [f"id: x, {CAP}, value: 40000"], "b": [f"id: x, {CAP}, value: 40000"]},
            set(),
        ),
        (
            "an invariant figure is compared across dates",
            "kind: agree, select: {property: summit}",
            {
                "a": ["id: x, subject: e1, property: summit, value: 8848, as_of: 2019"],
                "b": ["id: x, subject: e1, property: summit, value: 8850, as_of: 2021"],
                "c": ["id: x, subject: e1, property: summit, value: 8848, as_of: 2024"],
            },
            {S("a/x", "b/x", "c/x")},
        ),
        (
            "about vs more-than overlap",
            "kind: agree, select: {property: capacity}",
            {
                "a": [f"id: x, {CAP}, value: 250, hedge: more-than"],
                "b": [f"id: x, {CAP}, value: 250, hedge: about"],
            },
            set(),
        ),
        (
            "different figures",
            "kind: agree, select: {property: capacity}",
            {"a": [f"id: x, {CAP}, value: 40000"], "b": [f"id: x, {CAP}, value: 20000"]},
            {S("a/x", "b/x")},
        ),
        (
            "one outlier among three is one conflict",
            "kind: agree, select: {property: capacity}",
            {
                "a": [f"id: x, {CAP}, value: 40000"],
                "b": [f"id: x, {CAP}, value: 40000"],
                "c": [f"id: x, {CAP}, value: 10000"],
            },
            {S("a/x", "b/x", "c/x")},
        ),
        (
            "different subjects",
            "kind: agree, select: {property: capacity}",
            {
                "a": [f"id: x, {CAP}, value: 40000"],
                "b": ["id: x, subject: rikers, property: capacity, value: 14000"],
            },
            set(),
        ),
        (
            "different times",
            "kind: agree, select: {property: inmates}",
            {
                "a": [f"id: x, {INM}, value: 100, as_of: 2023"],
                "b": [f"id: x, {INM}, value: 900, as_of: 2024"],
            },
            set(),
        ),
        (
            "month vs month",
            "kind: agree, select: {property: opened}",
            {
                "a": ["id: x, subject: cecot, property: opened, value: 2023-01"],
                "b": ["id: x, subject: cecot, property: opened, value: 2023-02"],
            },
            {S("a/x", "b/x")},
        ),
        (
            "month vs day inside it",
            "kind: agree, select: {property: opened}",
            {
                "a": ["id: x, subject: cecot, property: opened, value: 2023-01"],
                "b": ["id: x, subject: cecot, property: opened, value: 2023-01-31"],
            },
            set(),
        ),
        (
            "text through aliases",
            "kind: agree, select: {property: title}",
            {
                "a": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2020"],
                "b": [f"id: x, {TITLE}, value: senator, as_of: 2020"],
            },
            set(),
        ),
        (
            "booleans",
            "kind: agree, select: {property: announced}",
            {
                "a": ["id: x, subject: cecot, property: announced, value: true, as_of: 2025"],
                "b": ["id: x, subject: cecot, property: announced, value: false, as_of: 2025"],
            },
            {S("a/x", "b/x")},
        ),
        (
            "status on the same day",
            "kind: agree, select: {property: status}, params: {min_precision: day}",
            {
                "a": ["id: x, subject: cecot, property: status, value: signed, as_of: 2025-02-04"],
                "b": [
                    "id: x, subject: cecot, property: status, value: proposed, as_of: 2025-02-04"
                ],
            },
            {S("a/x", "b/x")},
        ),
        (
            "status dated only to the year is not compared",
            "kind: agree, select: {property: status}, params: {min_precision: day}",
            {
                "a": ["id: x, subject: cecot, property: status, value: signed, as_of: 2025"],
                "b": [
                    "id: x, subject: cecot, property: status, value: proposed, as_of: 2025-02-04"
                ],
            },
            set(),
        ),
    ],
    "bound": [
        (
            "below capacity",
            "kind: bound, select: {property: inmates}, params: {max: capacity}",
            {"a": [f"id: x, {CAP}, value: 40000", f"id: y, {INM}, value: 14500, as_of: 2024"]},
            set(),
        ),
        (
            "at capacity",
            "kind: bound, select: {property: inmates}, params: {max: capacity}",
            {"a": [f"id: x, {CAP}, value: 40000", f"id: y, {INM}, value: 40000, as_of: 2024"]},
            set(),
        ),
        (
            "over capacity",
            "kind: bound, select: {property: inmates}, params: {max: capacity}",
            {
                "a": [f"id: x, {CAP}, value: 40000"],
                "b": [f"id: y, {INM}, value: 40000, hedge: more-than, as_of: 2025"],
            },
            {S("a/x", "b/y")},
        ),
        (
            "about 42,000 may be 40,000",
            "kind: bound, select: {property: inmates}, params: {max: capacity}",
            {"a": [f"id: x, {CAP}, value: 40000", f"id: y, {INM}, value: 42000, hedge: about"]},
            set(),
        ),
        (
            "other facility's capacity",
            "kind: bound, select: {property: inmates}, params: {max: capacity}",
            {
                "a": [
                    "id: x, subject: rikers, property: capacity, value: 14000",
                    f"id: y, {INM}, value: 20000",
                ]
            },
            set(),
        ),
    ],
    "lifetime": [
        (
            "after opening",
            "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}",
            {
                "a": [
                    "id: o, subject: cecot, property: opened, value: 2023-01",
                    f"id: y, {INM}, value: 100, as_of: 2024",
                ]
            },
            set(),
        ),
        (
            "before opening",
            "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}",
            {
                "a": ["id: o, subject: cecot, property: opened, value: 2023-01"],
                "b": [f"id: y, {INM}, value: 100, as_of: 2022"],
            },
            {S("a/o", "b/y")},
        ),
        (
            "same month as opening",
            "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}",
            {
                "a": [
                    "id: o, subject: cecot, property: opened, value: 2023-01-31",
                    f"id: y, {INM}, value: 100, as_of: 2023-01",
                ]
            },
            set(),
        ),
        (
            "before one opening date but not the other",
            "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}",
            {
                "a": ["id: o, subject: cecot, property: opened, value: 2023-01"],
                "b": ["id: o, subject: cecot, property: opened, value: 2023-02"],
                "c": [f"id: y, {INM}, value: 100, as_of: 2023-01-15"],
            },
            set(),
        ),
        (
            "undated claim",
            "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}",
            {
                "a": [
                    "id: o, subject: cecot, property: opened, value: 2023-01",
                    f"id: y, {CAP}, value: 1",
                ]
            },
            set(),
        ),
    ],
    "trend": [
        (
            "slow growth",
            "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}",
            {
                "a": [f"id: x, {INM}, value: 14500, as_of: 2024-08"],
                "b": [f"id: y, {INM}, value: 20000, as_of: 2025-02-04"],
            },
            set(),
        ),
        (
            "almost tripled in six months",
            "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}",
            {
                "a": [f"id: x, {INM}, value: 14500, as_of: 2024-08"],
                "b": [f"id: y, {INM}, value: 40000, hedge: more-than, as_of: 2025-02-04"],
            },
            {S("a/x", "b/y")},
        ),
        (
            "tripled over three years",
            "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}",
            {
                "a": [f"id: x, {INM}, value: 14500, as_of: 2022"],
                "b": [f"id: y, {INM}, value: 43500, as_of: 2025"],
            },
            set(),
        ),
        (
            "centuries apart: no overflow, any change allowed",
            "kind: trend, select: {property: inmates}, params: {max_factor: 10, per_days: 1}",
            {
                "a": [f"id: x, {INM}, value: 1, as_of: 1000"],
                "b": [f"id: y, {INM}, value: 90000, as_of: 2025"],
            },
            set(),
        ),
        (
            "collapse in a month",
            "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}",
            {
                "a": [f"id: x, {INM}, value: 30000, as_of: 2024-01"],
                "b": [f"id: y, {INM}, value: 3000, as_of: 2024-02"],
            },
            {S("a/x", "b/y")},
        ),
        (
            "running total falls",
            "kind: trend, select: {property: arrests}",
            {
                "a": [f"id: x, {ES}, property: arrests, value: 80000, as_of: 2024"],
                "b": [f"id: y, {ES}, property: arrests, value: 60000, as_of: 2025"],
            },
            {S("a/x", "b/y")},
        ),
        (
            "running total grows",
            "kind: trend, select: {property: arrests}",
            {
                "a": [f"id: x, {ES}, property: arrests, value: 60000, hedge: over, as_of: 2023-03"],
                "b": [f"id: y, {ES}, property: arrests, value: 80000, hedge: almost, as_of: 2025"],
            },
            set(),
        ),
        (
            "ordinary count may fall",
            "kind: trend, select: {property: inmates}",
            {
                "a": [
                    f"id: x, {INM}, value: 900, as_of: 2024",
                    f"id: y, {INM}, value: 100, as_of: 2025",
                ]
            },
            set(),
        ),
    ],
    "derived": [
        (
            "ratio holds",
            RATIO,
            {
                "a": [
                    f"id: p, {ES}, property: prisoners, value: 109.5 thousand, as_of: 2024-08",
                    f"id: n, {ES}, property: population, value: 6.6 million, as_of: 2024",
                    f"id: r, {ES}, property: rate, value: 1659, as_of: 2024-08",
                ]
            },
            set(),
        ),
        (
            "ratio of",
            RATIO,
            {
                "a": [
                    f"id: p, {ES}, property: prisoners, value: 109.5 thousand",
                    f"id: n, {ES}, property: population, value: 6.6 million",
                ],
                "b": [f"id: r, {ES}, property: rate, value: 2000"],
            },
            {S("a/p", "a/n", "b/r")},
        ),
        (
            "product with an open factor cannot decide (info)",
            PRODUCT + "}",
            {
                "a": [
                    "id: b, subject: cecot, property: buildings, value: 8",
                    "id: c, subject: cecot, property: cells, value: 32",
                    "id: p, subject: cecot, property: per-cell, value: 100, hedge: more-than",
                    f"id: x, {CAP}, value: 40000",
                ]
            },
            {S("a/b", "a/c", "a/p", "a/x")},
        ),
        (
            "an open factor that another source bounds decides",
            PRODUCT + "}",
            {
                "a": [
                    "id: b, subject: cecot, property: buildings, value: 8",
                    "id: c, subject: cecot, property: cells, value: 32",
                    "id: p, subject: cecot, property: per-cell, value: 100, hedge: more-than",
                ],
                "b": [
                    "id: b, subject: cecot, property: buildings, value: 8",
                    "id: c, subject: cecot, property: cells, value: 32",
                    "id: p, subject: cecot, property: per-cell, value: 156",
                ],
                "c": [f"id: x, {CAP}, value: 40000, hedge: about"],
            },
            set(),
        ),
        (
            "product too small",
            PRODUCT + "}",
            {
                "a": [
                    "id: b, subject: cecot, property: buildings, value: 8",
                    "id: c, subject: cecot, property: cells, value: 32",
                    "id: p, subject: cecot, property: per-cell, value: 100",
                    f"id: x, {CAP}, value: 40000",
                ]
            },
            {S("a/b", "a/c", "a/p", "a/x")},
        ),
        (
            "product at most",
            PRODUCT + ", compare: at-most}",
            {
                "a": [
                    "id: b, subject: cecot, property: buildings, value: 8",
                    "id: c, subject: cecot, property: cells, value: 32",
                    "id: p, subject: cecot, property: per-cell, value: 100",
                    f"id: x, {CAP}, value: 40000",
                ]
            },
            set(),
        ),
        (
            "parts sum to total",
            SUM,
            {
                "a": [
                    "id: t, subject: cecot, property: transferred, value: 14000, as_of: 2024-08",
                    "id: i, subject: cecot, property: investigated, value: 500, hedge: about,"
                    " as_of: 2024-08",
                    f"id: x, {INM}, value: '14,5 thousand', as_of: 2024-08",
                ]
            },
            set(),
        ),
        (
            "a source's own parts are used, not another source's hedged part",
            SUM,
            {
                "a": [
                    "id: t, subject: cecot, property: transferred, value: 238",
                    "id: i, subject: cecot, property: investigated, value: 23",
                    f"id: x, {INM}, value: 261",
                ],
                "b": ["id: t, subject: cecot, property: transferred, value: 250, hedge: over"],
            },
            set(),
        ),
        (
            "a result without inputs of its own is checked against a source that has them all",
            SUM,
            {
                "a": [
                    "id: t, subject: cecot, property: transferred, value: 100",
                    "id: i, subject: cecot, property: investigated, value: 20",
                ],
                "b": ["id: t, subject: cecot, property: transferred, value: 5000"],
                "c": [f"id: x, {INM}, value: 120"],
            },
            set(),
        ),
        (
            "sources combined only when none has every input; one fitting combination is enough",
            SUM,
            {
                "a": ["id: t, subject: cecot, property: transferred, value: 100"],
                "b": ["id: t, subject: cecot, property: transferred, value: 5000"],
                "c": ["id: i, subject: cecot, property: investigated, value: 20"],
                "d": [f"id: x, {INM}, value: 120"],
            },
            set(),
        ),
        (
            "one disagreement with a relation is one finding, citing every result it misses",
            PRODUCT + "}",
            {
                "a": [
                    "id: b, subject: cecot, property: buildings, value: 8",
                    "id: c, subject: cecot, property: cells, value: 32",
                    "id: p, subject: cecot, property: per-cell, value: 80, hedge: about",
                    f"id: x, {CAP}, value: 40000",
                ],
                "b": [f"id: x, {CAP}, value: 40000"],
                "c": [f"id: x, {CAP}, value: 40000, hedge: about"],
            },
            {S("a/b", "a/c", "a/p", "a/x", "b/x", "c/x")},
        ),
        (
            "parts exceed total",
            SUM,
            {
                "a": [
                    "id: t, subject: cecot, property: transferred, value: 14000, as_of: 2024-08",
                    "id: i, subject: cecot, property: investigated, value: 5000, as_of: 2024-08",
                    f"id: x, {INM}, value: '14,5 thousand', as_of: 2024-08",
                ]
            },
            {S("a/t", "a/i", "a/x")},
        ),
        (
            "parts of another time",
            SUM,
            {
                "a": [
                    "id: t, subject: cecot, property: transferred, value: 14 thousand, as_of: 2023",
                    "id: i, subject: cecot, property: investigated, value: 5000, as_of: 2023",
                    f"id: x, {INM}, value: '14,5 thousand', as_of: 2024-08",
                ]
            },
            set(),
        ),
    ],
    "change": [
        (
            "fall matches levels",
            DECREASE + "}",
            {
                "a": [
                    f"id: s, {ES}, property: homicide-rate, value: 103, as_of: 2015",
                    f"id: e, {ES}, property: homicide-rate, value: 2.4, as_of: 2024",
                    f"id: d, {ES}, property: decrease, value: 97.7, hedge: about, tolerance: 0.01,"
                    f" period: {PERIOD}",
                ]
            },
            set(),
        ),
        (
            "fall of another period",
            DECREASE + "}",
            {
                "a": [
                    f"id: s, {ES}, property: homicide-rate, value: 103, as_of: 2015",
                    f"id: e, {ES}, property: homicide-rate, value: 2.4, as_of: 2024",
                ],
                "b": [
                    f"id: d, {ES}, property: decrease, value: 57, hedge: almost,"
                    " period: {start: 2022, end: 2022}"
                ],
            },
            set(),
        ),
        (
            "fall contradicts levels",
            DECREASE + "}",
            {
                "a": [
                    f"id: s, {ES}, property: homicide-rate, value: 103, as_of: 2015",
                    f"id: e, {ES}, property: homicide-rate, value: 2.4, as_of: 2024",
                ],
                "b": [f"id: d, {ES}, property: decrease, value: 57, period: {PERIOD}"],
            },
            {S("a/s", "a/e", "b/d")},
        ),
        (
            "no period: for review",
            DECREASE + "}",
            {"b": [f"id: d, {ES}, property: decrease, value: 57"]},
            {S("b/d")},
        ),
        (
            "increase",
            DECREASE + ", direction: increase}",
            {
                "a": [
                    f"id: s, {ES}, property: homicide-rate, value: 10, as_of: 2020",
                    f"id: e, {ES}, property: homicide-rate, value: 15, as_of: 2021",
                    f"id: d, {ES}, property: decrease, value: 50,"
                    " period: {start: 2020, end: 2021}",
                ]
            },
            set(),
        ),
    ],
    "order": [
        (
            "consistent chain",
            "kind: order, select: {property: precedes}",
            {
                "a": [
                    "id: x, subject: e1, property: precedes, value: e2",
                    "id: y, subject: e2, property: precedes, value: e3",
                ],
                "b": ["id: x, subject: e1, property: precedes, value: e3"],
            },
            set(),
        ),
        (
            "two-cycle",
            "kind: order, select: {property: precedes}",
            {
                "a": ["id: x, subject: e1, property: precedes, value: e2"],
                "b": ["id: x, subject: e2, property: precedes, value: e1"],
            },
            {S("a/x", "b/x")},
        ),
        (
            "smallest of two cycles",
            "kind: order, select: {property: precedes}",
            {
                "a": [
                    "id: x, subject: e1, property: precedes, value: e2",
                    "id: y, subject: e2, property: precedes, value: e3",
                    "id: z, subject: e3, property: precedes, value: e1",
                ],
                "b": ["id: x, subject: e2, property: precedes, value: e1"],
            },
            {S("a/x", "b/x")},
        ),
        (
            "order against dates",
            "kind: order, select: {property: precedes}",
            {
                "a": [
                    "id: x, subject: e1, property: precedes, value: e2",
                    "id: d1, subject: e1, property: date, value: 2025-03-16",
                    "id: d2, subject: e2, property: date, value: 2025-03-15",
                ]
            },
            {S("a/x", "a/d1", "a/d2")},
        ),
        (
            "same day, either order",
            "kind: order, select: {property: precedes}",
            {
                "a": [
                    "id: x, subject: e1, property: precedes, value: e2",
                    "id: d1, subject: e1, property: date, value: 2025-03-15",
                    "id: d2, subject: e2, property: date, value: 2025-03-15",
                ]
            },
            set(),
        ),
    ],
    "reference": [
        (
            "title held at the date",
            "kind: reference, select: {property: title}",
            {
                "ref": [
                    SENATOR,
                    SECSTATE,
                ],
                "a": [f"id: x, {TITLE}, value: US Secretary of State, as_of: 2025-02-04"],
            },
            set(),
        ),
        (
            "title no longer held",
            "kind: reference, select: {property: title}",
            {
                "ref": [
                    SENATOR,
                    SECSTATE,
                ],
                "a": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2025-02-04"],
            },
            {S("a/x", "ref/s", "ref/t")},
        ),
        (
            "date straddling the change",
            "kind: reference, select: {property: title}",
            {
                "ref": [
                    SENATOR,
                    SECSTATE,
                ],
                "a": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2025-01"],
            },
            set(),
        ),
        (
            "nothing on record",
            "kind: reference, select: {property: title}",
            {
                "ref": [SECSTATE],
                "a": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2020"],
            },
            set(),
        ),
        (
            "undated reference date",
            "kind: reference, select: {property: opened}",
            {
                "ref": ["id: o, subject: cecot, property: opened, value: 2023-01-31"],
                "a": ["id: x, subject: cecot, property: opened, value: 2024"],
            },
            {S("a/x", "ref/o")},
        ),
    ],
    "naming": [
        (
            "misspelling in quote",
            "kind: naming, severity: info",
            {"a": [f"{WRONG} the Centro de Confiramiento del Terrorismo"]},
            {S("a/x")},
        ),
        (
            "canonical name",
            "kind: naming, severity: info",
            {"a": [f"{WRONG} the CECOT prison"]},
            set(),
        ),
        (
            "part of a word is not a name",
            "kind: naming, severity: info",
            {"a": [f"{WRONG} Megathormy things"]},
            set(),
        ),
        (
            "longest variant only",
            "kind: naming, severity: info",
            {"a": [f"{WRONG} the CECOT   Megathorm"]},
            {S("a/x")},
        ),
    ],
}

TABLE = [(kind, *case) for kind, cases in CASES.items() for case in cases]


@pytest.mark.parametrize(
    ("kind", "name", "rule", "sources", "expected"), TABLE, ids=[f"{t[0]}: {t[1]}" for t in TABLE]
)
def test_case_table(
    make_corpus: MakeCorpus,
    kind: str,
    name: str,
    rule: str,
    sources: Sources,
    expected: set[frozenset[str]],
) -> None:
    assert f"kind: {kind}" in rule
    result = _audit(make_corpus(_files(rule, sources), defaults=False))
    assert _found(result) == expected
    for conflict in result.conflicts:
        assert conflict.kind == kind and conflict.rule == "r"
        assert all(c.quote and c.title and c.file and c.line > 0 for c in conflict.citations)


def test_every_kind_has_cases_and_docs() -> None:
    assert set(CASES) == set(KINDS)
    docs = (Path(__file__).resolve().parents[1] / "docs" / "checks.md").read_text("utf-8")
    sections = set(re.findall(r"^## (\S+)\s*$", docs, re.MULTILINE))
    missing = set(KINDS) - sections
    assert not missing, f"docs/checks.md has no section for {sorted(missing)}"


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(
    ("kind", "name", "rule", "sources", "expected"),
    [t for t in TABLE if t[4]],
    ids=[f"{t[0]}: {t[1]}" for t in TABLE if t[4]],
)
def test_claim_and_rule_order_do_not_matter(
    make_corpus: MakeCorpus,
    seed: int,
    kind: str,
    name: str,
    rule: str,
    sources: Sources,
    expected: set[frozenset[str]],
) -> None:
    corpus = factcheck.load(make_corpus(_files(rule, sources), defaults=False))
    before = factcheck.audit(corpus)
    rng = random.Random(seed)
    rng.shuffle(corpus.facts)
    corpus.facts.reverse() if seed == 0 else None
    assert factcheck.audit(corpus) == before


def test_message_says_what_each_side_says(make_corpus: MakeCorpus) -> None:
    _, _, rule, sources, _ = next(t for t in TABLE if t[1] == "month vs month")
    (conflict,) = _audit(make_corpus(_files(rule, sources), defaults=False)).conflicts
    assert "a says 2023-01" in conflict.message and "b says 2023-02" in conflict.message


def test_params_models_reject_unknown_keys() -> None:
    for kind, model in PARAMS.items():
        assert issubclass(model, Params)
        with pytest.raises(ValueError):
            model.model_validate({"no-such-param": 1})
        assert kind in KINDS


# --- hypothesis: self-consistent corpora stay clean; one perturbation, one conflict ---

PROPS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(rule: str, clean: Sources, perturbed: Sources, culprit: str) -> None:
    assert _found(_audit_files(_files(rule, clean))) == set()
    found = _audit_files(_files(rule, perturbed))
    assert len(found.conflicts) == 1, [c.message for c in found.conflicts]
    assert culprit in found.conflicts[0].refs


_HEDGED = st.sampled_from(
    ["exact", "about", "at-least", "at-most", "more-than", "less-than", "between"]
)


def _hedged_claim(i: int, v: int, hedge: str, k: int) -> str:
    value = {
        "exact": f"{v}",
        "about": f"{v + v // 20}",
        "at-least": f"{v - k}",
        "at-most": f"{v + k}",
        "more-than": f"{v - k - 1}",
        "less-than": f"{v + k + 1}",
        "between": f"[{v - k}, {v + k}]",
    }[hedge]
    return f"id: c{i}, {CAP}, value: {value}, hedge: {hedge}"


@PROPS
@given(
    v=st.integers(1000, 10**6),
    hedges=st.lists(_HEDGED, min_size=2, max_size=5),
    k=st.integers(0, 500),
)
def test_agree_properties(v: int, hedges: list[str], k: int) -> None:
    rule = "kind: agree, select: {property: capacity}"
    clean = {f"s{i}": [_hedged_claim(i, v, h, k)] for i, h in enumerate(hedges)}
    perturbed = {f"s{i}": [f"id: c{i}, {CAP}, value: {v}"] for i in range(len(hedges))}
    perturbed["s0"] = [f"id: c0, {CAP}, value: {v * 2}"]
    _check(rule, clean, perturbed, "s0/c0")


@PROPS
@given(cap=st.integers(100, 10**6), shares=st.lists(st.floats(0, 1), min_size=1, max_size=5))
def test_bound_properties(cap: int, shares: list[float]) -> None:
    rule = "kind: bound, select: {property: inmates}, params: {max: capacity}"
    counts = [
        f"id: i{n}, {INM}, value: {int(cap * s)}, as_of: {2020 + n}" for n, s in enumerate(shares)
    ]
    clean = {"a": [f"id: c, {CAP}, value: {cap}"], "b": counts}
    perturbed = {
        "a": clean["a"],
        "b": [*counts[1:], f"id: i0, {INM}, value: {cap * 2 + 1}, as_of: 2020"],
    }
    _check(rule, clean, perturbed, "b/i0")


@PROPS
@given(
    start=st.integers(1000, 10**5),
    steps=st.lists(st.floats(0.95, 1.1), min_size=1, max_size=8),
    which=st.integers(0, 8),
)
def test_trend_properties(start: int, steps: list[float], which: int) -> None:
    rule = "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}"
    values = [float(start)]
    for s in steps:
        values.append(values[-1] * s)

    def claims(vals: list[float]) -> list[str]:
        return [
            f"id: m{n}, {INM}, value: {round(x)}, as_of: {2020 + n // 12}-{n % 12 + 1:02d}"
            for n, x in enumerate(vals)
        ]

    which %= len(values)
    bumped = [x * 10 if n == which else x for n, x in enumerate(values)]
    _check(rule, {"a": claims(values)}, {"a": claims(bumped)}, f"a/m{which}")


@PROPS
@given(a=st.integers(0, 10**6), b=st.integers(0, 10**6))
def test_derived_properties(a: int, b: int) -> None:
    rule = SUM
    parts = [
        f"id: t, subject: cecot, property: transferred, value: {a}",
        f"id: i, subject: cecot, property: investigated, value: {b}",
    ]
    clean = {"a": parts, "b": [f"id: x, {INM}, value: {a + b}"]}
    perturbed = {"a": parts, "b": [f"id: x, {INM}, value: {2 * (a + b) + 1}"]}
    _check(rule, clean, perturbed, "b/x")


@PROPS
@given(first=st.floats(1, 1000), fraction=st.floats(0.05, 0.8))
def test_change_properties(first: float, fraction: float) -> None:
    rule = DECREASE + "}"
    last = first * fraction
    levels = [
        f"id: s, {ES}, property: homicide-rate, value: {first!r}, as_of: 2015",
        f"id: e, {ES}, property: homicide-rate, value: {last!r}, as_of: 2024",
    ]
    fall = (first - last) / first * 100
    change = f"id: d, {ES}, property: decrease, hedge: about, tolerance: 0.01, period: {PERIOD}"
    _check(
        rule,
        {"a": levels, "b": [f"{change}, value: {fall!r}"]},
        {"a": levels, "b": [f"{change}, value: {fall / 2!r}"]},
        "b/d",
    )


@PROPS
@given(opened=st.integers(2000, 2020), later=st.lists(st.integers(0, 10), min_size=1, max_size=5))
def test_lifetime_properties(opened: int, later: list[int]) -> None:
    rule = "kind: lifetime, select: {entity_kind: prison}, params: {start: opened}"
    start = [f"id: o, subject: cecot, property: opened, value: {opened}-06"]
    counts = [f"id: i{n}, {INM}, value: 1, as_of: {opened + d}-07" for n, d in enumerate(later)]
    early = f"id: i0, {INM}, value: 1, as_of: {opened - 1}"
    _check(rule, {"a": start, "b": counts}, {"a": start, "b": [early, *counts[1:]]}, "b/i0")


@PROPS
@given(
    order=st.permutations(["e1", "e2", "e3", "e4"]),
    pairs=st.sets(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1),
)
def test_order_properties(order: list[str], pairs: set[tuple[int, int]]) -> None:
    rule = "kind: order, select: {property: precedes}"
    claims = [
        f"id: p{i}-{j}, subject: {order[i]}, property: precedes, value: {order[j]}"
        for i, j in sorted(pairs)
        if i < j
    ]
    claims.append(f"id: chain, subject: {order[0]}, property: precedes, value: {order[3]}")
    back = f"id: back, subject: {order[3]}, property: precedes, value: {order[0]}"
    _check(rule, {"a": claims}, {"a": claims, "b": [back]}, "b/back")


@PROPS
@given(days=st.lists(st.integers(1, 28), min_size=1, max_size=4))
def test_reference_properties(days: list[int]) -> None:
    rule = "kind: reference, select: {property: title}"
    ref = [
        SENATOR,
        SECSTATE,
    ]
    titles = [
        f"id: x{n}, {TITLE}, value: US Secretary of State, as_of: 2025-02-{d:02d}"
        for n, d in enumerate(days)
    ]
    wrong = f"id: x0, {TITLE}, value: US Secretary of State, as_of: 2024-02-{days[0]:02d}"
    _check(rule, {"ref": ref, "a": titles}, {"ref": ref, "a": [wrong, *titles[1:]]}, "a/x0")


@PROPS
@given(
    words=st.lists(
        st.sampled_from(["CECOT", "prison", "the", "Terrorism", "center", "El", "Salvador"]),
        min_size=1,
        max_size=8,
    )
)
def test_naming_properties(words: list[str]) -> None:
    rule = "kind: naming, severity: info"
    quote = " ".join(words)
    clean = {
        "a": [f"id: x, {CAP}, value: 1, quote: {quote}", f"id: y, {CAP}, value: 1, quote: {quote}"]
    }
    perturbed = {"a": [f"id: x, {CAP}, value: 1, quote: {quote} Megathorm", clean["a"][1]]}
    _check(rule, clean, perturbed, "a/x")


def _reference_cycle(
    graph: dict[str, list[tuple[str, int]]], start: str
) -> tuple[int, list[str]] | None:
    """Dijkstra from ``start`` over the whole graph, to the end: the order check's reference."""
    dist, prev = {start: 0}, {start: start}
    heap: list[tuple[int, str]] = [(0, start)]
    best: tuple[int, list[str]] | None = None
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist.get(u, math.inf):
            continue
        for v, w in graph.get(u, []):
            if v == start and (best is None or d + w < best[0]):
                path = [u]
                while path[-1] != start:
                    path.append(prev[path[-1]])
                best = (d + w, path[::-1])
            elif v != start and d + w < dist.get(v, math.inf):
                dist[v], prev[v] = d + w, u
                heapq.heappush(heap, (d + w, v))
    return best


def _naive_order_cycles(corpus: factcheck.Corpus) -> list[frozenset[str]]:
    """The order check written the obvious, quadratic way: every pair of events compared."""
    support: dict[tuple[str, str], list[tuple[factcheck.Fact, ...]]] = {}
    for f in corpus.facts:
        if f.prop.id == "precedes" and isinstance(f.value, str):
            support.setdefault((f.subject, f.value), []).append((f,))
    events = sorted({e for edge in support for e in edge})
    dates: dict[str, list[factcheck.Fact]] = {}
    for f in sorted(corpus.facts, key=lambda f: f.ref):
        if f.prop.id == "date":
            dates.setdefault(f.subject, []).append(f)
    for u in events:
        for v in events:
            for du in dates.get(u, []) if u != v else []:
                for dv in dates.get(v, []):
                    assert isinstance(du.value, DateSpan) and isinstance(dv.value, DateSpan)
                    if _shared.is_before(du.value, dv.value):
                        support.setdefault((u, v), []).append((du, dv))
    best = {e: min(s, key=lambda s: (len(s), [f.ref for f in s])) for e, s in support.items()}
    graph: dict[str, list[tuple[str, int]]] = {}
    for (u, v), s in sorted(best.items()):
        graph.setdefault(u, []).append((v, len(s)))
    cycles = [c for n in events if (c := _reference_cycle(graph, n))]
    seen: set[frozenset[tuple[str, str]]] = set()
    out = []
    for _, nodes in sorted(cycles, key=lambda c: (c[0], sorted(c[1]))):
        edges = list(zip(nodes, nodes[1:] + nodes[:1], strict=True))
        if any(set(edges) & s for s in seen):
            continue
        seen.add(frozenset(edges))
        out.append(frozenset(f.ref for e in edges for f in best[e]))
    return out


_EVENTS = ["e1", "e2", "e3", "e4"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    stated=st.lists(st.tuples(st.sampled_from(_EVENTS), st.sampled_from(_EVENTS)), max_size=6),
    dated=st.lists(
        st.tuples(
            st.sampled_from(_EVENTS),
            st.sampled_from(
                [
                    "2025",
                    "2025-03",
                    "2025-03-15",
                    "2025-03-16",
                    "2025-04",
                    "2024-12-31",
                    "2025-03-15T23:30-04:00",
                    "2025-03-16T01:00+00:00",
                ]
            ),
        ),
        max_size=6,
    ),
)
@example(stated=[("e2", "e1")], dated=[("e1", "2025-03-15"), ("e2", "2025-03-16")])
@example(stated=[("e2", "e1")], dated=[("e1", "2025-03-16T01:00+00:00"), ("e2", "2025-03-17")])
@example(stated=[("e2", "e1")], dated=[("e1", "2025-03-15T23:30-04:00"), ("e2", "2025-03-16")])
def test_order_finds_what_comparing_every_pair_finds(
    stated: list[tuple[str, str]], dated: list[tuple[str, str]]
) -> None:
    claims = [
        f"id: s{i}, subject: {u}, property: precedes, value: {v}" for i, (u, v) in enumerate(stated)
    ]
    claims += [
        f"id: d{i}, subject: {e}, property: date, value: '{d}'" for i, (e, d) in enumerate(dated)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = _write(Path(tmp), _files("kind: order, select: {property: precedes}", {"a": claims}))
        corpus = factcheck.load(root)
        found = [c.refs for c in factcheck.audit(corpus).conflicts]
        assert sorted(found, key=sorted) == sorted(_naive_order_cycles(corpus), key=sorted)


# --- order: the fast helpers against brute force on small random graphs ---------------


def _date_spans() -> st.SearchStrategy[DateSpan]:
    """Dates close together, so every way two can compare turns up: precisions, nesting,
    time zones (a calendar day widens against a timestamp), open-ended hedges."""
    calendar = st.sampled_from(
        ["2024", "2024-12-31", "2025", "2025-03", "2025-04", "2025-03-15", "2025-03-16"]
    )
    stamps = st.builds(
        "2025-03-{:02d}T{:02d}:00{}".format,
        st.integers(15, 16),
        st.sampled_from([1, 11, 19, 23]),
        st.sampled_from(["+00:00", "-04:00", "+09:00"]),
    )
    hedges = st.sampled_from(["exact", "exact", "exact", "before", "after", "not-after"])
    return st.builds(
        lambda text, hedge: date_span(PartialDate.parse(text), hedge),
        st.one_of(calendar, stamps),
        hedges,
    )


def _any_before(a: list[DateSpan], b: list[DateSpan]) -> bool:
    return any(compare_dates(x, y) is Order.BEFORE for x in a for y in b)


@given(a=st.lists(_date_spans(), max_size=3), b=st.lists(_date_spans(), max_size=3))
def test_order_dates_compare_like_every_pair(a: list[DateSpan], b: list[DateSpan]) -> None:
    assert order._Dates.of(a).before(order._Dates.of(b)) is _any_before(a, b)


@given(p=_date_spans(), a=_date_spans(), b=_date_spans(), q=_date_spans())
def test_tame_orderings_keep_earlier_dates_earlier(
    p: DateSpan, a: DateSpan, b: DateSpan, q: DateSpan
) -> None:
    # What _lightest_cycles relies on to leave out date edges of plain events.
    if order._tame(a, b):
        assert not _shared.is_before(p, a) or _shared.is_before(p, b)
        assert not _shared.is_before(b, q) or _shared.is_before(a, q)


_NAMES = [f"e{i}" for i in range(8)]
Graph = tuple[set[tuple[str, str]], dict[str, list[DateSpan]]]


@st.composite
def _order_graphs(draw: st.DrawFn) -> Graph:
    """Events (named in a random order, for ties) with 0-2 dates, and stated orderings,
    mostly forward in time so that long paths and bystanders dated in between occur."""
    names = draw(st.permutations(_NAMES))[: draw(st.integers(2, len(_NAMES)))]
    spans = {e: draw(st.lists(_date_spans(), max_size=2)) for e in names}
    stated = set()
    for _ in range(draw(st.integers(1, 12))):
        u, v = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        su, sv = spans[u], spans[v]
        forward = not su or not sv or min(x.start for x in su) <= min(x.start for x in sv)
        if forward or draw(st.booleans()):
            stated.add((u, v))
    return stated, spans


def _weights(
    stated: set[tuple[str, str]], spans: dict[str, list[DateSpan]]
) -> dict[str, list[tuple[str, int]]]:
    """Every edge of the order graph, pair by pair: 1 if stated, else 2 if dates imply it."""
    events = sorted({e for edge in stated for e in edge})
    weight = dict.fromkeys(stated, 1)
    for u in events:
        for v in events:
            if u != v and (u, v) not in weight and _any_before(spans[u], spans[v]):
                weight[(u, v)] = 2
    graph: dict[str, list[tuple[str, int]]] = {}
    for (u, v), w in sorted(weight.items()):
        graph.setdefault(u, []).append((v, w))
    return graph


def _dated(graph: Graph) -> dict[str, order._Dates]:
    stated, spans = graph
    return {e: order._Dates.of(spans[e]) for edge in stated for e in edge}


@settings(max_examples=300, deadline=None)
@given(_order_graphs())
def test_order_groups_are_the_strongly_connected_ones(graph: Graph) -> None:
    stated, spans = graph
    edges = _weights(stated, spans)
    events = sorted({e for edge in stated for e in edge})

    def reach(e: str) -> set[str]:
        seen, todo = set(), [e]
        while todo:
            for v, _ in edges.get(todo.pop(), []):
                if v not in seen:
                    seen.add(v)
                    todo.append(v)
        return seen

    reached = {e: reach(e) for e in events}
    expected = {
        frozenset(v for v in events if v == u or (v in reached[u] and u in reached[v]))
        for u in events
    }
    got = order._strongly_connected_events(events, stated, _dated(graph))
    assert sorted(map(sorted, got)) == sorted(sorted(g) for g in expected if len(g) > 1)


def _at(event: str, text: str, hedge: str = "exact") -> tuple[str, DateSpan]:
    return event, date_span(PartialDate.parse(text), hedge)


def _graph(stated: list[tuple[str, str]], *dates: tuple[str, DateSpan]) -> Graph:
    spans: dict[str, list[DateSpan]] = {e: [] for edge in stated for e in edge}
    for event, span in dates:
        spans[event].append(span)
    return set(stated), spans


@settings(max_examples=1000, deadline=None)
@given(_order_graphs())
# A stated ordering between a year and a day inside it is not tame: the year ends later.
@example(
    _graph(
        [("e0", "e4"), ("e4", "e1"), ("e7", "e0")],
        _at("e1", "2024"),
        _at("e4", "2025-03", "before"),
        _at("e7", "2025"),
    )
)
# Nor is one from a calendar day to a timestamp hours later: the day widens against it.
@example(
    _graph(
        [("e3", "e2"), ("e4", "e3")],
        _at("e2", "2025-03-16T01:00+00:00"),
        _at("e4", "2024"),
        _at("e4", "2025-03-15T23:30-04:00"),
        _at("e3", "2025-03-15"),
    )
)
# An event with two dates makes a cycle with every plain event dated between them.
@example(
    _graph(
        [("e1", "e2"), ("e0", "e3")],
        _at("e0", "2024"),
        _at("e0", "2025-04"),
        _at("e1", "2025-03-15"),
        _at("e2", "2025-03-16"),
    )
)
def test_order_cycles_are_what_brute_force_finds(graph: Graph) -> None:
    """The order check's cycles, in the order reported, against the obvious quadratic way:
    every pair of events compared, Dijkstra from every event over the whole graph."""
    stated, spans = graph
    edges = _weights(stated, spans)
    events = sorted({e for edge in stated for e in edge})
    cycles = [c for n in events if (c := _reference_cycle(edges, n))]
    expected: list[list[str]] = []
    seen: set[tuple[str, str]] = set()
    for _, nodes in sorted(cycles, key=lambda c: (c[0], sorted(c[1]))):
        around = set(zip(nodes, nodes[1:] + nodes[:1], strict=True))
        if not around & seen:
            seen |= around
            expected.append(nodes)
    assert order._contradictions(stated, _dated(graph)) == expected


# --- naming: the word index against the one alternation of every name --------------


def test_words_fold_together_what_ignorecase_takes_for_one_another() -> None:
    """Every class of characters re.IGNORECASE equates gives one key in ``_words``, and
    no other character turns into a word character, so the index misses no match."""
    sre = importlib.import_module("_sre")  # what re compiles IGNORECASE literals with
    extra = importlib.import_module("re._casefix")._EXTRA_CASES
    classes: dict[int, set[str]] = {}
    for code in range(sys.maxunicode + 1):
        # How re compiles a literal under IGNORECASE (re._compiler).
        if sre.unicode_iscased(code):
            lower = sre.unicode_tolower(code)
            key = min({lower, *extra.get(lower, ())})
            classes.setdefault(key, set()).add(chr(code))
    for chars in classes.values():
        keys = {tuple(naming._words(f"x{c}x")) for c in chars}
        assert len(keys) == 1, sorted(chars)
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if c != naming._YPOGEGRAMMENI and not word.match(c):
            assert naming._words(c) == [], hex(code)


# Letters that case folding treats specially: long s, Kelvin sign, dotless and dotted I,
# final sigma, the iota subscript (not a word character), micro sign, sharp s.
_TRICKY = "aSs\u017fKk\u212a\u0131Ii\u0130\u03a3\u03c3\u03c2\u0345\u03b9\u00b5\u03bc\u00df\u1e9e12"


@st.composite
def _names_and_text(draw: st.DrawFn) -> tuple[list[str], str]:
    """Names from letters case folding treats specially, and a text made of pieces of them
    (case changed, spaces varied) and other bits."""
    word = st.text(st.sampled_from(_TRICKY + ".-'"), min_size=1, max_size=4)
    names = draw(
        st.lists(
            st.lists(word, min_size=1, max_size=3).map(" ".join).filter(str.strip),
            min_size=1,
            max_size=5,
        )
    )
    piece = st.one_of(
        st.sampled_from(names).map(str.upper),
        st.sampled_from(names).map(str.swapcase),
        st.sampled_from(names).map(lambda n: "\t ".join(n.split(" "))),
        st.sampled_from(names),
        st.text(st.sampled_from(_TRICKY + " ,.\n"), max_size=4),
    )
    return names, "".join(draw(st.lists(piece, max_size=5)))


@settings(max_examples=500, deadline=None)
@given(_names_and_text())
@example((["K\u0131r\u015fehir"], "KIR\u015eEH\u0130R; Kir\u015fehir"))
@example((["\u017ftep 1"], "STEP 1, step 12"))
@example((["\u03b9x"], "\u0345x \u03b9x"))
@example((["a\u0345x"], "A\u03b9X"))
@example((["Foo"], "x\u0345Foo"))
def test_finder_finds_what_the_alternation_of_every_name_finds(
    case: tuple[list[str], str],
) -> None:
    names, text = case
    every = naming._variants(names).finditer(text)
    found = naming._Finder(names).finditer(text)
    assert [(m.span(), m.group()) for m in found] == [(m.span(), m.group()) for m in every]


# --- grouping: sides, the odd one out, stable keys ------------------------------------

OPENED = "subject: cecot, property: opened"
AGREE_OPENED = "kind: agree, select: {property: opened}"


def _opened(**dates: str) -> Sources:
    return {sid: [f"id: o, {OPENED}, value: '{d}'"] for sid, d in dates.items()}


def _audit_with_reports(sources: Sources) -> tuple[factcheck.AuditResult, dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(_write(Path(tmp), _files(AGREE_OPENED, sources)))
        result = factcheck.audit(corpus)
        return result, {
            "json": json.loads(report.as_json(result, corpus)),
            "sarif": json.loads(report.sarif(result, corpus)),
        }


def test_agree_names_the_odd_one_out_against_a_clear_majority() -> None:
    result, out = _audit_with_reports(
        _opened(a="2023-01", b="2023-01", c="2023-01-31", d="2023-02")
    )
    (conflict,) = result.conflicts
    assert conflict.refs == {"a/o", "b/o", "c/o", "d/o"}
    assert conflict.odd_one_out == ("d/o",)
    assert "the odd one out: d" in conflict.message
    # The agreeing claims are listed together, as one side, before the odd one.
    assert "a says 2023-01; b says 2023-01; c says 2023-01-31 vs d says 2023-02" in conflict.message
    assert out["json"]["conflicts"][0]["odd_one_out"] == ["d/o"]
    assert out["json"]["conflicts"][0]["key"] == conflict.key
    (sarif_result,) = out["sarif"]["runs"][0]["results"]
    assert sarif_result["properties"]["oddOneOut"] == ["d/o"]
    assert sarif_result["partialFingerprints"]["factcheckKey/v1"] == conflict.key


@pytest.mark.parametrize(
    "dates",
    [
        {"a": "2023-01", "b": "2023-02"},  # one against one: no majority
        {"a": "2023-01", "b": "2023-01", "c": "2023-02", "d": "2023-02"},
        {"a": "2023-01", "b": "2023-01", "c": "2023-01", "d": "2023-02", "e": "2023-03"},
    ],
)
def test_agree_names_no_odd_one_out_without_a_clear_majority(dates: dict[str, str]) -> None:
    result, _ = _audit_with_reports(_opened(**dates))
    (conflict,) = result.conflicts
    assert conflict.odd_one_out == ()
    assert "odd one out" not in conflict.message
    assert conflict.refs == {f"{sid}/o" for sid in dates}


def test_a_source_on_both_sides_counts_against_the_majority_only() -> None:
    # d says 2023-02 and also (quoting someone) 2023-01: the odd one out is still its
    # 2023-02, against a and b; d's 2023-01 is no evidence for the majority.
    sources = _opened(a="2023-01", b="2023-01", d="2023-02")
    sources["d"].append(f"id: p, {OPENED}, value: '2023-01'")
    result, _ = _audit_with_reports(sources)
    (conflict,) = result.conflicts
    assert conflict.odd_one_out == ("d/o",)
    # With c also on both sides, two sources (a, b) against two (c, d) is no majority.
    sources["c"] = [f"id: o, {OPENED}, value: '2023-01'", f"id: q, {OPENED}, value: '2023-02'"]
    result, _ = _audit_with_reports(sources)
    (conflict,) = result.conflicts
    assert conflict.odd_one_out == ()


def test_a_conflict_key_survives_more_agreeing_claims() -> None:
    before, _ = _audit_with_reports(_opened(a="2023-01", b="2023-01", d="2023-02"))
    after, _ = _audit_with_reports(_opened(a="2023-01", b="2023-01", c="2023-01-31", d="2023-02"))
    assert before.conflicts[0].key == after.conflicts[0].key
    other, _ = _audit_with_reports(_opened(a="2023-01", b="2023-01", d="2023-03"))
    assert other.conflicts[0].key != before.conflicts[0].key


_MONTHS = st.lists(
    st.sampled_from(["2023", "2023-01", "2023-01-31", "2023-02", "2024"]), min_size=2, max_size=7
)


@PROPS
@given(months=_MONTHS, seed=st.integers(0, 100))
def test_sides_lose_no_claim_agree_within_and_ignore_order(months: list[str], seed: int) -> None:
    sources = {f"s{i}": [f"id: o, {OPENED}, value: '{m}'"] for i, m in enumerate(months)}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(_write(Path(tmp), _files(AGREE_OPENED, sources)))
    facts = [f for f in corpus.facts if f.prop.id == "opened"]

    def clash(a: Any, b: Any) -> bool:
        return not _shared.compatible(a, b)

    sides = agree._sides(facts, clash)
    flat = [f.ref for side in sides for f in side]
    assert sorted(flat) == sorted(f.ref for f in facts)  # every claim, once
    for side in sides:
        assert not any(clash(a, b) for a in side for b in side)  # a claim never clashes with itself
    shuffled = list(facts)
    random.Random(seed).shuffle(shuffled)
    assert [[f.ref for f in side] for side in agree._sides(shuffled, clash)] == [
        [f.ref for f in side] for side in sides
    ]
    odd = agree._odd_one_out(sides)
    assert {f.ref for f in odd} <= set(flat)
    if odd:
        assert len(_shared.source_ids(sides[0])) >= 2 * len(_shared.source_ids(odd))


# --- counter-evidence -----------------------------------------------------------------


def test_reference_finding_cites_articles_that_agree_with_the_reference() -> None:
    rule = "kind: reference, select: {property: title}"
    result = _audit_files(
        _files(
            rule,
            {
                "ref": [SENATOR.replace("quote: q", "basis: b"), SECSTATE],
                "a": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2025-02-04"],
                "b": [f"id: x, {TITLE}, value: US Secretary of State, as_of: 2025-02"],
                "c": [f"id: x, {TITLE}, value: U.S. Senator, as_of: 2024-06"],
            },
        )
    )
    (conflict,) = result.conflicts
    assert conflict.support == ("b/x",)  # c agrees with the reference at another time
    assert "b/x" in conflict.refs and "c/x" not in conflict.refs
    assert "agreeing with the reference: b says US Secretary of State" in conflict.message


def test_naming_finding_cites_where_the_source_names_it_correctly() -> None:
    rule = "kind: naming"
    wrong = (
        "id: w, subject: cecot, property: capacity, value: 1,"
        " quote: Centro de Confiramiento del Terrorismo"
    )
    right = "id: r, subject: cecot, property: inmates, value: 2, quote: the CECOT prison"
    other = "id: r, subject: cecot, property: inmates, value: 2, quote: the CECOT prison"
    # Another source's claim naming it right but about something else is not looked at
    # (the hook loads other sources' claims about the entity only); nor is one that does
    # not name it.
    aside = "id: s, subject: el-salvador, property: population, value: 3, quote: the CECOT prison"
    unnamed = "id: t, subject: cecot, property: capacity, value: 4, quote: the prison"
    result = _audit_files(_files(rule, {"a": [wrong, right], "b": [other, aside, unnamed]}))
    (conflict,) = result.conflicts
    assert conflict.refs == {"a/w", "a/r", "b/r"}
    assert conflict.support == ("a/r", "b/r")
    assert "names 'Terrorism Confinement Center' correctly in a/r" in conflict.message
    assert "other sources name it correctly: b/r" in conflict.message


def test_naming_cites_a_few_other_sources_and_keeps_its_key() -> None:
    rule = "kind: naming"
    # The misnamed entity need not be the claim's subject.
    wrong = f"id: w, {ES}, property: population, value: 1, quote: the CECOT Megathorm"
    others = {s: [f"id: c, {CAP}, value: 40000, quote: the CECOT prison"] for s in "bcdef"}
    alone = _audit_files(_files(rule, {"a": [wrong]}))
    result = _audit_files(_files(rule, {"a": [wrong], **others}))
    (conflict,) = result.conflicts
    assert conflict.support == ("b/c", "c/c", "d/c")
    assert "other sources name it correctly: b/c, c/c, d/c and 2 more" in conflict.message
    # Support is evidence, not what the finding is about: the key does not move.
    (before,) = alone.conflicts
    assert before.support == () and before.key == conflict.key


# --- cumulative stages ------------------------------------------------------------------

STAGE = "subject: cecot, property: stage, as_of: 2025-02-04"
AGREE_STAGE = "kind: agree, select: {property: [stage, status]}"


def test_cumulative_stages_reached_do_not_contradict_each_other() -> None:
    # Designated, then listed: a source saying "listed" does not deny "designated".
    sources = {
        "a": [f"id: x, {STAGE}, value: designated"],
        "b": [f"id: x, {STAGE}, value: listed"],
        "c": [f"id: x, {STAGE}, value: nominated, hedge: at-least"],
    }
    assert _audit_files(_files(AGREE_STAGE, sources)).conflicts == ()
    # A status that is not cumulative still compares plain values.
    plain = "subject: cecot, property: status, as_of: 2025-02-04"
    statuses = {"a": [f"id: x, {plain}, value: proposed"], "b": [f"id: x, {plain}, value: signed"]}
    assert len(_audit_files(_files(AGREE_STAGE, statuses)).conflicts) == 1


def test_a_stage_not_passed_contradicts_a_later_stage() -> None:
    sources = {
        "a": [f"id: x, {STAGE}, value: designated, hedge: at-most"],
        "b": [f"id: x, {STAGE}, value: nominated, hedge: at-most"],
        "c": [f"id: x, {STAGE}, value: listed"],
        "d": [f"id: x, {STAGE}, value: designated"],
    }
    (conflict,) = _audit_files(_files(AGREE_STAGE, sources)).conflicts
    # b (not past nominated) clashes with c and d; a (not past designated) only with c.
    assert conflict.refs == {"a/x", "b/x", "c/x", "d/x"}
    assert "b says at most nominated" in conflict.message


def test_stage_hedges_only_on_cumulative_statuses() -> None:
    bad = {"a": ["id: x, subject: cecot, property: status, value: proposed, hedge: at-most"]}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(_write(Path(tmp), _files(AGREE_STAGE, bad)))
    (error,) = corpus.errors
    assert "hedge 'at-most' does not apply to a status value" in str(error)
    assert "a.yaml" in error.file


_STAGE_CLAIMS = st.lists(
    st.tuples(
        st.sampled_from(["nominated", "designated", "listed"]),
        st.sampled_from(["exact", "at-least", "at-most"]),
    ),
    min_size=1,
    max_size=6,
)


@PROPS
@given(claims=_STAGE_CLAIMS, seed=st.integers(0, 100))
def test_stage_comparison_is_symmetric_reflexive_and_order_free(
    claims: list[tuple[str, str]], seed: int
) -> None:
    sources = {
        f"s{i}": [f"id: x, {STAGE}, value: {v}, hedge: {h}"] for i, (v, h) in enumerate(claims)
    }
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(_write(Path(tmp), _files(AGREE_STAGE, sources)))
    facts = list(corpus.facts)
    for a in facts:
        assert _shared.compatible(a, a)  # a claim never conflicts with itself
        for b in facts:
            assert _shared.compatible(a, b) == _shared.compatible(b, a)
    # Stages admitted by all claims: none exactly when the audit reports a conflict.
    common = set(range(3))
    for f in facts:
        lo, hi = _shared.stages(f) or (0, 2)
        common &= set(range(lo, hi + 1))
    result = factcheck.audit(corpus)
    pairwise_ok = all(_shared.compatible(a, b) for a in facts for b in facts)
    assert bool(result.conflicts) == (not pairwise_ok)
    assert pairwise_ok == bool(common)  # intervals: pairwise overlap = one common stage
    # The same claims under shuffled source names give the same findings.
    names = [f"s{i}" for i in range(len(claims))]
    random.Random(seed).shuffle(names)
    renamed = {n: sources[f"s{i}"] for i, n in enumerate(names)}
    with tempfile.TemporaryDirectory() as tmp:
        again = factcheck.audit(factcheck.load(_write(Path(tmp), _files(AGREE_STAGE, renamed))))
    assert len(again.conflicts) == len(result.conflicts)


def test_trend_finding_cites_counts_agreeing_with_either_end() -> None:
    rule = "kind: trend, select: {property: inmates}, params: {max_factor: 2, per_days: 182}"
    result = _audit_files(
        _files(
            rule,
            {
                "a": [f"id: x, {INM}, value: 14500, as_of: 2024-08"],
                "b": [f"id: x, {INM}, value: 40000, as_of: 2025-02-04"],
                "c": [f"id: x, {INM}, value: 40000, hedge: about, as_of: 2025"],
                "d": [f"id: x, {INM}, value: 90000, as_of: 2019"],
            },
        )
    )
    jumps = [c for c in result.conflicts if "a/x" in c.refs]
    assert len(jumps) == 1
    # c, a year-long figure, is no jump from a, but agrees with b at b's time.
    assert jumps[0].refs == {"a/x", "b/x", "c/x"}
    assert jumps[0].support == ("c/x",)
    assert "d/x" not in jumps[0].support


# --- bounds that cannot decide --------------------------------------------------------


def test_an_undecided_product_says_what_the_open_factor_needs() -> None:
    result = _audit_files(
        _files(
            PRODUCT + "}",
            {
                "a": [
                    "id: b, subject: cecot, property: buildings, value: 8",
                    "id: c, subject: cecot, property: cells, value: 32",
                    "id: p, subject: cecot, property: per-cell, value: 100, hedge: more-than",
                ],
                "b": [f"id: x, {CAP}, value: 40000"],
                "c": [f"id: x, {CAP}, value: 40000"],
            },
        )
    )
    (conflict,) = result.conflicts
    assert conflict.severity == "info"
    assert conflict.refs == {"a/b", "a/c", "a/p", "b/x", "c/x"}
    assert "40,000 inmates needs per-cell 156.25 (b, c) on average" in conflict.message
    assert not result.failed


@PROPS
@given(
    relation=st.sampled_from(["sum", "product", "ratio"]),
    xs=st.lists(st.floats(0.5, 1e4), min_size=2, max_size=3),
    which=st.integers(0, 2),
)
def test_solving_for_an_input_gives_back_its_value(
    relation: str, xs: list[float], which: int
) -> None:
    from factcheck.domain.values import Interval

    if relation == "ratio":
        xs = xs[:2]
        p = derived.DerivedParams(
            relation="ratio", numerator="a", denominator="b", result="r", scale=100
        )
    elif relation == "sum":
        p = derived.DerivedParams(relation="sum", parts=["a"] * len(xs), total="t")
    else:
        p = derived.DerivedParams(relation="product", factors=["a"] * len(xs), result="r")
    which %= len(xs)
    result = p.compute([Interval.point(x) for x in xs])

    class _F:
        def __init__(self, x: float) -> None:
            self.value = Interval.point(x)

    combo = tuple(_F(x) for x in xs)
    solved = derived._solve(p, combo, which, result)  # type: ignore[arg-type]
    assert math.isclose(solved.lo, xs[which], rel_tol=1e-6)
    assert math.isclose(solved.hi, xs[which], rel_tol=1e-6)


# --- the fact format: times, ranges, estimates ------------------------------------------

DATE = "subject: e1, property: date"
AGREE_DATES = "kind: agree, select: {property: date}"


@pytest.mark.parametrize(
    ("name", "sources", "expected"),
    [
        (
            "a range of clock times agrees with a time inside it",
            {
                "a": [
                    f"id: d, {DATE}, value: ['2025-03-15T18:45', '2025-03-15T18:48'],"
                    " hedge: between"
                ],
                "b": [f"id: d, {DATE}, value: '2025-03-15T18:47'"],
            },
            set(),
        ),
        (
            "a range of clock times disagrees with a time outside it",
            {
                "a": [
                    f"id: d, {DATE}, value: ['2025-03-15T18:45', '2025-03-15T18:48'],"
                    " hedge: between"
                ],
                "b": [f"id: d, {DATE}, value: '2025-03-15T18:50'"],
            },
            {S("a/d", "b/d")},
        ),
        (
            "late January agrees with January 31 and with January",
            {
                "a": [f"id: d, {DATE}, value: late 2025-01"],
                "b": [f"id: d, {DATE}, value: '2025-01-31'"],
                "c": [f"id: d, {DATE}, value: '2025-01'"],
            },
            set(),
        ),
        (
            "early 2023 against mid 2023",
            {
                "a": [f"id: d, {DATE}, value: early 2023"],
                "b": [f"id: d, {DATE}, value: mid 2023"],
            },
            {S("a/d", "b/d")},
        ),
    ],
)
def test_date_formats_in_agree(name: str, sources: Sources, expected: set[frozenset[str]]) -> None:
    assert _found(_audit_files(_files(AGREE_DATES, sources))) == expected


def test_zoned_and_unzoned_times_of_one_event_give_a_warning() -> None:
    result = _audit_files(
        _files(
            AGREE_DATES,
            {
                "a": [f"id: d, {DATE}, value: '2025-03-15T18:45-05:00'"],
                "b": [f"id: d, {DATE}, value: '2025-03-15T18:45'"],
                "c": [f"id: d, {DATE}, value: '2025-03-15'"],
            },
        )
    )
    (warning,) = result.conflicts
    assert warning.severity == "warning"
    assert warning.refs == {"a/d", "b/d"}
    assert "without one" in warning.message
    assert not result.failed


def test_an_approximate_range_agrees_with_a_figure_near_its_ends() -> None:
    rule = "kind: agree, select: {property: inmates}"
    quiet = _audit_files(
        _files(
            rule,
            {
                "a": [f"id: x, {INM}, value: [10000, 20000], hedge: some"],
                "b": [f"id: x, {INM}, value: 21000, hedge: estimated"],
            },
        )
    )
    assert quiet.conflicts == ()
    loud = _audit_files(
        _files(
            rule,
            {
                "a": [f"id: x, {INM}, value: [10000, 20000], hedge: some"],
                "b": [f"id: x, {INM}, value: 30000"],
            },
        )
    )
    assert _found(loud) == {S("a/x", "b/x")}


# --- units and written precision ------------------------------------------------------

HEIGHT = "subject: e1, property: height"
AGREE_HEIGHT = "kind: agree, select: {property: height}"


@pytest.mark.parametrize(
    ("name", "claims", "expected"),
    [
        ("written to the metre: 8,848 m agrees with 8848.4 m", ["8,848", "8848.4"], set()),
        ("8,848 m against 8,850 m", ["8,848", "8850.4"], {S("a/h", "b/h")}),
        ("29,029 ft is 8,848 m", ["8,848", "29029 ft"], set()),
        ("29,032 ft is 8,849 m, not 8,848 m", ["8,848", "29032 ft"], {S("a/h", "b/h")}),
        ("8.848 km is 8,848 m", ["8,848", "8.848 km"], set()),
    ],
)
def test_heights_compare_across_units_at_written_precision(
    name: str, claims: list[str], expected: set[frozenset[str]]
) -> None:
    def claim(written: str) -> str:
        number, _, unit = written.partition(" ")
        return f"id: h, {HEIGHT}, value: '{number}'" + (f", unit: {unit}" if unit else "")

    sources = {sid: [claim(c)] for sid, c in zip("ab", claims, strict=True)}
    assert _found(_audit_files(_files(AGREE_HEIGHT, sources))) == expected


def test_units_that_cannot_be_converted_are_reported_not_skipped() -> None:
    result = _audit_files(
        _files(
            AGREE_HEIGHT,
            {
                "a": [f"id: h, {HEIGHT}, value: 8848"],
                "b": [f"id: h, {HEIGHT}, value: 5, unit: storeys"],
                "c": [f"id: h, {HEIGHT}, value: 3, unit: kg"],
            },
        )
    )
    (info,) = result.conflicts
    assert info.severity == "info"
    assert info.refs == {"a/h", "b/h", "c/h"}
    assert "'kg', 'm', 'storeys' cannot be converted" in info.message


@PROPS
@given(kmh=st.floats(1, 1000), factor=st.floats(1.2, 3))
def test_speed_agrees_across_units_and_disagrees_when_off(kmh: float, factor: float) -> None:
    mph = kmh / 1.609344
    rule = "kind: agree, select: {property: speed}"
    speed = "subject: e1, property: speed"
    _check(
        rule,
        {
            "a": [f"id: s, {speed}, value: {kmh!r}"],
            "b": [f"id: s, {speed}, value: {mph!r}, unit: mph"],
        },
        {
            "a": [f"id: s, {speed}, value: {kmh!r}"],
            "b": [f"id: s, {speed}, value: {mph * factor!r}, unit: mph"],
        },
        "b/s",
    )


# --- time-invariant properties and superseded figures ---------------------------------

SUMMIT = "subject: e1, property: summit"
AGREE_SUMMIT = "kind: agree, select: {property: summit}"


def test_an_invariant_property_is_compared_whatever_the_dates() -> None:
    sources = {
        "a": [f"id: h, {SUMMIT}, value: 8848, as_of: 2019"],
        "b": [f"id: h, {SUMMIT}, value: 8850, as_of: 2021"],
    }
    assert _found(_audit_files(_files(AGREE_SUMMIT, sources))) == {S("a/h", "b/h")}
    # The same figures of a property that may change over time, at other times: quiet.
    varying = {
        k: [c.replace("property: summit", "property: height")]
        for k, c in ((k, v[0]) for k, v in sources.items())
    }
    assert _found(_audit_files(_files(AGREE_HEIGHT, varying))) == set()


def test_a_superseded_figure_is_outdated_not_a_contradiction() -> None:
    result = _audit_files(
        _files(
            AGREE_SUMMIT,
            {
                "ref": [
                    f"id: old, {SUMMIT}, value: 8848, as_of: 1955",
                    f"id: new, {SUMMIT}, value: 8848.86, as_of: 2020-12-08, supersedes: ref/old",
                ],
                "a": [f"id: h, {SUMMIT}, value: 8848, as_of: 2021"],
                "b": [f"id: h, {SUMMIT}, value: 8848.86"],
                "c": [f"id: h, {SUMMIT}, value: 8000"],
            },
        )
    )
    outdated = [c for c in result.conflicts if c.severity == "info"]
    (info,) = outdated
    assert info.refs == {"ref/old", "ref/new", "a/h"}
    assert info.support == ("ref/new",)
    assert "outdated, superseded by ref's 8,848.86" in info.message
    # A figure that is neither is still a contradiction, against the current one.
    (error,) = [c for c in result.conflicts if c.severity == "error"]
    assert "c/h" in error.refs and "a/h" not in error.refs


def test_supersedes_must_name_a_claim_on_the_same_key() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = _files(
            AGREE_SUMMIT,
            {
                "a": [
                    f"id: h, {SUMMIT}, value: 1, supersedes: a/nope",
                    f"id: i, {CAP}, value: 2, supersedes: a/h",
                ]
            },
        )
        result = factcheck.audit(factcheck.load(_write(Path(tmp), files)))
    messages = sorted(e.message for e in result.errors)
    assert len(messages) == 2 and result.exit_code == 2
    assert "names no claim" in messages[1] or "names no claim" in messages[0]
    assert any("same subject and property" in m for m in messages)


# --- rule coverage --------------------------------------------------------------------


def test_properties_no_rule_checks_are_reported_on_request() -> None:
    from factcheck.rules.engine import COVERAGE_RULE, rule_coverage

    sources = {
        "a": [f"id: c, {CAP}, value: 40000", f"id: i, {INM}, value: 100, as_of: 2024"],
        "b": [f"id: t, {TITLE}, value: U.S. Senator, as_of: 2020"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        corpus = factcheck.load(
            _write(Path(tmp), _files("kind: agree, select: {property: capacity}", sources))
        )
        assert rule_coverage(corpus) == {"capacity": ["r"], "inmates": [], "title": []}
        assert factcheck.audit(corpus).conflicts == ()  # off by default
        found = factcheck.audit(corpus, coverage=True).conflicts
    assert [(c.rule, c.severity, set(c.refs)) for c in found] == [
        (COVERAGE_RULE, "info", {"a/i"}),
        (COVERAGE_RULE, "info", {"b/t"}),
    ]
    assert "property 'inmates' (1 claims) is checked by no rule" in found[0].message


def test_a_property_that_says_why_it_is_unchecked_is_not_reported() -> None:
    files = _files(
        "kind: agree, select: {property: capacity}", {"a": [f"id: t, {TITLE}, value: x"]}
    )
    files["properties.yaml"] = files["properties.yaml"].replace(
        "{id: title, type: text}", "{id: title, type: text, unchecked: multi-valued}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        result = factcheck.audit(factcheck.load(_write(Path(tmp), files)), coverage=True)
    assert result.conflicts == ()


@PROPS
@given(
    totals=st.lists(st.integers(1, 200), min_size=1, max_size=5),
    parts=st.tuples(st.integers(0, 100), st.integers(0, 100)),
    seed=st.integers(0, 100),
)
def test_derived_grouping_never_loses_a_failing_result(
    totals: list[int], parts: tuple[int, int], seed: int
) -> None:
    """Every result that its inputs cannot give is cited, whatever the claims' order;
    every result they can give is not."""
    a, b = parts
    claims = {
        "in": [
            f"id: t, subject: cecot, property: transferred, value: {a}",
            f"id: i, subject: cecot, property: investigated, value: {b}",
        ],
        **{f"s{n}": [f"id: x, {INM}, value: {t}"] for n, t in enumerate(totals)},
    }
    order = list(claims)
    random.Random(seed).shuffle(order)
    result = _audit_files(_files(SUM, {k: claims[k] for k in order}))
    cited = {r for c in result.conflicts for r in c.refs}
    wrong = {f"s{n}/x" for n, t in enumerate(totals) if t != a + b}
    assert {r for r in cited if r.startswith("s")} == wrong
    assert len(result.conflicts) == (1 if wrong else 0)  # one disagreement, one finding


def test_bound_compares_across_units() -> None:
    props = "kind: bound, select: {property: height}, params: {max: summit}"
    over = _audit_files(
        _files(
            props,
            {
                "a": ["id: s, subject: e1, property: summit, value: 8848"],
                "b": ["id: h, subject: e1, property: height, value: '29100', unit: ft"],
            },
        )
    )
    assert _found(over) == {S("a/s", "b/h")}  # 29,100 ft is 8,870 m
    under = _audit_files(
        _files(
            props,
            {
                "a": ["id: s, subject: e1, property: summit, value: 8848"],
                "b": ["id: h, subject: e1, property: height, value: '28000', unit: ft"],
            },
        )
    )
    assert under.conflicts == ()  # 28,000 ft is 8,534 m: raw, 28,000 > 8,848 would clash
