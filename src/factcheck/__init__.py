"""factcheck: audit a body of sources for contradictions the way a test suite audits code.

>>> import factcheck
>>> corpus = factcheck.load("facts")            # doctest: +SKIP
>>> result = factcheck.audit(corpus)            # doctest: +SKIP
>>> for conflict in result.conflicts:           # doctest: +SKIP
...     print(conflict.rule, conflict.message)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from factcheck import _compat
from factcheck._version import __version__

if TYPE_CHECKING:
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
    from factcheck.extract import draft_fact_file
    from factcheck.io.dump import dump
    from factcheck.io.load import load
    from factcheck.rules.engine import audit, draft_errors

#: Where each public name lives. They are imported on first use (PEP 562), not by
#: ``import factcheck``: the models, the loader and the eight check kinds cost most of a
#: whole-process import (pydantic builds every model class), which code that imports
#: the package for one name (a pytest plugin, ``factcheck.__version__``, the extractor)
#: does not need. ``factcheck.load``/``factcheck.audit`` import what they use.
_LAZY: dict[str, str] = {
    "AuditResult": "factcheck.domain.conflict",
    "Citation": "factcheck.domain.conflict",
    "Conflict": "factcheck.domain.conflict",
    "Corpus": "factcheck.domain.corpus",
    "Fact": "factcheck.domain.corpus",
    "FactcheckError": "factcheck.domain.errors",
    "LoadError": "factcheck.domain.errors",
    "Alias": "factcheck.domain.model",
    "Claim": "factcheck.domain.model",
    "Entity": "factcheck.domain.model",
    "Period": "factcheck.domain.model",
    "Property": "factcheck.domain.model",
    "Rule": "factcheck.domain.model",
    "Selector": "factcheck.domain.model",
    "Snapshot": "factcheck.domain.model",
    "Source": "factcheck.domain.model",
    "SourceFile": "factcheck.domain.model",
    "Waiver": "factcheck.domain.model",
    "DateSpan": "factcheck.domain.values",
    "Interval": "factcheck.domain.values",
    "PartialDate": "factcheck.domain.values",
    "draft_fact_file": "factcheck.extract",
    "dump": "factcheck.io.dump",
    "load": "factcheck.io.load",
    "audit": "factcheck.rules.engine",
    "draft_errors": "factcheck.rules.engine",
}

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
    """Import a public name on first use and keep it (later lookups skip this hook)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names with the public ones not imported yet (``dir(factcheck)``)."""
    return sorted(set(globals()) | set(__all__))


# Old module paths (factcheck.model, factcheck.loader, ...) keep working for one release.
_compat.install()
