"""Whole-process CPU of factcheck's short runs, against the import floor.

    python benchmarks/startup.py [--runs 15] [--corpus facts] [--file SOURCE.yaml]

Each command runs ``--runs`` times as a fresh process, the commands in turn (one round is
one run of each), so a machine that speeds up or slows down moves them all alike. CPU is
user + system of the process and its children (``wait4``), the steadier figure on a
shared machine; each round's ratio to ``floor`` is taken in that round and the median of
those ratios is printed beside the medians:

- ``floor``: ``python -c "import yaml, pydantic"``, what any pydantic tool pays;
- ``import``: ``python -c "import factcheck"``;
- ``library``: ``factcheck.audit(factcheck.load(CORPUS))`` in a fresh process (pure, no store);
- ``audit``: the console script's ``factcheck audit CORPUS`` with its store (warm after
  the first round, which is not counted);
- ``check``: ``factcheck check FILE``, the pre-commit hook, with the store.

Figures are printed, never asserted: the machine is shared. Run from a checkout with
factcheck installed; bytecode is written as on a user's machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ENTRY = "import sys; from factcheck.cli import entry; sys.argv[0] = 'factcheck'; entry()"


def commands(corpus: Path, file: Path) -> dict[str, list[str]]:
    py = sys.executable
    return {
        "floor": [py, "-c", "import yaml, pydantic"],
        "import": [py, "-c", "import factcheck"],
        "library": [py, "-c", f"import factcheck as f; f.audit(f.load({str(corpus)!r}))"],
        "audit": [py, "-c", ENTRY, "audit", str(corpus), "-q"],
        "check": [py, "-c", ENTRY, "check", str(file), "-q"],
    }


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU, wall) seconds of one run of ``argv``, its children included."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = 0  # reaped by wait4 above: Popen must not wait for it again
    return usage.ru_utime + usage.ru_stime, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--corpus", type=Path, default=Path("facts"))
    parser.add_argument("--file", type=Path, help="default: the corpus's first source file")
    args = parser.parse_args()
    file = args.file or sorted((args.corpus / "sources").glob("*.yaml"))[0]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    table = commands(args.corpus, file)
    for argv in table.values():  # warm-up: bytecode written, the store filled
        run_once(argv, env)
    cpu: dict[str, list[float]] = {name: [] for name in table}
    wall: dict[str, list[float]] = {name: [] for name in table}
    for _ in range(args.runs):
        for name, argv in table.items():
            c, w = run_once(argv, env)
            cpu[name].append(c)
            wall[name].append(w)
    print(f"{args.runs} rounds, load average {os.getloadavg()[0]:.1f}, {sys.version.split()[0]}")
    print(f"{'':8} {'CPU median':>11} {'CPU min-max':>14} {'wall median':>12} {'CPU / floor':>12}")
    for name in table:
        ratio = statistics.median(c / f for c, f in zip(cpu[name], cpu["floor"], strict=True))
        spread = f"{min(cpu[name]):.3f}-{max(cpu[name]):.3f}"
        print(
            f"{name:8} {statistics.median(cpu[name]):10.3f}s {spread:>14}"
            f" {statistics.median(wall[name]):11.3f}s {ratio:11.2f}x"
        )


if __name__ == "__main__":
    main()
