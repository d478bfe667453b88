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
    text,
    use_color,
)
from factcheck.report.wording import source_name, summary_line

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
    "source_name",
    "summary_line",
    "text",
    "use_color",
]
