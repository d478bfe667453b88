"""The chart of a date the sources give differently: one lane per claim.

Each lane names its source on the left and says the date in words on the right; between
them the date is a point, or a bar across the span it allows, with an arrow where
"before" or "after" leaves it open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.values import DateSpan
from factcheck.report.html.palette import Look, Style
from factcheck.report.html.scales import TOP, W, days, is_open, time_ticks
from factcheck.report.html.series import Series, title_of
from factcheck.report.html.svg import Svg, arrow, end_marker, r, ring
from factcheck.report.html.text import says, source_name, text_width

#: Height of one claim's lane.
LANE: Final = 30
# Hedges whose interval end at the stated figure is open (the figure itself is excluded).
OPEN_AT_FIGURE: Final = frozenset({"more-than", "less-than", "almost", "before", "after"})


@dataclass(frozen=True, slots=True)
class _Lanes:
    """The chart's columns (lane names, plot, dates in words) and its time scale."""

    left: float
    plot_w: float
    lo_t: float
    hi_t: float

    def x_of(self, d: float) -> float:
        return self.left + (d - self.lo_t) / (self.hi_t - self.lo_t) * self.plot_w


def date_chart(series: Series, corpus: Corpus, look: Look) -> str:
    """The SVG chart of ``series`` (a date): one lane per claim, on one time axis."""
    facts = list(series.facts)
    height = TOP + LANE * len(facts) + 40
    lanes = _lanes(facts, corpus)
    svg = Svg(W, height, title_of(series, corpus), "chart date")
    bottom = TOP + LANE * len(facts)
    for d, label in time_ticks(lanes.lo_t, lanes.hi_t):
        x = r(lanes.x_of(d))
        svg.add("line", class_="grid", x1=x, x2=x, y1=TOP - 6, y2=bottom)
        svg.add("text", label, class_="tick", x=x, y=bottom + 16, text_anchor="middle")
    svg.add(
        "line", class_="axis", x1=lanes.left, x2=lanes.left + lanes.plot_w, y1=bottom, y2=bottom
    )
    for i, f in enumerate(facts):
        _lane(svg, TOP + LANE * i + LANE / 2 - 4, f, lanes, corpus, look.style(f))
    return svg.render()


def _lanes(facts: Sequence[Fact], corpus: Corpus) -> _Lanes:
    # Lane names on the left and the dates in words on the right, each column as wide
    # as its longest text so nothing is cut off.
    left = min(max(max(text_width(source_name(f, corpus)) for f in facts) + 24, 110), 320)
    right = min(max(max(text_width(says(f)) for f in facts) + 24, 120), 280)
    ends: list[float] = []
    for f in facts:
        assert isinstance(f.value, DateSpan)
        ends += [days(t) for t in (f.value.start, f.value.end) if not is_open(t)]
    lo_t, hi_t = (min(ends), max(ends)) if ends else (0.0, 1.0)
    pad = max((hi_t - lo_t) * 0.08, 10.0)
    return _Lanes(left, W - left - right, lo_t - pad, hi_t + pad)


def _lane(svg: Svg, y: float, f: Fact, lanes: _Lanes, corpus: Corpus, st: Style) -> None:
    """One claim's lane at height ``y``: its source, its mark, its ring, its words."""
    assert isinstance(f.value, DateSpan)
    tip = f"{source_name(f, corpus)}: {says(f)}\n“{f.citation.quote}”"
    svg.add(
        "text",
        source_name(f, corpus),
        class_="lane-label",
        x=lanes.left - 10,
        y=r(y + 4),
        text_anchor="end",
    )
    open_lo, open_hi = is_open(f.value.start), is_open(f.value.end)
    x0 = lanes.left if open_lo else lanes.x_of(days(f.value.start))
    x1 = lanes.left + lanes.plot_w if open_hi else lanes.x_of(days(f.value.end))
    ring_x = (x0 + x1) / 2
    if x1 - x0 < 5 and not (open_lo or open_hi):
        svg.add("circle", title=tip, class_="mark", cx=r(ring_x), cy=r(y), r="5.5", fill=st.colour)
    else:
        ring_x = _span(svg, f.claim.hedge, (x0, x1), (open_lo, open_hi), y, st.colour, tip)
    ring(svg, ring_x, y, st)
    svg.add(
        "text",
        says(f),
        class_="value-label",
        x=r(lanes.left + lanes.plot_w + 14),
        y=r(y + 4),
        fill=st.text_colour,
    )


def _span(
    svg: Svg,
    hedge: str,
    xs: tuple[float, float],
    opens: tuple[bool, bool],
    y: float,
    colour: str,
    tip: str,
) -> float:
    """The span a date allows as a bar, arrows at open ends; returns where its ring goes."""
    (x0, x1), (open_lo, open_hi) = xs, opens
    svg.add(
        "rect",
        title=tip,
        class_="mark",
        x=r(x0),
        y=r(y - 5),
        width=r(max(x1 - x0, 1)),
        height="10",
        rx="4",
        fill=colour,
        fill_opacity="0.35" if open_lo or open_hi else "0.8",
        stroke=colour,
    )
    ring_x = (x0 + x1) / 2
    is_open_end = hedge in OPEN_AT_FIGURE
    if open_lo:
        arrow(svg, x0 - 2, y, "left", colour)
        end_marker(svg, x1, y, colour, is_open_end, tip)
        ring_x = x1
    if open_hi:
        arrow(svg, x1 + 2, y, "right", colour)
        end_marker(svg, x0, y, colour, is_open_end, tip)
        ring_x = x0
    return ring_x
