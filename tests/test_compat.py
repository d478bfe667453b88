"""Old module paths keep importing, for one release, with a warning naming the new one."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck._compat import MOVED


@pytest.mark.parametrize(("old", "new"), sorted(MOVED.items()))
def test_an_old_path_is_the_new_module(old: str, new: str) -> None:
    code = (
        "import importlib, warnings\n"
        "warnings.simplefilter('error')\n"
        f"try:\n    importlib.import_module({old!r})\n"
        "except DeprecationWarning as w:\n    print(w)\n"
        "warnings.simplefilter('ignore')\n"
        f"assert importlib.import_module({old!r}) is importlib.import_module({new!r})\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert f"{old} moved to {new}" in run.stdout


def test_new_names_import_without_a_warning() -> None:
    code = (
        "import warnings; warnings.simplefilter('error')\n"
        "import factcheck.domain.model, factcheck.io.load, factcheck.rules.checks\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
