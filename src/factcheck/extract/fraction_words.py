"""Shares written as fractions in words: "more than two-thirds", "roughly half of those
sent", "three quarters of the vote", drafted as percentages (66.7, 50, 75).

A share of a whole is how fact files record these ("two-thirds" is 66.7 %, to one
decimal), and the numerator is no count of its own: "two" of "two-thirds" is not 2. Only
unambiguous readings are taken: a numerator and a plural denominator ("two-thirds",
"three fifths"), or one part followed by "of" ("a third of", "one quarter of", "half of
those"). A half or quarter of a period is when, not how much ("the first half of 2024",
"a quarter of an hour", "the third quarter"), and is left to the date readers.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.mention import Mention

__all__ = ["find_fraction_words"]

_NUMERATORS: Final = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4}
_DENOMINATORS: Final = {"half": 2, "third": 3, "quarter": 4, "fifth": 5}
_PERIOD: Final = (
    r"(?:an?\s+|the\s+|this\s+|last\s+|next\s+)?(?:hour|day|week|month|year|decade|century|"
    r"season|game|match|term|\d{4})\b"
)
_FRACTION_RE: Final = re.compile(
    r"\b(?:(?P<n>two|three|four)[\s-](?P<d>third|quarter|fifth)s"
    r"|(?P<one>one|a)[\s-](?P<d1>third|quarter|fifth)(?=\s+of\b)"
    # "half of those sent", not "the first half of 2024", "the other half"
    r"|(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bother\s)(?<!\bthe\s)(?<!\bback\s)(?P<half>half)"
    r"(?=\s+of\b))"
    rf"(?!\s+of\s+{_PERIOD})",
    re.IGNORECASE,
)


def find_fraction_words(text: str, start: int, end: int) -> list[Mention]:
    """The shares written as fractions in words in ``text[start:end]``, in percent."""
    out = []
    for m in _FRACTION_RE.finditer(text, start, end):
        if m["half"]:
            n, d = 1, 2
        else:
            n = _NUMERATORS[(m["n"] or m["one"]).casefold()]
            d = _DENOMINATORS[(m["d"] or m["d1"]).casefold()]
        out.append(
            Mention(
                "quantity",
                m.start(),
                m.end(),
                m.group(),
                round(100 * n / d, 1),
                "percent",
                flags=frozenset({"word"}),
                note=f"a share written as a fraction: {m.group()!r} = {100 * n / d:.1f} %",
            )
        )
    return out
