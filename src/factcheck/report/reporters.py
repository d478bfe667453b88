"""Reporters: render an :class:`~factcheck.AuditResult` for people or machines.

Each reporter is a function ``(result, corpus) -> str`` registered by name in
:data:`REPORTERS`; the CLI picks one with ``--format``. Every reporter receives the corpus
the result came from, so reporters that need more than the citations (titles, every claim
of a source, files) can look it up.

* ``text``: compiler style, ``facts/x.yaml:41: error[agree] ...`` then each side with
  its source title and quote; coloured only on a terminal, never when ``NO_COLOR`` is set.
* ``json``: :meth:`AuditResult.to_dict`, field names documented in the README.
* ``sarif``: SARIF 2.1.0, one result per conflict located at its first claim, the other
  claims as related locations; load errors are results of the pseudo-rule ``load``.
* ``markdown``: a pull-request comment, conflicts grouped by rule, quotes as blockquotes.
* ``github``: GitHub Actions workflow commands, an annotation on every cited claim line.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

from factcheck._version import __version__
from factcheck.domain.conflict import SEVERITIES, AuditResult, Citation, Conflict
from factcheck.domain.errors import LoadError
from factcheck.report.wording import source_name, summary_line

if TYPE_CHECKING:
    # Only named here: importing the corpus (and with it pydantic and the models) at
    # start-up would come before the console script turns the cyclic collector off.
    from factcheck.domain.corpus import Corpus

__all__ = [
    "REPORTERS",
    "Reporter",
    "as_json",
    "github",
    "html",
    "markdown",
    "render_conflict",
    "sarif",
    "text",
    "use_color",
]

#: ``(result, corpus) -> str``.
Reporter = Callable[[AuditResult, "Corpus"], str]

#: The rule name load errors are reported under in SARIF and markdown.
LOAD_RULE: Final = "load"
SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL: Final = {"error": "error", "warning": "warning", "info": "note"}

_RESET: Final = "\033[0m"
_STYLE: Final = {
    "error": "\033[1;31m",
    "warning": "\033[1;33m",
    "info": "\033[1;36m",
    "waived": "\033[2m",
    "place": "\033[1m",
    "quote": "\033[32m",
}


def use_color(stream: TextIO | None = None) -> bool:
    """Colour on a terminal, never when ``NO_COLOR`` is set (https://no-color.org), and
    anywhere when ``FORCE_COLOR`` is (https://force-color.org; ``NO_COLOR`` wins)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if color else text


def _where(file: str, line: int | None) -> str:
    return file if line is None else f"{file}:{line}"


def render_error(error: LoadError, *, color: bool = False) -> str:
    """``file:line: error[load] field: message``."""
    tag = _paint("error[load]", "error", color)
    field = f"{error.field}: " if error.field else ""
    return f"{_paint(_where(error.file, error.line), 'place', color)}: {tag} {field}{error.message}"


def render_conflict(conflict: Conflict, *, color: bool = False) -> str:
    """Compiler style: ``file:line: severity[rule] message`` then each side with its quote."""
    first = conflict.citations[0] if conflict.citations else None
    tag = f"{conflict.severity}[{conflict.rule}]"
    tag = _paint(tag, "waived" if conflict.waived else conflict.severity, color)
    if conflict.waived:
        tag += " (waived)"
    where = _where(first.file, first.line) if first else "<corpus>"
    lines = [f"{_paint(where, 'place', color)}: {tag} {conflict.message}"]
    previous: Citation | None = None
    for c in conflict.citations:
        side = f"    {c.file}:{c.line}: {source_name(c)}"
        if (
            c.quote
            and previous is not None
            and (c.source, c.quote)
            == (
                previous.source,
                previous.quote,
            )
        ):
            side += ": (the same quote)"  # two claims read from one passage
        elif c.quote:
            side += ": " + _paint(f'"{c.quote}"', "quote", color)
        lines.append(side)
        previous = c
    if conflict.waived and conflict.waiver_reason:
        lines.append(f"    waived: {conflict.waiver_reason}")
    return "\n".join(lines)


def text(result: AuditResult, corpus: Corpus, *, color: bool | None = None) -> str:
    """The human report: load errors, then conflicts, then a one-line summary.

    ``color=None`` decides with :func:`use_color` on standard output.
    """
    paint = use_color() if color is None else color
    out = [render_error(e, color=paint) for e in result.errors]
    out += [render_conflict(c, color=paint) for c in result.conflicts]
    out.append(summary_line(result))
    return "\n".join(out)


def as_json(result: AuditResult, corpus: Corpus) -> str:
    """``{"conflicts": [...], "errors": [...], "summary": {...}}`` (see the README)."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)


#: Where SARIF's relative URIs start: the working directory the audit ran in.
SRCROOT: Final = "SRCROOT"
#: Where rules and the tool are documented (SARIF's ``informationUri``).
INFORMATION_URI: Final = "https://pypi.org/project/factcheck-audit/"


def _artifact(file: str) -> dict[str, str]:
    """A relative URI against ``SRCROOT`` (the working directory), as code-scanning tools
    want them; an absolute ``file://`` URI only for a file outside it."""
    from urllib.parse import quote

    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix()), "uriBaseId": SRCROOT}


def _directory_uri(path: Path) -> str:
    uri = path.as_uri()
    return uri if uri.endswith("/") else f"{uri}/"


def _rule_name(rule: str) -> str:
    """``capacity-agrees`` -> ``CapacityAgrees``: SARIF wants a name apart from the id."""
    words = [w for w in rule.replace("_", "-").split("-") if w]
    name = "".join(w[:1].upper() + w[1:] for w in words)
    return name if name and name != rule else f"Rule{name or 'Unnamed'}"


def _sentence(text: str) -> str:
    """SARIF messages are sentences: end them with a full stop."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _location(file: str, line: int | None, message: str | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(file)}
    if line is not None:
        physical["region"] = {"startLine": line}
    loc: dict[str, Any] = {"physicalLocation": physical}
    if message:
        loc["message"] = {"text": _sentence(message)}
    return loc


def _citation_text(c: Citation) -> str:
    quote = f': "{c.quote}"' if c.quote else ""
    return f"{c.source} ({c.title}){quote}"


def _rule_descriptions(corpus: Corpus) -> dict[str, str]:
    out = {r.id: r.description for r in corpus.rules}
    out.setdefault("quotes", "every quote is verbatim in its source's snapshot")
    out.setdefault(LOAD_RULE, "fact files are readable and valid")
    out.setdefault("waivers", "every waiver still matches a conflict and has not expired")
    return out


def sarif(result: AuditResult, corpus: Corpus) -> str:
    """SARIF 2.1.0 for code-scanning tools: they annotate the fact files' lines."""
    used = sorted({c.rule for c in result.conflicts} | ({LOAD_RULE} if result.errors else set()))
    index = {rule: i for i, rule in enumerate(used)}
    results = [_sarif_error(e, index) for e in result.errors]
    results += [_sarif_conflict(c, index) for c in result.conflicts]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": _sarif_rules(used, corpus),
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(Path.cwd())}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def _sarif_rules(used: list[str], corpus: Corpus) -> list[dict[str, Any]]:
    """The rules ``used``, in that order (results point at them by index)."""
    descriptions = _rule_descriptions(corpus)
    severities = {r.id: r.severity for r in corpus.rules}
    return [
        {
            "id": rule,
            "name": _rule_name(rule),
            "shortDescription": {"text": _sentence(descriptions.get(rule, rule))},
            "defaultConfiguration": {"level": _SARIF_LEVEL[severities.get(rule, "error")]},
        }
        for rule in used
    ]


def _sarif_error(e: LoadError, index: dict[str, int]) -> dict[str, Any]:
    """A load error as a result of the pseudo-rule :data:`LOAD_RULE`."""
    message = f"{e.field}: {e.message}" if e.field else e.message
    return {
        "ruleId": LOAD_RULE,
        "ruleIndex": index[LOAD_RULE],
        "level": "error",
        "message": {"text": _sentence(message)},
        "locations": [_location(e.file, e.line)],
    }


def _sarif_conflict(c: Conflict, index: dict[str, int]) -> dict[str, Any]:
    """A conflict as a result at its first citation, the other citations related; a
    waived one carries its waiver as an accepted suppression."""
    first = c.citations[0] if c.citations else None
    item: dict[str, Any] = {
        "ruleId": c.rule,
        "ruleIndex": index[c.rule],
        "kind": "fail",
        "level": _SARIF_LEVEL[c.severity],
        "message": {"text": _sentence(c.message)},
        "locations": [_location(first.file, first.line, _citation_text(first))]
        if first is not None
        else [],
        "relatedLocations": [
            {"id": i, **_location(x.file, x.line, _citation_text(x))}
            for i, x in enumerate(c.citations[1:], start=1)
        ],
        "partialFingerprints": {"factcheckKey/v1": c.key},
        "properties": {
            "kind": c.kind,
            "claims": sorted(c.refs),
            "oddOneOut": list(c.odd_one_out),
            "support": list(c.support),
        },
    }
    if c.waived:
        item["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": c.waiver_reason or ""}
        ]
    return item


def _md(text: str) -> str:
    # Quotes are prose: only characters that would start markup mid-line are escaped.
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())


def _md_citations(citations: Iterable[Citation]) -> list[str]:
    out = []
    for c in citations:
        out.append(f"  > {_md(c.quote)}" if c.quote else "  > (no quote)")
        out.append(f"  >\n  > — *{_md(c.title)}* ({c.source}), `{c.file}:{c.line}`")
        out.append("")
    return out


def markdown(result: AuditResult, corpus: Corpus) -> str:
    """A report for a pull-request comment: load errors, then conflicts grouped by rule."""
    failed = "fails" if result.failed else "passes"
    out = [f"## factcheck: the audit {failed}", "", summary_line(result), ""]
    if result.errors:
        out += [f"### {LOAD_RULE}: {len(result.errors)} load errors", ""]
        out += [
            f"- `{_where(e.file, e.line)}`: {e.field + ': ' if e.field else ''}{_md(e.message)}"
            for e in result.errors
        ]
        out.append("")
    descriptions = _rule_descriptions(corpus)
    order = {sev: i for i, sev in enumerate(SEVERITIES)}
    groups: dict[str, list[Conflict]] = {}
    for c in result.conflicts:
        groups.setdefault(c.rule, []).append(c)
    for rule, conflicts in sorted(
        groups.items(), key=lambda kv: (min(order[c.severity] for c in kv[1]), kv[0])
    ):
        out += [f"### `{rule}` ({len(conflicts)}): {_md(descriptions.get(rule, ''))}", ""]
        for c in conflicts:
            waived = f" (waived: {_md(c.waiver_reason or '')})" if c.waived else ""
            out.append(f"- **{c.severity}**{waived}: {_md(c.message)}")
            out.append("")
            out += _md_citations(c.citations)
    if not result.errors and not result.conflicts:
        out.append("No conflicts, no load errors.")
    return "\n".join(out).rstrip() + "\n"


def html(result: AuditResult, corpus: Corpus) -> str:
    """The self-contained HTML report (see :mod:`factcheck.report.html`)."""
    # Imported here: the other reporters, and the pre-commit hook, never need its 15 ms.
    from factcheck.report.html import render_html

    return render_html(result, corpus)


def github(result: AuditResult, corpus: Corpus) -> str:
    """GitHub Actions annotations on every cited claim line (see :mod:`factcheck.report.github`)."""
    from factcheck.report.github import github as annotate

    return annotate(result, corpus)


#: Output formats by name.
REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
    "sarif": sarif,
    "markdown": markdown,
    "html": html,
    "github": github,
}
