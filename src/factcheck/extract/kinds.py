"""Kinds: a property's figure is about an entity of the kinds the property describes.

A property may declare ``entity_kind`` (``revenue``: a ``report``; ``launched``: a
``launch``); a corpus with reviewed claims of a property that declares none gives the
kinds of those claims' subjects instead (:meth:`Names.entity_kinds`). Once a figure's
property is chosen, its subject must be of one of those kinds, or ``unidentified``: the
grammar picks the nearest named thing ("Salesforce reported revenue of $6.86 billion":
the company), while the figure is about what the property describes (the quarter's
report). A subject of the right kind is kept; otherwise the entities of those kinds are
narrowed, each step only when it leaves some, until one remains:

1. those named in the sentence (by a name, an alias or a description);
2. those whose name holds the name of the entity the grammar picked ("Salesforce" ->
   "Salesforce's quarterly results ...");
3. those sharing most of the sentence's distinctive words or dates (a quarter, a day, a
   flight number) in their name, aliases or note;
4. the subject of the figure before it in its paragraph;
5. those named in the sentence's paragraph;
6. those the text names anywhere.

The one left is chosen only when the text names it, its name holds the name of the entity
picked (step 2, or with no pick a name the sentence has), it gives a day the sentence
writes, the paragraph was about it, or the sentence has every word of its name ("Renos
reported weather" of "Reno's weather report of 09:56"): a word shared with an entity the
text never names is no evidence in a large corpus. When several remain, the subject is
``unidentified`` and the note names them: never a guess presented as known.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from factcheck.domain.values import PartialDate
from factcheck.extract.event_verbs import dates_said
from factcheck.extract.mention import UNIDENTIFIED, Found
from factcheck.extract.stems import stem
from factcheck.extract.vocabulary import Names

__all__ = ["Around", "Evidence", "fit_kind", "kind_note", "read_names"]

#: How many remaining candidates a note names before "and N more".
_NOTE_LIMIT: Final = 5

# Words that tell no entity from another.
_COMMON: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "to",
        "from",
        "and",
        "or",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "with",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "into",
        "over",
        "under",
        "than",
        "about",
    ]
)
_TOKEN: Final = re.compile(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
_YEAR: Final = re.compile(r"(?:1[89]|20)\d\d")
_MONTHS: Final = frozenset(
    m.casefold() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:])
)


@dataclass(frozen=True)
class Around:
    """What a sentence's paragraph (its line of the snapshot) and its text name."""

    paragraph: tuple[int, int] = (0, 0)
    in_paragraph: frozenset[str] = frozenset()
    in_text: frozenset[str] = frozenset()
    # (property, value, unit) -> the subject a draft of the text gave them, shared by all
    # its sentences: a figure said again is about the same thing
    said: dict[tuple[str, str, str], str] = field(default_factory=dict)


def read_names(
    names: Names, text: str, sentences: list[tuple[int, int]], published: PartialDate | None
) -> tuple[list[Found], list[Around]]:
    """What each sentence names or describes (read once for the whole text), and what
    its paragraph and the text name."""
    year = published.year if published else None
    found = [names.named_or_described(text, a, b, year) for a, b in sentences]
    in_text = frozenset(e for f in found for _, _, e in f)
    lines: dict[tuple[int, int], set[str]] = {}
    spans = []
    for (a, _), f in zip(sentences, found, strict=True):
        hi = text.find("\n", a)
        line = (text.rfind("\n", 0, a) + 1, len(text) if hi < 0 else hi)
        lines.setdefault(line, set()).update(e for _, _, e in f)
        spans.append(line)
    said: dict[tuple[str, str, str], str] = {}
    return found, [Around(line, frozenset(lines[line]), in_text, said) for line in spans]


@dataclass(frozen=True)
class Evidence:
    """What the text around a figure says: its sentence and what it names, its paragraph
    and text, and the ISO values of the sentence's dates and times."""

    text: str
    sent: tuple[int, int]
    found: Found
    around: Around
    dates: tuple[str, ...] = ()
    before: str | None = None  # the subject of the figure before it in its paragraph
    # spans naming what the figure is not about (where a distance is measured from, what
    # the figure is compared with): their words are no evidence for any entity
    unsaid: tuple[tuple[int, int], ...] = ()

    def sentence(self) -> str:
        """The sentence's text, less the spans that name what the figure is not about."""
        a, b = self.sent
        out = self.text[a:b]
        for lo, hi in self.unsaid:
            if a <= lo and hi <= b:
                out = out[: lo - a] + " " * (hi - lo) + out[hi - a :]
        return out


@functools.lru_cache(maxsize=2**12)
def _words(text: str) -> frozenset[str]:
    """Stems of a text's words ("third-quarter": third, quarter); codes with a digit as
    written ("305-13", "Q3"); no month or year: a date is compared as a date."""
    out = set()
    for token in _TOKEN.findall(text):
        low = token.casefold()
        if any(c.isdigit() for c in low):
            if not _YEAR.fullmatch(low):
                out.add(low)
            continue
        out |= {stem(w) for w in re.findall(r"[a-z]+", low) if w not in _COMMON | _MONTHS}
    return frozenset(out)


def _entity_text(names: Names, entity: str) -> str:
    aliases = names.alias_names.get(entity, ())
    return " ".join([names.names.get(entity, ""), *aliases, names.notes.get(entity, "")])


def _same_day(a: str, b: str) -> bool:
    """Whether two ISO dates agree at the coarser one's precision, to the month at least
    ("2025-03" and "2025-03-15"; a year alone tells too little)."""
    n = min(len(a), len(b), 10)
    return n >= 7 and a[:n] == b[:n]


def _on_the_day(names: Names, entity: str, ev: Evidence) -> bool:
    """Whether the entity's name or note gives a day the sentence has."""
    days = [d for d in dates_said(_entity_text(names, entity)) if len(d) >= 10]
    return any(d[:10] == mine[:10] for d in ev.dates for mine in days if len(d) >= 10)


def _spelled_out(names: Names, entity: str, ev: Evidence) -> bool:
    """Whether the sentence has every word of the entity's name, two at least ("At 0956,
    Renos reported weather ..." of "Reno's weather report of 09:56"): it is described
    there, if not by its name as written."""
    own = {w for w in _words(names.names.get(entity, "")) if w.isalpha() and len(w) > 2}
    return len(own) >= 2 and own <= _words(ev.sentence())


def _shared(names: Names, candidates: list[str], ev: Evidence) -> list[str]:
    """The candidates sharing most words or dates with the sentence, counting only words
    not every candidate has."""
    own = {e: _words(_entity_text(names, e)) for e in candidates}
    common = frozenset.intersection(*own.values()) if own else frozenset()
    sentence = _words(ev.sentence())
    scores = {}
    for e in candidates:
        dated = any(
            _same_day(d, mine) for d in ev.dates for mine in dates_said(_entity_text(names, e))
        )
        scores[e] = len((own[e] - common) & sentence) + int(dated)
    best = max(scores.values(), default=0)
    return [e for e in candidates if best and scores[e] == best]


def _holding(names: Names, candidates: list[str], picked: list[str]) -> list[str]:
    """The candidates whose name holds the name or an alias of a picked entity."""
    written = [w for e in picked for w in (names.names.get(e, ""), *names.alias_names.get(e, ()))]
    patterns = [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in written if w]
    return [e for e in candidates if any(p.search(names.names.get(e, "")) for p in patterns)]


def _describe(kinds: frozenset[str]) -> str:
    return " or ".join(sorted(kinds))


def kind_note(names: Names, remaining: list[str]) -> str:
    """The candidates left, for the note of a draft whose subject stays unidentified."""
    shown = remaining[:_NOTE_LIMIT]
    more = f" and {len(remaining) - len(shown)} more" if len(remaining) > len(shown) else ""
    return ", ".join(shown) + more


_HOLDS: Final = "its name holds"
_SHARES: Final = "it shares the sentence's words or date"


def _narrow(
    names: Names, pool: list[str], subject: str | None, ev: Evidence
) -> tuple[list[str], list[str]]:
    """The candidates left after each step that keeps some, and the reasons of the steps
    that narrowed them (or found the picked entity's name in theirs)."""
    in_sentence = {e for _, _, e in ev.found}
    steps: list[tuple[str, Callable[[list[str]], list[str]]]] = [
        ("named in the sentence", lambda c: [e for e in c if e in in_sentence]),
        (f"{_HOLDS} {subject}'s", lambda c: _holding(names, c, [subject] if subject else [])),
        (_SHARES, lambda c: _shared(names, c, ev)),
        ("the subject before it in its paragraph", lambda c: [e for e in c if e == ev.before]),
        ("named in the paragraph", lambda c: [e for e in c if e in ev.around.in_paragraph]),
        ("named in the text", lambda c: [e for e in c if e in ev.around.in_text]),
    ]
    candidates, reasons = pool, []
    for reason, step in steps:
        narrowed = step(candidates)
        if narrowed and (len(narrowed) < len(candidates) or reason.startswith(_HOLDS)):
            candidates = narrowed
            reasons.append(reason)
        if len(candidates) == 1:
            break
    # no pick: the one left holds a name the sentence has ("Starlink" in "Starlink launch
    # from Kennedy ...") as a check, never to narrow (a possessor's name is in many)
    named = list(dict.fromkeys(e for _, _, e in ev.found))
    if subject is None and len(candidates) == 1 and _holding(names, candidates, named):
        reasons.append(f"{_HOLDS} {' or '.join(named)}'s")
    return candidates, reasons


def fit_kind(
    names: Names, prop: str | None, subject: str | None, ev: Evidence
) -> tuple[str | None, str | None]:
    """(subject, why): ``subject`` if ``prop`` declares no kinds or it is of one of them,
    else the one entity of those kinds the text points to, else None; ``why`` says what
    was done (None when nothing was)."""
    kinds = names.entity_kinds(prop)
    if not kinds or (subject is not None and names.kinds.get(subject) in kinds):
        return subject, None
    was = f"{prop} is said of a {_describe(kinds)}"
    if subject is not None:
        was = f"not {subject} (a {names.kinds.get(subject)}): {was}"
    pool = [e for e, k in names.kinds.items() if k in kinds and e != UNIDENTIFIED]
    if not pool:
        return None, f"{was}, and the corpus has none"
    candidates, reasons = _narrow(names, pool, subject, ev)
    held = any(r.startswith(_HOLDS) for r in reasons)
    # one left, and the text names it, the picked entity's name is in its own, the
    # sentence has the day its name or note says, or the paragraph is about it
    if len(candidates) == 1 and (
        held
        or candidates[0] in ev.around.in_text
        or candidates[0] == ev.before
        or _on_the_day(names, candidates[0], ev)
        or _spelled_out(names, candidates[0], ev)
    ):
        chosen = candidates[0]
        if _spelled_out(names, chosen, ev) and not reasons:
            reasons.append("the sentence has every word of its name")
        why = "; ".join(reasons) or "the only one of the corpus, named in the text"
        return chosen, f"subject: {chosen}, the {names.kinds[chosen]} {why} ({was})"
    named = [e for e in candidates if e in ev.around.in_text] or candidates
    return None, f"{was}; none clearly the subject, candidates: {kind_note(names, named)}"
