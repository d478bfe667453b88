"""Time factcheck on synthetic corpora and check it finds exactly the planted conflicts.

    python benchmarks/run.py                      # sizes 1k, 10k, 100k claims
    python benchmarks/run.py --sizes 1000000      # the million (several minutes)

For each size, in one run (so that ratios compare like with like on a loaded machine):

- ``floor``: PyYAML's C loader alone (``yaml.load`` with ``CSafeLoader``) on every file,
  in a fresh process, timed inside it;
- ``nodes``: the same files composed to PyYAML's node tree (``yaml.compose``), the
  only PyYAML reading that keeps line numbers, which every citation needs: the part of
  the floor no audit that cites lines can avoid;
- ``cold``: ``python -m factcheck audit DIR --format json`` with no cache (wall, CPU);
- ``warm``: the same again with the cache made by the cold run (nothing changed);
- ``lib``: ``factcheck.load`` and ``factcheck.audit`` in a fresh process, with that cache
  (the library's warm path: it builds every fact, where the command line reuses the
  stored result);
- ``hook``: ``factcheck check FILE`` after one source file changed (wall), against
  ``check-jsonschema`` on the same file (wall), when that is installed: the median of
  :data:`HOOK_RUNS` runs of each, alternating, with an edit before each; alongside them,
  ``bare``: a Python process that only imports PyYAML and pydantic, reads the file and
  validates one small model, the start-up any pydantic hook pays before its own work;
- ``peak``: the largest resident set of the cold audit (its worker processes included), in MiB.

Each audit's conflicts are compared with ``expected.json`` from the generator: every
planted conflict must be found and nothing else, with no load error. Corpora are kept in
``--workdir`` (default: a directory under the system's temporary directory) and made again
only when missing. Figures are printed, never asserted: the machine is shared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)


def _child_parse(root: str, how: str) -> dict[str, Any]:
    """Seconds PyYAML's C loader takes over every file: ``load`` (values) or ``compose``
    (the node tree, with line marks)."""
    import yaml

    read = getattr(yaml, how)
    files = sorted(p for p in Path(root).rglob("*.yaml") if ".factcheck-cache" not in p.parts)
    start = time.perf_counter()
    for path in files:
        read(path.read_bytes(), Loader=yaml.CSafeLoader)
    return {"seconds": time.perf_counter() - start}


#: What every pydantic-based hook runs before its own work (``bare`` above).
BARE = """
import sys, yaml
from pydantic import BaseModel, ConfigDict

class Source(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str

with open(sys.argv[1], "rb") as fh:
    Source.model_validate(yaml.load(fh.read(), Loader=yaml.CSafeLoader)["source"])
"""


def _child_audit(root: str) -> dict[str, Any]:
    start = time.perf_counter()
    import factcheck
    from factcheck.store import Store, default_directory

    imported = time.perf_counter()
    # As the doors use it: through the store the command line's cold run filled.
    store = Store.open(default_directory(Path(root)))
    corpus = factcheck.load(root, store=store)
    loaded = time.perf_counter()
    result = factcheck.audit(corpus)
    done = time.perf_counter()
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "import": imported - start,
        "load": loaded - imported,
        "audit": done - loaded,
        "peak_mb": max(me, kids) / 1024,
        "errors": [str(e) for e in result.errors],
        # The claims in dispute: those cited only as support are not planted.
        "conflicts": sorted([c.rule, sorted(c.refs - set(c.support))] for c in result.conflicts),
    }


# Children run as on a user's machine: Python may cache compiled modules (some sandboxes
# forbid it, which adds a tenth of a second to every start).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _cpu() -> float:
    """CPU seconds used so far by finished child processes (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_child(kind: str, root: Path) -> tuple[float, dict[str, Any]]:
    cpu, start = _cpu(), time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(root)],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"child {kind} failed:\n{proc.stderr}")
    out: dict[str, Any] = json.loads(proc.stdout)
    out["cpu"] = _cpu() - cpu
    return wall, out


def _run_cli(root: Path) -> tuple[float, dict[str, Any]]:
    """``python -m factcheck audit ROOT --format json``, as a user runs it: wall, CPU, peak."""
    with tempfile.TemporaryFile() as out_file:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "audit", str(root), "--format", "json"],
            stdout=out_file,
            stderr=subprocess.DEVNULL,
            env=ENV,
        )
        # wait4 gives this child's own usage; its peak includes its worker processes.
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out_file.seek(0)
        report = json.loads(out_file.read())
    return wall, {
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "errors": [str(e) for e in report["errors"]],
        "conflicts": sorted(
            [
                c["rule"],
                sorted({f"{x['source']}/{x['claim']}" for x in c["citations"]} - set(c["support"])),
            ]
            for c in report["conflicts"]
        ),
    }


def _wall(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a command."""
    cpu, start = _cpu(), time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False, env=ENV)
    return time.perf_counter() - start, _cpu() - cpu


def _import_time() -> float:
    """Seconds ``import factcheck`` adds to a bare interpreter (``-X importtime``)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import factcheck"],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    )
    for line in proc.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == "factcheck":
            return int(parts[1]) / 1e6
    return float("nan")


def _corpus(workdir: Path, claims: int, seed: int) -> tuple[Path, dict[str, Any]]:
    # Named by the generator's own hash too: a changed generator makes new corpora.
    version = hashlib.sha256(Path(generate.__file__).read_bytes()).hexdigest()[:8]
    out = workdir / f"corpus-{claims}-seed{seed}-{version}"
    manifest = out / "expected.json"
    if not manifest.exists():
        start = time.perf_counter()
        generate.generate(out, claims, seed)
        print(f"  generated in {time.perf_counter() - start:.1f} s", flush=True)
    return out / "facts", json.loads(manifest.read_text(encoding="utf-8"))


def _verdict(got: dict[str, Any], expected: dict[str, Any]) -> str:
    want = {(r, tuple(refs)) for r, refs in expected["conflicts"]}
    have = {(r, tuple(refs)) for r, refs in got["conflicts"]}
    missed, extra = want - have, have - want
    if not (missed or extra or got["errors"]):
        return f"ok: all {len(want)} planted conflicts, nothing else"
    parts = [f"{len(missed)} planted conflicts MISSED", f"{len(extra)} EXTRA conflicts"]
    parts.append(f"{len(got['errors'])} load errors")
    sample = sorted(missed)[:2] + sorted(extra)[:2] + got["errors"][:2]
    return "FAIL: " + ", ".join(parts) + f"; e.g. {sample}"


#: Hook runs per size, each after an edit; the median is printed (one run is noisy).
HOOK_RUNS = 5


def _hook(
    root: Path, schema: Path
) -> tuple[tuple[float, float], tuple[float, float] | None, tuple[float, float]]:
    target = _target(root)
    factcheck_cmd = [sys.executable, "-m", "factcheck", "check", str(target)]
    jsonschema = shutil.which("check-jsonschema") or str(
        Path(sys.executable).parent / "check-jsonschema"
    )
    # Timed whatever its verdict: it parsed and validated the file either way.
    jsonschema_cmd = [jsonschema, "--schemafile", str(schema), str(target)]
    bare_cmd = [sys.executable, "-c", BARE, str(target)]
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    for _ in range(HOOK_RUNS):
        # Change the file before each run, so that the hook has one cache miss, as after
        # an edit; the two tools alternate, so that both meet the same machine.
        with target.open("a", encoding="utf-8") as fh:
            fh.write(f"# edited {time.time_ns()}\n")
        ours.append(_wall(factcheck_cmd))
        if Path(jsonschema).exists():
            theirs.append(_wall(jsonschema_cmd))
        bare.append(_wall(bare_cmd))
    return _median(ours), (_median(theirs) if theirs else None), _median(bare)


def _target(root: Path) -> Path:
    """The source file the hook runs on: one in the middle."""
    sources = sorted((root / "sources").glob("*.yaml"))
    return sources[len(sources) // 2]


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The median wall time and the median CPU time of ``runs``."""
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def _ratio(a: float, b: float | None) -> str:
    return f"{a / b:.2f}x" if b else "n/a"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--sizes", default="1000,10000,100000", help="claims per corpus, comma-separated"
    )
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench")
    p.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        kind, root = args.child
        how = {"floor": "load", "nodes": "compose"}.get(kind)
        print(json.dumps(_child_parse(root, how) if how else _child_audit(root)))
        return 0

    args.workdir.mkdir(parents=True, exist_ok=True)
    schema = args.workdir / "fact-file.schema.json"
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "schema"], capture_output=True, check=True
    )
    schema.write_bytes(proc.stdout)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    print(f"import factcheck: {_import_time():.3f} s (-X importtime, cumulative)")
    failed = False
    cold_by_size: dict[int, float] = {}
    for claims in [int(s) for s in args.sizes.split(",")]:
        print(f"\n== {claims:,} claims", flush=True)
        root, expected = _corpus(args.workdir, claims, args.seed)
        shutil.rmtree(root / ".factcheck-cache", ignore_errors=True)
        _, floor = _run_child("floor", root)
        floor_s, floor_cpu = floor["seconds"], floor["cpu"]
        _, nodes = _run_child("nodes", root)
        cold_wall, cold = _run_cli(root)
        warm_wall, warm = _run_cli(root)
        lib_wall, lib = _run_child("audit", root)
        hook, js, bare = _hook(root, schema)
        # The first hook after a fresh clone: no store yet.
        shutil.rmtree(root / ".factcheck-cache", ignore_errors=True)
        first = _wall([sys.executable, "-m", "factcheck", "check", str(_target(root))])
        cold_by_size[claims] = cold["cpu"]
        print(f"  {'':27} {'wall':>8} {'ratio':>7}  {'cpu':>7} {'ratio':>7}")
        print(f"  floor  PyYAML C load      {floor_s:7.2f}s   1.00x  {floor_cpu:6.2f}s   1.00x")
        print(
            f"  nodes  PyYAML C compose   {nodes['seconds']:7.2f}s"
            f" {_ratio(nodes['seconds'], floor_s):>7}"
            f"   (over {os.cpu_count()} cores at best"
            f" {_ratio(nodes['seconds'] / (os.cpu_count() or 1), floor_s)})"
        )
        for name, wall, got in (
            ("cold", cold_wall, cold),
            ("warm", warm_wall, warm),
            ("lib ", lib_wall, lib),
        ):
            what = "audit (cli)  " if name != "lib " else "load+audit   "
            extra = (
                f"   (in process: import {got['import']:.2f}"
                f" load {got['load']:.2f} audit {got['audit']:.2f})"
                if "import" in got
                else ""
            )
            print(
                f"  {name}   {what}     {wall:7.2f}s {_ratio(wall, floor_s):>7}"
                f"  {got['cpu']:6.2f}s {_ratio(got['cpu'], floor_cpu):>7}{extra}"
            )
        if js:
            print(f"  jsonschema 1 file       {js[0]:7.2f}s   1.00x  {js[1]:6.2f}s   1.00x")
        print(
            f"  hook   check 1 file      {hook[0]:7.2f}s {_ratio(hook[0], js and js[0]):>7}"
            f"  {hook[1]:6.2f}s {_ratio(hook[1], js and js[1]):>7}"
            f"   (vs check-jsonschema; medians of {HOOK_RUNS})"
        )
        print(
            f"  bare   python+pydantic   {bare[0]:7.2f}s {_ratio(bare[0], js and js[0]):>7}"
            f"  {bare[1]:6.2f}s {_ratio(bare[1], js and js[1]):>7}"
            "   (start-up alone, vs check-jsonschema)"
        )
        print(
            f"  ratio  hook / bare (the import floor): {_ratio(hook[0], bare[0])} wall,"
            f" {_ratio(hook[1], bare[1])} cpu   (target <= 1.2x)"
        )
        print(
            f"  first  check, empty store {first[0]:6.2f}s {_ratio(first[0], cold_wall):>7}"
            "   (vs the cold audit; target <= 1x)"
        )
        print(f"  peak   memory (cold)    {cold['peak_mb']:7.0f} MiB")
        for name, got in (("cold", cold), ("warm", warm), ("lib ", lib)):
            verdict = _verdict(got, expected)
            failed |= not verdict.startswith("ok")
            print(f"  {name}   {verdict}")
        smaller = [n for n in cold_by_size if n < claims]
        if smaller:
            n = max(smaller)
            print(
                f"  scale  cold CPU {claims:,} / cold CPU {n:,}: "
                f"{cold_by_size[claims] / cold_by_size[n]:.1f}x for {claims / n:.0f}x the claims"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
