"""Do well-kept libraries beat the extractor's own readers? Measured on both sets.

For the hand-written claims of the seeds and of the unseen set (see extraction.py), each
library is given the easiest task it could have, and is compared with factcheck's reader:

* dates, ``dateparser.search.search_dates`` on the claim's quote, relative to the source's
  publication date: is the hand-written date (at its precision; with its UTC instant for
  a clock time) among what it returns?
* quantities, ``quantulum3`` on the quote: is the hand-written number among its values?
* words, ``number_parser.parse`` on the quote, then factcheck's number reader;
* sentences, ``pysbd``: is every hand-written quote inside one sentence?

The script also prints the first call's time (models and tables loaded lazily) and the
time per article afterwards. Libraries that are not installed are skipped:

    pip install dateparser quantulum3 number-parser pysbd
    python benchmarks/extract_libraries.py --eval-texts DIR
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import factcheck
from factcheck.extract import draft_fact_file, find_mentions, split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import ROOT, _fold, _instant, _same_date, _same_number


def _cases(facts: Path, texts: Path) -> Iterator[tuple[str, Any, Any, str]]:
    """(text, published, hand-written claim, property type) of every scored claim."""
    corpus = factcheck.load(facts)
    for sf in corpus.sources.values():
        src = sf.source
        if src.snapshot is None or not (texts / src.snapshot.file).is_file():
            continue
        text = (texts / src.snapshot.file).read_text(encoding="utf-8")
        for claim in sf.claims:
            prop = corpus.properties.get(claim.property)
            if prop is None or prop.type not in ("quantity", "date") or claim.quote is None:
                continue
            yield text, src.published, claim, prop.type


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "    -"


def _published(pub: Any) -> datetime:
    s = str(pub) if pub else "2025"
    parts = [int(x) for x in s.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2])


def _dateparser_values(quote: str, pub: Any, want: str) -> list[str]:
    import dateparser.search

    found = dateparser.search.search_dates(
        quote, languages=["en"], settings={"RELATIVE_BASE": _published(pub)}
    )
    out = []
    for _, d in found or []:
        if "T" in want:  # a clock time: compare the instant
            zoned = d if d.tzinfo else d.replace(tzinfo=UTC)
            out.append(zoned.isoformat(timespec="minutes"))
        else:
            out.append(d.date().isoformat()[: len(want)])
    return out


def _quantulum_values(quote: str) -> list[Any]:
    from quantulum3 import parser

    return [q.value for q in parser.parse(quote)]


def _number_parser_values(quote: str) -> list[Any]:
    from number_parser import parse

    return [m.value for m in find_mentions(parse(quote)) if m.kind == "quantity"]


def _ours(text: str, pub: Any, quote: str, kind: str) -> list[Any]:
    claims = draft_fact_file(text, "x", published=str(pub) if pub else None).claims
    return [c["value"] for c in claims if quote in _fold(c["quote"])]


def _timed(f: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = f()
    return out, time.perf_counter() - t0


def measure(name: str, facts: Path, texts: Path) -> None:
    """Print each reader's hits on one set."""
    cases = list(_cases(facts, texts))
    if not cases:
        print(f"{name}: no texts found; skipped", file=sys.stderr)
        return
    print(f"\n== {name}: {len(cases)} hand-written claims")
    dates = [c for c in cases if c[3] == "date"]
    numbers = [c for c in cases if c[3] == "quantity"]
    readers: list[tuple[str, str, Callable[[str, Any, Any], list[Any]], list[Any]]] = [
        ("dates", "factcheck", lambda t, p, c: _ours(t, p, _fold(c.quote), "date"), dates),
        ("numbers", "factcheck", lambda t, p, c: _ours(t, p, _fold(c.quote), "q"), numbers),
    ]
    if importlib.util.find_spec("dateparser"):
        readers.append(
            (
                "dates",
                "dateparser",
                lambda t, p, c: _dateparser_values(c.quote, p, str(c.value)),
                dates,
            )
        )
    if importlib.util.find_spec("quantulum3"):
        readers.append(
            ("numbers", "quantulum3", lambda t, p, c: _quantulum_values(c.quote), numbers)
        )
    if importlib.util.find_spec("number_parser"):
        readers.append(
            ("numbers", "number-parser", lambda t, p, c: _number_parser_values(c.quote), numbers)
        )
    print(f"{'what':8} {'reader':14} {'right':>16} {'first call':>11} {'per claim':>10}")
    for what, reader, read, group in readers:
        hits = 0
        first = rest = 0.0
        for i, (text, pub, claim, ptype) in enumerate(group):
            values, seconds = _timed(lambda: read(text, pub, claim))  # noqa: B023
            if i == 0:
                first = seconds
            else:
                rest += seconds
            same = _same_date if ptype == "date" else _same_number
            want = str(claim.value) if ptype == "date" else claim.value
            if ptype == "date" and _instant(want) is not None:
                got = [_instant(str(v)) for v in values]
                hits += any(g is not None and g == _instant(want) for g in got)
            else:
                hits += any(same(v, want) for v in values)
        per = rest / max(len(group) - 1, 1)
        print(f"{what:8} {reader:14} {_pct(hits, len(group)):>16} {first:>10.3f}s {per:>9.4f}s")
    texts_seen = {c[0] for c in cases}
    quotes = [(c[0], _fold(c[2].quote)) for c in cases]
    splitters: list[tuple[str, Callable[[str], list[str]]]] = [
        ("factcheck", lambda t: [t[a:b] for a, b in split_sentences(t)])
    ]
    if importlib.util.find_spec("pysbd"):
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        splitters.append(
            ("pysbd", lambda t: [s for line in t.splitlines() for s in seg.segment(line)])
        )
    for reader, split in splitters:
        t0 = time.perf_counter()
        sentences = {t: [_fold(s) for s in split(t)] for t in texts_seen}
        seconds = (time.perf_counter() - t0) / len(texts_seen)
        inside = sum(any(q in s for s in sentences[t]) for t, q in quotes)
        share = _pct(inside, len(quotes))
        print(f"{'quotes':8} {reader:14} {share:>16} {'':>11} {seconds:>8.4f}s/text")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", default=str(ROOT / "facts"))
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    parser.add_argument("--eval-facts", default=str(ROOT / "benchmarks" / "eval" / "facts"))
    parser.add_argument("--eval-texts", default=None)
    args = parser.parse_args(argv)
    measure("seeds", Path(args.facts), Path(args.seeds))
    if args.eval_texts:
        measure("unseen", Path(args.eval_facts), Path(args.eval_texts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
