"""The ``naming`` check kind (documented in ``docs/checks.md``)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import pairwise

from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.model import Rule
from factcheck.rules._shared import (
    entity_name,
)
from factcheck.rules.registry import Finding, check


def _variants(names: Iterable[str]) -> re.Pattern[str]:
    # Longest first, so "Foreign Enemies Act of 1798" wins over "Foreign Enemies Act".
    ordered = sorted(names, key=lambda n: (-len(n), n))
    alts = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in ordered)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


_WORD = re.compile(r"\w+")
# re.IGNORECASE takes each of these for I and i, which casefold() keeps apart.
_TURKISH_I = str.maketrans({"\u0130": "i", "\u0131": "i"})
# The one character that is not a word character but case folds to one (iota): next to
# it, a text's words are not those re's word boundaries see.
_YPOGEGRAMMENI = "\u0345"


def _words(text: str) -> list[str]:
    """The words of ``text`` in order, case folded so that characters ``re.IGNORECASE``
    takes for one another give the same words (tests/test_kinds_naming.py checks every such
    class of characters)."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text):
        text = text.translate(_TURKISH_I)
    return _WORD.findall(text.casefold())


class _Finder:
    """Finds wrong names in text without running one huge alternation over every quote.

    A match of a name starts and ends at word boundaries and takes the name character by
    character (ignoring case), so the name's words (see :func:`_words`) are consecutive
    words of the text. A quote is only searched for the names whose first two words (or
    only word) it has in a row and all of whose words it has, with one small cached
    pattern per such set of names: the matches are those of the alternation of all names.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._all = frozenset(names)
        self._folded = {" ".join(n.split()).casefold(): n for n in self._all}
        always: set[str] = set()
        self._by_start: dict[tuple[str, ...], list[tuple[str, frozenset[str]]]] = defaultdict(list)
        for n in sorted(self._all):
            words = _words(n)
            if words:
                self._by_start[tuple(words[:2])].append((n, frozenset(words)))
            else:
                always.add(n)
        self._always = frozenset(always)
        self._firsts = frozenset(k[0] for k in self._by_start if len(k) == 1)
        self._pairs = frozenset(k for k in self._by_start if len(k) == 2)
        self._patterns: dict[frozenset[str], re.Pattern[str]] = {}

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if _YPOGEGRAMMENI in text:
            names = self._all
        else:
            words = _words(text)
            starts: list[tuple[str, ...]] = [(w,) for w in self._firsts.intersection(words)]
            starts += self._pairs.intersection(pairwise(words))
            names = self._always
            if starts:
                have = set(words)
                names = names.union(
                    n for start in starts for n, need in self._by_start[start] if need <= have
                )
        if not names:
            return iter(())
        if names not in self._patterns:
            self._patterns[names] = _variants(names)
        return self._patterns[names].finditer(text)

    def used(self, text: str) -> Iterator[str]:
        """The names ``text`` uses, each as it was given (not as the text writes it)."""
        for m in self.finditer(text):
            yield self._folded[" ".join(m.group(0).split()).casefold()]


@check("naming", reach="named")
def naming(rule: Rule, facts: list[Fact], corpus: Corpus) -> Iterator[Finding]:
    """A quote that uses a name marked as a misspelling or mistranslation (info).

    One finding per source and variant, citing every claim whose quote uses it: a name
    misspelt in one sentence that several claims quote is one thing to fix, not several.
    As support it cites where the name is written correctly: up to a few claims of the
    same source (any subject), and up to a few claims of other sources about the entity
    itself (subject = the entity), which is what the hook loads for this kind.
    """
    wrong = corpus.wrong_names()
    if not wrong:
        return
    finder = _Finder(wrong)
    uses: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        for variant in finder.used(f.claim.quote or ""):
            if f not in uses[(f.source.id, variant)]:
                uses[(f.source.id, variant)].append(f)
    by_source: dict[str, list[Fact]] = defaultdict(list)
    by_subject: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_source[f.source.id].append(f)
        by_subject[f.subject].append(f)
    for (source, variant), cited in sorted(uses.items(), key=lambda kv: kv[0]):
        entity, alias = wrong[variant]
        name = entity_name(corpus, entity)
        times = f" ({len(cited)} claims quote it)" if len(cited) > 1 else ""
        right = _right_names(corpus, entity)
        if right is None:
            same: list[Fact] = []
            other: list[Fact] = []
        else:
            same = _naming_right(by_source[source], right, cited)
            other = _naming_right(
                [f for f in by_subject[entity] if f.source.id != source], right, cited
            )
        shown = same[:_SHOWN]
        elsewhere = _listed(f"; it names {name!r} correctly in ", same, shown)
        others = other[:_SHOWN]
        elsewhere += _listed("; other sources name it correctly: ", other, others)
        yield Finding(
            (*cited, *shown, *others),
            f"{source} writes {variant!r}, a {alias.error} of {name!r}{times}{elsewhere}",
            key=f"{source} {variant}",
            support=(*shown, *others),
        )


def _naming_right(facts: list[Fact], right: re.Pattern[str], cited: list[Fact]) -> list[Fact]:
    """The claims among ``facts`` (not cited as wrong) whose quotes name it correctly."""
    return [f for f in facts if f not in cited and right.search(f.claim.quote or "")]


def _listed(lead: str, facts: list[Fact], shown: list[Fact]) -> str:
    if not facts:
        return ""
    more = f" and {len(facts) - len(shown)} more" if len(facts) > len(shown) else ""
    return lead + ", ".join(f.ref for f in shown) + more


def misnamed(corpus: Corpus, quotes: Iterable[str]) -> set[str]:
    """The entities that ``quotes`` name by an alias marked as an error: the subjects a
    naming finding about these quotes cites claims of (what the hook must load)."""
    wrong = corpus.wrong_names()
    if not wrong:
        return set()
    finder = _Finder(wrong)
    return {wrong[variant][0] for q in quotes for variant in finder.used(q)}


#: How many claims naming an entity correctly a naming finding cites.
_SHOWN = 3


def _right_names(corpus: Corpus, entity: str) -> re.Pattern[str] | None:
    """The entity's name and its aliases not marked as errors, as one pattern."""
    e = corpus.entities[entity]
    names = [e.name, *(a.name for a in e.aliases if a.error is None)]
    names = [n for n in names if _words(n)]
    return _variants(names) if names else None
