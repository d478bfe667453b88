"""SVG primitives: a tiny builder that escapes everything, and the glyphs charts share.

The glyphs are the ones a hedged claim needs: interval ends open or closed
(:func:`end_marker`), arrows for ends at infinity (:func:`arrow`) and the ring around a
claim in a conflict (:func:`ring`).
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.report.html.palette import RINGS, Style
from factcheck.report.html.text import esc

#: A value scale: a value to its y coordinate.
YOf = Callable[[float], float]


class Svg:
    """A tiny SVG builder: every attribute and text escaped."""

    def __init__(self, width: int, height: int, label: str, css_class: str) -> None:
        self.width, self.height = width, height
        self.parts: list[str] = []
        self.head = (
            f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" role="img" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'aria-label="{esc(label)}">'
        )

    def add(
        self, tag: str, text: str | None = None, title: str | None = None, **attrs: object
    ) -> None:
        """One element; ``class_`` is ``class``, ``stroke_width`` is ``stroke-width``.

        Attributes that are ``None`` are left out; a ``title`` is the hover text.
        """
        rendered = " ".join(
            f'{k.rstrip("_").replace("_", "-")}="{esc(v)}"'
            for k, v in attrs.items()
            if v is not None
        )
        inner = (f"<title>{esc(title)}</title>" if title else "") + (esc(text) if text else "")
        if inner:
            self.parts.append(f"<{tag} {rendered}>{inner}</{tag}>")
        else:
            self.parts.append(f"<{tag} {rendered}/>")

    def render(self) -> str:
        """The whole ``<svg>`` element."""
        return self.head + "".join(self.parts) + "</svg>"


def r(x: float) -> str:
    """A coordinate, to a tenth of a pixel."""
    return f"{x:.1f}"


def end_marker(svg: Svg, x: float, y: float, colour: str, is_open: bool, tip: str) -> None:
    """An interval's end at (x, y): hollow when open (the figure excluded), else filled."""
    svg.add(
        "circle",
        title=tip,
        cx=r(x),
        cy=r(y),
        r="4.5",
        fill="#ffffff" if is_open else colour,
        stroke=colour,
        stroke_width="2",
    )


def arrow(svg: Svg, x: float, y: float, direction: str, colour: str) -> None:
    """An arrowhead with its tip at (x, y) pointing up, down, left or right."""
    s = 7.0
    pts = {
        "up": [(x, y), (x - s * 0.7, y + s), (x + s * 0.7, y + s)],
        "down": [(x, y), (x - s * 0.7, y - s), (x + s * 0.7, y - s)],
        "left": [(x, y), (x + s, y - s * 0.7), (x + s, y + s * 0.7)],
        "right": [(x, y), (x - s, y - s * 0.7), (x - s, y + s * 0.7)],
    }[direction]
    svg.add("polygon", points=" ".join(f"{r(a)},{r(b)}" for a, b in pts), fill=colour)


def ring(svg: Svg, x: float, y: float, style: Style) -> None:
    """The ring of the claim's most severe conflict around (x, y); nothing if it has none."""
    if style.ring:
        colour, dash = RINGS[style.ring]
        svg.add(
            "circle",
            class_=f"conflict-ring {style.ring}",
            cx=r(x),
            cy=r(y),
            r="10",
            fill="none",
            stroke=colour,
            stroke_width="2.5",
            stroke_dasharray=dash,
        )
