"""Drafting: the mentions of each sentence become draft claims of a fact file."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Final

from factcheck.domain.corpus import Corpus
from factcheck.domain.values import PartialDate
from factcheck.extract.abstain import abstain_weak_subjects
from factcheck.extract.claim import Context, make_claim
from factcheck.extract.coordination import share_predicates
from factcheck.extract.datelines import dateline_spans, dateline_zone, stamp_lines, updated_day
from factcheck.extract.dates import (
    DATE_PATTERNS,
    MONTHS,
    RELATIVE_PATTERNS,
    WEEKDAYS,
    find_ago_dates,
    find_anaphoric_dates,
    find_dates,
    is_baseline,
)
from factcheck.extract.day_ranges import find_day_ranges
from factcheck.extract.fact_file import Draft
from factcheck.extract.glued_labels import unglued
from factcheck.extract.kinds import read_names
from factcheck.extract.local_zones import PlaceZones
from factcheck.extract.mention import (
    UNREVIEWED_DATE,
    UNREVIEWED_NUMBER,
    Mention,
    overlaps,
    with_changes,
)
from factcheck.extract.name_figures import name_figure_spans
from factcheck.extract.numbers import find_numbers
from factcheck.extract.offsets import find_offset_dates, offset_spans
from factcheck.extract.relative_days import day_spans, find_relative_days
from factcheck.extract.sentences import split_sentences
from factcheck.extract.source_entry import source_entry
from factcheck.extract.tense import speaks_ahead
from factcheck.extract.time_days import times_on_days
from factcheck.extract.timelines import past_midnight
from factcheck.extract.times import (
    Clock,
    WrittenZones,
    document_zone,
    time_spans,
    writes_zone,
)
from factcheck.extract.unresolved import unresolved
from factcheck.extract.vocabulary import Names
from factcheck.extract.weekdays import WEEKDAY_RE, find_weekday_dates


def find_mentions(
    text: str,
    published: str | PartialDate | None = None,
    *,
    start: int = 0,
    end: int | None = None,
    taken: Iterable[tuple[int, int]] = (),
    day: date | None = None,
    clock: Clock | None = None,
    local: tuple[str, str] | None = None,
    previous: Mention | None = None,
    updated: tuple[date, str] | None = None,
    day_ahead: bool = False,
    to_come: Mapping[int, date] | None = None,
) -> list[Mention]:
    """Every number, date and clock time in ``text[start:end]``, in reading order.

    ``published`` resolves relative dates ("in March this year", "April 14"); without it
    they are left out (and :func:`draft_fact_file` lists them as unresolved). ``taken``
    spans are not read as numbers (names with digits such as "MS-13"). "The following
    month" is resolved against the last date before it, else ``previous``. A clock time falls
    on the last day-precision date before it in the span, else on ``day`` (with
    ``day_ahead``: a day to come the text named, flagged so; ``to_come``: such days by
    weekday, which a weekday said alone again is); its zone is the one written
    after it ("local time": ``local``, the zone and the place the text names), else
    ``clock`` (see :mod:`factcheck.extract.times`). A value glued to a label at the start
    of the span ("Capacity40,000", infobox text) is read as if the label stood apart,
    and the mention's ``label`` says which label it was."""
    end = len(text) if end is None else end
    pub = PartialDate.parse(published) if isinstance(published, str) else published
    seen, label = unglued(text, start, end)
    names = name_figure_spans(seen, start, end)  # "Footnote 2", "the 2024 general election"
    taken = [*taken, *names, *offset_spans(seen, start, end)]  # "Two years after"
    found_dates = _dates(seen, start, end, pub, previous, updated, to_come)
    dates = [d for d in found_dates if (d.start, d.end) not in names]
    times, folded = times_on_days(seen, start, end, dates, day, (clock, local), ahead=day_ahead)
    # "at 1500 GMT" is a time, not the year 1500: a year is never followed by a zone
    dates = [d for d in dates if d.precision != "year" or not overlaps(d, times)]
    spans = [*taken, *((d.start, d.end) for d in dates), *time_spans(seen, start, end)]
    if pub is None:  # "March 3" unresolved without a year is still no count of 3
        spans += [
            m.span()
            for name, pattern in DATE_PATTERNS
            if name in RELATIVE_PATTERNS
            for m in pattern.finditer(seen, start, end)
        ]
    dates = [d for d in dates if d.start not in folded or d.precision != "day"]
    numbers = find_numbers(seen, start, end, spans)
    found = sorted([*dates, *times, *numbers], key=lambda x: (x.start, x.end))
    if label is not None:
        found = [
            with_changes(m, label=label) if m.start == start + len(label) else m for m in found
        ]
    return found


def _dates(
    seen: str,
    start: int,
    end: int,
    pub: PartialDate | None,
    previous: Mention | None,
    updated: tuple[date, str] | None,
    to_come: Mapping[int, date] | None,
) -> list[Mention]:
    """Dates written out, weekdays and dates said relative to another ("the following
    month"), in reading order. Weekdays are of the week of ``updated`` (a running story's
    "Updated at 8:05 p.m. Sunday"), when the text has such a stamp, else of ``pub``'s;
    ``to_come``: the days to come named before, by weekday."""
    ranges = find_day_ranges(seen, start, end, pub)  # "April 5-7, 2025": one span
    dates = [d for d in find_dates(seen, start, end, pub) if not overlaps(d, ranges)]
    dates += [*ranges, *find_ago_dates(seen, start, end, pub)]
    base, said = (
        (PartialDate.parse(updated[0].isoformat()), f"the update {updated[1]!r}")
        if updated
        else (pub, "")
    )
    weekdays = [
        w
        for w in find_weekday_dates(seen, start, end, base, said, to_come)
        if not any(w.start < d.end and d.start < w.end for d in dates)
    ]
    days = [
        r
        for r in find_relative_days(seen, start, end, pub)
        if not any(r.start < d.end and d.start < r.end for d in [*dates, *weekdays])
    ]
    found = [*dates, *weekdays, *days, *find_anaphoric_dates(seen, start, end, dates, previous)]
    found += find_offset_dates(seen, start, end, dates, previous)  # "five years later"
    return day_spans(seen, sorted(found, key=lambda d: d.start))


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
    source, pub, notes = source_entry(text, source_id, published, title, snapshot_file)
    clock = document_zone(text)
    if clock is not None:
        notes.append(f"times without a zone take the zone of {clock.said!r}")
    source["note"] = "; ".join(notes) + "."
    reader = _Reader(text, Names.of(corpus), pub, clock, Draft({"source": source, "claims": []}))
    for i in range(len(reader.sentences)):
        reader.read(i)
    reader.draft.drop_repeated_headline(text)
    reader.draft.drop_restated()
    reader.draft.drop_times_of_figures()
    abstain_weak_subjects(reader.draft.claims)  # after every rule that reads subjects
    return reader.draft


class _Reader:
    """Drafting state carried from sentence to sentence: the day a timeline is at, the
    last date of the narrative, the entities named so far."""

    def __init__(
        self,
        text: str,
        names: Names,
        pub: PartialDate | None,
        clock: Clock | None,
        draft: Draft,
    ) -> None:
        self.text, self.names, self.pub, self.clock, self.draft = text, names, pub, clock, draft
        self.day = date(pub.year, pub.month, pub.day) if pub and pub.month and pub.day else None
        self.sentences = split_sentences(text)
        first_line = next((s for s in self.sentences if text[s[0] : s[1]].strip()), (0, 0))
        on_top = list(dict.fromkeys(e for _, _, e in names.entities_in(text, *first_line)))
        self.main = on_top[0] if len(on_top) == 1 else None
        self.earlier: list[tuple[int, int, str]] = []
        self.previous: Mention | None = None  # the last date of the narrative
        self.last_time: Mention | None = None  # the last clock time with its zone
        self.ahead: date | None = None  # a day to come the text named since its last day
        self.to_come: dict[int, date] = {}  # the days to come it named, by weekday
        self.recent: tuple[int, str] | None = None  # the last subject chosen, and where
        self.places = PlaceZones(text)
        self.datelines = dateline_spans(text)
        self.updated = updated_day(text, pub)
        # a news dateline's city ("SACRAMENTO, Calif. (AP) —"): its zone is that of the
        # times the text writes no zone for, as wire style has it
        city = dateline_zone(text)
        self.dateline = Clock(city[0], f"{city[1]} ({city[0]})") if city else None
        # A text that writes no zone, about places that keep one clock ("fires in Ventura
        # ... at 11 a.m. Thursday"): its times are the places' own. Places in two zones, or
        # none named (but in a quotation), give none: a zone is never guessed (see _here).
        self.unzoned = not writes_zone(text)  # no zone written after any of its times
        self.where = self.places.zone(0, len(text), said=False) if self.unzoned else None
        self.stamps = stamp_lines(text)  # a page's stamp is on its publisher's clock
        self.ids: dict[str, int] = {}
        self.zones = WrittenZones()
        # what each sentence, paragraph and the text name, read once (see extract.kinds)
        self.named, self.around = read_names(names, text, self.sentences, pub)

    def read(self, i: int) -> None:
        """Draft the claims of sentence ``i``."""
        text, (s_start, s_end), found = self.text, self.sentences[i], self.named[i]
        if not re.search(r"[A-Za-z]", text[s_start:s_end]):
            return
        digit_names = [(a, b) for a, b, _ in found if any(c.isdigit() for c in text[a:b])]
        ahead = self._looks_ahead(s_start, s_end)
        mentions = find_mentions(
            text,
            self.pub,
            start=s_start,
            end=s_end,
            taken=digit_names,
            day=self.ahead if ahead else self.day,
            day_ahead=ahead,
            to_come=self.to_come,
            clock=self.clock or self.zones.one(text, s_start) or self.dateline or self._here(i),
            local=self.places.zone(s_start, s_end),
            previous=self.previous,
            updated=self.updated,
        )
        self.zones.read(text, s_start, s_end)
        mentions, self.last_time = past_midnight(mentions, self.last_time)  # "— Midnight"
        narrative = [
            m
            for m in mentions
            if m.kind == "date"
            and not m.flags & {"time", "ambiguous"}
            and isinstance(m.value, str)  # "the following day" counts from one day, not two
        ]
        self.previous = narrative[-1] if narrative else self.previous
        self.draft.mentions.extend(mentions)
        self.draft.unresolved.extend(unresolved(text, (s_start, s_end), mentions, self.pub))
        days = [
            m
            for m in mentions
            if m.kind == "date"
            and m.precision in ("day", "time")
            and not m.flags & {"ambiguous", "ahead"}
            and not _STATUS_DATE.search(text, max(s_start, m.start - 20), m.start)
            and not text.startswith(("'s ", "\u2019s "), m.end)
        ]
        if days:  # timelines: a heading's day holds for the times under it
            self.day = date.fromisoformat(str(days[-1].value)[:10])
            self.ahead = None
        # "will close streets on Sunday morning": the day the times to come are on
        to_come = [m for m in mentions if m.kind == "date" and "ahead" in m.flags]
        if to_come:
            self.ahead = date.fromisoformat(str(to_come[-1].value)[:10])
        for m in to_come:
            if WEEKDAY_RE.fullmatch(m.text):  # "Sunday morning", not "9 a.m. Sunday"
                day = date.fromisoformat(str(m.value)[:10])
                self.to_come.setdefault(day.weekday(), day)
        self._claims(i, found, mentions)
        self.earlier.extend(found)

    def _looks_ahead(self, start: int, end: int) -> bool:
        """Whether the times in ``text[start:end]`` that name no day fall on the day to
        come the text named last ("will close streets on Sunday morning"): the sentence
        speaks of what is to come ("roads will close at 7 a.m.")."""
        if self.ahead is None:
            return False
        at = next(iter(time_spans(self.text, start, end)), (end, end))[0]
        return speaks_ahead(self.text, start, at)

    def _here(self, i: int) -> Clock | None:
        """In a text that writes no zone, the one zone of the places it names (but on a
        page's stamp), else of the one place named in the sentence before its first time
        ("arrived in El Salvador ... at 12:17 p.m."): where it was."""
        start, end = self.sentences[i]
        if not self.unzoned:
            return None
        if self.where and not any(a <= start < b for a, b in self.stamps):
            zone, place = self.where
            return Clock(zone, f"the places the text names ({place}: {zone})")
        at = next(iter(time_spans(self.text, start, end)), (end, end))[0]
        got = self.places.zone(start, at, only=True)
        return Clock(got[0], f"{got[1]}, named before the time ({got[0]})") if got else None

    def _claims(self, i: int, found: list[tuple[int, int, str]], mentions: list[Mention]) -> None:
        text, sent = self.text, self.sentences[i]
        rest = text[sent[0] : sent[1]]
        for m in reversed(mentions):
            rest = rest[: m.start - sent[0]] + rest[m.end - sent[0] :]
        heading = bool(mentions) and not re.sub(_HEADING_WORDS, "", rest).strip(" ,.:()-")
        ctx = Context(
            text,
            sent,
            found,
            self.names,
            [m for m in mentions if m.kind == "date" and "ambiguous" not in m.flags],
            self.ids,
            earlier=list(self.earlier),
            main=self.main,
            published=self.pub,
            next_sentence=self.sentences[i + 1]
            if heading and i + 1 < len(self.sentences)
            else None,
            recent=self.recent,
            around=self.around[i],
        )
        as_of_dates: set[int] = set()
        dating: dict[int, set[str]] = {}  # a date -> the subjects of the figures it dates
        claims = []
        for m in mentions:
            if any(a <= m.start < b for a, b in self.datelines) or is_baseline(text, m, sent[0]):
                continue  # when published (the source's), or a comparison's "a year ago"
            alone = sum(1 for x in mentions if x.kind == m.kind) == 1
            claim, used = make_claim(m, ctx, alone)
            claims.append((m, claim))
            if used is not None and used.start >= sent[0]:
                dating.setdefault(used.start, set()).add(claim["subject"])
            if used is not None and re.search(r"\bas\s+of\s*$", text[sent[0] : used.start], re.I):
                as_of_dates.add(used.start)
        self.recent = ctx.recent
        share_predicates(text, claims)  # "252 Venezuelan and 36 Salvadoran migrants were ..."
        # A date said as "as of 11 June 2024" dates the figures; it is no claim of its own.
        # "There are no reports": a zero is worth drafting only as a count the corpus keeps.
        self.draft.keep_figures(claims, i)  # which were read from a label; for the scorer
        self.draft.claims.extend(
            c
            for m, c in claims
            if m.start not in as_of_dates
            and not ("none" in m.flags and c["property"] == UNREVIEWED_NUMBER)
            # "In 2022, 70,000 people were imprisoned in the prison": the year dates the
            # prison's figure; drafted alone, about another subject and with no property, it
            # is a claim nobody checks. The same subject's year stays ("a 7.7-magnitude
            # earthquake struck in 1935"), as do days and months, more often an event's
            # date a reviewer keeps (measured).
            and not (
                c["property"] == UNREVIEWED_DATE
                and m.precision == "year"
                and c["subject"] not in dating.get(m.start, {c["subject"]})
            )
        )


_MONTH_WORDS: Final = "|".join(MONTHS)
# "As of March 24", "now, early March 24": when the text is written, not what it narrates.
_STATUS_DATE: Final = re.compile(r"\b(?:as\s+of|now|today|updated)\b[^.;]*$", re.IGNORECASE)
# What a timeline heading holds besides its date or time ("March 15 at 5:26 p.m.").
_HEADING_WORDS: Final = re.compile(
    r"(?i)\b(?:at|on|between|and|before|after|around|about|by|from|to|noon|midnight|early|late|"
    rf"all\s+times\s+\w+|{WEEKDAYS}|{_MONTH_WORDS})\b|\d+"
)
