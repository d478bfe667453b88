"""Strategies for text: ids, and free text as people type it (with the texts a YAML
reader may take for something else)."""

from __future__ import annotations

import re
from typing import Final

from hypothesis import strategies as st

__all__ = ["SPACE", "TRICKY_TEXTS", "slugs", "texts"]

#: Runs of white space, folded to one space when names are compared.
SPACE: Final = re.compile(r"\s+")
#: Text that a YAML reader may take for something else, or that needs quoting to survive.
TRICKY_TEXTS: Final = (
    "1e5",
    "09",
    "2023",
    "2023-01-31",
    "12:30",
    "0x1F",
    "1_000",
    ".5",
    "+1",
    "1e400",
    "9" * 120,
    "null",
    "Null",
    "~",
    "true",
    "False",
    "yes",
    "no",
    "on",
    ".inf",
    ".nan",
    "- x",
    "a: b",
    "#x",
    "x #y",
    "[x]",
    "{x}",
    "*a",
    "&a",
    "!x",
    "%x",
    "@x",
    "`x",
    "'",
    '"',
    " lead",
    "trail ",
    "two  spaces",
    "multi\nline",
    "tab\there",
    "\u00a0nbsp",
    "\ufeffbom",
    "back\\slash",
    "---",
    "...",
    "?",
    ":",
    "-",
    "|",
    ">",
)


def slugs(max_size: int = 12) -> st.SearchStrategy[str]:
    """Ids: lower-case letters, digits and dashes, starting with a letter or digit."""
    return st.from_regex(rf"[a-z0-9][a-z0-9-]{{0,{max_size - 1}}}", fullmatch=True)


def texts(min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    """Free text as people type it: any printable Unicode, at least one visible character."""
    alphabet = st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"))
    tricky = [t for t in TRICKY_TEXTS if min_size <= len(t) <= max_size]
    return st.one_of(
        st.sampled_from(tricky), st.text(alphabet, min_size=min_size, max_size=max_size)
    ).filter(lambda s: s.strip())
