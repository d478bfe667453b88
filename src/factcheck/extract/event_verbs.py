"""Event verbs: an event the text names only by its verb ("Abrego Garcia was arrested on
March 12", of "ICE's arrest of Abrego Garcia in March 2025").

A date whose clause has a verb that heads the name of an event of the corpus ("arrested":
"arrest of ...") is that event's date when exactly one such event gives a date agreeing
with it (its name, aliases or note say "March 2025" of "March 12", "2019" of "in 2019"):
the verb says what happened, the date in the event's name which of its kind it was. Two
arrests in different years are told apart by the year; two giving the same are no
evidence. An event whose name gives no date ("Obed Navas's call to his wife") is that
date's when its name holds the name of an entity the sentence names ("recalled of a March
14 call with her husband, a barber named Obed Navas"): who took part tells which of its
kind it was, as a date would. A date opening its sentence on its own ("On April 14, Trump
and Bukele met in Washington") is the time of the clause after it; that clause is not the
date's own, so the event must both give that very day and hold a name the sentence has.
"""

from __future__ import annotations

import calendar
import functools
import re
from typing import Final

from factcheck.extract.dates import MONTHS, find_dates
from factcheck.extract.mention import Found, Place
from factcheck.extract.sentences import clause_span
from factcheck.extract.stems import word_stems
from factcheck.extract.vocabulary import Names

__all__ = ["EVENT_VERB", "HOLDS_NAMED", "dates_said", "event_by_verb", "holds"]

#: How the note of a subject chosen as the event named by the date's verb says so.
EVENT_VERB: Final = "the event the clause names by its verb"
#: ... and, its name giving no date, how it says that the sentence's names tell it.
HOLDS_NAMED: Final = "its name, giving no date, holding a name the sentence has"

# Stems this long that begin alike are one word: "arrested" (arrest) and "arrests".
_SHARED_PREFIX: Final = 5
_ISO: Final = re.compile(r"\b\d{4}(?:-\d{2}){0,2}\b")


@functools.lru_cache(maxsize=2**12)
def dates_said(text: str) -> frozenset[str]:
    """The ISO dates a name or note gives, written as ISO or in words ("March 2025")."""
    found = set(_ISO.findall(text))
    found |= {str(d.value) for d in find_dates(text, 0, len(text), None)}
    return frozenset(found)


def _agree(a: str, b: str) -> bool:
    """Whether two ISO dates agree at the coarser one's precision."""
    n = min(len(a), len(b), 10)
    return n >= 4 and a[:n] == b[:n]


def _same(a: str, b: str) -> bool:
    return a == b or (
        min(len(a), len(b)) >= _SHARED_PREFIX and (a.startswith(b) or b.startswith(a))
    )


def event_by_verb(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """The one event headed by a verb of the date's clause whose name gives a date agreeing
    with the figure's, or gives none but holds an entity the sentence names; None for a
    count, or none or several such events."""
    if place.end is not None or place.day is None:
        return None
    lo, hi = clause_span(place.text, place.sent[0], place.sent[1], place.at)
    after = _clause_after(place, lo, hi)
    clause = place.text[lo:hi] if after is None else place.text[slice(*after)]
    # "the parked train": a participle after a determiner describes, it tells no event
    verbs = word_stems(clause) - word_stems(" ".join(_DESCRIBING.findall(clause)))
    named = {e for _, _, e in found}
    headed = [
        e for e, hs in names.event_heads.items() if any(_same(h, v) for h in hs for v in verbs)
    ]
    # a clause the date leads says what happened then ("[11:23 p.m.] The Aurora Bridge is
    # open"); one it ends ("Local people arrive at the scene * 7:30 pm") may not
    leads = verbs if after is None and not _WORD.search(place.text, lo, place.at) else set()
    told = {e: _told(names, e, named, place.day, after is not None, leads) for e in headed}
    events = [e for e in headed if told[e] is not None]
    why = ""
    if len(events) > 1:  # "Abrego Garcia was deported ... in March 2025": his deportation
        tied = events
        events, why = _holding_most(names, events, found, place.text)
        if not events:  # "The southbound lanes of the Aurora Bridge reopened": those lanes'
            events, why = _sharing_most(names, tied, verbs)
    if len(events) != 1:
        return None
    how = HOLDS_NAMED if told[events[0]] == "undated" else "on a date its name gives"
    return events[0], f"subject: {events[0]}, {EVENT_VERB}, {how}{why}"


def _told(
    names: Names, event: str, named: set[str], day: str, after: bool, words: set[str]
) -> str | None:
    """How an event's name ties it to the date, if it does: "dated" (it gives a date
    agreeing with the figure's) or "undated" (it gives none but holds an entity the
    sentence ``named``); a clause the date is not part of (``after``) needs both, and the
    name's date as precise as the figure's (the year of "14 April 2025" agrees with any
    day of 2025)."""
    said = (names.names.get(event, ""), *names.alias_names.get(event, ()))
    days = {d for text in (*said, names.notes.get(event, "")) for d in dates_said(text)}
    held = any(holds(names, event, x) for x in named if x != event) or (
        not after and _described(names.names.get(event, ""), words)
    )
    dated = any(_agree(day, d) and len(d) >= (len(day) if after else 0) for d in days)
    if dated and (held or not after):
        return "dated"
    return "undated" if not days and held else None


def _clause_after(place: Place, lo: int, hi: int) -> tuple[int, int] | None:
    """The clause a date opening its sentence on its own ("On April 14, Trump and Bukele
    met") is the time of: the next one holding a word besides the date's; None when the
    date's own clause has words of its own, or stands later in the sentence."""
    text, (s_lo, s_hi) = place.text, place.sent
    if _WORD.search(text, s_lo, hi):
        return None
    while hi < s_hi:  # past the date's own parts ("March 16| 2025")
        lo, hi = clause_span(text, s_lo, s_hi, hi + 1)
        if _WORD.search(text, lo, hi):
            return lo, hi
    return None


# A participle standing as an adjective: "the parked train", "a deported man".
_DESCRIBING: Final = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+([a-z]+ed)\s+[a-z]", re.I)
# A word besides a date's own: not its preposition, month (a month's name as the date
# reader knows it, not any word it begins: "Mayor", "declared"), weekday or part of the day.
_WORD: Final = re.compile(
    r"\b(?!(?:on|in|at|by|early|late|the|of|morning|evening|night|afternoon)\b"
    rf"|(?:{'|'.join(MONTHS)})\b"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)[A-Za-z]{2,}",
    re.IGNORECASE,
)


def holds(names: Names, event: str, entity: str) -> bool:
    """Whether the event's name holds the entity's name or one of its aliases."""
    own = names.names.get(event, "")
    spelled = (names.names.get(entity, ""), *names.alias_names.get(entity, ()))
    return any(w and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", own) for w in spelled)


def _holding_most(
    names: Names, events: list[str], found: Found, text: str
) -> tuple[list[str], str]:
    """Of several events, the one whose name holds the names (or aliases) of the most
    entities the sentence names ("Abrego Garcia's deportation to El Salvador" of a sentence
    naming both), if one does."""
    named = list(dict.fromkeys(e for _, _, e in found))
    held = {e: [x for x in named if x != e and holds(names, e, x)] for e in events}
    top = max(len(h) for h in held.values())
    best = [e for e in events if top and len(held[e]) == top]
    if len(best) != 1:
        return [], ""
    return best, f"; of {len(events)} such, the one whose name holds {', '.join(held[best[0]])}"


def _sharing_most(names: Names, events: list[str], words: set[str]) -> tuple[list[str], str]:
    """Of several events alike by the names they hold, the one sharing the most words of
    its name with the clause, besides the ones they all share and a date's ("reopening of
    the Aurora Bridge's southbound lanes" of "The southbound lanes of the Aurora Bridge
    reopened"): the date was compared already."""
    own = {e: word_stems(names.names.get(e, "")) - _DATE_WORDS for e in events}
    own = {e: {w for w in words if len(w) > 2} for e, words in own.items()}
    common = set.intersection(*own.values())
    shared = {e: (own[e] - common) & words for e in events}
    top = max(len(w) for w in shared.values())
    best = [e for e in events if top and len(shared[e]) == top]
    if len(best) != 1:
        return [], ""
    return best, f"; of {len(events)} such, the one sharing {', '.join(sorted(shared[best[0]]))}"


# The words of a date: compared as a date, not as a word of a name.
_DATE_WORDS: Final = frozenset(
    word_stems(" ".join([*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name]))
)


def _described(name: str, words: set[str]) -> bool:
    """Whether the clause has three words of an event's name besides its date's ("A
    resident in Nantes calls 911 to report a fire in the parked train" of "call to 911
    reporting a fire in the parked train")."""
    own = {w for w in word_stems(name) - _DATE_WORDS if len(w) > 2}
    return len(own & words) >= _DESCRIBED


# How many words of its name a clause must have to describe an event it does not name.
_DESCRIBED: Final = 3
