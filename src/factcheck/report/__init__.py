"""Rendering an audit at the edge: reporters chosen by name (see :data:`REPORTERS`)."""

from factcheck.report.reporters import (
    REPORTERS,
    Reporter,
    as_json,
    github,
    html,
    markdown,
    render_conflict,
    render_error,
    sarif,
    summary_line,
    text,
    use_color,
)

__all__ = [
    "REPORTERS",
    "Reporter",
    "as_json",
    "github",
    "html",
    "markdown",
    "render_conflict",
    "render_error",
    "sarif",
    "summary_line",
    "text",
    "use_color",
]
