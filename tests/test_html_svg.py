"""The HTML report's SVG builder and shared glyphs."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.report.html.palette import RINGS, Style
from factcheck.report.html.svg import Svg, arrow, end_marker, r, ring

from .html_pages import SVG


def _parsed(svg: Svg) -> ET.Element:
    return ET.fromstring(svg.render())


def test_attributes_are_named_as_svg_names_them() -> None:
    svg = Svg(10, 20, "a label", "chart")
    svg.add("line", class_="grid", stroke_width="2", stroke_dasharray=None, x1=1)
    (line,) = _parsed(svg)
    assert line.attrib == {"class": "grid", "stroke-width": "2", "x1": "1"}
    assert _parsed(svg).get("viewBox") == "0 0 10 20"


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xD7FF), min_size=1))
def test_any_text_comes_back_as_it_was(text: str) -> None:
    svg = Svg(10, 10, text, "chart")
    svg.add("text", text, title=text, x=1, fill=text)
    root = _parsed(svg)
    (element,) = root
    assert root.get("aria-label") == text
    assert element.get("fill") == text
    (title,) = element.iter(f"{SVG}title")
    assert title.text == text
    assert (title.tail or "") == text


def test_empty_elements_close_themselves() -> None:
    svg = Svg(10, 10, "x", "chart")
    svg.add("circle", cx=1)
    assert svg.parts == ['<circle cx="1"/>']


def test_coordinates_to_a_tenth() -> None:
    assert r(1.25) == "1.2"
    assert r(3) == "3.0"
    assert r(-0.04) == "-0.0"


@pytest.mark.parametrize(
    ("direction", "side"),
    [("up", "below"), ("down", "above"), ("left", "right"), ("right", "left")],
)
def test_arrow_tip_is_at_the_point(direction: str, side: str) -> None:
    svg = Svg(100, 100, "x", "chart")
    arrow(svg, 50, 50, direction, "#000000")
    (polygon,) = _parsed(svg)
    tip, *base = [tuple(map(float, p.split(","))) for p in polygon.get("points", "").split()]
    assert tip == (50.0, 50.0)
    axis = 1 if direction in ("up", "down") else 0
    beyond = {"below": 1, "above": -1, "right": 1, "left": -1}[side]
    assert all((b[axis] - 50) * beyond > 0 for b in base)


@pytest.mark.parametrize(("is_open", "fill"), [(True, "#ffffff"), (False, "#123456")])
def test_an_open_end_is_hollow(is_open: bool, fill: str) -> None:
    svg = Svg(100, 100, "x", "chart")
    end_marker(svg, 5, 6, "#123456", is_open, "tip")
    (circle,) = _parsed(svg)
    assert (circle.get("fill"), circle.get("stroke"), circle.get("cx")) == (fill, "#123456", "5.0")


def test_rings_only_for_claims_in_a_conflict() -> None:
    svg = Svg(100, 100, "x", "chart")
    ring(svg, 1, 2, Style("#000000", None))
    assert svg.parts == []
    for key, (colour, dash) in RINGS.items():
        ring(svg, 1, 2, Style("#000000", key))
        circle = _parsed(svg)[-1]
        assert circle.get("class") == f"conflict-ring {key}"
        assert (circle.get("stroke"), circle.get("stroke-dasharray")) == (colour, dash)
