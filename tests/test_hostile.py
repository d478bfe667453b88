"""Hostile and broken fact files, each run through the command line in a subprocess.

Every corpus here also holds two valid sources that contradict each other, so each case
checks both halves of the promise: the bad file is reported (file, line, message; exit 2;
no traceback) AND the valid files are still audited (their conflict is in the output).
The files are generated here; none is kept in the repository.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from .conftest import ENTITIES, PROPERTIES, source_yaml

RULES = """\
rules:
  - id: capacity-agrees
    kind: agree
    select: {property: capacity}
    description: Sources agree on a facility's capacity.
"""

VALID = {
    "entities.yaml": ENTITIES,
    "properties.yaml": PROPERTIES,
    "rules.yaml": RULES,
    "sources/a.yaml": source_yaml(
        "a", "- {id: cap, subject: cecot, property: capacity, value: 40000, quote: room for 40000}"
    ),
    "sources/b.yaml": source_yaml(
        "b", "- {id: cap, subject: cecot, property: capacity, value: 20000, quote: room for 20000}"
    ),
}

SNAPSHOT = "  snapshot: {file: x.txt, sha256: '" + "0" * 64 + "'}\n"
HEAD = "source:\n  id: x\n  title: X\n" + SNAPSHOT + "claims:\n"  # claims start on line 6


def claim(body: str) -> str:
    """A source file whose one claim (on line 6) is ``{body}``."""
    return HEAD + "  - {" + body + "}\n"


GOOD = "id: c, subject: cecot, property: capacity, value: 1, quote: q"

BILLION_LAUGHS = "".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n',
        *(
            f"{x}: &{x} [{', '.join([f'*{p}'] * 9)}]\n"
            for p, x in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    ]
)

# (id, file name, content, expected message, line or None)
CASES: list[tuple[str, str, str | bytes, str, int | None]] = [
    # an unclosed bracket or quote is reported where it opens, naming where reading failed
    (
        "malformed-yaml",
        "x.yaml",
        "source: [unclosed\nclaims: []\n",
        "flow sequence that starts here",
        1,
    ),
    (
        "unclosed-quote",
        "x.yaml",
        'source:\n  id: x\n  title: "never closed\n\nclaims: []\n',
        "quoted scalar that starts here",
        3,
    ),
    ("bad-indentation", "x.yaml", "source:\n  id: x\n title: y\n", "YAML syntax error", 3),
    ("tab-indentation", "x.yaml", "source:\n\tid: x\n", "YAML syntax error", 2),
    (
        "wrong-type-id",
        "x.yaml",
        claim(GOOD.replace("id: c", "id: 5")),
        "claims[0].id: expected text, got the number 5",
        6,
    ),
    (
        "wrong-type-title",
        "x.yaml",
        HEAD.replace("title: X", "title: [X]") + "  []\n",
        "source.title: expected text, got a list",
        3,
    ),
    (
        "unknown-field",
        "x.yaml",
        claim(GOOD + ", qoute: r"),
        "unknown field 'qoute' (did you mean 'quote'?)",
        6,
    ),
    (
        "unknown-top-level-field",
        "x.yaml",
        claim(GOOD) + "claimz: []\n",
        "unknown field 'claimz' (did you mean 'claims'?)",
        7,
    ),
    ("duplicate-key", "x.yaml", claim(GOOD + ", value: 2"), "duplicate key 'value'", 6),
    (
        "duplicate-claim-id",
        "x.yaml",
        claim(GOOD) + "  - {" + GOOD + "}\n",
        "duplicate claim id 'c'",
        7,
    ),
    (
        "duplicate-source-id",
        "sources/z.yaml",
        claim(GOOD).replace("id: x", "id: a"),
        "duplicate source id 'a'",
        2,
    ),
    (
        "unknown-entity",
        "x.yaml",
        claim(GOOD.replace("cecot", "cecott")),
        "unknown entity 'cecott' (did you mean 'cecot'?)",
        6,
    ),
    (
        "unknown-property",
        "x.yaml",
        claim(GOOD.replace("capacity", "capacty")),
        "unknown property 'capacty' (did you mean 'capacity'?)",
        6,
    ),
    ("empty-file", "x.yaml", "", "empty file", None),
    ("only-comments", "x.yaml", "# nothing yet\n\n", "empty file", None),
    ("top-level-list", "x.yaml", "- source\n- claims\n", "not a fact file", 1),
    ("top-level-scalar", "x.yaml", "hello\n", "not a fact file", 1),
    ("unknown-kind", "x.yaml", "people:\n  - x\n", "not a fact file", 1),
    ("two-kinds", "x.yaml", "entities: []\nproperties: []\n", "more than one of", 1),
    ("two-documents", "x.yaml", "entities: []\n---\nentities: []\n", "YAML syntax error", 2),
    ("binary", "x.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", None),
    ("invalid-utf8", "x.yaml", b"source:\n  id: \xff\xfe\n", "not valid UTF-8", 2),
    ("latin-1", "x.yaml", "entities: []\n# caf\xe9\n".encode("latin-1"), "not valid UTF-8", 2),
    (
        "tag-python-apply",
        "x.yaml",
        "source: !!python/object/apply:os.system ['touch PWNED']\nclaims: []\n",
        "YAML tags are not allowed (tag:yaml.org,2002:python/object/apply:os.system)",
        1,
    ),
    (
        "tag-python-name",
        "x.yaml",
        "source: !!python/name:os.system\nclaims: []\n",
        "YAML tags are not allowed",
        1,
    ),
    ("tag-binary", "x.yaml", claim(GOOD) + "  - !!binary aGVsbG8=\n", "YAML tags", 7),
    ("tag-custom", "x.yaml", "entities: !foo\n  - x\n", "YAML tags are not allowed (!foo)", 1),
    (
        "tag-timestamp",
        "x.yaml",
        claim(GOOD.replace("value: 1", "value: !!timestamp 2025-01-01")),
        "YAML tags are not allowed (tag:yaml.org,2002:timestamp)",
        6,
    ),
    ("tag-on-key", "x.yaml", "entities: []\n!k x: 1\n", "mapping keys must be plain strings", 2),
    ("billion-laughs", "x.yaml", BILLION_LAUGHS, "anchors and aliases are not allowed", 2),
    (
        "nesting-brackets",
        "x.yaml",
        "entities: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "nested more than 1000 deep",
        1,
    ),
    (
        "nesting-flow-mappings",
        "x.yaml",
        "entities: " + "{a: " * 100_000 + "}" * 100_000 + "\n",
        "nested more than 1000 deep",
        1,
    ),
    ("nesting-dashes", "x.yaml", "- " * 100_000 + "x\n", "nested more than 1000 deep", 1),
    (
        "nesting-indentation",
        "x.yaml",
        "".join(" " * i + "a:\n" for i in range(1200)) + " " * 1200 + "b\n",
        "nested more than 1000 deep",
        1001,
    ),
    (
        "nesting-65",
        "x.yaml",
        "entities: " + "[" * 70 + "]" * 70 + "\n",
        "nesting deeper than 64 levels",
        1,
    ),
    (
        "10000-digit-number",
        "x.yaml",
        claim(GOOD.replace("value: 1", "value: " + "9" * 10_000)),
        "number of 10,000 characters is too long",
        6,
    ),
    (
        "huge-float",
        "x.yaml",
        claim(GOOD.replace("value: 1", "value: 1e400")),
        "number 1e400 is too large",
        6,
    ),
    (
        "huge-quantity-text",
        "x.yaml",
        claim(GOOD.replace("value: 1", "value: '" + "9" * 400 + " thousand'")),
        "number too large in quantity",
        6,
    ),
    (
        "date-out-of-range",
        "x.yaml",
        claim(GOOD + ", as_of: 9999-12-31"),
        "date out of range in '9999-12-31'",
        6,
    ),
    (
        "10-MB-string",
        "x.yaml",
        HEAD.replace("title: X", "title: '" + "x" * 10_000_000 + "'") + "  []\n",
        "file is larger than 4 MiB",
        None,
    ),
    (
        "3-MB-string",
        "x.yaml",
        HEAD.replace("title: X", "title: '" + "x" * 3_000_000 + "'") + "  []\n",
        "text of 3,000,000 characters is longer than 100,000",
        3,
    ),
    ("long-key", "x.yaml", "entities: []\n" + "k" * 300 + ": 1\n", "mapping key longer", 2),
    ("over-size-limit", "x.yaml", "# " + "x" * (4 * 2**20) + "\n", "larger than 4 MiB", None),
    (
        "too-many-values",
        "x.yaml",
        "entities: [" + "1," * 1_100_000 + "]\n",
        "more than 1,000,000 values",
        None,
    ),
    (
        "too-many-errors",
        "x.yaml",
        "entities: []\n" + "".join(f"entities: {i}\n" for i in range(300)),
        "more than 100 errors",
        None,
    ),
    ("claims-mapping", "x.yaml", HEAD + "  c: 1\n", "claims must be a list", 5),
    (
        "source-list",
        "x.yaml",
        "source: [1, 2]\nclaims: []\n",
        "source: expected a mapping (key: value lines), got a list",
        1,
    ),
    (
        "source-null",
        "x.yaml",
        "source:\nclaims: []\n",
        "source: expected a mapping (key: value lines), got nothing (null)",
        1,
    ),
    (
        "claim-string",
        "x.yaml",
        HEAD + "  - hello\n",
        "claims[0]: expected a mapping (key: value lines), got the text 'hello'",
        6,
    ),
    ("claim-null", "x.yaml", HEAD + "  -\n", "claims[0]: expected a mapping", 6),
    ("non-string-key", "x.yaml", HEAD + "  - {[a]: b}\n", "keys must be plain strings", 6),
    (
        "entities-mapping",
        "x.yaml",
        "entities: {cecot: 1}\n",
        "entities: expected a list, got a mapping",
        1,
    ),
    (
        "value-mapping",
        "x.yaml",
        claim(GOOD.replace("value: 1", "value: {a: 1}")),
        "value must be a number, text, a date",
        6,
    ),
    (
        "between-not-pair",
        "x.yaml",
        claim(GOOD.replace("value: 1", "value: [1, 2, 3], hedge: between")),
        "a list value must be a pair [low, high] of numbers",
        6,
    ),
    (
        "bad-hedge",
        "x.yaml",
        claim(GOOD + ", hedge: maybe"),
        "unknown hedge 'maybe'",
        6,
    ),
    (
        "article-without-snapshot",
        "x.yaml",
        claim(GOOD).replace(SNAPSHOT, ""),
        "an article source needs a snapshot",
        2,
    ),
]


def _run(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "audit", "."],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard only: every case takes well under a second or two
        check=False,
    )


def _write(root: Path, files: Mapping[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _assert_valid_files_audited(out: str) -> None:
    assert "capacity-agrees" in out
    assert "sources/a.yaml:7" in out and "sources/b.yaml:7" in out


@pytest.mark.parametrize(
    ("name", "content", "message", "line"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_hostile_file(
    tmp_path: Path, name: str, content: str | bytes, message: str, line: int | None
) -> None:
    root = tmp_path / "facts"
    _write(root, {**VALID, name: content})
    proc = _run(root)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2, out[-2000:]
    assert "Traceback" not in out
    where = f"{name}:{line}:" if line is not None else f"{name}:"
    reported = [ln for ln in out.splitlines() if ln.startswith(where)]
    assert any(message in ln for ln in reported), (where, message, out[-2000:])
    assert len(out) < 100_000  # errors are summarised, never the hostile content itself
    _assert_valid_files_audited(out)
    assert not (root / "PWNED").exists()


def test_symlink_to_a_file_outside_the_corpus_is_not_read(tmp_path: Path) -> None:
    root = tmp_path / "facts"
    _write(root, VALID)
    secret = tmp_path / "secret.yaml"
    secret.write_text("entities: [{id: leaked, name: Leaked, kind: secret}]\n")
    (root / "link.yaml").symlink_to(secret)
    proc = _run(root)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2
    assert "link.yaml: error[load] symbolic link leads outside the corpus" in out
    assert "leaked" not in out.lower()
    _assert_valid_files_audited(out)


def test_symlinked_directory_is_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "facts"
    _write(root, VALID)
    outside = tmp_path / "elsewhere"
    _write(outside, {"e.yaml": "entities: [{id: leaked, name: Leaked, kind: secret}]\n"})
    (root / "more").symlink_to(outside, target_is_directory=True)
    proc = _run(root)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2
    assert "symbolic link to a directory: not followed" in out
    _assert_valid_files_audited(out)


def test_symlink_inside_the_corpus_is_read(tmp_path: Path) -> None:
    root = tmp_path / "facts"
    _write(root, VALID)
    (root / "rules-link.yml").symlink_to(root / "rules.yaml")
    proc = _run(root)
    out = proc.stdout + proc.stderr
    assert "duplicate rule id 'capacity-agrees'" in out  # it was read, as itself again
    assert proc.returncode == 2


def test_every_broken_file_is_reported_in_one_run(tmp_path: Path) -> None:
    root = tmp_path / "facts"
    broken = {f"broken/{case[0]}.yaml": case[2] for case in CASES if case[1] == "x.yaml"}
    small = {k: v for k, v in broken.items() if len(v) < 100_000}
    _write(root, {**VALID, **small})
    proc = _run(root)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2
    assert "Traceback" not in out
    for name in small:
        assert f"{name}:" in out, name
    _assert_valid_files_audited(out)


def test_clean_corpus_exits_by_conflicts_not_errors(tmp_path: Path) -> None:
    root = tmp_path / "facts"
    _write(root, VALID)
    proc = _run(root)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    _assert_valid_files_audited(proc.stdout)


def test_fifo_is_not_opened(tmp_path: Path) -> None:
    root = tmp_path / "facts"
    _write(root, VALID)
    os.mkfifo(root / "pipe.yaml")  # opening it would block for ever
    proc = _run(root)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2
    assert "pipe.yaml: error[load] not a regular file" in out
    _assert_valid_files_audited(out)


SNAP_TEXT = "The prison has room for 40,000 inmates.\n"
SNAP_SHA = hashlib.sha256(SNAP_TEXT.encode()).hexdigest()


def _snapshot_source(file: str, sha: str, quote: str) -> str:
    return (
        f"source:\n  id: s\n  title: S\n  snapshot: {{file: {file}, sha256: '{sha}'}}\n"
        "claims:\n  - id: c\n    subject: cecot\n    property: inmates\n    value: 1\n"
        f"    quote: {quote}\n"
    )


# (id, snapshot file named, its sha256, quote, expected message, line): the source's
# `snapshot:` is on line 4, the claim's `quote:` on line 10.
SNAPSHOT_CASES = [
    ("wrong-sha256", "seed.txt", "1" * 64, "room for 40,000", "has sha256", 4),
    ("missing-snapshot", "gone.txt", SNAP_SHA, "room for 40,000", "gone.txt of s: not found", 4),
    ("quote-not-verbatim", "seed.txt", SNAP_SHA, "room for 50,000", "not verbatim", 10),
    ("snapshot-is-fifo", "fifo.txt", SNAP_SHA, "room", "is not a regular file", 4),
    ("snapshot-links-outside", "link.txt", SNAP_SHA, "room", "links outside", 4),
]


@pytest.mark.parametrize(
    ("file", "sha", "quote", "message", "line"),
    [pytest.param(*case[1:], id=case[0]) for case in SNAPSHOT_CASES],
)
def test_snapshot_verification(
    tmp_path: Path, file: str, sha: str, quote: str, message: str, line: int
) -> None:
    root = tmp_path / "facts"
    seeds = tmp_path / "seeds"
    _write(root, {**VALID, "sources/s.yaml": _snapshot_source(file, sha, quote)})
    _write(seeds, {"seed.txt": SNAP_TEXT, "a.txt": "room for 40000", "b.txt": "room for 20000"})
    os.mkfifo(seeds / "fifo.txt")
    (tmp_path / "private.txt").write_text("secret text\n")
    (seeds / "link.txt").symlink_to(tmp_path / "private.txt")
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "audit", ".", "--sources", str(seeds)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out and "secret" not in out
    assert any(
        ln.startswith(f"sources/s.yaml:{line}:") and message in ln for ln in out.splitlines()
    ), out
    _assert_valid_files_audited(out)


HOOK_CASES = [
    "malformed-yaml",
    "binary",
    "invalid-utf8",
    "tag-python-apply",
    "billion-laughs",
    "nesting-brackets",
    "10000-digit-number",
    "over-size-limit",
    "claim-string",
    "unknown-entity",
]


@pytest.mark.parametrize("case", HOOK_CASES)
def test_hostile_file_through_the_pre_commit_hook(tmp_path: Path, case: str) -> None:
    _, name, content, message, line = next(c for c in CASES if c[0] == case)
    root = tmp_path / "facts"
    _write(root, {**VALID, name: content})
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", name, "sources/a.yaml"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2, out[-2000:]
    assert "Traceback" not in out
    where = f"{name}:{line}:" if line is not None else f"{name}:"
    assert any(ln.startswith(where) and message in ln for ln in out.splitlines()), out[-2000:]
    _assert_valid_files_audited(out)
