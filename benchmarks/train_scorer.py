"""Train and measure the learned (subject, property) scorer (``factcheck.extract.scorer``).

Every read evaluation set's texts are drafted by the real extractor, as
``benchmarks/extraction.py`` does (the set's entities and properties only, the source's
publication date). Each draft's candidate pairs get the scorer's features; a pair is
positive when the draft is matched (the benchmark's matching) to a hand-written claim
with that subject and property. Then:

* ``--loso``: leave-one-set-out cross-validation. For each read set, a model is trained
  on the others, its threshold chosen on the others too (by an inner leave-one-set-out:
  the most right subject-and-property drafts while subject precision stays at least the
  rules'), and the held-out set is scored with the benchmark's own matching; the rules
  alone on the same set beside it. Prints the table per set and the totals.
* ``--write FILE``: trains on all read sets and writes the model as JSON (deterministic:
  sorted keys, rounded weights).

``--curve`` prints, as a diagnostic only, the outer folds' totals at fixed thresholds, for
both ways of deciding (``--mode all``: re-rank every draft; ``abstained``: only fill what
the rules left open); ``--kind logistic`` fits a pointwise logistic regression instead of
the conditional logit. Needs scipy and scikit-learn (development tools, not dependencies
of factcheck). The sets and their
texts are given as ``--set KEY=TEXTS_DIR`` (``seeds`` is ``facts/``; ``dev`` is
``eval/facts``; ``dev2``, ``heldout2``... are ``eval/KEY/facts``). Held-out 1 and the
newest held-out set (``extraction.NEVER_TRAINED``) are never given here: they are scored
only as totals by ``extraction.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import factcheck
from factcheck.domain.corpus import Corpus
from factcheck.domain.model import SourceFile
from factcheck.extract import UNIDENTIFIED
from factcheck.extract.draft import draft_fact_file  # the rules' drafts alone
from factcheck.extract.fact_file import Draft
from factcheck.extract.scorer import Scorer
from factcheck.extract.scorer_features import FEATURES, pair_features
from factcheck.extract.scorer_reading import PLACEHOLDERS, Reading, allowed, draftees, read_text
from factcheck.extract.vocabulary import Names

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extraction as ex

ROOT = Path(__file__).resolve().parents[1]
KIND = "softmax"
NONE = True  # a found draft whose right pair is no candidate teaches "none of these"
MARGIN = 0.0  # 1: the confidence is the best pair's probability less the rules' pair's
FIXED: float | None = None  # a threshold given, not chosen (diagnostics)


def facts_dir(key: str) -> Path:
    if key == "seeds":
        return ROOT / "facts"
    if key == "dev":
        return ROOT / "benchmarks" / "eval" / "facts"
    return ROOT / "benchmarks" / "eval" / key / "facts"


@dataclass
class Item:
    """One draft: its candidates and features, the rules' pair, the right pairs."""

    set: str
    source: str
    subjects: list[str]
    props: list[str]
    rows: list[list[float]]  # one per (subject, property), subjects major
    rule: tuple[str, str]
    gold: set[tuple[str, str]] = field(default_factory=set)
    allowed: list[bool] = field(default_factory=list)  # the pairs that may be chosen


@dataclass
class Gold:
    """One hand-written claim found by some draft: which drafts, and its subject/property."""

    good: list[int]  # indices into the set's items
    subject: str
    prop: str


@dataclass
class SetData:
    items: list[Item] = field(default_factory=list)
    golds: list[Gold] = field(default_factory=list)
    expected: int = 0


#: Drafts a text as ``factcheck.extract.draft.draft_fact_file`` does (its keyword arguments).
Drafter = Callable[..., Draft]


def drafted_articles(
    key: str, texts: Path, drafter: Drafter = draft_fact_file
) -> Iterator[tuple[Corpus, str, SourceFile, str, Draft, Reading]]:
    """Each article of set ``key`` whose text is in ``texts``, drafted by ``drafter`` from
    the set's entities and properties only (as ``extraction.py`` drafts it), with the set's
    corpus, its source id and file, the text, and the text read as the scorer reads it."""
    facts = facts_dir(key)
    corpus = factcheck.load(facts)
    vocabulary = ex._vocabulary(facts)
    names = Names.of(vocabulary)
    for sid, sf, text in ex.article_texts(corpus, texts, check_sha=False, label=f"{key}/"):
        src = sf.source
        assert src.snapshot is not None
        draft = drafter(
            text,
            sid,
            corpus=vocabulary,
            published=src.published,
            snapshot_file=src.snapshot.file,
        )
        # read as factcheck.extract.drafting reads it for the scorer
        reading = read_text(text, names, draft.data["source"].get("published"))
        yield corpus, sid, sf, text, draft, reading


def load_set(key: str, texts: Path) -> SetData:
    data = SetData()
    for corpus, sid, sf, text, draft, reading in drafted_articles(key, texts):
        claims = draft.claims
        index: dict[int, int] = {}
        for d in draftees(claims, draft.figures):
            subjects, props, sv, pv, pair = pair_features(reading, d)
            rows = [
                [*s, *p, *pair(a, b)]
                for a, s in zip(subjects, sv, strict=False)
                for b, p in zip(props, pv, strict=False)
            ]
            index[id(d.claim)] = len(data.items)
            rule = (d.claim["subject"], d.claim["property"])
            item = Item(key, sid, subjects, props, rows, rule)
            item.allowed = [allowed(reading.names, a, b) for a in subjects for b in props]
            data.items.append(item)
        missing = [c for c in claims if id(c) not in index]
        if missing:
            raise SystemExit(f"{key}/{sid}: {len(missing)} drafts without a figure")
        for claim, prop in ex.scored_claims(corpus, sf):
            data.expected += 1
            assert claim.quote is not None  # scored_claims gives only quoted claims
            good, _ = ex.matching_drafts(text, claim.quote, claim.value, prop.type, claims)
            if not good:
                continue
            subject = corpus.resolve(claim.subject)
            g = Gold([index[id(claims[i])] for i in good], subject, claim.property)
            data.golds.append(g)
            for i in g.good:
                data.items[i].gold.add((subject, claim.property))
    return data


def metric(data: SetData, pairs: list[tuple[str, str]]) -> dict[str, int]:
    """The benchmark's subject / property / both counts with ``pairs`` as the drafts'."""
    out = dict(
        expected=data.expected, both=0, s_right=0, s_asserted=0, s_ar=0, p_asserted=0, p_ar=0
    )
    taken: set[int] = set()
    for g in data.golds:
        fresh = [i for i in g.good if i not in taken] or g.good
        right = [i for i in fresh if pairs[i] == (g.subject, g.prop)]
        pick = (right or fresh)[0]
        taken.add(pick)
        s, p = pairs[pick]
        s_ok, p_ok = s == g.subject, p == g.prop
        out["both"] += s_ok and p_ok
        out["s_right"] += s_ok
        out["s_asserted"] += s != UNIDENTIFIED
        out["s_ar"] += s != UNIDENTIFIED and s_ok
        out["p_asserted"] += p not in PLACEHOLDERS
        out["p_ar"] += p not in PLACEHOLDERS and p_ok
    return out


def _xy(items: list[Item]) -> tuple[Any, Any, Any]:
    import numpy as np

    xs, ys, ws = [], [], []
    for it in items:
        if not it.gold:
            continue  # junk: the benchmark never counts its subject or property
        pairs = [(s, p) for s in it.subjects for p in it.props]
        for pair, row, ok in zip(pairs, it.rows, it.allowed, strict=True):
            if not ok:
                continue
            xs.append(row)
            ys.append(pair in it.gold)
            ws.append(1.0 / len(pairs))  # each draft weighs the same, whatever its candidates
    return np.array(xs), np.array(ys, dtype=int), np.array(ws) * len(ws) / max(sum(ws), 1e-9)


def train_softmax(items: list[Item], c: float) -> Scorer:
    """A conditional logit: per draft, a softmax over its candidate pairs, the right
    pairs' share maximised (drafts whose right pair is no candidate are left out); an L2
    penalty of 1 / (2c) per weight."""
    import numpy as np
    from scipy.optimize import minimize

    groups = []
    for it in items:
        pairs = [(s, p) for s in it.subjects for p in it.props]
        keep = np.array(it.allowed)
        pos = np.array([pair in it.gold for pair in pairs])[keep]
        if NONE and it.gold and not pos.any():
            # found, but its right pair is no candidate: "none of these" is right, the
            # placeholders' pair (the first), so that weak evidence leaves the rules' answer
            pos = np.zeros(len(pos), dtype=bool)
            pos[0] = True
        if pos.any():
            groups.append((np.asarray(it.rows)[keep], pos))
    x = np.vstack([g[0] for g in groups])
    pos = np.concatenate([g[1] for g in groups])
    bounds = np.cumsum([0] + [len(g[1]) for g in groups])
    mu, sd = x.mean(0), x.std(0) + 1e-9  # scaled for the optimiser, unscaled after
    xs = (x - mu) / sd
    seg = np.repeat(np.arange(len(groups)), np.diff(bounds))

    def loss(w: Any) -> tuple[float, Any]:
        z = xs @ w
        zmax = np.maximum.reduceat(z, bounds[:-1])[seg]
        e = np.exp(z - zmax)
        tot = np.add.reduceat(e, bounds[:-1])
        ep = np.where(pos, e, 0.0)
        totp = np.add.reduceat(ep, bounds[:-1])
        nll = -np.sum(np.log(totp) - np.log(tot))
        grad = xs.T @ (e / tot[seg] - ep / totp[seg])
        return float(nll + (w @ w) / (2 * c)), grad + w / c

    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B")
    w = res.x / sd
    weights = {f: round(float(v), 6) for f, v in zip(FEATURES, w, strict=True)}
    return Scorer(weights, 0.0, 0.0, "softmax")


def train(items: list[Item], c: float) -> Scorer:
    if KIND == "softmax":
        return train_softmax(items, c)
    from sklearn.linear_model import LogisticRegression

    x, y, w = _xy(items)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, y, sample_weight=w)
    weights = {f: round(float(v), 6) for f, v in zip(FEATURES, model.coef_[0], strict=True)}
    return Scorer(weights, round(float(model.intercept_[0]), 6), 0.0, "logistic")


def best(model: Scorer, it: Item) -> tuple[tuple[str, str], float]:
    """The model's best pair (the first of equal ones) and the confidence in it."""
    import numpy as np

    if not isinstance(it.rows, np.ndarray):
        it.rows = np.array(it.rows)  # type: ignore[assignment]
    zs = it.rows @ np.array([model.weights[f] for f in FEATURES])
    zs = np.where(np.array(it.allowed), zs, -np.inf)  # pairs never chosen
    n = len(it.props)
    full = np.array([i // n > 0 and i % n > 0 for i in range(len(zs))])
    if np.isfinite(zs[full]).any():  # a pair naming both (see Scorer.choose)
        k = int(np.argmax(np.where(full, zs, -np.inf)))
    else:  # no pair could be right: the rules' answer stands
        return it.rule, 0.0
    pair = (it.subjects[k // len(it.props)], it.props[k % len(it.props)])
    r = (
        it.subjects.index(it.rule[0]) * len(it.props) + it.props.index(it.rule[1])
        if it.rule[0] in it.subjects and it.rule[1] in it.props
        else k
    )
    if not it.allowed[r]:
        r = k
    if model.kind == "softmax":
        total = float(np.exp(zs - zs[k]).sum())
        return pair, (1.0 - float(np.exp(zs[r] - zs[k])) * MARGIN) / total
    sig = [1.0 / (1.0 + float(np.exp(-(zs[i] + model.bias)))) for i in (k, r)]
    return pair, sig[0] - sig[1] * MARGIN


def decide(
    it: Item, choice: tuple[str, str], prob: float, thr: float, mode: str
) -> tuple[str, str]:
    if prob < thr:
        return it.rule
    if mode == "abstained":
        s, p = it.rule
        if s != UNIDENTIFIED and p not in PLACEHOLDERS:
            return it.rule
        # fill only what the rules left open
        return (choice[0] if s == UNIDENTIFIED else s, choice[1] if p in PLACEHOLDERS else p)
    return choice


def apply(model: Scorer, data: SetData, thr: float, mode: str) -> list[tuple[str, str]]:
    return [decide(it, *best(model, it), thr, mode) for it in data.items]


def choose_threshold(sets: dict[str, SetData], c: float, mode: str) -> float:
    """Inner leave-one-set-out over the training sets: the threshold giving the most right
    subject and property while subject precision stays at least the rules'."""
    scored: list[tuple[SetData, list[tuple[tuple[str, str], float]]]] = []
    for k in sets:
        model = train([i for j, s in sets.items() if j != k for i in s.items], c)
        scored.append((sets[k], [best(model, it) for it in sets[k].items]))
    rules = [metric(d, [it.rule for it in d.items]) for d, _ in scored]
    r_prec = sum(m["s_ar"] for m in rules) / max(sum(m["s_asserted"] for m in rules), 1)
    best_thr, best_both = 1.01, sum(m["both"] for m in rules)
    for thr in GRID:
        ms = [
            metric(
                d,
                [decide(it, ch, pr, thr, mode) for it, (ch, pr) in zip(d.items, sc, strict=False)],
            )
            for d, sc in scored
        ]
        both = sum(m["both"] for m in ms)
        prec = sum(m["s_ar"] for m in ms) / max(sum(m["s_asserted"] for m in ms), 1)
        if prec >= r_prec - 1e-9 and both > best_both:
            best_thr, best_both = thr, both
    return best_thr


def curve(sets: dict[str, SetData], c: float) -> None:
    """Diagnostics: the outer folds' totals at each threshold, both modes."""
    scored = {}
    for k in sets:
        model = train([i for j, s in sets.items() if j != k for i in s.items], c)
        scored[k] = [best(model, it) for it in sets[k].items]
    rules = [metric(d, [it.rule for it in d.items]) for d in sets.values()]
    print("rules", _tot(rules))
    for mode in ("all", "abstained"):
        for thr in GRID[::4] if KIND == "logistic" else [x / 40 for x in range(4, 40, 2)]:
            ms = [
                metric(
                    d,
                    [
                        decide(it, ch, pr, thr, mode)
                        for it, (ch, pr) in zip(d.items, scored[k], strict=True)
                    ],
                )
                for k, d in sets.items()
            ]
            print(mode, thr, _tot(ms))


def _tot(ms: list[dict[str, int]]) -> str:
    t = {f: sum(m[f] for m in ms) for f in ms[0]}
    return (
        f"both {t['both']}/{t['expected']} subj prec {_pct(t['s_ar'], t['s_asserted'])} "
        f"({t['s_asserted']}) prop prec {_pct(t['p_ar'], t['p_asserted'])} ({t['p_asserted']})"
    )


#: The thresholds tried: fine where a logistic pair's probability mostly is.
GRID: Final = [*(x / 200 for x in range(0, 100)), *(x / 20 for x in range(10, 20))]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def loso(sets: dict[str, SetData], c: float, mode: str) -> None:
    print(f"\nLOSO, C={c}, mode={mode}")
    print(
        "| set | claims | rules: s+p | scorer: s+p | rules: subj prec | scorer: subj prec "
        "| rules: prop prec | scorer: prop prec | threshold |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    tot_r: dict[str, int] = {}
    tot_s: dict[str, int] = {}
    for k in sets:
        train_sets = {j: s for j, s in sets.items() if j != k}
        thr = FIXED if FIXED is not None else choose_threshold(train_sets, c, mode)
        model = train([i for s in train_sets.values() for i in s.items], c)
        r = metric(sets[k], [it.rule for it in sets[k].items])
        s = metric(sets[k], apply(model, sets[k], thr, mode))
        for tot, m in ((tot_r, r), (tot_s, s)):
            for f, v in m.items():
                tot[f] = tot.get(f, 0) + v
        print(_row(k, r, s, f"{thr:.2f}"))
    print(_row("**all**", tot_r, tot_s, ""))


def _row(k: str, r: dict[str, int], s: dict[str, int], thr: str) -> str:
    n = r["expected"]
    return (
        f"| {k} | {n} | {_pct(r['both'], n)} % ({r['both']}) "
        f"| {_pct(s['both'], n)} % ({s['both']}) "
        f"| {_pct(r['s_ar'], r['s_asserted'])} % | {_pct(s['s_ar'], s['s_asserted'])} % "
        f"| {_pct(r['p_ar'], r['p_asserted'])} % | {_pct(s['p_ar'], s['p_asserted'])} % | {thr} |"
    )


def oracle(sets: dict[str, SetData]) -> None:
    """How many found claims have their right pair among the candidates at all."""
    for k, d in sets.items():
        found = len(d.golds)
        inside = sum(
            any(
                (g.subject, g.prop)
                in {(s, p) for s in d.items[i].subjects for p in d.items[i].props}
                for i in g.good
            )
            for g in d.golds
        )
        print(f"{k}: claims {d.expected}, found {found}, right pair among candidates {inside}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", default=[], help="KEY=TEXTS_DIR")
    parser.add_argument("--loso", action="store_true")
    parser.add_argument("--oracle", action="store_true")
    parser.add_argument("--curve", action="store_true")
    parser.add_argument("--mode", default="all", choices=("all", "abstained"))
    parser.add_argument("--c", type=float, default=0.3)
    parser.add_argument("--write", default=None, help="train on every set; write the JSON here")
    parser.add_argument("--kind", default="softmax", choices=("softmax", "logistic"))
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--margin", action="store_true", help="confidence: less the rules' pair's")
    args = parser.parse_args(argv)
    global KIND, FIXED, MARGIN
    KIND, FIXED, MARGIN = args.kind, args.threshold, float(args.margin)
    sets: dict[str, SetData] = {}
    for spec in args.set:
        key, _, texts = spec.partition("=")
        if key in ex.NEVER_TRAINED:
            raise SystemExit(f"{key} is totals only: never trained or cross-validated on")
        sets[key] = load_set(key, Path(texts))
        print(f"{key}: {len(sets[key].items)} drafts, {sets[key].expected} claims", file=sys.stderr)
    if args.oracle:
        oracle(sets)
    if args.curve:
        curve(sets, args.c)
    if args.loso:
        loso(sets, args.c, args.mode)
    if args.write:
        thr = choose_threshold(sets, args.c, args.mode)
        model = train([i for s in sets.values() for i in s.items], args.c)
        out = {
            "about": f"factcheck.extract.scorer: {model.kind} weights over its FEATURES; "
            "trained by "
            "benchmarks/train_scorer.py on the read evaluation sets " + ", ".join(sets),
            "bias": model.bias,
            "kind": model.kind,
            "threshold": thr,
            "weights": model.weights,
        }
        Path(args.write).write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
