"""The HTML report's style sheet: the badges' colours are no source's."""

from __future__ import annotations

import re

from factcheck.report.html.css import CSS
from factcheck.report.html.palette import CONFLICT, RINGS, palette


def test_nine_sources_get_nine_colours_none_the_info_badge() -> None:
    colours = palette(9)
    assert len(set(colours)) == 9
    assert "#0072B2" in colours  # a source's blue ...
    assert ".badge.info{background:#6E7781}" in CSS  # ... is no longer the INFO badge's
    assert "#0072B2" not in CSS


def test_badges_match_the_rings_and_no_source_colour() -> None:
    badge = dict(re.findall(r"\.badge\.(\w+)\{background:(#[0-9A-Fa-f]{6})\}", CSS))
    assert badge["info"] == RINGS["info"][0]
    assert badge["waived"] == RINGS["waived"][0]
    assert f"background:{CONFLICT}" in CSS  # the error badge
    assert not {c.lower() for c in palette(40)} & {c.lower() for c in badge.values()}


def test_the_sheet_loads_nothing() -> None:
    assert "url(" not in CSS
    assert "@import" not in CSS
