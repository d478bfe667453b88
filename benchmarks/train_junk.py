"""Train and measure a learned junk filter for ``factcheck extract``'s drafts.

Every read evaluation set's texts are drafted as ``factcheck extract`` drafts them (the
rules, then the learned scorer), as ``benchmarks/extraction.py`` does. A draft is junk
when the benchmark's matching pairs it with no hand-written claim; its features are
:data:`junk_features.JUNK_FEATURES` (general only). Then:

* ``--loso``: leave-one-set-out. For each read set, a logistic regression is trained on
  the others and its threshold chosen on the others too (an inner leave-one-set-out: the
  lowest junk share while value recall drops by at most ``--allow`` points); the held-out
  set is scored with the benchmark's figures (junk share of the drafts left, value recall),
  the drafts without the filter beside it. Prints the table per set and the totals.
* ``--write FILE``: trains on all read sets and writes the model as JSON (weights over
  the unscaled features, a bias and the threshold), for a run-time filter.

The filter did not win its leave-one-set-out (benchmarks/README.md, "train_junk.py"), so
factcheck ships none; this script and its features stay to measure the next attempt.

Needs scikit-learn (a development tool, not a dependency of factcheck). The sets are given
as in ``train_scorer.py``: ``--set KEY=TEXTS_DIR``; held-out 1 is never given here.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.extract.drafting import draft_fact_file
from factcheck.extract.scorer_reading import draftees

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extraction as ex
from junk_features import JUNK_FEATURES, junk_features, text_facts
from train_scorer import drafted_articles


@dataclass
class SetData:
    rows: list[list[float]] = field(default_factory=list)
    junk: list[bool] = field(default_factory=list)
    #: per hand-written claim found: the indices of the drafts that match it
    golds: list[list[int]] = field(default_factory=list)
    expected: int = 0


def load_set(key: str, texts: Path) -> SetData:
    data = SetData()
    # the drafts a user gets: the rules, then the learned scorer
    for corpus, sid, sf, text, draft, reading in drafted_articles(key, texts, draft_fact_file):
        published = draft.data["source"].get("published")
        claims = draft.claims
        items = draftees(claims, draft.figures)
        if len(items) != len(claims):
            raise SystemExit(f"{key}/{sid}: drafts without a figure")
        facts_ = text_facts(reading, items, published)
        base = len(data.rows)
        data.rows += [junk_features(reading, d, facts_) for d in items]
        used: set[int] = set()
        for claim, prop in ex.scored_claims(corpus, sf):
            data.expected += 1
            assert claim.quote is not None  # scored_claims gives only quoted claims
            good, _ = ex.matching_drafts(text, claim.quote, claim.value, prop.type, claims)
            if good:
                used.update(good)
                data.golds.append([base + i for i in good])
        data.junk += [i not in used for i in range(len(claims))]
    return data


def measure(data: SetData, drop: list[bool]) -> dict[str, int]:
    """The benchmark's counts with the ``drop`` drafts set aside: drafts, junk, values."""
    kept = [i for i in range(len(data.rows)) if not drop[i]]
    return dict(
        drafts=len(kept),
        junk=sum(data.junk[i] for i in kept),
        values=sum(any(not drop[i] for i in g) for g in data.golds),
        expected=data.expected,
    )


def fit(sets: list[SetData], c: float) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x = np.array([r for s in sets for r in s.rows])
    y = np.array([j for s in sets for j in s.junk], dtype=int)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000))
    model.fit(x, y)
    return model


def proba(model: Any, data: SetData) -> list[float]:
    import numpy as np

    return [float(p) for p in model.predict_proba(np.array(data.rows))[:, 1]]


GRID = [x / 100 for x in range(30, 100)]


def choose_threshold(sets: dict[str, SetData], c: float, allow: float) -> float:
    """Inner leave-one-set-out: the threshold with the lowest junk share of the drafts
    left while value recall drops by at most ``allow`` points (totals of the folds)."""
    scored = []
    for k in sets:
        model = fit([s for j, s in sets.items() if j != k], c)
        scored.append((sets[k], proba(model, sets[k])))
    base = [measure(d, [False] * len(d.rows)) for d, _ in scored]
    recall0 = sum(m["values"] for m in base) / sum(m["expected"] for m in base)
    best_thr = 1.01
    best_share = sum(m["junk"] for m in base) / sum(m["drafts"] for m in base)
    for thr in GRID:
        ms = [measure(d, [p >= thr for p in ps]) for d, ps in scored]
        recall = sum(m["values"] for m in ms) / sum(m["expected"] for m in ms)
        share = sum(m["junk"] for m in ms) / max(sum(m["drafts"] for m in ms), 1)
        if recall >= recall0 - allow / 100 - 1e-9 and share < best_share - 1e-12:
            best_thr, best_share = thr, share
    return best_thr


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "-"


def _row(k: str, r: dict[str, int], f: dict[str, int], thr: str) -> str:
    return (
        f"| {k} | {r['drafts']} | {_pct(r['junk'], r['drafts'])} | {f['drafts']} "
        f"| {_pct(f['junk'], f['drafts'])} | {_pct(r['values'], r['expected'])} "
        f"| {_pct(f['values'], f['expected'])} | {thr} |"
    )


def loso(sets: dict[str, SetData], c: float, allow: float, fixed: float | None) -> None:
    print(f"\nLOSO, C={c}, allow={allow}")
    print(
        "| set (held out) | drafts | junk share | drafts with filter | junk share with "
        "filter | value recall | value recall with filter | threshold |"
    )
    print("|---|---|---|---|---|---|---|---|")
    tot_r: dict[str, int] = {}
    tot_f: dict[str, int] = {}
    for k in sets:
        train = {j: s for j, s in sets.items() if j != k}
        thr = fixed if fixed is not None else choose_threshold(train, c, allow)
        model = fit(list(train.values()), c)
        ps = proba(model, sets[k])
        r = measure(sets[k], [False] * len(ps))
        f = measure(sets[k], [p >= thr for p in ps])
        for tot, m in ((tot_r, r), (tot_f, f)):
            for name, v in m.items():
                tot[name] = tot.get(name, 0) + v
        print(_row(k, r, f, f"{thr:.2f}"), flush=True)
    print(_row("**all**", tot_r, tot_f, ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", default=[], help="KEY=TEXTS_DIR")
    parser.add_argument("--loso", action="store_true")
    parser.add_argument("--c", type=float, default=0.1)
    parser.add_argument("--allow", type=float, default=1.0, help="value recall points to give")
    parser.add_argument("--threshold", type=float, default=None, help="fixed (diagnostics)")
    parser.add_argument("--write", default=None, help="train on every set; write the JSON here")
    args = parser.parse_args(argv)
    sets: dict[str, SetData] = {}
    for spec in args.set:
        key, _, texts = spec.partition("=")
        if key in ex.NEVER_TRAINED:
            raise SystemExit(f"{key} is totals only: never trained or cross-validated on")
        sets[key] = load_set(key, Path(texts))
        print(f"{key}: {len(sets[key].rows)} drafts", file=sys.stderr)
    if args.loso:
        loso(sets, args.c, args.allow, args.threshold)
    if args.write:
        thr = choose_threshold(sets, args.c, args.allow)
        model = fit(list(sets.values()), args.c)
        scaler, logit = model.steps[0][1], model.steps[1][1]
        w = logit.coef_[0] / scaler.scale_
        bias = float(logit.intercept_[0] - (w * scaler.mean_).sum())
        out = {
            "about": "factcheck.extract.junk_filter: logistic weights over JUNK_FEATURES; "
            "trained by benchmarks/train_junk.py on the read evaluation sets " + ", ".join(sets),
            "bias": round(bias, 6),
            "threshold": thr,
            "weights": {f: round(float(v), 6) for f, v in zip(JUNK_FEATURES, w, strict=True)},
        }
        Path(args.write).write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
