"""How many of the hand-written number and date claims does `factcheck extract` propose?

For every article source in the corpus (default ``facts/``), drafts a fact file from its
snapshot (default ``../shared/seeds``) with the source's own publication date, then counts
the hand-written claims of type quantity or date for which some draft claim has

* the same value: numbers equal after normalisation ("14,5 thousand" = 14500, "3%" = 3),
  dates equal as text ("2023-01"), and
* the quote: the hand-written quote is contained in the draft's quote, whitespace folded.

Prints per-source and overall figures, how often the matched draft also proposed the
right subject and property, and lists every miss. Run from the repository root:

    python benchmarks/extraction.py [--facts facts] [--seeds ../shared/seeds]
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from pathlib import Path
from typing import Any

import factcheck
from factcheck.extract import draft_fact_file
from factcheck.values import parse_quantity

ROOT = Path(__file__).resolve().parents[1]


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _number(value: Any) -> float | tuple[float, ...] | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, tuple | list):
        return tuple(float(x) for x in value)
    try:
        return parse_quantity(str(value))[0]
    except ValueError:
        return None


def _same_number(a: Any, b: Any) -> bool:
    x, y = _number(a), _number(b)
    if x is None or y is None:
        return False
    if isinstance(x, tuple) or isinstance(y, tuple):
        return (
            isinstance(x, tuple)
            and isinstance(y, tuple)
            and len(x) == len(y)
            and all(math.isclose(p, q) for p, q in zip(x, y, strict=True))
        )
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", default=str(ROOT / "facts"))
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    args = parser.parse_args(argv)
    corpus = factcheck.load(args.facts)
    seeds = Path(args.seeds)
    total = hit = right_prop = right_subject = drafted = used = 0
    misses: list[str] = []
    print(f"{'source':28} {'found':>7} {'share':>7} {'drafts':>7} {'time':>8}")
    for sid, sf in sorted(corpus.sources.items()):
        src = sf.source
        if src.kind != "article" or src.snapshot is None:
            continue
        text = (seeds / src.snapshot.file).read_text(encoding="utf-8")
        t0 = time.perf_counter()
        draft = draft_fact_file(
            text, sid, corpus=corpus, published=src.published, snapshot_file=src.snapshot.file
        )
        elapsed = time.perf_counter() - t0
        claims = draft.claims
        matched_drafts: set[int] = set()
        n = found = 0
        for claim in sf.claims:
            prop = corpus.properties.get(claim.property)
            if prop is None or prop.type not in ("quantity", "date") or claim.quote is None:
                continue
            n += 1
            quote = _fold(claim.quote)
            with_quote = [i for i, d in enumerate(claims) if quote in _fold(d["quote"])]
            if prop.type == "date":
                good = [i for i in with_quote if str(claims[i]["value"]) == str(claim.value)]
            else:
                good = [i for i in with_quote if _same_number(claims[i]["value"], claim.value)]
            if good:
                found += 1
                matched_drafts.update(good)
                if any(claims[i]["property"] == claim.property for i in good):
                    right_prop += 1
                subject = corpus.resolve(claim.subject)
                if any(claims[i]["subject"] == subject for i in good):
                    right_subject += 1
            else:
                why = (
                    "no draft claim with this quote"
                    if not with_quote
                    else (
                        "quote found; values drafted there: "
                        + ", ".join(str(claims[i]["value"]) for i in with_quote)
                    )
                )
                misses.append(
                    f"{sid}/{claim.id}: {prop.type} {claim.value!r} - {why}\n"
                    f"    quote: {claim.quote}"
                )
        total += n
        hit += found
        drafted += len(claims)
        used += len(matched_drafts)
        share = f"{100 * found / n:.1f}%" if n else "-"
        print(f"{sid:28} {found:>3}/{n:<3} {share:>7} {len(claims):>7} {elapsed * 1000:>6.1f}ms")
    if not total:
        print("no numeric or date claims found", file=sys.stderr)
        return 1
    print(f"{'overall':28} {hit:>3}/{total:<3} {100 * hit / total:>6.1f}% {drafted:>7}")
    print(
        f"of the {hit} found, right property proposed: {right_prop}, right subject: {right_subject}"
    )
    print(f"draft claims that match a hand-written claim: {used}/{drafted}")
    if misses:
        print(f"\nmisses ({len(misses)}):")
        for m in misses:
            print("  " + m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
