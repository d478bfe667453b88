"""Subjects the sentence's grammar gives, before any rule of nearness.

A year between a determiner and a name dates the named entity ("the 1798 Alien Enemies
Act"); a verb phrase joined to a sentence with no subject of its own ("CECOT is situated
in Tecoluca, 74km southeast of San Salvador and was opened in January 2023") shares the
sentence's subject, the entity named before its first verb, not the nearest name. A
figure opening a bracket right after a name ("Kentucky (8 electoral votes) and Oklahoma
(7)") is that entity's: the bracket says what the name before it has. A date whose day
one entity's name carries ("... launch from Kennedy of 2024-05-08") is that entity's; of
several, the one whose name holds a wire dateline's agency ("March 31 (UPI)"). A figure
that says the one right before it again, otherwise ("net income of $4.5 billion, or 94
cents a share", "fell 65 cents, or 2.75 percent"), is about the same.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.mention import Found, Place
from factcheck.extract.vocabulary import Names

__all__ = [
    "BRACKETED",
    "DATELINE",
    "DAY_NAMED",
    "FIRST",
    "RESTATED",
    "RESTATES",
    "bracketed",
    "dated_name",
    "named_date",
    "shared_subject",
]

#: Between a figure and the next that says it again, otherwise: "$4.5 billion|, or |94
#: cents a share", "$516 million| (|23 cents a share)".
#: How the note of a subject taken from the figure said again ends.
RESTATED: Final = "that of the figure it says again"
RESTATES: Final = re.compile(r"\s*(?:,\s*or|\()\s*")

#: How the note of a subject chosen as the name a bracketed figure follows ends.
BRACKETED: Final = "which the bracket with the figure follows"
#: How the note of a subject told apart by a wire dateline's agency says so.
DATELINE: Final = "the dateline's"
#: How the note of a subject chosen as the entity whose name carries the date ends.
DAY_NAMED: Final = "whose name carries the day"


def dated_name(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "the 1798 Alien Enemies Act": a year between a determiner and a name is that
    entity's."""
    text = place.text
    year = re.match(r"\d{4}\s+", text[place.at : place.sent[1]])
    if place.end is not None or year is None:
        return None
    if not re.search(r"\b(?:a|an|the)\s+$", text[max(0, place.at - 6) : place.at], re.I):
        return None
    for a, b, e in found:
        if a == place.at + year.end():
            return e, f"subject: {text[a:b]!r}, which the year before its name dates"
    return None


# "CECOT is situated in Tecoluca ... and was opened in January 2023": a verb phrase joined
# with no subject of its own shares the sentence's.
_JOINED_VERB: Final = re.compile(
    r"\b(?:and|but)\s+(?:\w+ly\s+)?(?:was|were|is|are|has|have|had)\s+[a-z]+(?:ed|en)\b"
)
_FIRST_VERB: Final = re.compile(r"\b(?:is|are|was|were|has|have|had)\b")


def shared_subject(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """The entity that opens the sentence, before its first verb, for a figure of a verb
    phrase joined to the sentence with no subject of its own ("... and was opened in")."""
    text, (s, _) = place.text, place.sent
    joined = list(_JOINED_VERB.finditer(text, s, place.at))
    if not joined or any(joined[-1].start() <= a < place.at for a, _, _ in found):
        return None
    verb = _FIRST_VERB.search(text, s, joined[-1].start())
    opening = [f for f in found if f[1] <= verb.start()] if verb is not None else []
    if not opening:
        return None
    a, b, e = opening[-1]
    return e, f"subject: {text[a:b]!r}, the sentence's, which {joined[-1].group()!r} shares"


_ISO_DAY: Final = re.compile(r"\b\d{4}-\d\d-\d\d\b")


def named_date(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "SpaceX just launched its Starlink mission on Wednesday" (2024-05-08): the one
    entity whose name carries the day the date is ("Starlink launch from Kennedy Space
    Center of Wednesday 2024-05-08") is what it dates; two such names, neither."""
    if place.end is not None or place.day is None:
        return None
    dated = [e for e, name in names.names.items() if place.day in _ISO_DAY.findall(name)]
    why = ""
    if len(dated) > 1:
        dated, why = _told_apart(names, dated, found, place)
    if len(dated) != 1:
        return None
    return dated[0], f"subject: {names.names[dated[0]]!r}, {DAY_NAMED}{why}"


# A wire dateline's agency in brackets right after its date: "March 31 (UPI) —".
_AGENCY: Final = re.compile(r"[\w ,.]{0,20}?\(([A-Z][A-Za-z .&-]{1,30})\)")


def _told_apart(
    names: Names, dated: list[str], found: Found, place: Place
) -> tuple[list[str], str]:
    """Of several entities whose names carry the day, the one whose name holds the agency
    of a wire dateline ("March 31 (UPI)": "UPI's story of 2025-03-31"). Not the one whose
    name holds an entity the clause names: "[11:23 p.m.] The Aurora Bridge is open" is no
    time of the "crash on the Aurora Bridge (2015-09-24)"."""
    agency = _AGENCY.match(place.text, place.at)
    if agency is None:
        return [], ""
    held = [e for e in dated if re.search(rf"\b{re.escape(agency[1])}\b", names.names[e])]
    return (held, f", and its name holds {DATELINE} {agency[1]!r}") if len(held) == 1 else ([], "")


# From a name to the figure of the bracket it opens: "Kentucky (|8", "Oklahoma (about |7".
_OPENS_BRACKET: Final = re.compile(r"\s*\(\s*(?:[a-z]+\s+){0,2}")


def bracketed(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "Kentucky (8 electoral votes) and Oklahoma (7)": a figure opening a bracket right
    after a name is the named entity's."""
    text = place.text
    for a, b, e in found:
        if b <= place.at and _OPENS_BRACKET.fullmatch(text, b, place.at):
            return e, f"subject: {text[a:b]!r}, {BRACKETED}"
    return None


def restated(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "Net income of $4.5 billion, or 94 cents a share": a figure saying the one right
    before it again, otherwise, is about what that one is about."""
    if place.restates is None:
        return None
    return place.restates, f"subject: {place.restates}, {RESTATED}"


#: The rules of grammar tried before any other, in order (see :mod:`.subjects`): a figure
#: said again, then a year before a name, then a day an entity's name carries.
FIRST: Final = (restated, dated_name, named_date)
