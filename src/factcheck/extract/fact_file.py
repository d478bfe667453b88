"""The drafted fact file: its data, ready for YAML, and what could not be drafted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from factcheck.extract.mention import UNIDENTIFIED, UNREVIEWED_DATE, UNREVIEWED_NUMBER, Mention
from factcheck.extract.sentences import sentence_of
from factcheck.io.dump import yaml_text

__all__ = ["Draft"]


# A labelled field, not a headline: a short label, a colon and a short value with a figure
# ("Filed Date: March 15, 2025", "Case No.: 1:25-cv-766").
_FIELD_LINE: Final = re.compile(
    r"[A-Z][\w.]*(?:[ \t]+[\w.]+){0,3}:[ \t]*(?=[^\n]*\d)\S+(?:[ \t]+\S+){0,3}"
)


@dataclass
class Draft:
    """A drafted fact file: its data (ready for YAML) and what could not be drafted."""

    data: dict[str, Any]
    unresolved: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: Ids of the claims read from a label's value (infobox or table text).
    labelled: set[str] = field(default_factory=set)
    #: Claim id -> the figure it was drafted from and the index of its sentence.
    figures: dict[str, tuple[Mention, int]] = field(default_factory=dict)

    @property
    def claims(self) -> list[dict[str, Any]]:
        claims: list[dict[str, Any]] = self.data["claims"]
        return claims

    def keep_figures(self, claims: list[tuple[Mention, dict[str, Any]]], sentence: int) -> None:
        """Remember the claims read from a label's value, and each claim's figure and
        sentence (what the learned scorer reads, :mod:`.scorer`)."""
        self.labelled.update(c["id"] for m, c in claims if m.label is not None)
        self.figures.update((c["id"], (m, sentence)) for m, c in claims)

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

    def drop_repeated_headline(self, text: str) -> None:
        """A headline (a first line without a final stop) repeats figures the body states in
        full: its drafts whose value the body drafts again are dropped, and the note says so."""
        first = next((line for line in text.splitlines() if line.strip()), "").strip()
        if not first or len(first) > 200 or first[-1] in ".!?\"'\u201d":
            return
        if _FIELD_LINE.fullmatch(first):  # "Filed Date: March 15, 2025": a record's field
            return
        claims = self.claims
        top = [c for c in claims if c["quote"] in first]
        body = {repr(c["value"]) for c in claims if c["quote"] not in first}
        dropped = [c for c in top if repr(c["value"]) in body]
        if dropped:
            self.data["claims"] = [c for c in claims if c not in dropped]
            self.data["source"]["note"] = self.data["source"]["note"].rstrip(".") + (
                f"; {len(dropped)} figure(s) of the headline are drafted from the body, "
                "which says them again."
            )

    def drop_restated(self) -> int:
        """Drop the drafts that say again what an earlier one said: the same identified
        subject and property, value, unit, hedge and date ("Sunday's 7.2 magnitude quake",
        three times), unless one is an infobox's. A source restating a figure makes no
        second claim; the first draft's note quotes each restatement. A draft whose
        property was not told, saying what a told one says of the same subject, is dropped
        too. Returns how many were dropped."""
        first: dict[tuple[str, ...], dict[str, Any]] = {}
        undated: dict[tuple[str, ...], dict[str, Any]] = {}  # the same, as_of left out
        kept: list[dict[str, Any]] = []
        for claim in self.claims:
            if claim["subject"] == UNIDENTIFIED or claim["property"] in _PLACEHOLDERS:
                kept.append(claim)
                continue
            # an infobox's value and the body's are two places a reader checks: both stay
            boxed = claim["id"] in self.labelled
            key = (*(repr(claim.get(k)) for k in _SAME), str(boxed))
            # "238 deported on March 16" then "the 238 people in custody": a figure said
            # again with no date of its own is the dated one's, not another time's
            dated = undated.get(key[:-2] + key[-1:]) if "as_of" not in claim else None
            if key in first or dated is not None:
                (dated or first[key])["note"] += "; said again: " + _short(claim["quote"])
                continue
            first[key] = claim
            undated.setdefault(key[:-2] + key[-1:], claim)
            kept.append(claim)
        kept = _without_placeholder_restatements(kept, first)
        kept = _without_distinct_restatements(kept, self.labelled)
        dropped = len(self.claims) - len(kept)
        self.data["claims"] = kept
        return dropped

    def drop_times_of_figures(self) -> int:
        """Drop the years that only date a figure of their sentence ("4.9 percent in 2016",
        "a 7.9-magnitude quake in 2008"): a year with no subject or property told, which a
        figure drafted from the same sentence takes as its ``as_of``, is when that figure
        held, not a claim of its own; the figure's note says so. Returns how many."""
        # (a claim whose sentence is not known is never compared: no two share None)
        sentence = {cid: at for cid, (_, at) in self.figures.items()}
        dating: dict[tuple[int, str], dict[str, Any]] = {}
        for claim in self.claims:
            if "as_of" in claim and claim["id"] in sentence:
                dating.setdefault((sentence[claim["id"]], str(claim["as_of"])), claim)
        kept: list[dict[str, Any]] = []
        for claim in self.claims:
            at = sentence.get(claim["id"])
            figure = None if at is None else dating.get((at, str(claim["value"])))
            if figure is not None and _a_bare_year(claim):
                figure["note"] += f"; the year {claim['value']} is this figure's as_of only"
                continue
            kept.append(claim)
        dropped = len(self.claims) - len(kept)
        self.data["claims"] = kept
        return dropped


def _a_bare_year(claim: dict[str, Any]) -> bool:
    return (
        claim["subject"] == UNIDENTIFIED
        and claim["property"] == UNREVIEWED_DATE
        and re.fullmatch(r"\d{4}", str(claim["value"])) is not None
        and claim.get("hedge", "exact") == "exact"
    )


_PLACEHOLDERS = frozenset({UNREVIEWED_NUMBER, UNREVIEWED_DATE})
_RESTATED = ("subject", "value", "unit", "hedge")
#: What the note of a clock time drafted as its day says (see :mod:`.times`).
KEPT_AS_DAY = "is kept as its day"


def _distinct(value: object) -> bool:
    """A figure no two facts of one text share by chance: 100 or more, or with a fraction
    ("30,000 athletes", "2:06:17", "238 people"), not "two" or "12"; and a day ("Saturday"
    said again of a story's one day): said again untold, it adds no claim."""
    if isinstance(value, str):
        return len(value) == 10
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return abs(value) >= 100 or value != int(value)


def _without_distinct_restatements(
    claims: list[dict[str, Any]], labelled: set[str]
) -> list[dict[str, Any]]:
    """Less the later drafts of a distinct figure said again with its unit and hedge whose
    subject or property was not told ("30,000 athletes took to the course", then "On
    Monday, April 15, 30,000 athletes ..."): noted on the first. An infobox's stays."""
    first: dict[tuple[str, ...], dict[str, Any]] = {}
    kept = []
    for claim in claims:
        key = tuple(repr(claim.get(k)) for k in ("value", "unit", "hedge"))
        untold = claim["subject"] == UNIDENTIFIED or claim["property"] in _PLACEHOLDERS
        boxed = claim["id"] in labelled or (key in first and first[key]["id"] in labelled)
        # a clock time kept as its day for want of a zone stays: a reviewer can add the zone
        timed = KEPT_AS_DAY in str(claim.get("note"))
        if _distinct(claim["value"]) and key in first and untold and not boxed and not timed:
            first[key]["note"] += "; said again: " + _short(claim["quote"])
            continue
        first.setdefault(key, claim)
        kept.append(claim)
    return kept


def _without_placeholder_restatements(
    claims: list[dict[str, Any]], named: dict[tuple[str, ...], dict[str, Any]]
) -> list[dict[str, Any]]:
    """Less the drafts whose property was not told ("EMSC is reporting M7.1") that say a
    figure of their subject which another draft, whose property was told, says too ("a
    magnitude 7.1 earthquake"): the same subject, value, unit and hedge, before or after."""
    told = {tuple(repr(c.get(k)) for k in _RESTATED): c for c in named.values()}
    kept = []
    for claim in claims:
        same = told.get(tuple(repr(claim.get(k)) for k in _RESTATED))
        if claim["subject"] != UNIDENTIFIED and claim["property"] in _PLACEHOLDERS and same:
            same["note"] += "; said again: " + _short(claim["quote"])
            continue
        kept.append(claim)
    return kept


_SAME = ("subject", "property", "value", "unit", "hedge", "as_of")


def _short(quote: str, width: int = 60) -> str:
    quote = sentence_of(quote)  # a restating sentence is named as split, without its bullet
    return repr(quote if len(quote) <= width else quote[: width - 3].rstrip() + "...")
