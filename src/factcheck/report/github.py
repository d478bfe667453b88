"""The ``github`` reporter: GitHub Actions workflow commands, one annotation per claim.

GitHub turns a line ``::error file=F,line=N,title=T::MESSAGE`` printed by a workflow step
into an annotation on line N of file F, in the pull request's diff and the run summary
(https://docs.github.com/actions/reference/workflow-commands-for-github-actions). Every
claim a finding cites gets one, so each fact file involved shows the finding at its own
claim line. Severities map to ``error``, ``warning`` and ``notice``; waived findings are
not annotated (they were accepted). Paths are as the corpus was named: run the audit
from the repository's root so that they are relative to it.
"""

from __future__ import annotations

from typing import Final

from factcheck.domain.conflict import AuditResult, Citation, Conflict
from factcheck.domain.corpus import Corpus
from factcheck.domain.errors import LoadError
from factcheck.report.wording import source_name, summary_line

__all__ = ["escape_data", "escape_property", "github"]

_COMMAND: Final = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped (as the actions toolkit does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also ``:`` and ``,``, which end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, file: str | None, line: int | None, title: str) -> str:
    props = []
    if file:
        props.append(f"file={escape_property(file)}")
        if line is not None:
            props.append(f"line={line}")
    props.append(f"title={escape_property(title)}")
    return f"::{kind} {','.join(props)}::{escape_data(message)}"


def _side(c: Citation) -> str:

    who = source_name(c)
    return f'{who}: "{c.quote}"' if c.quote else who


def _annotations(conflict: Conflict) -> list[str]:
    kind = _COMMAND[conflict.severity]
    title = f"factcheck {conflict.rule}"
    if not conflict.citations:
        return [_command(kind, conflict.message, None, None, title)]
    out = []
    for here in conflict.citations:
        others = [_side(c) for c in conflict.citations if c is not here]
        lines = [conflict.message, "", f"This claim: {_side(here)}"]
        lines += [f"Against: {o}" for o in others]
        out.append(_command(kind, "\n".join(lines), here.file, here.line, title))
    return out


def _load_error(e: LoadError) -> str:
    message = f"{e.field}: {e.message}" if e.field else e.message
    return _command("error", message, e.file, e.line, "factcheck load")


def github(result: AuditResult, corpus: Corpus) -> str:
    """Workflow commands for every load error and every cited claim, then the summary."""

    out = [_load_error(e) for e in result.errors]
    for c in result.conflicts:
        if not c.waived:
            out += _annotations(c)
    out.append(summary_line(result))
    return "\n".join(out)
