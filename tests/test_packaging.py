"""The distribution: ``python -m build`` and ``twine check --strict`` are clean, and the
wheel carries what users install (the package, py.typed, LICENSE, entry points)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and wheel, built from a copy of the tracked files (the worktree gets no
    build/ or egg-info), without network (--no-isolation: setuptools from the test extra)."""
    if shutil.which("git") is None:
        pytest.fail("git is needed to list the tracked files")
    tree = tmp_path_factory.mktemp("tree")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        source = ROOT / name
        if source.is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / name)
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(tree)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return out


def test_twine_check_is_clean(dist: Path) -> None:
    files = sorted(str(p) for p in dist.iterdir())
    assert len(files) == 2  # the sdist and the wheel
    checked = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2


def test_wheel_metadata_and_contents(dist: Path) -> None:
    from factcheck import __version__

    (wheel,) = dist.glob("*.whl")
    assert wheel.name.startswith(f"factcheck_audit-{__version__}-py3-none-any")
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(z.read(info).decode("utf-8"))
        entry_points = z.read(info.replace("METADATA", "entry_points.txt")).decode()
    assert metadata["Name"] == "factcheck-audit"
    assert metadata["Version"] == __version__
    classifiers = metadata.get_all("Classifier") or []
    assert "License :: OSI Approved :: MIT License" in classifiers
    assert "Framework :: Pytest" in classifiers
    assert metadata.get_all("Project-URL")
    assert metadata["Requires-Python"] == ">=3.11"
    assert "factcheck/__init__.py" in names
    assert "factcheck/py.typed" in names
    assert any(n.endswith("LICENSE") for n in names)
    assert "factcheck = factcheck.cli:entry" in entry_points
    assert "factcheck = factcheck.pytest_plugin" in entry_points
    # Nothing of the repository's own corpus or tests is installed.
    assert not [n for n in names if n.startswith(("facts/", "tests/", "benchmarks/"))]


def test_license_is_mit() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")


def test_the_readme_hook_rev_is_the_release_tag_of_this_version() -> None:
    import re

    from factcheck import __version__

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.findall(r"^\s*rev: (\S+)", readme, re.MULTILINE) == [f"v{__version__}"]
    assert f"rev: v{__version__}" in hooks
    assert "pip install factcheck-audit" in readme
