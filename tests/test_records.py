"""Readings as store rows and back (factcheck.io.records): nothing is lost or changed."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.domain.model import SourceFile
from factcheck.io import load as loader
from factcheck.io import parse, records
from factcheck.io.claim_index import encode_index
from factcheck.io.discovery import scan
from factcheck.testing import strategies as fst

from .conftest import open_store, source_yaml

SEED = Path(__file__).resolve().parents[1] / "facts"


def _readings(root: Path) -> list[tuple[str, bytes, str]]:
    sc = scan(root)
    return [
        (name, data, key)
        for name, data, key in zip(sc.names, sc.contents, sc.store_keys(), strict=True)
        if data is not None and key is not None
    ]


def _same(a: parse.Reading, b: parse.Reading) -> None:
    assert (a.kind, a.parsed, a.errors, a.indexes) == (b.kind, b.parsed, b.errors, b.indexes)
    assert a.positions == b.positions
    if a.positions is not None:
        assert getattr(a.positions, "key_lines", None) == getattr(b.positions, "key_lines", None)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fst.corpora(varied_rules=True, with_waivers=True))
def test_rows_give_back_the_reading_they_were_made_from(corpus: factcheck.Corpus) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = factcheck.dump(corpus, tmp)
        for name, data, key in _readings(root):
            direct = parse.parse_file(data, name)
            _same(records.from_row(records.to_row(key, direct)), direct)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fst.corpora(varied_rules=True, with_waivers=True), st.data())
def test_a_row_read_now_gives_the_claims_taken_as_the_stored_row_does(
    corpus: factcheck.Corpus, data: st.DataObject
) -> None:
    # The hook cuts the files it reads now to the claims in reach from this run's rows
    # (from_fresh), and stored files from the store's: the same reading either way.
    with tempfile.TemporaryDirectory() as tmp:
        root = factcheck.dump(corpus, tmp)
        with open_store(Path(tmp) / "store") as store:
            rows = [row for _, row in records.read_rows(store, _readings(root))]
            with store.snapshot():
                for row in rows:
                    rec = records.file_record(row)
                    n = len(rec.index)
                    only = data.draw(st.sets(st.integers(0, n - 1)) if n else st.just(set()))
                    cut = records.from_fresh(rec, row[3], only)
                    _same(cut, records.readings(store, [rec], {rec.key: only})[rec.key])
                    if isinstance(cut.parsed, SourceFile):
                        assert cut.indexes == tuple(sorted(only))
                    _same(records.from_fresh(rec, row[3], None), records.from_row(row))


@pytest.mark.parametrize("text", ["claims: 5\nsource: {id: x}\n", "source: [\n", "- a\n"])
def test_broken_files_round_trip_with_their_errors(tmp_path: Path, text: str) -> None:
    direct = parse.parse_file(text.encode(), "f.yaml")
    _same(records.from_row(records.to_row("k", direct)), direct)
    assert direct.errors


def _snapshot(corpus: factcheck.Corpus) -> Any:
    return (
        [(f.ref, f.file, f.line, repr(f.value)) for f in corpus],
        corpus.errors,
        corpus.files,
    )


def test_worker_processes_read_as_this_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    serial = factcheck.load(SEED)
    monkeypatch.setattr(records, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(loader, "_PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(records, "_cpus", lambda: 2)
    parallel = factcheck.load(SEED)
    assert _snapshot(parallel) == _snapshot(serial)
    assert factcheck.audit(parallel) == factcheck.audit(serial)


_ONE_CLAIM = json.dumps(
    {"kind": "source", "errors": 0, "index": encode_index([["cecot", "capacity", 1, "exact"]])}
).encode()
#: A body with one load error, and no model.
_ONE_ERROR = b'{"errors": [["f", 3, "", "m"]], "positions": ["v", null]}'


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (b"{}", b"{}"),
        (b'{"kind": "source", "errors": 0, "index": [["cecot", "capacity", 1, "exact"]]}', b"{}"),
        (b'{"kind": "bogus", "errors": 0}', b'{"errors": [], "positions": ["v", null]}'),
        (
            b'{"kind": "source", "errors": 0, "index": []}',
            b'{"errors": [], "positions": ["x", 1], "source": {}}',
        ),
        (
            b'{"kind": null, "errors": 1}',
            b'{"errors": [["f", -3, "", "m"]], "positions": ["v", null]}',
        ),
        # The count of load errors: missing, not a count, or not the body's.
        (b'{"kind": null}', _ONE_ERROR),
        (b'{"kind": null, "errors": -1}', _ONE_ERROR),
        (b'{"kind": null, "errors": "1"}', _ONE_ERROR),
        (b'{"kind": null, "errors": true}', _ONE_ERROR),
        (b'{"kind": null, "errors": 0}', _ONE_ERROR),
        (b'{"kind": null, "errors": 2}', _ONE_ERROR),
        (_ONE_CLAIM, b"[1, 2]"),
        (
            _ONE_CLAIM,
            b'{"errors": [], "positions": ["m", 1, {}, {"source": ["m", 1, {}, {}], '
            b'"claims": ["s", 2, [3], []]}], "source": {"id": "x"}, "claims": []}',
        ),
        (b"[1, 2]", b"{}"),
    ],
)
def test_malformed_rows_raise_and_are_misses(head: bytes, body: bytes) -> None:
    with pytest.raises(records._ERRORS):
        records.from_row(("k", "", head, body))


@pytest.mark.parametrize(
    "text",
    [
        "source: [\n",
        "- a\n",
        source_yaml("s", "- {id: x, subject: cecot, property: capacity, quote: no value}"),
        source_yaml("s", "- {id: x, subject: cecot, property: capacity, value: 1, quote: q}"),
    ],
)
def test_a_head_counts_the_load_errors_of_its_file(text: str) -> None:
    # What a hook knows of a file it does not take: whether reading it gave errors.
    direct = parse.parse_file(text.encode(), "f.yaml")
    row = records.to_row("k", direct)
    assert records.file_record(row).errors == len(direct.errors)
    assert records.from_row(row).errors == direct.errors
    # The well-formed twin of the bad counts above reads.
    assert len(records.from_row(("k", "", b'{"kind": null, "errors": 1}', _ONE_ERROR)).errors) == 1


@pytest.mark.parametrize("root", [SEED, "generated"])
def test_a_warm_load_reads_no_file_again(
    root: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Served from the store means served: a row that always fails its checks would keep
    # every answer right and every run slow, which only this notices.

    if root == "generated":
        import importlib.util
        import sys

        gen = SEED.parent / "benchmarks" / "generate.py"
        spec = importlib.util.spec_from_file_location("bench_generate_records", gen)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        module.generate(tmp_path / "gen", 1200, 1, 0.5)
        root = tmp_path / "gen" / "facts"
    with open_store(tmp_path / "store") as store:
        factcheck.load(root, store=store)
        parsed: list[str] = []
        real = parse.parse_file

        def spy(data: bytes, name: str) -> parse.Reading:
            parsed.append(name)
            return real(data, name)

        monkeypatch.setattr(records, "parse_file", spy)
        warm = factcheck.load(root, store=store)
    assert parsed == []
    assert _snapshot(warm) == _snapshot(factcheck.load(root))


def _source_row() -> tuple[str, str, bytes, bytes]:
    path = max((SEED / "sources").glob("*.yaml"), key=lambda p: p.stat().st_size)
    row = records.to_row("k", parse.parse_file(path.read_bytes(), str(path)))
    assert row[3].count(b"\n") >= 10  # one line per claim
    return row


@settings(max_examples=40, deadline=None)
@given(st.sets(st.integers(0, 200)))
def test_a_partial_reading_is_the_whole_one_cut_down(only: set[int]) -> None:
    key, sid, head, body = _source_row()
    rec = records._record(key, sid, head)
    only = {i for i in only if i < len(rec.index)}
    whole = records.reading(rec, body, None)
    part = records.reading(rec, body, only)
    kept = sorted(only)
    assert part.indexes == tuple(kept)
    assert isinstance(whole.parsed, SourceFile) and isinstance(part.parsed, SourceFile)
    assert part.parsed.claims == [whole.parsed.claims[i] for i in kept]
    assert part.positions is not None and whole.positions is not None
    assert list(part.positions["claims"]) == [whole.positions["claims"][i] for i in kept]
    assert part.errors == whole.errors


def test_a_partial_reading_decodes_only_the_lines_it_takes() -> None:
    key, sid, head, body = _source_row()
    rec = records._record(key, sid, head)
    first, *lines = body.split(b"\n")
    assert rec.index.entry(1) is not None
    lines[1] = b"{not json"
    broken = b"\n".join([first, *lines])
    assert records.reading(rec, broken, {0, 2}).indexes == (0, 2)
    with pytest.raises(records._ERRORS):
        records.reading(rec, broken, {1})
    with pytest.raises(records._ERRORS):
        records.reading(rec, broken, None)


@pytest.mark.parametrize("many", [False, True])
def test_reading_fresh_files_lets_go_of_their_bytes(tmp_path: Path, many: bool) -> None:
    # In this process (a few files) or in worker processes (many): the list handed over
    # is emptied, so each file's bytes go once read, and the readings come back in order.
    count = records.PARALLEL_MIN_FILES if many else 2
    items = [
        (f"s{i}.yaml", f"source: {{id: s{i}, title: t, basis: b, kind: reference}}\n".encode(), "")
        for i in range(count)
    ]
    read = [made or records.from_row(row) for made, row in records.read_fresh(items)]
    got = [reading.parsed.source.id for reading in read]  # type: ignore[union-attr]
    assert items == []
    assert got == [f"s{i}" for i in range(count)]


@pytest.mark.parametrize(
    ("value", "entry"),
    [
        (["2020", 2021], ("s", "p", ("2020", 2021), "between")),
        ([2020, "2021-05"], ("s", "p", (2020, "2021-05"), "between")),
        ([2020], None),
        (["2020", "2021", "2022"], None),
        (["2020", 1.5], None),
        ([None, "2020"], None),
        ([["2020"], "2021"], None),
    ],
)
def test_an_index_date_range_is_two_dates_or_a_miss(value: list[Any], entry: Any) -> None:
    index = encode_index([["s", "p", value, "between"]])
    head = json.dumps({"kind": "source", "errors": 0, "index": index}).encode()
    if entry is None:
        with pytest.raises(records._ERRORS):
            records._record("k", "", head)
    else:
        assert records._record("k", "", head).index.entry(0) == entry
