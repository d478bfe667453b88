"""Drafting: the mentions of each sentence become draft claims of a fact file."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from factcheck.domain.corpus import Corpus
from factcheck.domain.values import PartialDate
from factcheck.io.dump import yaml_text

from .dates import (
    _DATE_HEDGES,
    _DATE_PATTERNS,
    _MONTHS,
    _RELATIVE_PATTERNS,
    _WEEKDAY_RE,
    _WEEKDAYS,
    _find_dates,
    find_anaphoric_dates,
    find_weekday_dates,
)
from .mention import UNIDENTIFIED, UNREVIEWED_DATE, UNREVIEWED_NUMBER, Mention, _with
from .numbers import _find_numbers
from .sentences import _clause, split_sentences
from .subjects import _named_properties, _Names, _propose_property, _propose_subject
from .times import Clock, document_zone, find_times, time_spans


def find_mentions(
    text: str,
    published: str | PartialDate | None = None,
    *,
    start: int = 0,
    end: int | None = None,
    taken: Iterable[tuple[int, int]] = (),
    day: date | None = None,
    clock: Clock | None = None,
    previous: Mention | None = None,
) -> list[Mention]:
    """Every number, date and clock time in ``text[start:end]``, in reading order.

    ``published`` resolves relative dates ("in March this year", "April 14"); without it
    they are left out (and :func:`draft_fact_file` lists them as unresolved). ``taken``
    spans are not read as numbers (names with digits such as "MS-13"). "The following
    month" is resolved against the last date before it, else ``previous``. A clock time falls
    on the last day-precision date before it in the span, else on ``day``; its zone is the
    one written after it, else ``clock`` (see :mod:`factcheck.extract.times`). A value
    glued to a label at the start of the span ("Capacity40,000", infobox text) is read
    as if the label stood apart, and the mention's ``label`` says which label it was.
    """
    end = len(text) if end is None else end
    pub = PartialDate.parse(published) if isinstance(published, str) else published
    seen, label = _unglued(text, start, end)
    dates = _find_dates(seen, start, end, pub)
    weekdays = [
        w
        for w in find_weekday_dates(seen, start, end, pub)
        if not any(w.start < d.end and d.start < w.end for d in dates)
    ]
    dates = sorted(
        [*dates, *weekdays, *find_anaphoric_dates(seen, start, end, dates, previous)],
        key=lambda d: d.start,
    )

    def day_at(at: int) -> date | None:
        before = [d for d in dates if d.end <= at and d.precision == "day"]
        return date.fromisoformat(str(before[-1].value)) if before else day

    times = find_times(seen, start, end, day_at, clock)
    folded: set[int] = set()
    for i, t in enumerate(times):
        h = next((hedge for r, hedge in _DATE_HEDGES if r.search(seen, start, t.start)), None)
        prior = [d for d in dates if d.end <= t.start and d.precision == "day"]
        notes = [t.note] if t.note else []
        if prior and _JOINS_TIME.fullmatch(seen, prior[-1].end, t.start):
            folded.add(prior[-1].start)  # "March 15 at 5:26 p.m.": the day is in the time
            notes.append(f"day from {prior[-1].text!r}")
        elif prior:
            notes.append(f"day from {prior[-1].text!r}, earlier in the sentence")
        elif day is not None:
            notes.append(f"day {day} from the last date before it in the text")
        if h and t.hedge == "exact":
            t = _with(t, hedge=h)
        times[i] = _with(t, note="; ".join(notes) or None)
    spans = [*taken, *((d.start, d.end) for d in dates), *time_spans(seen, start, end)]
    if pub is None:  # "March 3" unresolved without a year is still no count of 3
        spans += [
            m.span()
            for name, pattern in _DATE_PATTERNS
            if name in _RELATIVE_PATTERNS
            for m in pattern.finditer(seen, start, end)
        ]
    dates = [d for d in dates if d.start not in folded or d.precision != "day"]
    numbers = _find_numbers(seen, start, end, spans)
    found = sorted([*dates, *times, *numbers], key=lambda x: (x.start, x.end))
    if label is not None:
        found = [_with(m, label=label) if m.start == start + len(label) else m for m in found]
    return found


# Between a day and a time that falls on it: "March 15 at 5:26", "March 15, 5:26", "March
# 15 before noon", "March 15 between 6:45 and 6:48".
_JOINS_TIME: Final = re.compile(
    r"(?:\s*,)?\s*(?:at|on|from|between|before|after|around|about|by|\(|[-\u2013\u2014])?\s*",
    re.IGNORECASE,
)
# A label glued to its value at the start of a line of infobox or table text.
_GLUED_LABEL: Final = re.compile(r"[A-Z][A-Za-z ]{0,40}?[a-z](?=[$\u20ac\u00a3]?\d)")


def _unglued(text: str, start: int, end: int) -> tuple[str, str | None]:
    """``text`` with a label glued to the value after it blanked out, and the label."""
    m = _GLUED_LABEL.match(text, start, end)
    if m is None:
        return text, None
    return text[:start] + " " * (m.end() - start) + text[m.end() :], m.group()


@dataclass
class Draft:
    """A drafted fact file: its data (ready for YAML) and what could not be drafted."""

    data: dict[str, Any]
    unresolved: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def claims(self) -> list[dict[str, Any]]:
        claims: list[dict[str, Any]] = self.data["claims"]
        return claims

    def to_yaml(self, snapshot: str = "the snapshot") -> str:
        """The fact file as YAML text, with a header saying how to review it."""
        header = (
            f"# Drafted by `factcheck extract` from {snapshot}. Every claim is `draft: true`:\n"
            "# check value, unit, hedge, time, subject and property against the quote, complete\n"
            "# or delete the claim, then remove `draft: true`. `factcheck audit` reports draft\n"
            f"# claims as errors unless --allow-drafts. Subject `{UNIDENTIFIED}` and properties\n"
            f"# `{UNREVIEWED_NUMBER}` / `{UNREVIEWED_DATE}` mark what the extractor could not\n"
            "# tell.\n"
        )
        # Quoted as factcheck reads YAML (1.2: "0E0" is a number), not as PyYAML (1.1).
        body = yaml_text(self.data, width=100)
        footer = "".join(f"# unresolved: {u}\n" for u in self.unresolved)
        return header + body + footer


_PUBLISHED_WINDOW: Final = 600  # characters at the top of a snapshot where a dateline sits


def _guess_published(text: str) -> tuple[PartialDate, Mention] | None:
    for d in _find_dates(text, 0, min(len(text), _PUBLISHED_WINDOW), None):
        if d.precision == "day" or "ambiguous" in d.flags:
            return PartialDate.parse(str(d.value)), d
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def draft_fact_file(
    text: str,
    source_id: str,
    *,
    corpus: Corpus | None = None,
    published: str | None = None,
    title: str | None = None,
    snapshot_file: str = "snapshot.txt",
) -> Draft:
    """Draft a fact file for the source ``text``: one draft claim per number or date.

    ``corpus`` supplies entity aliases and properties to propose subjects and properties;
    ``published`` (a partial date) resolves relative dates; without it a dateline near the
    top of the text is used, and the source's note says so.
    """
    source_notes = ["drafted by factcheck extract: check every field"]
    pub: PartialDate | None = PartialDate.parse(published) if published else None
    if pub is None:
        guess = _guess_published(text)
        if guess is not None:
            pub = guess[0]
            line = text.count("\n", 0, guess[1].start) + 1
            source_notes.append(f"published taken from {guess[1].text!r} (line {line}) in the text")
    names = _Names.of(corpus)
    title_text = title or next((ln.strip() for ln in text.splitlines() if ln.strip()), source_id)
    if not title:
        source_notes.append("title: the first line of the text")
    source: dict[str, Any] = {
        "id": source_id,
        "kind": "article",
        "title": title_text,
        "published": str(pub) if pub else None,
        "language": "en",
        "note": "; ".join(source_notes) + ".",
        "snapshot": {
            "file": snapshot_file,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        },
    }
    if source["published"] is None:
        del source["published"]
    draft = Draft({"source": source, "claims": []})
    ids: dict[str, int] = {}
    clock = document_zone(text)
    if clock is not None:
        source_notes.append(f"times without a zone take the zone of {clock.said!r}")
        source["note"] = "; ".join(source_notes) + "."
    day = date(pub.year, pub.month, pub.day) if pub and pub.month and pub.day else None
    sentences = split_sentences(text)
    first_line = next((s for s in sentences if text[s[0] : s[1]].strip()), (0, 0))
    on_top = list(dict.fromkeys(e for _, _, e in names.entities_in(text, *first_line)))
    main = on_top[0] if len(on_top) == 1 else None
    earlier: list[tuple[int, int, str]] = []
    previous: Mention | None = None  # the last date of the narrative, for "the next day"
    for i, sent in enumerate(sentences):
        s_start, s_end = sent
        sentence = text[s_start:s_end]
        found = names.entities_in(text, s_start, s_end)
        if not re.search(r"[A-Za-z]", sentence):
            continue
        digit_names = [(a, b) for a, b, _ in found if any(c.isdigit() for c in text[a:b])]
        mentions = find_mentions(
            text,
            pub,
            start=s_start,
            end=s_end,
            taken=digit_names,
            day=day,
            clock=clock,
            previous=previous,
        )
        narrative = [
            m for m in mentions if m.kind == "date" and not m.flags & {"time", "ambiguous"}
        ]
        previous = narrative[-1] if narrative else previous
        draft.mentions.extend(mentions)
        starts = {m.start for m in mentions}
        draft.unresolved.extend(
            f"time {text[a:b]!r} in {sentence!r}: no date before it gives its day"
            for a, b in time_spans(text, s_start, s_end)
            if a not in starts
        )
        days = [
            m
            for m in mentions
            if m.kind == "date"
            and m.precision in ("day", "time")
            and "ambiguous" not in m.flags
            and not _STATUS_DATE.search(text, max(s_start, m.start - 20), m.start)
        ]
        if days:  # timelines: a heading's day holds for the times under it
            day = date.fromisoformat(str(days[-1].value)[:10])
        if pub is None or pub.day is None:
            draft.unresolved.extend(
                f"{m.group()!r} in {sentence!r}: give --published (to the day) to resolve it"
                for m in _WEEKDAY_RE.finditer(text, s_start, s_end)
            )
        if pub is None:
            draft.unresolved.extend(
                f"{m.group()!r} in {sentence!r}: give --published to resolve it"
                for name, pattern in _DATE_PATTERNS
                if name in _RELATIVE_PATTERNS
                for m in pattern.finditer(text, s_start, s_end)
            )
        rest = sentence
        for m in reversed(mentions):
            rest = rest[: m.start - s_start] + rest[m.end - s_start :]
        heading = bool(mentions) and not re.sub(_HEADING_WORDS, "", rest).strip(" ,.:()-")
        ctx = _Context(
            text,
            sent,
            found,
            names,
            [m for m in mentions if m.kind == "date" and "ambiguous" not in m.flags],
            ids,
            earlier=list(earlier),
            main=main,
            published=pub,
            next_sentence=sentences[i + 1] if heading and i + 1 < len(sentences) else None,
        )
        as_of_dates: set[int] = set()
        claims = []
        for m in mentions:
            alone = sum(1 for x in mentions if x.kind == m.kind) == 1
            claim, used = _claim(m, ctx, alone)
            claims.append((m, claim))
            if used is not None and re.search(r"\bas\s+of\s*$", text[s_start : used.start], re.I):
                as_of_dates.add(used.start)
        # A date said as "as of 11 June 2024" dates the figures; it is no claim of its own.
        draft.claims.extend(c for m, c in claims if m.start not in as_of_dates)
        earlier.extend(found)
    return draft


_WEEKDAY_WORDS: Final = _WEEKDAYS
_MONTH_WORDS: Final = "|".join(_MONTHS)
# "As of March 24", "now, early March 24": when the text is written, not what it narrates.
_STATUS_DATE: Final = re.compile(r"\b(?:as\s+of|now|today|updated)\b[^.;]*$", re.IGNORECASE)
# What a timeline heading holds besides its date or time ("March 15 at 5:26 p.m.").
_HEADING_WORDS: Final = re.compile(
    r"(?i)\b(?:at|on|between|and|before|after|around|about|by|from|to|noon|midnight|early|late|"
    rf"all\s+times\s+\w+|{_WEEKDAY_WORDS}|{_MONTH_WORDS})\b|\d+"
)


@dataclass
class _Context:
    """What drafting a claim needs to know about the sentence around its figure."""

    text: str
    sent: tuple[int, int]
    found: list[tuple[int, int, str]]
    names: _Names
    dates: list[Mention]
    ids: dict[str, int]
    earlier: list[tuple[int, int, str]]
    main: str | None
    published: PartialDate | None
    next_sentence: tuple[int, int] | None  # the event a heading's date or time is of


def _as_of(m: Mention, ctx: _Context) -> tuple[Mention | None, str | None]:
    """The date a figure holds at: the last date before it in its part of the sentence
    (up to a semicolon), else a date right after it ("in March 2025"). A figure said to
    hold "now" is dated by the publication, not by another date in the sentence."""
    text, (s_start, s_end) = ctx.text, ctx.sent
    seg_lo = max((x.end() for x in re.finditer(";", text[s_start : m.start])), default=0)
    seg_lo += s_start
    near = text[max(seg_lo, m.start - 40) : m.start]
    if re.search(r"\b(?:now|currently|today|presently)\b", near, re.I):
        return None, "now"
    dates = [d for d in ctx.dates if "time" not in d.flags]  # a timeline's time is an event's
    before = [d for d in dates if seg_lo <= d.start and d.end <= m.start]
    if before:
        return before[-1], f"as_of from {before[-1].text!r}, the last date before it"
    _, hi = _clause(text, s_start, s_end, m.start)
    after = [d for d in dates if m.end <= d.start and d.end <= hi]
    if after and re.fullmatch(r"[^,;]*\b(?:in|as of|by|on)\s+", text[m.end : after[0].start]):
        return after[0], f"as_of from {after[0].text!r}, right after it"
    return None, None


def _claim(m: Mention, ctx: _Context, alone: bool) -> tuple[dict[str, Any], Mention | None]:
    text, sent, names = ctx.text, ctx.sent, ctx.names
    sentence = text[sent[0] : sent[1]]
    notes = [f"drafted from {m.text!r}"]
    prop = _propose_property(names, text, sent, m, alone)
    if prop:
        notes.append(
            f"property {prop}: from the label {m.label!r}"
            if m.label
            else f"property {prop}: named by the words around the figure"
        )
    subject: str | None
    if m.label is not None and ctx.main is not None:
        subject, named = ctx.main, [ctx.main]
        notes.append("subject: the entity the text is about (the only one in its first line)")
    elif ctx.next_sentence is not None:
        n_lo, n_hi = ctx.next_sentence
        nxt = text[n_lo:n_hi]
        if prop is None:
            props = _named_properties(names, m, "", nxt)
            prop = props[0] if len(props) == 1 else None
            if prop:
                notes.append(f"property {prop}: named in the line under this heading")
        named = list(dict.fromkeys(e for _, _, e in names.entities_in(text, n_lo, n_hi)))
        subject, _, why = _propose_subject(
            names, names.entities_in(text, n_lo, n_hi), text, ctx.next_sentence, n_lo, prop
        )
        if why:
            notes.append(f"{why}, in the line under this heading")
    else:
        subject, named, why = _propose_subject(
            names, ctx.found, text, sent, m.start, prop, ctx.earlier
        )
        if why:
            notes.append(why)
    if subject is None and named:
        where = "the line under this heading" if ctx.next_sentence else "the sentence"
        notes.append(f"entities named in {where}, none clearly the subject: " + ", ".join(named))
    if "change" in m.flags and m.kind == "quantity":
        prop = None  # a change is not a count of anything the corpus has a property for
    placeholder = UNREVIEWED_DATE if m.kind == "date" else UNREVIEWED_NUMBER
    base = prop or ("date" if m.kind == "date" else "number")
    value: Any
    if isinstance(m.value, tuple):
        value = [_plain(x) for x in m.value]
        slug = f"{_slug(str(value[0]))}-{_slug(str(value[1]))}"
    elif isinstance(m.value, float):
        value = _plain(m.value)
        slug = _slug(f"{value}")
    else:
        value = m.value
        slug = _slug(m.value)
    claim_id = f"{base}-{slug}"
    ctx.ids[claim_id] = ctx.ids.get(claim_id, 0) + 1
    if ctx.ids[claim_id] > 1:
        claim_id = f"{claim_id}-{ctx.ids[claim_id]}"
    claim: dict[str, Any] = {
        "id": claim_id,
        "subject": subject or UNIDENTIFIED,
        "property": prop or placeholder,
        "value": value,
    }
    if m.unit:
        claim["unit"] = m.unit
    if m.hedge != "exact":
        claim["hedge"] = m.hedge
    used: Mention | None = None
    if m.kind == "quantity":
        used, why_as_of = _as_of(m, ctx)
        if used is not None:
            claim["as_of"] = used.value
            notes.append(str(why_as_of))
        elif why_as_of == "now" and ctx.published is not None:
            claim["as_of"] = str(ctx.published)
            notes.append(f"as_of: said to hold now, so the publication date {ctx.published}")
    else:
        notes.append(f"{m.precision} precision")
    if m.note:
        notes.append(m.note)
    claim["note"] = "; ".join(notes)
    claim["quote"] = sentence
    claim["draft"] = True
    return claim, used


def _plain(x: float) -> int | float:
    return int(x) if x == int(x) and abs(x) < 2**53 else x
