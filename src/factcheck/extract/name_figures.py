"""Figures that are part of a name or a reference, not claims of the text.

"Footnote 2" and "Table 3" point to another part of the document; "train no. 305-13" is an
identifier; "a Falcon 9 rocket" names a model; "© 2017 AFX News" says who owns the text;
"the 2024 general election" and "its 2017 outlook" name which election and which outlook
(the year is a label of the thing, not when something happened). None of these is a
figure a fact file records, so none is drafted; a bare "No. 6" (a throttle position, a
ranking) is a value and stays, and so does a year before a name ("the 1798 Alien Enemies
Act", the year the act was passed).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["name_figure_spans"]

_NAME_FIGURES: Final = re.compile(
    # a reference to a part of the document
    r"\b(?:Footnote|Endnote|Note|Figure|Fig\.|Table|Section|Chapter|Appendix|Exhibit|"
    r"Paragraph|Clause)\s*(?P<ref>\d+(?:\.\d+)*[a-z]?)\b"
    # an identifier: a number with a hyphenated part after "no." or "#" ("no. 305-13")
    r"|(?:\b[Nn]o\.|#)\s*(?P<id>\d+(?:[-/]\w+)+)"
    # a model's name before the kind of machine it is ("Falcon 9 rocket", "Boeing 737 jet")
    r"|\b[A-Z][a-z]+\s+(?P<model>\d{1,4})\s+(?=(?:rocket|jet|jetliner|aircraft|airplane|"
    r"plane|helicopter|missile|spacecraft|capsule|engine|booster|launcher)s?\b)"
    # who owns the text
    r"|(?:\u00a9|\(c\)|\bCopyright)\s*(?P<copy>\d{4})\b"
    # a year naming which one of a series it is: "the 2024 general election"
    r"|\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat)\s+(?P<year>1\d{3}|20\d{2})"
    r"(?=\s+(?:[a-z]+\s+)?(?:election|outlook|forecast|budget|season|guidance|campaign|"
    r"edition|race|census|report|survey|results?)\b)"
)
_GROUPS: Final = ("ref", "id", "model", "copy", "year")


def name_figure_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where figures that are part of a name or a reference stand in ``text[start:end]``."""
    out = []
    for m in _NAME_FIGURES.finditer(text, start, end):
        group = next(g for g in _GROUPS if m[g] is not None)
        out.append(m.span(group))
    return out
