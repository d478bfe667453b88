"""The pre-commit door: the real ``pre-commit`` in a temporary git repository, offline.

The hook is this repository's own definition from ``.pre-commit-hooks.yaml``, run as a
``repo: local`` hook with ``language: system`` so that it uses the factcheck installed in
this virtualenv instead of building an environment from the network.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import CAPACITY_RULE, ENTITIES, PROPERTIES, source_yaml

REPO = Path(__file__).resolve().parents[1]

RULES = CAPACITY_RULE


def _capacity(source: str, value: int) -> str:
    return source_yaml(
        source,
        f"""
        - id: cap
          subject: cecot
          property: capacity
          value: {value}
          quote: "holds {value:,} inmates"
        """,
    )


def _hook() -> dict[str, Any]:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hook, dict)
    return hook


class GitRepo:
    """A scratch git repository with pre-commit installed as its commit hook."""

    def __init__(self, root: Path) -> None:
        self.root = root
        bin_dir = str(Path(sys.executable).parent)
        self.env = {
            **os.environ,
            "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
            "HOME": str(root.parent / "home"),
            "PRE_COMMIT_HOME": str(root.parent / "pre-commit-cache"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.org",
            "NO_COLOR": "1",
        }
        self.env.pop("GIT_DIR", None)
        self.env.pop("GIT_INDEX_FILE", None)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=self.root, env=self.env, capture_output=True, text=True, check=False
        )

    def write(self, files: dict[str, str]) -> None:
        for name, body in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")

    def commit(self, message: str) -> subprocess.CompletedProcess[str]:
        added = self.run("git", "add", "-A")
        assert added.returncode == 0, added.stderr
        return self.run("git", "commit", "-m", message)

    def commits(self) -> int:
        return int(self.run("git", "rev-list", "--count", "HEAD").stdout.strip() or 0)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """A repository whose first commit, a consistent corpus, passed the hook."""
    git = GitRepo(tmp_path / "repo")
    git.root.mkdir()
    (tmp_path / "home").mkdir()
    assert git.run("git", "init", "-q").returncode == 0
    hook = {**_hook(), "language": "system"}
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    git.write(
        {
            ".pre-commit-config.yaml": yaml.safe_dump(config, sort_keys=False),
            "facts/entities.yaml": ENTITIES,
            "facts/properties.yaml": PROPERTIES,
            "facts/rules.yaml": RULES,
            "facts/sources/a.yaml": _capacity("a", 40000),
            "README.md": "not a fact file\n",
        }
    )
    installed = git.run(sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    first = git.commit("a consistent corpus")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "factcheck (fact files)" in first.stdout + first.stderr
    assert git.commits() == 1
    return git


# files changed in the second commit, whether it is accepted, what the hook prints.
CASES = [
    ("agreeing-source", {"facts/sources/b.yaml": _capacity("b", 40000)}, True, ["Passed"]),
    (
        "contradiction",
        {"facts/sources/b.yaml": _capacity("b", 20000)},
        False,
        [
            "facts/sources/a.yaml:7: error[capacity-agrees]",
            'facts/sources/b.yaml:7: "Source B": "holds 20,000 inmates"',
        ],
    ),
    (
        "broken-file",
        {"facts/sources/b.yaml": _capacity("b", 40000).replace("value:", "valeu:")},
        False,
        ["facts/sources/b.yaml:10: error[load] claims[0].valeu: unknown field 'valeu'"],
    ),
    (
        "invalid-yaml",
        {"facts/sources/b.yaml": "source: [unclosed\n"},
        False,
        ["facts/sources/b.yaml:"],
    ),
    ("not-a-fact-file", {"docs/notes.yaml": "anything: [at all\n"}, True, ["no files to check"]),
]


@pytest.mark.parametrize(
    ("files", "accepted", "fragments"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_commit(repo: GitRepo, files: dict[str, str], accepted: bool, fragments: list[str]) -> None:
    repo.write(files)
    result = repo.commit("second")
    out = result.stdout + result.stderr
    assert (result.returncode == 0) is accepted, out
    assert repo.commits() == (2 if accepted else 1)
    for fragment in fragments:
        assert fragment in out


def test_contradiction_fixed_then_accepted(repo: GitRepo) -> None:
    repo.write({"facts/sources/b.yaml": _capacity("b", 20000)})
    assert repo.commit("contradiction").returncode != 0
    repo.write({"facts/sources/b.yaml": _capacity("b", 40000)})
    assert repo.commit("fixed").returncode == 0
    assert repo.commits() == 2


@pytest.mark.parametrize(
    ("path", "matched"),
    [
        ("facts/sources/x.yaml", True),
        ("facts/entities.yml", True),
        ("newsroom/facts/rules.yaml", True),
        ("facts/README.md", False),
        ("src/factcheck/cli.py", False),
        ("other/sources/x.yaml", False),
    ],
)
def test_hook_definition(path: str, matched: bool) -> None:
    hook = _hook()
    assert (hook["id"], hook["entry"]) == ("factcheck", "factcheck check")
    assert hook["require_serial"] is True
    assert bool(re.search(hook["files"], path)) is matched


def test_repository_dogfoods_its_hook() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for r in config["repos"] for h in r["hooks"]}
    assert hooks["factcheck"]["entry"] == _hook()["entry"]
    assert hooks["factcheck"]["files"] == _hook()["files"]
    assert {"ruff", "ruff-format"} <= set(hooks)
