"""Events: a date says when something happened.

An entity of kind ``event`` (a free-form kind the schema documents, see docs/schema.md)
is something that happens at a time: a meeting, a series of killings, a transfer. A date
in a sentence that names one event is that event's date ("In March 2022, ... a series of
murders ... swept across the country"), before any person or place the sentence names;
its property is the corpus's date property said of an event that says when it happened
("Date an event happened.", "When the subject happened."), unless the words around the
date name another ("struck", "began").

A figure whose property is known but whose sentence gives no subject is about the one
event of the corpus whose name is headed by the noun of the property's verb ("238 gang
members deported" -> "Deportation of ..."); with two such events, neither.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.mention import Found, Place
from factcheck.extract.sentences import clause_span
from factcheck.extract.stems import SYNONYMS, stem
from factcheck.extract.vocabulary import Names

__all__ = [
    "EVENT_KIND",
    "event_date_property",
    "event_dated",
    "event_named_by",
    "event_of_property",
    "only_event",
]

#: The kind of entity a date is said of first.
EVENT_KIND: Final = "event"

_HAPPENED: Final = re.compile(
    r"^\s*(?:the\s+)?(?:date|when)\s+(?:the\s+subject|an?\s+event)\s+(?:happened|took\s+place|occurred)\b",
    re.IGNORECASE,
)


def only_event(names: Names, found: list[tuple[int, int, str]], lo: int, hi: int) -> str | None:
    """The one event named within ``[lo, hi)``; None if none or several."""
    events = {e for a, b, e in found if lo <= a and b <= hi and names.kinds.get(e) == EVENT_KIND}
    return events.pop() if len(events) == 1 else None


def event_date_property(names: Names, event: str | None = None) -> str | None:
    """The corpus's one date property that says when an event (or the subject) happened;
    none for an ``event`` that date properties are said of by its own noun ("When a hearing
    adjourned.", "When a hearing resumed."): its date is one of those, not a guess."""
    own = names.nouns.get(event or "", frozenset()) - {names.kinds.get(event or "", "")}
    if any(
        names.said_of.get(p, frozenset()) & own and names.allows(p, event or "")
        for p in names.properties
    ):
        return None
    found = [
        p
        for p, ptype in names.properties.items()
        if ptype == "date"
        and _HAPPENED.match(names.descriptions.get(p, ""))
        and (event is None or names.allows(p, event))
    ]
    return found[0] if len(found) == 1 else None


# Stems this long that begin alike are one word: "transferr" (transferred) and "transfer".
_SHARED_PREFIX: Final = 5


def _same(a: str, b: str) -> bool:
    return a == b or (
        min(len(a), len(b)) >= _SHARED_PREFIX and (a.startswith(b) or b.startswith(a))
    )


def event_named_by(names: Names, prop: str) -> str | None:
    """The one event of the corpus whose name is headed by the noun of the property's verb:
    ``deportees`` -> "Deportation of alleged gang members ...", ``killed`` -> "gang
    killings"; None if no event, or several, is."""
    words = {stem(stem(w)) for w in prop.split("-")}
    words |= {SYNONYMS[w] for w in words if w in SYNONYMS}
    events = [
        e
        for e, heads in names.event_heads.items()
        if any(_same(h, w) for h in heads for w in words)
    ]
    return events[0] if len(events) == 1 else None


def event_dated(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "In March 2022, ... a series of murders ... swept across the country": a date is
    about the one event its clause, else its sentence, names."""
    if place.end is not None:
        return None
    clause = clause_span(place.text, place.sent[0], place.sent[1], place.at)
    for (lo, hi), where in ((clause, "clause"), (place.sent, "sentence")):
        event = only_event(names, found, lo, hi)
        # "The mega-prisons opened during the crackdown": not a date of what "opened" is said of
        if event is not None and names.fits(place.prop, event):
            return event, f"subject: the only event named in the date's {where} ({event})"
    return None


def event_of_property(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "238 alleged gang members deported", with nothing else to go by: the one event the
    corpus names by the property's verb ("deportations")."""
    event = event_named_by(names, place.prop) if place.prop else None
    if event is None:
        return None
    return event, f"subject: {event}, the only event named by the word of {place.prop}"
