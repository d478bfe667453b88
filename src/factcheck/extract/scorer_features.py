"""The features of a draft's candidate (subject, property) pairs, for the learned scorer
(:mod:`.scorer`). General only, never an entity's or a property's identity nor a text's
words: where and how near the subject is named (its sentence, clause, paragraph, the
text's first line; before the figure, right before it, after "of"; as a possessor), how
often the text names it, whether its name holds the date's year or month; whether the
property's id and description words are around the figure, whether its unit is the
figure's; whether the property is said of the subject's kind; what the rules chose and by
which reason (their note)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from factcheck.domain.datewords import MONTHS
from factcheck.domain.units import same_unit
from factcheck.extract.mention import UNIDENTIFIED, Mention
from factcheck.extract.properties import property_candidates
from factcheck.extract.property_words import id_stems
from factcheck.extract.scorer_reading import (
    PLACEHOLDERS,
    Draftee,
    Reading,
    candidates,
    not_taken,
)
from factcheck.extract.sentences import clause_span
from factcheck.extract.stems import stem, word_stems

__all__ = [
    "FEATURES",
    "PAIR_FEATURES",
    "PROPERTY_FEATURES",
    "SUBJECT_FEATURES",
    "pair_features",
    "reason_class",
]

#: The rules' reasons for a subject, by words of their note, as a few general classes.
REASONS: Final = (
    ("before it in its paragraph", "previous"),
    ("only entity named", "only-named"),
    ("right before the figure", "right-before"),
    ("refers back", "refers-back"),
    ("stands for", "pronoun"),
    ("what the text is about", "topic"),
    ("whose name carries", "day-named"),
    ("names by its", "event-verb"),
    ("clause names", "event-verb"),
    ("shares the sentence", "shared-words"),
    ("its name holds", "name-holds"),
    ("is said of a", "kind-only"),
    ("named in the paragraph", "paragraph"),
    ("first line", "main"),
    ("said this figure before", "said-before"),
    ("said again", "restated"),
)


def reason_class(note: str) -> str:
    """The class of the rules' reason for a draft's subject, read from its note."""
    at = note.rfind("subject: ")
    if at < 0:
        return "none"
    part = note[at:].split("; ", 1)[0]
    return next((c for k, c in REASONS if k in part), "other")


@lru_cache(maxsize=4096)
def _content_stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[A-Za-z]{4,}", text))


def _dist(x: float) -> float:
    return math.log1p(max(x, 0.0) / 10.0)


@dataclass
class _Around:
    """The draft's neighbourhood, read once for all its candidates."""

    sent: tuple[int, int]
    clause: tuple[int, int]
    stems_sentence: frozenset[str]
    stems_before: frozenset[str]
    stems_after: frozenset[str]
    named: list[str]
    rule_subject: str
    rule_property: str
    reason: str
    not_taken: str | None
    counts: dict[str, int] = field(default_factory=dict)
    first_at: dict[str, int] = field(default_factory=dict)
    in_prev: frozenset[str] = frozenset()
    in_para: frozenset[str] = frozenset()
    words: list[tuple[int, str]] = field(default_factory=list)  # (index, stem) of the sentence
    at: int = 0  # the index of the figure among the sentence's words


def _around(reading: Reading, d: Draftee) -> _Around:
    text, m = reading.text, d.mention
    sent = reading.sentences[d.sentence]
    clause = clause_span(text, sent[0], sent[1], m.start)
    counts: dict[str, int] = {}
    first_at: dict[str, int] = {}
    for f in reading.named:
        for a, _, e in f:
            counts[e] = counts.get(e, 0) + 1
            first_at.setdefault(e, a)
    prev = reading.named[d.sentence - 1] if d.sentence > 0 else []
    named = property_candidates(reading.names, text, sent, m, alone=False)
    words = [(w[0], w.start()) for w in re.finditer(r"[A-Za-z]+", text[sent[0] : sent[1]])]
    words = [(w, sent[0] + x) for w, x in words]
    return _Around(
        sent,
        clause,
        frozenset(word_stems(text[sent[0] : sent[1]])),
        frozenset(word_stems(text[clause[0] : m.start])),
        frozenset(word_stems(text[m.end : clause[1]])),
        named,
        d.claim["subject"],
        d.claim["property"],
        reason_class(d.claim["note"]),
        not_taken(d.claim["note"]),
        counts,
        first_at,
        frozenset(e for _, _, e in prev),
        reading.around[d.sentence].in_paragraph,
        [(i, stem(w[0])) for i, w in enumerate(words)],
        sum(1 for w in words if w[1] < m.start),
    )


#: Names of the features, in the order of the vectors.
SUBJECT_FEATURES: Final = (
    "s_unid",
    "s_rule",
    "s_not_taken",
    *(f"s_rule_{c}" for c in sorted({c for _, c in REASONS} | {"other"})),
    "s_in_sentence",
    "s_count_sentence",
    "s_in_clause",
    "s_dist",
    "s_before",
    "s_right_before",
    "s_of_after",
    "s_possessor",
    "s_first_in_sentence",
    "s_opens_sentence",
    "s_in_previous",
    "s_in_paragraph",
    "s_text_count",
    "s_first_position",
    "s_main",
    "s_previous_subject",
    "s_described",
    "s_event",
    "s_year_in_name",
    "s_month_in_name",
    "s_name_overlap",
    "s_kind_of_named",
    "s_in_first_line",
)
PROPERTY_FEATURES: Final = (
    "p_unrev",
    "p_rule",
    "p_named",
    "p_named_only",
    "p_id_before",
    "p_id_after",
    "p_id_sentence",
    "p_id_all_clause",
    "p_id_near",
    "p_description_sentence",
    "p_unit_same",
    "p_unit_none_both",
    "p_unit_only_property",
    "p_declares_kinds",
)
PAIR_FEATURES: Final = (
    "x_rule_pair",
    "x_declares",
    "x_kind_conflict",
    "x_fits",
    "x_said_of",
    "x_both_placeholder",
    "x_both_placeholder_rule_unid",
    "x_both_placeholder_rule_unrev",
    "x_both_placeholder_date",
    "x_both_placeholder_nothing_named",
    "x_unid_real_property",
    "x_real_subject_unrev",
)
FEATURES: Final = (*SUBJECT_FEATURES, *PROPERTY_FEATURES, *PAIR_FEATURES)


def _subject_vector(reading: Reading, d: Draftee, a: _Around, s: str) -> list[float]:
    text, m, names = reading.text, d.mention, reading.names
    reasons = [f"s_rule_{c}" for c in sorted({c for _, c in REASONS} | {"other"})]
    if s == UNIDENTIFIED:
        v = [0.0] * len(SUBJECT_FEATURES)
        v[0] = 1.0
        v[1] = float(a.rule_subject == UNIDENTIFIED)
        return v
    found = [(x, y) for x, y, e in reading.named[d.sentence] if e == s]
    rule = s == a.rule_subject
    v = [0.0, float(rule), float(s == a.not_taken)]
    v += [float(rule and r == f"s_rule_{a.reason}") for r in reasons]
    if found:
        gaps = [(m.start - y) if y <= m.start else (x - m.end) for x, y in found]
        near = min(range(len(found)), key=lambda i: abs(gaps[i]))
        x, y = found[near]
        before = y <= m.start
        first = min(xx for xx, _, _ in reading.named[d.sentence])
        v += [
            1.0,
            math.log1p(len(found)),
            float(any(a.clause[0] <= xx and yy <= a.clause[1] for xx, yy in found)),
            _dist(abs(gaps[near])),
            float(before),
            float(before and m.start - y <= 25),
            float(
                any(
                    m.end <= xx <= m.end + 40
                    and re.search(r"\bof\s+(?:the\s+)?$", text[m.end : xx])
                    for xx, _ in found
                )
            ),
            float(any(text.startswith(("'s", "\u2019s"), yy) for _, yy in found)),
            float(x == first or any(xx == first for xx, _ in found)),
            float(any(xx - a.sent[0] <= 6 for xx, _ in found)),
        ]
    else:
        v += [0.0, 0.0, 0.0, _dist(1000.0), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    first_at = a.first_at.get(s)
    year = str(m.value)[:4] if m.kind == "date" and isinstance(m.value, str) else None
    name = names.names.get(s, "")
    words = _content_stems(name)
    v += [
        float(s in a.in_prev),
        float(s in a.in_para),
        math.log1p(a.counts.get(s, 0)),
        (first_at / max(len(text), 1)) if first_at is not None else 1.0,
        float(s == reading.main),
        float(s == d.previous),
        float(bool(found) and all(names.owner.get(text[x:y]) != s for x, y in found)),
        float(names.kinds.get(s) == "event"),
        float(year is not None and year in name),
        float(_month_named(m, name)),
        (len(words & a.stems_sentence) / len(words)) if words else 0.0,
        float(any(names.kinds.get(s) in names.declared_kinds.get(p, ()) for p in a.named)),
        float(s in reading.first_line),
    ]
    return v


def _month_named(m: Mention, name: str) -> bool:
    """Whether a date's month (of a day or month precision date) is in the entity's name."""
    value = str(m.value) if m.kind == "date" and isinstance(m.value, str) else ""
    if len(value) < 7 or not value[5:7].isdigit() or not 1 <= int(value[5:7]) <= 12:
        return False
    month = MONTHS[int(value[5:7]) - 1]
    return month in name or month[:3] in name


def _property_vector(reading: Reading, d: Draftee, a: _Around, p: str) -> list[float]:
    names, m = reading.names, d.mention
    if p in PLACEHOLDERS:
        v = [0.0] * len(PROPERTY_FEATURES)
        v[0] = 1.0
        v[1] = float(a.rule_property == p)
        return v
    ids = id_stems(p)
    desc = _content_stems(names.descriptions.get(p, ""))
    unit = names.units.get(p)
    return [
        0.0,
        float(p == a.rule_property),
        float(p in a.named),
        float(a.named == [p]),
        len(ids & a.stems_before) / max(len(ids), 1),
        len(ids & a.stems_after) / max(len(ids), 1),
        len(ids & a.stems_sentence) / max(len(ids), 1),
        float(bool(ids) and ids <= (a.stems_before | a.stems_after)),
        _dist(min((abs(i - a.at) for i, w in a.words if w in ids), default=1000) * 5.0),
        len(desc & a.stems_sentence) / max(len(desc), 1),
        float(bool(m.unit) and unit is not None and same_unit(unit, m.unit or "")),
        float(not m.unit and unit is None),
        float(not m.unit and unit is not None),
        float(p in names.declared_kinds),
    ]


def _pair_vector(reading: Reading, d: Draftee, a: _Around, s: str, p: str) -> list[float]:
    names = reading.names
    real_s, real_p = s != UNIDENTIFIED, p not in PLACEHOLDERS
    declared = names.declared_kinds.get(p, frozenset())
    tells = p not in names.declared_kinds and (
        names.described_kinds.get(p) or names.said_of.get(p) or names.subject_kinds.get(p)
    )
    both = not real_s and not real_p
    return [
        float(s == a.rule_subject and p == a.rule_property),
        float(real_s and real_p and names.kinds.get(s) in declared),
        float(real_s and real_p and bool(declared) and names.kinds.get(s) not in declared),
        # the description names kinds or nouns the subject has (a property that says
        # nothing of what it is said of fits anything: no evidence)
        float(real_s and real_p and bool(tells) and names.fits(p, s)),
        float(real_s and real_p and names.said_of_entity(p, s)),
        float(both),
        float(both and a.rule_subject == UNIDENTIFIED),
        float(both and a.rule_property in PLACEHOLDERS),
        float(both and d.mention.kind == "date"),
        float(both and not a.named),
        float(not real_s and real_p),
        float(real_s and not real_p),
    ]


def pair_features(
    reading: Reading, d: Draftee
) -> tuple[
    list[str], list[str], list[list[float]], list[list[float]], Callable[[str, str], list[float]]
]:
    """The draft's candidates, their subject and property vectors, and a function giving
    a pair's own features."""
    a = _around(reading, d)
    subjects, props = candidates(reading, d)
    sv = [_subject_vector(reading, d, a, s) for s in subjects]
    pv = [_property_vector(reading, d, a, p) for p in props]
    return subjects, props, sv, pv, lambda s, p: _pair_vector(reading, d, a, s, p)
