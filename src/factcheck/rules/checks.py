"""Check kinds, registered in :data:`KINDS`: the table and every kind, in one name.

The table is in :mod:`factcheck.rules.registry`, each kind in its own module of
:mod:`factcheck.rules.kinds`; this module imports them all (so that they are registered)
and re-exports what callers used from here before the split.
"""

from __future__ import annotations

from factcheck.rules.kinds.agree import AgreeParams, agree
from factcheck.rules.kinds.bound import BoundParams, bound
from factcheck.rules.kinds.change import ChangeParams, change
from factcheck.rules.kinds.derived import DerivedParams, derived
from factcheck.rules.kinds.lifetime import LifetimeParams, lifetime
from factcheck.rules.kinds.naming import naming
from factcheck.rules.kinds.order import OrderParams, order, tangled
from factcheck.rules.kinds.reference import reference
from factcheck.rules.kinds.trend import TrendParams, trend
from factcheck.rules.registry import KINDS, PARAMS, REACH, Check, Finding, Params, check

__all__ = [
    "KINDS",
    "PARAMS",
    "REACH",
    "AgreeParams",
    "BoundParams",
    "ChangeParams",
    "Check",
    "DerivedParams",
    "Finding",
    "LifetimeParams",
    "OrderParams",
    "Params",
    "TrendParams",
    "agree",
    "bound",
    "change",
    "check",
    "derived",
    "lifetime",
    "naming",
    "order",
    "reference",
    "tangled",
    "trend",
]
