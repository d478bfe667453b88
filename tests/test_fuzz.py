"""Fuzzing the reader: arbitrary text and bytes never make factcheck raise.

``_yaml.parse`` and ``parse.read_file`` report every problem as a LoadError; ``load``
never raises for content (only ``strict=True`` raises, and only FactcheckError); the audit
runs on whatever was loaded. Inputs: any text, any bytes, YAML-shaped token soup, and
valid fact files with random edits (which reach the model and corpus checks).

Example counts are modest so the suite stays fast; for a long run set
``FACTCHECK_FUZZ_EXAMPLES`` (e.g. ``FACTCHECK_FUZZ_EXAMPLES=20000 pytest tests/test_fuzz.py``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import FactcheckError, LoadError
from factcheck.io import parse
from factcheck.io import yaml_reader as _yaml

from .conftest import ENTITIES, PROPERTIES, source_yaml

_SCALE = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "300"))
FAST = settings(max_examples=_SCALE, deadline=None)
SLOW = settings(
    max_examples=max(1, _SCALE // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

VALID_SOURCE = source_yaml(
    "a",
    """\
- id: cap
  subject: CECOT
  property: capacity
  value: 40,000
  hedge: about
  as_of: 2024-08
  quote: space for 40,000 inmates
- id: open
  subject: cecot
  property: opened
  value: 2023-01
  hedge: not-before
  period: {start: 2023, end: 2024}
  quote: opened in January 2023
- id: name
  subject: cecot
  property: name
  value: Centro de Confiramiento del Terrorismo
  quote: the Centro
""",
)
RULES = "rules:\n  - {id: agree, kind: agree, description: Sources agree.}\n"
WAIVERS = (
    "waivers:\n  - {rule: agree, claims: [a/cap, b/cap], reason: r, reviewer: me,"
    " date: 2025-01-01, expires: 2026}\n"
)

TOKENS = [
    "source:",
    "claims:",
    "entities:",
    "properties:",
    "rules:",
    "waivers:",
    "id: x",
    "subject: cecot",
    "property: capacity",
    "value: ",
    "quote: q",
    "hedge: about",
    "as_of: 2023-13-01",
    "period: {start: 2024, end: 2023}",
    "\n",
    "  ",
    "    ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ":",
    ": ",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "!x ",
    "!!python/object:os.system ",
    "'",
    '"',
    "#",
    "|",
    ">",
    "---",
    "...",
    "? ",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "9" * 150,
    "1e400",
    "-1",
    "0.5",
    "null",
    "~",
    "true",
    "\t",
    "\ufeff",
    "\x85",
    "\u2028",
    "\x00",
    "\r\n",
    "\\",
    "é",
    "2023-01-01T25:00+99:99",
    "9999-12-31",
    "0001-01-01T00:00+05:00",
    "yes",
    "=",
    "<<: *a",
]
token_soup = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


@st.composite
def edited(draw: st.DrawFn, text: str = VALID_SOURCE) -> str:
    """``text`` with a few random deletions, insertions and replacements."""
    chars = list(text)
    for _ in range(draw(st.integers(1, 6))):
        if not chars:
            break
        i = draw(st.integers(0, len(chars) - 1))
        op = draw(st.sampled_from(("delete", "insert", "replace", "duplicate")))
        piece = draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=3)))
        if op == "delete":
            del chars[i : i + draw(st.integers(1, 20))]
        elif op == "insert":
            chars[i:i] = piece
        elif op == "replace":
            chars[i] = piece
        else:
            j = draw(st.integers(i, min(len(chars), i + 80)))
            chars[j:j] = chars[i:j]
    return "".join(chars)


any_text = st.one_of(st.text(), token_soup, edited())


def _check_errors(errors: list[LoadError], file: str) -> None:
    for error in errors:
        assert isinstance(error, LoadError)
        assert error.file == file
        assert error.line is None or error.line >= 1
        assert error.message


@FAST
@given(any_text)
def test_parse_never_raises(text: str) -> None:
    value, errors = _yaml.parse(text, "f.yaml")
    _check_errors(errors, "f.yaml")
    if errors:
        return
    assert value is None or isinstance(value, _yaml.YamlMap | _yaml.YamlSeq | str | int | float)


@FAST
@given(st.one_of(st.binary(), any_text.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_read_file_never_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yaml"
        path.write_bytes(data)
        _value, errors = parse.read_file(path, "f.yaml")
    _check_errors(errors, "f.yaml")


def _corpus(tmp: str, name: str, data: bytes) -> Path:
    root = Path(tmp)
    files = {
        "entities.yaml": ENTITIES,
        "properties.yaml": PROPERTIES,
        "rules.yaml": RULES,
        "waivers.yaml": WAIVERS,
        "sources/b.yaml": source_yaml(
            "b", "- {id: cap, subject: cecot, property: capacity, value: 1, quote: q}"
        ),
    }
    for file, text in files.items():
        (root / file).parent.mkdir(parents=True, exist_ok=True)
        (root / file).write_text(text, encoding="utf-8")
    (root / name).write_bytes(data)
    return root


@SLOW
@given(
    st.sampled_from(["sources/a.yaml", "entities.yaml", "properties.yaml", "rules.yaml"]),
    st.one_of(
        st.binary(max_size=200),
        any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
        edited(ENTITIES).map(str.encode),
        edited(PROPERTIES).map(str.encode),
        edited(
            RULES + "  - {id: r2, kind: agree, select: {property: capacity},"
            " params: {}, severity: warning, description: d}\n"
        ).map(str.encode),
    ),
)
def test_load_and_audit_never_raise(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = _corpus(tmp, name, data)
        corpus = factcheck.load(root)
        result = factcheck.audit(corpus)
        try:
            factcheck.load(root, strict=True)
        except FactcheckError as exc:
            assert exc.errors == tuple(corpus.errors)
        else:
            assert corpus.errors == []
    assert result.exit_code in (0, 1, 2)
    if corpus.errors:
        assert result.exit_code == 2
    # The files the fuzzer did not touch are still loaded.
    assert "b" in corpus.sources
