"""Property words: the words that name a property besides its id, read from its description.

A property's description often opens with the words a text uses for it: ``revenue`` is
"Sales in a period.", ``net-income`` "Profit in a period.", ``eps`` "Earnings per share
in a period.", ``revenue-growth`` "Rise of sales since ...". That opening noun phrase (up
to the first preposition, article or punctuation that ends it) is another way of naming
the whole property, when it has a word the id has not (``net-income``: "Net earnings in
a period."; the id's words alone add nothing) and is not vague ("Number of ...", "When
...", "How long ..."). A longer id made of a shorter
one ("eps-estimate", "revenue-year-before") is also named with the shorter one's words
in its place ("earnings per share" + "estimate"). These are readings of the corpus's own
vocabulary, not a list of any text's words.

A money figure said "a share" or "per share" ("94 cents a share") is an amount per share:
only a property whose id or description speaks of shares may be said of it
(:func:`per_share`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, NamedTuple

from factcheck.extract.mention import Mention
from factcheck.extract.stems import stem

__all__ = [
    "ID_STOP",
    "Way",
    "alternatives",
    "id_stems",
    "per_share",
    "speaks_of_shares",
    "stem_sequence",
]


class Way(NamedTuple):
    """One way of naming a property: a phrase whose words stand together in the text
    ("earnings per share", stems without "per"), and words that may stand anywhere near
    the figure ("estimate")."""

    phrase: tuple[str, ...]
    words: frozenset[str]

    @property
    def size(self) -> int:
        """How many words it takes: the more, the more specific."""
        return len(set(self.phrase) | self.words)

    def said(self, sequence: list[str], context: set[str], shares: bool) -> bool:
        """Whether the figure's words name it: the phrase in their stems ``sequence``,
        the other words among their stems and synonyms ``context``. A figure said per
        share completes a phrase ending in "share" ("earnings came in at $1.27 a share":
        earnings per share)."""
        if not self.words <= context:
            return False
        phrase = self.phrase
        if shares and phrase and phrase[-1] == _SHARE:
            phrase = phrase[:-1]
        n = len(phrase)
        return any(tuple(sequence[i : i + n]) == phrase for i in range(len(sequence) - n + 1))


#: Words of a property id that name nothing ("incarceration-rate-of-the-world").
ID_STOP: Final = frozenset({"of", "per", "in", "the", "a", "to", "by", "and", "or"})
# What ends a description's opening noun phrase: a preposition that starts a complement
# or punctuation ("Sales| in a period"); an article or a relative word starts a clause
# the phrase needs ("Sales| a company expects"), so the opening alone is not the property.
_PHRASE_END: Final = re.compile(
    r"\s+(?:(?P<p>in|on|at|since|for|from|to|by|with|as|than|during|over)"
    r"|(?P<c>a|an|the|that|which|who|whom|whose|when|while|where|is|are|was|were))\b"
    r"|\s*[.,;:()]",
    re.IGNORECASE,
)
# Openings that name no property: how a description starts whatever it describes.
_VAGUE: Final = frozenset(
    {"number", "when", "how", "what", "where", "whether", "which", "date", "time", "amount"}
    | {"count", "total", "value", "level", "placeholder", "share", "percentage", "proportion"}
    | {"day", "month", "year", "period", "last", "first", "part", "kind", "type"}
)
_SKIP: Final = ID_STOP | {"an"}
_SHARE: Final = stem("share")
_PER_SHARE: Final = re.compile(r"\s*(?:a|per|each)\s+share\b", re.IGNORECASE)


def id_stems(prop: str) -> frozenset[str]:
    """The stems of a property id's words ("revenue-year-before": revenu, year, before)."""
    return frozenset(stem(w) for w in prop.split("-") if w and w not in ID_STOP)


def stem_sequence(text: str) -> list[str]:
    """The stems of a text's words in order, less the words no property is named by."""
    return [stem(w) for w in re.findall(r"[A-Za-z]+", text) if w.casefold() not in _SKIP]


def _opening(description: str) -> tuple[str, ...]:
    """The stems of a description's opening noun phrase; none if it is vague or cut
    short ("Speed of| the wind's gusts": ends on "of")."""
    end = _PHRASE_END.search(description)
    if end is not None and end["c"]:
        return ()
    phrase = description[: end.start() if end else len(description)].strip()
    words = re.findall(r"[A-Za-z]+", phrase)
    while words and words[0].casefold() in ("a", "an", "the"):
        words.pop(0)
    if not words or words[0].casefold() in _VAGUE or words[-1].casefold() in ID_STOP:
        return ()
    if len(words) > 4:
        return ()
    return tuple(stem(w) for w in words if w.casefold() not in _SKIP)


def alternatives(
    descriptions: dict[str, str], units: Iterable[str | None] = ()
) -> dict[str, tuple[Way, ...]]:
    """Property id -> the other ways of naming it, each standing for the whole id: its
    description's opening phrase, and its id with a shorter property's id in it said by
    that property's opening phrase. ``units``: the corpus's units; an opening that is one
    of them ("People on board.") says what is counted, not which count."""
    ids = {id_stems(p) for p in descriptions}
    counted = {(stem(u),) for u in units if u}
    opening: dict[str, tuple[str, ...]] = {}
    for prop, description in descriptions.items():
        words = _opening(description)
        # an opening of the id's words alone adds nothing; one that is another
        # property's id ("Sales." of ``revenue`` beside ``sales``) names that one
        if (
            words
            and not set(words) <= id_stems(prop)
            and frozenset(words) not in ids
            and words not in counted
        ):
            opening[prop] = words
    # an opening several properties share ("Sales in a period", "Sales in the same period
    # a year before") names the one whose id the others' hold (``revenue``), else none
    for prop, words in list(opening.items()):
        sharing = [q for q, w in opening.items() if w == words]
        owner = [q for q in sharing if all(_holds(o, q) for o in sharing)]
        if prop not in owner:
            del opening[prop]
    out: dict[str, tuple[Way, ...]] = {}
    for prop in descriptions:
        found = [Way(opening[prop], frozenset())] if prop in opening else []
        for part, words in opening.items():
            # "eps-estimate" holds "eps"; "net-income-growth" holds "net-income"
            if part != prop and _holds(prop, part):
                rest = id_stems(re.sub(rf"(?:^|-){re.escape(part)}(?=-|$)", "", prop))
                found.append(Way(words, rest))
        if found:
            out[prop] = tuple(dict.fromkeys(found))
    return out


def _holds(longer: str, part: str) -> bool:
    return re.search(rf"(?:^|-){re.escape(part)}(?:-|$)", longer) is not None


def per_share(mention: Mention, after: str) -> bool:
    """Whether a money figure is said per share: the words ``after`` it open with "a
    share" or "per share" ("94 cents a share", "$1.01 per share")."""
    return (
        mention.kind == "quantity"
        and mention.unit is not None
        and _PER_SHARE.match(after) is not None
    )


def speaks_of_shares(prop: str, description: str) -> bool:
    """Whether a property's id or description speaks of shares (``eps``: "Earnings per
    share"; ``share-price``: "Price of one of a company's shares")."""
    return "share" in prop.split("-") or re.search(r"\bshares?\b", description, re.I) is not None
