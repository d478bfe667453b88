"""Sentences and clauses: where a figure's quote and its context begin and end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from factcheck.extract.zone_names import ZONE_ABBREVIATIONS

_ABBREVIATIONS: Final = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gen",
        "sen",
        "rep",
        "gov",
        "prof",
        "no",
        "vs",
        "inc",
        "co",
        "corp",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "fig",
    }
)
# Closing and opening quotes as escapes: \u201d \u2019 close, \u201c \u2018 open.
_SENTENCE_END: Final = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u2022])"
)
_LEADING: Final = re.compile(r"[\s\u2022\u00b7*\-\u2013\u2014]*")  # bullets and dashes


_ZONE_NEXT: Final = re.compile(r"\s+\(?(?:" + "|".join(ZONE_ABBREVIATIONS) + r")\b")


_DAY_NEXT: Final = re.compile(
    r"\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    # "9 p.m. Kyiv time", "5 p.m. Pakistan local time": the place's time is the time's
    r"[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2}\s+(?:local\s+)?[Tt]ime\b)"
)


# A bracketed stamp alone ("[11:23 p.m.]", "(Updated 5 p.m.)"): no sentence of its own,
# but the head of the entry that follows it on its line.
_BRACKETED: Final = re.compile(r"\s*[\[(][^\[\]()]{1,40}[\])]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``; ``text[start:end]`` is verbatim.

    A line break always ends a sentence (snapshots hold one paragraph per line); within a
    line a sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a capital letter or a
    digit, except after an abbreviation or an initial ("U.S. Senator"). Leading bullets
    and spaces are not part of a sentence.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, body = pos, line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        pos += len(line)
        cut = 0
        for m in _SENTENCE_END.finditer(body):
            word = re.search(r"([A-Za-z]+)\.?$", body[cut : m.start() + 1])
            if m.group().startswith(".") and word and _is_abbreviation(word.group(1)):
                continue
            if _ZONE_NEXT.match(body, m.end()) or (
                re.search(r"\b[ap]\.m\.$", body[: m.end()]) and _DAY_NEXT.match(body, m.end())
            ):
                continue  # "5:26 p.m. ET", "9:30 p.m. May 9": the zone or day is the time's
            if _BRACKETED.fullmatch(body, cut, m.end()):
                continue  # "[11:23 p.m.] The bridge is open": a live entry's stamp heads it
            spans.extend(_trimmed(line_start, body, cut, m.end()))
            cut = m.end()
        spans.extend(_trimmed(line_start, body, cut, len(body)))
    return spans


def quote_start(text: str, start: int) -> int:
    """Where the quote of the sentence at ``start`` begins: with the dash or bullet that
    opens its line ("\u2014 11:30 p.m. EDT", as timelines set their entries), which a reader
    quoting the line keeps; elsewhere at the sentence."""
    line = text.rfind("\n", 0, start) + 1
    lead = text[line:start]
    if not lead.strip() or not _LEADING.fullmatch(lead):
        return start
    return line + len(lead) - len(lead.lstrip())


def sentence_of(quote: str) -> str:
    """A quote without the dash or bullet :func:`quote_start` took with it."""
    return quote[_LEADING.match(quote).end() :]  # type: ignore[union-attr]  # always matches


def _is_abbreviation(word: str) -> bool:
    return (len(word) == 1 and word.isupper()) or word.casefold() in _ABBREVIATIONS


def _trimmed(offset: int, body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    start = _LEADING.match(body, start).end()  # type: ignore[union-attr]  # always matches
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        yield offset + start, offset + end


def clause_span(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause around offset ``at``: between commas, semicolons, dashes or brackets."""
    seps = re.compile(r"[;()\u2013\u2014]|:(?!\d)|,(?=\s)| - ")  # not the comma of "100,000"
    lo = max((m.end() for m in seps.finditer(text, start, at)), default=start)
    hi = next((m.start() for m in seps.finditer(text, at, end)), end)
    return lo, hi
