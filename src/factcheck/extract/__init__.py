"""Draft a fact file from a source text: every number and date becomes a draft claim.

``factcheck extract SNAPSHOT.txt --source-id ID`` reads a snapshot, splits it into
sentences and proposes one claim per figure it recognises: counts ("1,659", "14,5
thousand", "two"), amounts ("$6 million"), percentages ("3%", "57 percent"), rates ("per
100,000"), and dates ("January 2023", "Tue 4th Feb, 2025", "2025-02-04", "2/4/2025",
"in March this year"). Each claim quotes its sentence verbatim and carries the parsed value,
unit, hedge ("more than" -> ``more-than``) and, for dates, the precision in the value itself
(``2023-01`` is a month).

Nothing is invented: where the subject or property is not clear from an entity alias or a
property keyword in the sentence, the claim names the placeholder entity ``unidentified``
and the property ``unreviewed-number`` / ``unreviewed-date`` (both defined in the corpus),
and every claim is ``draft: true``. ``factcheck audit`` reports draft claims as errors
(see :func:`factcheck.engine.draft_errors`) until a person confirms them.

Dates and numbers are read with regular expressions, not a date library: the forms the
sources use need precision ("January 2023" is a month, not the 1st or today's day of
January) and ambiguity ("2/4/2025") kept visible, which general date parsers resolve away.
"""

from .command import configure, run
from .draft import Draft, draft_fact_file, find_mentions
from .mention import UNIDENTIFIED, UNREVIEWED_DATE, UNREVIEWED_NUMBER, Mention
from .sentences import split_sentences

__all__ = [
    "UNIDENTIFIED",
    "UNREVIEWED_DATE",
    "UNREVIEWED_NUMBER",
    "Draft",
    "Mention",
    "configure",
    "draft_fact_file",
    "find_mentions",
    "run",
    "split_sentences",
]
