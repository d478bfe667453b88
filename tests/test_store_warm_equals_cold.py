"""An answer served from the store always equals a cold run.

A Hypothesis state machine edits a corpus the way people and tools do (edits, same-size
edits with the modification time put back, renames, deletions, swaps, files that do not
validate and their repair, an edit while a run is under way, a damaged database, a
baseline of the findings of the moment), runs hooks side by side and kills runs with
SIGKILL while they write, and after every step compares every warm answer (the library
with a store, the hook's partial load, the command line's stored report and its check
of each file) with a cold one. Separate tests run eight hooks at once on one cold store,
round after round, and kill larger runs while they write.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

import factcheck
from factcheck import cli
from factcheck.baseline import DEFAULT_NAME, dumps
from factcheck.hook import load_around
from factcheck.io.discovery import scan
from factcheck.store import CACHE_DIR

from .conftest import ENTITIES, PROPERTIES, open_store, source_yaml

RULES = """\
rules:
  - {id: capacity-agrees, kind: agree, select: {property: capacity},
     description: sources agree on capacity}
  - {id: inmates-within-capacity, kind: bound, select: {property: inmates},
     params: {max: capacity}, description: inmates do not exceed capacity}
"""

_HEDGES = ["exact", "about", "more-than", "less-than", "at-most"]
_CLAIM = st.tuples(
    st.sampled_from(["capacity", "inmates"]),
    st.sampled_from([20000, 40000, 40001, 80000]),
    st.sampled_from(_HEDGES),
    st.sampled_from(["cecot", "CECOT", "cecott"]),  # an alias, and an unknown entity
)


def _source(sid: str, claims: list[tuple[str, int, str, str]]) -> str:
    body = "".join(
        f"  - id: c{i}\n    subject: {subject}\n    property: {prop}\n    value: {value}\n"
        f"    hedge: {hedge}\n    quote: says {value}\n"
        for i, (prop, value, hedge, subject) in enumerate(claims)
    )
    return source_yaml(sid, body)


def _snapshot(corpus: factcheck.Corpus) -> Any:
    return (
        sorted((f.ref, f.file, f.line, f.quote_line, repr(f.value), f.subject) for f in corpus),
        sorted(str(e) for e in corpus.errors),
        corpus.files,
    )


def _about(result: factcheck.AuditResult, file: str) -> Any:
    return (
        sorted(repr(c) for c in result.conflicts if any(x.file == file for x in c.disputed)),
        sorted(str(e) for e in result.errors if e.file == file),
    )


def _cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = cli.main(list(args))
    return code, out.getvalue()


class WarmEqualsCold(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="fc-stateful-"))
        self.root = self.tmp / "facts"
        (self.root / "sources").mkdir(parents=True)
        for name, text in (
            ("entities.yaml", ENTITIES),
            ("properties.yaml", PROPERTIES),
            ("rules.yaml", RULES),
        ):
            (self.root / name).write_text(text)
        self.serial = 0

    def teardown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _sources(self) -> list[Path]:
        return sorted((self.root / "sources").glob("*.yaml"))

    @initialize(baselined=st.booleans())
    def start(self, baselined: bool) -> None:
        # Half the runs start from two sources in conflict that a baseline knows: an edit
        # or a deletion leaves its entry stale.
        if baselined:
            for value in (20000, 80000):
                self.serial += 1
                sid = f"s{self.serial}"
                claims = [("capacity", value, "exact", "cecot")]
                (self.root / "sources" / f"{sid}.yaml").write_text(_source(sid, claims))
            assert self._write_baseline() == 1

    def _write_baseline(self) -> int:
        findings = factcheck.audit(factcheck.load(self.root)).conflicts
        (self.root / DEFAULT_NAME).write_text(dumps(findings))
        return len(findings)

    @rule(claims=st.lists(_CLAIM, min_size=1, max_size=4))
    def add(self, claims: list[tuple[str, int, str, str]]) -> None:
        self.serial += 1
        sid = f"s{self.serial}"
        (self.root / "sources" / f"{sid}.yaml").write_text(_source(sid, claims))

    @rule()
    def add_invalid(self) -> None:
        # A claim without its value: an error of reading the file, and no claim in reach.
        self.serial += 1
        sid = f"s{self.serial}"
        claim = "- {id: c0, subject: cecot, property: capacity, quote: says nothing}"
        (self.root / "sources" / f"{sid}.yaml").write_text(source_yaml(sid, claim))

    @rule()
    def repair(self) -> None:
        # No load error is left: the unknown entity corrected, the invalid files gone.
        for path in self._sources():
            text = path.read_text()
            if "says nothing" in text:
                path.unlink()
            else:
                path.write_text(text.replace("subject: cecott", "subject: cecot"))

    @rule()
    def write_baseline(self) -> None:
        # Today's findings become known (as `factcheck baseline` writes them; written
        # while files have load errors too, as a baseline of an earlier state is): later
        # edits leave entries stale, shown only when the corpus has no load error.
        self._write_baseline()

    @precondition(lambda self: self._sources())
    @rule(data=st.data(), claims=st.lists(_CLAIM, min_size=1, max_size=4))
    def edit(self, data: st.DataObject, claims: list[tuple[str, int, str, str]]) -> None:
        path = data.draw(st.sampled_from(self._sources()))
        sid = path.read_text().split("id: ", 1)[1].split("\n", 1)[0]
        path.write_text(_source(sid, claims))

    @precondition(lambda self: self._sources())
    @rule(data=st.data())
    def same_size_edit_with_mtime_restored(self, data: st.DataObject) -> None:
        # The edit a stat-based cache cannot see: same size, same modification time.
        path = data.draw(st.sampled_from(self._sources()))
        st_before = path.stat()
        text = path.read_text()
        swapped = (
            text.replace("40000", "80000", 1)
            if "40000" in text
            else text.replace("80000", "40000", 1)
        )
        path.write_text(swapped)
        os.utime(path, ns=(st_before.st_atime_ns, st_before.st_mtime_ns))

    @precondition(lambda self: self._sources())
    @rule(data=st.data())
    def rename(self, data: st.DataObject) -> None:
        path = data.draw(st.sampled_from(self._sources()))
        self.serial += 1
        path.rename(path.with_name(f"renamed-{self.serial}.yaml"))

    @precondition(lambda self: self._sources())
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        data.draw(st.sampled_from(self._sources())).unlink()

    @precondition(lambda self: len(self._sources()) >= 2)
    @rule(data=st.data())
    def swap(self, data: st.DataObject) -> None:
        a, b = data.draw(
            st.lists(st.sampled_from(self._sources()), min_size=2, max_size=2, unique=True)
        )
        ta, tb = a.read_bytes(), b.read_bytes()
        a.write_bytes(tb)
        b.write_bytes(ta)

    @precondition(lambda self: self._sources())
    @rule(data=st.data(), claims=st.lists(_CLAIM, min_size=1, max_size=3))
    def edit_during_a_run(
        self, data: st.DataObject, claims: list[tuple[str, int, str, str]]
    ) -> None:
        # The files change after the run read them: what it stores must be what it read.
        path = data.draw(st.sampled_from(self._sources()))
        scanned = scan(self.root)
        again = dataclasses.replace(scanned, contents=list(scanned.contents))
        path.write_text(_source("during", claims))
        with open_store(self.root / CACHE_DIR) as store:
            warm = factcheck.load(self.root, store=store, scanned=scanned)
        assert _snapshot(warm) == _snapshot(factcheck.load(self.root, scanned=again))

    @rule(claim=_CLAIM)
    def definitions_change(self, claim: tuple[str, int, str, str]) -> None:
        # A new alias moves which claims resolve to which entity.
        text = ENTITIES if claim[1] % 2 else ENTITIES.replace("CECOT", "Cecot prison")
        (self.root / "entities.yaml").write_text(text)

    @rule(
        query=st.sampled_from(
            ["DELETE FROM files WHERE rowid % 2 = 0", "DELETE FROM files", "DELETE FROM results"]
        )
    )
    def store_loses_rows(self, query: str) -> None:
        import sqlite3

        path = self.root / CACHE_DIR / "store.sqlite"
        if path.exists():
            db = sqlite3.connect(path, isolation_level=None)
            db.execute(query)
            db.close()

    @precondition(lambda self: self._sources())
    @rule(data=st.data())
    def hooks_at_once(self, data: st.DataObject) -> None:
        # Hooks run side by side on one store (pre-commit runs them in parallel): each
        # answers as a cold check of its file does.
        files = data.draw(st.lists(st.sampled_from(self._sources()), min_size=2, max_size=4))
        names = [str(f.relative_to(self.tmp)) for f in files]
        running = [_check(self.root, name) for name in names]
        warm = [(p.communicate(timeout=120), p.returncode) for p in running]
        for name, ((out, err), code) in zip(names, warm, strict=True):
            cold = _check(self.root, name, "--no-cache")
            assert (out, code) == (cold.communicate(timeout=120)[0], cold.returncode), name
            assert "Traceback" not in err

    @rule(delay=st.floats(min_value=0.0, max_value=1.5))
    def killed_while_writing(self, delay: float) -> None:
        # A run killed outright at any point of its writes (the invariant then compares).
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "audit", "facts"],
            cwd=self.tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()

    @invariant()
    def warm_equals_cold(self) -> None:
        cold = factcheck.load(self.root)
        cold_result = factcheck.audit(cold)
        sources = self._sources()
        with open_store(self.root / CACHE_DIR) as store:
            assert store is not None
            if sources:
                # Before the load below fills the store: the files changed since it last
                # ran (all of them, once the store lost its rows) are read now, and the
                # hook cuts them to the reach as it does the stored ones.
                path = sources[len(sources) // 2]
                part = load_around(self.root, [path], store=store).corpus
                assert _about(factcheck.audit(part), str(path)) == _about(cold_result, str(path))
            warm = factcheck.load(self.root, store=store)
            assert _snapshot(warm) == _snapshot(cold)
            assert factcheck.audit(warm) == cold_result
            for path in sources:
                part = load_around(self.root, [path], store=store).corpus
                got = _about(factcheck.audit(part), str(path))
                assert got == _about(cold_result, str(path)), path
        root = str(self.root)
        assert _cli("audit", root) == _cli("audit", root, "--no-cache")
        # The hook on a store of its own, which only hooks fill: after each step it holds
        # the files as the last checks saw them.
        hooks = str(self.tmp / "hook-store")
        for name in map(str, sources):
            assert _cli("check", name, "--cache-dir", hooks) == _cli("check", name, "--no-cache")
        assert _cli("audit", root, "--format", "json") == _cli(
            "audit", root, "--format", "json", "--no-cache"
        )


WarmEqualsCold.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestWarmEqualsCold = WarmEqualsCold.TestCase


def _hook_corpus(tmp_path: Path, n: int) -> Path:
    root = tmp_path / "facts"
    (root / "sources").mkdir(parents=True)
    for name, text in (
        ("entities.yaml", ENTITIES),
        ("properties.yaml", PROPERTIES),
        ("rules.yaml", RULES),
    ):
        (root / name).write_text(text)
    rng = random.Random(n)
    for i in range(n):
        claims = [
            (
                rng.choice(["capacity", "inmates"]),
                rng.choice([20000, 40000, 80000]),
                rng.choice(_HEDGES),
                "cecot",
            )
            for _ in range(3)
        ]
        (root / "sources" / f"s{i}.yaml").write_text(_source(f"s{i}", claims))
    return root


def _check(root: Path, file: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "check", file, *extra],
        cwd=root.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_eight_hooks_at_once_on_one_cold_store_answer_as_cold_runs(tmp_path: Path) -> None:
    root = _hook_corpus(tmp_path, 8)
    files = [f"facts/sources/s{i}.yaml" for i in range(8)]
    cold = {}
    for f in files:
        proc = _check(root, f, "--no-cache")
        cold[f] = proc.communicate(timeout=120)
    for round_ in range(4):
        shutil.rmtree(root / CACHE_DIR, ignore_errors=True) if round_ % 2 == 0 else None
        procs = {f: _check(root, f) for f in files}
        for f, proc in procs.items():
            out, err = proc.communicate(timeout=120)
            assert (out, "Traceback" in err) == (cold[f][0], False), (f, err)


def test_runs_killed_while_writing_leave_a_store_that_answers_as_cold(tmp_path: Path) -> None:
    root = _hook_corpus(tmp_path, 60)
    cold = subprocess.run(
        [sys.executable, "-m", "factcheck", "audit", "facts", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    rng = random.Random(7)
    for _ in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "audit", "facts"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.1, 0.8))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # Another file changes between the killed run and the next.
        victim = root / "sources" / f"s{rng.randrange(60)}.yaml"
        victim.write_text(victim.read_text() + "# touched\n")
        cold = subprocess.run(
            [sys.executable, "-m", "factcheck", "audit", "facts", "--no-cache"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        warm = subprocess.run(
            [sys.executable, "-m", "factcheck", "audit", "facts"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
        assert "Traceback" not in warm.stderr


@pytest.mark.parametrize("corpus_files", [3])
def test_the_hook_on_an_unchanged_and_a_changed_file(tmp_path: Path, corpus_files: int) -> None:
    root = _hook_corpus(tmp_path, corpus_files)
    f = "facts/sources/s0.yaml"
    first = _check(root, f).communicate(timeout=60)
    again = _check(root, f).communicate(timeout=60)
    assert first == again
    path = tmp_path / f
    path.write_text(path.read_text().replace("value: 20000", "value: 90000"))
    warm = _check(root, f).communicate(timeout=60)
    cold = _check(root, f, "--no-cache").communicate(timeout=60)
    assert warm == cold
