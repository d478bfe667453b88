"""Reporters: render an :class:`~factcheck.AuditResult` for people or machines.

Each reporter is a function ``(result, corpus) -> str`` registered by name in
:data:`REPORTERS`; the CLI picks one with ``--format``. Every reporter receives the corpus
the result came from, so reporters that need more than the citations (titles, every claim
of a source, files) can look it up.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .conflict import AuditResult, Conflict
from .corpus import Corpus

__all__ = ["REPORTERS", "render_conflict", "text"]

#: ``(result, corpus) -> str``.
Reporter = Callable[[AuditResult, Corpus], str]


def render_conflict(conflict: Conflict) -> str:
    """Compiler-style: ``file:line: severity[rule] message`` then each side with its quote."""
    first = conflict.citations[0]
    tag = f"{conflict.severity}[{conflict.rule}]"
    if conflict.waived:
        tag += " (waived)"
    lines = [f"{first.file}:{first.line}: {tag} {conflict.message}"]
    for c in conflict.citations:
        lines.append(f'    {c.file}:{c.line}: {c.source} ("{c.title}"): "{c.quote}"')
    if conflict.waived and conflict.waiver_reason:
        lines.append(f"    waived: {conflict.waiver_reason}")
    return "\n".join(lines)


def text(result: AuditResult, corpus: Corpus) -> str:
    """The human report: load errors, then conflicts, then a one-line summary."""
    out = [str(e) for e in result.errors]
    out += [render_conflict(c) for c in result.conflicts]
    s = result.summary()
    out.append(
        f"{s['conflicts']} conflicts ({s['error']} errors, {s['warning']} warnings, "
        f"{s['info']} info, {s['waived']} waived), {s['load_errors']} load errors"
    )
    return "\n".join(out)


def as_json(result: AuditResult, corpus: Corpus) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)


#: Output formats by name.
REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
}
