"""Subjects and properties: which entity a figure is about, and what it says of it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from ..corpus import Corpus
from .mention import UNIDENTIFIED, Mention
from .sentences import _clause

#: Keywords that make a property clear: property id -> (phrases, unit the figure must have).
#: ``None`` for the unit means a plain count or measure (not a percentage or an amount).
_PROPERTY_KEYWORDS: Final[dict[str, tuple[tuple[str, ...], str | None]]] = {
    "capacity": (("designed for", "space for", "accommodate", "capacity of"), None),
    "inmates": (("houses", "serving sentences", "are held"), None),
    "opened": (("opened", "inaugurated"), None),
    "arrests": (("arrested",), None),
    "imprisoned": (("imprisoned",), None),
    "killed": (("killed", "lives"), None),
    "population": (("population of",), None),
    "prison-population": (("in prisons",), None),
    "incarceration-rate": (("prisoners per",), "per 100,000"),
    "incarceration-rate-world-rank": (("prisoners per",), "rank"),
    "enacted": (("act of",), None),
    "homicide-rate": (("murders per", "homicides per"), "per 100,000"),
    "homicide-rate-decrease": (("murder rate", "homicide rate"), "percent"),
    "approval-rating": (("approved of",), "percent"),
    "right-direction": (("right direction",), "percent"),
    "age": (("years old",), "years"),
    "payment": (("would receive",), "USD"),
    "payment-share-of-prison-budget": (("budget",), "percent"),
    "citizenship-investment": (("citizenship",), "USD"),
    "watchtowers": (("towers",), None),
    "site-area": (("located on an area",), "hectares"),
    "tco-designated": (("transnational criminal organization",), None),
    "fto-designated": (("foreign terrorist organization",), None),
    "founded": (("was formed", "was founded"), None),
    "time-outside-cell": (("leave their cells", "outside the cell"), "minutes"),
}


@dataclass
class _Names:
    """Entity aliases and property keywords of a corpus, compiled for matching."""

    aliases: re.Pattern[str] | None
    owner: dict[str, str]
    properties: dict[str, str]  # property id -> type
    kinds: dict[str, str] = field(default_factory=dict)  # entity id -> kind
    # property id -> kinds of entity that confirmed claims of it are about
    subject_kinds: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, corpus: Corpus | None) -> _Names:
        if corpus is None:
            return cls(None, {}, {})
        owner: dict[str, str] = {}
        for entity in corpus.entities.values():
            if entity.id == UNIDENTIFIED:
                continue
            for name in (entity.name, *(a.name for a in entity.aliases)):
                owner.setdefault(name, entity.id)
        names = sorted(owner, key=len, reverse=True)
        pattern = (
            re.compile(r"(?<![\w@])(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
            if names
            else None
        )
        props = {p.id: str(p.type) for p in corpus.properties.values()}
        kinds = {e.id: e.kind for e in corpus.entities.values()}
        subject_kinds: dict[str, set[str]] = {}
        for f in corpus.facts:
            if not f.claim.draft and f.subject in kinds:
                subject_kinds.setdefault(f.prop.id, set()).add(kinds[f.subject])
        return cls(
            pattern, owner, props, kinds, {k: frozenset(v) for k, v in subject_kinds.items()}
        )

    def entities_in(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        if self.aliases is None:
            return []
        return [
            (m.start(), m.end(), self.owner[m.group()])
            for m in self.aliases.finditer(text, start, end)
        ]


def _propose_subject(
    names: _Names,
    found: list[tuple[int, int, str]],
    text: str,
    sent: tuple[int, int],
    at: int,
    prop: str | None,
) -> tuple[str | None, list[str], str | None]:
    """(subject or None, entities named in the sentence, why the subject was chosen).

    Clear means: the only entity named in the sentence, else the only one in the figure's
    clause, else (with a proposed property) the only one of a kind that the corpus's
    confirmed claims of that property are about ("opened" is said of prisons).
    """
    ids = list(dict.fromkeys(e for _, _, e in found))
    if len(ids) == 1:
        return ids[0], ids, None
    lo, hi = _clause(text, sent[0], sent[1], at)
    local = list(dict.fromkeys(e for a, b, e in found if lo <= a and b <= hi))
    if len(local) == 1:
        return local[0], ids, None
    wanted = names.subject_kinds.get(prop or "", frozenset())
    fitting = [e for e in ids if names.kinds.get(e) in wanted]
    if len(fitting) == 1:
        kind = names.kinds[fitting[0]]
        return fitting[0], ids, f"subject: the only {kind} named in the sentence"
    return None, ids, None


_SPECIAL_UNITS: Final = frozenset({"percent", "USD", "EUR", "GBP", "rank", "times"})


def _propose_property(
    names: _Names, text: str, sent: tuple[int, int], mention: Mention, alone: bool
) -> str | None:
    """A property whose keyword is in the mention's clause (or in its sentence, when the
    mention is the only figure of its kind there) and whose type and unit suit it."""

    def hits(low: str) -> list[str]:
        found = []
        for prop, (phrases, unit) in _PROPERTY_KEYWORDS.items():
            if names.properties.get(prop) != mention.kind or not any(p in low for p in phrases):
                continue
            if (
                mention.kind == "quantity"
                and unit != mention.unit
                and not (
                    unit is None
                    and mention.unit not in _SPECIAL_UNITS
                    and not (mention.unit or "").startswith("per ")
                )
            ):
                continue
            found.append(prop)
        return found

    lo, hi = _clause(text, sent[0], sent[1], mention.start)
    local = hits(text[lo:hi].casefold())
    if not local and alone:
        local = hits(text[sent[0] : sent[1]].casefold())
    if not local and mention.kind == "quantity" and not mention.unit:
        local = _counted_property(names, text[mention.end : sent[1]])
    return local[0] if len(local) == 1 else None


_COUNTED_RUN: Final = re.compile(r"\s+((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)")
_RUN_STOP: Final = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "with",
        "for",
        "in",
        "on",
        "at",
        "to",
        "and",
        "or",
        "each",
        "which",
        "that",
        "who",
        "are",
        "is",
        "was",
        "were",
        "has",
        "have",
        "had",
        "by",
        "from",
        "per",
        "as",
    }
)


def _counted_property(names: _Names, after: str) -> list[str]:
    """Properties named by the noun counted after a figure: "eight buildings" -> buildings,
    "32 prison cells" -> cells-per-building (the last word of the noun phrase decides)."""
    m = _COUNTED_RUN.match(after)
    if not m:
        return []
    run: list[str] = []
    for word in m.group(1).casefold().split():
        if word in _RUN_STOP:
            break
        run.append(word)
    found: dict[str, str] = {}  # property -> the word that named it
    for prop, ptype in names.properties.items():
        if ptype != "quantity" or prop.startswith("unreviewed"):
            continue
        for word in run:
            if word in prop.split("-"):
                found.setdefault(prop, word)
    if len(found) > 1 and run:
        found = {p: w for p, w in found.items() if w == run[-1]}
    return list(found)
