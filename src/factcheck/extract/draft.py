"""Drafting: the mentions of each sentence become draft claims of a fact file."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from ..corpus import Corpus
from ..dump import yaml_text
from ..values import PartialDate
from .dates import _DATE_PATTERNS, _RELATIVE_PATTERNS, _find_dates
from .mention import UNIDENTIFIED, UNREVIEWED_DATE, UNREVIEWED_NUMBER, Mention
from .numbers import _find_numbers
from .sentences import split_sentences
from .subjects import _Names, _propose_property, _propose_subject


def find_mentions(
    text: str,
    published: str | PartialDate | None = None,
    *,
    start: int = 0,
    end: int | None = None,
    taken: Iterable[tuple[int, int]] = (),
) -> list[Mention]:
    """Every number and date in ``text[start:end]``, in reading order.

    ``published`` resolves relative dates ("in March this year", "April 14"); without it
    they are left out (and :func:`draft_fact_file` lists them as unresolved). ``taken``
    spans are not read as numbers (names with digits such as "MS-13").
    """
    end = len(text) if end is None else end
    pub = PartialDate.parse(published) if isinstance(published, str) else published
    dates = _find_dates(text, start, end, pub)
    numbers = _find_numbers(text, start, end, [*taken, *((d.start, d.end) for d in dates)])
    return sorted([*dates, *numbers], key=lambda x: (x.start, x.end))


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
    for sent in split_sentences(text):
        s_start, s_end = sent
        sentence = text[s_start:s_end]
        if not re.search(r"[A-Za-z]", sentence):
            continue
        found = names.entities_in(text, s_start, s_end)
        digit_names = [(a, b) for a, b, _ in found if any(c.isdigit() for c in text[a:b])]
        mentions = find_mentions(text, pub, start=s_start, end=s_end, taken=digit_names)
        draft.mentions.extend(mentions)
        if pub is None:
            draft.unresolved.extend(
                f"{m.group()!r} in {sentence!r}: give --published to resolve it"
                for name, pattern in _DATE_PATTERNS
                if name in _RELATIVE_PATTERNS
                for m in pattern.finditer(text, s_start, s_end)
            )
        dates = [m for m in mentions if m.kind == "date" and "ambiguous" not in m.flags]
        for m in mentions:
            alone = sum(1 for x in mentions if x.kind == m.kind) == 1
            draft.claims.append(_claim(m, text, sent, found, names, dates, ids, alone))
    return draft


def _claim(
    m: Mention,
    text: str,
    sent: tuple[int, int],
    found: list[tuple[int, int, str]],
    names: _Names,
    dates: list[Mention],
    ids: dict[str, int],
    alone: bool,
) -> dict[str, Any]:
    sentence = text[sent[0] : sent[1]]
    notes = [f"drafted from {m.text!r}"]
    prop = _propose_property(names, text, sent, m, alone)
    subject, named, why = _propose_subject(names, found, text, sent, m.start, prop)
    if why:
        notes.append(why)
    if subject is None and named:
        notes.append("entities named in the sentence: " + ", ".join(named))
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
    ids[claim_id] = ids.get(claim_id, 0) + 1
    if ids[claim_id] > 1:
        claim_id = f"{claim_id}-{ids[claim_id]}"
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
    if m.kind == "quantity":
        others = [d for d in dates if d.start != m.start]
        if len(others) == 1:
            claim["as_of"] = others[0].value
            notes.append(f"as_of from {others[0].text!r}, the only date in the sentence")
    else:
        notes.append(f"{m.precision} precision")
    if m.note:
        notes.append(m.note)
    claim["note"] = "; ".join(notes)
    claim["quote"] = sentence
    claim["draft"] = True
    return claim


def _plain(x: float) -> int | float:
    return int(x) if x == int(x) and abs(x) < 2**53 else x
