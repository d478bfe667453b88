"""How well does `factcheck extract` draft the claims a person wrote by hand?

Thirteen sets, reported separately:

* the seeds: every article source of the corpus (default ``facts/``) against its snapshot
  (default ``../shared/seeds``);
* the development set, ``benchmarks/eval/facts/``: public texts that are not seeds, with
  fact files written by hand from the texts (not from the extractor). The extractor was
  developed while looking at them, so their figures are not those of unseen text;
* the second development set, ``benchmarks/eval/dev2/facts/``: texts on other topics
  (earthquakes), fact files written before the extractor was first run on them;
* the held-out sets, ``benchmarks/eval/heldout/facts/``, ``benchmarks/eval/heldout2/facts/``,
  ``benchmarks/eval/heldout3/facts/``, ``benchmarks/eval/heldout4/facts/``,
  ``benchmarks/eval/heldout5/facts/``, ``benchmarks/eval/heldout6/facts/``,
  ``benchmarks/eval/heldout7/facts/``, ``benchmarks/eval/heldout8/facts/``,
  ``benchmarks/eval/heldout9/facts/`` and ``benchmarks/eval/heldout10/facts/`` (each
  added when the one before had been scored several times or read): more public texts
  whose fact files were written before the extractor was first run on them, and which
  are not used to tune it. Their misses are not printed unless asked for
  (``--show-heldout-misses``), so that reading the report does not turn them into
  development sets.

The sets are listed in ``SETS``; adding one is one entry there. Only each text's URL,
sha256 and short quotes are in the repository; the texts are read from ``--eval-texts``,
``--dev2-texts``, ``--heldout-texts``, ``--heldout2-texts``, ``--heldout3-texts``,
``--heldout4-texts``, ``--heldout5-texts``, ``--heldout6-texts``, ``--heldout7-texts``,
``--heldout8-texts``, ``--heldout9-texts`` and ``--heldout10-texts`` (see the READMEs
under ``benchmarks/eval/`` for how to obtain them), and a set is skipped with a message
when that directory is not given. A text whose sha256 differs from the recorded one is
skipped too, unless ``--no-sha-check`` is given (pages change; the expected claims'
quotes are still checked: a claim whose quote is not in the text counts as missed).

Each text is drafted with the source's own publication date and its corpus's entities and
properties (not its claims: drafting must not learn from the claims it is scored against).
A hand-written claim (of type quantity or date, with a quote) is *found*
when a draft claim quotes a sentence containing its quote and has the same value (numbers
equal after normalisation, dates equal as text, ISO times equal as instants); of several
such drafts, it is matched to one no other hand-written claim took, with the right subject
and property if there is one ("two fences ... and two walls" are two drafts). A figure
the text says again is drafted once (the same subject, property, value, unit, hedge and
as_of), the draft's note naming each restating sentence ("said again: ..."): a claim
quoting a restatement is found in that draft. For every field the script prints

* recall: hand-written claims found with that field right / hand-written claims;
* precision: found drafts with that field right / found drafts that assert the field (a
  subject other than ``unidentified``, a property other than ``unreviewed-*``, a unit, a
  hedge other than exact, an as_of).

For ``value``, precision is drafts matching some hand-written claim / all drafts (the rest
are junk). Clock times (hand-written values with a time of day) are counted apart: drafted
as a time with its zone, or not. Run from the repository root:

    python benchmarks/extraction.py [--facts facts] [--seeds ../shared/seeds]
                                    [--eval-texts DIR] [--dev2-texts DIR]
                                    [--heldout-texts DIR] [--heldout2-texts DIR]
                                    [--heldout3-texts DIR] [--heldout4-texts DIR]
                                    [--heldout5-texts DIR] [--heldout6-texts DIR]
                                    [--heldout7-texts DIR] [--heldout8-texts DIR]
                                    [--heldout9-texts DIR] [--heldout10-texts DIR]
                                    [--no-sha-check] [--show-heldout-misses]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import factcheck
from factcheck.domain.model import Claim, Property, SourceFile
from factcheck.domain.values import parse_quantity
from factcheck.extract import UNIDENTIFIED, draft_fact_file
from factcheck.extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("value", "unit", "hedge", "time", "subject", "property")


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _number(value: Any) -> float | tuple[float, ...] | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, tuple | list):  # a range; a span of two days is no number
        numbers = [_number(x) for x in value]
        return tuple(x for x in numbers if isinstance(x, float)) if None not in numbers else None
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


def _instant(text: str) -> datetime | None:
    if "T" not in text:
        return None
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo is not None else None


def _instants(value: Any) -> list[datetime] | None:
    """The instants a date value says: one, or the two ends of a range of clock times
    ("8:00-9:00 pm", hedge ``between``); None when any part is no instant with a zone."""
    stamps = [_instant(str(v)) for v in (value if isinstance(value, list | tuple) else [value])]
    if not stamps or any(s is None for s in stamps):
        return None
    return [s for s in stamps if s is not None]


def _same_date(a: Any, b: Any) -> bool:
    x, y = _instants(a), _instants(b)
    if x is not None and y is not None:
        return x == y
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):  # a span of two days
        # a draft writes it as a YAML list, a loaded claim holds it as a tuple
        return (
            isinstance(a, list | tuple)
            and isinstance(b, list | tuple)
            and [str(v) for v in a] == [str(w) for w in b]
        )
    return str(a) == str(b)


def _said_again(text: str, quote: str) -> str | None:
    """How a draft's note names the sentence holding ``quote`` when the draft stands for
    it too: ``drop_restated`` keeps the first of the drafts saying the same (subject,
    property, value, unit, hedge, as_of) and notes each other sentence as "said again:"
    with its first 60 characters."""
    folded = _fold(quote)
    for a, b in split_sentences(text):
        sentence = text[a:b]
        if folded in _fold(sentence):
            short = sentence if len(sentence) <= 60 else sentence[:57].rstrip() + "..."
            return "said again: " + repr(short)
    return None


def _pick(good: list[int], taken: set[int], claims: list[Any], subject: str, prop: str) -> int:
    """The draft a hand-written claim is matched to, of those with its quote and value: one
    not matched to another claim yet (two figures 2 in "two fences ... and two walls" are
    two drafts), with the right subject and property if there is one."""
    fresh = [i for i in good if i not in taken] or good
    right = [i for i in fresh if (claims[i]["subject"], claims[i]["property"]) == (subject, prop)]
    return (right or fresh)[0]


@dataclass
class Tally:
    """Counts for one set of texts."""

    expected: int = 0
    drafts: int = 0
    used: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    asserted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    asserted_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    clock: int = 0
    clock_zoned: int = 0
    seconds: float = 0.0
    texts: int = 0
    misses: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "    -"


def _vocabulary(facts: Path) -> factcheck.Corpus:
    """The corpus's entities and properties alone: drafting must not learn from the very
    claims it is scored against (the kinds of subject a property's claims are about)."""
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("entities.yaml", "properties.yaml"):
            shutil.copy(facts / name, Path(tmp) / name)
        return factcheck.load(tmp)


def matching_drafts(
    text: str, quote: str, value: Any, kind: str, claims: list[dict[str, Any]]
) -> tuple[list[int], list[int]]:
    """The drafts (indices into ``claims``) that find a hand-written claim of ``kind``
    ("quantity" or "date") with ``quote`` and ``value``: those quoting a sentence holding
    the quote with the same value, else those whose note names the sentence that says it
    again (a figure said again is drafted once). And the drafts quoting it at all."""
    folded = _fold(quote)
    with_quote = [i for i, d in enumerate(claims) if folded in _fold(d["quote"])]
    same = _same_date if kind == "date" else _same_number
    good = [i for i in with_quote if same(claims[i]["value"], value)]
    if not good:
        again = _said_again(text, quote)
        good = [
            i
            for i, d in enumerate(claims)
            if again is not None and again in d["note"] and same(d["value"], value)
        ]
    return good, with_quote


def article_texts(
    corpus: factcheck.Corpus, texts: Path, *, check_sha: bool, label: str = ""
) -> Iterator[tuple[str, SourceFile, str]]:
    """(source id, source file, text) of every article source of ``corpus`` whose snapshot
    is in ``texts`` (with the recorded sha256 when ``check_sha``), in id order; each one
    left out is named on standard error (``label`` before its id)."""
    for sid, sf in sorted(corpus.sources.items()):
        src = sf.source
        if src.kind != "article" or src.snapshot is None:
            continue
        path = texts / src.snapshot.file
        if not path.is_file():
            print(f"  {label}{sid}: {path} is missing; skipped", file=sys.stderr)
            continue
        data = path.read_bytes()
        if check_sha and hashlib.sha256(data).hexdigest() != src.snapshot.sha256:
            print(
                f"  {label}{sid}: {path} has another sha256 than recorded; skipped", file=sys.stderr
            )
            continue
        yield sid, sf, data.decode("utf-8")


def scored_claims(corpus: factcheck.Corpus, sf: SourceFile) -> Iterator[tuple[Claim, Property]]:
    """The hand-written claims of ``sf`` a draft can find (of type quantity or date, with
    a quote), each with its property."""
    for claim in sf.claims:
        prop = corpus.properties.get(claim.property)
        if prop is not None and prop.type in ("quantity", "date") and claim.quote is not None:
            yield claim, prop


def score(facts: Path, texts: Path, tally: Tally, *, check_sha: bool) -> None:
    """Draft every article source of ``facts`` whose snapshot is in ``texts``; count."""
    corpus = factcheck.load(facts)
    vocabulary = _vocabulary(facts)
    errors = [*corpus.errors, *vocabulary.errors]
    if errors:  # a set that does not load would be scored against part of itself
        raise SystemExit("\n".join(map(str, errors)) + f"\n{facts}: fix these errors first")
    for sid, sf, text in article_texts(corpus, texts, check_sha=check_sha):
        src = sf.source
        assert src.snapshot is not None  # article_texts gives only sources with one
        t0 = time.perf_counter()
        draft = draft_fact_file(
            text, sid, corpus=vocabulary, published=src.published, snapshot_file=src.snapshot.file
        )
        tally.seconds += time.perf_counter() - t0
        tally.texts += 1
        claims = draft.claims
        tally.drafts += len(claims)
        used: set[int] = set()
        taken: set[int] = set()  # drafts already matched to a hand-written claim
        for claim, prop in scored_claims(corpus, sf):
            tally.expected += 1
            is_clock = prop.type == "date" and _instants(claim.value) is not None
            tally.clock += is_clock
            good, with_quote = matching_drafts(text, claim.quote, claim.value, prop.type, claims)
            if not good:
                values = ", ".join(str(claims[i]["value"]) for i in with_quote)
                why = f"drafted there: {values}" if with_quote else "no draft with this quote"
                tally.misses.append(f"{sid}/{claim.id}: {claim.value!r} - {why}")
                continue
            tally.clock_zoned += is_clock
            used.update(good)
            pick = _pick(good, taken, claims, corpus.resolve(claim.subject), claim.property)
            taken.add(pick)
            d = claims[pick]
            want_unit = claim.unit or prop.unit
            got_unit = d.get("unit") or (
                corpus.properties[d["property"]].unit
                if d["property"] in corpus.properties
                else None
            )
            checks = {
                "value": (True, True),
                "unit": (d.get("unit") is not None, got_unit == want_unit),
                "hedge": (
                    d.get("hedge", "exact") != "exact",
                    d.get("hedge", "exact") == claim.hedge,
                ),
                "time": (
                    "as_of" in d,
                    str(d.get("as_of")) == str(claim.as_of)
                    if claim.as_of or "as_of" in d
                    else True,
                ),
                "subject": (
                    d["subject"] != UNIDENTIFIED,
                    d["subject"] == corpus.resolve(claim.subject),
                ),
                "property": (
                    not d["property"].startswith("unreviewed-"),
                    d["property"] == claim.property,
                ),
            }
            for name, (asserted, right) in checks.items():
                tally.right[name] += right
                tally.asserted[name] += asserted
                tally.asserted_right[name] += asserted and right
            if not (checks["subject"][1] and checks["property"][1]):
                tally.misses.append(
                    f"{sid}/{claim.id}: value found; subject/property "
                    f"{d['subject']}/{d['property']}, expected {claim.subject}/{claim.property}"
                )
        tally.used += len(used)
        tally.junk += [
            f"{sid}: junk {d['value']!r} ({d['note'].split(';')[0]}) in {d['quote'][:90]!r}"
            for i, d in enumerate(claims)
            if i not in used
        ]


def report(name: str, tally: Tally, *, show_misses: bool = True) -> None:
    """Print one set's figures."""
    print(f"\n== {name}: {tally.texts} texts, {tally.expected} hand-written claims")
    if not tally.expected:
        return
    print(f"{'field':10} {'recall':>18} {'precision':>18}")
    for f in FIELDS:
        prec = (
            _pct(tally.used, tally.drafts)
            if f == "value"
            else _pct(tally.asserted_right[f], tally.asserted[f])
        )
        print(f"{f:10} {_pct(tally.right[f], tally.expected):>18} {prec:>18}")
    both = sum(1 for m in tally.misses if "subject/property" in m)
    found = tally.right["value"]
    print(f"right subject and property: {_pct(found - both, tally.expected)}")
    print(f"clock times drafted as a time with zone: {_pct(tally.clock_zoned, tally.clock)}")
    print(
        "junk drafts (matching no hand-written claim): "
        + _pct(tally.drafts - tally.used, tally.drafts)
    )
    print(f"seconds per article: {tally.seconds / max(tally.texts, 1):.4f}")
    if tally.misses and not show_misses:
        print(f"misses: {len(tally.misses)} (not shown: held out)")
    elif tally.misses:
        print(f"misses ({len(tally.misses)}):")
        for m in tally.misses:
            print("  " + m)
    if tally.junk and show_misses:
        print(f"junk ({len(tally.junk)}):")
        for j in tally.junk:
            print("  " + j)


@dataclass(frozen=True)
class EvalSet:
    """One hand-written evaluation set under ``benchmarks/eval/``.

    ``key`` names its options (``--KEY-texts``, ``--KEY-facts``); a held-out set's misses
    are printed only with ``--show-heldout-misses``, so that reading the report does not
    turn it into a development set.
    """

    key: str
    name: str
    facts: Path
    texts_help: str
    held_out: bool = False


EVAL = ROOT / "benchmarks" / "eval"
#: Sets no model is trained or cross-validated on: held-out 1 (totals only, from the start)
#: and the newest held-out set, the unseen check until it is read.
NEVER_TRAINED = ("heldout", "heldout10")
#: The evaluation sets, in the order they are reported. Adding a set is one entry here
#: (plus its README); a set whose texts directory is not given is skipped.
SETS = (
    EvalSet("eval", "development", EVAL / "facts", "directory of the development texts"),
    EvalSet(
        "dev2",
        "development 2 (other topics)",
        EVAL / "dev2" / "facts",
        "directory of the second development set's texts",
    ),
    EvalSet(
        "heldout",
        "held-out",
        EVAL / "heldout" / "facts",
        "directory of the held-out texts",
        held_out=True,
    ),
    EvalSet(
        "heldout2",
        "held-out 2",
        EVAL / "heldout2" / "facts",
        "directory of the second held-out set's texts",
        held_out=True,
    ),
    EvalSet(
        "heldout3",
        "held-out 3",
        EVAL / "heldout3" / "facts",
        "directory of the third held-out set's texts",
        held_out=True,
    ),
    EvalSet(
        "heldout4",
        "held-out 4",
        EVAL / "heldout4" / "facts",
        "directory of the fourth held-out set's texts",
        held_out=True,
    ),
    EvalSet(
        "heldout5",
        "held-out 5",
        EVAL / "heldout5" / "facts",
        "directory of the fifth held-out set's texts",
        held_out=True,
    ),
    EvalSet(
        "heldout6",
        "held-out 6",
        EVAL / "heldout6" / "facts",
        "directory of the sixth held-out set's texts",
        held_out=True,
    ),
    EvalSet(
        "heldout7",
        "held-out 7",
        EVAL / "heldout7" / "facts",
        "directory of the seventh held-out set's texts",
        held_out=True,
    ),
    EvalSet(
        "heldout8",
        "held-out 8",
        EVAL / "heldout8" / "facts",
        "directory of the eighth held-out set's texts",
        held_out=True,
    ),
    EvalSet(
        "heldout9",
        "held-out 9",
        EVAL / "heldout9" / "facts",
        "directory of the ninth held-out set's texts",
        held_out=True,
    ),
    EvalSet(
        "heldout10",
        "held-out 10",
        EVAL / "heldout10" / "facts",
        "directory of the tenth held-out set's texts",
        held_out=True,
    ),
)


def _run_set(
    name: str, facts: Path, texts: str | None, *, check_sha: bool, show_misses: bool
) -> Tally:
    tally = Tally()
    if texts and Path(texts).is_dir():
        score(facts, Path(texts), tally, check_sha=check_sha)
        report(name, tally, show_misses=show_misses)
    else:
        print(
            f"{name} set: give the directory holding its texts (benchmarks/eval/README.md); "
            "skipped",
            file=sys.stderr,
        )
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", default=str(ROOT / "facts"))
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    for s in SETS:
        parser.add_argument(f"--{s.key}-facts", default=str(s.facts))
        parser.add_argument(f"--{s.key}-texts", default=None, help=s.texts_help)
    parser.add_argument(
        "--no-sha-check",
        action="store_true",
        help="score texts whose sha256 differs from the recorded one (their quotes still count)",
    )
    parser.add_argument(
        "--show-heldout-misses", action="store_true", help="print the held-out sets' misses"
    )
    args = vars(parser.parse_args(argv))
    check = not args["no_sha_check"]
    tallies = [
        _run_set("seeds", Path(args["facts"]), args["seeds"], check_sha=False, show_misses=True)
    ]
    for s in SETS:
        key = s.key.replace("-", "_")
        tallies.append(
            _run_set(
                s.name,
                Path(args[f"{key}_facts"]),
                args[f"{key}_texts"],
                check_sha=check,
                show_misses=args["show_heldout_misses"] or not s.held_out,
            )
        )
    return 0 if any(t.expected for t in tallies) else 1


if __name__ == "__main__":
    raise SystemExit(main())
