"""Properties: what a figure says of its subject, from the corpus's ``properties.yaml``.

A property is proposed when the words around the figure name it (its id's words, met as a
verb or a plural: "departs" -> ``departed``, "deported" -> ``deportees``, "leaves" ->
``departed``), when the noun counted after the figure names it ("eight buildings"), when
a word of its description that no other property's has is there ("killing at least 80
people" -> ``deaths``, "People killed."), the figure is a span of time and the corpus has
one property for how long things last,
or when the subject is known and only one property of the figure's type and unit is said
of it (by its description: "When a flight departed." is said of a flight). Never a guess
between two: then the placeholder stays.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.domain.units import same_unit
from factcheck.extract.counted_nouns import counted_property
from factcheck.extract.figure_words import own_words
from factcheck.extract.mention import Mention
from factcheck.extract.property_keywords import SPECIAL_UNITS, keyword_hits
from factcheck.extract.property_words import (
    id_stems,
    nearest_named,
    per_share,
    speaks_of_shares,
    stem_sequence,
)
from factcheck.extract.sentences import clause_span
from factcheck.extract.share_figures import per_share_property
from factcheck.extract.stems import stem, word_stems
from factcheck.extract.units import is_measure
from factcheck.extract.vocabulary import Names

__all__ = [
    "ORIGIN",
    "TIME_UNITS",
    "described_properties",
    "named_properties",
    "property_candidates",
    "property_of_subject",
    "unit_fits",
]

Span = tuple[int, int]

#: Units of a span of time, as the number reader writes them.
TIME_UNITS: Final = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})
#: Stems of the properties a bare year before a noun stands for ("a 1798 law", "the 2019
#: building"): when the thing came to be.
ORIGIN: Final = frozenset(
    {"enact", "found", "build", "open", "creat", "establish", "born", "issu", "sign"}
)


def unit_fits(names: Names, prop: str, mention: Mention) -> bool:
    """Whether a quantity's unit suits the property's: the same, or a plain count for a
    property without unit (not a percentage, an amount or a rate)."""
    if mention.kind != "quantity":
        return True
    unit = names.units.get(prop)
    if mention.unit and unit:
        return same_unit(unit, mention.unit)
    if unit is None:
        return mention.unit not in SPECIAL_UNITS and not (mention.unit or "").startswith("per ")
    # a bare number is no amount of money or share: "Mile 65.6" is not a company's sales
    return mention.unit is not None or unit not in SPECIAL_UNITS


def _unmeasured(names: Names, props: list[str], mention: Mention) -> list[str]:
    """``props``, or none if the one left is a measure the figure does not write: "more
    than 1,100 others" is no rocket's height in feet. Only a count whose unit is a noun
    ("people") is said without its unit. A veto, not a filter: removing the measures first
    would leave the one other property of the subject as if it were the only one."""
    unit = names.units.get(props[0]) if len(props) == 1 else None
    if mention.kind == "quantity" and mention.unit is None and unit and is_measure(unit):
        return []
    return props


def property_candidates(
    names: Names, text: str, sent: tuple[int, int], mention: Mention, alone: bool
) -> list[str]:
    """The properties the words around the figure name, by the first reading that names
    any: a keyword in the mention's clause (or in its sentence, when the mention is the
    only figure of its kind there), of a type and unit that suit it, and so on. One is
    the figure's property; several, when nothing else tells them apart, none."""
    lo, hi = clause_span(text, sent[0], sent[1], mention.start)
    label = mention.label or _colon_label(text, sent, lo, mention)
    if label is not None:  # what the label says, or nothing: not a word of the next figure
        return _labelled(names, mention, label)
    stop = _stop(text, sent, mention)
    hi = min(hi, stop) if lo < stop else hi
    local = keyword_hits(names, mention, text[lo:hi].casefold())
    if not local and alone:
        local = keyword_hits(names, mention, text[sent[0] : stop].casefold())
    if not local:
        local = named_properties(names, mention, *own_words(text, lo, hi, mention))
    if not local and alone:
        local = named_properties(names, mention, *own_words(text, sent[0], stop, mention))
    if not local:
        local = _next_clause(names, text, sent, mention, (lo, hi))
    if not local and mention.kind == "quantity" and not mention.unit:
        local = counted_property(names, text[mention.end : sent[1]])
    if not local:
        local = _weaker(names, text, (lo, hi), mention, (sent[0], stop) if alone else None)
    return local


def _stop(text: str, sent: Span, mention: Mention) -> int:
    """Where the sentence stops, for this figure: where a clause saying when or why begins,
    or one saying who said it (", the Associated Press reported.": not the figure's verb)."""
    sub = re.search(r",(?=" + _SUBORDINATE.pattern + ")", text[mention.end : sent[1]], re.I)
    stop = mention.end + sub.start() if sub else sent[1]
    said = _ATTRIBUTION.search(text, mention.end, stop)
    return said.start() if said else stop


def _labelled(names: Names, mention: Mention, label: str) -> list[str]:
    named = named_properties(names, mention, label, "")
    return named or described_properties(names, mention, label, "")


def _colon_label(text: str, sent: Span, lo: int, mention: Mention) -> str | None:
    """ "capacity: 40,000", "Total known deportees: 288": the words before a colon the
    figure opens the clause after."""
    if lo - 1 <= sent[0] or text[lo - 1] != ":" or text[lo : mention.start].strip():
        return None
    before = clause_span(text, sent[0], sent[1], lo - 1)[0]
    label = text[before : lo - 1].strip()
    # a label has a common noun; "BEIJING: Two people were killed" is a dateline
    return label if re.search(r"\b[a-z]{3,}", label) else None


def _weaker(
    names: Names, text: str, clause: tuple[int, int], mention: Mention, sentence: Span | None
) -> list[str]:
    """What is left when no word names a property: a word only one description has, a
    span of time, and for the sentence's only date (``sentence`` given) a property named
    anywhere in it: the words of its counts name no date property, so "SpaceX launched 20
    satellites ... early Friday" says when they were launched."""
    local = described_properties(names, mention, *own_words(text, *clause, mention))
    if not local and mention.kind == "quantity" and mention.unit in TIME_UNITS:
        local = _how_long(names, mention)
    if not local and mention.kind == "date" and sentence is not None:
        before, after = text[sentence[0] : mention.start], text[mention.end : sentence[1]]
        local = named_properties(names, mention, before, after)
    return local


def described_properties(names: Names, mention: Mention, before: str, after: str) -> list[str]:
    """Properties a word of whose description, and of no other property's, is around the
    figure: "killing at least 80 people" -> ``deaths`` ("People killed."). Of the mention's
    type and a unit that suits it."""
    context = word_stems(before) | word_stems(after)
    return [
        prop
        for prop, words in names.distinctive.items()
        if words & context
        and names.properties.get(prop) == mention.kind
        and unit_fits(names, prop, mention)
        # a word alone is weaker evidence than a name: an amount or a share needs its unit,
        # a count of seats or houses its noun ("250 members ... to hold": no seats held)
        and not (
            mention.kind == "quantity"
            and names.units.get(prop) in SPECIAL_UNITS
            and mention.unit != names.units.get(prop)
        )
        and not (mention.unit is None and _counts_other(names.units.get(prop), after))
    ]


def _counts_other(unit: str | None, after: str) -> bool:
    """Whether a count in ``unit`` (not people: "80 killed") lacks its noun right after."""
    counted = {stem(w) for w in re.findall(r"[A-Za-z]+", after)[:3]}
    return bool(unit and unit.isalpha() and unit != "people" and stem(unit) not in counted)


def _next_clause(
    names: Names, text: str, sent: tuple[int, int], mention: Mention, clause: tuple[int, int]
) -> list[str]:
    """ "On Friday, March 14, Trump invoked the Act": a figure that is a clause of its own
    takes the property the next clause names."""
    lo, hi = clause
    bare = text[lo : mention.start] + text[mention.end : hi]
    if hi >= sent[1] or re.search(r"[A-Za-z]{4,}", bare) or _SUBORDINATE.match(text, hi + 1):
        return []
    n_lo, n_hi = clause_span(text, sent[0], sent[1], hi + 1)
    return keyword_hits(names, mention, text[n_lo:n_hi].casefold()) or named_properties(
        names, mention, "", text[n_lo:n_hi]
    )


def _how_long(names: Names, mention: Mention) -> list[str]:
    """A span of time ("24 hours", "1-1/2 months") of a corpus with one property, without
    a unit of its own, for how long things last ("How long something lasted."); none when
    another says how long in the figure's own unit ("a three-day tour": ``trip-duration``
    in days, not ``residence-duration``): which of them, the subject tells."""
    found = [
        p
        for p, ptype in names.properties.items()
        if ptype == "quantity" and re.match(r"\s*how long\b", names.descriptions.get(p, ""), re.I)
    ]
    if any(same_unit(names.units.get(p) or "", mention.unit or "-") for p in found):
        return []
    return [p for p in found if names.units.get(p) is None]


def named_properties(names: Names, mention: Mention, before: str, after: str) -> list[str]:
    """Properties every word of whose id is in the context ("departs" -> ``departed``,
    "began housing inmates" -> ``began-housing-inmates``), or every word of another way
    the corpus's vocabulary names them ("sales" -> ``revenue``, see
    :mod:`factcheck.extract.property_words`), of the mention's type and a unit that suits
    it. The most specific (most words) wins; a property named only by the noun counted
    right after the figure ("40,000 inmates") gives way to one named elsewhere ("a
    capacity for 40,000 inmates"). A figure said per share ("94 cents a share") is only
    of a property that speaks of shares."""
    context = word_stems(before) | word_stems(after)
    counted = word_stems(" ".join(re.findall(r"[A-Za-z]+", after)[:1]))
    elsewhere = word_stems(before) | word_stems(" ".join(re.findall(r"[A-Za-z]+", after)[1:]))
    shares = per_share(mention, after)
    sequence = [*stem_sequence(before), *stem_sequence(after)]
    scored: list[tuple[int, bool, str]] = []
    naming: dict[str, frozenset[str]] = {}
    for prop, ptype in names.properties.items():
        if (
            ptype != mention.kind
            or prop.startswith("unreviewed")
            or not _unit_suits(names, prop, mention)
        ):
            continue
        if shares and not speaks_of_shares(prop, names.descriptions.get(prop, "")):
            continue
        words = _named_by(names, prop, sequence, context, shares)
        if words is not None:
            scored.append((len(words), words <= elsewhere or not words <= counted, prop))
            naming[prop] = words
    if not scored:  # "or 47 cents a share": per share, with no word of earnings
        return per_share_property(names, mention, before, after) or _unit_named(
            names, mention, context
        )
    best = max(n for n, _, _ in scored)
    top = [(named_elsewhere, p) for n, named_elsewhere, p in scored if n == best]
    if len(top) > 1 and any(e for e, _ in top):
        top = [(e, p) for e, p in top if e]
    found = [p for _, p in top]
    if mention.kind != "quantity":  # a date's words say when several things were
        return found
    return nearest_named(found, naming, stem_sequence(before), stem_sequence(after)) or found


def _unit_suits(names: Names, prop: str, mention: Mention) -> bool:
    """A quantity's unit is the property's, or the property has none and the figure is
    no percentage, amount or rank."""
    unit = names.units.get(prop)
    if mention.kind != "quantity":
        return True
    if mention.unit and unit and not same_unit(unit, mention.unit):
        return False
    return not (mention.unit in SPECIAL_UNITS and unit is None)


def _named_by(
    names: Names, prop: str, sequence: list[str], context: set[str], shares: bool
) -> frozenset[str] | None:
    """The words that name ``prop`` around a figure: its id's, else those of the most
    specific other way of naming it; None if neither is there."""
    own = id_stems(prop)
    if own and own <= context:
        return own
    ways = [w for w in names.alternatives.get(prop, ()) if w.said(sequence, context, shares)]
    if not ways:
        return None
    best = max(ways, key=lambda w: w.size)
    return frozenset(best.phrase) | best.words


def _unit_named(names: Names, mention: Mention, context: set[str]) -> list[str]:
    """ "a half-hour drive" (30 minutes) -> ``drive-time`` (unit minutes): a property with
    the figure's own unit, one of whose words (of its id or of another way of naming it:
    "share" of ``eps``, "Earnings per share") is there."""
    if mention.kind != "quantity" or not mention.unit:
        return []

    def words(prop: str) -> set[str]:
        ways = names.alternatives.get(prop, ())
        return set(id_stems(prop)).union(*({*w.phrase, *w.words} for w in ways))

    return [
        prop
        for prop, ptype in names.properties.items()
        if ptype == "quantity"
        and same_unit(names.units.get(prop) or "", mention.unit)
        and words(prop) & context
    ]


def property_of_subject(
    names: Names, subject: str, mention: Mention, *, origin: str | None = None
) -> tuple[str | None, str | None]:
    """(property, why) when exactly one property of the figure's type and unit is said of
    the subject by its description ("When a flight departed." of a flight); one said of
    the noun the subject's name ends with ("written order": "When an order was issued.")
    comes before one said only of its kind ("When an event began."). ``origin``: the
    noun a year stands before ("a 1798 law"): the property said of that noun that says
    when the subject came to be. A date said of nothing more precise takes the corpus's
    property for when the subject happened, if it has one."""
    fitting = [
        p
        for p, ptype in names.properties.items()
        if ptype == mention.kind
        and not p.startswith("unreviewed")
        and names.said_of_entity(p, subject)
        and names.allows(p, subject)
        and unit_fits(names, p, mention)
    ]
    kind = names.kinds.get(subject, "").casefold()
    nouns = names.nouns.get(subject, frozenset()) - {kind}
    if origin is not None:
        # "court order": either word may be the noun, or both the kind ("court-order")
        nouns = frozenset({*origin.split(), origin.replace(" ", "-")})
        fitting = [p for p in fitting if any(stem(w) in ORIGIN for w in p.split("-"))]
    said_of_kind = bool(fitting)
    own = [p for p in fitting if names.said_of[p] & nouns]
    # a date needs the noun of the subject's own name ("When a flight departed."): every
    # country or person has many dates said of its kind
    fitting = own if mention.kind == "date" or own else fitting
    if (
        mention.kind == "quantity"
        and not own
        and len(fitting) == 1
        and _said_of_anything(names, mention, fitting[0], subject)
    ):
        fitting = []
    fitting = _unmeasured(names, fitting, mention)
    if len(fitting) == 1:
        said = names.said_of[fitting[0]]
        # the subject's own noun if the description names it, else the noun it shares (its
        # kind: "a prison" said of "detention center" of kind prison)
        shared = said & nouns or said & names.nouns.get(subject, frozenset())
        noun = max(shared, default=kind or "subject")
        why = f"property {fitting[0]}: the only {mention.kind} property said of a {noun}"
        return fitting[0], why + (" that dates when it came to be" if origin else "")
    if not said_of_kind and mention.kind == "date":
        generic = [p for p in names.properties if _WHEN_SUBJECT.match(names.descriptions[p])]
        if len(generic) == 1 and names.allows(generic[0], subject):
            return (
                generic[0],
                f"property {generic[0]}: when the subject happened (nothing more precise)",
            )
    return None, None


def _said_of_anything(names: Names, mention: Mention, prop: str, subject: str) -> bool:
    """Whether another property of the figure's type and unit names nothing it is said of
    ("Sales in a period."): it may be the subject's as well as ``prop`` (said of a company:
    "Sales a company expects"), so the subject does not tell them apart. One that declares
    the kinds it describes, none the subject's, is not the subject's."""
    return any(
        q != prop
        and qtype == mention.kind
        and not q.startswith("unreviewed")
        and not names.said_of.get(q)
        and not names.described_kinds.get(q)
        and names.allows(q, subject)
        and names.units.get(q) == names.units.get(prop)
        and unit_fits(names, q, mention)
        for q, qtype in names.properties.items()
    )


_WHEN_SUBJECT: Final = re.compile(r"\s*when the subject (?:happened|took place)\b", re.I)


# Who said the sentence, closing it: ", the Associated Press reported.", ", Rubio said",
# ", said a person familiar with ...", ", according to Cirium."
_ATTRIBUTION: Final = re.compile(
    r",\s*(?:(?:the\s+)?(?:[A-Z][\w.'\u2019-]*\s+){1,5}(?:has\s+|had\s+)?"
    r"(?:said|says|reported|reports|told|wrote|writes|added|noted|announced|stated)"
    r"|(?:said|says|reported|told|wrote|added|noted)\s+(?:the\s+|a\s+)?[A-Za-z]"
    r"|according\s+to\b)[^,;]*[.\u201d\"]*\s*$"
)
# A clause that says when or why, not what: "March 15, immediately after Trump invoked".
_SUBORDINATE: Final = re.compile(
    r"\s*(?:(?:right|just|shortly|soon|long|even|\w+ly)\s+)?"
    r"(?:after|before|when|while|since|until|because|although|though|as|once|if|unless|whereas)\b",
    re.IGNORECASE,
)
