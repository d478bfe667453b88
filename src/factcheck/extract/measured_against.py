"""What a figure is measured against: never its subject, nor evidence of one.

"110 miles east-southeast of Tijuana" and "about six miles (10 kilometers) from
Lac-Megantic" name where a distance is measured from (see
:mod:`factcheck.extract.distances`); "21 seconds slower than Geoffrey Mutai's split" and
"more than the United States" name the standard the figure is compared with. The figure is
about something else: these entities are left out of the ones its subject is chosen from,
and their words are no evidence for another entity (:class:`factcheck.extract.kinds.Evidence`).
Plain English readings of "from", "of" after a direction, and "than", not words of any text.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.distances import Measured, measured_as, reference_places
from factcheck.extract.mention import Found, Mention

__all__ = ["measured_against"]

# "slower than Geoffrey Mutai's split", "more than the United States", "than that of the".
_COMPARED: Final = re.compile(r"\bthan\s+(?:the\s+|that\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)
# Between where a distance's words end and the place's name: "from |the village of| Nantes".
_BEFORE_PLACE: Final = re.compile(r"[\w\s'\u2019-]{0,40}")


def measured_against(
    text: str, sent: tuple[int, int], found: Found, mention: Mention
) -> tuple[Found, list[str]]:
    """(the entities of ``found`` the figure may be about, notes naming those left out):
    not where a distance is measured from, nor what the figure is compared with."""
    compared = [f for f in found if _COMPARED.search(text, max(sent[0], f[0] - 30), f[0])]
    measured = measured_as(text, mention)
    refs: Found = []
    if measured is not None and measured[0] == Measured.DISTANCE:
        refs = reference_places(text, sent, found)
        # "about six miles (10 kilometers) from Lac-Megantic": a length in words, too
        after = [f for f in found if f[0] >= measured[1]]
        if (
            after
            and min(after) not in refs
            and _BEFORE_PLACE.fullmatch(text, measured[1], min(after)[0])
        ):
            refs = [*refs, min(after)]
    notes = []
    if refs:
        places = ", ".join(repr(text[a:b]) for a, b, _ in refs)
        notes.append(f"not {places}: where distances are measured from")
    if compared:
        named = ", ".join(repr(text[a:b]) for a, b, _ in compared)
        notes.append(f"not {named}: what the figure is compared with")
    return [f for f in found if f not in refs and f not in compared], notes
