"""The per-file cache and the parallel reader give exactly what a fresh, serial load gives."""

from __future__ import annotations

import pickle
import shutil
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import _yaml, loader, memo
from factcheck import cache as cache_module
from factcheck import corpus as corpus_module
from factcheck import strategies as fst
from factcheck.cache import CACHE_DIR, FileCache
from factcheck.model import Claim

from .conftest import CLAIMS, ENTITIES, PROPERTIES, MakeCorpus, source_yaml


def _snapshot(corpus: factcheck.Corpus) -> list[Any]:
    """Everything a load produces that a user can see, in comparable form."""
    facts = [
        (f.ref, f.subject, f.value, f.unit, f.time, f.file, f.line, f.quote_line, f.claim)
        for f in corpus.facts
    ]
    return [
        facts,
        corpus.errors,
        corpus.files,
        dict(corpus.sources),
        dict(corpus.entities),
        dict(corpus.properties),
        corpus.rules,
        corpus.rule_places,
        corpus.waivers,
        corpus.waiver_places,
    ]


def _entries(root: Path) -> list[Path]:
    """The per-file cache's entries (not the hook's store of claims by key)."""
    return [
        p
        for p in (root / CACHE_DIR).rglob("*")
        if p.is_file() and p.name != ".gitignore" and not p.name.startswith("keys-")
    ]


def _keystores(root: Path) -> list[Path]:
    return list((root / CACHE_DIR).rglob("keys-*.sqlite"))


@pytest.fixture
def root(make_corpus: MakeCorpus) -> Path:
    return make_corpus(
        {
            "sources/a.yaml": source_yaml("a", CLAIMS),
            "sources/b.yaml": source_yaml("b", CLAIMS.replace("40,000", "20,000")),
        }
    )


def test_second_load_hits_and_matches(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = factcheck.load(root)
    # entities, properties and two sources; the sources' resolved claims; the hook's store
    assert len(_entries(root)) == 6 and len(_keystores(root)) == 1
    calls: list[str] = []
    real = loader._parse_bytes
    monkeypatch.setattr(
        loader, "_parse_bytes", lambda data, display: calls.append(display) or real(data, display)
    )
    second = factcheck.load(root)
    assert calls == []  # nothing parsed again
    assert _snapshot(second) == _snapshot(first)
    assert _snapshot(second) == _snapshot(factcheck.load(root, cache=False))


def test_positions_survive_the_cache(root: Path) -> None:
    factcheck.load(root)
    corpus = factcheck.load(root)
    cap = corpus.fact("a/cap")
    assert (cap.line, cap.quote_line) == (7, 11)
    assert (corpus.fact("b/open").line, corpus.fact("b/open").quote_line) == (12, 16)


def test_a_changed_file_is_read_again(root: Path) -> None:
    factcheck.load(root)
    path = root / "sources" / "a.yaml"
    path.write_text(path.read_text().replace("40,000", "45,000"), encoding="utf-8")
    corpus = factcheck.load(root)
    assert corpus.fact("a/cap").value == factcheck.Interval.point(45000)
    assert corpus.fact("b/cap").value == factcheck.Interval.point(20000)


@pytest.mark.parametrize(
    ("entities", "properties"),
    [
        (ENTITIES.replace("      - CECOT\n", "").replace("id: cecot", "id: tcc"), PROPERTIES),
        (ENTITIES, PROPERTIES.replace("unit: inmates", "unit: prisoners")),
        (ENTITIES + "  - {id: cecot-2, name: CECOT 2, kind: prison}\n", PROPERTIES),
    ],
    ids=["entity renamed", "unit changed", "entity added"],
)
def test_sources_resolve_again_when_entities_or_properties_change(
    make_corpus: MakeCorpus, entities: str, properties: str
) -> None:
    root = make_corpus({"sources/a.yaml": source_yaml("a", CLAIMS)})
    factcheck.load(root)
    (root / "entities.yaml").write_text(entities, encoding="utf-8")
    (root / "properties.yaml").write_text(properties, encoding="utf-8")
    again = factcheck.load(root)
    assert _snapshot(again) == _snapshot(factcheck.load(root, cache=False))


def test_same_content_under_another_name_is_not_shared(make_corpus: MakeCorpus) -> None:
    text = source_yaml("a", CLAIMS.replace("value: 40,000", "value: lots"))
    root = make_corpus({"sources/a.yaml": text})
    factcheck.load(root)
    (root / "sources" / "a.yaml").rename(root / "sources" / "renamed.yaml")
    corpus = factcheck.load(root)
    assert [Path(e.file).name for e in corpus.errors] == ["renamed.yaml"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"",
        lambda b: b[: len(b) // 2],
        lambda b: b"not a pickle at all",
        lambda b: bytes(x ^ 0x55 for x in b),
    ],
    ids=["empty", "truncated", "garbage", "scrambled"],
)
def test_a_damaged_entry_is_a_miss(root: Path, damage: Any) -> None:
    clean = _snapshot(factcheck.load(root))
    for entry in _entries(root):
        entry.write_bytes(damage(entry.read_bytes()))
    assert _snapshot(factcheck.load(root)) == clean
    # ... and was rewritten whole.
    assert _snapshot(factcheck.load(root)) == clean
    assert all(FileCache.loads(e.read_bytes(), e.name) is not None for e in _entries(root))


def test_an_entry_under_the_wrong_key_is_refused(root: Path) -> None:
    factcheck.load(root)
    a, b = sorted(_entries(root))[:2]
    b.write_bytes(a.read_bytes())
    assert FileCache.loads(b.read_bytes(), b.name) is None


def test_cache_can_be_deleted_disabled_or_moved(root: Path, tmp_path: Path) -> None:
    clean = _snapshot(factcheck.load(root, cache=False))
    assert not (root / CACHE_DIR).exists()
    factcheck.load(root)
    (root / CACHE_DIR).rename(tmp_path / "gone")
    assert _snapshot(factcheck.load(root)) == clean
    elsewhere = tmp_path / "elsewhere"
    assert _snapshot(factcheck.load(root, cache=elsewhere)) == clean
    assert any(elsewhere.rglob("*"))


def test_cache_dir_is_never_read_as_facts(root: Path) -> None:
    factcheck.load(root)
    corpus = factcheck.load(root)
    assert not any(CACHE_DIR in f for f in corpus.files)
    assert (root / CACHE_DIR / ".gitignore").read_text() == "*\n"


def test_errors_are_cached_too(make_corpus: MakeCorpus) -> None:
    root = make_corpus(
        {"sources/a.yaml": source_yaml("a", CLAIMS + "  subject: twice\n"), "bad.yaml": "a: [\n"}
    )
    first = factcheck.load(root).errors
    assert first and factcheck.load(root).errors == first


def test_unwritable_cache_still_loads(root: Path) -> None:
    (root / CACHE_DIR).write_text("a file where the directory should be")
    corpus = factcheck.load(root)
    assert corpus.errors == [] and len(corpus.facts) == 4


def _many_sources(make_corpus: MakeCorpus, n: int) -> Path:
    files = {
        f"sources/s{i:03d}.yaml": source_yaml(
            f"s{i:03d}", CLAIMS.replace("40,000", f"{40_000 + i * 1000:,}")
        )
        for i in range(n)
    }
    files["sources/broken.yaml"] = "source: [\n"
    return make_corpus(files)


@pytest.mark.parametrize("cache", [False, True])
def test_parallel_load_equals_serial(make_corpus: MakeCorpus, cache: bool) -> None:
    root = _many_sources(make_corpus, loader._PARALLEL_MIN_FILES + 6)
    serial = factcheck.load(root, cache=False, workers=1)
    parallel = factcheck.load(root, cache=cache, workers=2)
    assert _snapshot(parallel) == _snapshot(serial)
    assert factcheck.audit(parallel) == factcheck.audit(serial)
    if cache:  # the workers filled the cache (files, each source's resolved claims)
        assert len(_entries(root)) == loader._PARALLEL_MIN_FILES + 6 + 3 + 70


# --- the fast tree builder is the careful one, minus the bookkeeping -------------------

_scalars = st.one_of(
    st.sampled_from(
        [
            "1",
            "2023-01",
            "yes",
            "~",
            "1.5e3",
            "'*'",
            '"q"',
            "a b",
            "true",
            "-7",
            "*x",
            "+3",
            ".5",
            "-.5e2",
            "1.",
            "0x1F",
            "-",
            "-a",
            "Null",
            "FALSE",
            "1_000",
            "12:30",
        ]
    ),
    st.from_regex(r"[a-z][a-z0-9 ]{0,8}", fullmatch=True),
)
_keys = st.sampled_from(["a", "b", "c", "id", "value"])


def _tree(depth: int) -> st.SearchStrategy[str]:
    if depth == 0:
        return _scalars
    child = _tree(depth - 1)
    flow_seq = st.lists(child, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]")
    flow_map = st.lists(st.tuples(_keys, child), max_size=3).map(
        lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"
    )
    return st.one_of(_scalars, flow_seq, flow_map)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_keys, _tree(3), st.sampled_from(["", "!!str ", "&x ", "!t "]))))
def test_fast_build_equals_careful_build(items: list[tuple[str, str, str]]) -> None:
    text = "".join(f"{k}: {prefix}{v}\n" for k, v, prefix in items) or "{}\n"
    try:
        node = yaml.compose(text, Loader=_yaml._Loader)
    except yaml.YAMLError:
        return
    errors: list[factcheck.LoadError] = []
    careful = _yaml._build(node, "f", "", 0, errors, set())
    value, fast_errors = _yaml.parse(text, "f")
    assert (value, fast_errors) == (careful, errors)
    assert _lines(value) == _lines(careful)


def _lines(v: Any) -> Any:
    if isinstance(v, _yaml.YamlMap):
        return (v.line, dict(v.key_lines), {k: _lines(x) for k, x in v.items()})
    if isinstance(v, _yaml.YamlSeq):
        return (v.line, list(v.item_lines), [_lines(x) for x in v])
    return v


def test_parallel_load_without_a_signing_key(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No usable key (say, a read-only home): nothing is cached, but the workers' answers
    # still reach the parent, which parses nothing itself but the entities and properties
    # (the workers need them to resolve claims).
    root = _many_sources(make_corpus, loader._PARALLEL_MIN_FILES + 1)
    serial = factcheck.load(root, cache=False, workers=1)
    monkeypatch.setattr(cache_module, "_secret", lambda: None)
    parsed_here: list[str] = []
    real = loader._from_bytes
    monkeypatch.setattr(
        loader,
        "_from_bytes",
        lambda data, display: parsed_here.append(display) or real(data, display),
    )
    parallel = factcheck.load(root, workers=2)
    assert sorted(Path(p).name for p in parsed_here) == ["entities.yaml", "properties.yaml"]
    assert _snapshot(parallel) == _snapshot(serial)
    assert _entries(root) == [] and _keystores(root) == []


@pytest.mark.parametrize("cache", [False, True])
def test_workers_resolve_the_claims(
    make_corpus: MakeCorpus, monkeypatch: pytest.MonkeyPatch, cache: bool
) -> None:
    # Forked workers hold the entities and properties, so the parent resolves no claim.
    root = _many_sources(make_corpus, loader._PARALLEL_MIN_FILES + 1)
    serial = factcheck.load(root, cache=False, workers=1)
    resolved_here: list[str] = []
    real = corpus_module.resolve_source
    monkeypatch.setattr(
        corpus_module,
        "resolve_source",
        lambda corpus, sf, places: resolved_here.append(sf.source.id) or real(corpus, sf, places),
    )
    parallel = factcheck.load(root, cache=cache, workers=2)
    assert resolved_here == []
    assert _snapshot(parallel) == _snapshot(serial)
    assert factcheck.audit(parallel) == factcheck.audit(serial)


def test_a_vocabulary_the_parent_cannot_spot(make_corpus: MakeCorpus) -> None:
    # Written in flow style, the entities are not recognised before parsing: the workers
    # resolve with the wrong vocabulary, under a context that is never asked for, and the
    # parent resolves everything again. Same result, every time.
    root = _many_sources(make_corpus, loader._PARALLEL_MIN_FILES + 1)
    entities = root / "entities.yaml"
    data = factcheck.load(root, cache=False).entities
    flow = yaml.safe_dump(yaml.safe_load(entities.read_text()), default_flow_style=True)
    assert flow.startswith("{entities:")
    entities.write_text(flow, encoding="utf-8")
    serial = factcheck.load(root, cache=False, workers=1)
    assert serial.entities == data
    for cache in (True, True, False):
        parallel = factcheck.load(root, cache=cache, workers=2)
        assert _snapshot(parallel) == _snapshot(serial)


# --- a stored audit result: reused only while nothing it depends on changed ------------

RULES = """\
rules:
  - {id: capacity-agrees, kind: agree, select: {property: capacity}, description: agree}
"""


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from factcheck.cli import main

    code = main(argv)
    return code, capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "markdown"])
def test_unchanged_corpus_reuses_the_audit(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    (root / "rules.yaml").write_text(RULES, encoding="utf-8")
    argv = ["audit", str(root), "--format", fmt]
    first = _cli(argv, capsys)
    assert first[0] == 1  # a and b disagree on capacity
    monkeypatch.setattr(loader, "load", lambda *a, **k: pytest.fail("loaded again"))
    monkeypatch.setattr("factcheck.cli.load", lambda *a, **k: pytest.fail("loaded again"))
    assert _cli(argv, capsys) == first


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "sources" / "a.yaml").write_text(
            (root / "sources" / "a.yaml").read_text().replace("40,000", "20,000")
        ),
        lambda root: (root / "sources" / "b.yaml").unlink(),
        lambda root: (root / "rules.yaml").write_text(RULES.replace("error", "warning")),
        lambda root: (root / "sources" / "c.yaml").write_text(source_yaml("c", CLAIMS)),
    ],
    ids=["edited", "deleted", "rules-edited", "added"],
)
def test_any_change_audits_again(
    root: Path, capsys: pytest.CaptureFixture[str], change: Any
) -> None:
    (root / "rules.yaml").write_text(RULES, encoding="utf-8")
    argv = ["audit", str(root), "--format", "json"]
    _cli(argv, capsys)
    change(root)
    again = _cli(argv, capsys)
    # What a fresh audit without any cache says.
    shutil.rmtree(root / CACHE_DIR)
    assert again == _cli(argv, capsys)


def test_stored_result_depends_on_the_date_and_options(root: Path) -> None:
    from datetime import date

    def at(variant: str, day: int) -> memo.AuditMemo:
        return memo.AuditMemo(loader.scan(root), variant, today=date(2025, 1, day))

    stored = at("drafts=False", 1)
    corpus = factcheck.load(root)
    stored.put(factcheck.audit(corpus), corpus)
    assert at("drafts=False", 1).get() is not None
    assert at("drafts=False", 2).get() is None
    assert at("drafts=True", 1).get() is None
    hit = at("drafts=False", 1).get()
    assert hit is not None and hit[1].facts == [] and hit[1].properties == corpus.properties


def test_html_and_snapshots_are_never_reused(
    root: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from factcheck.cli import main

    calls: list[object] = []
    real = memo.AuditMemo
    monkeypatch.setattr("factcheck.cli.AuditMemo", lambda *a, **k: calls.append(a) or real(*a, **k))
    (tmp_path / "snap").mkdir()
    main(["audit", str(root), "--format", "html"])
    main(["audit", str(root), "--sources", str(tmp_path / "snap")])
    assert calls == []


def test_the_audit_reads_each_file_once(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The stored-result check and the load share one scan of the corpus.
    reads: list[str] = []
    real = loader._read_bytes

    def counting(path: Path, display: str) -> tuple[bytes | None, list[factcheck.LoadError]]:
        reads.append(display)
        return real(path, display)

    monkeypatch.setattr(loader, "_read_bytes", counting)
    code, _ = _cli(["audit", str(root), "--format", "json"], capsys)
    assert code == 0
    assert sorted(reads) == sorted(set(reads)) and len(reads) == len(list(root.rglob("*.yaml")))


@settings(max_examples=50, deadline=None)
@given(fst.corpora(max_sources=2, with_waivers=True, varied_rules=True))
def test_models_come_back_from_the_cache_unchanged(corpus: factcheck.Corpus) -> None:
    # Unpickling (model._Model.__setstate__) sets the fields of claims and periods one by
    # one and gives the other models their dict whole: nothing may differ either way.
    models: list[Any] = [*corpus.entities.values(), *corpus.properties.values(), *corpus.rules]
    models += corpus.waivers
    for sf in corpus.sources.values():
        models += [sf, sf.source, *sf.claims]
    for model in models:
        back = pickle.loads(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == model and repr(back) == repr(model)
        assert back.model_dump() == model.model_dump()
        assert back.model_fields_set == model.model_fields_set


def test_claims_from_the_cache_share_their_field_names() -> None:
    """A loaded claim takes some 200 bytes less than a validated one: its fields
    live in a table whose names all claims share, not in a dict of their own."""
    data = [
        {"id": f"c{i}", "subject": "cecot", "property": "capacity", "value": i, "quote": "q"}
        for i in range(2000)
    ]
    blob = pickle.dumps([Claim.model_validate(d) for d in data])

    def bytes_per_claim(make: Callable[[], list[Claim]]) -> float:
        tracemalloc.start()
        try:
            made = make()
            return tracemalloc.get_traced_memory()[0] / len(made)
        finally:
            tracemalloc.stop()

    validated = bytes_per_claim(lambda: [Claim.model_validate(d) for d in data])
    loaded = bytes_per_claim(lambda: pickle.loads(blob))
    assert loaded < validated - 150
