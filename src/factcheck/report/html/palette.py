"""Colours: one per source, and the rings that mark claims in a conflict by its severity.

:class:`Look` is what the page and the charts ask how to draw a claim: its source's
colour and the ring of the most severe conflict it is in.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from typing import Final

from factcheck.domain.conflict import AuditResult
from factcheck.domain.corpus import Corpus, Fact

# Sources' colours start with the colour-blind-safe Okabe-Ito hues that stay apart from
# the badges and rings (no orange or vermillion, near the warning and error reds; no
# black or grey, the info and waived marks; no yellow, unreadable on white).
PALETTE: Final = ("#0072B2", "#009E73", "#CC79A7", "#56B4E9")
CONFLICT: Final = "#D7191C"
#: A citation of no source (a waiver, say): neutral, no source's colour.
UNKNOWN_SOURCE: Final = "#444444"
#: Hue bands (degrees) kept for severities: red (error) and orange to amber (warning).
RESERVED_HUES: Final = ((330.0, 360.0), (0.0, 60.0))
GOLDEN_ANGLE: Final = 137.50776405003785

#: The ring around a claim in a conflict, by the most severe conflict it is in: an error
#: is unmistakable, an info finding (a misspelt name, say) only marked. Colour and dash.
RINGS: Final[dict[str, tuple[str, str | None]]] = {
    "error": (CONFLICT, None),
    "warning": ("#B35806", None),
    "info": ("#6E7781", "2 2"),
    "waived": ("#8C8C8C", "5 3"),
}
#: The word on a conflict's badge, by its ring.
BADGE: Final = {"error": "conflict", "warning": "warning", "info": "info", "waived": "waived"}


def palette(n: int) -> list[str]:
    """``n`` source colours, all different, none in the severities' hue bands.

    The first are :data:`PALETTE`; after it, hues step by the golden angle (each new
    hue falls in the widest gap left), skipping the reserved bands, and three lightness
    levels alternate so that neighbours in hue still differ in lightness.
    """
    out = list(PALETTE[:n])
    seen = {c.lower() for c in out}
    hue = 200.0
    i = 0
    while len(out) < n:
        i += 1
        hue = (hue + GOLDEN_ANGLE) % 360.0
        if any(lo <= hue < hi for lo, hi in RESERVED_HUES):
            continue
        lightness = (0.32, 0.45, 0.58)[i % 3]
        r, g, b = colorsys.hls_to_rgb(hue / 360.0, lightness, 0.75)
        colour = f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"
        if colour.lower() not in seen:
            seen.add(colour.lower())
            out.append(colour)
    return out


@dataclass(frozen=True, slots=True)
class Style:
    """How one claim is drawn."""

    colour: str  # the source's
    ring: str | None  # key of RINGS: the claim's most severe conflict, if any

    @property
    def text_colour(self) -> str:
        """Labels of claims in an error or warning take the ring's colour."""
        return RINGS[self.ring][0] if self.ring in ("error", "warning") else "#222222"


@dataclass(frozen=True, slots=True)
class Look:
    """Each source's colour and each claim's ring, for one report."""

    colours: dict[str, str]
    status: dict[str, str]

    @classmethod
    def of(cls, result: AuditResult, corpus: Corpus) -> Look:
        """Colours by source id (sorted, so stable) and rings from ``result``'s conflicts."""
        # Each claim's most severe conflict: error, warning, info, then waived.
        rank = {key: i for i, key in enumerate(RINGS)}
        status: dict[str, str] = {}
        for c in result.conflicts:
            key = "waived" if c.waived else c.severity
            for ref in c.refs:
                if rank[key] < rank[status.get(ref, "waived")] or ref not in status:
                    status[ref] = key
        source_ids = sorted(corpus.sources)
        return cls(dict(zip(source_ids, palette(len(source_ids)), strict=True)), status)

    def colour(self, source_id: str) -> str:
        """The source's colour; a neutral grey for an id that names no source."""
        return self.colours.get(source_id, UNKNOWN_SOURCE)

    def style(self, fact: Fact) -> Style:
        """How ``fact`` is drawn: its source's colour, its ring."""
        return Style(self.colour(fact.source.id), self.status.get(fact.ref))
