"""Subjects and properties: which entity a figure is about, and what it says of it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from factcheck.domain.corpus import Corpus

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
    adjectives: frozenset[str] = frozenset()  # aliases noted as adjectives ("Salvadoran")
    units: dict[str, str | None] = field(default_factory=dict)  # property id -> unit
    # property id -> entity kinds its description names ("When a law was invoked": law)
    described_kinds: dict[str, frozenset[str]] = field(default_factory=dict)

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
        adjectives = frozenset(
            a.name
            for e in corpus.entities.values()
            for a in e.aliases
            if a.note and "adjective" in a.note.casefold()
        )
        kind_names = {k for k in kinds.values() if k != "placeholder"}
        described = {
            p.id: frozenset(
                k for k in kind_names if re.search(rf"\b{re.escape(k)}s?\b", p.description or "")
            )
            for p in corpus.properties.values()
        }
        return cls(
            pattern,
            owner,
            props,
            kinds,
            {k: frozenset(v) for k, v in subject_kinds.items()},
            adjectives,
            {p.id: p.unit for p in corpus.properties.values()},
            described,
        )

    def entities_in(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every name or alias in ``text[start:end]``; an alias
        noted as an adjective ("Salvadoran") counts only where no other entity is named."""
        if self.aliases is None:
            return []
        found = [
            (m.start(), m.end(), self.owner[m.group()])
            for m in self.aliases.finditer(text, start, end)
        ]
        nouns = [f for f in found if text[f[0] : f[1]] not in self.adjectives]
        return nouns or found


def _propose_subject(
    names: _Names,
    found: list[tuple[int, int, str]],
    text: str,
    sent: tuple[int, int],
    at: int,
    prop: str | None,
    earlier: list[tuple[int, int, str]] | None = None,
) -> tuple[str | None, list[str], str | None]:
    """(subject or None, entities named in the sentence, why the subject was chosen).

    Clear means, in this order: the only entity named in the sentence; the only one in the
    figure's clause; the only one in the clause after it, when the figure opens the
    sentence ("5:26 p.m. - A plane bearing N278GX departs"); the only one of a kind that
    the property is said of (by the corpus's confirmed claims, or by the property's
    description: "When a law was invoked"); the entity a phrase such as "the prison"
    refers back to (the last named entity of that kind in ``earlier``).
    """
    named = list(dict.fromkeys(e for _, _, e in found))
    # an adjective ("the Salvadoran government") is not what a figure is about, nor is
    # whoever says it ("Bukele announced that his country would receive $6 million")
    found = [
        f
        for f in found
        if text[f[0] : f[1]] not in names.adjectives
        and not _POSSESSIVE.match(text, f[1])  # "Boasberg's hearing": the hearing
        and not _SPEAKER_AFTER.match(text, f[1])
        and not _SPEAKER_BEFORE.search(text, sent[0], f[0])
    ]
    ids = list(dict.fromkeys(e for _, _, e in found))
    if len(ids) == 1:
        return ids[0], named, f"subject: the only entity named in the sentence ({ids[0]})"
    lo, hi = _clause(text, sent[0], sent[1], at)
    local = list(dict.fromkeys(e for a, b, e in found if lo <= a and b <= hi))
    if len(local) == 1:
        return local[0], named, "subject: the only entity named in the figure's clause"
    before = [f for f in found if lo <= f[0] and f[1] <= at]
    if len(local) > 1 and before:
        a, b, e = before[-1]
        gap = text[b:at]
        joined = len(before) > 1 and re.fullmatch(
            r"\s*(?:,|and|or|&|,\s*and)\s*", text[before[-2][1] : a]
        )  # "El Salvador and Honduras counted 19": both, so neither alone
        if (
            not joined
            and len(gap.split()) <= 4
            and not re.search(r"[,;]|\b(?:said|says|told|and|or)\b", gap)
        ):
            return e, named, f"subject: {text[a:b]!r}, right before the figure ({text[a:at]!r})"
    if (
        not local
        and not text[sent[0] : lo].strip(" \t-\u2013\u2014")
        and not _SUBORDINATE.match(text, min(hi + 1, sent[1]))
    ):
        nlo, nhi = _clause(text, sent[0], sent[1], min(hi + 1, sent[1]))
        after = list(dict.fromkeys(e for a, b, e in found if nlo <= a and b <= nhi))
        if len(after) == 1:
            return after[0], named, "subject: the only entity named in the clause the figure heads"
    lo, hi = _clause(text, sent[0], sent[1], at)
    if not local and earlier:
        refs = {names.kinds.get(e, "") for _, _, e in earlier} - {"", "placeholder"}
        kinds = "|".join(re.escape(k) for k in sorted(refs, key=len, reverse=True))
        ref = re.search(rf"\b(?:the|this|that)\s+({kinds})\b", text[lo:hi], re.I) if kinds else None
        if ref is None and kinds:  # "The prison was built in 2022": the sentence's subject
            ref = re.match(rf"\s*(?:the|this|that)\s+({kinds})\b", text[sent[0] : hi], re.I)
        if ref is not None:
            kind = ref[1].casefold()
            of_kind = [x for x in earlier if names.kinds.get(x[2]) == kind]
            counts = {e: sum(1 for x in of_kind if x[2] == e) for _, _, e in of_kind}
            top = max(counts.values())
            # the one the text names most (its topic), the latest of equals
            a, b, e = next(x for x in reversed(of_kind) if counts[x[2]] == top)
            return (
                e,
                named,
                f"subject: {ref.group().strip()!r} refers back to {text[a:b]!r}, "
                f"the {kind} named most before it",
            )
    wanted = names.subject_kinds.get(prop or "", frozenset()) | names.described_kinds.get(
        prop or "", frozenset()
    )
    pool = local or ids
    fitting = [e for e in pool if names.kinds.get(e) in wanted]
    if len(fitting) == 1:
        kind = names.kinds[fitting[0]]
        return (
            fitting[0],
            named,
            f"subject: the only {kind} named there, and {prop} is said of a {kind}",
        )
    return None, named, None


_SPEECH: Final = (
    r"(?:said|says|announced|announces|told|stated|states|wrote|writes|tweeted|posted|"
    r"claimed|claims|added|noted|declared)"
)
_SPEAKER_AFTER: Final = re.compile(r",?\s+(?:has\s+|had\s+)?" + _SPEECH + r"\b")
_SPEAKER_BEFORE: Final = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)

_POSSESSIVE: Final = re.compile(r"['\u2019]s?\b")
# A clause that says when or why, not what: "March 15, immediately after Trump invoked".
_SUBORDINATE: Final = re.compile(
    r"\s*(?:(?:right|just|shortly|soon|long|even|\w+ly)\s+)?"
    r"(?:after|before|when|while|since|until|because|although|though|as|once|if|unless|whereas)\b",
    re.IGNORECASE,
)

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

    if mention.label is not None:
        named = _named_properties(names, mention, mention.label, "")
        return named[0] if len(named) == 1 else None
    lo, hi = _clause(text, sent[0], sent[1], mention.start)
    local = hits(text[lo:hi].casefold())
    # the sentence stops, for this figure, where a clause saying when or why begins
    sub = re.search(r",(?=" + _SUBORDINATE.pattern + ")", text[mention.end : sent[1]], re.I)
    stop = mention.end + sub.start() if sub else sent[1]
    if not local and alone:
        local = hits(text[sent[0] : stop].casefold())
    if not local:
        local = _named_properties(names, mention, text[lo : mention.start], text[mention.end : hi])
    if not local and alone:
        local = _named_properties(
            names, mention, text[sent[0] : mention.start], text[mention.end : stop]
        )
    bare = text[lo : mention.start] + text[mention.end : hi]
    if (
        not local
        and hi < sent[1]
        and not re.search(r"[A-Za-z]{4,}", bare)
        and not _SUBORDINATE.match(text, hi + 1)
    ):
        # "On Friday, March 14, Trump invoked the Act": the figure is a clause of its own
        n_lo, n_hi = _clause(text, sent[0], sent[1], hi + 1)
        local = hits(text[n_lo:n_hi].casefold()) or _named_properties(
            names, mention, "", text[n_lo:n_hi]
        )
    if not local and mention.kind == "quantity" and not mention.unit:
        local = _counted_property(names, text[mention.end : sent[1]])
    return local[0] if len(local) == 1 else None


_IRREGULAR: Final = {
    "began": "begin",
    "begun": "begin",
    "built": "build",
    "held": "hold",
    "paid": "pay",
    "sent": "send",
    "left": "leave",
    "rose": "rise",
    "fell": "fall",
    "met": "meet",
    "won": "win",
    "made": "make",
    "took": "take",
    "gave": "give",
    "kept": "keep",
    "told": "tell",
    "sold": "sell",
    "brought": "bring",
}
_PROPERTY_STOP: Final = frozenset({"of", "per", "in", "the", "a", "to", "by", "and", "or"})


def _stem(word: str) -> str:
    """A crude stem, enough to meet a property's name in a verb or plural: "departs",
    "departed" -> "depart"; "began" -> "begin"."""
    w = _IRREGULAR.get(word.casefold(), word.casefold())
    for suffix in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[A-Za-z]+", text)}


def _named_properties(names: _Names, mention: Mention, before: str, after: str) -> list[str]:
    """Properties every word of whose id is in the context ("departs" -> ``departed``,
    "began housing inmates" -> ``began-housing-inmates``), of the mention's type and a
    unit that suits it. The most specific (most words) wins; a property named only by
    the noun counted right after the figure ("40,000 inmates") gives way to one named
    elsewhere ("a capacity for 40,000 inmates")."""
    context = _stems(before) | _stems(after)
    counted = _stems(" ".join(re.findall(r"[A-Za-z]+", after)[:1]))
    elsewhere = _stems(before) | _stems(" ".join(re.findall(r"[A-Za-z]+", after)[1:]))
    scored: list[tuple[int, bool, str]] = []
    for prop, ptype in names.properties.items():
        if ptype != mention.kind or prop.startswith("unreviewed"):
            continue
        words = {_stem(w) for w in prop.split("-") if w not in _PROPERTY_STOP}
        if not words or not words <= context:
            continue
        unit = names.units.get(prop)
        if mention.kind == "quantity" and mention.unit and unit and unit != mention.unit:
            continue
        if mention.kind == "quantity" and mention.unit in _SPECIAL_UNITS and unit is None:
            continue
        scored.append((len(words), words <= elsewhere or not words <= counted, prop))
    if not scored:
        return []
    best = max(n for n, _, _ in scored)
    top = [(named_elsewhere, p) for n, named_elsewhere, p in scored if n == best]
    if len(top) > 1 and any(e for e, _ in top):
        top = [(e, p) for e, p in top if e]
    return [p for _, p in top]


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
