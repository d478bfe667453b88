"""Property tests of the whole pipeline on generated corpora (factcheck.testing.strategies).

* load(dump(corpus)) gives back the same model objects, with no errors;
* the audit does not depend on file names, file order or claim order;
* every claim agrees with an exact copy of itself: a duplicated source adds no conflict;
* moving one copied quantity beyond tolerance adds exactly one conflict, citing both.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import Claim, Corpus, SourceFile
from factcheck.io.dump import render
from factcheck.testing import strategies as fst

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _content(corpus: Corpus) -> tuple[Any, ...]:
    return (corpus.sources, corpus.entities, corpus.properties, corpus.rules, corpus.waivers)


def _load(files: dict[str, str]) -> Corpus:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return factcheck.load(root)


def _conflicts(corpus: Corpus) -> list[tuple[Any, ...]]:
    """Conflicts without file names and lines, which legitimately change with the layout."""
    result = factcheck.audit(corpus)
    assert result.errors == ()
    return sorted(
        (c.rule, c.kind, c.severity, c.message, tuple(sorted(c.refs)), c.waived)
        for c in result.conflicts
    )


def _with_sources(corpus: Corpus, sources: dict[str, SourceFile]) -> Corpus:
    out = Corpus(root=corpus.root, entities=corpus.entities, properties=corpus.properties)
    out.rules, out.sources = corpus.rules, sources
    return out


@SETTINGS
@given(fst.corpora(varied_rules=True, with_waivers=True))
def test_load_of_dump_is_the_same_corpus(corpus: Corpus) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        loaded = factcheck.load(factcheck.dump(corpus, tmp))
    assert loaded.errors == []
    assert _content(loaded) == _content(corpus)
    assert len(loaded.facts) == sum(len(sf.claims) for sf in corpus.sources.values())


def test_seed_corpus_survives_a_round_trip() -> None:
    seed = factcheck.load(Path(__file__).resolve().parents[1] / "facts")
    loaded = _load(render(seed))
    assert loaded.errors == seed.errors == []
    assert _content(loaded) == _content(seed)
    assert _conflicts(loaded) == _conflicts(seed)


@SETTINGS
@given(fst.corpora(max_sources=4), st.randoms(use_true_random=False))
def test_audit_is_independent_of_file_and_claim_order(corpus: Corpus, rnd: Any) -> None:
    first = _load(render(corpus))
    shuffled: dict[str, SourceFile] = {}
    for sid in rnd.sample(list(corpus.sources), len(corpus.sources)):
        sf = corpus.sources[sid]
        claims = rnd.sample(sf.claims, len(sf.claims))
        shuffled[sid] = SourceFile(source=sf.source, claims=claims)
    files = render(_with_sources(corpus, shuffled))
    # New file names sort the sources differently: a random prefix and directory each.
    renamed = {
        (
            f"{rnd.choice('abc')}/{rnd.randrange(100)}-{name.split('/')[-1]}"
            if name.startswith("sources/")
            else name
        ): text
        for name, text in files.items()
    }
    second = _load(renamed)
    assert sorted(f.ref for f in second.facts) == sorted(f.ref for f in first.facts)
    assert _conflicts(second) == _conflicts(first)


def _one_per_key(corpus: Corpus, skip: tuple[str, str] | None = None) -> list[Claim]:
    """The claims of the corpus, keeping the first of each (subject, property) but ``skip``."""
    loaded = _load(render(corpus))
    seen: set[tuple[str, str]] = {skip} if skip else set()
    kept = []
    for fact in loaded.facts:
        key = (fact.subject, fact.prop.id)
        if key not in seen:
            seen.add(key)
            kept.append(fact.claim)
    return kept


def _pair(corpus: Corpus, claims: list[Claim]) -> dict[str, SourceFile]:
    sf = next(iter(corpus.sources.values()))
    twin = sf.source.model_copy(update={"id": "twin-of-" + sf.source.id})
    return {
        sf.source.id: SourceFile(source=sf.source, claims=claims),
        twin.id: SourceFile(source=twin, claims=claims),
    }


@SETTINGS
@given(fst.corpora(max_sources=1, max_claims=10))
def test_a_copy_of_every_claim_adds_no_conflict(corpus: Corpus) -> None:
    claims = _one_per_key(corpus)
    doubled = _load(render(_with_sources(corpus, _pair(corpus, claims))))
    assert len(doubled.facts) == 2 * len(claims)
    assert _conflicts(doubled) == []


@SETTINGS
@given(
    fst.corpora(max_sources=1, max_claims=10),
    st.integers(1, 10_000_000),
    st.sampled_from(["exact", "about"]),
    st.sampled_from([0.0, 0.01, 0.1, 0.5]),
)
def test_one_value_moved_beyond_tolerance_is_one_conflict(
    corpus: Corpus, value: int, hedge: str, tolerance: float
) -> None:
    prop = next(p for p in corpus.properties.values() if p.type == "quantity")
    subject = next(iter(corpus.entities))
    claims = _one_per_key(corpus, skip=(subject, prop.id))
    probe = Claim(
        id="probe",
        subject=subject,
        property=prop.id,
        value=value,
        hedge=hedge,
        tolerance=tolerance,
        quote="probe",
        basis="probe",
    )
    same = _load(render(_with_sources(corpus, _pair(corpus, [*claims, probe]))))
    assert _conflicts(same) == []

    # [v(1-t), v(1+t)] and [w(1-t), w(1+t)] are disjoint once w(1-t) > v(1+t). Under
    # `precision: written` a whole number stands for what it rounds to: 100 is 50 to 150,
    # so each end may move by half the figure: w / 2 > 1.5 v keeps them apart too.
    moved_value = value * (1 + tolerance) / (1 - tolerance) * 3 + 1
    moved = probe.model_copy(update={"value": moved_value})
    pair = _pair(corpus, [*claims, probe])
    twin_id = next(sid for sid in pair if sid.startswith("twin-of-"))
    twin = pair[twin_id]
    pair[twin_id] = SourceFile(source=twin.source, claims=[*claims, moved])
    after = _conflicts(_load(render(_with_sources(corpus, pair))))
    assert len(after) == 1
    original = next(sid for sid in pair if sid != twin_id)
    assert after[0][4] == tuple(sorted([f"{original}/probe", f"{twin_id}/probe"]))
