"""factcheck: audit a body of sources for contradictions the way a test suite audits code.

>>> import factcheck
>>> corpus = factcheck.load("facts")            # doctest: +SKIP
>>> result = factcheck.audit(corpus)            # doctest: +SKIP
>>> for conflict in result.conflicts:           # doctest: +SKIP
...     print(conflict.rule, conflict.message)
"""

from __future__ import annotations

from ._version import __version__
from .conflict import AuditResult, Citation, Conflict
from .corpus import Corpus, Fact
from .dump import dump
from .engine import audit, draft_errors
from .errors import FactcheckError, LoadError
from .extract import draft_fact_file
from .loader import load
from .model import (
    Alias,
    Claim,
    Entity,
    Period,
    Property,
    Rule,
    Selector,
    Snapshot,
    Source,
    SourceFile,
    Waiver,
)
from .values import DateSpan, Interval, PartialDate

__all__ = [
    "Alias",
    "AuditResult",
    "Citation",
    "Claim",
    "Conflict",
    "Corpus",
    "DateSpan",
    "Entity",
    "Fact",
    "FactcheckError",
    "Interval",
    "LoadError",
    "PartialDate",
    "Period",
    "Property",
    "Rule",
    "Selector",
    "Snapshot",
    "Source",
    "SourceFile",
    "Waiver",
    "__version__",
    "audit",
    "draft_errors",
    "draft_fact_file",
    "dump",
    "load",
]
