"""Old import paths, kept for one release: ``factcheck.model`` is ``factcheck.domain.model``.

The package was flat until it was laid out by layer. Code that imports a module by its
old name gets the module at its new place (the very same module object) and one
:class:`DeprecationWarning` naming the new path. Nothing is imported until asked for.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import warnings
from types import ModuleType
from typing import TYPE_CHECKING, Final, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

__all__ = ["MOVED", "install"]

#: Old module name -> new module name: every public module of the flat package that moved
#: (``factcheck.report`` and ``factcheck.store`` kept their names as packages).
MOVED: Final[dict[str, str]] = {
    "factcheck.values": "factcheck.domain.values",
    "factcheck.model": "factcheck.domain.model",
    "factcheck.errors": "factcheck.domain.errors",
    "factcheck.conflict": "factcheck.domain.conflict",
    "factcheck.corpus": "factcheck.domain.corpus",
    "factcheck.units": "factcheck.domain.units",
    "factcheck.loader": "factcheck.io.load",
    "factcheck.discovery": "factcheck.io.discovery",
    "factcheck.parse": "factcheck.io.parse",
    "factcheck.assemble": "factcheck.io.assemble",
    "factcheck.records": "factcheck.io.records",
    "factcheck.dump": "factcheck.io.dump",
    "factcheck.schema": "factcheck.io.schema",
    "factcheck.snapshots": "factcheck.io.snapshots",
    "factcheck.checks": "factcheck.rules.checks",
    "factcheck.engine": "factcheck.rules.engine",
    "factcheck.scope": "factcheck.rules.scope",
    "factcheck.partial": "factcheck.hook",
    "factcheck.github": "factcheck.report.github",
    "factcheck.html": "factcheck.report.html",
    "factcheck.strategies": "factcheck.testing.strategies",
}


# A finder and loader by protocol, not by subclassing importlib.abc: that module imports
# importlib.resources, tempfile and shutil, a fifth of what `import factcheck` cost.
class _Alias:
    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, cast("Loader", self))

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        new = MOVED[spec.name]
        warnings.warn(
            f"{spec.name} moved to {new}; the old name goes in the next release",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(new)

    def exec_module(self, module: ModuleType) -> None:
        """The module is the one at the new place, already executed."""


def install() -> None:
    """Let old module names import (once per process)."""
    if not any(isinstance(f, _Alias) for f in sys.meta_path):
        sys.meta_path.append(_Alias())
