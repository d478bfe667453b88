"""factcheck.extract.kinds: a property's figure is about an entity of the kinds it describes."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.extract import UNIDENTIFIED

# the rules' own drafts, before the learned scorer's second opinion (test_extract_scorer.py)
from factcheck.extract.draft import draft_fact_file
from factcheck.extract.kinds import Around, Evidence, fit_kind
from factcheck.extract.vocabulary import Names

from .conftest import MakeCorpus, source_yaml

ENTITIES = """
entities:
  - {id: acme, name: Acme, kind: company}
  - {id: acme-q3, name: Acme's third quarter of fiscal 2022, kind: report}
  - {id: acme-q4, name: Acme's fourth quarter of fiscal 2022, kind: report}
  - {id: falcon, name: Falcon, kind: rocket}
  - {id: spacex, name: SpaceX, kind: company}
  - {id: falcon-may-10, name: Falcon launch from Vandenberg, kind: launch,
     note: lifted off on 2024-05-10}
  - {id: falcon-may-8, name: Falcon launch from Kennedy, kind: launch,
     note: lifted off on 2024-05-08}
  - {id: derailment, name: derailment near Avondale, kind: event, aliases: [the derailment]}
  - {id: evacuation, name: evacuation of Avondale residences, kind: event}
  - {id: train, name: freight train 305-13, kind: train}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
#: Each property's type, unit and description; its kinds are given apart.
_PROPERTY_FIELDS = {
    "revenue": "type: quantity, unit: USD, description: Sales.",
    "launched": "type: date, description: When it lifted off.",
    "cars-damaged": "type: quantity, unit: cars, description: Rail cars damaged.",
    "speed": "type: quantity, unit: mph, description: Speed.",
    "satellites": "type: quantity, unit: satellites, description: Satellites carried.",
    "count": "type: quantity, description: How many of the subject there were.",
}
KINDS = {
    "revenue": ["report"],
    "launched": ["launch"],
    "cars-damaged": ["event"],
    "speed": ["train"],
    "satellites": ["launch"],
    "count": ["event"],
}


def _properties(kinds: dict[str, list[str]]) -> str:
    lines = [
        f"  - {{id: {p}, entity_kind: [{', '.join(kinds[p])}], {fields}}}"
        for p, fields in _PROPERTY_FIELDS.items()
    ]
    extra = ["  - {id: unreviewed-number, type: quantity}", "  - {id: unreviewed-date, type: date}"]
    return "properties:\n" + "\n".join(lines + extra) + "\n"


PROPERTIES = _properties(KINDS)


def _corpus(make_corpus: MakeCorpus, **files: str) -> factcheck.Corpus:
    given_files = {"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES, **files}
    corpus = factcheck.load(make_corpus(given_files, defaults=False))
    assert not corpus.errors
    return corpus


def _drafts(corpus: factcheck.Corpus, text: str) -> list[tuple[str, str, str]]:
    draft = draft_fact_file(text, "x", corpus=corpus, published="2024-05-12")
    return [(c["subject"], c["property"], c["note"]) for c in draft.claims]


@pytest.mark.parametrize(
    ("text", "subject", "prop", "why"),
    [
        # the grammar picks the company; revenue is a report's: the one whose name holds it
        # and shares the sentence's distinctive word ("third")
        (
            "Acme reported third-quarter revenue of $6.8 billion.",
            "acme-q3",
            "revenue",
            "its name holds acme's",
        ),
        # a day tells two launches apart (the one noted as lifting off that day)
        (
            "The Falcon rocket launched on May 10, 2024.",
            "falcon-may-10",
            "launched",
            "shares the sentence's words or date",
        ),
        # of the two events, the one the text names ("the derailment", a paragraph before)
        (
            "The derailment happened at night.\nFreight train 305-13 had 8 cars damaged.",
            "derailment",
            "cars-damaged",
            "named in the text",
        ),
        # no pick ("SpaceX and Falcon"): the launch sharing "Kennedy" holds "Falcon"
        (
            "SpaceX and Falcon sent 23 satellites up from Kennedy.",
            "falcon-may-8",
            "satellites",
            "its name holds spacex or falcon's",
        ),
        # nothing named: the one launch noted on the sentence's day
        ("Crews launched on May 10, 2024.", "falcon-may-10", "launched", "date"),
        # the paragraph is about the derailment: its figure before was the derailment's
        (
            "The derailment damaged 8 cars. Freight train 305-13 had 3 cars damaged.",
            "derailment",
            "cars-damaged",
            "the subject before it in its paragraph",
        ),
        # a subject of the right kind is kept, and nothing is said of kinds
        ("Freight train 305-13 was going 24 mph.", "train", "speed", "only entity named"),
    ],
)
def test_a_wrong_kind_subject_is_replaced(
    make_corpus: MakeCorpus, text: str, subject: str, prop: str, why: str
) -> None:
    drafts = [d for d in _drafts(_corpus(make_corpus), text) if d[1] == prop]
    assert {(s, p) for s, p, _ in drafts} == {(subject, prop)}
    assert why in drafts[-1][2]


@pytest.mark.parametrize(
    ("text", "prop", "candidates"),
    [
        # two reports hold "Acme", and nothing in the sentence tells them apart
        ("Acme reported revenue of $6.8 billion.", "revenue", "acme-q3, acme-q4"),
        # two launches hold "Falcon", and the sentence has no day
        ("The Falcon rocket launched in 2024.", "launched", "falcon-may-10, falcon-may-8"),
    ],
)
def test_ambiguous_stays_unidentified_with_candidates(
    make_corpus: MakeCorpus, text: str, prop: str, candidates: str
) -> None:
    [(subject, _, note)] = [d for d in _drafts(_corpus(make_corpus), text) if d[1] == prop]
    assert subject == UNIDENTIFIED
    assert f"none clearly the subject, candidates: {candidates}" in note


def test_a_count_of_another_subject_is_no_count_of_the_event(make_corpus: MakeCorpus) -> None:
    """ "8 Acme workers" counts Acme's workers: said of the derailment, it is no count of
    derailments, so the property is left for review."""
    [(subject, prop, note)] = _drafts(_corpus(make_corpus), "The derailment hurt 8 Acme workers.")
    assert (subject, prop) == ("derailment", "unreviewed-number")
    assert "not count: the figure counts acme, not derailment" in note


def test_a_day_taken_from_before_is_no_day_of_the_sentence(make_corpus: MakeCorpus) -> None:
    """The time's day comes from the sentence before: it says nothing of which launch."""
    text = "On May 10, 2024, crews gathered.\nCrews launched at 9:30 a.m. EDT."
    drafts = [d for d in _drafts(_corpus(make_corpus), text) if d[1] == "launched"]
    assert [s for s, _, _ in drafts] == [UNIDENTIFIED]


def test_no_entity_of_the_kind_leaves_it_unidentified(make_corpus: MakeCorpus) -> None:
    entities = ENTITIES.replace("kind: launch", "kind: mission")
    [(subject, _, note)] = _drafts(
        _corpus(make_corpus, **{"entities.yaml": entities}), "Falcon launched May 10, 2024."
    )
    assert subject == UNIDENTIFIED
    assert "launched is said of a launch, and the corpus has none" in note


CLAIMS = """
- {id: q3-revenue, subject: acme-q3, property: sales, value: 6800000000, unit: USD,
   quote: "Acme"}
"""


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        # no entity_kind: the kinds of the corpus's reviewed claims of the property
        ("", "acme-q3"),
        # a declared kind comes before the claims' ("company": Acme is kept)
        ("entity_kind: [report, company], ", "acme"),
    ],
)
def test_the_kinds_of_reviewed_claims_stand_in(
    make_corpus: MakeCorpus, declared: str, expected: str
) -> None:
    properties = PROPERTIES + f"  - {{id: sales, type: quantity, unit: USD, {declared}}}\n"
    corpus = _corpus(
        make_corpus,
        **{"properties.yaml": properties, "sources/a.yaml": source_yaml("a", CLAIMS)},
    )
    names = Names.of(corpus)
    assert names.entity_kinds("sales") == ({"report", "company"} if declared else {"report"})
    drafts = _drafts(corpus, "Acme reported third-quarter sales of $6.8 billion.")
    assert [(s, p) for s, p, _ in drafts] == [(expected, "sales")]


def test_a_draft_of_the_corpus_is_no_reviewed_claim(make_corpus: MakeCorpus) -> None:
    """A draft claim of ``sales`` about the company gives ``sales`` no kind."""
    claims = CLAIMS.replace("acme-q3", "acme").replace(
        'quote: "Acme"}', 'quote: "Acme", draft: true}'
    )
    properties = PROPERTIES + "  - {id: sales, type: quantity, unit: USD}\n"
    corpus = _corpus(
        make_corpus, **{"properties.yaml": properties, "sources/a.yaml": source_yaml("a", claims)}
    )
    assert Names.of(corpus).entity_kinds("sales") == frozenset()


def test_fit_kind_without_kinds_keeps_the_subject(make_corpus: MakeCorpus) -> None:
    names = Names.of(_corpus(make_corpus))
    around = Around((0, 12), frozenset({"acme"}), frozenset({"acme"}))
    ev = Evidence("Acme sold 5.", (0, 12), [(0, 4, "acme")], around)
    assert fit_kind(names, "unreviewed-number", "acme", ev) == ("acme", None)
    assert fit_kind(names, None, None, ev) == (None, None)


# Sentences built of names, property words and figures, for the property below.
_PARTS = [
    "Acme",
    "Falcon",
    "the derailment",
    "freight train 305-13",
    "third-quarter",
    "fourth-quarter",
    "reported revenue of $6.8 billion",
    "launched on May 10, 2024",
    "launched on May 8, 2024",
    "8 cars were damaged",
    "was going 24 mph",
    "and",
    "on Friday",
]
_KINDS = ["company", "report", "rocket", "launch", "event", "train"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sentences=st.lists(
        st.lists(st.sampled_from(_PARTS), min_size=1, max_size=6).map(" ".join),
        min_size=1,
        max_size=4,
    ),
    declared=st.fixed_dictionaries(
        {
            p: st.lists(st.sampled_from(_KINDS), min_size=1, max_size=2, unique=True)
            for p in _PROPERTY_FIELDS
        }
    ),
)
def test_a_subject_is_always_of_a_declared_kind(
    make_corpus: MakeCorpus, sentences: list[str], declared: dict[str, list[str]]
) -> None:
    """Whatever the text and the kinds declared, a draft's subject is ``unidentified`` or
    of one of its property's kinds."""
    properties = _properties(declared)
    corpus = _corpus(make_corpus, **{"properties.yaml": properties})
    names = Names.of(corpus)
    text = textwrap.fill(". ".join(sentences) + ".", 200)
    for subject, prop, _ in _drafts(corpus, text):
        kinds = names.entity_kinds(prop)
        assert subject == UNIDENTIFIED or not kinds or names.kinds[subject] in kinds


def test_a_figure_said_again_keeps_its_subject(make_corpus: MakeCorpus) -> None:
    """The second "$6.8 billion" has nothing of the third quarter around it: the figure
    said before is about the third quarter's report, so this one is, and is one draft."""
    text = "Acme reported third-quarter revenue of $6.8 billion.\nAcme had revenue of $6.8 billion."
    [(subject, prop, note)] = _drafts(_corpus(make_corpus), text)
    assert (subject, prop) == ("acme-q3", "revenue")
    assert "said again: 'Acme had revenue of $6.8 billion.'" in note


WEATHER_ENTITIES = """
entities:
  - {id: reno-airport, name: Reno Airport, kind: airport}
  - {id: reno-weather, name: "Reno's weather report of 09:56", kind: observation}
  - {id: unidentified, name: Unidentified, kind: placeholder}
"""
WEATHER_PROPERTIES = """
properties:
  - {id: wind-gust, type: quantity, entity_kind: observation, unit: knots, description: Gusts.}
  - {id: unreviewed-number, type: quantity}
  - {id: unreviewed-date, type: date}
"""


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # every word of its name is in the sentence: it is described there
        ("Renos reported weather included gusts to 38 knots.", "reno-weather"),
        # one word of its name is no evidence: unidentified, never a guess
        ("The weather included gusts to 38 knots.", UNIDENTIFIED),
    ],
)
def test_an_entity_the_sentence_spells_out_word_by_word(
    make_corpus: MakeCorpus, text: str, subject: str
) -> None:
    corpus = _corpus(
        make_corpus,
        **{"entities.yaml": WEATHER_ENTITIES, "properties.yaml": WEATHER_PROPERTIES},
    )
    [(got, prop, note)] = _drafts(corpus, text)
    assert (got, prop) == (subject, "wind-gust"), note
    if subject != UNIDENTIFIED:
        assert "every word of its name" in note


def test_the_words_of_what_a_figure_is_measured_against_are_no_evidence() -> None:
    text = "He was 21 seconds slower than Geoffrey Mutai."
    lo = text.index("Geoffrey")
    ev = Evidence(text, (0, len(text)), [], Around(), unsaid=((lo, len(text) - 1),))
    assert "Geoffrey" not in ev.sentence() and ev.sentence().startswith("He was 21 seconds")
    assert len(ev.sentence()) == len(text)  # blanked, not cut: offsets still hold
