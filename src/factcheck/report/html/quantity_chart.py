"""The chart of a figure over time: each claim a mark at its time, its hedge visible.

A claim is drawn at the middle of the time it covers (a band across its period or its
date's precision), as a point or as an interval whose ends are open or closed and whose
unbounded ends are arrows. Bounds (such as capacity) are dashed lines across the chart;
labels are nudged apart so that none covers another.
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.values import Interval
from factcheck.report.html.palette import RINGS, Look, Style
from factcheck.report.html.scales import LEFT, RIGHT, TOP, W, days, is_open, time_ticks, value_ticks
from factcheck.report.html.series import Series, title_of
from factcheck.report.html.svg import Svg, YOf, arrow, end_marker, r, ring
from factcheck.report.html.text import num, says, source_name, text_width, time_text

_HEIGHT = 300
_PLOT_W = W - LEFT - RIGHT

#: A label waiting for its place: x and y of its mark, its text and its colour.
_Label = tuple[float, float, str, str]
#: A box already taken by a label: its left and right x and its baseline.
_Box = tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class _Frame:
    """The chart's scales: days across, values up."""

    lo_t: float
    hi_t: float
    lo_v: float
    hi_v: float
    ticks: list[float]
    plot_h: int = _HEIGHT - TOP - 44

    @property
    def bottom(self) -> int:
        return TOP + self.plot_h

    def x_of(self, d: float) -> float:
        return LEFT + (d - self.lo_t) / (self.hi_t - self.lo_t) * _PLOT_W

    def y_of(self, v: float) -> float:
        v = min(max(v, self.lo_v), self.hi_v)
        # In halves: the span of figures near the largest floats would overflow.
        share = (v / 2 - self.lo_v / 2) / (self.hi_v / 2 - self.lo_v / 2)
        return TOP + self.plot_h - share * self.plot_h


def quantity_chart(series: Series, corpus: Corpus, look: Look) -> str:
    """The SVG chart of ``series`` (a figure): its dated claims, bounds and labels."""
    dated = [f for f in series.facts if f.when is not None]
    frame = _frame(dated, series.bounds)
    svg = Svg(W, _HEIGHT, title_of(series, corpus), "chart quantity")
    _axes(svg, frame, series.unit or series.prop)
    placed = bound_lines(svg, series, corpus, look, frame.y_of, LEFT, LEFT + _PLOT_W)
    labels = [_claim(svg, f, frame, corpus, look, placed) for f in dated]
    place_labels(svg, labels, LEFT + _PLOT_W, TOP, frame.bottom, placed)
    undated = [f for f in series.facts if f.when is None]
    if undated:
        names = ", ".join(f"{source_name(f, corpus)} ({says(f)})" for f in undated)
        svg.add("text", f"Not shown (no date): {names}", class_="note", x=LEFT, y=_HEIGHT - 6)
    return svg.render()


def _frame(dated: Sequence[Fact], bounds: Sequence[Fact]) -> _Frame:
    # Time range: every finite end of the claims' times.
    ends: list[float] = []
    for f in dated:
        assert f.when is not None
        for t in (f.when.start, f.when.end):
            if not is_open(t):
                ends.append(days(t))
    lo_t, hi_t = (min(ends), max(ends)) if ends else (0.0, 1.0)
    pad = max((hi_t - lo_t) * 0.06, 20.0)
    # Value range: every finite end of the values and bounds, and zero.
    vals = [0.0]
    for f in (*dated, *bounds):
        assert isinstance(f.value, Interval)
        vals += [v for v in (f.value.lo, f.value.hi) if math.isfinite(v)]
    lo_v, hi_v = min(vals), max(vals)
    if hi_v == lo_v:
        hi_v = lo_v + 1
    hi_v = min(hi_v + (hi_v / 2 - lo_v / 2) * 0.3, sys.float_info.max)
    ticks = value_ticks(lo_v, hi_v)
    return _Frame(lo_t - pad, hi_t + pad, min(lo_v, ticks[0]), max(hi_v, ticks[-1]), ticks)


def _axes(svg: Svg, frame: _Frame, label: str) -> None:
    bottom, y_of, x_of = frame.bottom, frame.y_of, frame.x_of
    for v in frame.ticks:
        svg.add("line", class_="grid", x1=LEFT, x2=LEFT + _PLOT_W, y1=r(y_of(v)), y2=r(y_of(v)))
        svg.add("text", num(v), class_="tick", x=LEFT - 6, y=r(y_of(v) + 4), text_anchor="end")
    for d, tick in time_ticks(frame.lo_t, frame.hi_t):
        svg.add("line", class_="grid", x1=r(x_of(d)), x2=r(x_of(d)), y1=TOP, y2=bottom)
        svg.add("text", tick, class_="tick", x=r(x_of(d)), y=bottom + 16, text_anchor="middle")
    svg.add("line", class_="axis", x1=LEFT, x2=LEFT + _PLOT_W, y1=bottom, y2=bottom)
    svg.add("line", class_="axis", x1=LEFT, x2=LEFT, y1=TOP, y2=bottom)
    svg.add("text", label, class_="axis-label", x=8, y=12)


def _claim(
    svg: Svg, f: Fact, frame: _Frame, corpus: Corpus, look: Look, placed: list[_Box]
) -> _Label:
    """Draw one dated claim; returns its label, and takes the box of its mark."""
    assert f.when is not None and isinstance(f.value, Interval)
    st = look.style(f)
    t0 = frame.x_of(days(f.when.start)) if not is_open(f.when.start) else LEFT
    t1 = frame.x_of(days(f.when.end)) if not is_open(f.when.end) else LEFT + _PLOT_W
    xm = (t0 + t1) / 2
    name = source_name(f, corpus)
    tip = f"{name}: {says(f)} ({time_text(f)})\n“{f.citation.quote}”"
    ym = frame.y_of(figure(f))
    if t1 - t0 > 3:
        _time_band(svg, t0, t1, ym, st)
    ring(svg, xm, ym, st)
    value_glyph(svg, f, xm, frame.y_of, st.colour, tip)
    # Keep labels off the marks themselves.
    placed.append((xm - 10, xm + 10, ym + 4))
    # The axis names the unit; a label repeats it only when it is short (%, $).
    short = says(f, unit=f.unit in ("percent", "USD"))
    return (xm, ym, f"{name}: {short}", st.text_colour)


def _time_band(svg: Svg, t0: float, t1: float, y: float, st: Style) -> None:
    """The time the claim covers: a band across its period or date precision."""
    svg.add(
        "line",
        class_="span",
        x1=r(t0),
        x2=r(t1),
        y1=r(y),
        y2=r(y),
        stroke=st.colour,
        stroke_width="3",
        stroke_opacity="0.45",
    )
    for tx in (t0, t1):
        svg.add(
            "line",
            x1=r(tx),
            x2=r(tx),
            y1=r(y - 5),
            y2=r(y + 5),
            stroke=st.colour,
            stroke_opacity="0.6",
        )


def value_glyph(svg: Svg, f: Fact, x: float, y_of: YOf, colour: str, tip: str) -> None:
    """The claim's value as a point, or an interval with open/closed ends and arrows."""
    v = f.value
    assert isinstance(v, Interval)
    hedge = f.claim.hedge
    if v.lo == v.hi:
        svg.add("circle", title=tip, class_="mark", cx=r(x), cy=r(y_of(v.lo)), r="5.5", fill=colour)
        return
    y_lo, y_hi = y_of(v.lo), y_of(v.hi)
    svg.add(
        "line",
        class_="mark",
        x1=r(x),
        x2=r(x),
        y1=r(y_lo),
        y2=r(y_hi),
        stroke=colour,
        stroke_width="2.5",
    )
    _interval_end(svg, hedge, v.lo, x, y_lo, "down", v.lo_open, colour, tip)
    _interval_end(svg, hedge, v.hi, x, y_hi, "up", v.hi_open, colour, tip)
    if hedge in ("about", "between") and isinstance(f.claim.value, int | float):
        figure_y = r(y_of(float(f.claim.value)))
        svg.add("circle", title=tip, class_="mark", cx=r(x), cy=figure_y, r="4.5", fill=colour)


def _interval_end(
    svg: Svg,
    hedge: str,
    value: float,
    x: float,
    y: float,
    direction: str,
    is_open: bool,
    colour: str,
    tip: str,
) -> None:
    if math.isinf(value):
        arrow(svg, x, y, direction, colour)
    elif hedge == "almost" and direction == "down":
        # How far below "almost" reaches is our tolerance, not the source's: no end mark.
        return
    elif hedge in ("about", "between"):
        svg.add(
            "line",
            x1=r(x - 6),
            x2=r(x + 6),
            y1=r(y),
            y2=r(y),
            stroke=colour,
            stroke_width="2.5",
        )
    else:
        end_marker(svg, x, y, colour, is_open, tip)


def bound_lines(
    svg: Svg, series: Series, corpus: Corpus, look: Look, y_of: YOf, x0: float, x1: float
) -> list[_Box]:
    """Bounds (such as capacity) as horizontal dashed lines, one per distinct value.

    Returns the boxes of their labels, for the value labels to keep clear of.
    """
    placed: list[_Box] = []
    by_value: dict[tuple[float, float], list[Fact]] = defaultdict(list)
    for f in series.bounds:
        assert isinstance(f.value, Interval)
        by_value[(f.value.lo, f.value.hi)].append(f)
    for (lo, hi), facts in sorted(by_value.items()):
        rings = [k for f in facts if (k := look.style(f).ring) in ("error", "warning")]
        colour = RINGS["error" if "error" in rings else rings[0]][0] if rings else "#444444"
        prop = facts[0].prop.id.replace("-", " ")
        names = ", ".join(sorted({source_name(f, corpus) for f in facts}))
        tip = f"{prop}: {says(facts[0])} — {names}"
        if lo != hi and math.isfinite(lo) and math.isfinite(hi):
            svg.add(
                "rect",
                class_="bound-band",
                x=r(x0),
                width=r(x1 - x0),
                y=r(y_of(hi)),
                height=r(max(y_of(lo) - y_of(hi), 1)),
                fill=colour,
                fill_opacity="0.08",
            )
        y = y_of(hi if math.isfinite(hi) else lo)
        svg.add(
            "line",
            class_="bound",
            title=tip,
            x1=r(x0),
            x2=r(x1),
            y1=r(y),
            y2=r(y),
            stroke=colour,
            stroke_width="2",
            stroke_dasharray="8 4",
        )
        count = f"{len(facts)} source{'s' if len(facts) > 1 else ''}"
        label = f"{prop} {says(facts[0])} · {count}"
        svg.add("text", label, class_="bound-label", x=r(x0 + 6), y=r(y - 5), fill=colour)
        placed.append((x0 + 6, x0 + 6 + text_width(label), y - 5))
    return placed


def figure(f: Fact) -> float:
    """The figure the source stated, clipped into its interval for infinite hedges."""
    v = f.value
    assert isinstance(v, Interval)
    if isinstance(f.claim.value, int | float) and not isinstance(f.claim.value, bool):
        return float(f.claim.value)
    if math.isfinite(v.lo) and math.isfinite(v.hi):
        return (v.lo + v.hi) / 2
    return v.lo if math.isfinite(v.lo) else v.hi


def place_labels(
    svg: Svg,
    labels: Sequence[_Label],
    right: float,
    top: float,
    bottom: float,
    placed: list[_Box],
) -> None:
    """Value labels beside their marks, nudged up or down so none overlaps another.

    ``placed`` holds the boxes (x0, x1, baseline) already taken, such as bound labels.
    """
    for x, y, text, colour in sorted(labels, key=lambda t: (t[1], t[0])):
        width = text_width(text)
        to_left = x + 12 + width > right + RIGHT - 4
        x0 = max(x - 12 - width, 2) if to_left else x + 12
        for step in range(40):
            offset = 14 * ((step + 1) // 2) * (1 if step % 2 else -1)
            ly = min(max(y + 4 + offset, top + 10), bottom - 4)
            clash = any(
                abs(ly - py) < 14 and x0 < px1 and px0 < x0 + width for px0, px1, py in placed
            )
            if not clash:
                break
        placed.append((x0, x0 + width, ly))
        svg.add("text", text, class_="value-label", x=r(x0), y=r(ly), fill=colour)
