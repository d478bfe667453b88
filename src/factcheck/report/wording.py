"""The words every human-facing reporter shares: how a source is named, the summary line."""

from __future__ import annotations

from factcheck.domain.conflict import AuditResult, Citation

__all__ = ["source_name", "summary_line"]


def source_name(c: Citation) -> str:
    """A source as people name it: ``Publisher, "Title"`` (the id only when it has no
    title; machine formats keep the ids)."""
    if not c.title:
        return c.source
    return f'{c.publisher}, "{c.title}"' if c.publisher else f'"{c.title}"'


def summary_line(result: AuditResult) -> str:
    """``3 conflicts (2 errors, 1 warnings, 0 info, 0 waived), 0 load errors``."""
    s = result.summary()
    return (
        f"{s['conflicts']} conflicts ({s['error']} errors, {s['warning']} warnings, "
        f"{s['info']} info, {s['waived']} waived), {s['load_errors']} load errors"
    )
