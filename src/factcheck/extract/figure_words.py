"""Which words of a sentence belong to which figure.

Between two figures, the words are shared out: the noun phrase the first heads, up to a
preposition, a conjunction or a comma ("62 loaded cars | and 10 empty cars", "24 mph | in
throttle position No. 6"), is the first's and the rest the second's; without such an end
near the first, each has the half nearer to it. A hedge right before a figure ("more
than") is part of that figure.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.mention import Mention
from factcheck.extract.number_words import CARDINALS

__all__ = ["own_words"]

# Another figure near this one: digits standing alone ("7.2", "60,000", "$5.42"; not "A320") or a
# number word ("one" left out: "one of the", "no one" are no figures). The words between
# two figures belong to the nearer one.
_FIGURE: Final = re.compile(
    r"(?<![\w$.,])(?:US\$|[$\u20ac\u00a3])?\d+(?:[.,:]\d+)*(?![A-Za-z])|\b(?:"
    + "|".join(sorted((w for w in CARDINALS if w != "one"), key=len, reverse=True))
    + r"|hundreds|thousands|millions|dozens)\b",
    re.IGNORECASE,
)
_HEDGE_TAIL: Final = re.compile(
    r"(?:\b(?:more|less|fewer)\s+than|\bat\s+(?:least|most)|\bup\s+to|\babout|\baround|"
    r"\bsome|\bover|\bnearly|\balmost|\bjust)\s*$",
    re.IGNORECASE,
)


def _between(text: str, a: int, b: int) -> list[str]:
    """The words of ``text[a:b]``, less a hedge that ends them (it belongs to the figure after)."""
    words = text[a:b]
    hedge = _HEDGE_TAIL.search(words)
    return (words[: hedge.start()] if hedge else words).split()


def own_words(text: str, lo: int, hi: int, mention: Mention) -> tuple[str, str]:
    """The words of ``text[lo:hi]`` before and after ``mention`` that are nearer to it than
    to another figure: in "two deaths ... a 7.2 magnitude quake", "deaths" is the two's and
    "magnitude" the 7.2's; a word as far from both is neither's. A hedge right before a
    figure ("more than") is part of it, not a word between."""
    others = [m.span() for m in _FIGURE.finditer(text, lo, hi)]
    others = [(a, b) for a, b in others if not mention.start <= a < mention.end]
    prev_end = max((b for _, b in others if b <= mention.start), default=None)
    next_start = min((a for a, _ in others if a >= mention.end), default=None)
    before, after = text[lo : mention.start], text[mention.end : hi]
    if prev_end is not None:
        words = _between(text, prev_end, mention.start)
        before = " ".join(words[_first_share(words)[1] :])
    if next_start is not None:
        words = _between(text, mention.end, next_start)
        after = " ".join(words[: _first_share(words)[0]])
    return before, after


# The longest noun phrase a figure heads: "62 loaded rail cars" (as the counted noun run).
_PHRASE_WORDS: Final = 3
# Where the phrase a figure heads ends: "62 loaded cars and 10 empty cars", "24 mph in
# throttle position No. 6": a preposition, a conjunction or a comma.
_PHRASE_END: Final = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "into",
        "and",
        "or",
        "but",
        "while",
        "whereas",
        "including",
        "per",
        "as",
        "than",
        "after",
        "before",
    ]
)


def _first_share(words: list[str]) -> tuple[int, int]:
    """How many of the words between two figures the first owns, and where the second's
    begin: the noun phrase the first heads, up to a preposition, a conjunction or a comma
    ("loaded cars | and", "mph | in throttle position No."), is the first's and the rest
    the second's; without such an end, each the half nearer to it (the middle word of an
    odd count neither's)."""
    for i, word in enumerate(words[: _PHRASE_WORDS + 1]):
        if word.casefold() in _PHRASE_END:
            return i, i
        if word.endswith((",", ";")):
            return i + 1, i + 1
    return len(words) // 2, len(words) // 2 + len(words) % 2
