"""factcheck: audit a body of sources for contradictions the way a test suite audits code.

>>> import factcheck
>>> corpus = factcheck.load("facts")            # doctest: +SKIP
>>> result = factcheck.audit(corpus)            # doctest: +SKIP
>>> for conflict in result.conflicts:           # doctest: +SKIP
...     print(conflict.rule, conflict.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck import _compat
from factcheck._version import __version__
from factcheck.domain.conflict import AuditResult, Citation, Conflict
from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.errors import FactcheckError, LoadError
from factcheck.domain.model import (
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
from factcheck.domain.values import DateSpan, Interval, PartialDate
from factcheck.io.dump import dump
from factcheck.io.load import load
from factcheck.rules.engine import audit, draft_errors

if TYPE_CHECKING:
    from factcheck.extract import draft_fact_file

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
        from factcheck.extract import draft_fact_file

        return draft_fact_file
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")


# Old module paths (factcheck.model, factcheck.loader, ...) keep working for one release.
_compat.install()
