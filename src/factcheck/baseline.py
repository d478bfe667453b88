"""Baselines: the findings a corpus already had, so that a check fails only on new ones.

A baseline file lists findings by a key that survives edits elsewhere in the corpus: the
rule and the claims involved (``source-id/claim-id``), never line numbers or messages. It
is YAML, one finding per item, sorted, so a change to it reads as a diff in review::

    # factcheck baseline ...
    findings:
    - rule: capacity-agrees
      claims: ["a/cap", "b/cap"]
      message: "..."   # for the reviewer; not part of the key

:func:`apply` splits an audit result into the new findings (kept) and the known ones
(counted), and reports each entry that no longer matches a finding as a ``baseline``
warning citing the entry's line, as stale waivers are reported. Waivers stay the way to
accept one finding with a reason and an expiry date; a baseline accepts a whole state.

:func:`at_revision` computes the findings of the corpus at a git revision (for CI on a
pull request: ``--new-since origin/main``) in a temporary directory, never touching the
working tree.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from factcheck.domain.conflict import AuditResult, Citation, Conflict
from factcheck.domain.errors import LoadError

__all__ = [
    "BASELINE_RULE",
    "DEFAULT_NAME",
    "Applied",
    "Baseline",
    "Entry",
    "RevisionError",
    "apply",
    "at_revision",
    "dumps",
    "finding_key",
    "read",
]

#: The file name of a corpus's baseline, inside the corpus directory (hidden, so it is
#: never read as a fact file).
DEFAULT_NAME: Final = ".factcheck-baseline.yaml"
#: The pseudo-rule stale baseline entries are reported under.
BASELINE_RULE: Final = "baseline"
#: Kinds of finding a baseline never holds: problems with waivers and baselines
#: themselves must be fixed, not accepted.
_NOT_BASELINED: Final = frozenset({"waiver", BASELINE_RULE})

Key = tuple[str, tuple[str, ...]]


def finding_key(conflict: Conflict) -> Key:
    """What identifies a finding across edits: its rule and the claims involved."""
    return conflict.rule, tuple(sorted(conflict.refs))


def _baselined(conflict: Conflict) -> bool:
    return not conflict.waived and conflict.kind not in _NOT_BASELINED


@dataclass(frozen=True, slots=True)
class Entry:
    """One finding of a baseline file and the line it starts on."""

    rule: str
    claims: tuple[str, ...]
    line: int | None = None

    @property
    def key(self) -> Key:
        return self.rule, tuple(sorted(self.claims))


@dataclass(frozen=True, slots=True)
class Baseline:
    """The entries of one baseline file (``file`` is how it is cited)."""

    file: str
    entries: tuple[Entry, ...] = ()

    @classmethod
    def of(cls, conflicts: Iterable[Conflict], file: str = "") -> Baseline:
        """A baseline holding ``conflicts`` (the unwaived ones that can be baselined)."""
        keys = sorted(finding_key(c) for c in conflicts if _baselined(c))
        return cls(file, tuple(Entry(rule, claims) for rule, claims in keys))


_HEADER: Final = """\
# factcheck baseline: the findings this corpus had when it was written (`factcheck baseline`).
# `factcheck audit` and `factcheck check` fail only on findings not listed here. A finding
# is its rule and the claims involved; the message is for the reviewer and not compared.
# Review changes to this file as you would review code; to accept one finding with a
# reason and an expiry date, use a waiver instead.
"""


def dumps(conflicts: Iterable[Conflict]) -> str:
    """The baseline file holding ``conflicts``: sorted, one item per finding."""
    rows = sorted(
        (finding_key(c), c.message) for c in conflicts if _baselined(c)
    )  # same key twice: both kept, so a second identical finding is new
    if not rows:
        return _HEADER + "findings: []\n"
    out = [_HEADER, "findings:\n"]
    for (rule, claims), message in rows:
        out.append(f"- rule: {_quote(rule)}\n")
        out.append(f"  claims: [{', '.join(_quote(c) for c in claims)}]\n")
        out.append(f"  message: {_quote(' '.join(message.split()))}\n")
    return "".join(out)


#: Characters YAML does not allow in a file, or reads as line breaks: written as escapes.
_UNPRINTABLE: Final = "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


def _quote(text: str) -> str:
    """A YAML double-quoted scalar for ``text`` that reads back as ``text``.

    A JSON string is one, once what YAML would refuse or fold is escaped too. (The
    pattern is compiled on first use, 10 ms the pre-commit hook never needs.)
    """
    import re

    quoted = json.dumps(text, ensure_ascii=False)
    return re.sub(_UNPRINTABLE, lambda m: f"\\u{ord(m.group()):04x}", quoted)


def read(
    path: str | os.PathLike[str], display: str | None = None
) -> tuple[Baseline, list[LoadError]]:
    """The baseline in ``path`` and the problems with it (file, line, field)."""
    from factcheck.io.yaml_reader import parse

    file = display if display is not None else str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return Baseline(file), [LoadError(file, None, "", f"not UTF-8 text: {exc.reason}")]
    except OSError as exc:
        return Baseline(file), [LoadError(file, None, "", f"cannot be read: {exc.strerror or exc}")]
    data, errors = parse(text, file)
    if errors:
        return Baseline(file), errors
    return _baseline(data, file)


def _baseline(data: Any, file: str) -> tuple[Baseline, list[LoadError]]:
    """The baseline a parsed file holds, and the problems with it."""
    from factcheck.io.yaml_reader import YamlMap, YamlSeq

    if not isinstance(data, dict) or "findings" not in data:
        line = getattr(data, "line", 1)
        return Baseline(file), [
            LoadError(file, line, "", "a baseline is a mapping with a 'findings' list")
        ]
    unknown = [k for k in data if k != "findings"]
    problems: list[LoadError] = []
    if unknown and isinstance(data, YamlMap):
        problems += [
            LoadError(file, data.key_lines.get(k), k, "unknown field (a baseline has 'findings')")
            for k in unknown
        ]
    items = data["findings"]
    if not isinstance(items, list):
        line = data.key_lines.get("findings") if isinstance(data, YamlMap) else None
        return Baseline(file), [LoadError(file, line, "findings", "must be a list")]
    entries: list[Entry] = []
    for i, item in enumerate(items):
        line = items.item_lines[i] if isinstance(items, YamlSeq) else None
        entry = _entry(item, file, line, f"findings[{i}]", problems)
        if entry is not None:
            entries.append(entry)
    return Baseline(file, tuple(entries)), problems


def _entry(
    item: Any, file: str, line: int | None, where: str, problems: list[LoadError]
) -> Entry | None:
    """The entry one item of ``findings`` makes, or ``None``; its problems are added to
    ``problems``."""
    if not isinstance(item, dict):
        problems.append(LoadError(file, line, where, "must be a mapping with rule and claims"))
        return None
    rule, claims = item.get("rule"), item.get("claims")
    extra = sorted(set(item) - {"rule", "claims", "message"})
    if extra:
        problems.append(LoadError(file, line, f"{where}.{extra[0]}", "unknown field"))
    if not isinstance(rule, str) or not rule:
        problems.append(LoadError(file, line, f"{where}.rule", "must be a rule id"))
        return None
    if (
        not isinstance(claims, list)
        or not claims
        or not all(isinstance(c, str) and "/" in c for c in claims)
    ):
        problems.append(
            LoadError(file, line, f"{where}.claims", "must be a list of 'source-id/claim-id'")
        )
        return None
    return Entry(rule, tuple(claims), line)


@dataclass(frozen=True, slots=True)
class Applied:
    """An audit result with the known findings taken out."""

    result: AuditResult
    #: The findings the baselines list (taken out of ``result``).
    known: tuple[Conflict, ...]
    #: A warning per baseline entry that no longer occurs (in ``result`` too).
    stale: tuple[Conflict, ...]


def apply(
    result: AuditResult,
    baselines: Iterable[Baseline],
    *,
    in_scope: frozenset[str] | None = None,
    report_stale: bool = True,
) -> Applied:
    """``result`` without the findings a baseline lists, plus a warning per stale entry.

    ``in_scope`` (``source-id``\\ s) limits stale entries to those involving one of those
    sources: a check of some files sees only the findings that cite them. ``None``: every
    entry is in scope.
    """
    remaining: Counter[Key] = Counter()
    places: dict[Key, list[tuple[str, Entry]]] = {}
    for b in baselines:
        for e in b.entries:
            remaining[e.key] += 1
            places.setdefault(e.key, []).append((b.file, e))
    unmatched: list[Conflict] = []
    known: list[Conflict] = []
    for c in result.conflicts:
        key = finding_key(c)
        if _baselined(c) and remaining[key] > 0:
            remaining[key] -= 1
            known.append(c)
        else:
            unmatched.append(c)
    # A finding among fewer of the claims a known finding of its rule had (an edit took
    # one claim out of a group) involves nothing new: it is known too, and the entry it
    # came from is not stale.
    kept: list[Conflict] = []
    for c in unmatched:
        parent = _within(c, places) if _baselined(c) else None
        if parent is None:
            kept.append(c)
        else:
            known.append(c)
            remaining[parent] = min(remaining[parent], 0)
    stale: list[Conflict] = []
    if report_stale:
        for key, count in remaining.items():
            if count <= 0:
                continue
            _rule, claims = key
            if in_scope is not None and not any(c.split("/", 1)[0] in in_scope for c in claims):
                continue
            # Entries computed from a git revision have no line: what was fixed since
            # then is not a problem with a file.
            stale += [_stale(f, e) for f, e in places[key][-count:] if e.line is not None]
    stale.sort(key=lambda c: c.sort_key)
    return Applied(
        dataclasses.replace(result, conflicts=(*kept, *stale)), tuple(known), tuple(stale)
    )


def _within(conflict: Conflict, places: dict[Key, list[tuple[str, Entry]]]) -> Key | None:
    """The key of a baseline entry of the same rule whose claims include all of the
    conflict's, or ``None``."""
    refs = conflict.refs
    for key in places:
        if key[0] == conflict.rule and refs <= frozenset(key[1]):
            return key
    return None


def _stale(file: str, entry: Entry) -> Conflict:
    claims = ", ".join(sorted(entry.claims))
    return Conflict(
        rule=BASELINE_RULE,
        kind=BASELINE_RULE,
        severity="warning",
        message=f"the baseline entry for {entry.rule!r} ({claims}) no longer occurs; "
        "run `factcheck baseline` to bring the baseline up to date",
        citations=(Citation(file, entry.line or 1, BASELINE_RULE, entry.rule, "", ""),),
    )


class RevisionError(Exception):
    """The corpus could not be read at a git revision."""


def at_revision(
    corpus: str | os.PathLike[str], rev: str, *, allow_drafts: bool = False
) -> Baseline:
    """The findings of the corpus directory ``corpus`` as it was at git revision ``rev``.

    The corpus's tree at ``rev`` is exported with ``git archive`` into a temporary
    directory, loaded and audited there; the working tree and the index are not touched.
    A corpus that did not exist at ``rev`` had no findings (everything is new). Raises
    :class:`RevisionError` when ``rev`` is not a revision or git cannot be run.
    """
    # Imported here: the pre-commit hook reads baselines but never exports revisions.
    import io
    import tarfile
    import tempfile

    from factcheck.domain.errors import FactcheckError
    from factcheck.io.load import load
    from factcheck.rules.engine import audit

    directory = Path(corpus).absolute()
    name = f"revision {rev}"
    if _git(directory, "rev-parse", "--is-inside-work-tree") is None:
        raise RevisionError(f"--new-since {rev}: {corpus} is not inside a git repository")
    prefix = (_git(directory, "rev-parse", "--show-prefix") or "").strip()
    commit = _git(directory, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if not commit:
        raise RevisionError(f"--new-since {rev}: not a revision of this repository")
    tree = f"{commit.strip()}:{prefix}"
    # (``REV:path^{tree}`` would read ``^{tree}`` as part of the path.)
    if (_git(directory, "cat-file", "-t", tree) or "").strip() != "tree":
        return Baseline(name)  # no corpus there then: nothing was known
    # From the top: in a subdirectory git archive limits itself to that directory's path.
    top = Path((_git(directory, "rev-parse", "--show-toplevel") or str(directory)).strip())
    archive = _git_bytes(top, "archive", "--format=tar", tree)
    if archive is None:
        raise RevisionError(f"--new-since {rev}: git archive failed")
    with tempfile.TemporaryDirectory(prefix="factcheck-rev-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        try:
            old = load(tmp)
        except FactcheckError:  # unreadable then: nothing was known
            return Baseline(name)
        result = audit(old, allow_drafts=allow_drafts)
    return Baseline.of(result.conflicts, file=name)


def _git_bytes(cwd: Path, *args: str) -> bytes | None:
    """``git ARGS`` run in ``cwd``: its output, or ``None`` when it failed."""
    import subprocess

    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise RevisionError(f"cannot run git: {exc.strerror or exc}") from exc
    return done.stdout if done.returncode == 0 else None


def _git(cwd: Path, *args: str) -> str | None:
    out = _git_bytes(cwd, *args)
    return out.decode("utf-8", "replace") if out is not None else None
