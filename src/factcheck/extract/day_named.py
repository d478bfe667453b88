"""The entity whose name carries a date's day ("Judge Xinis's order to return Abrego
Garcia (2025-04-04)") is what the date is of (see
:func:`factcheck.extract.grammar_subjects.named_date`): surer evidence than a word of the
sentence naming a property said of another kind, and enough to say which of its kind's
date properties the date is (the one saying when it was)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from factcheck.extract.grammar_subjects import DATELINE, DAY_NAMED
from factcheck.extract.property_words import id_stems
from factcheck.extract.stems import stem
from factcheck.extract.vocabulary import Names

__all__ = ["DAY_NAMED", "day_first", "when_of_kind"]


def day_first(
    names: Names, subject: str | None, prop: str | None, notes: list[str], label: str = ""
) -> str | None:
    """ "Jepchirchir won Saturday in a race moved up an hour": the one entity whose name
    carries the date's day is what the date is of, surer evidence than a word of the
    sentence naming a property said of another kind (``moved``, said of a person): the
    property gives way, not the subject. Not a property whose word labels the date right
    before it (``label``, the words before the figure: "Retrieved 16 March 2025", "|
    Opened | 31 January 2023"): that says what the date is."""
    if subject is None or prop is None or names.allows(prop, subject):
        return prop
    if not any(DAY_NAMED in n for n in notes):  # ", in the line under this heading" too
        return prop
    word = re.search(r"([A-Za-z]+)[\s|:]*$", label)
    if word is not None and stem(word[1]) in id_stems(prop):
        return prop
    kinds = " or ".join(sorted(names.entity_kinds(prop)))
    notes.append(f"not {prop}: it is said of a {kinds}, and the day is {subject}'s")
    return None


def when_of_kind(names: Names, subject: str, notes: Sequence[str] = ()) -> str | None:
    """The one date property declared of the subject's kind that says when it was ("When
    a court order or ruling was issued.", not "The time by which an order must be complied
    with."); of several, the one saying when the subject happened, if one does, or for a
    wire dateline's date ("March 31 (UPI)", see ``notes``) the one saying when it was
    made public: a dateline dates the story it opens."""
    kind = names.kinds.get(subject)
    found = [
        p
        for p, ptype in names.properties.items()
        if ptype == "date"
        and kind in names.declared_kinds.get(p, frozenset())
        and re.match(r"\s*when\b", names.descriptions.get(p, ""), re.I)
    ]
    if len(found) > 1 and any(DATELINE in n for n in notes):
        found = [p for p in found if _PUBLIC.search(f"{p} {names.descriptions.get(p, '')}")]
    if len(found) > 1:
        found = [p for p in found if _HAPPENED.match(names.descriptions.get(p, ""))]
    return found[0] if len(found) == 1 else None


_PUBLIC: Final = re.compile(r"\bpublish|\bmade public\b", re.I)


_HAPPENED: Final = re.compile(r"\s*when the subject (?:happened|took place)\b", re.I)
