"""Where a length is measured from: "110 miles east-southeast of Tijuana", "6 miles below
the earth's surface".

A length followed by a compass direction and "of" ("25.7 km (15.9 miles) SSE of Lomas"),
or by "from" ("about 60 miles from the provincial capital Quetta"), says how far the thing
the sentence is about lies from a place: the figure is a *distance*, and the place named
after it is where the distance is measured from, a reference point and never what the
figure is about. A length followed by "below" or "beneath" ("6 miles below the surface")
is a *depth*. These are plain English readings of a length, not words of any text.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.mention import Mention

__all__ = ["LENGTH_UNITS", "Measured", "measured_as", "reference_places"]

#: Units of a length, as the number reader writes them.
LENGTH_UNITS: Final = frozenset({"km", "miles", "m", "ft", "cm", "mm", "yards", "nmi"})

_POINT: Final = r"(?:north|south|east|west)"
# "east-southeast", "northeast", "south", "SSE", "NE"; compass letters only in capitals.
_DIRECTION: Final = rf"(?:(?i:{_POINT}(?:-?{_POINT}){{0,2}})|[NSEW]{{1,3}})"
# A unit word the figure's span may leave after it, then a bracketed restatement.
_UNIT_WORD: Final = (
    r"(?:-?\s*(?:km|kilomet(?:er|re)s?|(?:nautical\s+)?miles?|mi|nm|metres?|meters?|feet|ft)\b)?"
)
# "2.2 nm and 032 degrees from Sparks": a length and a bearing, both from the place.
_BEARING: Final = r"(?:\s+and\s+\d{1,3}\s+degrees)?"
_BRACKET: Final = r"(?:\s*\([^()]{0,40}\))?"
_TOWARDS: Final = rf"\s+(?:{_DIRECTION}\s+of|(?i:away\s+)?(?i:from))\s+(?i:the\s+)?"
_FROM: Final = re.compile(_UNIT_WORD + _BRACKET + _BEARING + _TOWARDS)
# Every such phrase of a sentence, its unit written out: "25.7 km (15.9 miles) SSE of ".
_ANY_FROM: Final = re.compile(r"\d" + _UNIT_WORD.removesuffix("?") + _BRACKET + _BEARING + _TOWARDS)
_BELOW: Final = re.compile(_UNIT_WORD + _BRACKET + r"\s+(?i:below|beneath|under)\b")


class Measured:
    """What a length is, read from the words right after it."""

    DISTANCE: Final = "distance"
    DEPTH: Final = "depth"


def measured_as(text: str, mention: Mention) -> tuple[str, int] | None:
    """(what the length measures, where the words after it end): ``("distance", i)``
    with ``i`` where the reference place's name may start ("110 miles east-southeast of
    |Tijuana"), ``("depth", i)`` for a length below something. None for a figure that is
    no length, or whose words say neither."""
    if mention.kind != "quantity" or mention.unit not in LENGTH_UNITS:
        return None
    m = _FROM.match(text, mention.end)
    if m is not None:
        return Measured.DISTANCE, m.end()
    m = _BELOW.match(text, mention.end)
    if m is not None:
        return Measured.DEPTH, m.end()
    return None


def reference_places(
    text: str, sent: tuple[int, int], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The entities a distance of the sentence is measured from: of each "N km SSE of"
    phrase, the entity named first in the noun phrase after it ("the sprawling megacity
    of |Chongqing|"), if no punctuation comes before it. "25.7 km SSE of Lomas and 73.7
    km SSE of Minas de Marcona": both places, for both figures."""
    places = []
    for m in _ANY_FROM.finditer(text, *sent):
        after = [f for f in found if f[0] >= m.end()]
        first = min(after) if after else None
        if first and re.fullmatch(r"[\w\s'\u2019-]{0,40}", text[m.end() : first[0]]):
            places.append(first)
    return places
