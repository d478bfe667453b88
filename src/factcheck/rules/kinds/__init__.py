"""One module per check kind (and :mod:`~factcheck.rules.kinds.order_cycles`, the ``order``
kind's cycle search); importing this package registers them all."""

from factcheck.rules.kinds import (
    agree,
    bound,
    change,
    derived,
    lifetime,
    naming,
    order,
    reference,
    trend,
)

__all__ = [
    "agree",
    "bound",
    "change",
    "derived",
    "lifetime",
    "naming",
    "order",
    "reference",
    "trend",
]
