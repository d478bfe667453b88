"""Snapshot verification: are the quotes really in the articles they cite?

Each article source names the snapshot its quotes were taken from (``snapshot: {file,
sha256}``). Given the directory holding the snapshots, :func:`verify_snapshots` checks
that each snapshot exists and has the recorded sha256, and that every claim's quote occurs
verbatim in it once runs of whitespace are folded to one space (nothing else is
normalised: a curly quote must be written as the article wrote it).

Every problem is a :class:`~factcheck.Conflict` of the pseudo-rule ``quotes`` (kind
``quote``, severity ``error``) rather than a load error: the fact file is valid, but what
it says disagrees with the article, exactly like a contradiction between two sources. So
it carries a citation (the claim's ``file:line``, at its ``quote:`` line), exits 1 not 2,
and appears in every output format. (Waivers do not apply: a misquote is fixed, not
accepted.) A missing snapshot or a wrong sha256 is cited at the source's ``snapshot:``
line.

A quote that is not found names the closest passage of the snapshot as a hint.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from factcheck.domain.conflict import AuditResult, Citation, Conflict
from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.errors import FactcheckError, LoadError
from factcheck.domain.model import Source
from factcheck.io.parse import read_file

__all__ = ["QUOTES_RULE", "closest_passage", "fold", "merge", "verify_snapshots"]

#: The pseudo-rule every snapshot finding is reported under.
QUOTES_RULE: Final = "quotes"
_KIND: Final = "quote"
_SPACE = re.compile(r"\s+")
_WORD_START = re.compile(r"(?:^|(?<=\s))\S")


def fold(text: str) -> str:
    """Fold every run of whitespace to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


def closest_passage(quote: str, text: str) -> tuple[str, float]:
    """The passage of ``text`` most like ``quote`` (both folded) and its similarity, 0..1.

    Candidates start at word boundaries and are as long as the quote; ``difflib``'s cheap
    upper bounds skip most of them before the full comparison.
    """
    quote, text = fold(quote), fold(text)
    if not quote or not text:
        return "", 0.0
    width = len(quote)
    best, best_ratio = "", -1.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    starts = [m.start() for m in _WORD_START.finditer(text)] or [0]
    for start in starts:
        candidate = text[start : start + width]
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = candidate.strip(), ratio
    return best, max(best_ratio, 0.0)


def verify_snapshots(corpus: Corpus, directory: str | os.PathLike[str]) -> tuple[Conflict, ...]:
    """Check every article source's snapshot in ``directory`` and every quote against it.

    Raises :class:`~factcheck.FactcheckError` only when ``directory`` is not a directory;
    everything else is a ``quotes`` conflict (sorted).
    """
    root = Path(directory)
    if not root.is_dir():
        raise FactcheckError([LoadError(str(root), None, "", "no such snapshot directory")])
    by_source: dict[str, list[Fact]] = {}
    for fact in corpus.facts:
        by_source.setdefault(fact.source.id, []).append(fact)
    out: list[Conflict] = []
    for sid, sf in sorted(corpus.sources.items()):
        source = sf.source
        if source.kind != "article" or source.snapshot is None:
            continue
        facts = sorted(by_source.get(sid, []), key=lambda f: f.quote_line)
        out += _verify_source(source, corpus.source_files[sid], facts, root)
    out.sort(key=lambda c: c.sort_key)
    return tuple(out)


def merge(result: AuditResult, conflicts: Iterable[Conflict]) -> AuditResult:
    """``result`` with ``conflicts`` added (sorted like the engine's) and ``quotes`` run."""
    extra = tuple(conflicts)
    merged = sorted((*result.conflicts, *extra), key=lambda c: c.sort_key)
    rules = (
        result.rules_run if QUOTES_RULE in result.rules_run else (*result.rules_run, QUOTES_RULE)
    )
    return dataclasses.replace(result, conflicts=tuple(merged), rules_run=rules)


def _conflict(message: str, citation: Citation) -> Conflict:
    return Conflict(QUOTES_RULE, _KIND, "error", message, (citation,))


def _snapshot_line(file: str) -> int:
    # The corpus does not keep the position of source fields; re-read this one file.
    data, _ = read_file(Path(file), file)
    try:
        return int(data["source"].key_lines["snapshot"])
    except (AttributeError, KeyError, TypeError):
        return 1


def _verify_source(source: Source, file: str, facts: list[Fact], root: Path) -> list[Conflict]:
    assert source.snapshot is not None
    snap = source.snapshot
    where = Citation(file, _snapshot_line(file), source.id, "", source.title, "")
    path = root / snap.file
    # A FIFO would block for ever; a link out of the directory could show any file's text.
    if path.exists() and not path.resolve().is_relative_to(root.resolve()):
        return [_conflict(f"snapshot {snap.file} of {source.id} links outside {root}", where)]
    if path.exists() and not path.is_file():
        return [_conflict(f"snapshot {snap.file} of {source.id} is not a regular file", where)]
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = "not found" if isinstance(exc, FileNotFoundError) else exc.strerror or str(exc)
        return [_conflict(f"snapshot {snap.file} of {source.id}: {reason} in {root}", where)]
    out = []
    digest = hashlib.sha256(data).hexdigest()
    if digest != snap.sha256:
        out.append(
            _conflict(
                f"snapshot {snap.file} of {source.id} has sha256 {digest}, "
                f"but the source records {snap.sha256}: the quotes may come from another text",
                where,
            )
        )
    try:
        text = fold(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        out.append(_conflict(f"snapshot {snap.file} is not valid UTF-8 ({exc.reason})", where))
        return out
    for fact in facts:
        quote = fact.claim.quote
        if quote is None or fold(quote) in text:
            continue
        passage, ratio = closest_passage(quote, text)
        hint = (
            f'; closest passage ({ratio:.0%} alike): "{passage}"'
            if ratio >= 0.5
            else "; nothing in the snapshot comes close"
        )
        citation = dataclasses.replace(fact.citation, line=fact.quote_line)
        out.append(
            _conflict(
                f"quote of {fact.ref} is not verbatim in snapshot {snap.file}{hint}", citation
            )
        )
    return out
