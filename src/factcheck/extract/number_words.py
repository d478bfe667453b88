"""Numbers written as words: one table for every reader ("two", "twenty", "forty-five")."""

from __future__ import annotations

from typing import Final

__all__ = ["CARDINALS", "cardinal", "count"]

# fmt: off
_UP_TO_TWENTY: Final = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                        "seventeen", "eighteen", "nineteen", "twenty"]
_TENS: Final = ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# fmt: on

_COMPOUND_TENS: Final = frozenset({"twenty", *_TENS})

#: Each cardinal number word that is one word, by its value.
CARDINALS: Final[dict[str, int]] = {w: i for i, w in enumerate(_UP_TO_TWENTY, start=1)} | {
    w: 10 * i for i, w in enumerate(_TENS, start=3)
}


def cardinal(word: str) -> int | None:
    """The value of a number word, one word or a hyphenated compound ("forty-five"), in
    any case; ``None`` for anything else."""
    word = word.casefold()
    if word in CARDINALS:
        return CARDINALS[word]
    tens, _, ones = word.partition("-")
    if tens in _COMPOUND_TENS and ones in _UP_TO_TWENTY[:9]:
        return CARDINALS[tens] + CARDINALS[ones]
    return None


def count(word: str) -> int:
    """A count as "N days ago" or "N years later" write it: digits, a one-word number
    ("five", in any case) or "a"/"an" (one)."""
    return int(word) if word.isdigit() else CARDINALS.get(word.casefold(), 1)
