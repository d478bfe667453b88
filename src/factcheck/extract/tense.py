"""Whether a sentence speaks of what is to come: the tense a date or a time said without
its year or day is read in ("will continue Saturday", "roads will close at 7 a.m.").

Split out of :mod:`factcheck.extract.weekdays`, for the dates too.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["speaks_ahead"]

# "will continue Saturday", "the next opportunity is Sunday": a sentence about what is to
# come (a weekday of it is the first such day on or after the publication date)
_FUTURE: Final = re.compile(
    r"\b(?:will|shall|upcoming|(?:is|are)\s+(?:scheduled|set|due|expected|estimated|planned|"
    r"slated)|"
    # "the next opportunity is Sunday", not "the next morning, Sunday"
    r"next\s+(?:[a-z]+\s+){1,3}(?:is|are|will)|plans?\s+to|going\s+to|"
    # "advised there would be a conference on Friday", "were ordered to appear at 9 a.m.
    # Friday": what was said or ordered to come, from the day of the report
    r"would|(?:ordered|told|asked|summoned|set|scheduled|expected|slated)\s+to)\b",
    re.IGNORECASE,
)
# "officials said Monday they will...": the weekday of a report is when it was said
_SAID_BEFORE: Final = re.compile(
    r"\b(?:said|told|announced|reported|confirmed|stated|added|wrote)\s+(?:on\s+)?$"
)


def speaks_ahead(text: str, start: int, at: int) -> bool:
    """Whether the sentence from ``start`` speaks of what is to come before ``at`` ("will
    continue Saturday", "roads will close at 7 a.m.", "are estimated to reopen by 9:30
    a.m."), other than as what someone said on a day ("officials said Monday they will")."""
    return bool(_FUTURE.search(text, start, at)) and not _SAID_BEFORE.search(text, start, at)
