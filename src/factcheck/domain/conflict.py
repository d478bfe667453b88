"""Conflicts and audit results: plain data, rendered elsewhere (see :mod:`factcheck.report`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from factcheck.domain.errors import LoadError

__all__ = ["SEVERITIES", "AuditResult", "Citation", "Conflict"]

Severity = Literal["error", "warning", "info"]
#: Severities from most to least severe.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True, order=True)
class Citation:
    """Where one side of a conflict stands: the source, its quote and the fact file line."""

    file: str
    line: int
    source: str
    claim: str
    title: str
    quote: str
    #: Who published the source, for people reading a report (not part of identity).
    publisher: str | None = field(default=None, compare=False)

    @property
    def ref(self) -> str:
        """``source-id/claim-id``."""
        return f"{self.source}/{self.claim}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "claim": self.claim,
            "title": self.title,
            "quote": self.quote,
            "file": self.file,
            "line": self.line,
        }


@dataclass(frozen=True, slots=True)
class Conflict:
    """Claims that cannot all be true, found by one rule."""

    rule: str
    kind: str
    severity: Severity
    message: str
    citations: tuple[Citation, ...]
    waived: bool = False
    waiver_reason: str | None = None
    #: What the conflict is about, stable across runs and across claims added on the
    #: agreeing side: for baselines and tools that track findings between runs.
    key: str = ""
    #: The claims (``source-id/claim-id``) against a clear majority of sources, if any.
    odd_one_out: tuple[str, ...] = ()
    #: The claims cited only as evidence for a side (``source-id/claim-id``): an article
    #: agreeing with the reference, a count agreeing with one end of a jump.
    support: tuple[str, ...] = ()

    def __str__(self) -> str:
        """The one-line message: ``file:line: severity[rule] message``."""
        first = self.citations[0] if self.citations else None
        where = f"{first.file}:{first.line}" if first else "<corpus>"
        waived = " (waived)" if self.waived else ""
        return f"{where}: {self.severity}[{self.rule}]{waived} {self.message}"

    @property
    def refs(self) -> frozenset[str]:
        """The claims involved, as ``source-id/claim-id``."""
        return frozenset(c.ref for c in self.citations)

    @property
    def disputed(self) -> tuple[Citation, ...]:
        """The citations of the claims in dispute: all but those cited only as support
        (a support claim neither makes nor resolves the conflict)."""
        support = set(self.support)
        return tuple(c for c in self.citations if c.ref not in support)

    @property
    def sort_key(self) -> tuple[str, tuple[Citation, ...], str]:
        return (self.rule, self.citations, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "waived": self.waived,
            "waiver_reason": self.waiver_reason,
            "key": self.key,
            "odd_one_out": list(self.odd_one_out),
            "support": list(self.support),
            "citations": [c.to_dict() for c in self.citations],
        }


@dataclass(frozen=True, slots=True)
class AuditResult:
    """What an audit found: load errors and conflicts, kept apart."""

    conflicts: tuple[Conflict, ...] = ()
    errors: tuple[LoadError, ...] = ()
    rules_run: tuple[str, ...] = field(default=())

    @property
    def failed(self) -> bool:
        """True when the input had errors or an unwaived error-severity conflict remains."""
        return bool(self.errors) or any(
            c.severity == "error" and not c.waived for c in self.conflicts
        )

    @property
    def exit_code(self) -> int:
        """2 for unreadable or invalid input, 1 for an unwaived error conflict, else 0."""
        if self.errors:
            return 2
        return 1 if self.failed else 0

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {s: 0 for s in SEVERITIES}
        waived = 0
        for c in self.conflicts:
            if c.waived:
                waived += 1
            else:
                counts[c.severity] += 1
        return {
            "conflicts": len(self.conflicts),
            **counts,
            "waived": waived,
            "load_errors": len(self.errors),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "conflicts": [c.to_dict() for c in self.conflicts],
            "errors": [e.to_dict() for e in self.errors],
            "summary": self.summary(),
        }
