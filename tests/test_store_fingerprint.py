"""Store keys (factcheck.store.fingerprint): a changed input, or changed code anywhere in
the package, is a different key, so it can never be answered from the store."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck
from factcheck.io.discovery import scan
from factcheck.store import NO_CACHE_ENV, code_fingerprint, content_key
from factcheck.store.fingerprint import package_root

from .conftest import MakeCorpus, bound_corpus


def test_keys_cover_name_bytes_and_code(make_corpus: MakeCorpus) -> None:
    root = bound_corpus(make_corpus)
    sc = scan(root)
    assert len(set(sc.store_keys())) == len(sc.files)
    assert content_key("a", "bc") != content_key("ab", "c")  # parts are delimited
    assert content_key("a", b"bc") == content_key("a", "bc")
    assert len(code_fingerprint()) == 64


def test_a_file_of_the_package_changes_the_fingerprint(tmp_path: Path) -> None:
    # In a fresh process each time (the value is computed once per process).
    lib = tmp_path / "lib"
    shutil.copytree(package_root(), lib / "factcheck", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(lib)}
    code = (
        "from factcheck.store.fingerprint import code_fingerprint, package_root;"
        "print(package_root()); print(code_fingerprint())"
    )

    def fingerprint() -> str:
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        assert out[0] == str((lib / "factcheck").resolve())
        return out[1]

    first = fingerprint()
    assert fingerprint() == first
    (lib / "factcheck" / "domain" / "units.py").write_text(
        (lib / "factcheck" / "domain" / "units.py").read_text() + "\n# changed\n"
    )
    second = fingerprint()
    assert second != first
    (lib / "factcheck" / "rules" / "kinds" / "new_kind.py").write_text("")
    assert fingerprint() not in (first, second)


def test_the_fingerprint_covers_the_whole_package() -> None:
    assert package_root() == Path(factcheck.__file__).resolve().parent
    assert (package_root() / "rules" / "kinds" / "bound.py").is_file()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # a check kind's message
        ("cannot exceed {p.max}", "must stay below {p.max}"),
        # a check kind's logic: the finding disappears
        ("for f in quantities_of(facts):", "for f in quantities_of(facts[:0]):"),
    ],
)
def test_a_changed_check_kind_is_never_answered_from_the_store(
    make_corpus: MakeCorpus, tmp_path: Path, old: str, new: str
) -> None:
    # A copy of the package, run from where it lies (as an editable install would):
    # after its code changes, the stored report and rows must not be served.
    lib = tmp_path / "lib"
    shutil.copytree(package_root(), lib / "factcheck", ignore=shutil.ignore_patterns("__pycache__"))
    root = bound_corpus(make_corpus)
    env = {**os.environ, "PYTHONPATH": str(lib), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop(NO_CACHE_ENV, None)

    def audit(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "factcheck", "audit", ".", *extra],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    before = audit()
    assert audit().stdout == before.stdout  # warm: served from the store
    assert "within-capacity" in before.stdout
    kind = lib / "factcheck" / "rules" / "kinds" / "bound.py"
    assert old in kind.read_text()
    kind.write_text(kind.read_text().replace(old, new))
    warm, cold = audit(), audit("--no-cache")
    assert cold.stdout != before.stdout  # the change shows in a cold run
    assert (warm.stdout, warm.returncode) == (cold.stdout, cold.returncode)
    check = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "sources/a.yaml"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert check.stdout.splitlines()[-1] == cold.stdout.splitlines()[-1]
