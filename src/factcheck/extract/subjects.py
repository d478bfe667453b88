"""Subjects: which entity a figure is about.

Tried in order, each rule saying why it chose (the first that finds one entity wins): the
subject of the figure right before that this one says again ("$4.5 billion, or 94 cents a
share"); the entity a year between a determiner and its name dates ("the 1798 Alien
Enemies Act"); the entity whose name carries the date's day; the event the date's clause
names by its verb on a date its name gives ("was arrested on March 12", see
:mod:`factcheck.extract.event_verbs`);
the only entity named in the sentence; the entity named in the noun phrase the figure
counts ("two ICE flights"); the object of the verb that names the property ("Boasberg
issues his written order" for ``issued``); the entity a year stands in apposition to
("the Alien Enemies Act, a 1798 law"); the entity right before a "with" clause ("a win for
the Labour Party, with a majority of 174"); the only entity of the figure's clause; the entity
right before the figure; the only one of the clause a figure heads ("5:26 p.m. - A plane
bearing N278GX departs"); for a date, the one event the clause or sentence names ("In
March 2022, ... a series of murders ...", see :mod:`factcheck.extract.events`); the
entity "the prison" refers back to; the subject of the
sentence before, for "it"; the only entity of a kind the property is said of; for a
sentence that names nothing, the subject of the figure before it in its paragraph, or at
a paragraph's start the entity the text has named most (its topic); last, the one event
the corpus names by the property's verb ("deportations" for ``deportees``). Entities are named by
a name, an alias or a description ("an earthquake that struck Pakistan", see
:mod:`factcheck.extract.descriptions`). Whoever speaks ("X said"; not "violence claimed
87 lives"), an adjective ("Salvadoran"), a possessor ("Boasberg's hearing"; but "Labour's
vote share" and "Labour's 34%" are Labour's) and examples ("including Tren de Aragua")
are never the subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from factcheck.extract.event_verbs import event_by_verb
from factcheck.extract.events import event_dated, event_of_property
from factcheck.extract.grammar_subjects import FIRST, bracketed, shared_subject
from factcheck.extract.mention import Found, Place
from factcheck.extract.sentences import clause_span
from factcheck.extract.stems import stem
from factcheck.extract.vocabulary import Names

__all__ = ["COUNTED", "Place", "propose_subject"]

#: How the note of a subject chosen as the noun a figure counts ends.
COUNTED: Final = "is what the figure counts"


Rule = Callable[[Names, Found, Place], tuple[str, str] | None]

_SPEECH: Final = (
    r"(?:said|says|announced|announces|told|stated|states|wrote|writes|tweeted|posted|"
    r"claimed|claims|added|noted|declared)"
)
# "an outbreak of violence claimed 87 lives": a verb of speech followed by a figure says
# what something took or counted, not who spoke.
_SPEAKER_AFTER: Final = re.compile(r",?\s+(?:has\s+|had\s+)?" + _SPEECH + r"\b(?!\s+\d)")
_SPEAKER_BEFORE: Final = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_EXAMPLE_BEFORE: Final = re.compile(r"\b(?:including|such\s+as|among\s+them)\s+$", re.I)
# One of a list of names ("Cubans, Haitians, Nicaraguans and Venezuelans"): the figure is
# about all of them, not about the one the corpus knows.
_LIST_BEFORE: Final = re.compile(r"\b[A-Z][\w.-]*,?\s+(?:and|or)\s+$")
_LIST_AFTER: Final = re.compile(r",\s+[A-Z][\w.-]*(?:,|\s+(?:and|or)\b)|,?\s+(?:and|or)\s+[A-Z]")
_POSSESSIVE: Final = re.compile(r"['\u2019]s?\b")
# A clause that says when or why, not what: "March 15, immediately after Trump invoked".
_SUBORDINATE: Final = re.compile(
    r"\s*(?:(?:right|just|shortly|soon|long|even|\w+ly)\s+)?"
    r"(?:after|before|when|while|since|until|because|although|though|as|once|if|unless|whereas)\b",
    re.IGNORECASE,
)
_DETERMINERS: Final = frozenset(
    ["the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those"]
)
_PREPOSITIONS: Final = frozenset(
    ["in", "on", "at", "by", "from", "to", "for", "with", "into", "of", "near", "over", "under"]
)


def _ids(found: Found) -> list[str]:
    return list(dict.fromkeys(e for _, _, e in found))


def _candidates(names: Names, found: Found, place: Place) -> Found:
    """The entities that may be the subject: not adjectives, possessors, speakers or
    examples."""
    text, lo = place.text, place.sent[0]
    return [
        f
        for f in found
        if text[f[0] : f[1]] not in names.adjectives
        and not _acts(names, place.prop, text[f[0] : f[1]])
        and not _possessor(text, f[1], place)  # "Boasberg's hearing": the hearing
        and not _SPEAKER_AFTER.match(text, f[1])
        and not _SPEAKER_BEFORE.search(text, lo, f[0])
        and not _EXAMPLE_BEFORE.search(text, lo, f[0])
    ]


def _possessor(text: str, end: int, place: Place) -> bool:
    """Whether a name ending at ``end`` owns another thing ("Boasberg's hearing"), not
    the figure: "Labour's vote share" (``vote-share``) and "the Liberal Democrats' 12%"
    are the owner's own figures."""
    m = _POSSESSIVE.match(text, end)
    if m is None:
        return False
    if not text[m.end() : place.at].strip():
        return False  # "the Liberal Democrats' 12%"
    owned = re.match(r"\s*([A-Za-z]+(?:\s+[A-Za-z]+)?)", text[m.end() :])
    named = {stem(w) for w in (place.prop or "").split("-")}
    return not (owned and named and {stem(w) for w in owned[1].split()} <= named)


def _acts(names: Names, prop: str | None, written: str) -> bool:
    """Whether the property's description names the entity as written ("Date US federal
    authorities designated the subject a ..."): it names who acts, not the subject. Proper
    names only: "earthquake" in "Magnitude of an earthquake." is what it is said of."""
    said = names.descriptions.get(prop or "", "")
    return written[:1].isupper() and re.search(rf"\b{re.escape(written)}\b", said) is not None


def _only(text: str, found: Found) -> str | None:
    """The one entity of ``found``; none if there are several, or if one is an item of
    a list of names ("Cubans, Haitians, Nicaraguans and Venezuelans", "Trump and Bukele
    met"): the figure is then about all of them, not about the one the corpus knows."""
    ids = _ids(found)
    if len(ids) != 1 or any(_listed(text, a, b) for a, b, _ in found):
        return None
    return ids[0]


def _listed(text: str, a: int, b: int) -> bool:
    before = _LIST_BEFORE.search(text[max(0, a - 40) : a]) is not None
    return before or _LIST_AFTER.match(text, b) is not None


def _only_one(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    only = _only(place.text, found)
    if only is None:
        return None
    if place.prop is not None and not names.allows(place.prop, only):
        # "The state carries 16 electoral votes — the winner of the presidential election
        # must ...": the figure's clause calls what it is about by its kind
        back = _refers_back(names, found, place)
        if back is not None and names.allows(place.prop, back[0]):
            return back[0], f"{back[1]} (not {only}: {place.prop} is not said of it)"
    return only, f"subject: the only entity named in the sentence ({only})"


def _counted(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "TWO HIGHLY UNUSUAL ICE flights": the entity whose own name is the noun phrase the
    figure counts (a country's demonym, "130 Venezuelans", is not the country)."""
    if place.end is None:
        return None
    text = place.text
    phrase = re.match(r"\s+((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)", text[place.end :])
    if phrase is None:
        return None
    lo, hi = place.end + phrase.start(1), place.end + phrase.end(1)
    # "17 alleged Tren de Aragua and MS-13 members": one of a list is not what is counted
    inside = [e for a, b, e in found if lo <= a and b <= hi and not _listed(text, a, b)]
    counted = [
        e
        for e in dict.fromkeys(inside)
        if re.search(rf"\b{re.escape(names.names.get(e, '-'))}\b", text[lo:hi])
    ]
    if len(counted) == 1:
        return counted[0], f"subject: {names.names[counted[0]]!r} {COUNTED}"
    return None


def _object(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "Boasberg issues his written order" (``issued``): the thing the property's verb
    acts on, not who acts."""
    if place.prop is None or place.end is not None:  # a date's event, not a count
        return None
    verbs = {stem(w) for w in place.prop.split("-")}
    text, lo = place.text, place.sent[0]
    hits = []
    for a, _b, e in found:
        words = re.findall(r"[A-Za-z']+", text[lo:a])[-4:]
        while words and (words[-1].casefold() in _DETERMINERS or words[-1][:1].islower()):
            if words[-1].casefold() in _PREPOSITIONS:  # "opened in El Salvador": a place
                break
            if stem(words[-1]) in verbs:
                hits.append(e)
                break
            words.pop()
    ids = list(dict.fromkeys(hits))
    if len(ids) == 1:
        return ids[0], f"subject: what the verb of {place.prop} acts on"
    return None


def _apposition(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "the Alien Enemies Act, a 1798 law": a year before a noun describes the entity
    named right before it."""
    text = place.text
    for a, b, e in found:
        if re.fullmatch(r",\s+(?:a|an|the)\s+", text[b : place.at]):
            return e, f"subject: {text[a:b]!r}, which the phrase with the figure describes"
    return None


def _in_clause(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    lo, hi = clause_span(place.text, place.sent[0], place.sent[1], place.at)
    local = _only(place.text, [f for f in found if lo <= f[0] and f[1] <= hi])
    if local is not None:
        return local, "subject: the only entity named in the figure's clause"
    return None


def _with_phrase(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "a win for the Labour Party, with a majority of 174": a clause opening with "with"
    says what the entity named right before it has."""
    text = place.text
    lo, hi = clause_span(text, place.sent[0], place.sent[1], place.at)
    if not re.match(r"\s*with\b", text[lo:hi], re.I) or any(lo <= f[0] < hi for f in found):
        return None
    before = [f for f in found if place.sent[0] <= f[0] and f[1] <= lo]
    if not before or not re.fullmatch(r"[\s,]*", text[before[-1][1] : lo]):
        return None
    a, b, e = before[-1]
    return e, f"subject: {text[a:b]!r}, which the 'with' clause of the figure says more of"


def _right_before(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    text, at = place.text, place.at
    lo, hi = clause_span(text, place.sent[0], place.sent[1], at)
    local = [f for f in found if lo <= f[0] and f[1] <= hi]
    before = [f for f in local if f[1] <= at]
    if len(_ids(local)) < 2 or not before:
        return None
    a, b, e = before[-1]
    gap = text[b:at]
    joined = len(before) > 1 and re.fullmatch(
        r"\s*(?:,|and|or|&|,\s*and)\s*", text[before[-2][1] : a]
    )  # "El Salvador and Honduras counted 19": both, so neither alone
    if joined or len(gap.split()) > 4 or re.search(r"[,;]|\b(?:said|says|told|and|or)\b", gap):
        return None
    return e, f"subject: {text[a:b]!r}, right before the figure ({text[a:at]!r})"


def _heads_clause(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    text, (s, e) = place.text, place.sent
    lo, hi = clause_span(text, s, e, place.at)
    if any(lo <= f[0] and f[1] <= hi for f in found):
        return None
    if text[s:lo].strip(" \t-\u2013\u2014") or _SUBORDINATE.match(text, min(hi + 1, e)):
        return None
    nlo, nhi = clause_span(text, s, e, min(hi + 1, e))
    after = _only(text, [f for f in found if nlo <= f[0] and f[1] <= nhi])
    if after is not None:
        return after, "subject: the only entity named in the clause the figure heads"
    return None


def _refers_back(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "the prison", "the earthquake": the entity called so (by its kind or the noun its
    name ends with) that was named most before it (its topic)."""
    text, earlier = place.text, place.earlier
    lo, hi = clause_span(text, place.sent[0], place.sent[1], place.at)
    if not earlier or any(lo <= f[0] and f[1] <= hi for f in found):
        return None
    refs = set().union(*(names.nouns.get(e, frozenset()) for _, _, e in earlier)) - {""}
    refs -= {"placeholder"}
    if not refs:
        return None
    kinds = "|".join(re.escape(k) for k in sorted(refs, key=len, reverse=True))
    ref = re.search(rf"\b(?:the|this|that)\s+({kinds})\b", text[lo:hi], re.I)
    if ref is None:  # "The prison was built in 2022": the sentence's subject
        ref = re.match(rf"\s*(?:the|this|that)\s+({kinds})\b", text[place.sent[0] : hi], re.I)
    if ref is None:
        return None
    kind = ref[1].casefold()
    of_kind = [x for x in earlier if kind in names.nouns.get(x[2], frozenset())]
    counts = {e: sum(1 for x in of_kind if x[2] == e) for _, _, e in of_kind}
    top = max(counts.values())
    a, b, e = next(x for x in reversed(of_kind) if counts[x[2]] == top)
    return e, (
        f"subject: {ref.group().strip()!r} refers back to {text[a:b]!r}, "
        f"the {kind} named most before it"
    )


def _pronoun(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "..., and it began housing inmates": "it" is the subject of the figure before."""
    text = place.text
    lo, hi = clause_span(text, place.sent[0], place.sent[1], place.at)
    if any(lo <= f[0] and f[1] <= hi for f in found):
        return None
    if place.last is None:
        # "It shrugged off ...": a sentence opening with "it" and naming nothing goes on
        # about the subject of the sentence before, even across a paragraph's end
        opens = re.match(r"\s*It\b", text[place.sent[0] : place.sent[1]])
        if opens is None or place.recent is None or found:
            return None
        subject = place.recent[1]
        return subject, f"subject: 'It' opening the sentence stands for {subject}, the last subject"
    if re.search(r"(?:^|\band\s+|,\s*)\s*it\b", text[lo : place.at], re.I):
        return place.last, f"subject: 'it' stands for {place.last}, the subject before it"
    return None


def _of_kind(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    prop = place.prop or ""
    wanted = names.declared_kinds.get(prop) or (
        names.subject_kinds.get(prop, frozenset()) | names.described_kinds.get(prop, frozenset())
    )
    lo, hi = clause_span(place.text, place.sent[0], place.sent[1], place.at)
    # of the clause, else of the sentence ("in a joint military operation ..., we
    # transferred 17 criminals linked to Tren de Aragua": the clause names gangs only)
    of_kind = [f for f in found if names.kinds.get(f[2]) in wanted]
    fitting = _ids([f for f in of_kind if lo <= f[0] and f[1] <= hi]) or _ids(of_kind)
    if len(fitting) == 1:
        kind = names.kinds[fitting[0]]
        return fitting[0], f"subject: the only {kind} named there, and {prop} is said of a {kind}"
    return None


def _topic(names: Names, found: Found, place: Place) -> tuple[str, str] | None:
    """ "At least 300 people were injured on Thursday", in a story about an earthquake: a
    sentence that names no entity goes on about the subject of the figure before it in
    its paragraph; at a paragraph's start (or when the property, when known, is not said
    of that subject's kind), about what the text has named most so far of the entities
    the property may be said of, if one entity leads."""
    if found:
        return None
    text = place.text
    if place.recent is not None and "\n" not in text[place.recent[0] : place.sent[0]]:
        subject = place.recent[1]
        why = f"subject: {subject}, the subject of the figure before it in its paragraph"
        if names.fits(place.prop, subject):
            return subject, why
    # of the entities the property may be said of ("depth" of an earthquake, not of the
    # agency that measured it), the one named most so far
    fitting = [x for x in place.earlier or [] if names.fits(place.prop, x[2])]
    leader, times = _leader(names, text, fitting)
    if leader is None:
        return None
    return leader, (
        f"subject: {names.names.get(leader, leader)!r}, what the text is about so far "
        f"(named {times} times before; the sentence names nothing)"
    )


def _leader(names: Names, text: str, earlier: Found) -> tuple[str | None, int]:
    """The entity named most (not as an adjective or a speaker), if one leads."""
    counts: dict[str, int] = {}
    for a, b, e in earlier:
        if (
            text[a:b] in names.adjectives
            or _SPEAKER_AFTER.match(text, b)
            or _SPEAKER_BEFORE.search(text, max(0, a - 30), a)
        ):
            continue
        counts[e] = counts.get(e, 0) + 1
    top = max(counts.values(), default=0)
    leaders = [e for e, n in counts.items() if n == top]
    return (leaders[0], top) if len(leaders) == 1 else (None, top)


_RULES: Final[tuple[Rule, ...]] = (
    # "$4.5 billion, or 94 cents a share", "the 2025 Alien Enemies Act": grammar, which
    # beats an event whose name merely holds the same year
    *FIRST,
    event_by_verb,
    bracketed,
    _only_one,
    shared_subject,
    _counted,
    _object,
    _apposition,
    _in_clause,
    _with_phrase,
    _right_before,
    _heads_clause,
    event_dated,
    _refers_back,
    _pronoun,
    _of_kind,
    event_of_property,
    _topic,
)


def propose_subject(
    names: Names, found: Found, place: Place
) -> tuple[str | None, list[str], str | None]:
    """(subject or None, entities named in the sentence, why the subject was chosen)."""
    named = _ids(found)
    candidates = _candidates(names, found, place)
    for rule in _RULES:
        chosen = rule(names, candidates, place)
        if chosen is not None:
            return chosen[0], named, chosen[1]
    return None, named, None
