"""A learned scorer for a draft's (subject, property): a second opinion on the rules'.

For every draft the rules made, the candidates are the entities the text names or
describes (and the rules' own pick, kept or abstained on) plus ``unidentified``, and the
properties whose type and unit suit the figure plus the placeholder. Each (subject,
property) pair is described by general features only, never by an entity's or a
property's identity or a text's words: how near and where the subject is named (its
sentence, clause, paragraph, the text's first line), whether the property's words are
around the figure, whether the property is said of the subject's kind, what the rules
chose and by which reason (their note). A logistic model, trained by
``benchmarks/train_scorer.py`` on the hand-written evaluation sets and shipped as
``scorer_weights.json``, gives each pair a probability; the best pair replaces the rules'
answer only when its probability clears the model's threshold. Pure Python, no network.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Final

from factcheck.domain.units import same_unit
from factcheck.extract.kinds import Around
from factcheck.extract.mention import (
    UNIDENTIFIED,
    UNREVIEWED_DATE,
    UNREVIEWED_NUMBER,
    Found,
    Mention,
)
from factcheck.extract.properties import property_candidates
from factcheck.extract.property_keywords import SPECIAL_UNITS
from factcheck.extract.property_words import id_stems
from factcheck.extract.sentences import clause_span
from factcheck.extract.stems import stem, word_stems
from factcheck.extract.vocabulary import Names

__all__ = [
    "Reading",
    "Scorer",
    "candidates",
    "draftees",
    "load_scorer",
    "pair_features",
    "rescore_drafts",
]

PLACEHOLDERS: Final = frozenset({UNREVIEWED_NUMBER, UNREVIEWED_DATE})

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


def _reason(note: str) -> str:
    at = note.rfind("subject: ")
    if at < 0:
        return "none"
    part = note[at:].split("; ", 1)[0]
    return next((c for k, c in REASONS if k in part), "other")


_NOT_TAKEN: Final = re.compile(r"not taken: ([\w.-]+) \(")


def _not_taken(note: str) -> str | None:
    m = _NOT_TAKEN.search(note)
    return m[1] if m else None


def _unit_fits(names: Names, prop: str, mention: Mention) -> bool:
    if mention.kind != "quantity":
        return True
    unit = names.units.get(prop)
    if mention.unit and unit:
        return same_unit(unit, mention.unit)
    if unit is None:
        return mention.unit not in SPECIAL_UNITS and not (mention.unit or "").startswith("per ")
    return mention.unit is not None or unit not in SPECIAL_UNITS


def candidates(reading: Reading, d: Draftee) -> tuple[list[str], list[str]]:
    """The subjects (entities the text names or describes, the rules' picks,
    ``unidentified``) and properties (of the figure's type and unit, the rules' pick, the
    placeholder) of one draft, in a fixed order."""
    names, claim = reading.names, d.claim
    in_text = {e for f in reading.named for _, _, e in f}
    subjects = set(in_text) | {claim["subject"]}
    other = _not_taken(claim["note"])
    if other is not None and other in names.kinds:
        subjects.add(other)
    subjects.discard(UNIDENTIFIED)
    placeholder = UNREVIEWED_DATE if d.mention.kind == "date" else UNREVIEWED_NUMBER
    props = {
        p
        for p, ptype in names.properties.items()
        if ptype == d.mention.kind and p not in PLACEHOLDERS and _unit_fits(names, p, d.mention)
    }
    if claim["property"] not in PLACEHOLDERS:
        props.add(claim["property"])
    return [UNIDENTIFIED, *sorted(subjects)], [placeholder, *sorted(props)]


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
        _reason(d.claim["note"]),
        _not_taken(d.claim["note"]),
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


_MONTH_NAMES: Final = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _month_named(m: Mention, name: str) -> bool:
    """Whether a date's month (of a day or month precision date) is in the entity's name."""
    value = str(m.value) if m.kind == "date" and isinstance(m.value, str) else ""
    if len(value) < 7 or not value[5:7].isdigit() or not 1 <= int(value[5:7]) <= 12:
        return False
    month = _MONTH_NAMES[int(value[5:7]) - 1]
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
    both = not real_s and not real_p
    return [
        float(s == a.rule_subject and p == a.rule_property),
        float(real_s and real_p and names.kinds.get(s) in declared),
        float(real_s and real_p and bool(declared) and names.kinds.get(s) not in declared),
        float(real_s and real_p and names.fits(p, s)),
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


@dataclass(frozen=True)
class Choice:
    """The scorer's best pair for a draft, its probability and the features that weighed most."""

    subject: str
    property: str
    probability: float
    top: tuple[str, ...]


@dataclass(frozen=True)
class Scorer:
    """A logistic model over :data:`FEATURES` with its decision threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float
    mode: str = "all"  # "all": re-rank every draft; "abstained": only the rules' placeholders
    kind: str = "logistic"  # "softmax": the probability is the pair's share of the draft's

    def choose(self, reading: Reading, d: Draftee) -> Choice:
        """The best pair of the draft's candidates (ties: the first in candidate order)."""
        subjects, props, sv, pv, pair = pair_features(reading, d)
        ws = [self.weights.get(f, 0.0) for f in SUBJECT_FEATURES]
        wp = [self.weights.get(f, 0.0) for f in PROPERTY_FEATURES]
        wx = [self.weights.get(f, 0.0) for f in PAIR_FEATURES]
        ss = [sum(w * x for w, x in zip(ws, v, strict=True)) for v in sv]
        ps = [sum(w * x for w, x in zip(wp, v, strict=True)) for v in pv]
        zs = [
            (ss[i] + ps[j] + sum(w * x for w, x in zip(wx, pair(s, p), strict=True)), i, j)
            for i, s in enumerate(subjects)
            for j, p in enumerate(props)
        ]
        # the highest score; of equal ones the first in candidate order
        z, i, j = max(zs, key=lambda t: (t[0], -t[1], -t[2]))
        if self.kind == "softmax":
            probability = 1.0 / sum(math.exp(y - z) for y, _, _ in zs)
        else:
            probability = 1.0 / (1.0 + math.exp(-(z + self.bias)))
        vec = [*sv[i], *pv[j], *pair(subjects[i], props[j])]
        parts = sorted(
            ((self.weights.get(f, 0.0) * x, f) for f, x in zip(FEATURES, vec, strict=True) if x),
            reverse=True,
        )
        top = tuple(f for c, f in parts[:3] if c > 0)
        return Choice(subjects[i], props[j], probability, top)


@lru_cache(maxsize=1)
def _shipped() -> Scorer | None:
    try:
        raw = resources.files("factcheck.extract").joinpath("scorer_weights.json").read_text()
    except FileNotFoundError:
        return None
    return load_scorer(json.loads(raw))


def load_scorer(data: dict[str, Any] | None = None) -> Scorer | None:
    """The shipped model (``scorer_weights.json``, read once), or the one in ``data``; None
    if none is shipped."""
    if data is None:
        return _shipped()
    return Scorer(
        {str(k): float(v) for k, v in data["weights"].items()},
        float(data["bias"]),
        float(data["threshold"]),
        str(data.get("mode", "all")),
        str(data.get("kind", "logistic")),
    )


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


def _unit(names: Names, claim: dict[str, Any], mention: Mention) -> None:
    """The claim's unit as its (new) property writes the figure's."""
    if mention.unit:
        claim["unit"] = names.unit_as_written(
            None if claim["property"] in PLACEHOLDERS else claim["property"], mention.unit
        )


def rescore_drafts(draft: Any, reading: Reading, scorer: Scorer | None = None) -> int:
    """Give each draft the scorer's best (subject, property) where its probability clears
    the threshold and it differs from the rules'; the note says what was chosen, why (the
    probability and the features that weighed most) and what the rules had. Every draft is
    scored on the rules' answers alone (the subject of the draft before is the rules'),
    so the outcome does not depend on the order they are scored in. Returns how many
    drafts changed."""
    scorer = scorer or load_scorer()
    if scorer is None:
        return 0
    items = draftees(draft.claims, draft.figures)
    choices = [(d, scorer.choose(reading, d)) for d in items]
    changed = 0
    for d, c in choices:
        claim = d.claim
        rules = (claim["subject"], claim["property"])
        if c.probability < scorer.threshold or (c.subject, c.property) == rules:
            continue
        if scorer.mode == "abstained":
            if rules[0] != UNIDENTIFIED and rules[1] not in PLACEHOLDERS:
                continue
            c = Choice(
                c.subject if rules[0] == UNIDENTIFIED else rules[0],
                c.property if rules[1] in PLACEHOLDERS else rules[1],
                c.probability,
                c.top,
            )
        claim["subject"], claim["property"] = c.subject, c.property
        _unit(reading.names, claim, d.mention)
        claim["note"] += (
            f"; scorer: {c.subject} / {c.property} (probability {c.probability:.2f}; "
            f"weighed most: {', '.join(c.top) or 'none'}), not the rules' {rules[0]} / {rules[1]}"
        )
        changed += 1
    return changed
