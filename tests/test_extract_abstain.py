"""Tests for factcheck.extract.abstain: weak subject rules abstain when no property is named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from factcheck.extract.abstain import WEAK_REASONS, abstain_weak_subjects
from factcheck.extract.mention import UNIDENTIFIED


def _claim(subject: str, prop: str, note: str) -> dict[str, Any]:
    return {"subject": subject, "property": prop, "note": note}


@pytest.mark.parametrize(
    ("subject", "prop", "note", "kept"),
    [
        # a weak rule and no property: the candidate is not taken
        (
            "acme",
            "unreviewed-number",
            "drafted from '17'; subject: 'Acme', right before the figure ('Acme sent ')",
            False,
        ),
        (
            "acme",
            "unreviewed-date",
            "drafted from 'May 2'; subject: the only entity named "
            "in the sentence (acme); day precision",
            False,
        ),
        (
            "acme",
            "unreviewed-number",
            "drafted from '3'; subject: acme, the subject of the figure before it in its paragraph",
            False,
        ),
        # the same rule with a property named: kept
        (
            "acme",
            "capacity",
            "drafted from '17'; property capacity: named by the words "
            "around the figure; subject: 'Acme', right before the figure ('Acme holds ')",
            True,
        ),
        # a reason with its own "; " in brackets is kept whole
        (
            "acme",
            "unreviewed-date",
            "drafted from 'May 2'; subject: 'Acme', what the text is about so far (named 3 "
            "times before; the sentence names nothing); day precision",
            False,
        ),
        # a strong rule without a property: kept
        (
            "acme",
            "unreviewed-number",
            "drafted from '3'; subject: 'it' stands for acme, the subject before it",
            True,
        ),
        # the weak words only in an earlier, overridden reason: the last reason decides
        (
            "acme",
            "unreviewed-number",
            "drafted from '3'; subject: the only entity named in "
            "the sentence (bolt); subject: acme, the prison it shares the sentence's words",
            True,
        ),
        # no subject reason at all
        ("acme", "unreviewed-number", "drafted from '3'", True),
        (
            "unidentified",
            "unreviewed-number",
            "drafted from '3'; entities named in the "
            "sentence, none clearly the subject: acme, bolt",
            True,
        ),
    ],
)
def test_weak_subjects_abstain_without_a_property(
    subject: str, prop: str, note: str, kept: bool
) -> None:
    claim = _claim(subject, prop, note)
    abstain_weak_subjects([claim])
    assert (claim["subject"] == subject) is kept
    if kept:
        assert claim["note"] == note
    else:
        assert claim["subject"] == UNIDENTIFIED
        # the note keeps the candidate and says why it was not taken
        assert f"not taken: {subject} (" in claim["note"]
        assert "no property ties the figure to it" in claim["note"]
        assert claim["note"].startswith(note.split("subject: ")[0])


def test_the_note_keeps_the_whole_reason_and_what_follows() -> None:
    claim = _claim(
        "acme",
        "unreviewed-date",
        "drafted from 'May 2'; subject: 'Acme', what the text is about so far (named 3 "
        "times before; the sentence names nothing); day precision",
    )
    abstain_weak_subjects([claim])
    assert claim["note"] == (
        "drafted from 'May 2'; subject: unidentified; not taken: acme ('Acme', what the text "
        "is about so far (named 3 times before; the sentence names nothing)), as no property "
        "ties the figure to it; day precision"
    )


def test_every_weak_reason_is_one_a_subject_rule_writes() -> None:
    import factcheck.extract as extract

    sources = "".join(
        p.read_text(encoding="utf-8")
        for p in Path(extract.__file__).parent.glob("*.py")
        if p.name != "abstain.py"
    )
    for reason in WEAK_REASONS:
        assert reason in sources, reason


def test_a_drafted_figure_with_no_property_names_its_candidate() -> None:
    import factcheck
    from factcheck.extract import draft_fact_file

    corpus = factcheck.load(Path(__file__).resolve().parents[1] / "facts")
    # a figure with a property keeps its subject; one whose words name no property does not
    text = "CECOT was designed for 40,000 prisoners. CECOT saw 19 things."
    claims = {c["value"]: c for c in draft_fact_file(text, "x", corpus=corpus).claims}
    assert (claims[40000]["subject"], claims[40000]["property"]) == ("cecot", "capacity")
    assert claims[19]["subject"] == UNIDENTIFIED, claims[19]["note"]
    assert "not taken: cecot (" in claims[19]["note"]


@pytest.mark.parametrize(
    ("note", "prop", "abstained"),
    [
        # a pronoun or nearness pointed at the subject, and only it gave the property
        (
            "drafted from '5.3 percent'; subject: 'It' opening the sentence stands for "
            "deficit, the last subject; property reduction-share: the only quantity "
            "property said of a deficit",
            "reduction-share",
            True,
        ),
        (
            "drafted from '1'; subject: 'Mariners', right before the figure ('Mariners '); "
            "property winning-streak: the only quantity property said of a club",
            "winning-streak",
            True,
        ),
        # the words named the property: it ties the figure, the pick stands
        (
            "drafted from '5.3 percent'; property reduction-share: named by the words around "
            "the figure; subject: 'it' stands for deficit, the subject before it",
            "reduction-share",
            False,
        ),
        # a surer subject rule: the property it gives stands
        (
            "drafted from '8'; subject: 'Kentucky', which the bracket with the figure "
            "follows; property electoral-votes: the only quantity property said of a state",
            "electoral-votes",
            False,
        ),
    ],
)
def test_a_property_only_a_pointed_at_subject_gave(note: str, prop: str, abstained: bool) -> None:
    claim = _claim("deficit", prop, note)
    abstain_weak_subjects([claim])
    assert (claim["subject"] == UNIDENTIFIED) == abstained
    assert claim["property"] == ("unreviewed-number" if abstained else prop)
    assert ("which only that subject gave" in claim["note"]) == abstained
