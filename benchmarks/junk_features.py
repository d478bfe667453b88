"""The features of a draft for a learned junk filter (``train_junk.py``). General
only, never a text's words nor an entity's or a property's identity: what the figure is
(kind, precision, hedge, flags, unit, magnitude, a bare year and how far it lies from the
publication), what the rules and the scorer made of it (placeholders, the rules' reason
class, restated, read from a label), where it stands (first lines, a caption-like short
line, inside quotation marks or parentheses, its sentence's length and figures) and
whether the same value is drafted elsewhere."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Final

from factcheck.extract.mention import UNIDENTIFIED
from factcheck.extract.scorer_features import REASONS, reason_class
from factcheck.extract.scorer_reading import PLACEHOLDERS, Draftee, Reading

__all__ = ["FLAGS", "JUNK_FEATURES", "TextFacts", "junk_features", "text_facts"]

#: The figure flags the filter reads (others are ignored); general words of the readers.
FLAGS: Final = (
    "word",
    "ordinal",
    "relative",
    "ambiguous",
    "multiplier",
    "ahead",
    "duration",
    "vague",
    "time",
    "percent",
)
_REASON_CLASSES: Final = tuple(sorted({c for _, c in REASONS} | {"other", "none"}))

JUNK_FEATURES: Final = (
    "is_date",
    "prec_year",
    "prec_month",
    "prec_day",
    "prec_time",
    "is_range",
    "hedge_exact",
    "hedge_between",
    "hedge_about",
    "hedge_other",
    *(f"flag_{f}" for f in FLAGS),
    "flag_other",
    "has_unit",
    "log_magnitude",
    "mag_below_1",
    "mag_small_int",
    "mag_2_digits",
    "mag_3_digits",
    "mag_4_digits",
    "mag_large",
    "is_integer",
    "yearlike_quantity",
    "bare_year",
    "age_unknown",
    "age_future",
    "age_same_year",
    "age_1_year",
    "age_2_5_years",
    "age_6_20_years",
    "age_older",
    "subject_unidentified",
    "property_placeholder",
    "both_placeholders",
    *(f"reason_{c}" for c in _REASON_CLASSES),
    "scorer_changed",
    "labelled",
    "said_again",
    "sentence_first",
    "sentence_first_three",
    "sentence_position",
    "in_first_line",
    "line_log_words",
    "line_short_no_stop",
    "line_has_stop",
    "line_bullet",
    "line_label",
    "in_quotes",
    "in_parentheses",
    "sentence_log_words",
    "sentence_log_figures",
    "sentence_many_figures",
    "sentence_log_entities",
    "sentence_no_entity",
    "same_value_elsewhere",
    "same_value_log_count",
    "same_subject_log_count",
    "text_log_drafts",
)

_LABEL: Final = re.compile(r"\s*[A-Z][\w.]*(?:[ \t]+[\w.]+){0,3}:")
_QUOTES: Final = frozenset('"\u201c\u201d')


@dataclass(frozen=True)
class TextFacts:
    """What the filter reads of the whole draft, once: counts of values and subjects."""

    values: Counter[str]
    subjects: Counter[str]
    drafts: int
    sentence_figures: Counter[int]
    first_line_end: int
    published_year: int | None


def text_facts(reading: Reading, drafts: list[Draftee], published: str | None) -> TextFacts:
    """The draft-wide counts the features read (taken before any draft is set aside, so
    each draft's features do not depend on the others' outcome)."""
    text = reading.text
    claims: list[dict[str, Any]] = [d.claim for d in drafts]
    stripped = len(text) - len(text.lstrip())
    nl = text.find("\n", stripped)
    year = published[:4] if published else ""
    return TextFacts(
        Counter(repr(c["value"]) for c in claims),
        Counter(str(c["subject"]) for c in claims if c["subject"] != UNIDENTIFIED),
        len(claims),
        Counter(d.sentence for d in drafts),
        len(text) if nl < 0 else nl,
        int(year) if year.isdigit() else None,
    )


def _precision(value: object) -> str:
    if isinstance(value, tuple):
        value = value[0]
    if not isinstance(value, str):
        return ""
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "time" if len(value) > 10 else "")


def _bucket(v: float, low: float, high: float) -> float:
    return float(low <= v < high)


def junk_features(reading: Reading, d: Draftee, facts: TextFacts) -> list[float]:
    """The draft's vector, in the order of :data:`JUNK_FEATURES`."""
    text, m, claim = reading.text, d.mention, d.claim
    value = claim["value"]
    is_date = m.kind == "date"
    prec = _precision(value) if is_date else ""
    hedge = str(claim.get("hedge", "exact"))
    number = value[0] if isinstance(value, tuple) else value
    mag = abs(float(number)) if not is_date and isinstance(number, int | float) else -1.0
    integer = mag >= 0 and mag == int(mag)
    year = None
    if is_date and isinstance(number, str) and number[:4].isdigit():
        year = int(number[:4])
    age = None if year is None or facts.published_year is None else facts.published_year - year
    sent = reading.sentences[d.sentence]
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.start)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    line_words = len(line.split())
    before = text[line_start : m.start]
    sentence_words = len(text[sent[0] : sent[1]].split())
    figures = facts.sentence_figures[d.sentence]
    entities = len(reading.named[d.sentence])
    note = str(claim.get("note", ""))
    same = facts.values[repr(value)] - 1
    reason = reason_class(note)
    flags = m.flags
    v = [
        float(is_date),
        float(prec == "year"),
        float(prec == "month"),
        float(prec == "day"),
        float(prec == "time"),
        float(isinstance(value, tuple)),
        float(hedge == "exact"),
        float(hedge == "between"),
        float(hedge in ("about", "approximately")),
        float(hedge not in ("exact", "between", "about", "approximately")),
        *(float(f in flags) for f in FLAGS),
        float(any(f not in FLAGS for f in flags)),
        float(bool(claim.get("unit"))),
        math.log10(mag + 1.0) if mag >= 0 else 0.0,
        float(0 <= mag < 1),
        float(integer and 1 <= mag <= 10),
        _bucket(mag, 11, 100) if integer else 0.0,
        _bucket(mag, 100, 1000),
        _bucket(mag, 1000, 10000),
        float(mag >= 10000),
        float(integer),
        float(integer and 1800 <= mag <= 2100 and not claim.get("unit")),
        float(prec == "year"),
        float(age is None),
        float(age is not None and age < 0),
        float(age == 0),
        float(age == 1),
        float(age is not None and 2 <= age <= 5),
        float(age is not None and 6 <= age <= 20),
        float(age is not None and age > 20),
        float(claim["subject"] == UNIDENTIFIED),
        float(claim["property"] in PLACEHOLDERS),
        float(claim["subject"] == UNIDENTIFIED and claim["property"] in PLACEHOLDERS),
        *(float(reason == c) for c in _REASON_CLASSES),
        float("; scorer: " in note),
        float(m.label is not None),
        float("said again" in note),
        float(d.sentence == 0),
        float(d.sentence < 3),
        d.sentence / max(len(reading.sentences), 1),
        float(m.start <= facts.first_line_end),
        math.log1p(line_words),
        float(line_words <= 12 and not line.endswith((".", "!", "?", '"', "\u201d"))),
        float(any(c in line for c in ".!?")),
        float(line[:1] in ("-", "*", "\u2022", "\u25cf")),
        float(bool(_LABEL.match(line))),
        float(sum(c in _QUOTES for c in before) % 2 == 1),
        float(before.count("(") > before.count(")")),
        math.log1p(sentence_words),
        math.log1p(figures),
        float(figures >= 3),
        math.log1p(entities),
        float(entities == 0),
        float(same > 0),
        math.log1p(max(same, 0)),
        math.log1p(facts.subjects[str(claim["subject"])]),
        math.log1p(facts.drafts),
    ]
    return v
