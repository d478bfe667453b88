"""Drafting as ``factcheck extract`` does it: the rules' drafts (:mod:`.draft`), then the
learned scorer's second opinion on each draft's subject and property (:mod:`.scorer`)."""

from __future__ import annotations

from factcheck.domain.corpus import Corpus
from factcheck.extract.draft import draft_fact_file as rules_draft
from factcheck.extract.fact_file import Draft
from factcheck.extract.scorer import rescore_drafts
from factcheck.extract.scorer_reading import read_text
from factcheck.extract.vocabulary import Names

__all__ = ["draft_fact_file"]


def draft_fact_file(
    text: str,
    source_id: str,
    *,
    corpus: Corpus | None = None,
    published: str | None = None,
    title: str | None = None,
    snapshot_file: str = "snapshot.txt",
    rescore: bool = True,
) -> Draft:
    """Draft a fact file for the source ``text``: one draft claim per number or date (see
    :func:`factcheck.extract.draft.draft_fact_file`). With ``rescore`` (the default) the
    learned scorer may then replace a draft's subject and property where it is confident,
    its note saying so; without it the drafts are the rules' alone (what it is trained on).
    """
    draft = rules_draft(
        text,
        source_id,
        corpus=corpus,
        published=published,
        title=title,
        snapshot_file=snapshot_file,
    )
    if rescore and corpus is not None and draft.claims:
        names = Names.of(corpus)
        rescore_drafts(draft, read_text(text, names, draft.data["source"].get("published")))
    return draft
