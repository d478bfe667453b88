"""Draft a fact file from a source text: every number, date and time becomes a draft claim.

``factcheck extract SNAPSHOT.txt --source-id ID`` reads a snapshot, splits it into
sentences and proposes one claim per figure it recognises: counts ("1,659", "14,5
thousand", "two", "1-1/2"), amounts ("$6 million"), percentages, rates ("per 100,000"),
ranges ("some 10,000 to 20,000"), dates ("January 2023", "Tue 4th Feb, 2025", "in March
this year", "the following month") and clock times with their zone ("5:26 p.m." under
"All times are Eastern Time"). Each claim quotes its sentence verbatim and carries the
parsed value, unit, hedge ("more than" -> ``more-than``) and, for dates, the precision in
the value itself (``2023-01`` is a month).

The stages, one module each: :mod:`.sentences` (sentences and clauses), :mod:`.dates`,
:mod:`.relative_days` ("yesterday", "earlier this month", "overnight Sunday", "between
Monday and Thursday": a span of two days),
:mod:`.times` (with :mod:`.zone_names`: "EDT", "Pacific" to a zone),
:mod:`.numbers` (figures, hedges, ranges, changes; :mod:`.name_figures`: not
"Footnote 2"), :mod:`.units` (the unit word after a figure: "29 knots", "190 degrees",
"0.8 nm north of"),
:mod:`.vocabulary` (the corpus's entities and properties, compiled), :mod:`.subjects`
(which entity a figure is about), :mod:`.properties`, :mod:`.property_words` (a
property named by its description's opening words: "sales" -> ``revenue``),
:mod:`.counted_nouns` and :mod:`.stems` (what it says of it),
:mod:`.distances` (a length "SSE of" a place: a distance, and the place is not its subject),
:mod:`.events` (a date of a sentence naming one event: that event's date),
:mod:`.event_verbs` (a date's clause naming an event by its verb, "was arrested": the one
such event whose name gives a date agreeing with it), :mod:`.day_named` (a date whose
day one entity's name carries is that entity's, before any property word of another kind),
:mod:`.kinds` (a property's figure is about an entity of the kinds it describes: the
entity of such a kind the sentence, paragraph or text points to, else ``unidentified``),
:mod:`.claim` (a figure to a draft claim, with a note saying why each field was chosen),
:mod:`.draft` (the text's sentences and mentions to a fact file), :mod:`.scorer` (with
:mod:`.scorer_reading` and :mod:`.scorer_features`: a learned second opinion on each
draft's subject and property, trained on the hand-written evaluation sets and taken only
where confident), :mod:`.drafting` (the rules, then the scorer: ``draft_fact_file``) and
:mod:`.command` (``factcheck extract``).

Nothing is invented: where the subject or property is not clear, the claim names the
placeholder entity ``unidentified`` and the property ``unreviewed-number`` /
``unreviewed-date`` (both defined in the corpus), and every claim is ``draft: true``.
``factcheck audit`` reports draft claims as errors (see
:func:`factcheck.rules.engine.draft_errors`) until a person confirms them.

Figures are read with regular expressions, not libraries: measured on the seeds and on
unseen texts (``benchmarks/extract_libraries.py``), dateparser, quantulum3, number-parser
and pysbd each read fewer of the hand-written values (a date's precision, a time's zone
from the text, "5:26 p.m." as one time) than the readers here.
"""

from factcheck.extract.command import configure, run
from factcheck.extract.draft import find_mentions
from factcheck.extract.drafting import draft_fact_file
from factcheck.extract.fact_file import Draft
from factcheck.extract.mention import UNIDENTIFIED, UNREVIEWED_DATE, UNREVIEWED_NUMBER, Mention
from factcheck.extract.sentences import split_sentences

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
