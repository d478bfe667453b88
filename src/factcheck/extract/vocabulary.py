"""A corpus's entities and properties, compiled once for drafting.

What the subject and property choices read: every entity's name and aliases (one regular
expression), its kind and the nouns it is called by (its kind and the last word of its
name, "written order" -> ``order``), and for every property its type, unit and the nouns
its description says it is about ("When a flight departed." -> ``flight``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from factcheck.domain.corpus import Corpus
from factcheck.domain.units import same_unit
from factcheck.extract.descriptions import Descriptors
from factcheck.extract.mention import UNIDENTIFIED
from factcheck.extract.property_words import Way, alternatives
from factcheck.extract.stems import stem, word_stems

__all__ = ["Names", "head_nouns", "head_stems"]

# Words of a description that say nothing of which property it is.
_VAGUE: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "to",
        "from",
        "and",
        "or",
        "its",
        "their",
        "his",
        "her",
        "it",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "what",
        "when",
        "where",
        "how",
        "many",
        "much",
        "number",
        "amount",
        "people",
        "person",
        "something",
        "someone",
        "subject",
        "one",
        "thing",
        "things",
        "total",
        "how",
        "long",
    ]
)
# Where a description's head ends: "Length of fault a quake needs" is about a length.
_HEAD_END: Final = re.compile(r"\b(?:of|a|an|the|from|in|on|at|to|for|per|by|with)\b", re.I)


def _common_words(text: str) -> str:
    """The words of ``text`` that are no proper name ("Money El Salvador receives" ->
    "Money receives"); the first word counts, its capital being the sentence's."""
    words = text.split()
    return " ".join(w for i, w in enumerate(words) if i == 0 or not w[:1].isupper())


# Words that relate a description's noun to something else ("earlier than planned",
# "during a race", "near the finish", "something being ..."): no text names a property by
# them, and a figure's sentence has them for reasons of its own ("more than 40,000").
_FUNCTION: Final = frozenset(
    {"than", "during", "near", "between", "beyond", "before", "after", "earlier", "later"}
    | {"among", "about", "around", "against", "within", "without", "into", "onto", "upon"}
    | {"since", "until", "while", "within", "being", "something", "someone", "two", "relative"}
)


def _content_words(text: str) -> str:
    """``text`` less its function words and vague words (compared as written: their stems
    differ, "something" -> "someth")."""
    return " ".join(
        w for w in re.findall(r"[A-Za-z]+", text) if w.casefold() not in _FUNCTION | _VAGUE
    )


# "Number of people a disaster killed.": a count's head says only that it counts.
_COUNT_OF: Final = re.compile(r"\s*(?:the\s+)?(?:number|count)\s+of\s+", re.I)


def _head(description: str) -> str:
    """A description's head words: up to its first preposition or article ("Length of
    fault a quake needs." -> "Length"); of a count, what it counts and the clause saying
    which ("Number of people a disaster killed." -> "people a disaster killed")."""
    count = _COUNT_OF.match(description)
    if count is not None:
        return description[count.end() :]
    return _HEAD_END.split(description, 1)[0]


def _distinctive(descriptions: dict[str, str]) -> dict[str, frozenset[str]]:
    """For each property, the stems of its description's head words (up to its first
    preposition or article) that no other property's description has ("People killed."
    -> kill; "Length of fault a quake needs." -> length): a word they share names neither,
    and what a property is said of ("of an earthquake") is not what it is."""
    stems = {
        p: frozenset(
            s
            for s in word_stems(_content_words(_common_words(_head(d))))
            if s not in _VAGUE and len(s) > 2
        )
        for p, d in descriptions.items()
        if not p.startswith("unreviewed")
    }
    seen: dict[str, int] = {}
    for words in stems.values():
        for w in words:
            seen[w] = seen.get(w, 0) + 1
    return {p: frozenset(w for w in words if seen[w] == 1) for p, words in stems.items()}


# What follows the noun a name is headed by: "Transfer| of gang members", "killings| in".
_AFTER_HEAD: Final = re.compile(r"[,(]|\s(?:of|in|to|from|by|at|on|for|into|with)\s")


def head_nouns(name: str) -> set[str]:
    """The noun a name ends with, as written and singular: "first deportation flight" ->
    flight; "ICE flights" -> flights, flight. A proper name ("United States", "Alien
    Enemies Act") gives none: its last word is no common noun to describe it by."""
    # the noun before what follows it: "first deportation flight| from Harlingen of ..."
    words = re.findall(r"[A-Za-z]+", _AFTER_HEAD.split(name, 1)[0])
    if not words or not words[-1].islower():  # "United States", "Alien Enemies Act"
        return set()
    last = words[-1].casefold()
    singular = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    return {last, singular}


def head_stems(names: list[str]) -> set[str]:
    """Stems of the nouns the names are headed by (stemmed twice: "killings" -> kill)."""
    heads = set()
    for name in names:
        words = re.findall(r"[A-Za-z]+", _AFTER_HEAD.split(name, 1)[0])
        if words:
            heads.add(stem(stem(words[-1])))
    return heads


def _described(texts: dict[str, str], nouns: set[str]) -> dict[str, frozenset[str]]:
    """For each text, the nouns it names (singular or plural), in one pass per text."""
    if not nouns:
        return {key: frozenset() for key in texts}
    alternatives = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    pattern = re.compile(rf"\b({alternatives})s?\b")
    # a kind written with a hyphen ("court-order", "landing-site") is named with a space
    # ("When a court order or ruling was issued."): read the text hyphenated too
    return {
        key: frozenset(pattern.findall(low) + pattern.findall(re.sub(r"\s+", "-", low)))
        for key, low in ((k, t.casefold()) for k, t in texts.items())
    }


def _owners(corpus: Corpus) -> dict[str, str]:
    """Every name and alias as written -> its entity; an alias written in lower case
    also with the capital that opens a sentence ("the derailment": "The derailment")."""
    owner: dict[str, str] = {}
    for entity in corpus.entities.values():
        if entity.id == UNIDENTIFIED:
            continue
        for name in (entity.name, *(a.name for a in entity.aliases)):
            owner.setdefault(name, entity.id)
            if name[:1].islower():
                owner.setdefault(name[0].upper() + name[1:], entity.id)
    return owner


@dataclass
class Names:
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
    # entity id -> the nouns it is called by (its kind, the head noun of its name)
    nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    # property id -> the nouns of entities its description names ("a flight": flight)
    said_of: dict[str, frozenset[str]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # entity id -> its name
    descriptors: Descriptors = field(default_factory=lambda: Descriptors({}))
    # property id -> stems only its description has ("People killed." -> kill)
    distinctive: dict[str, frozenset[str]] = field(default_factory=dict)
    # event id -> stems of the nouns its name and aliases are headed by ("Transfer of gang
    # members to CECOT, June 2024" -> transfer; "gang killings in El Salvador" -> kill)
    event_heads: dict[str, frozenset[str]] = field(default_factory=dict)
    # property id -> the kinds of entity it declares it describes (``entity_kind``)
    declared_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    # entity id -> its note (what the corpus says of it besides its names)
    notes: dict[str, str] = field(default_factory=dict)
    # entity id -> its aliases as written
    alias_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # property id -> other stem sets that name it (see extract.property_words)
    alternatives: dict[str, tuple[Way, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, corpus: Corpus | None) -> Names:
        if corpus is None:
            return cls(None, {}, {})
        owner = _owners(corpus)
        names = sorted(owner, key=len, reverse=True)
        pattern = (
            re.compile(r"(?<![\w@])(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
            if names
            else None
        )
        kinds = {e.id: e.kind for e in corpus.entities.values()}
        subject_kinds: dict[str, set[str]] = {}
        for f in corpus.facts:
            if not f.claim.draft and f.subject in kinds:
                subject_kinds.setdefault(f.prop.id, set()).add(kinds[f.subject])
        nouns = {
            e.id: frozenset({e.kind.casefold(), *head_nouns(e.name)})
            for e in corpus.entities.values()
            if e.id != UNIDENTIFIED and e.kind != "placeholder"
        }
        all_nouns = set().union(*nouns.values()) if nouns else set()
        descriptions = {p.id: p.description or "" for p in corpus.properties.values()}
        kind_names = {k for k in kinds.values() if k != "placeholder"}
        return cls(
            pattern,
            owner,
            {p.id: str(p.type) for p in corpus.properties.values()},
            kinds,
            {k: frozenset(v) for k, v in subject_kinds.items()},
            frozenset(
                a.name
                for e in corpus.entities.values()
                for a in e.aliases
                if a.note and "adjective" in a.note.casefold()
            ),
            {p.id: p.unit for p in corpus.properties.values()},
            _described(descriptions, {k.casefold() for k in kind_names}),
            nouns,
            _described(descriptions, all_nouns),
            descriptions,
            {e.id: e.name for e in corpus.entities.values()},
            Descriptors(
                {
                    e.id: [e.name, *(a.name for a in e.aliases)]
                    for e in corpus.entities.values()
                    if e.id != UNIDENTIFIED and e.kind != "placeholder"
                }
            ),
            _distinctive(descriptions),
            {
                e.id: frozenset(head_stems([e.name, *(a.name for a in e.aliases)]))
                for e in corpus.entities.values()
                if e.kind == "event"
            },
            {p.id: frozenset(p.entity_kind) for p in corpus.properties.values() if p.entity_kind},
            {e.id: e.note for e in corpus.entities.values() if e.note},
            {e.id: tuple(a.name for a in e.aliases) for e in corpus.entities.values()},
            alternatives(descriptions, (p.unit for p in corpus.properties.values())),
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

    def named_or_described(
        self, text: str, start: int, end: int, year: int | None
    ) -> list[tuple[int, int, str]]:
        """:meth:`entities_in`, and the entities the sentence describes without naming
        them ("an earthquake that struck Pakistan"), where no name is written."""
        found = self.entities_in(text, start, end)
        described = [
            d
            for d in self.descriptors.find(text, start, end, year)
            if not any(a < d[1] and d[0] < b for a, b, _ in found)
        ]
        return sorted(found + described) if described else found

    def entity_kinds(self, prop: str | None) -> frozenset[str]:
        """The kinds of entity ``prop`` is said of: those it declares (``entity_kind``),
        else the kinds of the subjects of the corpus's reviewed claims of it; none known:
        empty."""
        if prop is None:
            return frozenset()
        return self.declared_kinds.get(prop) or self.subject_kinds.get(prop, frozenset())

    def allows(self, prop: str, entity: str) -> bool:
        """Whether ``prop`` may be said of ``entity``: it declares no kinds (nor do the
        corpus's claims of it give any), or the entity is of one of them."""
        kinds = self.entity_kinds(prop)
        return not kinds or self.kinds.get(entity) in kinds

    def one_declared(self, subject: str, unit: str | None) -> str | None:
        """The one quantity property in ``unit`` (however spelled) that declares the
        subject's kind; none without a unit (a prison has one count and many numbers)."""
        kind = self.kinds.get(subject)
        found = [
            p
            for p, ptype in self.properties.items()
            if ptype == "quantity"
            and kind in self.declared_kinds.get(p, frozenset())
            and unit is not None
            and same_unit(self.units.get(p) or "", unit)
        ]
        return found[0] if len(found) == 1 else None

    def unit_as_written(self, prop: str | None, unit: str) -> str:
        """A figure's unit as the property writes it ("mi" for the reader's "miles"), when
        the two are one unit; else as the figure has it."""
        own = self.units.get(prop or "")
        return own if own is not None and same_unit(own, unit) else unit

    def said_of_entity(self, prop: str, entity: str) -> bool:
        """Whether the property's description names the entity's kind or head noun."""
        return bool(self.said_of.get(prop, frozenset()) & self.nouns.get(entity, frozenset()))

    def fits(self, prop: str | None, entity: str) -> bool:
        """Whether the property may be said of the entity: its description names the entity's
        kind or noun, or names none."""
        if prop is None:
            return True
        if prop in self.declared_kinds:  # what the property declares, before its words
            return self.kinds.get(entity) in self.declared_kinds[prop]
        kinds = self.described_kinds.get(prop, frozenset()) | self.subject_kinds.get(
            prop, frozenset()
        )
        nouns = self.said_of.get(prop, frozenset())
        if not kinds and not nouns:
            return True
        return self.kinds.get(entity) in kinds or bool(nouns & self.nouns.get(entity, frozenset()))
