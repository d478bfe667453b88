"""The legend of the HTML report's charts: every glyph the charts draw, explained."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from factcheck.report.html.legend import legend
from factcheck.report.html.palette import RINGS
from factcheck.report.html.scales import W

from .html_pages import SVG


def _svg() -> ET.Element:
    text = legend()
    assert text.startswith('<figure class="legend">') and text.endswith("</figure>")
    (svg,) = ET.fromstring(text)
    return svg


def test_every_ring_is_explained() -> None:
    circles = list(_svg().iter(f"{SVG}circle"))
    drawn = {(c.get("stroke"), c.get("stroke-dasharray")) for c in circles if c.get("r") == "10"}
    assert drawn == set(RINGS.values())


def test_every_glyph_has_its_words() -> None:
    svg = _svg()
    words = [t.text for t in svg.iter(f"{SVG}text")]
    assert words == [
        "exact figure",
        "about / between (closed ends)",
        "more than (open end, no upper limit)",
        "almost (just below the figure)",
        "bound, e.g. capacity",
        "claim in a conflict (error)",
        "time covered",
        "claim in a warning",
        "claim in an info finding (e.g. a misspelt name)",
        "claim in a waived conflict",
    ]
    assert len(list(svg.iter(f"{SVG}polygon"))) == 1  # the "more than" arrow
    hollow = [c for c in svg.iter(f"{SVG}circle") if c.get("fill") == "#ffffff"]
    assert len(hollow) == 2  # the open ends of "more than" and "almost"
    dashed = [e for e in svg.iter(f"{SVG}line") if e.get("stroke-dasharray") == "8 4"]
    assert len(dashed) == 1  # the bound


def test_nothing_runs_off_the_legend() -> None:
    svg = _svg()
    assert svg.get("width") == str(W)
    height = float(svg.get("height", 0))
    for element in svg.iter():
        for key in ("x", "x1", "x2", "cx"):
            if key in element.attrib:
                assert 0 <= float(element.attrib[key]) <= W
        for key in ("y", "y1", "y2", "cy"):
            if key in element.attrib:
                assert 0 <= float(element.attrib[key]) <= height
