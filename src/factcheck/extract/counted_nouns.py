"""Counted nouns: the property a figure's counted noun names ("eight buildings" ->
``buildings``, "32 prison cells" -> ``cells-per-building``, "an eight-lane bridge" -> the
property counted in lanes), and the corpus's property for how many of the subject there
were."""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.vocabulary import Names

__all__ = ["count_property", "counted_property"]

_COUNTED_RUN: Final = re.compile(r"(?:\s+|-)((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)")
_RUN_STOP: Final = frozenset(
    {"a", "an", "the", "of", "with", "for", "in", "on", "at", "to", "and", "or"}
    | {"each", "which", "that", "who", "are", "is", "was", "were", "has", "have", "had", "by"}
    | {"from", "per", "as"}
)


def counted_property(names: Names, after: str) -> list[str]:
    """Properties named by the noun counted after a figure: "eight buildings" -> buildings,
    "32 prison cells" -> cells-per-building (the last word of the noun phrase decides);
    "an eight-lane bridge" -> the property counted in lanes (its unit)."""
    m = _COUNTED_RUN.match(after)
    if not m:
        return []
    run: list[str] = []
    for word in m.group(1).casefold().split():
        if word in _RUN_STOP:
            break
        run.append(word)
    found: dict[str, str] = {}  # property -> the word that named it
    units = [(names.units.get(p) or "").casefold() for p in names.properties]
    for prop, ptype in names.properties.items():
        if ptype != "quantity" or prop.startswith("unreviewed"):
            continue
        word = next(
            (
                w
                for i, w in enumerate(run)
                if _counts_as(prop, names.units.get(prop), w, units, head=i == len(run) - 1)
            ),
            None,
        )
        if word is not None:
            found[prop] = word
    if len(found) > 1 and run:
        found = {p: w for p, w in found.items() if w == run[-1]}
    return list(found)


def _counts_as(prop: str, unit: str | None, word: str, units: list[str], *, head: bool) -> bool:
    """Whether the counted ``word`` names ``prop``: the phrase's last word (its ``head``
    noun: "23 alleged MS-13 members" counts members, not ``alleged-...``) that is a word
    of its id and no unit of several properties ("people" names not
    ``people-evacuated``), or any word that is its unit when no other property has that
    unit ("an eight-lane bridge": lanes; not "people")."""
    unit = (unit or "").casefold()
    own = unit.isalpha() and units.count(unit) == 1
    shared = units.count(word) + units.count(word.removesuffix("s")) > 1
    named = head and word in prop.split("-") and not shared
    return named or (own and unit in (word, word + "s"))


_HOW_MANY: Final = re.compile(r"\s*how many of the subject\b", re.I)


def count_property(names: Names) -> str | None:
    """The corpus's property for how many of the subject there were, if it has one."""
    found = [
        p
        for p, ptype in names.properties.items()
        if ptype == "quantity"
        and names.units.get(p) is None
        and _HOW_MANY.match(names.descriptions[p])
    ]
    return found[0] if len(found) == 1 else None
