"""What the learned scorer (:mod:`.scorer`) reads of a text and of each draft: the text's
sentences and what they name, each draft's figure, and its candidate (subject, property)
pairs: the entities the text names or describes (less where the figure is measured from
or what it is compared with), the rules' own pick (kept or abstained on) and
``unidentified``; the properties whose type and unit suit the figure, the rules' pick and
the placeholder. A pair a property's declared kinds rule out is never chosen."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from factcheck.domain.values import PartialDate
from factcheck.extract.kinds import Around, read_names
from factcheck.extract.measured_against import measured_against
from factcheck.extract.mention import (
    UNIDENTIFIED,
    UNREVIEWED_DATE,
    UNREVIEWED_NUMBER,
    Found,
    Mention,
)
from factcheck.extract.properties import unit_fits
from factcheck.extract.sentences import split_sentences
from factcheck.extract.vocabulary import Names

__all__ = [
    "PLACEHOLDERS",
    "Draftee",
    "Reading",
    "allowed",
    "candidates",
    "draftees",
    "not_taken",
    "read_text",
]

#: The placeholder properties: no property told.
PLACEHOLDERS: Final = frozenset({UNREVIEWED_NUMBER, UNREVIEWED_DATE})


@dataclass(frozen=True)
class Reading:
    """What the scorer reads of a text: its sentences, what each names, its main entity."""

    text: str
    names: Names
    sentences: list[tuple[int, int]]
    named: list[Found]
    around: list[Around]
    main: str | None
    first_line: frozenset[str] = frozenset()  # the entities the text's first line names


@dataclass
class Draftee:
    """One draft to score: the claim, its figure and sentence, the rules' previous subject."""

    claim: dict[str, Any]
    mention: Mention
    sentence: int
    previous: str | None


def read_text(text: str, names: Names, published: str | None) -> Reading:
    """The text read as drafting reads it: its sentences, what each names or describes,
    the entities of its first line (its main entity: the only one there)."""
    pub = PartialDate.parse(published) if published else None
    sentences = split_sentences(text)
    named, around = read_names(names, text, sentences, pub)
    first = next((s for s in sentences if text[s[0] : s[1]].strip()), (0, 0))
    on_top = list(dict.fromkeys(e for _, _, e in names.entities_in(text, *first)))
    main = on_top[0] if len(on_top) == 1 else None
    return Reading(text, names, sentences, named, around, main, frozenset(on_top))


_NOT_TAKEN: Final = re.compile(r"not taken: ([\w.-]+) \(")


def not_taken(note: str) -> str | None:
    """The subject the rules abstained on, as their note names it."""
    m = _NOT_TAKEN.search(note)
    return m[1] if m else None


def candidates(reading: Reading, d: Draftee) -> tuple[list[str], list[str]]:
    """The subjects (entities the text names or describes, the rules' picks,
    ``unidentified``) and properties (of the figure's type and unit, the rules' pick, the
    placeholder) of one draft, in a fixed order."""
    names, claim = reading.names, d.claim
    in_text = {e for f in reading.named for _, _, e in f}
    # never where the figure is measured from, nor what it is compared with (see
    # extract.measured_against), unless the rules chose it
    sent, found = reading.sentences[d.sentence], reading.named[d.sentence]
    kept = {e for _, _, e in measured_against(reading.text, sent, found, d.mention)[0]}
    in_text -= {e for _, _, e in found} - kept
    subjects = set(in_text) | {claim["subject"]}
    other = not_taken(claim["note"])
    if other is not None and other in names.kinds:
        subjects.add(other)
    subjects.discard(UNIDENTIFIED)
    placeholder = UNREVIEWED_DATE if d.mention.kind == "date" else UNREVIEWED_NUMBER
    props = {
        p
        for p, ptype in names.properties.items()
        if ptype == d.mention.kind and p not in PLACEHOLDERS and unit_fits(names, p, d.mention)
    }
    if claim["property"] not in PLACEHOLDERS:
        props.add(claim["property"])
    return [UNIDENTIFIED, *sorted(subjects)], [placeholder, *sorted(props)]


def allowed(names: Names, subject: str, prop: str) -> bool:
    """Whether a pair may be chosen at all: a property declaring the kinds of entity it
    describes (``entity_kind``) is never said of an entity of another kind."""
    if subject == UNIDENTIFIED or prop in PLACEHOLDERS or prop not in names.declared_kinds:
        return True
    return names.kinds.get(subject) in names.declared_kinds[prop]


def draftees(
    claims: Iterable[dict[str, Any]], figures: dict[str, tuple[Mention, int]]
) -> list[Draftee]:
    """The drafts with their figures, each with the rules' subject of the draft before it."""
    out, previous = [], None
    for c in claims:
        if c["id"] not in figures:
            continue
        m, i = figures[c["id"]]
        out.append(Draftee(c, m, i, previous))
        previous = c["subject"] if c["subject"] != UNIDENTIFIED else previous
    return out
