"""factcheck.extract.scorer: the learned second opinion on a draft's subject and property."""

from __future__ import annotations

import copy
from typing import Any, Final

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.extract.draft import draft_fact_file
from factcheck.extract.mention import UNIDENTIFIED
from factcheck.extract.scorer import Scorer, _renamed, load_scorer, rescore_drafts
from factcheck.extract.scorer_features import FEATURES
from factcheck.extract.scorer_reading import allowed, draftees, not_taken, read_text
from factcheck.extract.vocabulary import Names

from .conftest import MakeCorpus
from .test_extract_scorer_reading import ENTITIES, PROPERTIES

WORDS = [
    "The quake",
    "Avondale",
    "Acme",
    "killed",
    "died",
    "people",
    "struck",
    "miles from",
    "on March 3, 2025",
    "12",
    "25 miles",
    "about 300",
    "said",
    "Avondale earthquake",
    "residents",
    "In 2024,",
]


# a model that trusts the property's description words and the kinds it declares
_TRUSTING: Final = dict.fromkeys(FEATURES, 0.0) | {
    "p_description_sentence": 4.0,
    "x_declares": 4.0,
    "s_in_sentence": 2.0,
}


def _corpus(make_corpus: MakeCorpus) -> factcheck.Corpus:
    return factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES}))


def _rescored(
    corpus: factcheck.Corpus, text: str, scorer: Scorer
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rules = draft_fact_file(text, "x", corpus=corpus, published="2025-03-04")
    after = copy.deepcopy(rules)
    rescore_drafts(after, read_text(text, Names.of(corpus), "2025-03-04"), scorer)
    return rules.claims, after.claims


def test_the_shipped_model_weighs_every_feature() -> None:
    scorer = load_scorer()
    assert scorer is not None and scorer is load_scorer()  # read once
    assert set(scorer.weights) == set(FEATURES)
    assert scorer.kind == "softmax" and 0.0 < scorer.threshold < 1.0


def test_a_confident_pair_replaces_the_rules_and_the_note_says_why(
    make_corpus: MakeCorpus,
) -> None:
    corpus = _corpus(make_corpus)
    weights = _TRUSTING
    text = "Acme said 12 people died after the quake."
    rules, after = _rescored(corpus, text, Scorer(weights, 0.0, 0.3, "softmax"))
    [before] = [c for c in rules if c["value"] == 12]
    [got] = [c for c in after if c["value"] == 12]
    assert (got["subject"], got["property"]) == ("quake", "deaths")
    assert (before["subject"], before["property"]) != ("quake", "deaths")
    assert "scorer: quake / deaths (probability" in got["note"]
    assert got["id"].startswith("deaths-12")  # named after its new property, as the rules name
    assert f"not the rules' {before['subject']} / {before['property']}" in got["note"]


def test_a_renamed_draft_keeps_its_figure(make_corpus: MakeCorpus) -> None:
    """Whatever reads the drafts' figures after the scorer (``draftees``) finds every
    draft, a renamed one under its new id."""
    corpus = _corpus(make_corpus)
    weights = _TRUSTING
    text = "Acme said 12 people died after the quake."
    draft = draft_fact_file(text, "x", corpus=corpus, published="2025-03-04")
    reading = read_text(text, Names.of(corpus), "2025-03-04")
    assert rescore_drafts(draft, reading, Scorer(weights, 0.0, 0.3, "softmax")) >= 1
    assert set(draft.figures) == {c["id"] for c in draft.claims}
    assert len(draftees(draft.claims, draft.figures)) == len(draft.claims)


def test_below_the_threshold_the_rules_answer_stands(make_corpus: MakeCorpus) -> None:
    corpus = _corpus(make_corpus)
    weights = dict.fromkeys(FEATURES, 0.0) | {"p_description_sentence": 4.0}
    text = "The quake struck Avondale. At least 12 people died."
    rules, after = _rescored(corpus, text, Scorer(weights, 0.0, 1.01, "softmax"))
    assert rules == after


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=3, max_size=12),
    weights=st.lists(st.floats(-3, 3), min_size=len(FEATURES), max_size=len(FEATURES)),
)
def test_any_model_keeps_to_the_text_and_the_kinds_and_is_order_free(
    make_corpus: MakeCorpus, words: list[str], weights: list[float]
) -> None:
    """Whatever its weights: a draft's new subject is one the text names or describes, or
    the rules' own pick; no pair a declared kind rules out; each draft's outcome is what it
    would be scored alone; and scoring twice gives the same drafts."""
    corpus = _corpus(make_corpus)
    names = Names.of(corpus)
    text = " ".join(words) + "."
    scorer = Scorer(dict(zip(FEATURES, weights, strict=True)), 0.0, 0.0, "softmax")
    rules, after = _rescored(corpus, text, scorer)
    assert _rescored(corpus, text, scorer)[1] == after
    reading = read_text(text, names, "2025-03-04")
    named = {e for f in reading.named for _, _, e in f}
    draft = draft_fact_file(text, "x", corpus=corpus, published="2025-03-04")
    alone = {
        d.claim["id"]: scorer.choose(reading, d) for d in draftees(draft.claims, draft.figures)
    }
    for old, new in zip(rules, after, strict=True):
        picks = {UNIDENTIFIED, old["subject"], not_taken(old["note"])}
        assert new["subject"] in named | picks
        assert allowed(names, new["subject"], new["property"]) or (
            (new["subject"], new["property"]) == (old["subject"], old["property"])
        )
        if (new["subject"], new["property"]) != (old["subject"], old["property"]):
            c = alone[old["id"]]
            assert (new["subject"], new["property"]) == (c.subject, c.property)


def test_a_renamed_draft_keeps_its_id_unique() -> None:
    ids = {"number-12", "deaths-12"}
    assert _renamed("number-12", "unreviewed-number", "deaths", ids) == "deaths-12-2"
    assert ids == {"deaths-12", "deaths-12-2"}
    assert _renamed("odd-id", "unreviewed-number", "deaths", ids) == "odd-id"
