"""What the HTML report's tests share: small rule files, and reading the page back.

The page is polyglot markup, so the tests parse it as XML: a stray tag fails there.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import factcheck
from factcheck.report.html import render_html

SVG = "{http://www.w3.org/2000/svg}"

RULES = """\
rules:
  - id: inmates-agree
    kind: agree
    select: {property: inmates}
    description: Sources agree on how many people a prison holds.
  - id: opened-agrees
    kind: agree
    select: {property: opened}
    description: Sources agree on when a prison opened.
"""

BOUND_RULE = """\
rules:
  - id: within-capacity
    kind: bound
    select: {property: inmates}
    params: {max: capacity}
    description: A prison holds no more inmates than it is designed for.
"""

#: A quote that would break the page if it were not escaped.
NASTY = """<script>alert("x")</script> & 'quoted' </blockquote>"""


def page(text: str) -> ET.Element:
    """The report parsed as XML: the markup is polyglot, so a stray tag fails here."""
    assert text.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(text.split("\n", 1)[1])


def by_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    """Elements ``tag`` with ``cls`` among their classes."""
    return [e for e in root.iter(tag) if cls in (e.get("class") or "").split()]


def report(root: Path) -> tuple[str, factcheck.AuditResult]:
    """The HTML report of the corpus at ``root``, and the audit it shows."""
    corpus = factcheck.load(root)
    result = factcheck.audit(corpus)
    return render_html(result, corpus), result


def external_references(text: str) -> list[str]:
    """Anything that would make the browser fetch: src/href to a URL, url(), @import."""
    found = re.findall(r"""\b(?:src|href)\s*=\s*["'](?!#)[^"']*""", text)
    found += re.findall(r"url\s*\(|@import|<link\b|<script\b|<iframe\b|<img\b|<object\b", text)
    return found


def charts(root: ET.Element) -> dict[str, ET.Element]:
    """Each chart section's id -> its one ``<svg>``."""
    out = {}
    for section in by_class(root, "section", "series"):
        svgs = list(section.iter(f"{SVG}svg"))
        assert len(svgs) == 1
        out[section.get("id", "")] = svgs[0]
    return out


def rings(root: ET.Element) -> list[ET.Element]:
    """The conflict rings drawn under ``root``."""
    return [e for e in root.iter(f"{SVG}circle") if "conflict-ring" in (e.get("class") or "")]


def numbers(svg: ET.Element) -> Iterator[float]:
    """Every coordinate and size in ``svg``."""
    for e in svg.iter():
        for key in ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height"):
            if key in e.attrib:
                yield float(e.attrib[key])
        for pair in e.get("points", "").split():
            yield from map(float, pair.split(","))
