"""A learned scorer for a draft's (subject, property): a second opinion on the rules'.

For every draft the rules made, each candidate pair (:mod:`.scorer_reading`) is described
by general features (:mod:`.scorer_features`). A conditional-logit model (a softmax over
the draft's pairs), trained by ``benchmarks/train_scorer.py`` on the read evaluation sets
and shipped as ``scorer_weights.json``, gives each pair a probability; the placeholders'
pairs stand for "none of these" (taught by the found drafts whose right pair is no
candidate). The best pair naming both a subject and a property replaces the rules' answer
only when its probability clears the model's threshold (chosen by leave-one-set-out to
keep subject precision at least the rules'); the note says so. Pure Python, read once, no
network.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from factcheck.extract.fact_file import Draft
from factcheck.extract.mention import Mention
from factcheck.extract.scorer_features import (
    FEATURES,
    PAIR_FEATURES,
    PROPERTY_FEATURES,
    SUBJECT_FEATURES,
    pair_features,
)
from factcheck.extract.scorer_reading import (
    PLACEHOLDERS,
    Draftee,
    Reading,
    allowed,
    draftees,
)
from factcheck.extract.vocabulary import Names

__all__ = ["Choice", "Scorer", "load_scorer", "rescore_drafts"]


@dataclass(frozen=True)
class Choice:
    """The scorer's best pair for a draft, its probability and the features that weighed most."""

    subject: str
    property: str
    probability: float
    top: tuple[str, ...]


@dataclass(frozen=True)
class Scorer:
    """A logistic model over :data:`FEATURES` with its decision threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float
    kind: str = "logistic"  # "softmax": the probability is the pair's share of the draft's

    def choose(self, reading: Reading, d: Draftee) -> Choice:
        """The best pair of the draft's candidates naming a subject and a property (ties:
        the first in candidate order), with its probability among all the draft's pairs;
        none: the rules' pair with probability 0."""
        subjects, props, sv, pv, pair = pair_features(reading, d)
        ws = [self.weights.get(f, 0.0) for f in SUBJECT_FEATURES]
        wp = [self.weights.get(f, 0.0) for f in PROPERTY_FEATURES]
        wx = [self.weights.get(f, 0.0) for f in PAIR_FEATURES]
        ss = [sum(w * x for w, x in zip(ws, v, strict=True)) for v in sv]
        ps = [sum(w * x for w, x in zip(wp, v, strict=True)) for v in pv]
        zs = [
            (ss[i] + ps[j] + sum(w * x for w, x in zip(wx, pair(s, p), strict=True)), i, j)
            for i, s in enumerate(subjects)
            for j, p in enumerate(props)
            if allowed(reading.names, s, p)
        ]
        # of the pairs naming both a subject and a property (no other is ever right: the
        # placeholders' pairs stand for "none of these"), the highest score; of equal ones
        # the first in candidate order
        full = [t for t in zs if t[1] > 0 and t[2] > 0]
        if not full:  # no pair could be right: the rules' answer stands
            return Choice(d.claim["subject"], d.claim["property"], 0.0, ())
        z, i, j = max(full, key=lambda t: (t[0], -t[1], -t[2]))
        if self.kind == "softmax":
            probability = 1.0 / sum(math.exp(y - z) for y, _, _ in zs)
        else:
            probability = 1.0 / (1.0 + math.exp(-(z + self.bias)))
        vec = [*sv[i], *pv[j], *pair(subjects[i], props[j])]
        parts = sorted(
            ((self.weights.get(f, 0.0) * x, f) for f, x in zip(FEATURES, vec, strict=True) if x),
            reverse=True,
        )
        top = tuple(f for c, f in parts[:3] if c > 0)
        return Choice(subjects[i], props[j], probability, top)


@lru_cache(maxsize=1)
def _shipped() -> Scorer | None:
    try:
        raw = resources.files("factcheck.extract").joinpath("scorer_weights.json").read_text()
    except FileNotFoundError:
        return None
    return load_scorer(json.loads(raw))


def load_scorer(data: dict[str, Any] | None = None) -> Scorer | None:
    """The shipped model (``scorer_weights.json``, read once), or the one in ``data``; None
    if none is shipped."""
    if data is None:
        return _shipped()
    return Scorer(
        {str(k): float(v) for k, v in data["weights"].items()},
        float(data["bias"]),
        float(data["threshold"]),
        str(data.get("kind", "logistic")),
    )


def _unit(names: Names, claim: dict[str, Any], mention: Mention) -> None:
    """The claim's unit as its (new) property writes the figure's."""
    if mention.unit:
        claim["unit"] = names.unit_as_written(
            None if claim["property"] in PLACEHOLDERS else claim["property"], mention.unit
        )


def _renamed(claim_id: str, old: str, new: str, ids: set[str]) -> str:
    """A draft's id named after its new property, as the rules name theirs ("number-938"
    -> "min-pressure-938"), kept unique among ``ids`` (which it joins)."""
    base = next((b for b in (old, "number", "date") if claim_id.startswith(b + "-")), None)
    if base is None:
        return claim_id
    stem = new + claim_id[len(base) :]
    renamed, n = stem, 1
    while renamed in ids:
        n += 1
        renamed = f"{stem}-{n}"
    ids.discard(claim_id)
    ids.add(renamed)
    return renamed


def _moved(draft: Draft, old: str, new: str) -> None:
    """The draft's figure and label records follow a renamed draft."""
    if old in draft.figures:
        draft.figures[new] = draft.figures.pop(old)
    if old in draft.labelled:
        draft.labelled.discard(old)
        draft.labelled.add(new)


def rescore_drafts(draft: Draft, reading: Reading, scorer: Scorer | None = None) -> int:
    """Give each draft the scorer's best (subject, property) where its probability clears
    the threshold and it differs from the rules'; the note says what was chosen, why (the
    probability and the features that weighed most) and what the rules had. Every draft is
    scored on the rules' answers alone (the subject of the draft before is the rules'),
    so the outcome does not depend on the order they are scored in. Returns how many
    drafts changed."""
    scorer = scorer or load_scorer()
    if scorer is None:
        return 0
    items = draftees(draft.claims, draft.figures)
    choices = [(d, scorer.choose(reading, d)) for d in items]
    ids = {str(c["id"]) for c in draft.claims}
    changed = 0
    for d, c in choices:
        claim = d.claim
        rules = (claim["subject"], claim["property"])
        if c.probability < scorer.threshold or (c.subject, c.property) == rules:
            continue
        if c.property != rules[1]:
            old = str(claim["id"])
            claim["id"] = _renamed(old, rules[1], c.property, ids)
            _moved(draft, old, claim["id"])
        claim["subject"], claim["property"] = c.subject, c.property
        _unit(reading.names, claim, d.mention)
        claim["note"] += (
            f"; scorer: {c.subject} / {c.property} (probability {c.probability:.2f}; "
            f"weighed most: {', '.join(c.top) or 'none'}), not the rules' {rules[0]} / {rules[1]}"
        )
        changed += 1
    return changed
