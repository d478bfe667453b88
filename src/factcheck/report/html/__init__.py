"""The HTML audit report: one self-contained page a newcomer can read without the YAML.

:func:`render_html` turns an :class:`~factcheck.AuditResult` and the corpus it came from
into a single HTML document: a summary, one section per conflict with both sides' quotes
and sources, and a timeline chart (inline SVG) for every subject and property whose
figures or dates the sources give at several times. The page loads nothing: no scripts,
fonts, images or style sheets from anywhere (a Content-Security-Policy says so to the
browser), so it can be mailed, archived or opened offline as it is.

Charts are drawn here as plain SVG rather than with a plotting library: the glyphs that
matter (open and closed interval ends, "more than" arrows, bound lines, conflict rings)
are specific to hedged claims, and a few hundred lines of SVG keep the report free of a
heavy dependency.

The modules, from the page down:

- :mod:`.page`: the document and its sections (summary, errors, conflicts, timelines,
  sources);
- :mod:`.quantity_chart` and :mod:`.date_chart`: a figure over time, a date given
  differently; :mod:`.legend`: what their glyphs mean;
- :mod:`.series`: which subjects and properties get a chart; :mod:`.svg`: the SVG
  builder and shared glyphs; :mod:`.scales`: geometry, time in days, ticks;
- :mod:`.text`: figures, dates and hedges in words; :mod:`.palette`: source colours and
  conflict rings; :mod:`.css`: the style sheet.
"""

from __future__ import annotations

from factcheck.report.html.page import render_html

__all__ = ["render_html"]
