"""Entities named by description rather than by name.

Texts rarely repeat an entity's full name: the "2021 Harnai earthquake" is "an earthquake
that struck Pakistan", the "2013 Balochistan earthquake" is "In 2013, a 7.7 magnitude
earthquake". An entity whose name ends with a common noun (its *head*: "earthquake",
"flight", "order") is found where that noun is written and the sentence holds more of its
name's other words (a place, a year) than of any other entity's with that head. A year in
the name must not be contradicted: a sentence with years, none of them the name's, is
about another one. With no year written, the publication's year counts for a name with
that year (a story about "the earthquake" of today). Never a guess: a tie, or no other
word of any name, finds nothing (a definite "the earthquake" is left to the rule that
reads it as referring back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["Descriptors"]

_STOP: Final = frozenset(
    ["the", "a", "an", "of", "and", "in", "on", "at", "by", "for", "to", "de", "del", "la"]
)
_YEAR: Final = re.compile(r"^(?:1[5-9]|20)\d\d$")
_WORD: Final = re.compile(r"[^\W\d_]{2,}|\d{4}")
# How far from the noun the other words of a name may be: "In 2013, a 7.7 magnitude
# earthquake" is one description, a judge named a line before "his order" is not.
_REACH: Final = 10
# A noun may be written shorter than the head it ends ("quake" for "earthquake", "fire"
# for "wildfire"), but not so short that any word would do.
_SHORTEST_PART: Final = 4


def _fold(word: str) -> str:
    """Casefolded, but an acronym keeps its case: "US" is not "us"."""
    return word if word.isupper() else word.casefold()


@dataclass(frozen=True)
class _Described:
    entity: str
    words: frozenset[str]  # the name's other words, casefolded
    years: frozenset[str]


def _head_and_words(name: str) -> tuple[str, frozenset[str]] | None:
    """("earthquake", {"2021", "harnai"}) for "2021 Harnai earthquake"; None for a proper
    name ("United States"): its last word is no common noun."""
    words = _WORD.findall(name)
    if len(words) < 2 or not words[-1].isalpha() or not words[-1].islower():
        return None
    if any(w.casefold() in _STOP for w in words):  # "order to turn the planes around"
        return None
    head = words[-1].casefold()
    head = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return head, frozenset(_fold(w) for w in words[:-1] if w.casefold() not in _STOP)


class Descriptors:
    """For each head noun, the entities whose name or alias ends with it."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        """``names``: entity id -> its name and aliases."""
        by_head: dict[str, list[_Described]] = {}
        for entity, written in names.items():
            for name in written:
                parsed = _head_and_words(name)
                if parsed is None or not parsed[1]:
                    continue
                head, words = parsed
                by_head.setdefault(head, []).append(_Described(entity, words, frozenset()))
        # the years of every name of an entity: "Pakistan earthquake" is the "2021 Harnai
        # earthquake", so not the one of a sentence that says "In 2013"
        years: dict[str, set[str]] = {}
        for described in by_head.values():
            for d in described:
                years.setdefault(d.entity, set()).update(w for w in d.words if _YEAR.match(w))
        self._by_head = {
            head: [_Described(d.entity, d.words, frozenset(years[d.entity])) for d in described]
            for head, described in by_head.items()
        }

    def find(self, text: str, start: int, end: int, year: int | None) -> list[tuple[int, int, str]]:
        """(start, end, entity) of each noun in ``text[start:end]`` that describes one
        entity better than any other; ``year``: the publication's."""
        if not self._by_head:
            return []
        words = [(m.start(), _fold(m.group())) for m in _WORD.finditer(text, start, end)]
        years = {w for _, w in words if _YEAR.match(w)}
        found = []
        for i, (at, word) in enumerate(words):
            singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
            near = {w for _, w in words[max(0, i - _REACH) : i + _REACH + 1]}
            for head, described in self._by_head.items():
                # "quake" for "earthquake"; never a part written inside a longer word
                if singular == head or (len(word) >= _SHORTEST_PART and head.endswith(word)):
                    entity = self._best(described, near, years, year)
                    if entity is not None:
                        found.append((at, at + len(word), entity))
        return found

    @staticmethod
    def _best(
        described: list[_Described], written: set[str], years: set[str], year: int | None
    ) -> str | None:
        scores: dict[str, int] = {}
        for d in described:
            if d.years and years and not d.years & years:
                continue  # "In 2013, an earthquake": not the 2021 one
            score = len(d.words & written)
            if d.years and not years and year is not None and str(year) in d.years:
                score += 1  # no year written: the story's own year
            scores[d.entity] = max(scores.get(d.entity, 0), score)
        if not scores:
            return None
        best = max(scores.values())
        top = [e for e, s in scores.items() if s == best]
        return top[0] if best > 0 and len(top) == 1 else None
