"""Load errors: plain records of what is wrong with an input, and where."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["FactcheckError", "LoadError", "did_you_mean"]


@dataclass(frozen=True, slots=True, order=True)
class LoadError:
    """One problem with one input file: ``file:line: field: message``.

    ``line`` is 1-based, or ``None`` when the problem has no single line (an unreadable
    file). ``field`` is a dotted path such as ``claims[3].value``, or ``""``.
    """

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "field": self.field, "message": self.message}


class FactcheckError(Exception):
    """The one exception type factcheck raises for bad input; carries every error found."""

    def __init__(self, errors: Iterable[LoadError] | str) -> None:
        if isinstance(errors, str):
            self.errors: tuple[LoadError, ...] = ()
            super().__init__(errors)
        else:
            self.errors = tuple(errors)
            super().__init__("\n".join(str(e) for e in self.errors))


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for the closest of ``choices`` to ``name``, or ``""``."""
    import difflib  # only for a misspelt name: a clean run never pays its 1-2 ms import

    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
