"""factcheck: audit a body of sources for contradictions the way a test suite audits code.

>>> import factcheck
>>> corpus = factcheck.load("facts")            # doctest: +SKIP
>>> result = factcheck.audit(corpus)            # doctest: +SKIP
>>> for conflict in result.conflicts:           # doctest: +SKIP
...     print(conflict.rule, conflict.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .conflict import AuditResult, Citation, Conflict
from .corpus import Corpus, Fact
from .dump import dump
from .engine import audit, draft_errors
from .errors import FactcheckError, LoadError
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

if TYPE_CHECKING:
    from .extract import draft_fact_file

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


def __getattr__(name: str) -> Any:
    # The extractor's patterns and tables take 20 ms to import, which the command line's
    # audit and pre-commit hook never need: imported on first use (PEP 562).
    if name == "draft_fact_file":
        from .extract import draft_fact_file

        return draft_fact_file
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
