"""factcheck.extract.scorer_features: general features of a draft's candidate pairs."""

from __future__ import annotations

import re
from pathlib import Path

import factcheck
from factcheck.extract import scorer_features
from factcheck.extract.draft import draft_fact_file
from factcheck.extract.mention import UNIDENTIFIED
from factcheck.extract.scorer_features import (
    FEATURES,
    PAIR_FEATURES,
    PROPERTY_FEATURES,
    SUBJECT_FEATURES,
    pair_features,
)
from factcheck.extract.scorer_reading import draftees, read_text
from factcheck.extract.vocabulary import Names

from .conftest import MakeCorpus
from .test_extract_scorer_reading import ENTITIES, PROPERTIES, TEXT


def _vectors(make_corpus: MakeCorpus, entities: str, properties: str) -> list[list[list[float]]]:
    corpus = factcheck.load(make_corpus({"entities.yaml": entities, "properties.yaml": properties}))
    draft = draft_fact_file(TEXT, "x", corpus=corpus, published="2025-03-04")
    reading = read_text(TEXT, Names.of(corpus), "2025-03-04")
    out = []
    for d in draftees(draft.claims, draft.figures):
        subjects, props, sv, pv, pair = pair_features(reading, d)
        rows = {
            (i, j): [*sv[i], *pv[j], *pair(s, p)]
            for i, s in enumerate(subjects)
            for j, p in enumerate(props)
        }
        out.append([rows[k] for k in sorted(rows)])
    return out


def test_every_vector_has_every_feature(make_corpus: MakeCorpus) -> None:
    assert len(set(FEATURES)) == len(FEATURES)
    assert (*SUBJECT_FEATURES, *PROPERTY_FEATURES, *PAIR_FEATURES) == FEATURES
    for rows in _vectors(make_corpus, ENTITIES, PROPERTIES):
        assert rows and all(len(r) == len(FEATURES) for r in rows)


def test_the_placeholders_say_so_and_the_rules_pair_is_marked(make_corpus: MakeCorpus) -> None:
    corpus = factcheck.load(make_corpus({"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES}))
    draft = draft_fact_file(TEXT, "x", corpus=corpus, published="2025-03-04")
    reading = read_text(TEXT, Names.of(corpus), "2025-03-04")
    for d in draftees(draft.claims, draft.figures):
        subjects, props, sv, pv, pair = pair_features(reading, d)
        assert subjects[0] == UNIDENTIFIED and sv[0][SUBJECT_FEATURES.index("s_unid")] == 1.0
        assert pv[0][PROPERTY_FEATURES.index("p_unrev")] == 1.0
        rule = (d.claim["subject"], d.claim["property"])
        marked = [
            (s, p)
            for s in subjects
            for p in props
            if pair(s, p)[PAIR_FEATURES.index("x_rule_pair")]
        ]
        assert marked == [rule]


def test_features_never_see_an_entity_s_or_property_s_id(make_corpus: MakeCorpus) -> None:
    """Renaming every id (names, kinds and words kept) changes no vector."""
    renamed_e = re.sub(r"id: (?!unidentified)([\w-]+)", r"id: e-\1-x", ENTITIES)
    ids = ("deaths", "distance", "population", "date")
    renamed_p = PROPERTIES
    for p in ids:  # a property's id words are words of the text: kept, suffixed by a non-word
        renamed_p = renamed_p.replace(f"id: {p},", f"id: {p}-zzqq,")
    assert _vectors(make_corpus, ENTITIES, PROPERTIES) == _vectors(
        make_corpus, renamed_e, renamed_p
    )


def test_every_reason_class_is_a_phrase_the_rules_write() -> None:
    """The scorer reads the rules' reason from their note: a phrase reworded in the rules
    would silently turn a feature off, so each must still be written by some rule module."""
    extract = Path(scorer_features.__file__).parent
    sources = "".join(
        p.read_text(encoding="utf-8")
        for p in extract.glob("*.py")
        if not p.name.startswith("scorer")
    )
    phrases = [phrase for phrase, _ in scorer_features.REASONS] + ["not taken: "]
    missing = [phrase for phrase in phrases if phrase not in sources]
    assert missing == []
