"""Abstaining: a subject that only a weak rule chose, on a draft with no property, stays
``unidentified``.

Each subject rule writes its reason into the draft's note ("subject: 'U.S.', right before
the figure ('U.S. sent ')"). Counted per reason over the development sets (seeds,
development 1 and 2, held-out 2 to 5; 557 found drafts), the rules below are right about
as often as not, or less, when the words around the figure name no property:

* the entity right before the figure: 2 right of 15;
* what the text is about so far: 0 of 6;
* the entity whose name carries the date's day: 2 of 6;
* the only entity named in the figure's clause: 4 of 9;
* the only entity named in the sentence: 14 of 28;
* the subject of the figure before it in its paragraph: 15 of 27;
* the subject of the figure a figure says again ("1:21 a.m. EDT (05:21 GMT)"), which is
  that figure's guess.

With a property named, the same rules are right 80 % to 100 % of the time (the property's
words tie the figure to what it is said of), and all subjects together 77 %. A draft with
no property and a subject it merely sits near is a guess presented as known; it stays
``unidentified``, and its note names the candidate the rule would have picked and why it
was not taken, so a reviewer loses nothing. Runs after drafting, so no later rule (the
subject of the figure before, restatements) sees the change.
"""

from __future__ import annotations

import re
from typing import Any, Final

from factcheck.extract.grammar_subjects import DAY_NAMED, RESTATED
from factcheck.extract.mention import UNIDENTIFIED, UNREVIEWED_NUMBER

__all__ = ["WEAK_REASONS", "abstain_weak_subjects"]

#: The reasons (as the subject rules write them) of the rules that abstain without a property.
WEAK_REASONS: Final = (
    "right before the figure",
    "what the text is about so far",
    DAY_NAMED,
    "the only entity named in the figure's clause",
    "the only entity named in the sentence",
    "the subject of the figure before it in its paragraph",
    RESTATED,
)

_SUBJECT: Final = "subject: "


def _weak_reason(note: str, reasons: tuple[str, ...] = WEAK_REASONS) -> tuple[int, int] | None:
    """Where the note's last subject reason is, if one of ``reasons``' rules wrote it."""
    at = note.rfind(_SUBJECT)
    if at < 0:
        return None
    start = at + len(_SUBJECT)
    end, depth = start, 0
    # the reason ends at the first "; " outside brackets ("(named 3 times before; the
    # sentence names nothing)" is the reason's own)
    while end < len(note) and not (depth == 0 and note.startswith("; ", end)):
        depth += {"(": 1, ")": -1}.get(note[end], 0)
        end += 1
    reason = note[start:end]
    return (start, end) if any(w in reason for w in reasons) else None


#: Subject reasons that only point at an entity: a pronoun, the name right before.
_POINTING: Final = ("' opening the sentence stands for", "' stands for", "right before the figure")
# A quantity property the subject alone gave (:func:`.properties.property_of_subject`).
_SUBJECT_GIVEN: Final = re.compile(r"property ([\w-]+): the only quantity property said of a \w+")


def _pointed_only(claim: dict[str, Any]) -> None:
    """ "It would drop from 5.3 percent", "Central Coast Mariners 1": a subject a pronoun
    or nearness pointed at, and a property only that subject gave (the one said of its
    kind), tie nothing of the figure's own to either; measured on the development sets,
    none of seven was right. Both are left unreviewed, the note naming them."""
    given = _SUBJECT_GIVEN.search(claim["note"])
    span = _weak_reason(claim["note"], _POINTING)
    if given is None or span is None or claim["property"] != given[1]:
        return
    note, (start, end) = claim["note"], span
    claim["note"] = (
        f"{note[:start]}unidentified; not taken: {claim['subject']} ({note[start:end]}), nor "
        f"{given[1]}, which only that subject gave{note[end:]}"
    )
    claim["subject"], claim["property"] = UNIDENTIFIED, UNREVIEWED_NUMBER


def abstain_weak_subjects(claims: list[dict[str, Any]]) -> None:
    """Leave ``unidentified`` the subject of each draft with no property whose subject a
    weak rule chose; its note keeps the candidate and says why it was not taken. A
    property only a pointed-at subject gave is no property (:func:`_pointed_only`)."""
    for claim in claims:
        if claim["subject"] != UNIDENTIFIED:
            _pointed_only(claim)
    for claim in claims:
        if claim["subject"] == UNIDENTIFIED or not claim["property"].startswith("unreviewed-"):
            continue
        span = _weak_reason(claim["note"])
        if span is None:
            continue
        note, (start, end) = claim["note"], span
        claim["note"] = (
            f"{note[:start]}unidentified; not taken: {claim['subject']} ({note[start:end]}), "
            f"as no property ties the figure to it{note[end:]}"
        )
        claim["subject"] = UNIDENTIFIED
