"""Whole-process CPU of factcheck's short runs, against the import floor.

    python benchmarks/startup.py [--runs 15] [--corpus facts] [--file SOURCE.yaml]
                                 [--big GENERATED_CORPUS]

Each command runs ``--runs`` times as a fresh process, the commands in turn (one round is
one run of each), so a machine that speeds up or slows down moves them all alike. CPU is
user + system of the process and its children (``wait4``), the steadier figure on a
shared machine; each round's ratios to ``floor`` and to ``cli`` are taken in that round
and the medians of those ratios are printed beside the medians and minima:

- ``floor``: ``python -c "import yaml, pydantic"``, what any pydantic tool pays;
- ``cli``: ``python -c "import factcheck.cli, factcheck.hook"``, the second floor: every
  module the hook imports (with the cyclic collector on, which the console script turns
  off before most of them);
- ``import``: ``python -c "import factcheck"``;
- ``library``: ``factcheck.audit(factcheck.load(CORPUS))`` in a fresh process (pure, no store);
- ``audit``: the console script's ``factcheck audit CORPUS`` with its store (warm after
  the first round, which is not counted);
- ``check``: ``factcheck check FILE``, the pre-commit hook, with the store;
- ``edited``: the same on a copy of the corpus (in a temporary directory, so that the
  ``audit`` row stays warm), FILE's copy with a comment line appended before each run:
  it is read, parsed and validated as in a commit after an edit;
- ``big``: with ``--big DIR`` (a corpus from ``generate.py``, say 100k claims), the hook
  on one of its files edited the same way before each run (its store filled first; the
  file is restored at the end).

Figures are printed, never asserted: the machine is shared. Run from a checkout with
factcheck installed; bytecode is written as on a user's machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENTRY = "import sys; from factcheck.cli import entry; sys.argv[0] = 'factcheck'; entry()"


def commands(
    corpus: Path, file: Path, copy: Path, big: Path | None
) -> dict[str, tuple[list[str], Path | None]]:
    """Each row's command line, and the file to edit before each of its runs (or ``None``);
    ``copy`` is a copy of ``corpus``."""
    py = sys.executable
    copied = copy / file.relative_to(corpus)
    table: dict[str, tuple[list[str], Path | None]] = {
        "floor": ([py, "-c", "import yaml, pydantic"], None),
        "cli": ([py, "-c", "import factcheck.cli, factcheck.hook"], None),
        "import": ([py, "-c", "import factcheck"], None),
        "library": ([py, "-c", f"import factcheck as f; f.audit(f.load({str(corpus)!r}))"], None),
        "audit": ([py, "-c", ENTRY, "audit", str(corpus), "-q"], None),
        "check": ([py, "-c", ENTRY, "check", str(file), "-q"], None),
        "edited": ([py, "-c", ENTRY, "check", str(copied), "-q"], copied),
    }
    if big is not None:
        files = sorted((big / "sources").glob("*.yaml"))
        middle = files[len(files) // 2]
        table["big"] = ([py, "-c", ENTRY, "check", str(middle), "-q"], middle)
    return table


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU, wall) seconds of one run of ``argv``, its children included."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = 0  # reaped by wait4 above: Popen must not wait for it again
    return usage.ru_utime + usage.ru_stime, wall


def measure(
    table: dict[str, tuple[list[str], Path | None]], runs: int, env: dict[str, str]
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """CPU and wall seconds of each row's runs, one run of each row a round."""
    originals = {f: f.read_bytes() for _, f in table.values() if f is not None}
    cpu: dict[str, list[float]] = {name: [] for name in table}
    wall: dict[str, list[float]] = {name: [] for name in table}
    try:
        for argv, _ in table.values():  # warm-up: bytecode written, the store filled
            run_once(argv, env)
        for n in range(runs):
            for name, (argv, edit) in table.items():
                if edit is not None:  # a new edit each run: never in the store yet
                    edit.write_bytes(originals[edit] + f"# edited {name} {n}\n".encode())
                c, w = run_once(argv, env)
                cpu[name].append(c)
                wall[name].append(w)
    finally:
        for f, data in originals.items():
            f.write_bytes(data)
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--corpus", type=Path, default=Path("facts"))
    parser.add_argument("--file", type=Path, help="default: the corpus's first source file")
    parser.add_argument("--big", type=Path, help="a generated corpus: the hook on its middle file")
    args = parser.parse_args()
    for name, corpus in (("--corpus", args.corpus), ("--big", args.big)):
        if corpus is not None and not any((corpus / "sources").glob("*.yaml")):
            parser.error(f"{name} {corpus}: no sources/*.yaml there (give the corpus directory)")
    file = args.file or sorted((args.corpus / "sources").glob("*.yaml"))[0]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "facts"
        shutil.copytree(args.corpus, copy, ignore=shutil.ignore_patterns(".factcheck-cache"))
        table = commands(args.corpus, file, copy, args.big)
        cpu, wall = measure(table, args.runs, env)
    print(f"{args.runs} rounds, load average {os.getloadavg()[0]:.1f}, {sys.version.split()[0]}")
    print(
        f"{'':8} {'CPU median':>11} {'CPU min':>8} {'CPU min-max':>12} {'wall median':>12}"
        f" {'CPU / floor':>12} {'CPU / cli':>10}"
    )
    for name in table:
        # Each round's ratio, then their median: rounds on a slower machine count alike.
        floor = statistics.median(c / f for c, f in zip(cpu[name], cpu["floor"], strict=True))
        cli = statistics.median(c / f for c, f in zip(cpu[name], cpu["cli"], strict=True))
        spread = f"{min(cpu[name]):.3f}-{max(cpu[name]):.3f}"
        print(
            f"{name:8} {statistics.median(cpu[name]):10.3f}s {min(cpu[name]):7.3f}s {spread:>12}"
            f" {statistics.median(wall[name]):11.3f}s {floor:11.2f}x {cli:9.2f}x"
        )


if __name__ == "__main__":
    main()
