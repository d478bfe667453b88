"""One figure becomes one draft claim: its subject, property, value, unit, hedge, as_of,
quote and a note saying why each was chosen."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from factcheck.domain.values import PartialDate
from factcheck.extract.counted_nouns import count_property
from factcheck.extract.day_named import DAY_NAMED, day_first, when_of_kind
from factcheck.extract.distances import measured_as
from factcheck.extract.events import EVENT_KIND, event_date_property
from factcheck.extract.grammar_subjects import RESTATES
from factcheck.extract.kinds import Around, Evidence, fit_kind
from factcheck.extract.measured_against import measured_against
from factcheck.extract.mention import (
    UNIDENTIFIED,
    UNREVIEWED_DATE,
    UNREVIEWED_NUMBER,
    Found,
    Mention,
)
from factcheck.extract.properties import (
    named_properties,
    property_candidates,
    property_of_subject,
)
from factcheck.extract.sentences import clause_span, quote_start
from factcheck.extract.stems import stem, word_stems
from factcheck.extract.subjects import COUNTED, Place, propose_subject
from factcheck.extract.vocabulary import Names

__all__ = ["Context", "make_claim"]


@dataclass
class Context:
    """What drafting a claim needs to know about the sentence around its figure."""

    text: str
    sent: tuple[int, int]
    found: list[tuple[int, int, str]]
    names: Names
    dates: list[Mention]
    ids: dict[str, int]
    earlier: list[tuple[int, int, str]]
    main: str | None
    published: PartialDate | None
    next_sentence: tuple[int, int] | None  # the event a heading's date or time is of
    last: str | None = None  # the subject of the sentence's figure before, for "it"
    before: tuple[int, str | None] = (-1, None)  # where that figure ended, and its subject
    recent: tuple[int, str] | None = None  # where the text's last subject was chosen, which
    around: Around = field(default_factory=Around)  # what the paragraph and text name


def _as_of(m: Mention, ctx: Context) -> tuple[Mention | None, str | None]:
    """The date a figure holds at: the last date before it in its part of the sentence
    (up to a semicolon), else a date right after it ("in March 2025"). A figure said to
    hold "now" is dated by the publication, not by another date in the sentence."""
    text, (s_start, s_end) = ctx.text, ctx.sent
    seg_lo = max((x.end() for x in re.finditer(";", text[s_start : m.start])), default=0)
    seg_lo += s_start
    near = text[max(seg_lo, m.start - 40) : m.start]
    if re.search(r"\b(?:now|currently|today|presently)\b", near, re.I):
        return None, "now"
    # a timeline's time is an event's; a span of days ("overnight Sunday") is no as_of
    dates = [d for d in ctx.dates if "time" not in d.flags and not isinstance(d.value, tuple)]
    before = [d for d in dates if seg_lo <= d.start and d.end <= m.start]
    if before:
        return before[-1], f"as_of from {before[-1].text!r}, the last date before it"
    _, hi = clause_span(text, s_start, s_end, m.start)
    after = [d for d in dates if m.end <= d.start and d.end <= hi]
    if after and re.fullmatch(r"[^,;]*\b(?:in|as of|by|on)\s+", text[m.end : after[0].start]):
        return after[0], f"as_of from {after[0].text!r}, right after it"
    return None, None


def _subject(
    m: Mention, ctx: Context, prop: str | None, notes: list[str]
) -> tuple[str | None, str | None]:
    """(subject, property): the property may come from the line under a heading."""
    text, names = ctx.text, ctx.names
    end = m.end if m.kind == "quantity" else None
    day = str(m.value)[:10] if m.kind == "date" else None  # "2019", "2025-03", "2025-03-12"
    if m.label is not None and ctx.main is not None:
        notes.append("subject: the entity the text is about (the only one in its first line)")
        return ctx.main, prop
    if ctx.next_sentence is not None:
        n_lo, n_hi = ctx.next_sentence
        if prop is None:
            props = named_properties(names, m, "", text[n_lo:n_hi])
            prop = props[0] if len(props) == 1 else None
            if prop:
                notes.append(f"property {prop}: named in the line under this heading")
        place = Place(text, ctx.next_sentence, n_lo, None, prop, None, ctx.last, day=day)
        year = ctx.published.year if ctx.published else None
        found = names.named_or_described(text, n_lo, n_hi, year)
        subject, named, why = propose_subject(names, found, place)
        where = "the line under this heading"
        why = f"{why}, in {where}" if why else None
    else:
        again = ctx.before[1] if RESTATES.fullmatch(text, ctx.before[0], m.start) else None
        place = Place(
            text, ctx.sent, m.start, end, prop, ctx.earlier, ctx.last, ctx.recent, day, again
        )
        # not where a distance is measured from, nor what the figure is compared with
        found, left_out = measured_against(text, ctx.sent, ctx.found, m)
        notes.extend(left_out)
        subject, named, why = propose_subject(names, found, place)
        where = "the sentence"
    if why:
        notes.append(why)
    if subject is None and named:
        notes.append(f"entities named in {where}, none clearly the subject: " + ", ".join(named))
    return subject, prop


def _origin(m: Mention, text: str, names: Names, found: Found) -> str | None:
    """ "a 1798 law", "a 2019 court order": the noun (or the two) a bare year stands before,
    if it does; before a name, the named entity's kind ("the 1798 Alien Enemies Act": a law)."""
    if m.kind != "date" or m.precision != "year":
        return None
    if re.search(r"\b(?:a|an|the)\s+$", text[max(0, m.start - 6) : m.start], re.I) is None:
        return None
    noun = re.match(r"\s+([a-z]+(?:\s+[a-z]+)?)\b", text[m.end :])
    if noun is None:  # "the 1798 Alien Enemies Act": what the entity named there is
        named = [e for a, _, e in found if re.fullmatch(r"\s+", text[m.end : a])]
        return names.kinds.get(named[0]) if named else None
    return noun[1]


def _claim_id(m: Mention, prop: str | None, ids: dict[str, int]) -> tuple[str, Any]:
    base = prop or ("date" if m.kind == "date" else "number")
    value: Any
    if isinstance(m.value, tuple):
        value = [x if isinstance(x, str) else _plain(x) for x in m.value]  # days or figures
        slug = f"{_slug(str(value[0]))}-{_slug(str(value[1]))}"
    elif isinstance(m.value, float):
        value = _plain(m.value)
        slug = _slug(f"{value}")
    else:
        value = m.value
        slug = _slug(m.value)
    claim_id = f"{base}-{slug}"
    ids[claim_id] = ids.get(claim_id, 0) + 1
    if ids[claim_id] > 1:
        claim_id = f"{claim_id}-{ids[claim_id]}"
    return claim_id, value


def _dated(m: Mention, ctx: Context, claim: dict[str, Any], notes: list[str]) -> Mention | None:
    """Set the claim's as_of (quantities) or say the date's precision; the date used."""
    if m.kind != "quantity":
        notes.append(f"{m.precision} precision")
        return None
    used, why_as_of = _as_of(m, ctx)
    if used is not None:
        claim["as_of"] = used.value
        notes.append(str(why_as_of))
    elif why_as_of == "now" and ctx.published is not None:
        claim["as_of"] = str(ctx.published)
        notes.append(f"as_of: said to hold now, so the publication date {ctx.published}")
    return used


def _subject_and_property(
    m: Mention, ctx: Context, alone: bool, notes: list[str]
) -> tuple[str | None, str | None]:
    """The property named around the figure, then the subject; a property the subject
    gives (what it is said of, or a count of it) when the words named none."""
    # "a 1798 law": not what the sentence's verb says
    origin = _origin(m, ctx.text, ctx.names, ctx.found)
    prop = _measured_property(m, ctx, notes)
    named = prop is None and not origin
    named_props: list[str] = []
    if named:
        named_props = property_candidates(ctx.names, ctx.text, ctx.sent, m, alone)
        prop = named_props[0] if len(named_props) == 1 else None
        prop = _narrowed(m, ctx, prop, notes) if prop else _level(m, ctx, notes)
    if prop and named:
        notes.append(
            f"property {prop}: from the label {m.label!r}"
            if m.label
            else f"property {prop}: named by the words around the figure"
        )
    subject, prop = _subject(m, ctx, prop, notes)
    label = ctx.text[ctx.sent[0] : m.start] if m.kind == "date" else ""
    prop = day_first(ctx.names, subject, prop, notes, label)
    if "change" in m.flags and m.kind == "quantity":
        prop = None  # a change is not a count of anything the corpus has a property for
    elif prop is None and subject is not None:
        prop = _of_subject_kind(ctx, subject, named_props, notes)
        prop = prop or _subject_property(m, ctx, subject, origin, notes)
    picked, subject = subject, _of_kind(m, ctx, subject, prop, notes)
    counted = any(n.endswith(COUNTED) for n in notes)
    if counted and subject != picked and prop and prop == count_property(ctx.names):
        # "238 Tren de Aragua members": the figure counts the gang's members, not the
        # event it is now said of, so it is not "how many of the subject there were"
        notes.append(f"not {prop}: the figure counts {picked}, not {subject}")
        prop = None
    _remember(m, ctx, subject)
    return subject, prop


def _remember(m: Mention, ctx: Context, subject: str | None) -> None:
    """Keep the subject for an "it" later in the sentence and, the sentence's first, as
    what the text goes on about (the main clause's, not that of a comparison after it:
    "was $4 billion, against $3 billion a year earlier"); not an entity named by the
    figure's own words ("in the same period a year ago", of the date 'a year ago')."""
    ctx.before = (m.end, subject)
    if subject is not None:
        ctx.last = subject
        first = ctx.recent is None or ctx.recent[0] < ctx.sent[0]
        if first and not any(e == subject and a <= m.start and m.end <= b for a, b, e in ctx.found):
            ctx.recent = (m.start, subject)


def _written(d: Mention) -> bool:
    """Whether a date's day is written there (a time's may be from before; a vague one's not)."""
    return ("time" not in d.flags or "day from '" in (d.note or "")) and "vague" not in d.flags


def _of_kind(
    m: Mention, ctx: Context, subject: str | None, prop: str | None, notes: list[str]
) -> str | None:
    """The subject, if the property may be said of its kind; else the entity of such a
    kind the text points to, else none (see :mod:`factcheck.extract.kinds`)."""
    # the dates the sentence writes: not the day a time takes from earlier in the text
    dates = tuple(str(d.value) for d in {*ctx.dates, m} if d.kind == "date" and _written(d))
    recent = ctx.recent
    before = recent[1] if recent and "\n" not in ctx.text[recent[0] : ctx.sent[0]] else None
    found = measured_against(ctx.text, ctx.sent, ctx.found, m)[0]
    unsaid = tuple((a, b) for a, b, _ in ctx.found if (a, b, _) not in found)
    evidence = Evidence(ctx.text, ctx.sent, found, ctx.around, dates, before, unsaid)
    key = (prop or "", repr(m.value), m.unit or "")
    earlier = ctx.around.said.get(key)
    if earlier is not None and not ctx.names.allows(prop or "", subject or "-"):
        notes.append(f"subject: {earlier}, of which the text said this figure before")
        return earlier
    fitted, why = fit_kind(ctx.names, prop, subject, evidence)
    if why is not None:
        notes.append(why)
    if fitted is not None and prop is not None:
        ctx.around.said.setdefault(key, fitted)
    return fitted


def _of_subject_kind(ctx: Context, subject: str, named: list[str], notes: list[str]) -> str | None:
    """Of several properties the words name, the one that declares the subject's kind
    ("revenue" and "revenue-forecast", said of a report or of a coming period)."""
    kind = ctx.names.kinds.get(subject)
    fitting = [p for p in named if kind in ctx.names.declared_kinds.get(p, frozenset())]
    if len(named) < 2 or len(fitting) != 1:
        return None
    notes.append(f"property {fitting[0]}: of {', '.join(named)}, the one said of a {kind}")
    return fitting[0]


def _subject_property(
    m: Mention, ctx: Context, subject: str, origin: str | None, notes: list[str]
) -> str | None:
    """The property the subject gives when the words named none: a count of it, the one
    said of it, or, for a date of an event, when it happened."""
    if any(n.endswith(COUNTED) for n in notes):
        prop = count_property(ctx.names)
        why = f"property {prop}: the figure counts the subject itself" if prop else None
    else:
        prop, why = property_of_subject(ctx.names, subject, m, origin=origin)
        if prop is not None and _counts_another_unit(ctx, m, prop):
            prop, why = None, None
    if prop is None and m.kind == "date" and ctx.names.kinds.get(subject) == EVENT_KIND:
        prop = event_date_property(ctx.names, subject)
        why = f"property {prop}: a date of an event says when it happened" if prop else None
    # "..., whose name carries the day" (", in the line under this heading")
    if prop is None and m.kind == "date" and any(DAY_NAMED in n for n in notes):
        prop = when_of_kind(ctx.names, subject, notes)
        kind = ctx.names.kinds.get(subject)
        why = f"property {prop}: the day is the {kind}'s, and {prop} says when a {kind} was"
        why = why if prop else None
    if prop is None:
        # the one in the figure's unit declaring the subject's kind; not for a date or a
        # bare number: a person has one date property (took office) and many dates
        prop = ctx.names.one_declared(subject, m.unit) if m.kind == "quantity" else None
        kind = ctx.names.kinds.get(subject)
        why = (
            f"property {prop}: the only one of its type and unit said of a {kind}" if prop else None
        )
    if why:
        notes.append(why)
    return prop


def _counts_another_unit(ctx: Context, m: Mention, prop: str) -> bool:
    """ "200 people" said of a flight: the noun counted is the unit of properties of the
    corpus ("people"), not the one the subject would give (``flights``, no unit)."""
    if m.kind != "quantity" or m.unit:
        return False
    noun = re.match(r"\s+([A-Za-z]+)", ctx.text[m.end : ctx.sent[1]])
    units = {u.casefold() for u in ctx.names.units.values() if u}
    counted = noun[1].casefold() if noun else ""
    named = {counted, counted.removesuffix("s")} & units
    return bool(named) and (ctx.names.units.get(prop) or "").casefold() not in named


def _narrowed(m: Mention, ctx: Context, prop: str, notes: list[str]) -> str:
    """ "The cell is designed for 100 prisoners": ``capacity`` is named ("designed for"),
    and ``cell-capacity`` adds a word the clause has before the figure ("cell"): the one
    narrower property (the same unit, more words) whose added words are there wins. The
    sentence's opening phrase counts as the clause's ("Adjusted for special items,
    earnings per share came in at $1.01": ``adjusted-eps``)."""
    lo = clause_span(ctx.text, ctx.sent[0], ctx.sent[1], m.start)[0]
    opening = ctx.text[ctx.sent[0] : lo]
    # "Adjusted for special items, earnings ...", "Excluding items, ...": a participle
    # opening the sentence qualifies its main clause ("Despite ...", "On Tuesday," do not)
    if re.fullmatch(r"\s*[A-Z][a-z]+(?:ed|ing)\b[^\d,;]*,\s*", opening):
        lo = ctx.sent[0]
    context = word_stems(ctx.text[lo : m.start])  # what the clause is about: before it
    base = set(prop.split("-"))
    narrower = [
        q
        for q, qtype in ctx.names.properties.items()
        if qtype == m.kind
        and base < set(q.split("-"))
        and ctx.names.units.get(q) == ctx.names.units.get(prop)
        and {stem(w) for w in set(q.split("-")) - base} <= context
    ]
    if len(narrower) != 1:
        return prop
    notes.append(f"property {narrower[0]}: narrower than {prop}, its added words are in the clause")
    return narrower[0]


# "increased by two percentage points to ", "plummeting by 20 points to ", "went up 16
# per cent to ", "growth of 12 per cent to ": the figure after is the level the change reached.
_CHANGED_TO: Final = re.compile(
    r"(?:\bby\s+[^,;]{1,40}?|\d[\d.,]*\s*(?:%|per\s?cent\b|percent\b)[^,;\d]{0,25}?)\bto\s+$",
    re.IGNORECASE,
)


def _level(m: Mention, ctx: Context, notes: list[str]) -> str | None:
    """ "Labour's vote share increased by two points to 34%": the level a change reached
    is of the property the sentence names before it (of the figure's own unit)."""
    lo = ctx.sent[0]
    if m.kind != "quantity" or not _CHANGED_TO.search(ctx.text, max(lo, m.start - 60), m.start):
        return None
    props = named_properties(ctx.names, m, ctx.text[lo : m.start], "")
    if len(props) != 1:
        return None
    notes.append(f"property {props[0]}: the level the change before it reached")
    return props[0]


def _measured_property(m: Mention, ctx: Context, notes: list[str]) -> str | None:
    """ "110 miles east-southeast of Tijuana" -> the corpus's ``distance``; "6 miles
    below the surface" -> ``depth``: the property named by what the length measures."""
    measured = measured_as(ctx.text, m)
    props = named_properties(ctx.names, m, measured[0], "") if measured else []
    if len(props) != 1 or measured is None:
        return None
    notes.append(f"property {props[0]}: a length followed by {ctx.text[m.end : measured[1]]!r}")
    return props[0]


def make_claim(m: Mention, ctx: Context, alone: bool) -> tuple[dict[str, Any], Mention | None]:
    """The draft claim of figure ``m`` and the date used as its as_of, if any."""
    notes = [f"drafted from {m.text!r}"]
    subject, prop = _subject_and_property(m, ctx, alone, notes)
    claim_id, value = _claim_id(m, prop, ctx.ids)
    claim: dict[str, Any] = {
        "id": claim_id,
        "subject": subject or UNIDENTIFIED,
        "property": prop or (UNREVIEWED_DATE if m.kind == "date" else UNREVIEWED_NUMBER),
        "value": value,
    }
    if m.unit:
        claim["unit"] = ctx.names.unit_as_written(prop, m.unit)
        if claim["unit"] != m.unit:
            notes.append(f"unit {claim['unit']}: how {prop} writes {m.unit!r}")
    if m.hedge != "exact":
        claim["hedge"] = m.hedge
    used = _dated(m, ctx, claim, notes)
    if m.note:
        notes.append(m.note)
    claim["note"] = "; ".join(notes)
    claim["quote"] = ctx.text[quote_start(ctx.text, ctx.sent[0]) : ctx.sent[1]]
    claim["draft"] = True
    return claim, used


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def _plain(x: float) -> int | float:
    return int(x) if x == int(x) and abs(x) < 2**53 else x
