"""Loading a corpus: positions, and every problem reported with file, line and field."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck import FactcheckError
from factcheck import hook as partial
from factcheck.io import assemble, discovery
from factcheck.io import load as loader

from .conftest import CLAIMS, MakeCorpus, source_yaml

GOOD = CLAIMS


def test_loads_facts_with_positions(make_corpus: MakeCorpus) -> None:
    root = make_corpus({"sources/a.yaml": source_yaml("a", GOOD)})
    corpus = factcheck.load(root)
    assert corpus.errors == []
    cap = corpus.fact("a/cap")
    assert cap.subject == "cecot"  # resolved through the alias
    assert cap.line == 7 and cap.quote_line == 11
    assert cap.file == str(root / "sources" / "a.yaml")
    assert cap.value == factcheck.Interval.point(40000)
    assert corpus.fact("a/open").claim.value == "2023-01"  # dates stay text


def test_a_load_uses_the_bytes_its_scan_read(make_corpus: MakeCorpus) -> None:
    # What the store keys and what the corpus holds come from one reading of each file:
    # a file changed after the scan changes neither.
    root = make_corpus({"sources/a.yaml": source_yaml("a", GOOD)})
    scanned = discovery.scan(root)
    keys, state = scanned.store_keys(), scanned.state()
    path = root / "sources" / "a.yaml"
    path.write_text(path.read_text().replace("40000", "50000") + "# edited\n")
    corpus = factcheck.load(root, scanned=scanned)
    assert corpus.fact("a/cap").value == factcheck.Interval.point(40000)
    assert scanned.store_keys() == keys and scanned.state() == state
    assert discovery.scan(root).state() != state


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        (
            GOOD + "  qoute: x\n",
            17,
            "claims[1].qoute",
            "unknown field 'qoute' (did you mean 'quote'?)",
        ),
        (
            GOOD.replace("subject: cecot", "subject: cecott"),
            13,
            "claims[1].subject",
            "did you mean 'cecot'?",
        ),
        (
            GOOD.replace("property: opened", "property: opend"),
            14,
            "claims[1].property",
            "did you mean 'opened'?",
        ),
        (
            GOOD.replace("value: 2023-01", "value: 2023-13"),
            15,
            "claims[1].value",
            "month out of range",
        ),
        (
            GOOD.replace("value: 40,000", "value: lots"),
            10,
            "claims[0].value",
            "cannot read quantity",
        ),
        (GOOD.replace("id: open", "id: cap"), 12, "claims[1].id", "duplicate claim id 'cap'"),
        (
            GOOD.replace("  quote: opened in January 2023\n", ""),
            12,
            "claims[1].quote",
            "missing required field 'quote'",
        ),
        (GOOD + "  subject: again\n", 17, "claims[1].subject", "duplicate key 'subject'"),
        (
            GOOD.replace("value: 2023-01", "value: !!timestamp 2023-01-01"),
            15,
            "claims[1].value",
            "tags are not allowed",
        ),
        (
            GOOD.replace("value: 40,000", "value: 40,000\n  hedge: roughly-ish"),
            11,
            "claims[0].hedge",
            "unknown hedge",
        ),
    ],
)
def test_errors_name_file_line_and_field(
    make_corpus: MakeCorpus, text: str, line: int, field: str, message: str
) -> None:
    root = make_corpus({"sources/a.yaml": source_yaml("a", text)})
    corpus = factcheck.load(root)
    [error] = corpus.errors
    assert (error.line, error.field) == (line, field)
    assert message in error.message
    assert str(error).startswith(f"{root / 'sources' / 'a.yaml'}:{line}: {field}: ")


def test_one_bad_claim_does_not_hide_the_others(make_corpus: MakeCorpus) -> None:
    root = make_corpus({"sources/a.yaml": source_yaml("a", GOOD + "- id: bad\n  nonsense: 1\n")})
    corpus = factcheck.load(root)
    assert [f.ref for f in corpus.facts] == ["a/cap", "a/open"]
    assert {e.field for e in corpus.errors} == {
        "claims[2].nonsense",
        "claims[2].subject",
        "claims[2].property",
        "claims[2].value",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty file"),
        ("- 1\n- 2\n", "not a fact file"),
        ("hello: world\n", "not a fact file"),
        ("a: [1,\n", "YAML syntax error"),
    ],
)
def test_files_that_are_not_fact_files(make_corpus: MakeCorpus, text: str, message: str) -> None:
    root = make_corpus({"sources/x.yaml": text})
    corpus = factcheck.load(root)
    assert len(corpus.errors) == 1
    assert message in corpus.errors[0].message


def test_duplicate_source_ids(make_corpus: MakeCorpus) -> None:
    root = make_corpus(
        {"sources/a.yaml": source_yaml("a", GOOD), "sources/b.yaml": source_yaml("a", GOOD)}
    )
    corpus = factcheck.load(root)
    [error] = corpus.errors
    assert "duplicate source id 'a'" in error.message and error.file.endswith("b.yaml")


def test_missing_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="no such corpus directory"):
        factcheck.load(tmp_path / "nope")


def test_strict_raises_with_every_error(make_corpus: MakeCorpus) -> None:
    root = make_corpus({"sources/a.yaml": source_yaml("a", GOOD.replace("cecot", "nowhere"))})
    with pytest.raises(FactcheckError) as info:
        factcheck.load(root, strict=True)
    assert len(info.value.errors) == 1


def test_import_stays_light() -> None:
    import subprocess
    import sys

    code = "import sys, factcheck; print('pytest' in sys.modules, 'hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


#: What `import factcheck` leaves for first use (PEP 562 in factcheck/__init__.py): pydantic
#: and the models, YAML and the loader, the engine and its check kinds, and importlib.abc
#: (with importlib.resources and tempfile) that the old-names finder no longer subclasses.
DEFERRED = (
    "pydantic",
    "yaml",
    "importlib.abc",
    "importlib.metadata",
    "tempfile",
    "factcheck.domain.model",
    "factcheck.domain.corpus",
    "factcheck.io.load",
    "factcheck.io.dump",
    "factcheck.rules.engine",
    "factcheck.rules.registry",
    "factcheck.extract",
)


def test_import_defers_the_models_loader_and_checks_to_first_use() -> None:
    import subprocess
    import sys

    code = f"import sys, factcheck; print([m for m in {DEFERRED!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_every_public_name_is_listed_and_is_the_one_its_module_defines() -> None:
    import importlib

    for name in factcheck.__all__:
        assert name in dir(factcheck)
        value = getattr(factcheck, name)
        if name != "__version__":
            module = factcheck._LAZY[name]
            assert value is getattr(importlib.import_module(module), name)
    with pytest.raises(AttributeError, match="no_such_name"):
        factcheck.no_such_name  # noqa: B018


def test_an_empty_directory_is_an_error_not_a_clean_audit(tmp_path: Path) -> None:
    corpus = factcheck.load(tmp_path)
    [error] = corpus.errors
    assert error.file == str(tmp_path) and "no fact files" in error.message
    assert factcheck.audit(corpus).exit_code == 2


def test_fact_files_are_listed_top_down_in_name_order(tmp_path: Path) -> None:
    for name in ["z.yaml", "a/x.yaml", "a/b/y.yml", "a/c/q.yaml", "b/r.yaml", "a/a.yaml"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    for skipped in [".hidden/s.yaml", "a/.h.yaml", "a/notes.txt"]:
        (tmp_path / skipped).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / skipped).write_text("x: 1\n", encoding="utf-8")
    files, errors = discovery.iter_fact_files(tmp_path)
    # A directory's own files first, then each subdirectory in full, as os.walk goes.
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "z.yaml",
        "a/a.yaml",
        "a/x.yaml",
        "a/b/y.yml",
        "a/c/q.yaml",
        "b/r.yaml",
    ]
    assert errors == []


@pytest.mark.parametrize("entry", ["load", "load_around"])
def test_loading_runs_with_the_collector_paused(
    make_corpus: MakeCorpus, entry: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Loading builds objects that live on; a collection would walk all of them again.
    root = make_corpus({"sources/a.yaml": source_yaml("a", CLAIMS)})
    seen: list[bool] = []
    real = assemble.merge

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(assemble, "merge", spy)
    if entry == "load":
        corpus = loader.load(root)
    else:
        corpus = partial.load_around(root, [root / "sources" / "a.yaml"]).corpus
    assert corpus.facts and gc.isenabled()
    assert seen and not any(seen)


def test_a_scan_names_its_files_once(make_corpus: MakeCorpus) -> None:
    # A list of the names made at each use, taken once per file, made a load quadratic
    # in the number of files (17 s of the parent's CPU at 1M claims).
    files = {f"sources/s{i:03}.yaml": source_yaml(f"s{i:03}", GOOD) for i in range(70)}
    root = make_corpus(files)
    sc = discovery.scan(root)
    assert sc.names is sc.names
    assert sc.names == tuple(str(f) for f in sc.files)
    corpus = factcheck.load(root, scanned=sc)
    assert len(corpus.sources) == 70
    assert corpus.files == list(sc.names)
