"""Coordination: figures joined by "and" share what the sentence says of them.

"252 Venezuelan and 36 Salvadoran migrants were deported": the verb after the second
figure is said of the first too; the words between two figures go to the nearer one
(:mod:`.figure_words`), so the first is left with no property. A figure followed by at
most two words and "and" (or "or") right before another figure of its kind and unit takes
the second's subject and property when it has neither of its own, and its note says so.
"""

from __future__ import annotations

import re
from typing import Any, Final

from factcheck.extract.mention import UNIDENTIFIED, UNREVIEWED_DATE, UNREVIEWED_NUMBER, Mention

__all__ = ["share_predicates"]

# "252 Venezuelan and 36", "238 men or 36": a word or two, then "and"/"or".
_JOINED: Final = re.compile(r"\s+(?:[A-Za-z][\w'-]*\s+){1,2}(?:and|or)\s+(?:some\s+|about\s+)?")


def share_predicates(text: str, claims: list[tuple[Mention, dict[str, Any]]]) -> None:
    """Give a figure the subject and property of the one it is joined to by "and", when
    it has no property and no subject other than that one's (in place)."""
    for i in range(len(claims) - 2, -1, -1):
        (m, claim), (n, other) = claims[i], claims[i + 1]
        if (
            m.kind != n.kind
            or m.unit != n.unit
            or claim["property"] not in (UNREVIEWED_NUMBER, UNREVIEWED_DATE)
            or other["property"] in (UNREVIEWED_NUMBER, UNREVIEWED_DATE)
            or claim["subject"] not in (UNIDENTIFIED, other["subject"])
            or not _JOINED.fullmatch(text, m.end, n.start)
        ):
            continue
        claim["subject"], claim["property"] = other["subject"], other["property"]
        claim["note"] += (
            f"; subject and property of {n.text!r}, joined to it by "
            f"{text[m.end : n.start].strip()!r}: what is said of both"
        )
