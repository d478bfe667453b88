"""Settings from ``factcheck.toml`` or ``pyproject.toml`` ``[tool.factcheck]``.

The command line looks in the working directory and its parents (up to the repository's
root, the directory holding ``.git``) for the first ``factcheck.toml`` (a plain table)
or ``pyproject.toml`` with a ``[tool.factcheck]`` table, and takes its settings as the
defaults of its options: a flag given on the command line always wins. Paths are relative
to the file they are written in::

    [tool.factcheck]
    corpus = "facts"            # the corpus directory (audit, baseline)
    sources = "../seeds"        # --sources: article snapshots to verify quotes against
    fail-on = "warning"         # --fail-on: error, warning or info
    severity = "info"           # --severity: the least severe finding shown
    baseline = "facts/.factcheck-baseline.yaml"   # --baseline
    format = "text"             # --format
    color = "auto"              # --color: auto, always or never

A bad file (TOML syntax, an unknown key, a value of the wrong type or not among the
choices) is a :class:`~factcheck.domain.errors.LoadError` naming its file and line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from factcheck.domain.errors import LoadError

__all__ = ["KEYS", "Config", "display", "find", "load"]

NAMES: Final = ("factcheck.toml", "pyproject.toml")
SEVERITY_CHOICES: Final = ("error", "warning", "info")


def _choice(*choices: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if not isinstance(value, str) or value not in choices:
            return f"must be one of {', '.join(choices)}"
        return None

    return check


def _format(value: Any) -> str | None:
    from factcheck.report import REPORTERS

    return _choice(*REPORTERS)(value)


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value else "must be a non-empty string"


#: key -> (the option it sets, whether it is a path, how to check a value).
KEYS: Final[dict[str, tuple[str, bool, Callable[[Any], str | None]]]] = {
    "corpus": ("path", True, _text),
    "sources": ("sources", True, _text),
    "baseline": ("baseline", True, _text),
    "fail-on": ("fail_on", False, _choice(*SEVERITY_CHOICES)),
    "severity": ("severity", False, _choice(*SEVERITY_CHOICES)),
    "format": ("format", False, _format),
    "color": ("color", False, _choice("auto", "always", "never")),
}


@dataclass(frozen=True)
class Config:
    """The settings found (``file`` is ``None`` when there was no config file)."""

    file: Path | None = None
    #: option name (argparse ``dest``) -> value, paths already relative to the cwd.
    options: dict[str, Any] = field(default_factory=dict)
    #: option name -> the line it was set on (for errors found later, such as a format).
    lines: dict[str, int | None] = field(default_factory=dict)


def find(start: Path | None = None) -> Path | None:
    """The config file in force for ``start`` (default: the working directory), if any."""
    here = (start or Path.cwd()).absolute()
    for directory in (here, *here.parents):
        for name in NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
        if (directory / ".git").exists():
            break
    return None


def _has_table(pyproject: Path) -> bool:
    # A byte search first: most pyproject.toml files have no [tool.factcheck], and
    # parsing TOML on every hook run would cost more than finding that out.
    try:
        data = pyproject.read_bytes()
    except OSError:
        return False
    return re.search(rb"^\s*\[\s*tool\s*\.\s*factcheck\s*\]", data, re.MULTILINE) is not None


def load(path: Path | None = None) -> tuple[Config, list[LoadError]]:
    """The settings in ``path`` (default: :func:`find`), and what is wrong with them."""
    path = path if path is not None else find()
    if path is None:
        return Config(), []
    import tomllib

    display = _relative(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return Config(path), [LoadError(display, None, "", f"not UTF-8 text: {exc.reason}")]
    except OSError as exc:
        return Config(path), [
            LoadError(display, None, "", f"cannot be read: {exc.strerror or exc}")
        ]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        # "at end of document": an unfinished value, reported at the last line.
        line = int(m.group(1)) if m else len(text.splitlines()) or None
        return Config(path), [LoadError(display, line, "", f"TOML syntax error: {message}")]
    table_name = "tool.factcheck" if path.name == "pyproject.toml" else ""
    table: Any = data.get("tool", {}).get("factcheck", {}) if table_name else data
    if not isinstance(table, dict):
        line = _line_of(text, "factcheck", "")
        return Config(path), [LoadError(display, line, table_name, "must be a table")]
    errors: list[LoadError] = []
    options: dict[str, Any] = {}
    lines: dict[str, int | None] = {}
    for key, value in table.items():
        line = _line_of(text, key, table_name)
        where = f"{table_name}.{key}" if table_name else key
        if key not in KEYS:
            errors.append(
                LoadError(display, line, where, f"unknown setting (known: {', '.join(KEYS)})")
            )
            continue
        dest, is_path, check = KEYS[key]
        problem = check(value)
        if problem:
            errors.append(LoadError(display, line, where, problem))
            continue
        options[dest] = _relative(path.parent / value) if is_path else value
        lines[dest] = line
    return Config(path, options, lines), errors


def display(path: Path) -> str:
    """How a config file is cited: relative to the working directory."""
    return _relative(path)


def _relative(path: Path) -> str:
    # Relative to the working directory, as reports cite files ("../facts" from below).
    return os.path.relpath(path.absolute(), Path.cwd())


def _line_of(text: str, key: str, table: str) -> int | None:
    """The line ``key = ...`` is on, in ``[table]`` (``""``: the top level)."""
    current = ""
    header = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]")
    assignment = re.compile(r"^\s*(?:\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+))\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if m := header.match(line):
            current = re.sub(r"\s*\.\s*", ".", m.group(1))
            if current == table and key == table.rsplit(".", 1)[-1]:
                return number
            continue
        if current == table and (m := assignment.match(line)) and key in m.groups():
            return number
    return None
