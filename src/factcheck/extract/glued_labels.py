"""Labels glued to their values, as infoboxes and tables lose their cells' borders.

"Capacity40,000" and "Date opened31 January 2023" are a label and a value whose cells ran
together when the page was saved as text: the label is read apart, so the value is a figure
and the label can say what it is. Words capitalised as a label is ("Capacity", "Date
opened") make one; "FlightRadar24" or "MS-13", a name with digits, does not.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["unglued"]

# A label at the start of a line of infobox or table text, its last letter lower case.
_GLUED_LABEL: Final = re.compile(
    r"[A-Z][a-z]*(?: [A-Za-z][a-z]*){0,5}(?<=[a-z])(?=[$\u20ac\u00a3]?\d)"
)


def unglued(text: str, start: int, end: int) -> tuple[str, str | None]:
    """``text`` with a label glued to the value after it, at ``start``, blanked out (the
    offsets of the rest unchanged), and the label; ``text`` and None without one."""
    m = _GLUED_LABEL.match(text, start, end)
    if m is None:
        return text, None
    return text[:start] + " " * (m.end() - start) + text[m.end() :], m.group()
