"""The legend above the charts: what each glyph means, drawn with the charts' own glyphs.

Each entry is one small function drawing its glyph and its words at a point; the legend
lays the entries out in rows.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final

from factcheck.report.html.palette import RINGS
from factcheck.report.html.scales import W
from factcheck.report.html.svg import Svg, arrow, end_marker, r
from factcheck.report.html.text import text_width

#: The ink of the legend's glyphs: no source's colour.
INK: Final = "#333333"

_Entry = Callable[[Svg, float, float], None]


def legend() -> str:
    """The legend as a ``<figure>``: point, interval ends, arrows, bounds, rings, spans."""
    svg = Svg(W, 92, "legend", "legend")
    for y, row in ((20.0, _FIRST_ROW), (48.0, _SECOND_ROW), (76.0, _RING_ROW)):
        x = 10.0
        for draw, advance in row:
            draw(svg, x, y)
            x += advance
    return f'<figure class="legend">{svg.render()}</figure>'


def _line(
    svg: Svg, x1: float, x2: float, y1: float, y2: float, width: str = "2.5", **extra: str
) -> None:
    svg.add("line", x1=r(x1), x2=r(x2), y1=r(y1), y2=r(y2), stroke=INK, stroke_width=width, **extra)


def _label(svg: Svg, text: str, x: float, y: float) -> None:
    svg.add("text", text, x=r(x), y=r(y + 4))


def _exact(svg: Svg, x: float, y: float) -> None:
    svg.add("circle", cx=r(x + 6), cy=r(y), r="5.5", fill=INK)
    _label(svg, "exact figure", x + 18, y)


def _about(svg: Svg, x: float, y: float) -> None:
    _line(svg, x + 6, x + 6, y - 9, y + 9)
    _line(svg, x, x + 12, y - 9, y - 9)
    _line(svg, x, x + 12, y + 9, y + 9)
    _label(svg, "about / between (closed ends)", x + 18, y)


def _more_than(svg: Svg, x: float, y: float) -> None:
    _line(svg, x + 6, x + 6, y + 6, y - 6)
    arrow(svg, x + 6, y - 12, "up", INK)
    end_marker(svg, x + 6, y + 6, INK, True, "")
    _label(svg, "more than (open end, no upper limit)", x + 18, y)


def _almost(svg: Svg, x: float, y: float) -> None:
    _line(svg, x + 6, x + 6, y - 6, y + 9)
    end_marker(svg, x + 6, y - 6, INK, True, "")
    _label(svg, "almost (just below the figure)", x + 18, y)


def _bound(svg: Svg, x: float, y: float) -> None:
    _line(svg, x, x + 40, y, y, width="2", stroke_dasharray="8 4")
    _label(svg, "bound, e.g. capacity", x + 48, y)


def _time_covered(svg: Svg, x: float, y: float) -> None:
    _line(svg, x, x + 30, y, y, width="3", stroke_opacity="0.45")
    _label(svg, "time covered", x + 36, y)


def _ringed(svg: Svg, x: float, y: float, *, key: str, text: str) -> None:
    """A claim with the ring of a conflict of severity ``key`` (or waived)."""
    colour, dash = RINGS[key]
    svg.add("circle", cx=r(x + 8), cy=r(y), r="5", fill=INK)
    svg.add(
        "circle",
        cx=r(x + 8),
        cy=r(y),
        r="10",
        fill="none",
        stroke=colour,
        stroke_width="2.5",
        stroke_dasharray=dash,
    )
    _label(svg, text, x + 24, y)


def _ring_entry(key: str, text: str) -> tuple[_Entry, float]:
    return partial(_ringed, key=key, text=text), 40 + text_width(text)


_FIRST_ROW: Final[tuple[tuple[_Entry, float], ...]] = (
    (_exact, 120),
    (_about, 230),
    (_more_than, 0),
)
_SECOND_ROW: Final[tuple[tuple[_Entry, float], ...]] = (
    (_almost, 230),
    (_bound, 200),
    (partial(_ringed, key="error", text="claim in a conflict (error)"), 215),
    (_time_covered, 0),
)
_RING_ROW: Final = (
    _ring_entry("warning", "claim in a warning"),
    _ring_entry("info", "claim in an info finding (e.g. a misspelt name)"),
    _ring_entry("waived", "claim in a waived conflict"),
)
