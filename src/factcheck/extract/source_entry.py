"""The draft's source entry: its id, title, publication date and snapshot, and where each
came from ("published taken from 'March 3, 2025' (line 2) in the text").

Split out of :mod:`factcheck.extract.draft`, which drafts the claims.
"""

from __future__ import annotations

import hashlib
from typing import Any, Final

from factcheck.domain.values import PartialDate
from factcheck.extract.dates import find_dates
from factcheck.extract.mention import Mention

__all__ = ["source_entry"]

_PUBLISHED_WINDOW: Final = 600  # characters at the top of a snapshot where a dateline sits


def _guess_published(text: str) -> tuple[PartialDate, Mention] | None:
    for d in find_dates(text, 0, min(len(text), _PUBLISHED_WINDOW), None):
        if d.precision == "day" or "ambiguous" in d.flags:
            return PartialDate.parse(str(d.value)), d
    return None


def source_entry(
    text: str, source_id: str, published: str | None, title: str | None, snapshot_file: str
) -> tuple[dict[str, Any], PartialDate | None, list[str]]:
    """The draft's source entry, its publication date and the notes saying where each
    part came from."""
    notes = ["drafted by factcheck extract: check every field"]
    pub: PartialDate | None = PartialDate.parse(published) if published else None
    if pub is None:
        guess = _guess_published(text)
        if guess is not None:
            pub = guess[0]
            line = text.count("\n", 0, guess[1].start) + 1
            notes.append(f"published taken from {guess[1].text!r} (line {line}) in the text")
    title_text = title or next((ln.strip() for ln in text.splitlines() if ln.strip()), source_id)
    if not title:
        notes.append("title: the first line of the text")
    source: dict[str, Any] = {
        "id": source_id,
        "kind": "article",
        "title": title_text,
        "published": str(pub) if pub else None,
        "language": "en",
        "note": "",
        "snapshot": {
            "file": snapshot_file,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        },
    }
    if source["published"] is None:
        del source["published"]
    return source, pub, notes
